"""Forms of the moderation pages: they parse input; services validate and write."""

import json

from django import forms
from django.utils.translation import gettext_lazy as _

from belvedere.moderation.models import (
    FlagReason,
    ModerationSettings,
    SanctionKind,
    WordAction,
    WordCategory,
    WordLanguage,
)
from belvedere.moderation.services.queue import ACTIONS

MAX_IMPORT_BYTES = 1024 * 1024


class WordForm(forms.Form):
    pattern = forms.CharField(label=_("Word, phrase or expression"), max_length=200)
    action = forms.ChoiceField(label=_("Action"), choices=WordAction.choices)
    is_regex = forms.BooleanField(label=_("Regular expression"), required=False)
    replacement = forms.CharField(label=_("Replacement"), max_length=100, required=False)
    clause_key = forms.CharField(label=_("Clause of the terms"), max_length=40, required=False)
    category = forms.ChoiceField(
        label=_("Toxicity category"), choices=WordCategory.choices, required=False
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=WordLanguage.choices, initial=WordLanguage.ANY
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is over 1 MB."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The file is not UTF-8 text."))


class JSONTextField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 6, "class": "mono"})

    def prepare_value(self, value):
        return value if isinstance(value, str) else json.dumps(value, indent=1)

    def to_python(self, value):
        value = super().to_python(value)
        try:
            return json.loads(value or "null")
        except ValueError:
            raise forms.ValidationError(_("This is not valid JSON."))


class SettingsForm(forms.ModelForm):
    ladder = JSONTextField(label=_("Escalation ladder"))
    trust_limits = JSONTextField(label=_("Limits by trust level"))
    trust_thresholds = JSONTextField(label=_("Trust level requirements"))

    class Meta:
        model = ModerationSettings
        fields = [
            "hold_threshold",
            "reject_threshold",
            "blocked_domains",
            "allowed_domains",
            "first_post_max_links",
            "min_seconds_between_posts",
            "duplicate_window_hours",
            "review_first_posts",
            "flag_hide_score",
            "appeal_window_days",
            "ladder",
            "trust_limits",
            "trust_thresholds",
            "api_requests_per_minute",
        ]
        widgets = {
            "blocked_domains": forms.Textarea(attrs={"rows": 3}),
            "allowed_domains": forms.Textarea(attrs={"rows": 3}),
        }


class ActForm(forms.Form):
    action = forms.ChoiceField(choices=[(a, a) for a in ACTIONS])
    reason = forms.CharField(max_length=500, required=False)
    text = forms.CharField(max_length=20000, required=False, strip=False)


class BulkForm(forms.Form):
    action = forms.ChoiceField(choices=[(a, a) for a in ACTIONS if a != "edit"])
    reason = forms.CharField(max_length=500, required=False)
    items = forms.TypedMultipleChoiceField(coerce=int, choices=())

    def __init__(self, *args, item_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].choices = [(pk, pk) for pk in item_ids]


class SanctionForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Sanction"),
        choices=[("next", _("Next step of the ladder")), *SanctionKind.choices],
    )
    days = forms.IntegerField(label=_("Days"), min_value=1, max_value=3650, required=False)
    reason = forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    clause = forms.CharField(label=_("Clause"), max_length=40, required=False)


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class TrustForm(forms.Form):
    level = forms.TypedChoiceField(
        label=_("Trust level"), coerce=int, choices=[(n, n) for n in range(5)]
    )
    locked = forms.BooleanField(label=_("Keep this level"), required=False, initial=True)
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)


class AppealForm(forms.Form):
    text = forms.CharField(
        label=_("Why should this sanction be lifted?"),
        min_length=10,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DecideAppealForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("uphold", _("Uphold the sanction")), ("overturn", _("Lift the sanction"))]
    )
    note = forms.CharField(label=_("Explanation for the member"), max_length=2000)


class FlagForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=FlagReason.choices)
    text = forms.CharField(label=_("Details"), max_length=500, required=False)


class ReviseForm(forms.Form):
    text = forms.CharField(
        label=_("Your corrected text"), max_length=20000, widget=forms.Textarea(attrs={"rows": 8})
    )


class DateRangeForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False)
    end = forms.DateField(label=_("To"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The start comes after the end."))
        return data
