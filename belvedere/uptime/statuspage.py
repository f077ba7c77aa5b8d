"""The public status in the shape of Atlassian Statuspage's API v2, for existing widgets."""

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from belvedere.uptime import status
from belvedere.uptime.models import Component, ComponentGroup, Incident, MaintenanceWindow
from belvedere.uptime.queries import window_is_active

PAGE_ID = "belvedere"
INCIDENT_LIMIT = 50


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def page() -> dict:
    updated = Incident.objects.aggregate(last=Max("updated_at"))["last"]
    return {
        "id": PAGE_ID,
        "name": getattr(settings, "STATUS_PAGE_NAME", "Belvedere"),
        "url": settings.BASE_URL + reverse("status:index"),
        "time_zone": "Etc/UTC",
        "updated_at": _iso(updated or timezone.now()),
    }


def _component(component: Component, state: str) -> dict:
    return {
        "id": str(component.pk),
        "name": component.name,
        "status": state,
        "created_at": _iso(component.created_at),
        "updated_at": _iso(component.updated_at),
        "position": component.position,
        "description": component.description or None,
        "showcase": True,
        "start_date": component.created_at.date().isoformat(),
        "group_id": f"g{component.group_id}" if component.group_id else None,
        "page_id": PAGE_ID,
        "group": False,
        "only_show_if_degraded": False,
    }


def _group(group: ComponentGroup, children: list[dict]) -> dict:
    worst = max((c["status"] for c in children), key=status.SEVERITY.index, default="operational")
    return {
        "id": f"g{group.pk}",
        "name": group.name,
        "status": worst,
        "created_at": _iso(group.created_at),
        "updated_at": _iso(group.created_at),
        "position": group.position,
        "description": None,
        "showcase": False,
        "start_date": None,
        "group_id": None,
        "page_id": PAGE_ID,
        "group": True,
        "only_show_if_degraded": False,
        "components": [c["id"] for c in children],
    }


def components(data: dict) -> list[dict]:
    rows, by_group = [], {}
    for component in data["components"]:
        row = _component(component, component.current)
        rows.append(row)
        if component.group is not None:
            by_group.setdefault(component.group, []).append(row)
    rows += [_group(group, children) for group, children in by_group.items()]
    return sorted(rows, key=lambda row: (row["position"], row["name"]))


def incident(item: Incident) -> dict:
    comps = [_component(c, "operational") for c in item.components.all()]
    return {
        "id": str(item.pk),
        "name": item.title,
        "status": "postmortem" if item.postmortem_at and item.resolved_at else item.status,
        "created_at": _iso(item.created_at),
        "updated_at": _iso(item.updated_at),
        "monitoring_at": _iso(item.monitoring_at),
        "resolved_at": _iso(item.resolved_at),
        "impact": item.impact,
        "shortlink": settings.BASE_URL + reverse("status:incident", args=[item.pk]),
        "started_at": _iso(item.started_at),
        "page_id": PAGE_ID,
        "incident_updates": [_update(item, u) for u in item.updates.all()],
        "components": comps,
    }


def _update(item: Incident, update) -> dict:
    return {
        "id": f"{item.pk}-{update.pk}",
        "status": update.status,
        "body": update.body,
        "incident_id": str(item.pk),
        "created_at": _iso(update.created_at),
        "updated_at": _iso(update.created_at),
        "display_at": _iso(update.created_at),
        "affected_components": None,
        "deliver_notifications": False,
        "custom_tweet": None,
        "tweet_id": None,
    }


def incidents(*, unresolved: bool = False) -> list[dict]:
    rows = Incident.objects.filter(is_public=True).prefetch_related("updates", "components")
    if unresolved:
        rows = rows.filter(resolved_at=None)
    return [incident(item) for item in rows[:INCIDENT_LIMIT]]


def _maintenance_status(window: MaintenanceWindow, now) -> str:
    if window_is_active(window, now):
        return "in_progress"
    if window.recurrence == "once" and window.ends_at <= now:
        return "completed"
    return "scheduled"


def maintenance(window: MaintenanceWindow, now) -> dict:
    state = _maintenance_status(window, now)
    return {
        "id": f"m{window.pk}",
        "name": window.title,
        "status": state,
        "created_at": _iso(window.created_at),
        "updated_at": _iso(window.created_at),
        "monitoring_at": None,
        "resolved_at": _iso(window.ends_at) if state == "completed" else None,
        "impact": "maintenance",
        "shortlink": settings.BASE_URL + reverse("status:index"),
        "started_at": _iso(window.starts_at),
        "page_id": PAGE_ID,
        "scheduled_for": _iso(window.starts_at),
        "scheduled_until": _iso(window.ends_at),
        "incident_updates": [
            {
                "id": f"m{window.pk}-0",
                "status": state,
                "body": window.description or window.title,
                "incident_id": f"m{window.pk}",
                "created_at": _iso(window.created_at),
                "updated_at": _iso(window.created_at),
                "display_at": _iso(window.created_at),
                "affected_components": None,
                "deliver_notifications": False,
                "custom_tweet": None,
                "tweet_id": None,
            }
        ],
        "components": [_component(c, "under_maintenance") for c in window.components.all()],
    }


def maintenances(*, upcoming_or_active: bool = False) -> list[dict]:
    now = timezone.now()
    rows = MaintenanceWindow.objects.prefetch_related("components", "monitors")[:INCIDENT_LIMIT]
    found = [maintenance(window, now) for window in rows]
    if upcoming_or_active:
        found = [row for row in found if row["status"] != "completed"]
    return found


def status_object(data: dict) -> dict:
    indicator = data["indicator"]
    return {
        "indicator": "none" if indicator == "maintenance" else indicator,
        "description": str(data["description"]),
    }


def summary() -> dict:
    data = status.status_page()
    return {
        "page": page(),
        "status": status_object(data),
        "components": components(data),
        "incidents": incidents(unresolved=True),
        "scheduled_maintenances": maintenances(upcoming_or_active=True),
    }
