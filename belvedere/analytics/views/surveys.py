"""Surveys: list and create (managers), results, answering on the site or by signed link."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from belvedere.accounts.decorators import role_required
from belvedere.accounts.models import Role
from belvedere.analytics import charts
from belvedere.analytics.forms import SurveyForm
from belvedere.analytics.models import Survey
from belvedere.analytics.queries.surveys import survey_results
from belvedere.analytics.services import surveys as service
from belvedere.core.csv import csv_response


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def survey_create(request: HttpRequest):
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        survey = service.create_survey(
            actor=request.user, title=form.cleaned_data["title"], questions=form.questions(),
            **form.fields_for_model(),
        )  # fmt: skip
        return redirect("analytics:survey", survey.pk)
    return render(request, "analytics/survey_form.html", {"form": form},
                  status=400 if form.errors else 200)  # fmt: skip


@role_required(Role.MANAGER)
@require_http_methods(["GET"])
def survey_detail(request: HttpRequest, survey_id: int):
    survey = get_object_or_404(Survey, pk=survey_id)
    results = survey_results(survey)
    if request.GET.get("format") == "csv":
        rows = ((r["question"].text, r["question"].kind, r["count"], r.get("nps", ""),
                 r.get("csat", "")) for r in results["questions"])  # fmt: skip
        return csv_response(f"survey-{survey.pk}.csv",
                            ["question", "kind", "answers", "nps", "csat"], rows)  # fmt: skip
    for row in results["questions"]:
        row["chart"] = charts.nps_chart(row) if "nps" in row else charts.distribution_chart(row)
    return render(request, "analytics/survey.html", {"survey": survey, "results": results})


@role_required(Role.MANAGER)
@require_POST
def survey_action(request: HttpRequest, survey_id: int):
    survey = get_object_or_404(Survey, pk=survey_id)
    action = request.POST.get("action")
    if action == "email":
        sent = service.email_survey(survey, actor=request.user)
        messages.success(request, _("%(n)s invitations sent.") % {"n": sent})
    elif action in ("open", "close"):
        service.set_survey_open(survey, actor=request.user, is_open=action == "open")
    else:
        return render(request, "analytics/survey_form.html", {"form": None}, status=400)
    return redirect("analytics:survey", survey.pk)


def _answer_page(request, survey, respondent, action_url):
    if request.method == "POST":
        answers = {q.pk: request.POST.get(f"q{q.pk}", "") for q in survey.questions.all()}
        try:
            service.answer_survey(survey, respondent, answers)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            return render(request, "analytics/survey_thanks.html", {"survey": survey})
    context = {"survey": survey, "questions": survey.questions.all(), "action_url": action_url}
    return render(request, "analytics/survey_answer.html", context)


@role_required("member")
@require_http_methods(["GET", "POST"])
def survey_answer(request: HttpRequest, survey_id: int):
    survey = get_object_or_404(Survey, pk=survey_id, is_open=True)
    return _answer_page(request, survey, request.user, request.path)


@require_http_methods(["GET", "POST"])
def survey_link(request: HttpRequest, token: str):
    """The personal link of an email invitation: no login needed, the signature says who."""
    ids = service.read_link_token(token)
    if ids is None:
        raise Http404
    survey = get_object_or_404(Survey, pk=ids[0], is_open=True)
    respondent = get_object_or_404(get_user_model(), pk=ids[1], is_active=True)
    return _answer_page(request, survey, respondent, request.path)


@require_http_methods(["GET"])
def survey_banner(request: HttpRequest):
    """An HTMX fragment for every page: the survey waiting for this member, if any."""
    from belvedere.analytics.queries.surveys import get_banner_survey

    survey = get_banner_survey(request.user)
    return render(request, "analytics/_survey_banner.html", {"survey": survey})
