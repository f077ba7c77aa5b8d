from django.urls import path

from belvedere.uptime.views import incidents, monitors, public, reports, trackers

app_name = "uptime"
urlpatterns = [
    path("", monitors.monitor_list, name="monitors"),
    path("monitors/new/", monitors.monitor_new, name="monitor_new"),
    path("monitors/<int:monitor_id>/", monitors.monitor_detail, name="monitor"),
    path("monitors/<int:monitor_id>/edit/", monitors.monitor_edit, name="monitor_edit"),
    path("monitors/<int:monitor_id>/action/", monitors.monitor_action, name="monitor_action"),
    path("components/", monitors.components, name="components"),
    path("components/<int:component_id>/", monitors.component_edit, name="component_edit"),
    path("maintenance/", monitors.maintenance, name="maintenance"),
    path(
        "maintenance/<int:window_id>/delete/",
        monitors.maintenance_delete,
        name="maintenance_delete",
    ),
    path("incidents/", incidents.incident_list, name="incidents"),
    path("incidents/new/", incidents.incident_new, name="incident_new"),
    path("incidents/<int:incident_id>/", incidents.incident_detail, name="incident"),
    path("incidents/<int:incident_id>/update/", incidents.incident_update, name="incident_update"),
    path(
        "incidents/<int:incident_id>/postmortem/",
        incidents.incident_postmortem,
        name="incident_postmortem",
    ),
    path("report/", reports.report_problem, name="report"),
    path("reports/mine/", reports.my_reports, name="mine"),
    path("suggestions/", reports.suggestions, name="suggestions"),
    path("suggestions/<int:report_id>/vote/", reports.vote, name="vote"),
    path("triage/", reports.triage, name="triage"),
    path("triage/<int:report_id>/", reports.triage_detail, name="triage_detail"),
    path("triage/<int:report_id>/hand-off/", reports.hand_off, name="hand_off"),
    path("triage/<int:report_id>/screenshot/", reports.screenshot, name="screenshot"),
    path("ping/<uuid:token>", public.ping, name="ping"),
    path("ping/<uuid:token>/<str:signal>", public.ping, name="ping_signal"),
    path("trackers/<int:tracker_id>/webhook", public.tracker_webhook, name="tracker_webhook"),
    path("trackers/", trackers.tracker_list, name="trackers"),
    path("trackers/new/", trackers.tracker_new, name="tracker_new"),
    path("trackers/<int:tracker_id>/edit/", trackers.tracker_edit, name="tracker_edit"),
    path("trackers/<int:tracker_id>/action/", trackers.tracker_action, name="tracker_action"),
]
