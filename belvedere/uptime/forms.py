"""Forms of the uptime app; the API validates through the same forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext_lazy as _

from belvedere.core.http import check_user_url
from belvedere.core.notify import check_apprise_url
from belvedere.uptime.checks.probes import parse_statuses
from belvedere.uptime.models import (
    Component,
    ComponentGroup,
    Incident,
    IncidentStatus,
    MaintenanceWindow,
    Monitor,
    Report,
    Severity,
    Tracker,
)
from belvedere.uptime.models.monitors import MAX_TIMEOUT, MIN_INTERVAL

SCREENSHOT_MAX_BYTES = 2 * 1024 * 1024
SCREENSHOT_FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}


class MonitorForm(forms.ModelForm):
    class Meta:
        model = Monitor
        fields = [
            "name",
            "kind",
            "component",
            "url",
            "host",
            "port",
            "expected_statuses",
            "keyword",
            "keyword_mode",
            "max_response_ms",
            "warn_days",
            "grace_seconds",
            "interval_seconds",
            "timeout_seconds",
            "failures_before_down",
            "successes_before_up",
            "realert_minutes",
            "notify_emails",
            "apprise_urls",
            "tracker",
        ]
        widgets = {
            "notify_emails": forms.Textarea(attrs={"rows": 2}),
            "apprise_urls": forms.Textarea(attrs={"rows": 2}),
        }

    def clean_interval_seconds(self):
        value = self.cleaned_data["interval_seconds"]
        if value < MIN_INTERVAL:
            raise ValidationError(
                _("The interval must be at least %(n)s seconds."), params={"n": MIN_INTERVAL}
            )
        return value

    def clean_expected_statuses(self):
        value = self.cleaned_data.get("expected_statuses") or "200-299"
        try:
            parse_statuses(value)
        except ValueError as exc:
            raise ValidationError(str(exc))
        return value

    def clean_notify_emails(self):
        value = self.cleaned_data.get("notify_emails", "")
        for email in value.replace(",", "\n").split("\n"):
            if email.strip():
                EmailValidator(_("%(value)s is not an email address."))(email.strip())
        return value

    def clean_apprise_urls(self):
        value = self.cleaned_data.get("apprise_urls", "")
        return "\n".join(check_apprise_url(url) for url in value.splitlines() if url.strip())

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == "http":
            self._clean_url(data)
        elif kind in ("tcp", "tls"):
            self._clean_host(data)
        interval, timeout = data.get("interval_seconds"), data.get("timeout_seconds")
        if interval and timeout and timeout >= interval:
            self.add_error("timeout_seconds", _("The timeout must be shorter than the interval."))
        if timeout and timeout > MAX_TIMEOUT:
            self.add_error("timeout_seconds", _("At most %(n)s seconds.") % {"n": MAX_TIMEOUT})
        return data

    def _clean_url(self, data):
        url = (data.get("url") or "").strip()
        if not url:
            self.add_error("url", _("An HTTP monitor needs a URL."))
            return
        try:
            URLValidator(schemes=["http", "https"])(url)
            data["url"] = check_user_url(url)
        except ValidationError as exc:
            self.add_error("url", exc)

    def _clean_host(self, data):
        host, port = (data.get("host") or "").strip(), data.get("port")
        if not host or not port:
            self.add_error("host", _("A TCP or TLS monitor needs a host and a port."))
            return
        try:
            check_user_url(f"http://{host}:{port}/")
        except ValidationError as exc:
            self.add_error("host", exc)
        data["host"] = host.strip("[]").lower()


class ComponentForm(forms.ModelForm):
    class Meta:
        model = Component
        fields = ["name", "description", "group", "position", "is_public", "manual_status"]


class GroupForm(forms.ModelForm):
    class Meta:
        model = ComponentGroup
        fields = ["name", "position"]


class MaintenanceForm(forms.ModelForm):
    class Meta:
        model = MaintenanceWindow
        fields = [
            "title",
            "description",
            "recurrence",
            "starts_at",
            "ends_at",
            "weekdays",
            "monitors",
            "components",
        ]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
        }

    def clean_weekdays(self):
        value = self.cleaned_data.get("weekdays", "").replace(" ", "")
        parts = [p for p in value.split(",") if p]
        if any(not p.isdigit() or int(p) > 6 for p in parts):
            raise ValidationError(_("Give weekdays as numbers 0 (Monday) to 6 (Sunday)."))
        return ",".join(parts)

    def clean(self):
        data = super().clean()
        start, end = data.get("starts_at"), data.get("ends_at")
        if start and end and end <= start:
            self.add_error("ends_at", _("The end must come after the start."))
        if data.get("recurrence") == "weekly" and start and end and (end - start).days >= 7:
            self.add_error("ends_at", _("A weekly window lasts less than a week."))
        return data


class IncidentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    status = forms.ChoiceField(label=_("Status"), choices=IncidentStatus.choices)
    impact = forms.ChoiceField(
        label=_("Impact"), choices=Incident._meta.get_field("impact").choices
    )
    body = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )
    components = forms.ModelMultipleChoiceField(
        label=_("Components"), queryset=Component.objects.all(), required=False
    )
    is_public = forms.BooleanField(
        label=_("Shown on the status page"), required=False, initial=True
    )


class IncidentUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=IncidentStatus.choices)
    body = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )


class PostmortemForm(forms.Form):
    postmortem = forms.CharField(
        label=_("Post-mortem (Markdown)"),
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        max_length=50000,
    )


class ReportForm(forms.ModelForm):
    """A malfunction report; the page address is stored as text and never fetched."""

    class Meta:
        model = Report
        fields = ["title", "description", "page_url", "occurred_at", "screenshot"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "occurred_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["occurred_at"].required = False

    def clean_page_url(self):
        value = (self.cleaned_data.get("page_url") or "").strip()
        if value and not value.startswith("/"):
            URLValidator(schemes=["http", "https"], message=_("Enter a web address."))(value)
        return value

    def clean_screenshot(self):
        image = self.cleaned_data.get("screenshot")
        if not image or not hasattr(image, "image"):
            return image
        if image.size > SCREENSHOT_MAX_BYTES:
            raise ValidationError(_("The screenshot is larger than 2 MB."))
        if getattr(image.image, "format", None) not in SCREENSHOT_FORMATS:
            raise ValidationError(_("Send a PNG, JPEG, WebP or GIF image."))
        return image


class SuggestionForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}


class TriageForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["status", "severity", "component", "duplicate_of", "staff_note"]
        widgets = {"staff_note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["severity"].choices = Severity.choices
        self.fields["duplicate_of"].queryset = Report.objects.exclude(pk=self.instance.pk)
        self.fields["duplicate_of"].widget = forms.NumberInput()
        self.fields["duplicate_of"].help_text = _("Number of the original report.")


class HandOffForm(forms.Form):
    tracker = forms.ModelChoiceField(
        label=_("Tracker"), queryset=Tracker.objects.filter(is_active=True)
    )


class TrackerForm(forms.ModelForm):
    """A tracker's settings. The token is never sent back to the browser: left empty on an
    edit, the stored one is kept (`clear_token` removes it)."""

    REQUIRED = {  # kind: fields it cannot work without
        "github": ("project", "token"),
        "gitlab": ("project", "token"),
        "jira": ("base_url", "project", "token"),
        "webhook": ("base_url",),
        "email": ("email_to",),
    }
    token = forms.CharField(
        label=_("token"),
        required=False,
        max_length=500,
        strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
    )
    clear_token = forms.BooleanField(label=_("Remove the stored token"), required=False)

    class Meta:
        model = Tracker
        fields = ["name", "kind", "base_url", "project", "username", "token", "email_to"]
        fields += ["is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stored_token = self.instance.token if self.instance.pk else ""
        if self.stored_token:
            self.fields["token"].help_text = _("A token is stored. Leave empty to keep it.")
        else:
            del self.fields["clear_token"]

    def clean_base_url(self):
        url = self.cleaned_data.get("base_url", "").strip()
        return check_user_url(url) if url else url

    def clean_email_to(self):
        value = self.cleaned_data.get("email_to", "")
        for email in value.replace(";", ",").split(","):
            if email.strip():
                EmailValidator(_("%(value)s is not an email address."))(email.strip())
        return value

    def clean(self):
        data = super().clean()
        if not data.get("token") and not data.get("clear_token"):
            data["token"] = self.stored_token
        elif data.get("clear_token"):
            data["token"] = ""
        for name in self.REQUIRED.get(data.get("kind", ""), ()):
            if not data.get(name) and name not in self.errors:
                self.add_error(name, _("This kind of tracker needs this field."))
        return data
