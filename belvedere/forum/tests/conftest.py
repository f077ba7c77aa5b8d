"""Forum fixtures: categories with each kind of audience, and factories built on the services."""

import pytest
from django.core.cache import cache

from belvedere.core import screening
from belvedere.forum import services
from belvedere.forum.models import Audience, Category


@pytest.fixture(autouse=True)
def _fresh_limits():
    """Rate-limit counters live in the cache: every test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def screener():
    """Install a screener for one test: `screener(fn)`."""
    installed = []

    def install(fn):
        screening.register_screener(fn)
        installed.append(fn)
        return fn

    yield install
    for fn in installed:
        screening.unregister_screener(fn)


def make_category(
    slug,
    *,
    read=Audience.EVERYONE,
    topic=Audience.MEMBERS,
    reply=Audience.MEMBERS,
    parent=None,
    position=0,
):
    return Category.objects.create(
        slug=slug,
        name=slug.replace("-", " ").title(),
        read_access=read,
        topic_access=topic,
        reply_access=reply,
        parent=parent,
        position=position,
    )


@pytest.fixture
def general(db):
    return make_category("general")


@pytest.fixture
def members_only(db):
    return make_category("members-lounge", read=Audience.MEMBERS)


@pytest.fixture
def staff_room(db):
    return make_category(
        "staff-room", read=Audience.MODERATORS, topic=Audience.MODERATORS, reply=Audience.MODERATORS
    )


@pytest.fixture
def announcements(db):
    return make_category("announcements", topic=Audience.MANAGERS)


def make_topic(
    author, category, *, title="A question about the hub", body="Hello **all**", replies=0, tags=()
):
    topic = services.create_topic(
        category=category, author=author, title=title, body=body, tags=tags
    )
    for n in range(replies):
        services.create_reply(topic, author=author, body=f"Reply number {n}")
    topic.refresh_from_db()
    return topic


@pytest.fixture
def topic(carol, general):
    return make_topic(carol, general)


def first_post(topic):
    return topic.posts.get(number=1)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): services.create_reply(...)` runs what follows the commit (ledger
    receivers → forum tasks, inline in tests): indexing, mentions, notifications, e-mails."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


def post_as(committed, topic, author, body, **kwargs):
    with committed():
        return services.create_reply(topic, author=author, body=body, **kwargs)


def start_topic(committed, author, category, **kwargs):
    with committed():
        return make_topic(author, category, **kwargs)
