"""Member 360°: a person, their identities on the forum and elsewhere, merges. ORM only."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    OBSERVER = "observer", _("Observer")
    PARTICIPANT = "participant", _("Participant")
    CONTRIBUTOR = "contributor", _("Contributor")
    CHAMPION = "champion", _("Champion")


LEVEL_RANK = {Level.OBSERVER: 0, Level.PARTICIPANT: 1, Level.CONTRIBUTOR: 2, Level.CHAMPION: 3}


class Person(models.Model):
    """One human being, whatever the number of accounts they use."""

    display_name = models.CharField(_("name"), max_length=200)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="engagement_person",
        verbose_name=_("forum account"),
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="absorbed"
    )
    is_team = models.BooleanField(_("team member"), default=False)
    score = models.FloatField(_("engagement score"), default=0)
    level = models.CharField(
        _("level"), max_length=16, choices=Level.choices, default=Level.OBSERVER, db_index=True
    )
    reach = models.PositiveBigIntegerField(_("reach"), default=0)
    positive_mentions = models.PositiveIntegerField(default=0)
    negative_mentions = models.PositiveIntegerField(default=0)
    scored_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-score", "display_name", "pk"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.display_name


class Identity(models.Model):
    """An account of a person somewhere: a mention author on a platform, with what is known."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="identities")
    platform = models.CharField(_("platform"), max_length=20)
    handle = models.CharField(_("handle"), max_length=200)
    display_name = models.CharField(_("display name"), max_length=200, blank=True)
    profile_url = models.URLField(_("profile address"), max_length=2000, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["platform", "handle"]
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "handle"], name="engagement_identity_unique"
            )
        ]
        indexes = [models.Index(fields=["handle"])]

    def __str__(self):
        return f"{self.handle} ({self.platform})"


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class SuggestionReason(models.TextChoices):
    EMAIL = "email", _("Same email address")
    HANDLE = "handle", _("Same handle on another platform")
    NAME = "name", _("Similar names")


class MergeSuggestion(models.Model):
    """Two people who may be one, with why and how sure; staff accept or reject."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=16, choices=SuggestionReason.choices)
    detail = models.CharField(max_length=300, blank=True)
    confidence = models.FloatField(_("confidence"))
    status = models.CharField(
        max_length=16, choices=SuggestionStatus.choices, default=SuggestionStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-confidence", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["person", "other"], name="engagement_suggestion_pair")
        ]

    def __str__(self):
        return f"{self.person_id} ~ {self.other_id} ({self.reason})"


class MergeRecord(models.Model):
    """What moved when `absorbed` was merged into `kept`, so an unmerge puts it back."""

    kept = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="merges_kept")
    absorbed = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="merges_absorbed")
    identity_ids = models.JSONField(default=list)
    moved_user_id = models.PositiveBigIntegerField(null=True, blank=True)
    reason = models.CharField(max_length=300, blank=True)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    merged_at = models.DateTimeField(default=timezone.now)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-merged_at", "-pk"]

    def __str__(self):
        return f"{self.absorbed_id} → {self.kept_id}"


class ScoringSettings(models.Model):
    """Community policy for engagement scores: one row, edited by managers."""

    weight_topic = models.FloatField(_("weight of a topic started"), default=5)
    weight_post = models.FloatField(_("weight of a reply"), default=3)
    weight_reaction = models.FloatField(_("weight of a reaction given"), default=1)
    weight_mention = models.FloatField(_("weight of a brand mention"), default=2)
    weight_positive_mention = models.FloatField(_("weight of a positive mention"), default=4)
    weight_event = models.FloatField(_("weight of an event attended"), default=8)
    weight_programme = models.FloatField(_("weight of a programme joined"), default=6)
    half_life_days = models.FloatField(_("half-life (days)"), default=30)
    participant_at = models.FloatField(_("participant from"), default=3)
    contributor_at = models.FloatField(_("contributor from"), default=15)
    champion_at = models.FloatField(_("champion from"), default=40)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("scoring settings")

    def __str__(self):
        return "scoring settings"
