"""What every check reads: the text, its author and their standing, the compiled policy, and
the normalised text and analysis, computed once and only when a check asks."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property

from django.db.models import Count, Max, Q
from django.utils import timezone

from belvedere.moderation.models import Standing, Submission
from belvedere.moderation.policy import Policy
from belvedere.moderation.standing import effective_trust, get_standing
from belvedere.text.analyze import analyze
from belvedere.text.normalize import Normalized, normalize


@dataclass
class History:
    """The author's recent submissions of flood-counted kinds."""

    total: int = 0
    last_day: int = 0
    last_at: object = None
    duplicates: int = 0


@dataclass
class Screening:
    text: str
    kind: str
    author: object
    context: dict
    policy: Policy
    flood_counted: bool = False
    now: object = field(default_factory=timezone.now)

    @property
    def is_edit(self) -> bool:
        return bool(self.context.get("edit"))

    @property
    def is_member(self) -> bool:
        return bool(self.author is not None and getattr(self.author, "pk", None))

    @cached_property
    def standing(self) -> Standing:
        return get_standing(self.author)

    @cached_property
    def trust(self) -> int:
        return effective_trust(self.author, self.standing) if self.is_member else 0

    @cached_property
    def limits(self) -> dict:
        return self.policy.settings.limits_for(self.trust)

    @cached_property
    def norm(self) -> Normalized:
        return normalize(self.text)

    @cached_property
    def digest(self) -> str:
        """Of the text with case and spacing folded: copies and double submissions match,
        different texts that normalise alike (two XSS payloads) do not."""
        folded = " ".join(self.text.split()).casefold()
        return hashlib.sha256(folded.encode()).hexdigest()

    @cached_property
    def analysis(self) -> dict:
        return analyze(self.text, mode="fast", lexicon=self.policy.lexicon)

    @cached_property
    def history(self) -> History:
        if not self.is_member:
            return History()
        settings = self.policy.settings
        day_ago = self.now - timedelta(days=1)
        dup_since = self.now - timedelta(hours=settings.duplicate_window_hours)
        row = Submission.objects.filter(author_id=self.author.pk).aggregate(
            total=Count("id"),
            last_day=Count("id", filter=Q(created_at__gte=day_ago)),
            last_at=Max("created_at"),
            duplicates=Count("id", filter=Q(created_at__gte=dup_since, digest=self.digest)),
        )
        return History(**row)
