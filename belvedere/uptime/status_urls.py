"""The public status page under /status/ and the Statuspage-shaped JSON under /api/v2/."""

from django.urls import path

from belvedere.uptime.views import public

app_name = "status"
urlpatterns = [
    path("", public.index, name="index"),
    path("incidents/<int:incident_id>/", public.incident, name="incident"),
    path("feed.atom", public.IncidentFeed(), name="feed"),
    path("badge/<int:component_id>.svg", public.badge, name="badge"),
]

statuspage_urlpatterns = [
    path("summary.json", public.api_summary, name="statuspage_summary"),
    path("status.json", public.api_status, name="statuspage_status"),
    path("components.json", public.api_components, name="statuspage_components"),
    path("incidents.json", public.api_incidents, name="statuspage_incidents"),
    path("incidents/unresolved.json", public.api_unresolved, name="statuspage_unresolved"),
    path("scheduled-maintenances.json", public.api_maintenances, name="statuspage_maintenances"),
    path("scheduled-maintenances/upcoming.json", public.api_maintenances_upcoming),
    path("scheduled-maintenances/active.json", public.api_maintenances_active),
]
