"""Forum demo data: about 10 categories, 200 topics and 2,000 posts in French and English, with
reactions, quotes, tags and a few edits, spread over the last 90 days.

Built with bulk_create (a few seconds for 2,000 posts); each distinct body is rendered once,
then the posts are indexed for search in bulk (`search.reindex_posts`).
Registered with the demo registry of `belvedere.core.demo`, after the demo members.
"""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from django.utils.text import slugify

from belvedere.activity.models import Entry
from belvedere.activity.services import make_entry
from belvedere.core import demo
from belvedere.core.markdown import render_markdown
from belvedere.forum import demo_content as text
from belvedere.forum.list_cache import invalidate_lists
from belvedere.forum.models import (
    REACTIONS,
    Category,
    Post,
    PostRevision,
    Reaction,
    Tag,
    Topic,
    TopicRead,
)
from belvedere.forum.search import reindex_posts

DAYS = 90
EXTRA_MEMBERS = [
    ("Nora Petit", "fr"),
    ("Sam Taylor", "en"),
    ("Hugo Martin", "fr"),
    ("Priya Shah", "en"),
    ("Inès Roux", "fr"),
    ("Jack Wilson", "en"),
]


def _members() -> list:
    User = get_user_model()
    users = list(User.objects.filter(is_active=True).order_by("pk"))
    if len(users) >= 6:
        return users
    password = make_password(demo.DEMO_PASSWORD)
    extra = [
        User(
            email=f"{slugify(name)}@forum.example",
            display_name=name,
            language=lang,
            password=password,
            email_verified=True,
        )
        for name, lang in EXTRA_MEMBERS
        if not User.objects.filter(display_name__iexact=name).exists()
    ]
    User.objects.bulk_create(extra)
    return list(User.objects.filter(is_active=True).order_by("pk"))


def _categories() -> list[tuple[Category, str]]:
    made: dict[str, Category] = {}
    rows = []
    for position, spec in enumerate(text.CATEGORIES):
        slug, name, description, parent, read, topic, reply, colour, kind = spec
        category, _created = Category.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "parent": made.get(parent),
                "read_access": read,
                "topic_access": topic,
                "reply_access": reply,
                "colour": colour,
                "position": position,
            },
        )
        made[slug] = category
        rows.append((category, kind))
    return rows


def _fill(rng: random.Random, template: str, lang: str) -> str:
    product = rng.choice(text.PRODUCTS[lang])
    return template.format(
        p=product,
        P=product[0].upper() + product[1:],
        room=rng.choice(text.ROOMS[lang]),
        version=rng.choice(text.VERSIONS),
        router=rng.choice(text.ROUTERS),
    )


def _opening_body(rng, kind: str, lang: str) -> str:
    details = rng.sample(text.DETAILS[kind][lang], k=min(2, len(text.DETAILS[kind][lang])))
    parts = [rng.choice(text.OPENINGS[lang]), *details, rng.choice(text.CLOSINGS[lang])]
    return "\n\n".join(_fill(rng, part, lang) for part in parts)


def _reply_body(rng, lang: str, quoted: Post | None) -> str:
    body = _fill(rng, rng.choice(text.REPLIES[lang]), lang)
    if rng.random() < 0.3:
        body += "\n\n" + _fill(rng, rng.choice(text.REPLIES[lang]), lang)
    if quoted is not None:
        paragraphs = [p for p in quoted.body.split("\n\n") if not p.startswith(">")]
        excerpt = max(paragraphs, key=len).replace("\n", " ")[:200]
        body = f"> {excerpt}\n\n{body}"
    return body


def _authors_for(category: Category, members: list, staff: list) -> list:
    return staff if category.read_access not in ("everyone", "members") else members


def _plan_topics(rng, categories, members, staff, count: int, now) -> list[Topic]:
    weights = [
        1 if kind == "news" else 0.4 if c.read_access == "moderator" else 3
        for c, kind in categories
    ]
    topics = []
    for _n in range(count):
        category, kind = rng.choices(categories, weights=weights)[0]
        lang = "fr" if rng.random() < 0.55 else "en"
        author_pool = staff if kind == "news" else _authors_for(category, members, staff)
        title = _fill(rng, rng.choice(text.TITLES[(kind, lang)]), lang)
        created = now - timedelta(seconds=rng.uniform(3600, DAYS * 86400))
        topic = Topic(
            category=category,
            title=title,
            slug=slugify(title, allow_unicode=True)[:200],
            author=rng.choice(author_pool),
            created_at=created,
            is_pinned=kind == "news",
        )
        topic.demo_kind, topic.demo_lang = kind, lang
        topics.append(topic)
    return topics


def _reply_counts(rng, topics: int, replies: int) -> list[int]:
    weights = [rng.paretovariate(1.6) for _ in range(topics)]
    counts = [0] * topics
    for index in rng.choices(range(topics), weights=weights, k=replies):
        counts[index] += 1
    return counts


def _timeline(rng, start, now, n: int) -> list:
    span = (now - start).total_seconds()
    return sorted(start + timedelta(seconds=rng.uniform(60, span)) for _ in range(n))


def _build_posts(rng, topics, counts, members, staff, now) -> tuple[list[Post], list]:
    """Posts of every topic (first post + replies) and (post, quoted post) pairs."""
    posts, quotes = [], []
    for topic, replies in zip(topics, counts, strict=True):
        pool = _authors_for(topic.category, members, staff)
        first = Post(
            topic=topic,
            number=1,
            author=topic.author,
            created_at=topic.created_at,
            body=_opening_body(rng, topic.demo_kind, topic.demo_lang),
            language=topic.demo_lang,
        )
        stream = [first]
        for number, when in enumerate(_timeline(rng, topic.created_at, now, replies), start=2):
            quoted = rng.choice(stream) if rng.random() < 0.15 else None
            post = Post(
                topic=topic,
                number=number,
                author=rng.choice(pool),
                created_at=when,
                body=_reply_body(rng, topic.demo_lang, quoted),
                language=topic.demo_lang,
            )
            if quoted is not None:
                quotes.append((post, quoted))
            stream.append(post)
        last = stream[-1]
        topic.post_count, topic.last_number = len(stream), len(stream)
        topic.last_post_at, topic.last_post_author = last.created_at, last.author
        posts += stream
    return posts, quotes


def _render(posts: list[Post]) -> None:
    cache: dict[str, str] = {}
    for post in posts:
        if post.body not in cache:
            cache[post.body] = render_markdown(post.body)
        post.body_html = cache[post.body]


def _reactions(rng, posts: list[Post], members: list) -> list[Reaction]:
    kinds = list(REACTIONS)
    rows = []
    for post in posts:
        if rng.random() > 0.45:
            continue
        for user in rng.sample(members, k=min(len(members), rng.randint(1, 6))):
            kind = rng.choices(kinds, weights=[6, 3, 2, 1, 1, 2])[0]
            if kind == "like" and user.pk == post.author_id:
                continue
            rows.append(Reaction(post=post, user=user, kind=kind, created_at=post.created_at))
    return rows


def _tags(rng, topics: list[Topic]) -> None:
    slugs = sorted({slug for values in text.TAGS.values() for slug in values})
    Tag.objects.bulk_create([Tag(name=s, slug=s) for s in slugs], ignore_conflicts=True)
    tags = {tag.slug: tag for tag in Tag.objects.filter(slug__in=slugs)}
    through = Topic.tags.through
    rows = [
        through(topic_id=topic.pk, tag_id=tags[slug].pk)
        for topic in topics
        for slug in rng.sample(text.TAGS[topic.demo_kind], k=rng.randint(0, 2))
    ]
    through.objects.bulk_create(rows, ignore_conflicts=True)


def _edits(rng, posts: list[Post], staff: list) -> list[PostRevision]:
    revisions = []
    for post in rng.sample(posts, k=min(12, len(posts))):
        editor = post.author if rng.random() < 0.7 else rng.choice(staff)
        revisions.append(
            PostRevision(
                post=post,
                number=1,
                body=post.body,
                editor=editor,
                created_at=post.created_at + timedelta(minutes=5),
            )
        )
        post.body += "\n\n*Edit: précision ajoutée / added a detail.*"
        post.edit_count, post.edited_at = 1, post.created_at + timedelta(minutes=5)
    return revisions


def build_forum_demo(*, topics: int = 200, posts: int = 2000, seed: int = 4) -> str:
    rng = random.Random(seed)
    now = timezone.now()
    members = _members()
    staff = [u for u in members if u.is_moderator] or members[:1]
    categories = _categories()
    topic_rows = _plan_topics(rng, categories, members, staff, topics, now)
    counts = _reply_counts(rng, topics, max(0, posts - topics))
    post_rows, quotes = _build_posts(rng, topic_rows, counts, members, staff, now)
    revisions = _edits(rng, post_rows, staff)
    _render(post_rows)
    Topic.objects.bulk_create(topic_rows, batch_size=500)
    for post in post_rows:
        post.topic_id = post.topic.pk
    Post.objects.bulk_create(post_rows, batch_size=500)
    for post, quoted in quotes:
        post.reply_to_id = quoted.pk
    Post.objects.bulk_update([p for p, _q in quotes], ["reply_to"], batch_size=500)
    PostRevision.objects.bulk_create(revisions, batch_size=500)
    reactions = _reactions(rng, post_rows, members)
    Reaction.objects.bulk_create(reactions, batch_size=1000, ignore_conflicts=True)
    _tags(rng, topic_rows)
    _finish(rng, topic_rows)
    TopicRead.objects.bulk_create(_reads(rng, post_rows, members, now), batch_size=1000)
    Entry.objects.bulk_create(_ledger(post_rows, reactions), batch_size=1000)
    reindex_posts()  # bulk_create skips the ledger: index the posts, refresh the lists
    invalidate_lists()
    return f"{len(categories)} categories, {len(topic_rows)} topics, {len(post_rows)} posts"


def _ledger(posts: list[Post], reactions: list[Reaction]) -> list[Entry]:
    """The ledger rows posting and reacting would have written (bulk_create writes none),
    dated like the content, so activity-based figures (trust levels, engagement, analytics)
    have a history."""
    rows = []
    for post in posts:
        first = post.number == 1
        rows.append(
            make_entry(
                post.author,
                "forum.topic.create" if first else "forum.post.create",
                post.topic if first else post,
                created_at=post.created_at,
                topic=post.topic_id,
                demo=True,
            )
        )
    seen = set()
    for reaction in reactions:
        post, key = reaction.post, (reaction.post.pk, reaction.user.pk, reaction.kind)
        if key in seen:  # the table keeps one of each (bulk_create ignored the others)
            continue
        seen.add(key)
        when = post.created_at + timedelta(hours=1)
        rows.append(
            make_entry(
                reaction.user,
                "forum.reaction.add",
                post,
                created_at=when,
                kind=reaction.kind,
                demo=True,
            )
        )
    return rows


def _reads(rng, posts: list[Post], members: list, now) -> list[TopicRead]:
    """Reading history, so trust levels have figures: a few keen readers, many casual ones
    and some who only post. Each read goes to a random depth of the topic."""
    lengths: dict[int, int] = {}
    for post in posts:
        lengths[post.topic_id] = max(lengths.get(post.topic_id, 0), post.number)
    topic_ids, reads = list(lengths), []
    for member in members:
        share = rng.choice([0.0, 0.02, 0.05, 0.05, 0.15, 0.3, 0.6])
        for topic_id in rng.sample(topic_ids, k=int(share * len(topic_ids))):
            depth = rng.randint(1, lengths[topic_id])
            when = now - timedelta(days=rng.randint(0, 60), minutes=rng.randint(0, 1440))
            seconds = min(300, depth * rng.randint(5, 25))
            reads.append(
                TopicRead(
                    user=member,
                    topic_id=topic_id,
                    last_read_number=depth,
                    last_read_at=when,
                    updated_at=when,
                    read_seconds=seconds,
                )
            )
    return reads


def _finish(rng, topics: list[Topic]) -> None:
    """A locked and a closed topic, so staff states show in the demo."""
    candidates = [t for t in topics if not t.is_pinned]
    if len(candidates) >= 2:
        locked, closed = rng.sample(candidates, k=2)
        Topic.objects.filter(pk=locked.pk).update(is_locked=True)
        Topic.objects.filter(pk=closed.pk).update(is_closed=True)


demo.register("forum", build_forum_demo, order=40)
