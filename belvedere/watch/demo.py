"""Demo data of the watch: the shipped OTA declarations (never fetched), two real successive
versions of Reddit's terms and their diff, a compliance register with one item flagged by that
change, competitors with 12 weeks of activity, page watches, trends from listening's demo
mentions, platforms to evaluate and last week's digest. Runs after listening (order 60)."""

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone
from markdown_it import MarkdownIt

from belvedere.core import demo
from belvedere.listening.models import Community, Query
from belvedere.watch.extract import extract_text
from belvedere.watch.models import (
    Competitor,
    CompetitorActivity,
    PageWatch,
    Platform,
    TrackedDocument,
)
from belvedere.watch.services import compliance, pages, terms
from belvedere.watch.services.digest import build_digest
from belvedere.watch.services.fetching import record_version
from belvedere.watch.services.trends import compute_trends
from belvedere.watch.weeks import monday

VERSIONS = Path(__file__).parent / "tests" / "fixtures" / "reddit-terms"
ITEMS = [
    ("Jeu-concours mensuel sur Instagram", "Instagram", "contest", "Terms of Service",
     "Règlement publié, pas d'obligation de partage, mention « non associé à Instagram »."),
    ("Contenus sponsorisés des ambassadeurs sur TikTok", "TikTok", "advertising",
     "Community Guidelines", "Mention « partenariat rémunéré » activée sur chaque vidéo."),
    ("Collecte d'e-mails via les formulaires Facebook Lead Ads", "Facebook", "data",
     "Privacy Policy", "Consentement explicite, finalité unique, purge à 12 mois."),
    ("Bot de réponses automatiques sur r/helios", "Reddit", "api", "Terms of Service",
     "Le bot répond aux questions de SAV sur r/helios, identifié comme bot."),
    ("Modération de r/helios (règles et délais)", "Reddit", "moderation", "Terms of Service",
     "Deux modérateurs, délai de réponse 24 h, règles épinglées."),
]  # fmt: skip
ACTIVITY = {
    "Nimbus": (["Nimbus Live : questions/réponses", "Webinar: getting started with Nimbus",
                "Nimbus meetup in Lyon"], ["Release notes", "Customer story", "Tips & tricks"]),
    "Domia": (["Domia community challenge", "Atelier domotique à Paris"],
              ["Product update", "Blog: smart home security"]),
    "Hélios": (["Hélios AMA with the product team"], ["Hélios blog", "Forum digest"]),
}  # fmt: skip


def _reddit_text(version: str) -> str:
    html = MarkdownIt("commonmark").render((VERSIONS / f"{version}.md").read_text())
    return extract_text(f"<main id='content'>{html}</main>", "#content")


def _terms(manager) -> TrackedDocument:
    terms.import_directory(actor=manager)
    TrackedDocument.objects.update(enabled=False)  # the demo never fetches the internet
    reddit = TrackedDocument.objects.get(service__name="Reddit", doc_type="Terms of Service")
    reddit.service.subscribers.add(manager)
    record_version(
        reddit, _reddit_text("2025-12-10"), at=datetime(2025, 12, 10, 12, 48, tzinfo=UTC)
    )
    return reddit


def _register(manager) -> None:
    for title, service, category, doc_type, description in ITEMS:
        document = TrackedDocument.objects.get(service__name=service, doc_type=doc_type)
        compliance.create_item(
            actor=manager, title=title, service=document.service, category=category,
            description=description, owner=manager, links=[(document, "", "")],
        )  # fmt: skip


def _competitors(manager) -> int:
    rng, now, created = random.Random(10), timezone.now(), 0
    communities = list(Community.objects.order_by("id")[:4])
    for name, kind in (("Hélios", "brand"), ("Nimbus", "competitor"), ("Domia", "competitor")):
        competitor = Competitor.objects.create(
            name=name, is_company=name == "Hélios", brands=name,
            site_url=f"https://{name.lower().replace('é', 'e')}.example",
            social_accounts=f"https://mastodon.social/@{name.lower().replace('é', 'e')}",
        )  # fmt: skip
        competitor.queries.set(Query.objects.filter(name=name, kind=kind))
        competitor.communities.set(communities[:2] if name == "Hélios" else communities[2:])
        events, posts = ACTIVITY[name]
        for i in range(rng.randint(25, 45)):
            event = rng.random() < 0.15
            title = rng.choice(events if event else posts)
            CompetitorActivity.objects.create(
                competitor=competitor, kind="event" if event else "post",
                external_id=f"demo-{name}-{i}", title=f"{title} #{i}",
                published_at=now - timedelta(hours=rng.randint(1, 84 * 24)),
                engagement=rng.randint(0, 60),
            )  # fmt: skip
            created += 1
    return created


def _pages(manager) -> None:
    for name, url, trigger, texts in (
        ("Tarifs Nimbus", "https://nimbus.example/pricing", "",
         ["Pro : 9 € par mois", "Pro : 11 € par mois\n\nTeam : 29 € par mois"]),
        ("Programme partenaires Domia", "https://domia.example/partners", "ambassadeur",
         ["Devenez revendeur Domia.",
          "Devenez revendeur Domia.\n\nNouveau : programme ambassadeur."]),
    ):  # fmt: skip
        watch = pages.create_watch(
            actor=manager, name=name, url=url, trigger_text=trigger, enabled=False
        )
        for days, text in zip((10, 2), texts, strict=True):
            pages.record_snapshot(watch, text, at=timezone.now() - timedelta(days=days))
    PageWatch.objects.update(enabled=False)


def build() -> str:
    manager = get_user_model().objects.filter(email="manager@belvedere.example").first()
    reddit = _terms(manager)
    _register(manager)
    record_version(reddit, _reddit_text("2026-04-01"))  # flags the Reddit practices
    activity = _competitors(manager)
    _pages(manager)
    this_week = monday(timezone.localdate())
    found = sum(len(compute_trends(this_week - timedelta(weeks=w))) for w in range(4))
    for name, status, note in (
        ("Bluesky", "evaluating", "Audience tech francophone en hausse ; test de 3 mois."),
        ("Lemmy", "to_evaluate", "Forums fédérés : une instance pour nos utilisateurs avancés ?"),
        ("Threads", "rejected", "Peu de conversations sur nos produits."),
    ):  # fmt: skip
        Platform.objects.create(name=name, status=status, notes=note, owner=manager)
    build_digest(this_week - timedelta(weeks=1))
    return f"6 networks, 1 change in Reddit's terms, {activity} competitor posts, {found} trends"


demo.register("watch", build, order=90)
