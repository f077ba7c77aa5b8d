"""Cost of moderation's screening per post, and the Perspective endpoint's throughput.

    OMP_NUM_THREADS=1 taskset -c 0 .venv/bin/python bench/moderation_screening.py \
        --data ../shared/data/nlp --posts 10000 --requests 2000

A fresh SQLite database in a temporary directory, migrated; the demo watched words
(16, French and English, with a regular expression, wildcards and censor/replace words)
plus 200 generated ones; duplicate and flood checks on; 100 members posting in turn.
Each post goes through `core.screening.screen()` exactly as the forum calls it (standing,
flood and duplicate queries, watched words, links, toxicity, and the Submission row it
writes). Texts: French and English tweets (train + val) from --data, cycled to --posts,
with a numbered suffix so no two are duplicates; without --data, generated sentences.

Per post, both wall-clock time and CPU time of this thread are recorded: on a shared machine
the CPU time is what one dedicated core would spend (the wall time adds waiting for the CPU).

Then the Perspective endpoint through Django's test client (no network, one thread):
TOXICITY + INSULT + THREAT with span annotations on the same texts.
"""

import argparse
import csv
import html
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django() -> None:
    os.environ["BELVEDERE_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-moderation-")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "belvedere.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def get_texts(data: Path | None, n: int) -> list[str]:
    texts: list[str] = []
    if data and data.exists():
        for name in ("fr_train", "en_train", "fr_val", "en_val"):
            with open(data / "sentiment" / f"{name}.csv", encoding="utf-8") as f:
                texts += [html.unescape(row["text"]) for row in csv.DictReader(f)]
    if not texts:
        texts = [
            "Bonjour à tous, mon thermostat ne se connecte plus au wifi depuis la mise à jour.",
            "Thanks for the quick answer, the reset fixed it for me.",
            "Espèce de connard, tu racontes n'importe quoi.",
            "Check https://example.com/guide and https://docs.example.org for the manual.",
        ]
    return [f"{texts[i % len(texts)]} #{i}" for i in range(n)]


def make_policy(members: int):
    from django.contrib.auth import get_user_model

    from belvedere.moderation.demo import WORDS
    from belvedere.moderation.services import settings, words

    User = get_user_model()
    manager = User.objects.create_user("manager@bench.example", "x", role="manager")
    for pattern, action, regex, replacement, clause, category, language in WORDS:
        words.create_word(
            actor=manager, pattern=pattern, action=action, is_regex=regex,
            replacement=replacement, clause_key=clause, category=category, language=language,
        )  # fmt: skip
    for i in range(200):
        words.create_word(actor=manager, pattern=f"motinterdit{i}", action="flag")
    limits = {str(level): {"posts_per_day": 100000} for level in range(5)}
    settings.update_settings(
        actor=manager, duplicate_window_hours=24, trust_limits=limits, review_first_posts=True
    )
    return [
        User.objects.create_user(f"m{i}@bench.example", "x", display_name=f"Member {i}")
        for i in range(members)
    ]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def bench_screening(texts: list[str], authors) -> dict:
    from belvedere.core.screening import screen

    screen("warm up: load the models and compile the watched words", kind="forum.post",
           author=authors[0], context={})  # fmt: skip
    times, cpu_times, actions = [], [], {}
    for i, text in enumerate(texts):
        start, cpu = time.perf_counter(), time.thread_time()
        decision = screen(text, kind="forum.post", author=authors[i % len(authors)], context={})
        cpu_times.append((time.thread_time() - cpu) * 1000)
        times.append((time.perf_counter() - start) * 1000)
        actions[decision.action] = actions.get(decision.action, 0) + 1
    return {
        "posts": len(texts),
        "wall_median_ms": round(statistics.median(times), 2),
        "wall_p99_ms": round(percentile(times, 0.99), 2),
        "cpu_median_ms": round(statistics.median(cpu_times), 2),
        "cpu_p99_ms": round(percentile(cpu_times, 0.99), 2),
        "cpu_max_ms": round(max(cpu_times), 2),
        "decisions": actions,
    }


def bench_perspective(texts: list[str], requests: int, author) -> dict:
    from django.test import Client

    from belvedere.accounts.tokens import create_token
    from belvedere.moderation.services import settings

    settings.update_settings(actor=None, api_requests_per_minute=10**9)
    key = create_token(author, name="bench")[1]
    client = Client(HTTP_HOST="127.0.0.1")
    attributes = {"TOXICITY": {}, "INSULT": {}, "THREAT": {}}
    bodies = [
        json.dumps({"comment": {"text": text}, "requestedAttributes": attributes,
                    "languages": ["fr", "en"][i % 2:i % 2 + 1], "spanAnnotations": True})
        for i, text in enumerate(texts[:requests])
    ]  # fmt: skip
    statuses: dict[int, int] = {}
    start, cpu = time.perf_counter(), time.thread_time()
    for body in bodies:
        response = client.post(
            f"/v1alpha1/comments:analyze?key={key}", body, content_type="application/json"
        )
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
    wall, cpu = time.perf_counter() - start, time.thread_time() - cpu
    return {
        "requests": len(bodies),
        "per_second_wall": round(len(bodies) / wall, 1),
        "per_second_of_cpu": round(len(bodies) / cpu, 1),
        "statuses": statuses,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/nlp")
    parser.add_argument("--posts", type=int, default=10000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--members", type=int, default=100)
    args = parser.parse_args()
    setup_django()
    texts = get_texts(args.data, args.posts)
    authors = make_policy(args.members)
    print("load average before", os.getloadavg())
    print("screening", json.dumps(bench_screening(texts, authors)))
    print("perspective", json.dumps(bench_perspective(texts, args.requests, authors[0])))
    print("load average after", os.getloadavg())


if __name__ == "__main__":
    main()
