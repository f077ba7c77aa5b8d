"""Members report problems and suggest improvements; staff triage and hand them off."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from belvedere.accounts.decorators import check, role_required
from belvedere.core.csv import csv_response
from belvedere.uptime import permissions, queries
from belvedere.uptime.forms import HandOffForm, ReportForm, SuggestionForm, TriageForm
from belvedere.uptime.models import ReportStatus, Tracker
from belvedere.uptime.services import handoff
from belvedere.uptime.services import reports as services
from belvedere.uptime.trackers import TrackerError
from belvedere.uptime.views.common import paginate


def _create(request, form, kind: str):
    try:
        return services.create_report(
            reporter=request.user,
            kind=kind,
            user_agent=request.headers.get("User-Agent", ""),
            **form.cleaned_data,
        )
    except services.TooManyReports:
        form.add_error(None, _("You sent many reports in the last hour. Please wait a little."))
        return None


@login_required
def report_problem(request):
    check(permissions.can_report(request.user))
    initial = {"page_url": request.GET.get("page", "")[:2048]}
    form = ReportForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid() and _create(request, form, "problem"):
        messages.success(request, _("Thank you: your report was sent to the team."))
        return redirect("uptime:mine")
    code = 400 if form.is_bound and form.errors else (429 if form.non_field_errors() else 200)
    return render(request, "uptime/report_form.html", {"form": form}, status=code)


@login_required
def my_reports(request):
    check(permissions.can_report(request.user))
    rows = queries.list_reports().filter(reporter=request.user)
    return render(request, "uptime/my_reports.html", {"page": paginate(request, rows)})


@login_required
def suggestions(request):
    check(permissions.can_report(request.user))
    form = SuggestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _create(request, form, "suggestion"):
        messages.success(request, _("Thank you: your suggestion is on the board."))
        return redirect("uptime:suggestions")
    page = paginate(request, queries.list_suggestions(request.user))
    voted = queries.voted_ids(request.user, page)
    code = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "uptime/suggestions.html",
        {"page": page, "voted": voted, "form": form},
        status=code,
    )


@require_POST
@login_required
def vote(request, report_id: int):
    report = queries.get_report_for_user(request.user, report_id)
    check(permissions.can_vote(request.user, report))
    services.vote(report, request.user, on=request.POST.get("vote", "1") == "1")
    if request.htmx:
        voted = queries.voted_ids(request.user, [report])
        return render(request, "uptime/_vote.html", {"report": report, "voted": voted})
    return redirect("uptime:suggestions")


@role_required("moderator")
def triage(request):
    filters = {k: request.GET.get(k, "")[:100] for k in ("kind", "status", "q", "order")}
    rows = queries.list_reports(**filters)
    if request.GET.get("format") == "csv":
        header = [
            "id",
            "kind",
            "title",
            "status",
            "severity",
            "votes",
            "component",
            "created",
            "issue",
        ]
        data = (
            [
                r.pk,
                r.kind,
                r.title,
                r.status,
                r.severity,
                r.vote_count,
                r.component or "",
                r.created_at,
                r.tracker_issue_url or r.tracker_issue_id,
            ]
            for r in rows
        )
        return csv_response("reports.csv", header, data)
    return render(
        request,
        "uptime/triage.html",
        {"page": paginate(request, rows), "filters": filters, "statuses": ReportStatus.choices},
    )


@role_required("moderator")
def triage_detail(request, report_id: int):
    report = queries.get_report_for_user(request.user, report_id)
    form = TriageForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        report.refresh_from_db()
        services.triage_report(report, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Report updated."))
        return redirect("uptime:triage_detail", report.pk)
    code = 400 if form.is_bound and form.errors else 200
    context = {
        "report": report,
        "form": form,
        "handoff_form": HandOffForm(),
        "can_hand_off": permissions.can_hand_off(request.user),
    }
    return render(request, "uptime/triage_detail.html", context, status=code)


@require_POST
@role_required("manager")
def hand_off(request, report_id: int):
    report = queries.get_report_for_user(request.user, report_id)
    form = HandOffForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an active tracker."))
        return redirect("uptime:triage_detail", report.pk)
    tracker: Tracker = form.cleaned_data["tracker"]
    try:
        handoff.hand_off_report(report, tracker, actor=request.user)
    except TrackerError as exc:
        messages.error(request, _("The tracker refused the issue: %(error)s") % {"error": exc})
    else:
        messages.success(request, _("Sent to %(tracker)s.") % {"tracker": tracker.name})
    return redirect("uptime:triage_detail", report.pk)


@role_required("moderator")
def screenshot(request, report_id: int):
    report = queries.get_report_for_user(request.user, report_id)
    if not report.screenshot:
        raise Http404
    response = FileResponse(report.screenshot.open("rb"))
    response["Content-Security-Policy"] = "default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return response
