"""The screening pipeline, through the forum's API as members meet it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from belvedere.moderation.models import QueueItem, Standing, Submission
from belvedere.moderation.services.settings import update_settings


@pytest.fixture
def rules(db):
    from belvedere.terms.models import Clause, Document, Kind, Version

    document = Document.objects.create(
        slug="rules", kind=Kind.RULES, title_en="Rules", requires_acceptance=False
    )
    version = Version.objects.create(document=document, number=1, published_at=timezone.now())
    for number, key, title in (("2", "harassment", "No harassment"), ("4", "spam", "No spam"),
                               ("1", "respect", "Be respectful")):  # fmt: skip
        Clause.objects.create(version=version, number=number, key=key, title_en=title, body_en=".")
    document.current_version = version
    document.save()
    return document


def test_screening_leetspeak_watched_word_is_refused_citing_the_clause(forum, carol, word, rules):
    word("connard", "block", clause_key="harassment")
    response = forum.topic(carol, body="Franchement t'es un c0nn4rd de première")
    assert response.status_code == 422
    body = response.json()
    assert (
        "c0nn4rd" in body["detail"] and "2" in body["detail"] and "No harassment" in body["detail"]
    )
    assert "/terms/rules/v/1/#" in body["detail"]
    assert body["clause"] == "harassment"
    assert not QueueItem.objects.exists()


def test_screening_conseil_is_not_matched_by_con(forum, carol, word):
    word("con", "block")
    response = forum.topic(carol, body="Un bon conseil : lisez le contrat")
    assert response.status_code == 201


def test_screening_require_approval_word_holds(forum, carol, word):
    word("promo*", "approve", clause_key="spam")
    response = forum.topic(carol, body="Profitez de nos PROMOTIONS exceptionnelles ce mois-ci")
    post = forum.first_post(response)
    assert post.is_held and post.moderation_clause == "spam"
    item = QueueItem.objects.get()
    assert item.held and item.object_id == str(post.pk) and item.score >= 5


def test_screening_flag_word_publishes_and_queues(forum, carol, word, bob):
    word("arnaque", "flag")
    response = forum.topic(carol, body="Ce vendeur est une arnaque selon moi")
    post = forum.first_post(response)
    assert post.is_visible and post.screening_action == "flag"
    assert QueueItem.objects.get().reasons[:1] == ["word:arnaque"]


def test_screening_toxic_french_post_is_held(forum, carol):
    response = forum.topic(carol, body="Espèce de connard, tu racontes que des conneries ici")
    assert response.status_code == 201
    post = forum.first_post(response)
    assert post.is_held
    assert any(reason.startswith("toxicity:") for reason in post.moderation_reasons)
    assert QueueItem.objects.filter(held=True).count() == 1


def test_screening_severe_toxicity_is_refused(forum, carol):
    response = forum.topic(carol, body="Les immigrés sont des parasites qu'il faut chasser")
    assert response.status_code == 422
    assert response.json()["reasons"][0].startswith("toxicity:SEVERE_TOXICITY")


def test_screening_short_texts_need_a_word_list_match(forum, carol, mallory):
    topic = forum.topic(carol, body="Bonjour à tous, voici ma question du jour")
    response = forum.reply(mallory, topic.json()["id"], "@Carol regarde")
    assert forum.post(response).is_visible


def test_screening_flood_interval(forum, carol, dave):
    update_settings(actor=dave, min_seconds_between_posts=3600)
    topic = forum.topic(carol, body="Première question sur le thermostat connecté")
    response = forum.reply(carol, topic.json()["id"], "Et une précision tout de suite")
    assert response.status_code == 422 and response.json()["reasons"] == ["flood:interval"]
    Submission.objects.update(created_at=timezone.now() - timedelta(seconds=3601))
    assert forum.reply(carol, topic.json()["id"], "Et une précision après").status_code == 201


def test_screening_posts_per_day_by_trust_level(forum, carol, dave):
    limits = {"0": {"posts_per_day": 2}}
    update_settings(actor=dave, trust_limits=limits)
    topic = forum.topic(carol, body="Une question sur la batterie")
    assert forum.reply(carol, topic.json()["id"], "Deuxième message").status_code == 201
    response = forum.reply(carol, topic.json()["id"], "Troisième message")
    assert response.status_code == 422 and response.json()["reasons"] == ["flood:daily"]
    Standing.objects.update_or_create(member=carol, defaults={"trust_level": 1})
    assert forum.reply(carol, topic.json()["id"], "Troisième message").status_code == 201


def test_screening_duplicate_text(forum, carol, dave):
    update_settings(actor=dave, duplicate_window_hours=24)
    text = "Achetez nos thermostats sur notre boutique en ligne"
    first = forum.topic(carol, body=text, title="Premier sujet")
    assert first.status_code == 201, first.content
    response = forum.topic(carol, body=text.upper(), title="Second sujet")
    assert response.status_code == 422 and response.json()["reasons"] == ["spam:duplicate"]


def test_screening_links_for_new_members(forum, carol, mallory):
    links = " ".join(f"https://shop{i}.example.com/promo" for i in range(3))
    held = forum.topic(mallory, body=f"Regardez ça {links}")
    assert forum.first_post(held).is_held
    Standing.objects.create(member=carol, trust_level=2)
    published = forum.topic(carol, body=f"Mes sources {links}")
    assert forum.first_post(published).is_visible, forum.first_post(published).moderation_reasons


def test_screening_blocked_and_allowed_domains(forum, carol, dave):
    update_settings(actor=dave, blocked_domains="casino.example\n", allowed_domains="docs.example")
    response = forum.topic(carol, body="Gagnez gros sur https://www.casino.example/bonus")
    assert response.status_code == 422 and "casino.example" in response.json()["detail"]
    docs = " ".join(f"https://docs.example/page{i}" for i in range(5))
    assert forum.first_post(forum.topic(carol, body=f"Voir {docs}")).is_visible


def test_screening_silenced_member_cannot_post(forum, carol):
    Standing.objects.create(member=carol, silenced_until=timezone.now() + timedelta(days=1))
    response = forum.topic(carol, body="Je voudrais poster quand même")
    assert response.status_code == 422 and "silenced" in response.json()["detail"]


def test_screening_first_post_of_new_member_is_queued_not_held(forum, carol):
    response = forum.topic(carol, body="Bonjour, je découvre la communauté !")
    post = forum.first_post(response)
    assert post.is_visible
    item = QueueItem.objects.get()
    assert item.first_post and not item.held and item.reasons == ["first_post"]
    forum.reply(carol, response.json()["id"], "Et voici une deuxième remarque")
    assert QueueItem.objects.count() == 1


def test_screening_rejected_post_keeps_its_text_in_the_composer(client, carol, word, general):
    word("connard", "block")
    client.force_login(carol)
    body = "Un long message réfléchi, mais qui finit par connard"
    response = client.post("/forum/new/", {"category": general.pk, "title": "Titre", "body": body})
    assert response.status_code == 200
    assert body in response.content.decode()
    assert "connard" in response.content.decode()


def test_screening_message_in_the_members_language(forum, carol, word, client, general):
    word("connard", "block")
    client.force_login(carol)
    response = client.post(
        "/forum/new/",
        {"category": general.pk, "title": "Un titre", "body": "quel connard celui-là"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert "ce que cette communauté n’accepte pas" in response.content.decode()
