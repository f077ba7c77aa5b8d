"""No XSS payload survives, whether posted through the pages or the API."""

import re
from html.parser import HTMLParser

import pytest

from belvedere.core.markdown import render_markdown
from belvedere.forum.models import Post
from belvedere.forum.tests.payloads import XSS_PAYLOADS

POST_BODIES = re.compile(r'<div class="post-body">(.*?)</div>\s*<div class="reactions"', re.S)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcdoc", "xlink:href", "poster"}
BAD_SCHEMES = re.compile(r"^(javascript|vbscript|data):", re.I)
FORBIDDEN_TAGS = {
    "script",
    "iframe",
    "svg",
    "style",
    "object",
    "embed",
    "form",
    "input",
    "meta",
    "base",
    "math",
    "details",
    "body",
}


class Elements(HTMLParser):
    """Every start tag with its attributes, entities decoded as a browser would."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {name: value or "" for name, value in attrs}))


def _url(value: str) -> str:
    return re.sub(r"[\x00-\x20]", "", value)


def assert_harmless(html: str) -> None:
    """No dangerous element, no event handler, no script URL in any attribute.

    A payload shown as escaped text ("&lt;script&gt;") is harmless and allowed."""
    for tag, attrs in Elements(html).elements:
        assert tag not in FORBIDDEN_TAGS, (tag, html)
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        for name, value in attrs.items():
            if name in URL_ATTRIBUTES:
                assert not BAD_SCHEMES.match(_url(value)), (tag, name, value)
            assert "javascript:" not in _url(value).lower(), (tag, name, value)


def assert_page_harmless(content: bytes) -> None:
    """The whole page: only our own scripts, and no script URL in any attribute."""
    for tag, attrs in Elements(content.decode()).elements:
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/"), attrs
        if tag == "link" and attrs.get("href") == "data:,":  # base.html: no favicon request
            continue
        for name, value in attrs.items():
            if name in URL_ATTRIBUTES:
                assert not BAD_SCHEMES.match(_url(value)), (tag, name, value)


def test_there_are_enough_payloads():
    assert len(XSS_PAYLOADS) >= 30


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_render_markdown_defuses(payload):
    assert_harmless(render_markdown(payload))


def _bodies(content: bytes) -> list[str]:
    return POST_BODIES.findall(content.decode())


@pytest.mark.django_db
def test_payloads_posted_in_pages_do_not_survive(client, carol, general, settings):
    settings.FORUM_POSTS_PER_MINUTE = settings.FORUM_POSTS_PER_MINUTE_PER_IP = 1000
    client.force_login(carol)
    response = client.post(
        "/forum/new/",
        {"category": general.pk, "title": "<script>alert(1)</script> title", "body": "Start"},
    )
    assert response.status_code == 302
    topic_url = response["Location"]
    topic_id = int(topic_url.strip("/").split("/")[-1])
    for payload in XSS_PAYLOADS:
        response = client.post(f"/forum/t/{topic_id}/reply/", {"body": payload})
        assert response.status_code == 302, payload
    assert Post.objects.filter(topic_id=topic_id).count() == len(XSS_PAYLOADS) + 1
    for page in (1, 2, 3):
        content = client.get(f"{topic_url}?page={page}").content
        assert b"<script>alert(1)</script> title" not in content
        bodies = _bodies(content)
        assert bodies
        for body in bodies:
            assert_harmless(body)
        assert_page_harmless(content)


@pytest.mark.django_db
def test_payloads_posted_through_the_api_do_not_survive(
    client, carol, general, token_for, settings
):
    settings.FORUM_POSTS_PER_MINUTE = settings.FORUM_POSTS_PER_MINUTE_PER_IP = 1000
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token_for(carol)}"}
    created = client.post(
        "/api/v1/forum/topics",
        {"category": "general", "title": "<img src=x onerror=alert(1)>", "body": XSS_PAYLOADS[0]},
        content_type="application/json",
        **auth,
    )
    assert created.status_code == 201, created.content
    topic_id = created.json()["id"]
    for payload in XSS_PAYLOADS:
        response = client.post(
            f"/api/v1/forum/topics/{topic_id}/posts",
            {"body": payload},
            content_type="application/json",
            **auth,
        )
        assert response.status_code == 201, payload
        assert_harmless(response.json()["body_html"])
    for page in (1, 2, 3):
        content = client.get(f"/forum/t/{topic_id}/?page={page}").content
        bodies = _bodies(content)
        assert bodies
        for body in bodies:
            assert_harmless(body)
        assert_page_harmless(content)
