"""Questions a manager adds to the feedback form of a programme or an event. ORM only.

Answers are kept on the feedback row (`answers`: {question id: value}) beside the fixed rating.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Free text")
    RATING = "rating", _("Rating from 1 to 5")
    YESNO = "yesno", _("Yes or no")
    CHOICE = "choice", _("One choice among a list")


class FeedbackQuestion(models.Model):
    programme = models.ForeignKey(
        "engagement.Programme",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="questions",
    )
    event = models.ForeignKey(
        "engagement.Event",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="questions",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    label = models.CharField(_("question"), max_length=300)
    kind = models.CharField(
        _("kind of answer"), max_length=10, choices=QuestionKind.choices, default="text"
    )
    choices = models.TextField(
        _("choices"), max_length=2000, blank=True, help_text=_("One per line (for a choice).")
    )
    required = models.BooleanField(_("answer required"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(programme__isnull=False, event__isnull=True)
                | Q(programme__isnull=True, event__isnull=False),
                name="engagement_question_one_owner",
            )
        ]

    def __str__(self):
        return self.label

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]
