# ruff: noqa: E501  (a benchmark script: long literal texts and table rows)
"""Forum pages under load: the topic page and the category lists, 100,000 posts on PostgreSQL.

    .venv/bin/python bench/forum_pages.py                       # build the data, then measure
    .venv/bin/python bench/forum_pages.py --reuse --duration 30  # measure again, same data

1. (Re)creates the database named in --database-url (default `belvedere_bench` on the local
   PostgreSQL), migrates it, and bulk-inserts 500 members, 10 categories, 2,000 topics of
   50 posts each (100,000 posts, bilingual Markdown rendered once per text) and ~40,000
   reactions (about 15 s).
2. Starts `belvedere serve --no-worker` (Granian, default workers) on a free port against it.
3. From a second process, wrk (Debian package `wrk`; installed with apt-get when missing)
   requests each page for --duration seconds with --connections keep-alive connections, as a
   visitor; a Lua hook prints requests/s and latency p50/p95/p99.
"""

import argparse
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
WRK_LUA = """
done = function(summary, latency, requests)
  local secs = summary.duration / 1e6
  io.write(string.format('{"requests": %d, "rps": %.1f, "p50": %.2f, "p95": %.2f, "p99": %.2f,'
    .. ' "errors": %d, "non2xx": %d}\\n', summary.requests, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
"""
TEXTS = [
    "Depuis la mise à jour **5.0.1**, le thermostat T2 se déconnecte la nuit. Quelqu'un a une idée ?",
    "Same here: the hub drops off Wi-Fi around 3 a.m. and comes back after a reboot.",
    "> J'ai le même souci\n\nEssayez de désactiver l'économie d'énergie du routeur, ça a réglé le problème chez moi.",
    "I opened a ticket with support. They said a fix is coming in `5.0.2`.\n\n- reboot the hub\n- re-pair the sensor",
    "Merci pour l'astuce ! Ça marche depuis deux jours, je croise les doigts.",
    "Has anyone tried the [beta firmware](https://example.com/beta)? Curious about battery life.",
]


def recreate_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(env: dict) -> None:
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "belvedere.settings")
    import django

    django.setup()


def generate(posts_per_topic: int, topics: int) -> dict:
    """Bulk-insert the data set; returns the URLs to measure."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.utils import timezone

    from belvedere.core.markdown import render_markdown
    from belvedere.forum.models import Category, Post, Reaction, Topic
    from belvedere.forum.search import reindex_posts

    rng = random.Random(42)
    User = get_user_model()
    users = User.objects.bulk_create(
        User(email=f"m{i}@bench.example", display_name=f"Member {i}", password="!")
        for i in range(500)
    )
    categories = Category.objects.bulk_create(
        Category(name=f"Category {i}", slug=f"category-{i}", position=i) for i in range(10)
    )
    rendered = [(text, render_markdown(text)) for text in TEXTS]
    now = timezone.now()
    topic_rows = []
    for t in range(topics):
        created = now - timedelta(minutes=(topics - t) * 30)
        topic_rows.append(
            Topic(
                category=categories[t % 10], title=f"Sujet {t}: thermostat T2 hors ligne la nuit",
                slug=f"sujet-{t}", author=users[t % 500], created_at=created,
                post_count=posts_per_topic, last_number=posts_per_topic,
                last_post_at=created + timedelta(minutes=posts_per_topic),
                last_post_author=users[(t + posts_per_topic - 1) % 500],
            )
        )  # fmt: skip
    topic_rows = Topic.objects.bulk_create(topic_rows, batch_size=1000)
    batch = []
    for topic in topic_rows:
        for n in range(1, posts_per_topic + 1):
            body, html = rendered[(topic.pk + n) % len(rendered)]
            batch.append(
                Post(
                    topic=topic, number=n, author=users[(topic.pk + n) % 500], body=body,
                    body_html=html, created_at=topic.created_at + timedelta(minutes=n),
                    language="fr" if "é" in body else "en",
                )
            )  # fmt: skip
        if len(batch) >= 10_000:
            Post.objects.bulk_create(batch, batch_size=5000)
            batch = []
    Post.objects.bulk_create(batch, batch_size=5000)
    post_ids = list(Post.objects.values_list("pk", flat=True))
    reactions = [
        Reaction(post_id=rng.choice(post_ids), user=rng.choice(users), kind=rng.choice(["like", "heart", "party"]))
        for _ in range(40_000)
    ]  # fmt: skip
    Reaction.objects.bulk_create(reactions, batch_size=5000, ignore_conflicts=True)
    reindex_posts()  # bulk inserts skip the ledger: make the posts searchable
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    busiest = topic_rows[-1]
    return {
        "topic page (50-post topic, first page: 20 posts)": f"/forum/t/{busiest.pk}/",
        "category page (topic list, 200 topics)": f"/forum/c/{busiest.category.slug}/",
        "forum index (category list)": "/forum/",
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"server did not answer on {url}")


def ensure_wrk() -> str:
    if shutil.which("wrk") is None:
        subprocess.run(["apt-get", "install", "-y", "wrk"], check=True)
    return shutil.which("wrk")


def run_wrk(url: str, *, duration: int, connections: int, threads: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_LUA)
    command = [
        ensure_wrk(),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "-s",
        script.name,
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/belvedere_bench"
    )
    parser.add_argument("--topics", type=int, default=2000)
    parser.add_argument("--posts-per-topic", type=int, default=50)
    parser.add_argument("--reuse", action="store_true", help="keep the database from a last run")
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--wrk-threads", type=int, default=1)
    parser.add_argument("--workers", type=int, default=0, help="HTTP workers (0: default)")
    args = parser.parse_args()

    data_dir = tempfile.mkdtemp(prefix="belvedere-bench-")
    env = {"DATABASE_URL": args.database_url, "BELVEDERE_DATA_DIR": data_dir, "DEBUG": "0"}
    state = Path(tempfile.gettempdir()) / "belvedere-bench-urls.json"
    if not args.reuse:
        recreate_database(args.database_url)
        subprocess.run(
            [PYTHON, "-m", "belvedere", "migrate", "-v0"], env={**os.environ, **env}, check=True
        )
        started = time.monotonic()
        setup_django(env)
        urls = generate(args.posts_per_topic, args.topics)
        print(
            f"generated {args.topics * args.posts_per_topic:,} posts in {time.monotonic() - started:.1f} s"
        )
        state.write_text(json.dumps(urls))
    urls = json.loads(state.read_text())

    port = free_port()
    command = [PYTHON, "-m", "belvedere", "serve", "--no-worker", "--port", str(port)]
    if args.workers:
        command += ["--workers", str(args.workers)]
    server = subprocess.Popen(
        command, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base + "/forum/")
        print(
            "| page | requests/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---|---|---|---|---|"
        )
        for label, path in urls.items():
            run_wrk(
                base + path, duration=3, connections=args.connections, threads=args.wrk_threads
            )  # warm-up
            r = run_wrk(
                base + path,
                duration=args.duration,
                connections=args.connections,
                threads=args.wrk_threads,
            )
            print(
                f"| {label} `{path}` | {r['rps']:.0f} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {r['errors'] + r['non2xx']} |"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
