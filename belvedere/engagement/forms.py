"""Forms of engagement pages (the API validates with schemas and the same services)."""

import zoneinfo

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from belvedere.accounts.models import TIMEZONES
from belvedere.engagement.models import (
    Event,
    Level,
    Programme,
    ScoringSettings,
    ShareKit,
    Tier,
)
from belvedere.engagement.queries.events import LEADER_GROUPS, list_leaders

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class PeopleFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("All levels")), *Level.choices]
    )


class IdentityForm(forms.Form):
    platform = forms.CharField(label=_("Platform"), max_length=20)
    handle = forms.CharField(label=_("Handle"), max_length=200)
    display_name = forms.CharField(label=_("Display name"), max_length=200, required=False)
    profile_url = forms.URLField(
        label=_("Profile address"), max_length=2000, required=False, assume_scheme="https"
    )
    email = forms.EmailField(label=_("Email address"), required=False)


class ScoringForm(forms.ModelForm):
    class Meta:
        model = ScoringSettings
        fields = [
            "weight_topic",
            "weight_post",
            "weight_reaction",
            "weight_mention",
            "weight_positive_mention",
            "weight_event",
            "weight_programme",
            "half_life_days",
            "participant_at",
            "contributor_at",
            "champion_at",
        ]

    def clean(self):
        data = super().clean()
        if data.get("half_life_days") is not None and data["half_life_days"] <= 0:
            self.add_error("half_life_days", _("The half-life is a positive number of days."))
        for name, value in data.items():
            if name.startswith("weight_") and value is not None and value < 0:
                self.add_error(name, _("Weights are zero or more."))
        marks = [data.get(k) for k in ("participant_at", "contributor_at", "champion_at")]
        if None not in marks and not (0 <= marks[0] < marks[1] < marks[2]):
            self.add_error(
                "champion_at", _("Thresholds must increase: participant < contributor < champion.")
            )  # noqa: E501
        return data


class InviteAmbassadorForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Member"), queryset=get_user_model().objects.filter(is_active=True)
    )
    tier = forms.ChoiceField(label=_("Tier"), choices=Tier.choices, initial=Tier.BRONZE)
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TierForm(forms.Form):
    tier = forms.ChoiceField(label=_("Tier"), choices=Tier.choices)


class KitForm(forms.ModelForm):
    class Meta:
        model = ShareKit
        fields = ["title", "message", "target_url"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}


class EventForm(forms.ModelForm):
    """Start and end are typed as wall-clock times of the event's own time zone."""

    time_zone = forms.ChoiceField(
        label=_("Time zone"), choices=[(z, z) for z in TIMEZONES], initial="Europe/Paris"
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "description",
            "kind",
            "format",
            "status",
            "starts_at",
            "ends_at",
            "time_zone",
            "video_url",
            "venue",
            "address",
            "capacity",
            "invitation_only",
        ]
        widgets = {
            "starts_at": DATETIME,
            "ends_at": DATETIME,
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            zone = zoneinfo.ZoneInfo(self.instance.time_zone)
            for name in ("starts_at", "ends_at"):
                local = getattr(self.instance, name).astimezone(zone).replace(tzinfo=None)
                self.initial[name] = local

    def clean(self):
        data = super().clean()
        zone = zoneinfo.ZoneInfo(data.get("time_zone") or "UTC")
        current = timezone.get_current_timezone()
        for name in ("starts_at", "ends_at"):
            if data.get(name):
                wall = data[name].astimezone(current).replace(tzinfo=None)
                data[name] = wall.replace(tzinfo=zone)
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("An event ends after it starts."))
        if data.get("kind") == "physical" and not data.get("venue"):
            self.add_error("venue", _("An event in person needs a venue."))
        return data


class InviteMembersForm(forms.Form):
    """Chosen members (by address) and/or a group of leaders; `cleaned_data["emails"]` is
    the list of members to invite."""

    emails = forms.CharField(
        label=_("Email addresses, one a line"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    leaders = forms.ChoiceField(
        label=_("And the community's leaders"),
        required=False,
        choices=[("", "—"), *LEADER_GROUPS.items()],
    )

    def clean_emails(self):
        emails = {line.strip().lower() for line in self.cleaned_data["emails"].split()}
        users = list(get_user_model().objects.filter(email__in=emails, is_active=True))
        unknown = emails - {u.email for u in users}
        if unknown:
            raise forms.ValidationError(
                _("No member uses: %(emails)s") % {"emails": ", ".join(sorted(unknown)[:10])}
            )
        return users

    def clean(self):
        data = super().clean()
        users = {u.pk: u for u in data.get("emails") or []}
        if data.get("leaders"):
            users.update((u.pk, u) for u in list_leaders(data["leaders"]))
        if not users and not self.errors:
            raise forms.ValidationError(_("Give addresses or choose a group of leaders."))
        data["emails"] = list(users.values())
        return data


class CheckInForm(forms.Form):
    code = forms.CharField(label=_("Check-in code"), max_length=12)


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Rating"), coerce=int, choices=[(n, str(n)) for n in range(5, 0, -1)]
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = [
            "title",
            "description",
            "terms",
            "status",
            "seats",
            "min_level",
            "languages",
            "min_posts",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "terms": forms.Textarea(attrs={"rows": 6}),
        }


class ApplicationForm(forms.Form):
    motivation = forms.CharField(
        label=_("Why you?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    accept_terms = forms.BooleanField(label=_("I accept the programme's terms"))


class ProgrammeFeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Rating"), coerce=int, choices=[(n, str(n)) for n in range(5, 0, -1)]
    )
    worked = forms.CharField(
        label=_("What worked"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    problems = forms.CharField(
        label=_("Problems met"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
