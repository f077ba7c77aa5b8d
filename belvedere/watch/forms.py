"""Forms of the watch pages; validation shared with the API lives in validation.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from belvedere.accounts.models import Role, User
from belvedere.core.http import check_user_url
from belvedere.listening.models import Community, Query, QueryKind
from belvedere.watch import validation
from belvedere.watch.models import (
    DOCUMENT_TYPES,
    Competitor,
    ComplianceItem,
    PageWatch,
    Platform,
    ReviewOutcome,
    Service,
    TrackedDocument,
)


def team():
    return User.objects.filter(role__in=[Role.MANAGER, Role.ADMIN], is_active=True)


def url_field(label, **kwargs) -> forms.URLField:
    return forms.URLField(
        label=label, max_length=2000, assume_scheme="https", validators=[check_user_url], **kwargs
    )


class ServiceForm(forms.ModelForm):
    class Meta:
        model = Service
        fields = ["name", "subscribers", "apprise_urls"]
        widgets = {"apprise_urls": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subscribers"].queryset = User.objects.filter(
            role__in=[Role.MODERATOR, Role.MANAGER, Role.ADMIN], is_active=True
        )

    def clean_apprise_urls(self):
        return validation.clean_apprise_urls(self.cleaned_data["apprise_urls"])


class DocumentForm(forms.Form):
    doc_type = forms.CharField(
        label=_("Document type"),
        max_length=80,
        widget=forms.TextInput(attrs={"list": "doc-types"}),
        help_text=_("As in Open Terms Archive: %(examples)s…")
        % {"examples": ", ".join(DOCUMENT_TYPES[:4])},
    )
    url = url_field(_("Address"))
    select = forms.CharField(
        label=_("Keep (selectors)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One CSS selector per line, or a range as JSON: "
            '{"startBefore": "h1", "endBefore": "footer"}.'
        ),
    )
    remove = forms.CharField(
        label=_("Remove (selectors)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    filters = forms.CharField(
        label=_("Filters"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One per line: a name (cleanUrls, keepLinks, removeEmptyLinks, normaliseDates) or "
            'JSON such as {"removeQueryParams": ["utm_*"]}, {"removeText": "Updated .* ago"}, '
            '{"removeElements": ".share"}. See the watch documentation.'
        ),
    )
    enabled = forms.BooleanField(label=_("Fetch on schedule"), required=False, initial=True)
    interval_hours = forms.IntegerField(
        label=_("Fetch every (hours)"), min_value=1, max_value=24 * 30, initial=24
    )

    def clean_select(self):
        return validation.selectors_from_text(self.cleaned_data["select"])

    def clean_remove(self):
        return validation.selectors_from_text(self.cleaned_data["remove"])

    def clean_filters(self):
        return validation.filters_from_text(self.cleaned_data["filters"])

    @classmethod
    def initial_for(cls, document: TrackedDocument) -> dict:
        return {
            "doc_type": document.doc_type,
            "url": document.url,
            "select": validation.selectors_to_text(document.select),
            "remove": validation.selectors_to_text(document.remove),
            "filters": validation.selectors_to_text(document.filters),
            "enabled": document.enabled,
            "interval_hours": document.interval_hours,
        }


class DeclarationForm(forms.Form):
    file = forms.FileField(label=_("Declaration (JSON)"), required=False)
    text = forms.CharField(
        label=_("…or paste it"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )


class PageWatchForm(forms.ModelForm):
    url = url_field(_("Address"))

    class Meta:
        model = PageWatch
        fields = ["name", "url", "selector", "ignore_patterns", "trigger_text", "enabled",
                  "interval_minutes", "emails", "apprise_urls"]  # fmt: skip
        widgets = {
            "ignore_patterns": forms.Textarea(attrs={"rows": 3}),
            "emails": forms.Textarea(attrs={"rows": 2}),
            "apprise_urls": forms.Textarea(attrs={"rows": 2}),
        }

    def clean_selector(self):
        selector = self.cleaned_data["selector"].strip()
        return validation.check_selector(selector) if selector else ""

    def clean_ignore_patterns(self):
        return validation.clean_patterns(self.cleaned_data["ignore_patterns"])

    def clean_interval_minutes(self):
        value = self.cleaned_data["interval_minutes"]
        if not 5 <= value <= 60 * 24 * 30:
            raise forms.ValidationError(_("Between 5 minutes and 30 days."))
        return value

    def clean_emails(self):
        return validation.clean_emails(self.cleaned_data["emails"])

    def clean_apprise_urls(self):
        return validation.clean_apprise_urls(self.cleaned_data["apprise_urls"])


class ComplianceItemForm(forms.ModelForm):
    documents = forms.ModelMultipleChoiceField(
        TrackedDocument.objects.select_related("service"),
        label=_("Documents it depends on"),
        required=False,
    )
    clause = forms.CharField(
        label=_("Clause (quoted or summarised)"), max_length=500, required=False
    )
    anchor = forms.CharField(label=_("Anchor or section"), max_length=200, required=False)

    class Meta:
        model = ComplianceItem
        fields = ["title", "service", "category", "description", "owner"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = team()
        if self.instance.pk:
            links = list(self.instance.links.all())
            self.initial["documents"] = [link.document_id for link in links]
            if links:
                self.initial["clause"], self.initial["anchor"] = links[0].clause, links[0].anchor

    def links(self) -> list:
        data = self.cleaned_data
        return [(d, data["clause"], data["anchor"]) for d in data["documents"]]


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=ReviewOutcome.choices)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AssignForm(forms.Form):
    owner = forms.ModelChoiceField(team(), label=_("Owner"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = team()


class CompetitorForm(forms.ModelForm):
    site_url = forms.URLField(label=_("Site"), required=False, assume_scheme="https")
    forum_url = forms.URLField(label=_("Forum"), required=False, assume_scheme="https")

    class Meta:
        model = Competitor
        fields = ["name", "is_company", "brands", "site_url", "forum_url", "social_accounts",
                  "feed_urls", "queries", "communities", "notes"]  # fmt: skip
        widgets = {
            "social_accounts": forms.Textarea(attrs={"rows": 3}),
            "feed_urls": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["queries"].queryset = Query.objects.filter(
            kind__in=[QueryKind.COMPETITOR, QueryKind.BRAND]
        )
        self.fields["communities"].queryset = Community.objects.all()

    def clean_feed_urls(self):
        return validation.clean_urls(self.cleaned_data["feed_urls"])

    def clean_is_company(self):
        value = self.cleaned_data["is_company"]
        others = Competitor.objects.filter(is_company=True).exclude(pk=self.instance.pk)
        if value and others.exists():
            raise forms.ValidationError(_("Another profile is already the company."))
        return value


class PlatformForm(forms.ModelForm):
    url = forms.URLField(label=_("Address"), required=False, assume_scheme="https")

    class Meta:
        model = Platform
        fields = ["name", "url", "status", "notes", "owner"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = team()


class SettingsForm(forms.Form):
    digest_to_team = forms.BooleanField(
        label=_("Send the digest to managers and admins"), required=False
    )
    digest_emails = forms.CharField(
        label=_("Other digest emails"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    digest_apprise_urls = forms.CharField(
        label=_("Digest notification URLs"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_digest_emails(self):
        return validation.clean_emails(self.cleaned_data["digest_emails"])

    def clean_digest_apprise_urls(self):
        return validation.clean_apprise_urls(self.cleaned_data["digest_apprise_urls"])
