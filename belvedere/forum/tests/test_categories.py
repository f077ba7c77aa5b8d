import pytest
from django.core.exceptions import ValidationError

from belvedere.forum.models import Category
from belvedere.forum.tests.conftest import make_category, make_topic


def test_index_lists_categories_with_counts(client, carol, general):
    make_topic(carol, general, replies=2)
    response = client.get("/forum/")
    assert response.status_code == 200
    category = response.context["categories"][0]
    assert (category.topic_count, category.post_count) == (1, 3)
    assert category.last_topic_title == "A question about the hub"


def test_members_only_category_is_invisible_to_anonymous(client, carol, general, members_only):
    make_topic(carol, members_only, title="Members only chat")
    assert b"Members Lounge" not in client.get("/forum/").content
    assert client.get("/forum/c/members-lounge/").status_code == 404
    client.force_login(carol)
    assert b"Members Lounge" in client.get("/forum/").content
    assert client.get("/forum/c/members-lounge/").status_code == 200


def test_moderators_only_category_is_invisible_to_carol(client, carol, bob, staff_room):
    topic = make_topic(bob, staff_room, title="Staff coordination")
    client.force_login(carol)
    assert b"Staff Room" not in client.get("/forum/").content
    assert client.get("/forum/c/staff-room/").status_code == 404
    assert client.get(f"/forum/t/{topic.pk}/").status_code == 404
    client.force_login(bob)
    assert client.get(f"/forum/t/{topic.pk}/").status_code == 200


def test_subcategory_of_a_hidden_parent_is_hidden(client, carol, staff_room):
    child = make_category("staff-notes", parent=staff_room)
    make_topic(carol, child, title="Hidden by its parent")
    assert client.get("/forum/c/staff-notes/").status_code == 404
    assert b"Hidden by its parent" not in client.get("/forum/").content


def test_category_page_lists_subcategory_topics_pinned_first(client, carol, general):
    child = make_category("hub-help", parent=general)
    old = make_topic(carol, general, title="Old but pinned")
    old.is_pinned = True
    old.save(update_fields=["is_pinned"])
    make_topic(carol, child, title="Fresh in the child")
    response = client.get("/forum/c/general/?sort=latest")
    titles = [t.title for t in response.context["page"]]
    assert titles == ["Old but pinned", "Fresh in the child"]


def test_category_page_sorts_and_exports(client, carol, general):
    make_topic(carol, general, title="Busy topic", replies=3)
    make_topic(carol, general, title="Quiet topic")
    top = client.get("/forum/c/general/?sort=top")
    assert [t.title for t in top.context["page"]][0] == "Busy topic"
    new = client.get("/forum/c/general/?sort=new")
    assert [t.title for t in new.context["page"]][0] == "Quiet topic"
    assert client.get("/forum/c/general/?sort=bogus&page=zz").status_code == 200
    csv = client.get("/forum/c/general/?format=csv")
    assert b"Busy topic" in b"".join(csv.streaming_content)


def test_unknown_category_is_404(client, db):
    assert client.get("/forum/c/nope/").status_code == 404


def test_subcategories_go_one_level_deep(general):
    child = make_category("child", parent=general)
    grandchild = Category(name="Too deep", slug="too-deep", parent=child)
    with pytest.raises(ValidationError):
        grandchild.full_clean()
    general.parent = child
    with pytest.raises(ValidationError):
        general.full_clean()


def test_colour_must_be_hex(general):
    general.colour = "red;background:url(x)"
    with pytest.raises(ValidationError):
        general.full_clean()
    general.colour = "#A1b2C3"
    general.full_clean()
