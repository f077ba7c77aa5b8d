"""The weekly watch digest: built from the week's changes, stored, sent by email/apprise."""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.accounts.models import Role, User
from belvedere.activity.services import record
from belvedere.core.notify import Delivery, notify
from belvedere.watch.models import (
    CompetitorActivity,
    ComplianceItem,
    ComplianceStatus,
    Digest,
    DocumentVersion,
    PageSnapshot,
    Trend,
)
from belvedere.watch.services.settings import get_settings
from belvedere.watch.validation import lines
from belvedere.watch.weeks import monday, week_bounds

TOP = 10


def _rules(start, end) -> list[dict]:
    versions = DocumentVersion.objects.filter(
        recorded_at__gte=start, recorded_at__lt=end, previous__isnull=False
    ).select_related("document__service")
    return [
        {
            "id": v.pk,
            "service": v.document.service.name,
            "document": v.document.doc_type,
            "recorded_at": v.recorded_at.isoformat(),
            "added": v.added,
            "removed": v.removed,
            "changed": v.changed,
        }  # fmt: skip
        for v in versions.only(
            "id",
            "recorded_at",
            "added",
            "removed",
            "changed",
            "document__doc_type",
            "document__service__name",
        )  # fmt: skip
    ]


def _pages(start, end) -> list[dict]:
    snapshots = PageSnapshot.objects.filter(
        recorded_at__gte=start, recorded_at__lt=end, previous__isnull=False
    ).select_related("watch")
    return [
        {
            "id": s.pk,
            "watch": s.watch.name,
            "url": s.watch.url,
            "triggered": s.triggered,
            "recorded_at": s.recorded_at.isoformat(),
        }  # fmt: skip
        for s in snapshots.only("id", "recorded_at", "triggered", "watch__name", "watch__url")
    ]


def _competitors(start, end) -> list[dict]:
    rows = CompetitorActivity.objects.filter(published_at__gte=start, published_at__lt=end)
    by_name: dict[str, dict] = {}
    for row in rows.select_related("competitor").order_by("-published_at"):
        entry = by_name.setdefault(
            row.competitor.name, {"competitor": row.competitor.name, "posts": 0, "events": []}
        )
        entry["posts"] += 1
        if row.kind == "event" and len(entry["events"]) < 5:
            entry["events"].append({"title": row.title, "url": row.url})
    return sorted(by_name.values(), key=lambda e: -e["posts"])


def _trends(week: date) -> list[dict]:
    trends = Trend.objects.filter(week=week).order_by("-score")[:TOP]
    return [
        {
            "id": t.pk,
            "kind": t.kind,
            "key": t.key,
            "count": t.count,
            "baseline": t.baseline,
            "score": t.score,
            "is_new": t.is_new,
        }  # fmt: skip
        for t in trends
    ]


@transaction.atomic
def build_digest(week: date | None = None) -> Digest:
    """Build (or rebuild) the digest of ``week`` (a Monday; last week by default)."""
    week = monday(week or timezone.localdate() - timedelta(days=7))
    start, end = week_bounds(week)
    content = {
        "rules": _rules(start, end),
        "to_review": ComplianceItem.objects.filter(status=ComplianceStatus.REVIEW).count(),
        "pages": _pages(start, end),
        "competitors": _competitors(start, end),
        "trends": _trends(week),
    }
    digest, _created = Digest.objects.update_or_create(week=week, defaults={"content": content})
    return digest


def recipients() -> tuple[list[str], list[str]]:
    options = get_settings()
    emails = lines(options.digest_emails.replace(",", "\n"))
    if options.digest_to_team:
        team = User.objects.filter(role__in=[Role.MANAGER, Role.ADMIN], is_active=True)
        emails += [email for email in team.values_list("email", flat=True) if email]
    return sorted(set(emails)), lines(options.digest_apprise_urls)


def send_digest(digest: Digest) -> Delivery:
    emails, urls = recipients()
    link = settings.BASE_URL + reverse("watch:digest", args=[digest.week.isoformat()])
    subject = _("Watch digest, week of %(week)s") % {"week": digest.week.isoformat()}
    body = render_to_string(
        "watch/email/digest.txt", {"digest": digest, "c": digest.content, "link": link}
    )
    delivery = notify(subject, body, emails=emails, apprise_urls=urls)
    digest.sent_at = timezone.now()
    digest.save(update_fields=["sent_at"])
    record(None, "watch.digest_sent", digest, recipients=len(emails) + len(urls))
    return delivery
