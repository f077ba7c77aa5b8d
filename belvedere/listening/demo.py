"""Demo data: sources of every kind (disabled), queries for the fictional smart-home brand
Hélios and two competitors, ~2,000 French and English mentions over 90 days analysed by the
real pipeline, with a spike and a negative surge 20 days ago, fired alerts, and a census of
12 communities with suggestions pending. Nothing here fetches the internet."""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Max
from django.utils import timezone

from belvedere.core import demo
from belvedere.listening.connectors import RawMention
from belvedere.listening.demo_texts import (
    AUTHORS,
    BRANDS,
    INFLUENCERS,
    PLACES,
    PRODUCTS,
    SPIKE_TEXTS,
    TEXTS,
)
from belvedere.listening.models import Alert, AlertKind, Mention, Query, Source
from belvedere.listening.services import alerts, census, mentions, queries
from belvedere.listening.services.alert_checks import evaluate_alert
from belvedere.listening.services.ingest import compile_active_queries, ingest

DAYS, BASE, SPIKE, SPIKE_DAYS_AGO = 90, 1800, 220, 20
SOURCES = [
    ("rss", "Les Numériques (RSS)", {"url": "https://www.lesnumeriques.com/rss.xml"}),
    (
        "mastodon",
        "Mastodon #helios",
        {
            "instance": "https://mastodon.social",
            "mode": "hashtag",
            "term": "helios",
            "max_pages": 1,
        },
    ),
    ("bluesky", "Bluesky search", {"query": "hélios OR helios", "max_pages": 1}),
    (
        "reddit",
        "Reddit search",
        {"base_url": "https://www.reddit.com", "mode": "search", "query": "helios"},
    ),
    ("hackernews", "Hacker News", {"base_url": "https://hn.algolia.com", "query": "helios"}),
    (
        "webpage",
        "Forum domotique-info",
        {"url": "https://forum.domotique-info.example/", "item_selector": "article"},
    ),
    ("import", "Imports", {"platform": "import"}),
    ("webhook", "Zapier webhook", {"platform": "webhook"}),
]
QUERIES = [
    ("Hélios", 'helios OR "helios home" OR @helioshome', "brand"),
    ("Nimbus", "nimbus", "competitor"),
    ("Domia", "domia", "competitor"),
    ("Domotique", 'domotique OR "smart home" OR thermostat* OR "home assistant"', "topic"),
    ("Hélios — SAV", "helios AND (panne OR sav OR support OR remboursement OR refund)", "topic"),
]
COMMUNITIES = [
    ("r/smarthome", "subreddit", "https://www.reddit.com/r/smarthome/", "reddit", 2_100_000, 4),
    ("r/domotique", "subreddit", "https://www.reddit.com/r/domotique/", "reddit", 48_000, 5),
    ("mastodon.social", "mastodon_instance", "https://mastodon.social/", "mastodon", 280_000, 2),
    ("piaille.fr", "mastodon_instance", "https://piaille.fr/", "mastodon", 24_000, 3),
    ("Hacker News", "forum", "https://news.ycombinator.com/", "hackernews", 5_000_000, 2),
    ("Les Numériques", "blog", "https://www.lesnumeriques.com/", "rss", 3_500_000, 4),
    (
        "Forum domotique-info",
        "forum",
        "https://forum.domotique-info.example/",
        "webpage",
        15_000,
        5,
    ),
    ("Bluesky", "other", "https://bsky.app/", "bluesky", None, 2),
    ("Hélios Owners (Discord)", "discord", "", "", 3_400, 5),
    ("Domotique France (Facebook)", "facebook_group", "", "", 52_000, 3),
    ("#domotique", "hashtag", "https://mastodon.social/tags/domotique", "", None, 2),
    ("Smart Home Pros (LinkedIn)", "group", "", "", 8_700, 1),
]
KEYS = {
    "Hacker News": "news.ycombinator.com",
    "Les Numériques": "lesnumeriques.com",
    "Forum domotique-info": "forum.domotique-info.example",
    "Bluesky": "bsky.app",
}


def _url(platform: str, community: str, handle: str, i: int) -> str:
    return {
        "reddit": f"https://www.reddit.com/{community}/comments/demo{i}/",
        "mastodon": f"https://{community}/@{handle}/{110000 + i}",
        "bluesky": f"https://bsky.app/profile/{handle}.bsky.social/post/demo{i}",
        "hackernews": f"https://news.ycombinator.com/item?id={40000000 + i}",
        "rss": f"https://{community}/article-demo-{i}.html",
        "webpage": f"https://{community}/t/demo-{i}",
    }.get(platform, "")


def _raw(rng: random.Random, i: int, when, place, sentiment: str, texts=None) -> RawMention:
    platform, community, language, _share, followers = place
    brand = rng.choices(list(BRANDS), weights=[55, 28, 17])[0] if texts is None else "helios"
    name, handle = rng.choice(AUTHORS)
    template = rng.choice(texts[language] if texts else TEXTS[(language, sentiment)])
    text = template.format(brand=BRANDS[brand], product=rng.choice(PRODUCTS[language]))
    likes = rng.randrange(0, 40)
    return RawMention(
        external_id=f"demo-{i}",
        url=_url(platform, community, handle, i),
        text=text,
        author_name=name,
        author_handle=handle,
        community=community,
        language=language,
        published_at=when,
        engagement={"likes": likes, "replies": likes // 4},
        author_followers=followers * rng.randrange(1, 20) if followers else None,
        platform=platform,
    )


def _raws(now) -> list[RawMention]:
    rng = random.Random(2026)
    weights = [place[3] for place in PLACES]
    raws = []
    for i in range(BASE):
        when = now - timedelta(days=rng.random() * DAYS)
        sentiment = rng.choices(["positive", "neutral", "negative"], weights=[45, 32, 23])[0]
        raws.append(_raw(rng, i, when, rng.choices(PLACES, weights)[0], sentiment))
    spike_at = now - timedelta(days=SPIKE_DAYS_AGO)
    for i in range(BASE, BASE + SPIKE):
        when = spike_at + timedelta(minutes=rng.randrange(0, 600))
        raws.append(_raw(rng, i, when, rng.choices(PLACES, weights)[0], "negative", SPIKE_TEXTS))
    for j, (name, handle, reach) in enumerate(INFLUENCERS * 3):
        raw = _raw(
            rng, BASE + SPIKE + j, spike_at + timedelta(hours=j), PLACES[6], "negative", SPIKE_TEXTS
        )
        raw.author_name, raw.author_handle, raw.reach = name, handle, reach
        raws.append(raw)
    return raws


def _ingest(raws: list[RawMention], sources: dict[str, Source]) -> int:
    compiled = compile_active_queries()
    by_platform: dict[str, list[RawMention]] = {}
    for raw in raws:
        by_platform.setdefault(raw.platform, []).append(raw)
    created = 0
    for platform, items in by_platform.items():
        stats = ingest(items, source=sources.get(platform), platform=platform, queries=compiled)
        created += stats.created
    return created


def _triage(manager) -> None:
    negative = Mention.objects.filter(sentiment="negative", matches__query__name="Hélios")
    for index, mention in enumerate(negative.order_by("-reach")[:25]):
        mentions.set_status(mention, ["in_progress", "done", "new"][index % 3], actor=manager)
        mentions.assign(mention, manager, actor=manager)
        mentions.set_tags(mention, ["sav", "firmware-4.2"][: 1 + index % 2], actor=manager)
        if index % 4 == 0:
            mentions.add_note(mention, "Réponse publique faite, ticket SAV ouvert.", actor=manager)


def _alerts(manager, now) -> int:
    brand = Query.objects.get(name="Hélios")
    common = {"actor": manager, "query": brand, "period": "day", "baseline_periods": 14}
    made = [
        alerts.create_alert(
            name="Pic de volume Hélios",
            kind=AlertKind.VOLUME_SPIKE,
            sigma=3,
            min_count=20,
            **common,
        ),
        alerts.create_alert(
            name="Vague négative Hélios",
            kind=AlertKind.NEGATIVE_SURGE,
            negative_rise=20,
            min_count=20,
            **common,
        ),
        alerts.create_alert(
            actor=manager,
            name="Rappel produit",
            kind=AlertKind.KEYWORD,
            expression="helios AND (rappel OR recall)",
        ),
        alerts.create_alert(
            actor=manager,
            name="Influenceurs",
            kind=AlertKind.INFLUENTIAL_AUTHOR,
            reach_threshold=50_000,
        ),
    ]
    moment = now - timedelta(days=SPIKE_DAYS_AGO) + timedelta(hours=11)
    Alert.objects.filter(kind__in=["keyword", "influential_author"]).update(last_mention_id=0)
    fired = 0
    for alert in Alert.objects.filter(pk__in=[a.pk for a in made]):
        fired += evaluate_alert(alert, now=moment) is not None
    latest = Mention.objects.aggregate(last=Max("pk"))["last"] or 0
    Alert.objects.filter(pk__in=[a.pk for a in made]).update(last_mention_id=latest)
    return fired


def _census(manager) -> None:
    today = timezone.localdate()
    for name, kind, url, platform, size, relevance in COMMUNITIES:
        key = KEYS.get(name, name if platform else "")
        census.create_community(
            actor=manager,
            name=name,
            kind=kind,
            url=url,
            match_platform=platform,
            match_key=key.lower(),
            size=size,
            relevance=relevance,
            owner=manager,
            size_source="page publique" if size else "",
            size_date=today if size else None,
        )


def build() -> str:
    if Query.objects.filter(name="Hélios").exists():
        return "already built"  # the demo registry may run again on a database it filled
    manager = get_user_model().objects.filter(email="manager@belvedere.example").first()
    now = timezone.now()
    sources = {}
    for kind, name, config in SOURCES:
        sources[kind] = Source.objects.create(
            kind=kind, name=name, config=config, enabled=False, created_by=manager
        )
    for name, text, kind in QUERIES:
        queries.create_query(actor=manager, name=name, text=text, kind=kind)
    created = _ingest(_raws(now), sources)
    _triage(manager)
    fired = _alerts(manager, now)
    _census(manager)
    return f"{len(sources)} sources, {created} mentions, {fired} alerts fired, 12 communities"


demo.register("listening", build, order=60)
