"""Configurable feedback: managers add and remove the questions of a programme or an event."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.engagement.forms_feedback import MAX_QUESTIONS
from belvedere.engagement.models import Event, FeedbackQuestion, Programme

FIELDS = ("label", "kind", "choices", "required", "position")


@transaction.atomic
def add_question(owner: Programme | Event, *, actor, **values) -> FeedbackQuestion:
    key = "programme" if isinstance(owner, Programme) else "event"
    type(owner).objects.select_for_update().filter(pk=owner.pk).first()  # one writer at a time
    if FeedbackQuestion.objects.filter(**{key: owner}).count() >= MAX_QUESTIONS:
        raise ValidationError(_("At most %(n)d questions.") % {"n": MAX_QUESTIONS}, code="many")
    question = FeedbackQuestion.objects.create(
        **{key: owner}, **{k: v for k, v in values.items() if k in FIELDS}
    )
    record(actor, "engagement.question.add", owner, staff=True, question=question.label)
    return question


@transaction.atomic
def delete_question(question: FeedbackQuestion, *, actor) -> None:
    """Answers already given stay in the feedback rows; the summary no longer shows them."""
    owner = question.programme or question.event
    record(actor, "engagement.question.delete", owner, staff=True, question=question.label)
    question.delete()
