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
    fields.setdefault("email_verified", True)
    user = User.objects.create_user(
        email=email, password=PASSWORD, display_name=name, role=role, **fields
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


@pytest.fixture
def fresh_cache(settings):
    """A private in-memory cache for this test, so rate-limit counters never leak between tests
    (nor between test runs sharing a Redis)."""
    import uuid

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"test-{uuid.uuid4().hex}",
        }
    }


@pytest.fixture
def login_as(client):
    """`login_as(carol)` signs the test client in as that persona and returns the client."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def csrf_client(db):
    """A test client that enforces CSRF checks, as a browser would meet them."""
    from django.test import Client

    return Client(enforce_csrf_checks=True)


# Real Chromium (Debian's package) driven by Playwright, for tests marked `browser` ------------

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Pages served on one 127.0.0.1 port may call Belvedere on another: both loopback, which
    # Chromium's Local Network Access prompt would otherwise block.
    "--disable-features=LocalNetworkAccessChecks",
]


@pytest.fixture
def browser(monkeypatch):
    """A headless Chromium; skipped (failed when BELVEDERE_TEST_SERVICES=required) without it."""
    import os
    import shutil

    executable = shutil.which("chromium")
    if executable is None:
        message = "Debian's chromium is not installed (apt-get install chromium)"
        if os.environ.get("BELVEDERE_TEST_SERVICES") == "required":
            pytest.fail(message)
        pytest.skip(message)
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the test makes
    # meanwhile are still plain synchronous code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def browser_page_options():
    """Options of `browser_page`; a test module overrides this fixture to change them."""
    return {"locale": "en-GB"}


@pytest.fixture
def browser_page(browser, browser_page_options):
    """A page of the headless Chromium (English, 8 s timeouts)."""
    page = browser.new_page(**browser_page_options)
    page.set_default_timeout(8000)
    return page
