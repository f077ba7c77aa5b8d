from django import forms
from django.utils.translation import gettext_lazy as _


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("Who"), required=False, max_length=120)
    verb = forms.ChoiceField(label=_("Action"), required=False)
    target_type = forms.ChoiceField(label=_("Target type"), required=False)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, verbs=(), target_types=(), **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["verb"].choices = everything + [(v, v) for v in verbs]
        self.fields["target_type"].choices = everything + [(t, t) for t in target_types]

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end date comes before the start date."))
        return data

    def filters(self) -> dict:
        """The valid, non-empty filters (an invalid field is left out, and shown as an error)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
