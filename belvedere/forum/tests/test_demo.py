import time

from belvedere.forum.demo import build_forum_demo
from belvedere.forum.models import Category, Post, Reaction, Topic


def test_demo_builds_a_bilingual_forum_quickly(carol, bob, dave, alice):
    started = time.monotonic()
    summary = build_forum_demo()
    elapsed = time.monotonic() - started
    assert Category.objects.count() == 11
    assert Topic.objects.count() == 200
    assert Post.objects.count() == 2000
    assert Reaction.objects.exists()
    assert Post.objects.filter(reply_to__isnull=False).exists()
    assert Post.objects.filter(body__contains="Bonjour").exists()
    assert Post.objects.filter(body__contains="Thanks").exists()
    assert "200 topics" in summary
    assert elapsed < 15
    topic = Topic.objects.order_by("-post_count").first()
    assert topic.post_count == topic.posts.count()


def test_demo_pages_render(client, carol, bob):
    build_forum_demo(topics=20, posts=200)
    client.force_login(carol)
    assert client.get("/forum/").status_code == 200
    topic = Topic.objects.filter(category__read_access="everyone").order_by("-post_count").first()
    assert client.get(f"/forum/t/{topic.pk}/").status_code == 200
