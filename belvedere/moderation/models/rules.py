"""Community policy: watched words and the moderation settings (one row). ORM only."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class WordAction(models.TextChoices):
    BLOCK = "block", _("Block (refuse the post)")
    APPROVE = "approve", _("Require approval (hold for review)")
    FLAG = "flag", _("Flag (publish, add to the queue)")
    CENSOR = "censor", _("Censor (mask on display)")
    REPLACE = "replace", _("Replace (show another word)")


class WordCategory(models.TextChoices):
    NONE = "", _("None")
    INSULT = "insult", _("Insult")
    PROFANITY = "profanity", _("Profanity")
    SLUR = "slur", _("Slur")
    THREAT = "threat", _("Threat")


class WordLanguage(models.TextChoices):
    ANY = "any", _("Any language")
    FR = "fr", _("French")
    EN = "en", _("English")


class WatchedWord(models.Model):
    """A word, phrase (`*` wildcard) or regular expression the screening looks for."""

    pattern = models.CharField(_("word, phrase or expression"), max_length=200)
    is_regex = models.BooleanField(_("regular expression"), default=False)
    action = models.CharField(_("action"), max_length=16, choices=WordAction.choices)
    replacement = models.CharField(_("replacement"), max_length=100, blank=True)
    clause_key = models.CharField(
        _("clause of the terms"),
        max_length=40,
        blank=True,
        help_text=_("Topic key or number of the clause cited to the author, e.g. harassment."),
    )
    category = models.CharField(
        _("toxicity category"),
        max_length=16,
        choices=WordCategory.choices,
        blank=True,
        help_text=_("When set, the word also raises the toxicity scores of the text analysis."),
    )
    language = models.CharField(
        _("language"), max_length=8, choices=WordLanguage.choices, default=WordLanguage.ANY
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["action", "pattern"]
        verbose_name = _("watched word")
        verbose_name_plural = _("watched words")
        constraints = [
            models.UniqueConstraint(
                fields=["pattern", "is_regex"], name="moderation_watched_word_unique"
            )
        ]

    def __str__(self):
        return self.pattern


def default_ladder() -> list[dict]:
    return [
        {"kind": "warning"},
        {"kind": "silence", "days": 3},
        {"kind": "suspension", "days": 14},
        {"kind": "ban"},
    ]


def default_trust_limits() -> dict:
    """Per trust level: links and mentions per post, posts and flags per day."""
    return {
        "0": {"links": 2, "mentions": 3, "posts_per_day": 60, "flags_per_day": 5},
        "1": {"links": 5, "mentions": 7, "posts_per_day": 150, "flags_per_day": 10},
        "2": {"links": 20, "mentions": 10, "posts_per_day": 500, "flags_per_day": 20},
        "3": {"links": 50, "mentions": 20, "posts_per_day": 1000, "flags_per_day": 50},
        "4": {"links": 100, "mentions": 50, "posts_per_day": 5000, "flags_per_day": 100},
    }


def default_trust_thresholds() -> dict:
    """What a member needs to reach levels 1-3 (Discourse's defaults, adapted to the ledger
    and the forum's read tracking)."""
    return {
        "1": {"age_days": 1, "days_active": 2, "posts": 1, "topics": 0, "reactions_given": 0,
              "topics_read": 5, "posts_read": 30, "minutes_read": 10},
        "2": {"age_days": 15, "days_active": 15, "posts": 10, "topics": 1, "reactions_given": 3,
              "topics_read": 20, "posts_read": 100, "minutes_read": 60},
        "3": {
            "age_days": 60,
            "days_active": 50,
            "posts": 50,
            "topics": 5,
            "reactions_given": 30,
            "topics_read": 100,
            "posts_read": 500,
            "max_sanctions_180d": 0,
        },
    }  # fmt: skip


class ModerationSettings(models.Model):
    """The community's moderation policy: a single row, edited by community managers."""

    hold_threshold = models.FloatField(
        _("hold above this toxicity"),
        default=0.8,
        help_text=_("Highest of TOXICITY, INSULT, THREAT and IDENTITY_ATTACK, from 0 to 1."),
    )
    reject_threshold = models.FloatField(
        _("reject above this severe toxicity"),
        default=0.9,
        help_text=_("SEVERE_TOXICITY from 0 to 1; above 1 never rejects."),
    )
    blocked_domains = models.TextField(_("blocked domains"), blank=True)
    allowed_domains = models.TextField(
        _("allowed domains"), blank=True, help_text=_("Links to these never count as links.")
    )
    first_post_max_links = models.PositiveIntegerField(
        _("links allowed in a member's first post"), default=2
    )
    min_seconds_between_posts = models.PositiveIntegerField(
        _("minimum seconds between two posts"), default=0
    )
    duplicate_window_hours = models.PositiveIntegerField(
        _("refuse the same text again within (hours)"), default=0
    )
    review_first_posts = models.BooleanField(
        _("queue the first posts of new members"), default=True
    )
    flag_hide_score = models.FloatField(_("hide content at this flag score"), default=6.0)
    appeal_window_days = models.PositiveIntegerField(_("days to appeal a sanction"), default=14)
    ladder = models.JSONField(_("escalation ladder"), default=default_ladder)
    trust_limits = models.JSONField(_("limits by trust level"), default=default_trust_limits)
    trust_thresholds = models.JSONField(
        _("trust level requirements"), default=default_trust_thresholds
    )
    api_requests_per_minute = models.PositiveIntegerField(
        _("analysis API requests per minute and token"), default=60
    )
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("moderation settings")
        verbose_name_plural = _("moderation settings")

    def __str__(self):
        return str(_("Moderation settings"))

    def limits_for(self, level: int) -> dict:
        defaults = default_trust_limits()
        key = str(max(0, min(4, level)))
        return {**defaults[key], **(self.trust_limits or {}).get(key, {})}

    @staticmethod
    def domains(text: str) -> list[str]:
        lines = (line.strip().lower().removeprefix("www.") for line in (text or "").split())
        return [line.strip(".") for line in lines if line]
