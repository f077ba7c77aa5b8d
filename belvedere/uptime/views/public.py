"""Public pages (no login): the status page, incidents, the Atom feed, badges, JSON."""

import json
import uuid
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from belvedere.core import ratelimit
from belvedere.core.markdown import render_markdown
from belvedere.uptime import charts, queries, status, statuspage
from belvedere.uptime.models import Component, Monitor, Tracker
from belvedere.uptime.services import handoff
from belvedere.uptime.services import monitors as monitor_services

PINGS_PER_MINUTE = 60


@require_GET
def index(request):
    data = status.status_page()
    data["chart"] = status.latency_chart(data["monitor_ids"])
    data["history"] = queries.list_incidents(public_only=True)[:20]
    data["maintenances"] = [
        {**m, "starts": datetime.fromisoformat(m["scheduled_for"]),
         "ends": datetime.fromisoformat(m["scheduled_until"])}
        for m in statuspage.maintenances(upcoming_or_active=True)
    ]  # fmt: skip
    return render(request, "uptime/status.html", data)


@require_GET
def incident(request, incident_id: int):
    item = queries.get_public_incident(incident_id)
    postmortem = render_markdown(item.postmortem) if item.postmortem_at else ""
    return render(
        request, "uptime/status_incident.html", {"incident": item, "postmortem": postmortem}
    )


@require_GET
@cache_control(max_age=60)
def badge(request, component_id: int):
    component = get_object_or_404(Component, pk=component_id, is_public=True)
    current = status.component_status(component, queries.components_in_maintenance())
    label = request.GET.get("label", component.name)[:40]
    svg = charts.badge(label, current.replace("_", " "), charts.STATUS_COLOURS[current])
    return HttpResponse(svg, content_type="image/svg+xml")


class IncidentFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("Status incidents")
    subtitle = gettext_lazy("Incidents and their updates")

    def link(self):
        return reverse("status:index")

    def items(self):
        return queries.list_incidents(public_only=True)[:30]

    def item_title(self, item):
        return f"{item.title} ({item.get_status_display()})"

    def item_description(self, item):
        return "\n".join(
            f"{u.created_at:%Y-%m-%d %H:%M} UTC — {u.get_status_display()}: {u.body}"
            for u in item.updates.all()
        )

    def item_link(self, item):
        return reverse("status:incident", args=[item.pk])

    def item_pubdate(self, item):
        return item.started_at

    def item_updateddate(self, item):
        return item.updated_at


def _json(data) -> JsonResponse:
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def api_summary(request):
    return _json(statuspage.summary())


@require_GET
def api_status(request):
    data = status.status_page()
    return _json({"page": statuspage.page(), "status": statuspage.status_object(data)})


@require_GET
def api_components(request):
    return _json(
        {"page": statuspage.page(), "components": statuspage.components(status.status_page())}
    )


@require_GET
def api_incidents(request):
    return _json({"page": statuspage.page(), "incidents": statuspage.incidents()})


@require_GET
def api_unresolved(request):
    return _json({"page": statuspage.page(), "incidents": statuspage.incidents(unresolved=True)})


@require_GET
def api_maintenances(request):
    rows = statuspage.maintenances()
    return _json({"page": statuspage.page(), "scheduled_maintenances": rows})


@require_GET
def api_maintenances_upcoming(request):
    rows = [r for r in statuspage.maintenances() if r["status"] == "scheduled"]
    return _json({"page": statuspage.page(), "scheduled_maintenances": rows})


@require_GET
def api_maintenances_active(request):
    rows = [r for r in statuspage.maintenances() if r["status"] == "in_progress"]
    return _json({"page": statuspage.page(), "scheduled_maintenances": rows})


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST", "HEAD"])
def ping(request, token: uuid.UUID, signal: str = ""):
    """A heartbeat from a job: /uptime/ping/<uuid> (success) or /uptime/ping/<uuid>/fail."""
    if ratelimit.hit("uptime-ping", str(token), window=60) > PINGS_PER_MINUTE:
        return HttpResponse(_("Too many pings.\n"), status=429, content_type="text/plain")
    monitor = Monitor.objects.filter(ping_token=token, kind="heartbeat").first()
    if monitor is None:
        return HttpResponse(_("Not found.\n"), status=404, content_type="text/plain")
    monitor_services.record_ping(monitor, ok=signal != "fail")
    return HttpResponse("OK\n", content_type="text/plain")


@csrf_exempt
@require_POST
def tracker_webhook(request, tracker_id: int):
    """The tracker tells us an issue changed; a secret proves who it is."""
    tracker = Tracker.objects.filter(pk=tracker_id, is_active=True).first()
    if tracker is None:
        raise Http404
    if not handoff.webhook_secret_ok(
        tracker, request.body, request.headers, request.GET.get("secret", "")
    ):
        return JsonResponse({"detail": _("Bad or missing secret.")}, status=403)
    try:
        payload = json.loads(request.body or b"{}")
    except ValueError:
        return JsonResponse({"detail": _("The body is not JSON.")}, status=400)
    resolved = handoff.handle_webhook(tracker, payload)
    return JsonResponse({"resolved": resolved})
