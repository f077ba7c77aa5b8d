"""Trends match whole words, ignoring case and accents, in French and English."""

from datetime import timedelta

import pytest
from django.utils import timezone

from belvedere.listening.models import Mention
from belvedere.text.query import fold
from belvedere.watch.bursts import holds_hashtag, holds_term, terms_of
from belvedere.watch.models import Trend
from belvedere.watch.queries.insights import trend_mentions
from belvedere.watch.services.competitors import EVENT_WORDS
from belvedere.watch.services.trends import compute_trends
from belvedere.watch.weeks import monday


@pytest.mark.parametrize(
    ("text", "term", "found"),
    [
        ("Les médias parlent de nous", "IA", False),
        ("L'IA générative arrive", "IA", True),
        ("Social media managers", "ia", False),
        ("AI is everywhere; IA en français", "ia", True),
        ("I trust this brand", "rust", False),
        ("Written in Rust, fast", "rust", True),
        ("Un ÉTÉ chaud pour Hélios", "été", True),
        ("Un ete chaud", "Été", True),
        ("Préparez la rentrée", "ete", False),
        ("Our e-mail campaign", "e-mail", True),
        ("Read https://example.com/rust-lang", "rust", False),
        ("Aujourd'hui, lancement", "aujourd'hui", True),
    ],
)
def test_holds_term_takes_whole_words_folded(text, term, found):
    assert holds_term(text, term) is found


def test_holds_hashtag_takes_whole_hashtags():
    assert holds_hashtag("On parle de #IA ce soir", "#ia")
    assert holds_hashtag("Le #Été2026 arrive", "#ete2026")
    assert not holds_hashtag("#IAmSmart and media", "#ia")
    assert not holds_hashtag("IA sans dièse", "#ia")


def test_terms_drop_french_elisions():
    assert "ia" not in terms_of("L'IA arrive")  # "IA": 2 letters, too short to trend
    assert "hélios" in terms_of("La box d'Hélios tombe en panne")
    assert "d'hélios" not in terms_of("La box d'Hélios tombe en panne")


def test_event_words_fold_accents_and_keep_word_boundaries():
    assert EVENT_WORDS.search(fold("Grand ÉVÈNEMENT à Lyon"))
    assert EVENT_WORDS.search(fold("Notre evenement de rentree"))
    assert EVENT_WORDS.search(fold("Join our Webinar"))
    assert not EVENT_WORDS.search(fold("Amazing eventful deliveries"))  # not "event"
    assert not EVENT_WORDS.search(fold("Drama in the salons"))  # not "ama", not "salon"


def _mention(text, days_ago=0):
    return Mention.objects.create(
        platform="mastodon", text=text, published_at=timezone.now() - timedelta(days=days_ago)
    )


@pytest.mark.django_db
def test_trend_mentions_are_whole_word_and_accent_aware():
    days = (timezone.localdate() - monday(timezone.localdate())).days
    kept = [_mention(t, days) for t in (
        "La RENTRÉE de la fibre", "Une rentrée sans panne", "Back to school: rentree sale",
        "Rentrée 2026 chez Hélios", "rentrée, rentrée, rentrée",
    )]  # fmt: skip
    for text in ("Les rentrées d'argent", "Préparez vos vacances", "Entrée libre"):
        _mention(text, days)
    trends = {(t.kind, fold(t.key)): t for t in compute_trends()}
    trend = trends[("term", "rentree")]
    assert trend.key == "rentrée"  # the form written most often
    assert trend.count == 5  # "RENTRÉE", "rentrée", "rentree" counted as one term
    assert sorted(m.pk for m in trend_mentions(trend)) == sorted(m.pk for m in kept)


@pytest.mark.django_db
def test_trend_mentions_of_a_hashtag_and_a_short_term():
    week = monday(timezone.localdate())
    days = (timezone.localdate() - week).days
    tagged = _mention("Débat sur l'#IA ce soir", days)
    _mention("Les #IAmSmart et les médias", days)
    plain = _mention("L'IA et les médias", days)
    hashtag = Trend.objects.create(
        week=week, kind="hashtag", key="#ia", count=1, baseline=0, score=3
    )
    assert list(trend_mentions(hashtag)) == [tagged]
    term = Trend.objects.create(week=week, kind="term", key="IA", count=1, baseline=0, score=3)
    assert sorted(m.pk for m in trend_mentions(term)) == sorted([tagged.pk, plain.pk])
