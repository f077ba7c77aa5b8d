"""Events: list, page, register and cancel, calendar files, manage, check-in, feedback."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from belvedere.accounts.decorators import role_required
from belvedere.accounts.models import Role
from belvedere.engagement import ics
from belvedere.engagement.forms import CheckInForm, EventForm, FeedbackForm, InviteMembersForm
from belvedere.engagement.forms_feedback import AnswersForm, QuestionForm
from belvedere.engagement.permissions import can_manage_engagement, can_register
from belvedere.engagement.queries import events as queries
from belvedere.engagement.services import events as services
from belvedere.engagement.services.threads import open_event_thread
from belvedere.engagement.views.common import error_text, feedback_errors, paginate


@require_GET
def event_list(request: HttpRequest):
    when = request.GET.get("when") if request.GET.get("when") in ("past", "all") else "upcoming"
    page, query = paginate(request, queries.list_events(request.user, when=when), 20)
    context = {
        "page": page,
        "query": query,
        "when": when,
        "can_manage": can_manage_engagement(request.user),
    }
    return render(request, "engagement/events.html", context)


@require_GET
def event_detail(request: HttpRequest, event_id: int):
    event = queries.get_event_for_user(request.user, event_id)
    registration = queries.my_registration(request.user, event)
    invited = queries.is_invited(request.user, event)
    return render(
        request,
        "engagement/event.html",
        {
            "event": event,
            "registration": registration,
            "position": queries.waitlist_position(registration) if registration else None,
            "figures": queries.event_figures(event),
            "can_register": can_register(request.user, event, invited=invited),
            "can_manage": can_manage_engagement(request.user),
            "feedback_form": FeedbackForm(),
            "answers_form": AnswersForm(event.questions.all()),
        },
    )


@role_required(Role.MEMBER)
@require_POST
def event_register(request: HttpRequest, event_id: int):
    event = queries.get_event_for_user(request.user, event_id)
    try:
        registration = services.register(
            event, user=request.user, invited=queries.is_invited(request.user, event)
        )
    except PermissionDenied as error:
        messages.error(request, str(error))
        return redirect("engagement:event", event.pk)
    if registration.status == "confirmed":
        messages.success(request, _("You are registered."))
    else:
        messages.info(request, _("The event is full: you are on the waiting list."))
    return redirect("engagement:event", event.pk)


@role_required(Role.MEMBER)
@require_POST
def registration_cancel(request: HttpRequest, registration_id: int):
    registration = queries.get_registration_for_user(request.user, registration_id)
    services.cancel_registration(registration, actor=request.user)
    messages.success(request, _("Registration cancelled."))
    return redirect("engagement:event", registration.event_id)


@require_GET
def event_ics(request: HttpRequest, event_id: int):
    event = queries.get_event_for_user(request.user, event_id)
    response = HttpResponse(
        ics.calendar_bytes([event]), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


@require_GET
def calendar_feed(request: HttpRequest):
    """Upcoming and recent events this visitor may see (public ones for calendar apps)."""
    events = queries.list_events(request.user, when="all").order_by("-starts_at")[:200]
    body = ics.calendar_bytes(events, name="Belvedere")
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, event_id: int | None = None):
    event = queries.get_event_for_user(request.user, event_id) if event_id else None
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in form.Meta.fields}
        if event is None:
            event = services.create_event(actor=request.user, **data)
        else:
            services.update_event(event, actor=request.user, **data)
        messages.success(request, _("Event saved."))
        return redirect("engagement:event", event.pk)
    status = 400 if form.is_bound else 200
    return render(
        request, "engagement/event_form.html", {"form": form, "event": event}, status=status
    )


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def event_manage(request: HttpRequest, event_id: int):
    """Attendees, invitations and check-in at the door."""
    event = queries.get_event_for_user(request.user, event_id)
    invite_form, checkin_form = InviteMembersForm(), CheckInForm()
    status = 200
    if request.method == "POST" and "code" in request.POST:
        checkin_form, status = _check_in(request, event)
    elif request.method == "POST":
        invite_form = InviteMembersForm(request.POST)
        if invite_form.is_valid():
            count = services.invite_members(
                event, invite_form.cleaned_data["emails"], actor=request.user
            )
            messages.success(request, _("%(n)d members invited.") % {"n": count})
        status = 200 if invite_form.is_valid() else 400
    page, query = paginate(
        request, queries.list_registrations(event, request.GET.get("status", ""))
    )
    return render(
        request,
        "engagement/event_manage.html",
        {
            "event": event,
            "page": page,
            "query": query,
            "figures": queries.event_figures(event),
            "questions": list(event.questions.all()),
            "question_form": QuestionForm(),
            "invite_form": invite_form,
            "checkin_form": checkin_form,
        },
        status=status,
    )


def _check_in(request, event):
    form = CheckInForm(request.POST)
    if not form.is_valid():
        return form, 400
    try:
        registration = services.check_in(event, form.cleaned_data["code"], actor=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return form, 400
    messages.success(request, _("%(name)s checked in.") % {"name": registration.user})
    return CheckInForm(), 200


@role_required(Role.MANAGER)
@require_POST
def event_thread(request: HttpRequest, event_id: int):
    """Open the AMA / live Q&A thread of an online event in a forum category."""
    event = queries.get_event_for_user(request.user, event_id)
    try:
        open_event_thread(event, actor=request.user, category_slug=request.POST.get("category", ""))
        messages.success(request, _("The event's thread is open on the forum."))
    except ValidationError as error:
        messages.error(request, error_text(error))
    return redirect("engagement:event", event.pk)


@role_required(Role.MEMBER)
@require_POST
def event_feedback(request: HttpRequest, event_id: int):
    event = queries.get_event_for_user(request.user, event_id)
    form = FeedbackForm(request.POST)
    answers = AnswersForm(event.questions.all(), request.POST)
    if not form.is_valid() or not answers.is_valid():
        messages.error(request, feedback_errors(form, answers))
        return redirect("engagement:event", event.pk)
    try:
        services.submit_feedback(
            event, user=request.user, answers=answers.answers(), **form.cleaned_data
        )
        messages.success(request, _("Thank you for your feedback."))
    except PermissionDenied as error:
        messages.error(request, str(error))
    return redirect("engagement:event", event.pk)
