"""Forms of configurable feedback: a manager's question, and the answers to a set of questions.

The API validates answers through `answers_form` too, so the UI and the API agree.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from belvedere.engagement.models import FeedbackQuestion, QuestionKind

MAX_QUESTIONS = 20
YES_NO = [("yes", _("Yes")), ("no", _("No"))]
RATINGS = [(n, str(n)) for n in range(5, 0, -1)]


class QuestionForm(forms.ModelForm):
    class Meta:
        model = FeedbackQuestion
        fields = ["label", "kind", "choices", "required", "position"]
        widgets = {"choices": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].required = False

    def clean_position(self):
        return self.cleaned_data.get("position") or 0

    def clean(self):
        data = super().clean()
        choices = [c.strip() for c in data.get("choices", "").splitlines() if c.strip()]
        if data.get("kind") == QuestionKind.CHOICE and len(choices) < 2:
            self.add_error("choices", _("Give at least two choices, one per line."))
        if len(choices) > 20 or any(len(c) > 100 for c in choices):
            self.add_error("choices", _("At most 20 choices of 100 characters."))
        return data


def _field(question: FeedbackQuestion) -> forms.Field:
    common = {"label": question.label, "required": question.required}
    if question.kind == QuestionKind.RATING:
        choices = RATINGS if question.required else [("", "—"), *RATINGS]
        return forms.TypedChoiceField(coerce=int, choices=choices, empty_value=None, **common)
    if question.kind == QuestionKind.YESNO:
        return forms.ChoiceField(choices=[("", "—"), *YES_NO], **common)
    if question.kind == QuestionKind.CHOICE:
        choices = [(c, c) for c in question.choice_list]
        return forms.ChoiceField(choices=[("", "—"), *choices], **common)
    widget = forms.Textarea(attrs={"rows": 2})
    return forms.CharField(max_length=2000, widget=widget, **common)


class AnswersForm(forms.Form):
    """One field per question, named `q-<id>`; `answers()` gives {"<id>": value}."""

    def __init__(self, questions, *args, **kwargs):
        kwargs.setdefault("prefix", "q")
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[str(question.pk)] = _field(question)

    def answers(self) -> dict:
        return {
            key: value
            for key, value in self.cleaned_data.items()
            if value not in (None, "") and key in self.fields
        }


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def answers_form(questions, answers: dict | None = None) -> AnswersForm:
    """The answers form bound to `answers` ({question id: value}), as the API receives them."""
    if answers is None:
        return AnswersForm(questions)
    if not isinstance(answers, dict):
        raise ValidationError(_("Answers go in an object keyed by question id."))
    data = {f"q-{key}": _as_text(value) for key, value in answers.items()}
    known = {str(q.pk) for q in questions}
    if unknown := sorted(set(map(str, answers)) - known):
        raise ValidationError(_("Unknown questions: %(ids)s.") % {"ids": ", ".join(unknown)})
    return AnswersForm(questions, data)
