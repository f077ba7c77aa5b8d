"""Every page of the watch: managers and moderators read it, members and visitors do not."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

READ_PAGES = [
    ("watch:index", None), ("watch:terms", None), ("watch:changes", None),
    ("watch:service", "service"), ("watch:document", "document"), ("watch:version", "version"),
    ("watch:pages", None), ("watch:page", "watch"), ("watch:snapshot", "snapshot"),
    ("watch:compliance", None), ("watch:reviews", None), ("watch:item", "item"),
    ("watch:competitors", None), ("watch:competitor", "competitor"), ("watch:trends", None),
    ("watch:trend", "trend"), ("watch:platforms", None), ("watch:digests", None),
    ("watch:digest", "digest"),
]  # fmt: skip
MANAGE_PAGES = [
    ("watch:service_create", None), ("watch:service_edit", "service"),
    ("watch:declaration_import", None), ("watch:document_create", "service"),
    ("watch:document_edit", "document"), ("watch:page_create", None),
    ("watch:page_edit", "watch"), ("watch:item_create", None), ("watch:item_edit", "item"),
    ("watch:competitor_create", None), ("watch:competitor_edit", "competitor"),
    ("watch:platform_create", None), ("watch:platform_edit", "platform"),
    ("watch:settings", None),
]  # fmt: skip
CSV_PAGES = [
    ("watch:terms", None), ("watch:changes", None), ("watch:document", "document"),
    ("watch:pages", None), ("watch:compliance", None), ("watch:reviews", None),
    ("watch:competitors", None), ("watch:competitor", "competitor"), ("watch:trends", None),
    ("watch:platforms", None),
]  # fmt: skip


def url_of(world, name, key):
    if key is None:
        return reverse(name)
    if key == "version":
        return reverse(name, args=[world["versions"][1].pk])
    if key == "snapshot":
        return reverse(name, args=[world["watch"].snapshots.order_by("-id")[0].pk])
    if key == "digest":
        return reverse(name, args=[world["digest"].week.isoformat()])
    return reverse(name, args=[world[key].pk])


@pytest.mark.parametrize(("name", "key"), READ_PAGES + MANAGE_PAGES)
def test_pages_render_for_managers(login_as, dave, world, name, key):
    response = login_as(dave).get(url_of(world, name, key))
    assert response.status_code == 200, name


@pytest.mark.parametrize(("name", "key"), READ_PAGES)
def test_pages_are_readable_by_moderators(login_as, bob, world, name, key):
    assert login_as(bob).get(url_of(world, name, key)).status_code == 200


@pytest.mark.parametrize(("name", "key"), MANAGE_PAGES)
def test_manage_pages_refuse_moderators(login_as, bob, world, name, key):
    assert login_as(bob).get(url_of(world, name, key)).status_code == 403


@pytest.mark.parametrize(("name", "key"), READ_PAGES)
def test_pages_check_ownership(login_as, mallory, client, world, name, key):
    url = url_of(world, name, key)
    assert client.get(url).status_code == 302  # visitors go to the login page
    assert login_as(mallory).get(url).status_code == 403


@pytest.mark.parametrize(("name", "key"), CSV_PAGES)
def test_lists_export_csv(login_as, dave, world, name, key):
    response = login_as(dave).get(url_of(world, name, key) + "?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode()
    assert body.count("\n") >= 1 and "," in body


def test_version_page_shows_the_word_diff_and_the_linked_item(login_as, dave, world):
    response = login_as(dave).get(url_of(world, "watch:version", "version"))
    html = response.content.decode()
    assert "<ins>(automated, including via bots, or otherwise)</ins>" in html
    assert "unchanged paragraphs" in html
    assert "Contest on r/ourbrand" in html and "To review" in html


def test_version_full_text(login_as, dave, world):
    response = login_as(dave).get(url_of(world, "watch:version", "version") + "?format=text")
    assert response["Content-Type"].startswith("text/plain")
    assert "Effective March 31, 2026" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "query"),
    [("watch:version", "?context=abc"), ("watch:trends", "?week=garbage&kind=nope"),
     ("watch:compliance", "?status=x&category=y&page=zz"), ("watch:competitors", "?days=x")],
)  # fmt: skip
def test_bad_filters_are_ignored(login_as, dave, world, name, query):
    key = "version" if name == "watch:version" else None
    assert login_as(dave).get(url_of(world, name, key) + query).status_code == 200


def test_unknown_ids_and_weeks_are_404(login_as, dave, world):
    client = login_as(dave)
    assert client.get(reverse("watch:version", args=[999999])).status_code == 404
    assert client.get(reverse("watch:digest", args=["2020-13-45"])).status_code == 404
    assert client.get(reverse("watch:digest", args=["1999-01-04"])).status_code == 404
