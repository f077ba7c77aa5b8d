"""Forms of the dashboard and the census."""

from django import forms
from django.utils.translation import gettext_lazy as _

from belvedere.core.http import check_user_url
from belvedere.listening.models import CensusScoring, Community, Query


class DashboardForm(forms.Form):
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    query = forms.ModelChoiceField(Query.objects.all(), label=_("Query"), required=False)


class CommunityForm(forms.ModelForm):
    class Meta:
        model = Community
        fields = [
            "name",
            "kind",
            "url",
            "match_platform",
            "match_key",
            "size",
            "size_source",
            "size_date",
            "relevance",
            "owner",
            "notes",
        ]
        widgets = {
            "size_date": forms.DateInput(attrs={"type": "date"}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, team=None, **kwargs):
        super().__init__(*args, **kwargs)
        if team is not None:
            self.fields["owner"].queryset = team

    def clean_url(self):
        url = self.cleaned_data["url"].strip()
        return check_user_url(url, resolve=False) if url else ""

    def clean_match_key(self):
        return self.cleaned_data["match_key"].strip().lower()


class CensusScoringForm(forms.ModelForm):
    class Meta:
        model = CensusScoring
        fields = [
            "activity_days",
            "activity_weight",
            "sentiment_weight",
            "suggestion_days",
            "suggestion_minimum",
        ]
