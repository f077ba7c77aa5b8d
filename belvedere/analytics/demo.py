"""Demo data: 90 days of traffic rollups (weekly seasonality), members' logins and searches,
survey answers, an objective, an archived report. Runs after every other app's demo, so it can
report on their data."""

import random
from datetime import UTC, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from belvedere.activity.models import Entry
from belvedere.activity.services import make_entry
from belvedere.analytics.models import Answer, Goal, Response, Rollup
from belvedere.analytics.queries.periods import Period
from belvedere.analytics.services.objectives import add_kpi, create_objective, snapshot_kpis
from belvedere.analytics.services.reports import build_report
from belvedere.analytics.services.surveys import create_survey
from belvedere.core import demo

PAGES = ["/", "/forum/", "/forum/c/help/", "/forum/c/ideas/", "/status/", "/accounts/signup/"]
SOURCES = [
    ("", 45),
    ("Google", 30),
    ("DuckDuckGo", 6),
    ("Twitter", 5),
    ("newsletter", 9),
    ("LinkedIn", 5),
]
WEEKDAY = [1.0, 1.05, 1.1, 1.05, 0.95, 0.6, 0.55]
# Share of the day's visits per value, for the dimensions that split visits.
SHARES = {
    "entry_page": [("/", 0.4), ("/forum/c/help/", 0.25), ("/forum/", 0.15), ("/status/", 0.1)],
    "exit_page": [
        ("/forum/c/help/", 0.3),
        ("/", 0.25),
        ("/forum/c/ideas/", 0.15),
        ("/status/", 0.1),
    ],
    "referrer": [
        ("google.com", 0.3),
        ("duckduckgo.com", 0.06),
        ("t.co", 0.05),
        ("linkedin.com", 0.05),
    ],
    "utm_source": [("newsletter", 0.09)],
    "utm_medium": [("email", 0.09)],
    "utm_campaign": [("novembre-2026", 0.06), ("lancement-helios", 0.03)],
    "device": [("Desktop", 0.45), ("Laptop", 0.2), ("Mobile", 0.3), ("Tablet", 0.05)],
    "browser": [("Firefox", 0.35), ("Chrome", 0.4), ("Safari", 0.18), ("Edge", 0.07)],
    "os": [("Windows", 0.35), ("Android", 0.2), ("macOS", 0.18), ("iOS", 0.15), ("Linux", 0.12)],
    "language": [("fr", 0.6), ("en", 0.4)],
}


def _day_rows(day, rng: random.Random) -> list[Rollup]:
    bucket = datetime.combine(day, time.min, tzinfo=UTC)
    growth = 1 + (90 - (timezone.now().date() - day).days) / 180
    visitors = int(rng.gauss(220, 20) * WEEKDAY[day.weekday()] * growth)
    visits = int(visitors * 1.2)
    bounces = int(visits * rng.uniform(0.38, 0.5))
    total = Rollup(
        bucket=bucket,
        visitors=visitors,
        visits=visits,
        pageviews=int(visits * 2.6),
        bounces=bounces,
        duration=visits * rng.randint(80, 140),
        events=visitors // 9,
    )
    rows = [total]
    for i, page in enumerate(PAGES):
        share = 0.5 / (i + 1)
        rows.append(
            Rollup(
                bucket=bucket,
                dimension="page",
                value=page,
                visitors=int(visitors * share),
                pageviews=int(visits * 2.6 * share),
            )
        )
    for source, weight in SOURCES:
        n = visits * weight // 100
        if source:
            rows.append(
                Rollup(
                    bucket=bucket,
                    dimension="source",
                    value=source,
                    visitors=n,
                    visits=n,
                    bounces=n * 2 // 5,
                    duration=n * 100,
                )
            )
    for dimension, shares in SHARES.items():
        for value, share in shares:
            n = int(visits * share)
            rows.append(
                Rollup(
                    bucket=bucket,
                    dimension=dimension,
                    value=value,
                    visitors=int(n / 1.2),
                    visits=n,
                    bounces=int(n * 0.44),
                    duration=n * 105,
                )
            )
    rows.append(
        Rollup(
            bucket=bucket,
            dimension="event",
            value="Signup",
            visitors=visitors // 9,
            events=visitors // 9,
        )
    )
    return rows


def _logins_and_searches(rng: random.Random, today) -> int:
    """What accounts and the forum record as members use the site, over the last 90 days
    (written straight into the ledger, dated in the past)."""
    members = list(get_user_model().objects.filter(role="member", is_active=True)[:80])
    rows = []
    for back in range(1, 91):
        day = datetime.combine(today - timedelta(days=back), time(8), tzinfo=UTC)
        busy = WEEKDAY[day.weekday()]
        for member in members:
            if rng.random() < 0.3 * busy:
                at = day + timedelta(minutes=rng.randint(0, 12 * 60))
                rows.append(make_entry(member, "member.login", member, created_at=at))
                if rng.random() < 0.35:
                    results = rng.randint(0, 25)
                    when = at + timedelta(minutes=2)
                    rows.append(
                        make_entry(member, "forum.search", created_at=when, results=results)
                    )
    Entry.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _survey(admin, rng: random.Random) -> int:
    survey = create_survey(
        actor=admin,
        title="How is the community doing?",
        questions=[
            ("nps", "How likely are you to recommend us?"),
            ("csat", "How satisfied are you with the answers you get?"),
        ],
    )
    nps_q, csat_q = survey.questions.all()
    members = list(get_user_model().objects.filter(role="member")[:60])
    now = timezone.now()
    for member in members:
        response = Response.objects.create(
            survey=survey, respondent=member, created_at=now - timedelta(days=rng.randint(0, 80))
        )
        Answer.objects.bulk_create(
            [
                Answer(
                    response=response, question=nps_q, score=rng.choice([10, 9, 9, 8, 7, 6, 3, 10])
                ),
                Answer(response=response, question=csat_q, score=rng.choice([5, 4, 4, 3, 2, 5])),
            ]
        )
    return len(members)


def build() -> str:
    rng = random.Random(9)
    today = timezone.now().date()
    rows = [r for i in range(1, 91) for r in _day_rows(today - timedelta(days=i), rng)]
    Rollup.objects.bulk_create(rows, batch_size=2000)
    Goal.objects.create(name="Sign-ups", kind="event", target="Signup")
    admin = get_user_model().objects.filter(role="admin").order_by("pk").first()
    visits = _logins_and_searches(rng, today)
    answers = _survey(admin, rng)
    objective = create_objective(
        actor=admin,
        name="Grow the community",
        kind="brand_promotion",
        deadline=today + timedelta(days=60),
    )
    add_kpi(objective, actor=admin, metric="traffic.visitors", target=9000, baseline=5000)
    add_kpi(
        objective, actor=admin, metric="satisfaction.nps", target=40, baseline=0, window_days=90
    )
    for back in range(30, -1, -3):
        snapshot_kpis(today - timedelta(days=back))
    last = today - timedelta(days=today.weekday() + 1)
    build_report("weekly", Period(last - timedelta(days=6), last))
    return (f"90 days of traffic, {visits} logins and searches, {answers} survey answers, "
            "1 objective, 1 report")  # fmt: skip


demo.register("analytics", build, order=900)
