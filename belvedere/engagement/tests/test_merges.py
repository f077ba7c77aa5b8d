"""Merge suggestions with reasons, merges, and unmerges that lose nothing."""

import pytest
from django.core.exceptions import ValidationError

from belvedere.activity.models import Entry
from belvedere.engagement.models import MergeSuggestion, Person
from belvedere.engagement.queries.people import attachments
from belvedere.engagement.services import merges, people


def _snapshot():
    return {p.pk: attachments(p) for p in Person.objects.prefetch_related("identities")}


def test_merges_suggest_email_handle_and_name(make_person, carol):
    carol_person = make_person("Carol", user=carol)
    by_email = make_person("C. on Reddit", ("reddit", "u_caro", "CAROL@example.com"))
    masto = make_person("Zoé Martin", ("mastodon", "zoemartin@mastodon.social"))
    sky = make_person("zoe", ("bluesky", "zoemartin.bsky.social"))
    named = make_person("Zoe Martinn", ("hackernews", "zm"))
    assert merges.suggest_merges() >= 3
    reasons = {
        frozenset((s.person_id, s.other_id)): (s.reason, s.confidence)
        for s in MergeSuggestion.objects.all()
    }
    assert reasons[frozenset((carol_person.pk, by_email.pk))] == ("email", 0.95)
    assert reasons[frozenset((masto.pk, sky.pk))][0] == "handle"
    assert reasons[frozenset((masto.pk, named.pk))][0] == "name"
    assert merges.suggest_merges() == 0  # never twice


def test_merges_never_suggest_two_forum_accounts(make_person, carol, mallory):
    make_person("Carol", ("reddit", "same"), user=carol)
    make_person("Mallory", ("mastodon", "same"), user=mallory)
    assert merges.suggest_merges() == 0


def test_merges_merge_then_unmerge_loses_nothing(make_person, carol, dave, make_mention):
    kept = make_person("Zoé", ("mastodon", "zoe@m.social"), ("reddit", "zoe_r"))
    absorbed = make_person("Carol", ("bluesky", "carol.bsky.social"), user=carol)
    bystander = make_person("Other", ("reddit", "other"))
    make_mention("bluesky", "carol.bsky.social")
    before = _snapshot()
    merge = merges.merge_people(kept, absorbed, actor=dave, reason="same person")
    kept.refresh_from_db()
    assert kept.user_id == carol.pk
    assert kept.identities.count() == 3
    merges.unmerge(merge, actor=dave)
    assert _snapshot() == before
    assert attachments(bystander) == before[bystander.pk]
    verbs = list(
        Entry.objects.filter(verb__startswith="engagement.person").values_list("verb", flat=True)
    )
    assert sorted(verbs) == ["engagement.person.merge", "engagement.person.unmerge"]


def test_merges_chained_merges_unmerge_in_reverse_order(make_person, dave):
    a = make_person("A", ("reddit", "a"))
    b = make_person("B", ("reddit", "b"))
    c = make_person("C", ("reddit", "c"), ("mastodon", "c2"))
    before = _snapshot()
    first = merges.merge_people(b, c, actor=dave)
    second = merges.merge_people(a, b, actor=dave)
    with pytest.raises(ValidationError):
        merges.unmerge(first, actor=dave)  # its identities moved on to A
    merges.unmerge(second, actor=dave)
    merges.unmerge(first, actor=dave)
    assert _snapshot() == before


def test_merges_accept_keeps_the_forum_account_and_reject_is_final(make_person, carol, dave):
    outside = make_person("Carol R", ("reddit", "carol", "carol@example.com"))
    member = make_person("Carol", user=carol)
    merges.suggest_merges()
    suggestion = MergeSuggestion.objects.get()
    merge = merges.accept_suggestion(suggestion, actor=dave)
    assert merge.kept_id == member.pk and merge.absorbed_id == outside.pk
    with pytest.raises(ValidationError):
        merges.accept_suggestion(suggestion, actor=dave)


def test_merges_refuse_two_accounts_and_self(make_person, carol, mallory, dave):
    a = make_person("Carol", user=carol)
    b = make_person("Mallory", user=mallory)
    with pytest.raises(ValidationError):
        merges.merge_people(a, b, actor=dave)
    with pytest.raises(ValidationError):
        merges.merge_people(a, a, actor=dave)


def test_merges_sync_people_from_members_and_authors(carol, bob, make_mention):
    make_mention("mastodon", "zoe@m.social")
    make_mention("mastodon", "zoe@m.social")
    make_mention("reddit", "")
    counts = people.sync_people()
    assert counts == {"members": 2, "authors": 1}
    assert Person.objects.get(user=bob).is_team
    assert people.sync_people() == {"members": 0, "authors": 0}
