"""Crawl a running Belvedere as one reader and report server errors and slow pages.

    make demo   # in another terminal (or: belvedere demo --port 8000)
    .venv/bin/python bench/crawl.py --base http://127.0.0.1:8000 --as admin --pages 700
    .venv/bin/python bench/crawl.py --base http://127.0.0.1:8000 --as visitor

Signs in as ``<who>@belvedere.example`` with the demo password (unless ``visitor``), then
follows every same-site link breadth-first with GET only (no logout, delete, erase or export
links; at most four query-string variants of a path), and prints the pages read, those that
answered 5xx and those slower than a second.
"""

import argparse
import collections
import re
import time
from urllib.parse import urljoin, urlparse

import requests

SKIP = re.compile(
    r"logout|/delete|/erase|export|format=csv|/media/|/static/"
    r"|\.(png|jpg|svg|css|js|ics|csv|pdf|xml|json|atom|rss)$"
)


def sign_in(session: requests.Session, base: str, who: str, password: str) -> None:
    page = session.get(base + "/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
    form = {"csrfmiddlewaretoken": token, "username": f"{who}@belvedere.example"}
    answer = session.post(
        base + "/accounts/login/",
        data={**form, "password": password},
        headers={"Referer": base + "/accounts/login/"},
    )
    if "/accounts/login/" in answer.url:
        raise SystemExit(f"could not sign in as {who}")


def crawl(base: str, who: str, limit: int, password: str) -> None:
    session, host = requests.Session(), urlparse(base).netloc
    if who != "visitor":
        sign_in(session, base, who, password)
    seen, queue, errors, slow = set(), collections.deque(["/"]), [], []
    variants = collections.Counter()
    while queue and len(seen) < limit:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        started = time.perf_counter()
        response = session.get(base + path, allow_redirects=False, timeout=30)
        seconds = time.perf_counter() - started
        if response.status_code >= 500:
            errors.append((path, response.status_code))
        if seconds > 1:
            slow.append((path, round(seconds, 2)))
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        for href in re.findall(r'href="([^"#]+)"', response.text):
            url = urlparse(urljoin(base + path, href.replace("&amp;", "&")))
            if url.netloc != host:
                continue
            target = url.path + (f"?{url.query}" if url.query else "")
            if url.query:
                if variants[url.path] >= 4:
                    continue
                variants[url.path] += 1
            if target not in seen and not SKIP.search(target):
                queue.append(target)
    print(f"{who}: {len(seen)} pages, {len(errors)} server errors, {len(slow)} over 1 s")
    for path, what in errors + slow:
        print(f"  {path}: {what}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--as", dest="who", default="visitor", help="admin, manager, member…")
    parser.add_argument("--pages", type=int, default=700)
    parser.add_argument("--password", default="belvedere-demo")
    args = parser.parse_args()
    crawl(args.base.rstrip("/"), args.who, args.pages, args.password)


if __name__ == "__main__":
    main()
