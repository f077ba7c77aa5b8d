"""Replying makes a member track the topic, without overriding a level they chose."""

from belvedere.forum.models import Notification, Watch
from belvedere.forum.services import watching
from belvedere.forum.tests.conftest import post_as, start_topic


def level(user, topic):
    return Watch.objects.filter(user=user, topic=topic).values_list("level", flat=True).first()


def test_replying_tracks_the_topic(committed, carol, mallory, general):
    topic = start_topic(committed, carol, general)
    post_as(committed, topic, mallory, "Same here")
    assert level(mallory, topic) == "tracking"
    assert level(carol, topic) == "watching"  # the author's own level is kept


def test_tracking_a_replied_topic_beats_a_muted_category(committed, carol, mallory, general):
    watching.set_watch_level(mallory, "muted", category=general)
    topic = start_topic(committed, carol, general)
    mine = post_as(committed, topic, mallory, "My question")
    post_as(committed, topic, carol, "An answer", reply_to=mine)
    assert Notification.objects.filter(recipient=mallory, kind="reply").exists()


def test_a_chosen_level_or_a_watched_category_stays(committed, carol, mallory, bob, general):
    topic = start_topic(committed, carol, general)
    watching.set_watch_level(mallory, "muted", topic=topic)
    watching.set_watch_level(bob, "watching", category=general)
    post_as(committed, topic, mallory, "Muted but replying")
    post_as(committed, topic, bob, "Watching the category")
    assert level(mallory, topic) == "muted"
    assert level(bob, topic) is None
