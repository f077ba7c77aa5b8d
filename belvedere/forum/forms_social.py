"""Forms of the forum's member-facing tools: watching, e-mail preference, search, members."""

from django import forms
from django.utils.translation import gettext_lazy as _

from belvedere.forum.models import EmailFrequency, WatchLevel

MEMBER_SORTS = {
    "name": _("Name"),
    "joined": _("Join date"),
    "posts": _("Posts"),
    "reactions": _("Reactions received"),
}


class WatchForm(forms.Form):
    level = forms.ChoiceField(label=_("Notifications"), choices=WatchLevel.choices)


class PreferencesForm(forms.Form):
    email_frequency = forms.ChoiceField(
        label=_("E-mail me about notifications"),
        choices=EmailFrequency.choices,
        widget=forms.RadioSelect,
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, required=False, strip=True)
    category = forms.SlugField(label=_("Category"), required=False)
    author = forms.CharField(label=_("Author"), max_length=40, required=False, strip=True)
    after = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    before = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("after") and data.get("before") and data["after"] > data["before"]:
            self.add_error("before", _("The end date comes before the start date."))
        return data


class MemberSearchForm(forms.Form):
    q = forms.CharField(label=_("Name"), max_length=40, required=False, strip=True)
    sort = forms.ChoiceField(label=_("Sort by"), choices=list(MEMBER_SORTS.items()), required=False)
