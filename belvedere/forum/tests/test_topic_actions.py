from belvedere.activity.models import Entry
from belvedere.forum.tests.conftest import make_category


def test_staff_pins_locks_closes_and_reopens(client, bob, topic):
    client.force_login(bob)
    for action in ("pin", "lock", "close"):
        response = client.post(f"/forum/t/{topic.pk}/moderate/", {"action": action, "reason": "r"})
        assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.is_pinned and topic.is_locked and topic.is_closed
    client.post(f"/forum/t/{topic.pk}/moderate/", {"action": "reopen"})
    topic.refresh_from_db()
    assert not topic.is_closed
    verbs = set(Entry.objects.filter(is_staff_action=True).values_list("verb", flat=True))
    assert {"forum.topic.pin", "forum.topic.lock", "forum.topic.close"} <= verbs


def test_staff_moves_a_topic(client, bob, topic):
    target = make_category("elsewhere")
    client.force_login(bob)
    client.post(f"/forum/t/{topic.pk}/moderate/", {"action": "move", "category": target.pk})
    topic.refresh_from_db()
    assert topic.category == target
    assert Entry.objects.get(verb="forum.topic.move").metadata == {
        "old": "general",
        "new": "elsewhere",
    }


def test_member_cannot_act_on_topics(client, carol, topic):
    client.force_login(carol)
    assert client.post(f"/forum/t/{topic.pk}/moderate/", {"action": "pin"}).status_code == 403
    topic.refresh_from_db()
    assert not topic.is_pinned


def test_move_without_category_is_bad_input(client, bob, topic):
    client.force_login(bob)
    response = client.post(f"/forum/t/{topic.pk}/moderate/", {"action": "move"})
    assert response.status_code == 302
    assert client.post(f"/forum/t/{topic.pk}/moderate/", {"action": "nuke"}).status_code == 302
    topic.refresh_from_db()
    assert topic.category.slug == "general"
