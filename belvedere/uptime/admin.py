"""Uptime in the Django admin, for administrators (the role, not only superusers)."""

from django.contrib import admin

from belvedere.core.admin import AdminRoleOnly
from belvedere.uptime.forms import TrackerForm
from belvedere.uptime.models import Component, ComponentGroup, Incident, Monitor, Report, Tracker


@admin.register(Tracker)
class TrackerAdmin(AdminRoleOnly, admin.ModelAdmin):
    """The same form as /uptime/trackers/: tokens are write-only, the webhook secret hidden."""

    form = TrackerForm
    fields = ["name", "kind", "base_url", "project", "username", "token", "email_to", "is_active"]
    list_display = ["name", "kind", "base_url", "project", "is_active"]


@admin.register(Monitor)
class MonitorAdmin(AdminRoleOnly, admin.ModelAdmin):
    list_display = ["name", "kind", "status", "is_paused", "last_checked_at"]
    list_filter = ["kind", "status", "is_paused"]
    search_fields = ["name", "url", "host"]
    readonly_fields = ["ping_token"]


class PlainAdmin(AdminRoleOnly, admin.ModelAdmin):
    pass


admin.site.register([Component, ComponentGroup], PlainAdmin)


@admin.register(Incident)
class IncidentAdmin(AdminRoleOnly, admin.ModelAdmin):
    list_display = ["title", "status", "impact", "started_at", "resolved_at"]


@admin.register(Report)
class ReportAdmin(AdminRoleOnly, admin.ModelAdmin):
    list_display = ["title", "kind", "status", "severity", "vote_count", "created_at"]
    list_filter = ["kind", "status"]
