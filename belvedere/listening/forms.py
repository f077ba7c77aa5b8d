from django import forms
from django.utils.translation import gettext_lazy as _

from belvedere.accounts.models import User
from belvedere.listening.models import Query, QueryKind, Sentiment, Source, Status
from belvedere.text.query import MAX_QUERY_CHARS, QuerySyntaxError, parse


class SourceForm(forms.ModelForm):
    class Meta:
        model = Source
        fields = ["name", "interval_minutes", "enabled"]

    def clean_interval_minutes(self):
        value = self.cleaned_data["interval_minutes"]
        if not 5 <= value <= 7 * 24 * 60:
            raise forms.ValidationError(_("Between 5 minutes and a week."))
        return value


def query_text_error(text: str) -> str:
    """An error message with the position, or "" when the query parses."""
    try:
        parse(text)
    except QuerySyntaxError as error:
        return _("%(message)s (at character %(n)s)") % {
            "message": error.message,
            "n": error.position + 1,
        }
    return ""


class QueryForm(forms.ModelForm):
    text = forms.CharField(
        label=_("Query"),
        max_length=MAX_QUERY_CHARS,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false"}),
    )

    class Meta:
        model = Query
        fields = ["name", "text", "kind", "languages", "active"]

    def clean_text(self):
        text = self.cleaned_data["text"]
        error = query_text_error(text)
        if error:
            raise forms.ValidationError(error)
        return text

    def clean_languages(self):
        codes = [c.strip().lower() for c in self.cleaned_data["languages"].split(",") if c.strip()]
        for code in codes:
            if not code.replace("-", "").isalpha() or len(code) > 8:
                raise forms.ValidationError(_("Use language codes such as fr, en."))
        return ",".join(codes)


class QueryTestForm(forms.Form):
    text = forms.CharField(max_length=MAX_QUERY_CHARS, required=False)
    languages = forms.CharField(max_length=60, required=False)


def _blank(choices):
    return [("", _("All"))] + list(choices)


class MentionFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    query = forms.ModelChoiceField(Query.objects.all(), label=_("Query"), required=False)
    sentiment = forms.ChoiceField(
        label=_("Sentiment"), choices=_blank(Sentiment.choices), required=False
    )
    language = forms.CharField(label=_("Language"), max_length=12, required=False)
    platform = forms.CharField(label=_("Platform"), max_length=20, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=_blank(Status.choices), required=False)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    tag = forms.CharField(label=_("Tag"), max_length=40, required=False)
    assignee = forms.ModelChoiceField(None, label=_("Assigned to"), required=False)
    community = forms.CharField(label=_("Community"), max_length=200, required=False)

    def __init__(self, *args, team=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = team if team is not None else User.objects.none()

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}


class MentionUpdateForm(forms.Form):
    status = forms.ChoiceField(choices=Status.choices, required=False)
    assignee = forms.IntegerField(required=False, min_value=0)
    tags = forms.CharField(max_length=400, required=False, help_text=_("Comma-separated"))
    note = forms.CharField(max_length=5000, required=False, widget=forms.Textarea)


class BulkForm(forms.Form):
    """One action on the mentions ticked in the inbox."""

    ids = forms.TypedMultipleChoiceField(coerce=int, choices=(), required=True)
    status = forms.ChoiceField(choices=_blank(Status.choices), required=False)
    assignee = forms.IntegerField(required=False, min_value=0)
    tag = forms.CharField(max_length=40, required=False)

    MAX = 200

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        raw = self.data.getlist("ids") if hasattr(self.data, "getlist") else []
        self.fields["ids"].choices = [(v, v) for v in raw[: self.MAX] if str(v).isdigit()]

    def clean(self):
        data = super().clean()
        if not (data.get("status") or data.get("assignee") is not None or data.get("tag")):
            raise forms.ValidationError(_("Choose a status, an assignee or a tag."))
        return data


class UploadForm(forms.Form):
    file = forms.FileField(label=_("CSV or JSON file"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".json")):
            raise forms.ValidationError(_("Upload a .csv or .json file."))
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is over 5 MB."))
        return upload


KIND_CHOICES = QueryKind.choices
