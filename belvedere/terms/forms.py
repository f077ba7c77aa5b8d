from django import forms
from django.utils.translation import gettext_lazy as _

from belvedere.terms.models import Clause, Document, Version
from belvedere.terms.queries import current_versions


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["slug", "kind", "title_en", "title_fr", "requires_acceptance", "position"]


class DraftForm(forms.ModelForm):
    class Meta:
        model = Version
        fields = ["effective_date", "summary_en", "summary_fr"]
        widgets = {
            "effective_date": forms.DateInput(attrs={"type": "date"}),
            "summary_en": forms.Textarea(attrs={"rows": 3}),
            "summary_fr": forms.Textarea(attrs={"rows": 3}),
        }


class ClauseForm(forms.ModelForm):
    class Meta:
        model = Clause
        fields = ["number", "key", "title_en", "title_fr", "body_en", "body_fr"]
        widgets = {
            "body_en": forms.Textarea(attrs={"rows": 5}),
            "body_fr": forms.Textarea(attrs={"rows": 5}),
        }

    def validate_unique(self):
        pass  # the service checks numbers and keys within the version


class PublishForm(forms.Form):
    requires_reacceptance = forms.BooleanField(
        label=_("Material change: every member must accept this version before posting again"),
        required=False,
    )
    reason = forms.CharField(label=_("Note for the audit log"), max_length=500, required=False)


class AcceptForm(forms.Form):
    """The versions shown (hidden) and the box to tick; a version published meanwhile fails."""

    versions = forms.TypedMultipleChoiceField(coerce=int, widget=forms.MultipleHiddenInput)
    confirm = forms.BooleanField(label=_("I have read and I accept these documents."))

    def __init__(self, documents: list[Document], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.documents = documents
        ids = [doc.current_version_id for doc in documents]
        self.fields["versions"].choices = [(pk, pk) for pk in ids]
        self.fields["versions"].initial = ids
        self.fields["versions"].error_messages["invalid_choice"] = _(
            "The terms changed while you were reading them: please read them again."
        )

    def clean_versions(self):
        chosen = set(self.cleaned_data["versions"])
        if chosen != {doc.current_version_id for doc in self.documents}:
            raise forms.ValidationError(
                _("The terms changed while you were reading them: please read them again.")
            )
        return chosen

    def accepted_versions(self) -> list[Version]:
        return current_versions(self.documents)
