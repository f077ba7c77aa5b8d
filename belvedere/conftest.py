"""Personas and shared fixtures: alice (admin), bob (moderator), carol (member),
mallory (an outsider: a member with no rights on what the test is about), and
dave (community manager)."""

import pytest
from huey.contrib.djhuey import HUEY

from belvedere.accounts.models import Role, User

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True, scope="session")
def _immediate_tasks():
    """Tasks run inline in tests unless a test asks for the real queue."""
    HUEY.immediate = True
    yield


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def make_member(email, name, role=Role.MEMBER, **fields) -> User:
    user = User.objects.create_user(
        email=email, password=PASSWORD, display_name=name, role=role, email_verified=True, **fields
    )
    return user


@pytest.fixture
def alice(db):
    return make_member("alice@example.com", "Alice", Role.ADMIN, is_staff=True)


@pytest.fixture
def dave(db):
    return make_member("dave@example.com", "Dave", Role.MANAGER)


@pytest.fixture
def bob(db):
    return make_member("bob@example.com", "Bob", Role.MODERATOR)


@pytest.fixture
def carol(db):
    return make_member("carol@example.com", "Carol")


@pytest.fixture
def mallory(db):
    return make_member("mallory@example.com", "Mallory")


@pytest.fixture
def token_for():
    from belvedere.accounts.tokens import create_token

    def make(user):
        return create_token(user, name="test")[1]

    return make
