"""/api/v1/listening/alerts: alert rules and their history (managers write, moderators read)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.errors import ValidationError
from ninja.pagination import PageNumberPagination, paginate

from belvedere.listening.forms_alerts import check_parameters, clean_apprise_urls, clean_emails
from belvedere.listening.models import Query
from belvedere.listening.permissions import can_manage_listening
from belvedere.listening.queries import _gate
from belvedere.listening.queries_alerts import get_alert_for_user, list_alerts, list_events
from belvedere.listening.schemas_insights import AlertEventOut, AlertIn, AlertOut, AlertPatch
from belvedere.listening.services import alerts as services
from belvedere.listening.services.alert_checks import evaluate_alert

router = Router()


def forbid_unless(allowed: bool) -> None:
    from ninja.errors import HttpError

    if not allowed:
        raise HttpError(403, _("You do not have permission to do this."))


def invalid(errors: dict[str, str]) -> ValidationError:
    return ValidationError(
        [
            {"loc": ["body", "payload", field], "msg": str(msg), "type": "value_error"}
            for field, msg in errors.items()
        ]
    )


def _fields(changes: dict, kind: str) -> dict:
    """Model fields from the payload, validated as in the form; 422 otherwise."""
    errors: dict[str, str] = {}
    for name, clean in (("emails", clean_emails), ("apprise_urls", clean_apprise_urls)):
        if changes.get(name) is not None:
            try:
                changes[name] = clean("\n".join(changes[name]))
            except DjangoValidationError as exc:
                errors[name] = " ".join(exc.messages)
    if "query_id" in changes:
        query_id = changes.pop("query_id")
        changes["query"] = get_object_or_404(Query, pk=query_id) if query_id else None
    errors |= check_parameters({"kind": kind, **changes})
    if errors:
        raise invalid(errors)
    return changes


@router.get("/alerts", response=list[AlertOut], summary="Alerts")
def alerts(request):
    _gate(request.auth)
    return list(list_alerts())


@router.post("/alerts", response={201: AlertOut}, summary="Create an alert")
def create_alert(request, payload: AlertIn):
    forbid_unless(can_manage_listening(request.auth))
    fields = _fields(payload.dict(), payload.kind)
    return Status(201, services.create_alert(actor=request.auth, **fields))


@router.get("/alerts/{alert_id}", response=AlertOut, summary="One alert")
def alert(request, alert_id: int):
    return get_alert_for_user(request.auth, alert_id)


@router.patch("/alerts/{alert_id}", response=AlertOut, summary="Change an alert")
def update_alert(request, alert_id: int, payload: AlertPatch):
    alert = get_alert_for_user(request.auth, alert_id)
    forbid_unless(can_manage_listening(request.auth))
    changes = payload.dict(exclude_unset=True)
    changes = {k: v for k, v in changes.items() if v is not None or k == "query_id"}
    current = {n: getattr(alert, n) for n in ("baseline_periods", "sigma", "negative_rise")}
    fields = _fields({"expression": alert.expression, **current, **changes}, alert.kind)
    return services.update_alert(alert, actor=request.auth, **fields)


@router.delete("/alerts/{alert_id}", response={204: None}, summary="Delete an alert")
def delete_alert(request, alert_id: int):
    alert = get_alert_for_user(request.auth, alert_id)
    forbid_unless(can_manage_listening(request.auth))
    services.delete_alert(alert, actor=request.auth)
    return Status(204, None)


@router.get("/alerts/{alert_id}/events", response=list[AlertEventOut], summary="Its firings")
@paginate(PageNumberPagination, page_size=50)
def alert_events(request, alert_id: int):
    return list_events(get_alert_for_user(request.auth, alert_id))


@router.post("/alerts/{alert_id}/check", response={200: AlertEventOut | None}, summary="Check now")
def check_alert(request, alert_id: int):
    alert = get_alert_for_user(request.auth, alert_id)
    forbid_unless(can_manage_listening(request.auth))
    return evaluate_alert(alert)
