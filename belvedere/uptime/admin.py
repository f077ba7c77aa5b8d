from django import forms
from django.contrib import admin

from belvedere.core.http import check_user_url
from belvedere.uptime.models import Component, ComponentGroup, Incident, Monitor, Report, Tracker


class TrackerForm(forms.ModelForm):
    class Meta:
        model = Tracker
        fields = [
            "name",
            "kind",
            "base_url",
            "project",
            "username",
            "token",
            "email_to",
            "webhook_secret",
            "is_active",
        ]
        widgets = {"token": forms.PasswordInput(render_value=True)}

    def clean_base_url(self):
        url = self.cleaned_data.get("base_url", "").strip()
        return check_user_url(url) if url else url


@admin.register(Tracker)
class TrackerAdmin(admin.ModelAdmin):
    form = TrackerForm
    list_display = ["name", "kind", "base_url", "project", "is_active"]


@admin.register(Monitor)
class MonitorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "status", "is_paused", "last_checked_at"]
    list_filter = ["kind", "status", "is_paused"]
    search_fields = ["name", "url", "host"]
    readonly_fields = ["ping_token"]


admin.site.register([Component, ComponentGroup])


@admin.register(Incident)
class IncidentAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "impact", "started_at", "resolved_at"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "severity", "vote_count", "created_at"]
    list_filter = ["kind", "status"]
