"""The uptime API under /api/v1/uptime: monitors, incidents, reports, trackers."""

from django.forms.models import model_to_dict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError, ValidationError
from ninja.pagination import PageNumberPagination, paginate

from belvedere.uptime import permissions, queries
from belvedere.uptime.forms import (
    IncidentForm,
    IncidentUpdateForm,
    MonitorForm,
    ReportForm,
    TrackerForm,
    TriageForm,
)
from belvedere.uptime.models import Tracker
from belvedere.uptime.schemas import (
    HandOffIn,
    IncidentIn,
    IncidentOut,
    MonitorFilters,
    MonitorIn,
    MonitorOut,
    MonitorPatch,
    ReportFilters,
    ReportIn,
    ReportOut,
    ResultOut,
    TrackerCheckOut,
    TrackerIn,
    TrackerOut,
    TrackerPatch,
    TrackerSecretOut,
    TriageIn,
    UpdateIn,
)
from belvedere.uptime.services import handoff, incidents, reports
from belvedere.uptime.services import monitors as monitor_services
from belvedere.uptime.services import trackers as tracker_services
from belvedere.uptime.trackers import TrackerError

router = Router()
RENAMED = {"component_id": "component", "tracker_id": "tracker", "duplicate_of_id": "duplicate_of"}


def _forbid_unless(allowed: bool) -> None:
    if not allowed:
        raise HttpError(403, _("You do not have permission to do this."))


def _valid(form):
    if not form.is_valid():
        raise ValidationError(
            [
                {"loc": ["body", "payload", field], "msg": str(message), "type": "value_error"}
                for field, messages in form.errors.items()
                for message in messages
            ]
        )
    return form.cleaned_data


def _renamed(data: dict) -> dict:
    return {RENAMED.get(key, key): value for key, value in data.items()}


@router.get("/monitors", response=list[MonitorOut], summary="Monitors (managers)")
@paginate(PageNumberPagination, page_size=50)
def list_monitors(request, filters: Query[MonitorFilters]):
    _forbid_unless(permissions.can_manage_monitors(request.auth))
    return queries.list_monitors(**filters.dict())


@router.post("/monitors", response={201: MonitorOut}, summary="Create a monitor")
def create_monitor(request, payload: MonitorIn):
    _forbid_unless(permissions.can_manage_monitors(request.auth))
    data = _valid(MonitorForm(data=_renamed(payload.dict())))
    return 201, monitor_services.create_monitor(actor=request.auth, **data)


@router.get("/monitors/{monitor_id}", response=MonitorOut, summary="One monitor")
def get_monitor(request, monitor_id: int):
    return queries.get_monitor_for_user(request.auth, monitor_id)


@router.patch("/monitors/{monitor_id}", response=MonitorOut, summary="Change a monitor")
def update_monitor(request, monitor_id: int, payload: MonitorPatch):
    monitor = queries.get_monitor_for_user(request.auth, monitor_id)
    data = model_to_dict(monitor, fields=MonitorForm.Meta.fields)
    data.update(_renamed(payload.dict(exclude_unset=True)))
    cleaned = _valid(MonitorForm(data=data, instance=monitor))
    monitor.refresh_from_db()
    return monitor_services.update_monitor(monitor, actor=request.auth, **cleaned)


@router.delete("/monitors/{monitor_id}", response={204: None}, summary="Delete a monitor")
def delete_monitor(request, monitor_id: int):
    monitor = queries.get_monitor_for_user(request.auth, monitor_id)
    monitor_services.delete_monitor(monitor, actor=request.auth)
    return 204, None


@router.post("/monitors/{monitor_id}/pause", response=MonitorOut, summary="Pause a monitor")
def pause_monitor(request, monitor_id: int):
    monitor = queries.get_monitor_for_user(request.auth, monitor_id)
    return monitor_services.set_paused(monitor, True, actor=request.auth)


@router.post("/monitors/{monitor_id}/resume", response=MonitorOut, summary="Resume a monitor")
def resume_monitor(request, monitor_id: int):
    monitor = queries.get_monitor_for_user(request.auth, monitor_id)
    return monitor_services.set_paused(monitor, False, actor=request.auth)


@router.get("/monitors/{monitor_id}/results", response=list[ResultOut], summary="Raw results")
@paginate(PageNumberPagination, page_size=100)
def monitor_results(request, monitor_id: int):
    return queries.get_monitor_for_user(request.auth, monitor_id).results.all()


@router.get("/incidents", response=list[IncidentOut], summary="Incidents (managers)")
@paginate(PageNumberPagination, page_size=50)
def list_incidents(request, open: bool = False):
    _forbid_unless(permissions.can_manage_incidents(request.auth))
    return queries.list_incidents(open_only=open)


@router.post("/incidents", response={201: IncidentOut}, summary="Open an incident")
def create_incident(request, payload: IncidentIn):
    _forbid_unless(permissions.can_manage_incidents(request.auth))
    data = _valid(IncidentForm(data={**payload.dict(), "components": payload.component_ids}))
    return 201, incidents.create_incident(actor=request.auth, **data)


@router.post(
    "/incidents/{incident_id}/updates", response={201: IncidentOut}, summary="Post an update"
)
def post_update(request, incident_id: int, payload: UpdateIn):
    incident = queries.get_incident_for_staff(request.auth, incident_id)
    data = _valid(IncidentUpdateForm(data=payload.dict()))
    incidents.post_update(incident, actor=request.auth, **data)
    return 201, queries.list_incidents().get(pk=incident.pk)


@router.get("/reports", response=list[ReportOut], summary="Reports: all (staff) or mine")
@paginate(PageNumberPagination, page_size=50)
def list_reports(request, filters: Query[ReportFilters]):
    rows = queries.list_reports(**filters.dict())
    if not permissions.can_triage(request.auth):
        rows = rows.filter(reporter=request.auth)
    return rows


@router.post("/reports", response={201: ReportOut}, summary="Report a problem or suggest")
def create_report(request, payload: ReportIn):
    _forbid_unless(permissions.can_report(request.auth))
    data = payload.dict()
    form = ReportForm(data={k: v for k, v in data.items() if k != "kind" and v is not None})
    cleaned = _valid(form)
    cleaned.pop("screenshot", None)
    try:
        report = reports.create_report(
            reporter=request.auth,
            kind=payload.kind,
            user_agent=request.headers.get("User-Agent", ""),
            **cleaned,
        )
    except reports.TooManyReports:
        raise HttpError(429, _("You sent many reports in the last hour. Please wait a little."))
    return 201, report


@router.patch("/reports/{report_id}", response=ReportOut, summary="Triage a report (staff)")
def triage_report(request, report_id: int, payload: TriageIn):
    _forbid_unless(permissions.can_triage(request.auth))
    report = queries.get_report_for_user(request.auth, report_id)
    data = model_to_dict(report, fields=TriageForm.Meta.fields)
    data.update(_renamed(payload.dict(exclude_unset=True)))
    cleaned = _valid(
        TriageForm(data={k: v for k, v in data.items() if v is not None}, instance=report)
    )
    report.refresh_from_db()
    return reports.triage_report(report, actor=request.auth, **cleaned)


@router.post("/reports/{report_id}/vote", response=ReportOut, summary="Vote for a suggestion")
def vote(request, report_id: int, on: bool = True):
    report = queries.get_report_for_user(request.auth, report_id)
    _forbid_unless(permissions.can_vote(request.auth, report))
    return reports.vote(report, request.auth, on=on)


@router.post("/reports/{report_id}/hand-off", response=ReportOut, summary="Open a tracker issue")
def hand_off(request, report_id: int, payload: HandOffIn):
    _forbid_unless(permissions.can_hand_off(request.auth))
    report = queries.get_report_for_user(request.auth, report_id)
    tracker = get_object_or_404(Tracker, pk=payload.tracker_id, is_active=True)
    try:
        return handoff.hand_off_report(report, tracker, actor=request.auth)
    except TrackerError as exc:
        raise HttpError(502, _("The tracker refused the issue: %(error)s") % {"error": exc})


def _tracker(request, tracker_id: int) -> Tracker:
    _forbid_unless(permissions.can_manage_trackers(request.auth))
    return get_object_or_404(Tracker, pk=tracker_id)


def _with_secret(request, tracker: Tracker) -> Tracker:
    """The tracker with its webhook address, for the answers that show its secret once."""
    path = reverse("uptime:tracker_webhook", args=[tracker.pk])
    tracker.webhook_url = request.build_absolute_uri(path)
    return tracker


@router.get("/trackers", response=list[TrackerOut], summary="Trackers (managers)")
def list_trackers(request):
    _forbid_unless(permissions.can_manage_trackers(request.auth))
    return Tracker.objects.order_by("name", "pk")


@router.post("/trackers", response={201: TrackerSecretOut}, summary="Add a tracker")
def create_tracker(request, payload: TrackerIn):
    """The answer holds the webhook secret and address once; they are never shown again."""
    _forbid_unless(permissions.can_manage_trackers(request.auth))
    data = _valid(TrackerForm(data=payload.dict()))
    data.pop("clear_token", None)
    tracker = tracker_services.create_tracker(actor=request.auth, **data)
    return 201, _with_secret(request, tracker)


@router.get("/trackers/{tracker_id}", response=TrackerOut, summary="One tracker")
def get_tracker(request, tracker_id: int):
    return _tracker(request, tracker_id)


@router.patch("/trackers/{tracker_id}", response=TrackerOut, summary="Change a tracker")
def update_tracker(request, tracker_id: int, payload: TrackerPatch):
    """A token left out keeps the stored one; ``clear_token`` removes it."""
    tracker = _tracker(request, tracker_id)
    data = model_to_dict(tracker, fields=TrackerForm.Meta.fields)
    data.update(token="", **payload.dict(exclude_unset=True, exclude={"token"}))
    if payload.token:
        data["token"] = payload.token
    cleaned = _valid(TrackerForm(data=data, instance=tracker))
    cleaned.pop("clear_token", None)
    tracker.refresh_from_db()  # the form wrote into the instance
    tracker_services.update_tracker(tracker, actor=request.auth, **cleaned)
    return tracker


@router.delete("/trackers/{tracker_id}", response={204: None}, summary="Delete a tracker")
def delete_tracker(request, tracker_id: int):
    tracker_services.delete_tracker(_tracker(request, tracker_id), actor=request.auth)
    return 204, None


@router.post("/trackers/{tracker_id}/check", response=TrackerCheckOut, summary="Test a tracker")
def check_tracker(request, tracker_id: int):
    ok, detail = tracker_services.check_tracker(_tracker(request, tracker_id), actor=request.auth)
    return {"ok": ok, "detail": detail}


@router.post(
    "/trackers/{tracker_id}/secret", response=TrackerSecretOut, summary="New webhook secret"
)
def rotate_tracker_secret(request, tracker_id: int):
    tracker = _tracker(request, tracker_id)
    tracker_services.rotate_webhook_secret(tracker, actor=request.auth)
    return _with_secret(request, tracker)
