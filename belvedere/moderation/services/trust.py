"""Trust levels 0-4 from what the activity ledger knows of each member.

Discourse counts days visited, topics entered, posts read and time spent. Moderation may
not read the forum, so it counts generic ledger verbs that any app records: the days a
member did something, posts and topics created (`*.post.create`, `*.topic.create`),
reactions given (`*.reaction.add`), account age, and recent sanctions; and it adds the
reading figures apps provide through `core.member_figures` (the forum: `topics_read`,
`posts_read`, `minutes_read`). The thresholds for
levels 1-3 are community settings; level 4 is only given by hand (and kept: a level set by
hand is "locked" and the computation leaves it alone).
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.activity.models import Entry
from belvedere.activity.services import record
from belvedere.core.member_figures import member_figures
from belvedere.moderation.models import Sanction, Standing
from belvedere.moderation.policy import get_settings

COUNTED = ("days_active", "posts", "topics", "reactions_given", "topics_read", "posts_read",
           "minutes_read")  # fmt: skip


def member_activity(member_ids=None) -> dict[int, dict]:
    """{member id: {days_active, posts, topics, reactions_given}} in one query."""
    entries = Entry.objects.filter(actor_id__isnull=False)
    if member_ids is not None:
        entries = entries.filter(actor_id__in=list(member_ids))
    rows = entries.values("actor_id").annotate(
        days_active=Count(TruncDate("created_at"), distinct=True),
        posts=Count(
            "id", filter=Q(verb__endswith=".post.create") | Q(verb__endswith=".topic.create")
        ),
        topics=Count("id", filter=Q(verb__endswith=".topic.create")),
        reactions_given=Count("id", filter=Q(verb__endswith=".reaction.add")),
    )
    return {row.pop("actor_id"): row for row in rows}


def level_for(stats: dict, thresholds: dict) -> int:
    """The highest level 1-3 whose every requirement `stats` meets (0 when none)."""
    level = 0
    for candidate in ("1", "2", "3"):
        needs = thresholds.get(candidate) or {}
        ok = all(
            stats.get(key, 0) <= value if key.startswith("max_") else stats.get(key, 0) >= value
            for key, value in needs.items()
        )
        if not ok:
            break
        level = int(candidate)
    return level


def compute_levels(member_ids=None) -> dict[int, int]:
    """{member id: computed level} for active members (all, or those given)."""
    User = get_user_model()
    members = User.objects.filter(is_active=True)
    if member_ids is not None:
        members = members.filter(pk__in=list(member_ids))
    activity = member_activity(member_ids)
    reading = member_figures(member_ids)
    since = timezone.now() - timedelta(days=180)
    sanctions = dict(
        Sanction.objects.filter(created_at__gte=since, lifted_at__isnull=True)
        .values("member_id")
        .annotate(n=Count("id"))
        .values_list("member_id", "n")
    )
    thresholds, now = get_settings().trust_thresholds, timezone.now()
    levels = {}
    for pk, joined in members.values_list("pk", "date_joined"):
        stats = {**dict.fromkeys(COUNTED, 0), **activity.get(pk, {}), **reading.get(pk, {})}
        stats["age_days"] = (now - joined).days
        stats["max_sanctions_180d"] = sanctions.get(pk, 0)
        levels[pk] = level_for(stats, thresholds)
    return levels


@transaction.atomic
def recompute_trust_levels(member_ids=None) -> int:
    """Store the computed levels (levels set by hand stay); returns how many changed."""
    levels = compute_levels(member_ids)
    existing = Standing.objects.in_bulk(list(levels))
    missing = [Standing(member_id=pk) for pk in levels if pk not in existing]
    Standing.objects.bulk_create(missing, ignore_conflicts=True)
    existing = Standing.objects.in_bulk(list(levels))
    changed, now = 0, timezone.now()
    for pk, level in levels.items():
        standing = existing[pk]
        if standing.trust_locked or standing.trust_level == level:
            continue
        old, standing.trust_level, standing.trust_computed_at = standing.trust_level, level, now
        standing.save(update_fields=["trust_level", "trust_computed_at"])
        record(None, "moderation.trust.change", standing.member, old=old, new=level)
        changed += 1
    return changed


@transaction.atomic
def set_trust_level(member, level: int, *, actor, reason: str = "", locked: bool = True):
    """Give a level by hand (the only way to level 4); `locked=False` hands it back to the
    computation."""
    if not isinstance(level, int) or not 0 <= level <= 4:
        raise ValidationError(_("A trust level is 0 to 4."), code="level")
    standing, _created = Standing.objects.select_for_update().get_or_create(member=member)
    old = standing.trust_level
    standing.trust_level, standing.trust_locked = level, locked
    standing.save(update_fields=["trust_level", "trust_locked"])
    record(actor, "moderation.trust.set", member, reason=reason, staff=True, old=old, new=level)
    return standing
