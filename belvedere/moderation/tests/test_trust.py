"""Trust levels from the activity ledger, thresholds, level 4 by hand, the nightly task."""

from datetime import timedelta

import pytest
from django.utils import timezone

from belvedere.activity.models import Entry
from belvedere.moderation.models import Standing
from belvedere.moderation.services.settings import update_settings
from belvedere.moderation.services.trust import level_for, recompute_trust_levels
from belvedere.moderation.tasks import recompute_trust_task


def activity(member, verb, days_ago):
    Entry.objects.create(actor=member, actor_name=str(member), verb=verb,
                         created_at=timezone.now() - timedelta(days=days_ago))  # fmt: skip


def test_level_for_thresholds():
    thresholds = {"1": {"posts": 1}, "2": {"posts": 5, "max_sanctions_180d": 0}, "3": {"posts": 50}}
    assert level_for({"posts": 0}, thresholds) == 0
    assert level_for({"posts": 6, "max_sanctions_180d": 0}, thresholds) == 2
    assert level_for({"posts": 60, "max_sanctions_180d": 1}, thresholds) == 1


@pytest.mark.django_db
def test_trust_computed_from_the_ledger(carol, mallory, dave):
    update_settings(
        actor=dave,
        trust_thresholds={
            "1": {"days_active": 2, "posts": 1},
            "2": {"days_active": 3, "posts": 3, "reactions_given": 1, "age_days": 0},
            "3": {"days_active": 100},
        },
    )
    for day in range(3):
        activity(carol, "forum.post.create", day)
    activity(carol, "forum.reaction.add", 0)
    activity(mallory, "forum.topic.create", 0)
    assert recompute_trust_levels() >= 1
    assert Standing.objects.get(member=carol).trust_level == 2
    assert Standing.objects.get(member=mallory).trust_level == 0


@pytest.mark.django_db
def test_level_set_by_hand_stays(login_as, dave, carol, mallory):
    assert (
        login_as(mallory).post(f"/moderation/members/{carol.pk}/trust/", {"level": 4}).status_code
        == 403
    )
    client = login_as(dave)
    response = client.post(f"/moderation/members/{carol.pk}/trust/", {"level": 4, "locked": "on"})
    assert response.status_code == 302
    assert client.post(f"/moderation/members/{carol.pk}/trust/", {"level": 9}).status_code == 302
    recompute_trust_task()
    assert Standing.objects.get(member=carol).trust_level == 4


@pytest.mark.django_db
def test_trust_counts_reading_from_the_forum(login_as, forum, carol, mallory, dave):
    """Reading figures reach moderation through core.member_figures (the forum provides them)."""
    update_settings(actor=dave, trust_thresholds={
        "1": {"topics_read": 2, "posts_read": 2}, "2": {"topics_read": 50}, "3": {"posts": 999},
    })  # fmt: skip
    topics = [forum.topic(dave, title=f"Sujet numéro {n}").json()["id"] for n in range(2)]
    client = login_as(carol)
    for topic_id in topics:
        assert client.get(f"/forum/t/{topic_id}/").status_code == 200  # marks it read
    recompute_trust_levels()
    assert Standing.objects.get(member=carol).trust_level == 1
    assert Standing.objects.get(member=mallory).trust_level == 0  # read nothing
    update_settings(actor=dave, trust_thresholds={"1": {"topics_read": 2, "minutes_read": 5}})
    recompute_trust_levels()
    assert Standing.objects.get(member=carol).trust_level == 0  # read fast: under 5 minutes


@pytest.mark.django_db
def test_member_figures_merge_providers():
    from belvedere.core import member_figures

    def first(ids):
        return {1: {"topics_read": 3}, 2: {"topics_read": 1}}

    def second(ids):
        return {1: {"minutes": 7}}

    member_figures.register_provider(first)
    member_figures.register_provider(second)
    member_figures.register_provider(first)  # idempotent
    try:
        figures = member_figures.member_figures([1, 2])
    finally:
        member_figures.unregister_provider(first)
        member_figures.unregister_provider(second)
    assert figures[1] == {"topics_read": 3, "minutes": 7} and figures[2] == {"topics_read": 1}
