"""Scores: weighted activities halved every half-life; levels by thresholds; team left out."""

from datetime import timedelta

import pytest
from django.utils import timezone

from belvedere.activity.models import Entry
from belvedere.engagement.models import Level, Person, ScoringSettings
from belvedere.engagement.services.scoring import (
    decay,
    level_for,
    level_history,
    recompute_scores,
)


def _entry(user, verb, days_ago):
    Entry.objects.create(
        actor=user,
        actor_name=str(user),
        verb=verb,
        created_at=timezone.now() - timedelta(days=days_ago),
    )


def test_scoring_decay_halves_every_half_life():
    assert decay(0, 30) == 1
    assert decay(30, 30) == pytest.approx(0.5)
    assert decay(90, 30) == pytest.approx(0.125)


def test_scoring_level_thresholds():
    rules = ScoringSettings()
    assert [level_for(s, rules) for s in (0, 3, 15, 40)] == [
        Level.OBSERVER,
        Level.PARTICIPANT,
        Level.CONTRIBUTOR,
        Level.CHAMPION,
    ]


def test_scoring_recompute_follows_the_formula(carol, bob, make_person, make_mention):
    ScoringSettings.objects.create(
        half_life_days=10,
        weight_topic=10,
        weight_post=2,
        weight_positive_mention=4,
        weight_mention=1,
    )
    member = make_person("Carol", ("mastodon", "carol@m.social"), user=carol)
    team = make_person("Bob", user=bob)
    _entry(carol, "forum.topic.create", 0)  # 10
    _entry(carol, "forum.post.create", 10)  # 2 · 0.5 = 1
    _entry(carol, "member.signup", 0)  # not an activity
    make_mention("mastodon", "carol@m.social", sentiment="positive", days_ago=20, reach=900)  # 1
    make_mention("mastodon", "carol@m.social", sentiment="negative", days_ago=0, reach=50)  # 1
    _entry(bob, "forum.topic.create", 0)
    assert recompute_scores() == 2
    member.refresh_from_db()
    team.refresh_from_db()
    assert member.score == pytest.approx(13, abs=0.05)
    assert member.level == Level.PARTICIPANT
    assert (member.reach, member.positive_mentions, member.negative_mentions) == (900, 1, 1)
    assert team.is_team and team.score == 0


def test_scoring_leaves_merged_people_alone(make_person, dave):
    from belvedere.engagement.services.merges import merge_people

    a, b = make_person("A", ("reddit", "a")), make_person("B", ("reddit", "b"))
    merge_people(a, b, actor=dave)
    assert recompute_scores() == 1
    assert Person.objects.get(pk=b.pk).scored_at is None


def test_scoring_level_history_recomputes_past_levels(carol, bob, make_person, make_mention):
    ScoringSettings.objects.create(half_life_days=10, weight_topic=10, weight_mention=1)
    now = timezone.now()
    carol.date_joined = now - timedelta(days=60)
    carol.save(update_fields=["date_joined"])
    make_person("Carol", user=carol)
    make_person("Bob", user=bob)  # team: left out
    make_person("Mira", ("mastodon", "mira@m.social"))  # first seen now, mentioned before
    _entry(carol, "forum.topic.create", 20)
    _entry(carol, "forum.topic.create", 20)
    _entry(bob, "forum.topic.create", 20)
    make_mention("mastodon", "mira@m.social", sentiment="negative", days_ago=19.5)
    points = [now - timedelta(days=30), now - timedelta(days=19), now]
    observer, participant, contributor = Level.OBSERVER, Level.PARTICIPANT, Level.CONTRIBUTOR
    rows = level_history(points)
    assert [{k: v for k, v in row.items() if v} for row in rows] == [
        {observer: 1},  # Carol had joined, no activity yet; Mira not seen yet
        {contributor: 1, observer: 1},  # Carol 2 · 10 · 0.5^0.1 = 18.7; Mira 0.97
        {participant: 1, observer: 1},  # Carol 20 · 0.5^2 = 5; Mira 0.26
    ]
    assert level_history([]) == []
