"""Forms of alerts: parameters checked, addresses and notification URLs validated."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from belvedere.core.notify import check_apprise_url
from belvedere.listening.forms import query_text_error
from belvedere.listening.models import Alert, AlertKind

MAX_CHANNELS = 20


def clean_emails(text: str) -> str:
    emails = [e.strip() for e in (text or "").replace(",", "\n").splitlines() if e.strip()]
    if len(emails) > MAX_CHANNELS:
        raise ValidationError(_("At most %(n)s addresses.") % {"n": MAX_CHANNELS})
    for email in emails:
        validate_email(email)
    return "\n".join(emails)


def clean_apprise_urls(text: str) -> str:
    urls = [u.strip() for u in (text or "").splitlines() if u.strip()]
    if len(urls) > MAX_CHANNELS:
        raise ValidationError(_("At most %(n)s URLs.") % {"n": MAX_CHANNELS})
    return "\n".join(check_apprise_url(url) for url in urls)


def check_parameters(data: dict) -> dict[str, str]:
    """Errors by field for parameters that do not fit the kind (shared with the API)."""
    errors = {}
    if not 2 <= data.get("baseline_periods", 24) <= 168:
        errors["baseline_periods"] = _("Between 2 and 168 periods.")
    if not 0 <= data.get("sigma", 3.0) <= 20:
        errors["sigma"] = _("Between 0 and 20.")
    if not 0 < data.get("negative_rise", 20.0) <= 100:
        errors["negative_rise"] = _("Between 0 and 100 points.")
    if data.get("cooldown_minutes", 0) > 30 * 24 * 60:
        errors["cooldown_minutes"] = _("At most 30 days.")
    if data.get("kind") == AlertKind.KEYWORD:
        error = query_text_error(data.get("expression") or "")
        if not (data.get("expression") or "").strip():
            error = _("A keyword alert needs a query.")
        if error:
            errors["expression"] = error
    return errors


class AlertForm(forms.ModelForm):
    class Meta:
        model = Alert
        fields = [
            "name",
            "kind",
            "query",
            "enabled",
            "period",
            "baseline_periods",
            "sigma",
            "min_count",
            "negative_rise",
            "expression",
            "reach_threshold",
            "emails",
            "apprise_urls",
            "cooldown_minutes",
        ]
        widgets = {
            "expression": forms.Textarea(attrs={"rows": 2, "spellcheck": "false"}),
            "emails": forms.Textarea(attrs={"rows": 2}),
            "apprise_urls": forms.Textarea(attrs={"rows": 2, "spellcheck": "false"}),
        }

    def clean_emails(self):
        return clean_emails(self.cleaned_data["emails"])

    def clean_apprise_urls(self):
        return clean_apprise_urls(self.cleaned_data["apprise_urls"])

    def clean(self):
        data = super().clean()
        for field, message in check_parameters(data).items():
            self.add_error(field, message)
        return data
