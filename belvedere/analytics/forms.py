from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from belvedere.accounts.models import Role
from belvedere.analytics.metrics import choices as metric_choices
from belvedere.analytics.models import GoalKind, ObjectiveKind, QuestionKind, SurveyChannel
from belvedere.analytics.queries.periods import Period, period_of

DATE = forms.DateInput(attrs={"type": "date"})


class PeriodForm(forms.Form):
    since = forms.DateField(label=_("From"), required=False, widget=DATE)
    until = forms.DateField(label=_("To"), required=False, widget=DATE)

    def period(self, days: int = 30) -> Period:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return period_of(data.get("since"), data.get("until"), days=days)


class SurveyForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    intro = forms.CharField(label=_("Introduction"), max_length=2000, required=False,
                            widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip
    channel = forms.ChoiceField(label=_("Channel"), choices=SurveyChannel.choices)
    nps_question = forms.CharField(
        label=_("NPS question (0–10)"), max_length=300, required=False,
        initial=_("How likely are you to recommend our community to a friend?"),
    )  # fmt: skip
    csat_question = forms.CharField(
        label=_("CSAT question (1–5)"), max_length=300, required=False,
        initial=_("How satisfied are you with the help you get here?"),
    )  # fmt: skip
    text_question = forms.CharField(label=_("Free question"), max_length=300, required=False)
    roles = forms.MultipleChoiceField(label=_("Roles"), choices=Role.choices, required=False,
                                      widget=forms.CheckboxSelectMultiple)  # fmt: skip
    languages = forms.MultipleChoiceField(label=_("Languages"), choices=settings.LANGUAGES,
                                          required=False,
                                          widget=forms.CheckboxSelectMultiple)  # fmt: skip
    joined_after = forms.DateField(label=_("Joined on or after"), required=False, widget=DATE)
    joined_before = forms.DateField(label=_("Joined before"), required=False, widget=DATE)

    def clean(self):
        data = super().clean()
        if not any(data.get(f) for f in ("nps_question", "csat_question", "text_question")):
            raise forms.ValidationError(_("Ask at least one question."))
        return data

    def questions(self) -> list[tuple[str, str]]:
        data = self.cleaned_data
        pairs = [(QuestionKind.NPS, data.get("nps_question")),
                 (QuestionKind.CSAT, data.get("csat_question")),
                 (QuestionKind.TEXT, data.get("text_question"))]  # fmt: skip
        return [(kind, text) for kind, text in pairs if text]

    def fields_for_model(self) -> dict:
        keys = ("intro", "channel", "roles", "languages", "joined_after", "joined_before")
        return {key: self.cleaned_data[key] for key in keys}


class GoalForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    kind = forms.ChoiceField(label=_("Kind"), choices=GoalKind.choices)
    target = forms.CharField(label=_("Event name or page path"), max_length=500)


class ObjectiveForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=ObjectiveKind.choices)
    description = forms.CharField(label=_("Description"), max_length=4000, required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
    deadline = forms.DateField(label=_("Deadline"), widget=DATE)


class KpiForm(forms.Form):
    metric = forms.ChoiceField(label=_("Metric"), choices=())
    target = forms.FloatField(label=_("Target"))
    baseline = forms.FloatField(label=_("Baseline"), initial=0)
    window_days = forms.IntegerField(label=_("Measured over (days)"), min_value=1,
                                     max_value=366, initial=30)  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["metric"].choices = metric_choices()


class ReportForm(PeriodForm):
    since = forms.DateField(label=_("From"), widget=DATE)
    until = forms.DateField(label=_("To"), widget=DATE)


class SubscriptionForm(forms.Form):
    weekly = forms.BooleanField(label=_("Weekly report"), required=False)
    monthly = forms.BooleanField(label=_("Monthly report"), required=False)
