"""Product-testing programmes: list, page, apply, select, feedback, results."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from belvedere.accounts.decorators import role_required
from belvedere.accounts.models import Role
from belvedere.engagement.forms import ApplicationForm, ProgrammeFeedbackForm, ProgrammeForm
from belvedere.engagement.forms_feedback import AnswersForm, QuestionForm
from belvedere.engagement.permissions import can_manage_engagement
from belvedere.engagement.queries import programmes as queries
from belvedere.engagement.services import programmes as services
from belvedere.engagement.views.common import error_text, feedback_errors


@require_GET
def programme_list(request: HttpRequest):
    context = {
        "programmes": queries.list_programmes(request.user),
        "can_manage": can_manage_engagement(request.user),
    }
    return render(request, "engagement/programmes.html", context)


@require_GET
def programme_detail(request: HttpRequest, programme_id: int):
    programme = queries.get_programme_for_user(request.user, programme_id)
    manage = can_manage_engagement(request.user)
    user = request.user
    return render(
        request,
        "engagement/programme.html",
        {
            "programme": programme,
            "application": queries.my_application(user, programme),
            "unmet": queries.unmet_criteria(user, programme) if user.is_authenticated else [],
            "apply_form": ApplicationForm(),
            "feedback_form": ProgrammeFeedbackForm(),
            "answers_form": AnswersForm(programme.questions.all()),
            "question_form": QuestionForm() if manage else None,
            "can_manage": manage,
            "applications": queries.list_applications(programme) if manage else [],
            "results": queries.results(programme) if manage else None,
        },
    )


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def programme_create(request: HttpRequest):
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        programme = services.create_programme(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Programme saved."))
        return redirect("engagement:programme", programme.pk)
    status = 400 if form.is_bound else 200
    return render(request, "engagement/programme_form.html", {"form": form}, status=status)


@role_required(Role.MEMBER)
@require_POST
def programme_apply(request: HttpRequest, programme_id: int):
    programme = queries.get_programme_for_user(request.user, programme_id)
    form = ApplicationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Accept the programme's terms to apply."))
        return redirect("engagement:programme", programme.pk)
    try:
        services.apply(programme, user=request.user, **form.cleaned_data)
        messages.success(request, _("Application sent."))
    except (ValidationError, PermissionDenied) as error:
        messages.error(
            request, error_text(error) if isinstance(error, ValidationError) else str(error)
        )
    return redirect("engagement:programme", programme.pk)


@role_required(Role.MANAGER)
@require_POST
def programme_decide(request: HttpRequest, programme_id: int, application_id: int):
    programme = queries.get_programme_for_user(request.user, programme_id)
    application = queries.get_application_for_user(request.user, programme, application_id)
    try:
        services.decide(
            application, select=request.POST.get("decision") == "select", actor=request.user
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    return redirect("engagement:programme", programme.pk)


@role_required(Role.MANAGER)
@require_POST
def programme_action(request: HttpRequest, programme_id: int):
    """Open the testers' category, email the call, or change the programme's status."""
    programme = queries.get_programme_for_user(request.user, programme_id)
    action = request.POST.get("action", "")
    if action == "category":
        services.open_testers_category(programme, actor=request.user)
    elif action == "call":
        try:
            services.send_call(programme, actor=request.user)
            messages.success(request, _("The call for testers is being emailed."))
        except ValidationError as error:
            messages.error(request, error_text(error))
    elif action in ("open", "running", "finished"):
        services.set_programme_status(programme, action, actor=request.user)
    else:
        messages.error(request, _("Unknown action."))
    return redirect("engagement:programme", programme.pk)


@role_required(Role.MEMBER)
@require_POST
def programme_feedback(request: HttpRequest, programme_id: int):
    programme = queries.get_programme_for_user(request.user, programme_id)
    form = ProgrammeFeedbackForm(request.POST)
    answers = AnswersForm(programme.questions.all(), request.POST)
    if not form.is_valid() or not answers.is_valid():
        messages.error(request, feedback_errors(form, answers))
        return redirect("engagement:programme", programme.pk)
    try:
        services.submit_programme_feedback(
            programme, user=request.user, answers=answers.answers(), **form.cleaned_data
        )
        messages.success(request, _("Thank you for your feedback."))
    except PermissionDenied as error:
        messages.error(request, str(error))
    return redirect("engagement:programme", programme.pk)
