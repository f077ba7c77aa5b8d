"""Reads on ambassadors: candidates, leaderboard and impact, badges for the forum, kits."""

import math

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from belvedere.accounts.decorators import check
from belvedere.engagement.models import (
    Ambassador,
    AmbassadorStatus,
    Level,
    LinkClick,
    Person,
    Referral,
    ShareKit,
    TrackedLink,
)
from belvedere.engagement.permissions import can_manage_engagement

CANDIDATE_LEVELS = (Level.CONTRIBUTOR, Level.CHAMPION)


def candidate_score(person: Person) -> float:
    """Level score, raised by the share of positive mentions and by reach (log scale)."""
    mentions = person.positive_mentions + person.negative_mentions
    positive = person.positive_mentions / mentions if mentions else 0.5
    return round(person.score * (0.5 + positive) + 5 * math.log10(1 + person.reach), 2)


def list_candidates(limit: int = 50) -> list[Person]:
    """Members at contributor level or above, not in the team, not already asked."""
    people = (
        Person.objects.filter(merged_into__isnull=True, is_team=False, level__in=CANDIDATE_LEVELS)
        .filter(user__isnull=False, user__is_active=True)
        .exclude(user__ambassador__status__in=[AmbassadorStatus.INVITED, AmbassadorStatus.ACTIVE])
        .exclude(negative_mentions__gt=0, positive_mentions=0)
        .select_related("user")
    )
    ranked = sorted(people[:500], key=candidate_score, reverse=True)[:limit]
    for person in ranked:
        person.candidate_score = candidate_score(person)
    return ranked


def _count(model, field: str = "pk"):
    rows = model.objects.filter(link__ambassador=OuterRef("pk")).order_by()
    counted = rows.values("link__ambassador").annotate(n=Count(field, distinct=True))
    return Coalesce(Subquery(counted.values("n")), 0)


def list_ambassadors(status: str = "") -> QuerySet[Ambassador]:
    """Ambassadors with clicks, unique visitors and sign-ups brought: the leaderboard."""
    ambassadors = Ambassador.objects.select_related("user").annotate(
        clicks=_count(LinkClick),
        visitors=_count(LinkClick, "visitor"),
        signups=_count(Referral),
    )
    if status:
        ambassadors = ambassadors.filter(status=status)
    return ambassadors.order_by("-signups", "-clicks", "user__display_name")


def count_by_status() -> dict[str, int]:
    """Ambassadors per status, every status present (0 when none)."""
    rows = Ambassador.objects.order_by().values_list("status").annotate(n=Count("pk"))
    counts = dict(rows.values_list("status", "n"))
    return {status: counts.get(status, 0) for status in AmbassadorStatus.values}


def leaderboard(limit: int = 20) -> list[Ambassador]:
    return list(list_ambassadors(AmbassadorStatus.ACTIVE)[:limit])


def get_ambassador_for_user(user, ambassador_id: int) -> Ambassador:
    check(can_manage_engagement(user))
    return get_object_or_404(list_ambassadors(), pk=ambassador_id)


def my_ambassador(user) -> Ambassador | None:
    if not user.is_authenticated:
        return None
    return Ambassador.objects.filter(user=user).first()


def impact(ambassador: Ambassador) -> list[dict]:
    """Per kit: the link, clicks, unique visitors (one per visitor and day), sign-ups."""
    links = (
        TrackedLink.objects.filter(ambassador=ambassador)
        .select_related("kit")
        .annotate(
            click_count=Count("clicks", distinct=True),
            signup_count=Count("referrals", distinct=True),
        )
    )
    # The visitor hash is salted per day: distinct hashes are unique visitors per day.
    uniques = dict(
        LinkClick.objects.filter(link__ambassador=ambassador)
        .values_list("link")
        .annotate(n=Count("visitor", distinct=True))
        .order_by()
    )
    return [
        {
            "link": link,
            "kit": link.kit,
            "clicks": link.click_count,
            "visitors": uniques.get(link.pk, 0),
            "signups": link.signup_count,
        }
        for link in links
    ]


def list_kits(active_only: bool = False) -> QuerySet[ShareKit]:
    kits = ShareKit.objects.annotate(
        click_count=Count("links__clicks", distinct=True),
        signup_count=Count("links__referrals", distinct=True),
    )
    return kits.filter(active=True) if active_only else kits


def badges_for(user_ids) -> dict[int, str]:
    """A badge label per active ambassador among `user_ids`, for the forum:
    {id: "Ambassador · Gold"}."""
    rows = Ambassador.objects.filter(
        user_id__in=list(user_ids), status=AmbassadorStatus.ACTIVE
    ).values_list("user_id", "tier")
    labels = {"bronze": _("Bronze"), "silver": _("Silver"), "gold": _("Gold")}
    return {
        user_id: _("Ambassador · %(tier)s") % {"tier": labels.get(tier, tier)}
        for user_id, tier in rows
    }


def referrals_of(ambassador: Ambassador) -> QuerySet[Referral]:
    return Referral.objects.filter(link__ambassador=ambassador).select_related("user", "link__kit")
