"""Factories of engagement tests: events, people with identities, mentions, programmes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from belvedere.conftest import make_member
from belvedere.engagement.models import Event, Identity, Person, Programme
from belvedere.listening.models import Mention


@pytest.fixture
def make_event(db):
    def make(**fields):
        start = fields.pop("starts_at", timezone.now() + timedelta(days=7))
        fields.setdefault("title", "Meetup Lyon")
        fields.setdefault("kind", "physical")
        fields.setdefault("venue", "La Cordée")
        fields.setdefault("address", "1 rue de la République, Lyon")
        fields.setdefault("time_zone", "Europe/Paris")
        return Event.objects.create(starts_at=start, ends_at=start + timedelta(hours=2), **fields)

    return make


@pytest.fixture
def members(db):
    def make(count: int, prefix: str = "m"):
        return [
            make_member(f"{prefix}{i}@example.com", f"{prefix.title()}{i}") for i in range(count)
        ]

    return make


@pytest.fixture
def make_person(db):
    def make(name: str, *identities, user=None):
        person = Person.objects.create(display_name=name, user=user)
        for platform, handle, *rest in identities:
            Identity.objects.create(
                person=person,
                platform=platform,
                handle=handle,
                display_name=name,
                email=rest[0] if rest else "",
            )
        return person

    return make


@pytest.fixture
def make_mention(db):
    def make(platform: str, handle: str, *, sentiment="positive", days_ago=0, reach=100, **extra):
        return Mention.objects.create(
            platform=platform,
            author_handle=handle,
            author_name=handle,
            sentiment=sentiment,
            published_at=timezone.now() - timedelta(days=days_ago),
            reach=reach,
            text=extra.pop("text", "J'adore Hélios"),
            **extra,
        )

    return make


@pytest.fixture
def programme(db, dave):
    return Programme.objects.create(
        title="Beta thermostat",
        description="Test the new thermostat.",
        terms="Keep it confidential.",
        created_by=dave,
    )
