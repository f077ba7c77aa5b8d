"""Demo data: components, monitors with 90 days of history, incidents, reports, suggestions.

The demo monitors point at fictional hosts, so they are created paused; their history is
generated directly as daily and hourly rollups (about 99.9 % uptime with two outages).
"""

import random
from datetime import UTC, datetime, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from belvedere.core import demo
from belvedere.uptime.models import (
    Component,
    ComponentGroup,
    Incident,
    IncidentUpdate,
    MaintenanceWindow,
    Monitor,
    Report,
    Rollup,
    Vote,
)

DAYS = 90
CHECKS_PER_DAY = 1440
OUTAGES = {12: ("forum", 47, "Forum unavailable"), 41: ("api", 18, "API errors on sign-in")}
COMPONENTS = [
    ("Community", "Forum", "forum", "https://forum.belvedere.example/"),
    ("Community", "Search", "search", "https://forum.belvedere.example/search?q=status"),
    ("Platform", "API", "api", "https://api.belvedere.example/healthz"),
    ("Platform", "Sign-in", "signin", "https://id.belvedere.example/login"),
]


def _monitors(admin) -> dict[str, Monitor]:
    groups = {
        name: ComponentGroup.objects.create(name=name, position=i)
        for i, name in enumerate(["Community", "Platform"])
    }
    monitors = {}
    for position, (group, name, key, url) in enumerate(COMPONENTS):
        component = Component.objects.create(name=name, group=groups[group], position=position)
        monitors[key] = Monitor.objects.create(
            name=name,
            kind="http",
            url=url,
            component=component,
            status="up",
            is_paused=True,
            created_by=admin,
            keyword_mode="",
            max_response_ms=2000,
        )
    backup = Component.objects.create(name="Nightly backup", position=9)
    monitors["backup"] = Monitor.objects.create(
        name="Nightly backup",
        kind="heartbeat",
        component=backup,
        interval_seconds=86400,
        grace_seconds=3600,
        status="up",
        is_paused=True,
        created_by=admin,
    )
    return monitors


def _history(monitors: dict[str, Monitor], rng: random.Random) -> int:
    today = timezone.now().astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    rows = []
    for key, monitor in monitors.items():
        base = 80 + 40 * list(monitors).index(key)
        for back in range(1, DAYS):
            outage = OUTAGES.get(back)
            failed = outage[1] if outage and outage[0] == key else rng.choice([0, 0, 0, 1, 2])
            avg = base + rng.randint(-15, 25)
            rows.append(
                Rollup(
                    monitor=monitor,
                    period="day",
                    start=today - timedelta(days=back),
                    count=CHECKS_PER_DAY,
                    ok_count=CHECKS_PER_DAY - failed,
                    avg_latency_ms=avg,
                    p95_latency_ms=avg * 2,
                )
            )
        for hour in range(1, 25):
            avg = base + rng.randint(-20, 30)
            rows.append(
                Rollup(
                    monitor=monitor,
                    period="hour",
                    start=today - timedelta(hours=hour),
                    count=60,
                    ok_count=60,
                    avg_latency_ms=avg,
                    p95_latency_ms=int(avg * 1.8),
                )
            )
        # The last check of that history, as the monitor list shows it.
        monitor.last_checked_at = today - timedelta(minutes=1)
        monitor.last_latency_ms = None if monitor.kind == "heartbeat" else avg
        monitor.last_status_code = None if monitor.kind == "heartbeat" else 200
        monitor.last_ping_at = monitor.last_checked_at if monitor.kind == "heartbeat" else None
        monitor.save(
            update_fields=["last_checked_at", "last_latency_ms", "last_status_code", "last_ping_at"]
        )
    Rollup.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _incidents(monitors: dict[str, Monitor], manager) -> None:
    today = timezone.now().astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    steps = [
        ("investigating", 0, "We are looking into reports of errors."),
        ("identified", 9, "A full disk on the database server is the cause."),
        ("monitoring", 20, "Space was freed; we are watching the service."),
    ]
    for back, (key, minutes, title) in OUTAGES.items():
        start = today - timedelta(days=back) + timedelta(hours=14, minutes=3)
        incident = Incident.objects.create(
            title=title,
            status="resolved",
            impact="major",
            monitor=monitors[key],
            started_at=start,
            resolved_at=start + timedelta(minutes=minutes),
            created_by=manager,
            created_at=start,
            updated_at=start + timedelta(minutes=minutes),
            postmortem=(
                "## What happened\nThe database disk filled up.\n\n## What we changed\n"
                "- alerts at 80 % disk use\n- logs rotated daily"
            )
            if back == 12
            else "",
            postmortem_at=start + timedelta(days=1) if back == 12 else None,
        )
        incident.components.add(monitors[key].component)
        for status, after, body in steps:
            if after < minutes:
                IncidentUpdate.objects.create(
                    incident=incident,
                    status=status,
                    body=body,
                    author=manager,
                    created_at=start + timedelta(minutes=after),
                )
        IncidentUpdate.objects.create(
            incident=incident,
            status="resolved",
            author=manager,
            body="The service is back to normal.",
            created_at=start + timedelta(minutes=minutes),
        )


def _reports(members: list, components: list[Component], rng: random.Random) -> None:
    problems = [
        ("Reply button does nothing", "/forum/", "Nothing happens when I click Reply on mobile."),
        ("Images do not load", "/forum/t/12/", "Pictures in posts show as broken links."),
        ("Notification emails arrive twice", "/accounts/profile/", "I get each email two times."),
    ]
    for title, page, text in problems:
        Report.objects.create(
            kind="problem",
            title=title,
            description=text,
            page_url=page,
            user_agent="Mozilla/5.0 (Android 15) Firefox/140.0",
            reporter=rng.choice(members),
            component=rng.choice(components),
        )
    ideas = ["Dark mode", "Mark all topics as read", "Mentions with @name", "Weekly digest email"]
    for title in ideas:
        idea = Report.objects.create(
            kind="suggestion",
            title=title,
            reporter=rng.choice(members),
            description=f"It would help to have: {title.lower()}.",
        )
        voters = rng.sample(members, rng.randint(0, len(members)))
        Vote.objects.bulk_create(Vote(report=idea, member=m) for m in voters)
        idea.vote_count = len(voters)
        idea.save(update_fields=["vote_count"])


def build() -> str:
    rng = random.Random(7)
    users = get_user_model().objects.filter(is_active=True).order_by("pk")
    admin = users.filter(role="admin").first()
    manager = users.filter(role="manager").first() or admin
    members = list(users[:20])
    monitors = _monitors(admin)
    rollups = _history(monitors, rng)
    _incidents(monitors, manager)
    if members:
        _reports(members, list(Component.objects.all()), rng)
    start = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) + timedelta(days=3)
    window = MaintenanceWindow.objects.create(
        title="Database upgrade",
        description="The forum is read-only for about an hour.",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        created_by=manager,
    )
    window.components.add(monitors["forum"].component)
    return f"{len(monitors)} monitors (paused), {rollups} rollups, 2 incidents, 7 reports"


demo.register("uptime", build, order=70)
