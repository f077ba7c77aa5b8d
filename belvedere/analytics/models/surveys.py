"""Surveys: NPS, CSAT and free questions, shown on the site or sent by email, with targeting."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SurveyChannel(models.TextChoices):
    SITE = "site", _("Banner on the site")
    EMAIL = "email", _("Email with a personal link")
    BOTH = "both", _("Both")


class Survey(models.Model):
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), max_length=2000, blank=True)
    channel = models.CharField(
        _("channel"), max_length=8, choices=SurveyChannel.choices, default=SurveyChannel.SITE
    )
    is_open = models.BooleanField(_("open"), default=True)
    # Targeting: empty means everyone.
    roles = models.JSONField(_("roles"), default=list, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    joined_after = models.DateField(_("joined on or after"), null=True, blank=True)
    joined_before = models.DateField(_("joined before"), null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    emailed_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self):
        return self.title


class QuestionKind(models.TextChoices):
    NPS = "nps", _("Recommendation (NPS, 0–10)")
    CSAT = "csat", _("Satisfaction (CSAT, 1–5)")
    TEXT = "text", _("Free answer")


class Question(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("kind"), max_length=8, choices=QuestionKind.choices)
    text = models.CharField(_("question"), max_length=300)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return self.text

    @property
    def score_range(self) -> range | None:
        return {"nps": range(0, 11), "csat": range(1, 6)}.get(self.kind)


class Response(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "respondent"],
                condition=models.Q(respondent__isnull=False),
                name="analytics_one_response_per_member",
            )
        ]

    def __str__(self):
        return f"{self.survey_id} · {self.created_at:%Y-%m-%d}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(max_length=5000, blank=True)

    def __str__(self):
        return f"{self.question_id}: {self.score if self.score is not None else self.text[:40]}"
