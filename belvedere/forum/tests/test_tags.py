import pytest
from django.core.exceptions import ValidationError

from belvedere.forum.services import normalise_tags
from belvedere.forum.tests.conftest import make_topic


def test_tags_are_normalised_lowercase_slugs():
    assert normalise_tags("WiFi, Économie d'énergie wifi") == ["wifi", "economie", "denergie"]
    assert normalise_tags(["Hub", "hub", " "]) == ["hub"]


def test_at_most_five_tags():
    with pytest.raises(ValidationError):
        normalise_tags("a b c d e f")


def test_tag_page_lists_readable_topics(client, carol, general, staff_room, bob):
    make_topic(carol, general, title="Tagged in general", tags=["wifi"])
    make_topic(bob, staff_room, title="Tagged in staff room", tags=["wifi"])
    response = client.get("/forum/tags/wifi/")
    assert response.status_code == 200
    assert b"Tagged in general" in response.content
    assert b"Tagged in staff room" not in response.content
    assert client.get("/forum/tags/none/").status_code == 404
