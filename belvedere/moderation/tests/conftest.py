"""Moderation fixtures. Moderation may not import the forum (it sits below it), so content
is written through the forum's HTTP API, as any client would, and read with `apps.get_model`.
"""

import pytest
from django.apps import apps
from django.core.cache import cache
from django.test import Client

from belvedere.moderation import policy


@pytest.fixture(autouse=True)
def _fresh_policy(settings):
    """Compiled watched words and rate-limit counters never leak between tests."""
    settings.FORUM_POSTS_PER_MINUTE = settings.FORUM_POSTS_PER_MINUTE_PER_IP = 1000
    cache.clear()
    policy.invalidate()
    yield
    cache.clear()
    policy.invalidate()


def forum_model(name: str):
    return apps.get_model("forum", name)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def general(db):
    return forum_model("Category").objects.create(slug="general", name="General")


class Forum:
    """Posts through `/api/v1/forum` with each author's token; returns the JSON and the Post."""

    def __init__(self, token_for, committed, category):
        self.token_for, self.committed, self.category = token_for, committed, category
        self.tokens: dict[int, str] = {}

    def _headers(self, user):
        if user.pk not in self.tokens:
            self.tokens[user.pk] = self.token_for(user)
        return {"HTTP_AUTHORIZATION": f"Bearer {self.tokens[user.pk]}"}

    def topic(self, author, body="Hello everyone, a first question.", title="A question"):
        payload = {"category": self.category.slug, "title": title, "body": body}
        with self.committed():
            response = Client().post(
                "/api/v1/forum/topics", payload, content_type="application/json",
                **self._headers(author),
            )  # fmt: skip
        return response

    def reply(self, author, topic_id, body):
        with self.committed():
            response = Client().post(
                f"/api/v1/forum/topics/{topic_id}/posts", {"body": body},
                content_type="application/json", **self._headers(author),
            )  # fmt: skip
        return response

    def first_post(self, response):
        return forum_model("Post").objects.get(topic_id=response.json()["id"], number=1)

    def post(self, response):
        return forum_model("Post").objects.get(pk=response.json()["id"])


@pytest.fixture
def forum(db, token_for, committed, general):
    return Forum(token_for, committed, general)


@pytest.fixture
def word(db, dave):
    from belvedere.moderation.services.words import create_word

    def make(pattern, action="block", **fields):
        return create_word(actor=dave, pattern=pattern, action=action, **fields)

    return make


def make_members(n: int, prefix: str = "member"):
    from belvedere.conftest import make_member

    return [make_member(f"{prefix}{i}@example.com", f"{prefix.title()} {i}") for i in range(n)]
