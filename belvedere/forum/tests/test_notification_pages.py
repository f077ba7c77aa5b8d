from belvedere.forum.models import Notification, Watch
from belvedere.forum.tests.conftest import post_as, start_topic


def _notified(committed, carol, mallory, general, n=1):
    topic = start_topic(committed, carol, general)
    for i in range(n):
        post_as(committed, topic, mallory, f"@Carol message {i}")
    return topic


def test_notifications_page_lists_and_paginates(client, committed, carol, mallory, general):
    _notified(committed, carol, mallory, general, n=2)
    client.force_login(carol)
    response = client.get("/forum/notifications/")
    assert response.status_code == 200
    assert response.content.decode().count("Mallory mentioned you") == 2
    assert client.get("/forum/notifications/?page=abc&filter=zzz").status_code == 200


def test_notifications_need_login(client):
    response = client.get("/forum/notifications/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_open_marks_read_and_goes_to_the_post(client, committed, carol, mallory, general):
    _notified(committed, carol, mallory, general)
    row = Notification.objects.get(recipient=carol)
    client.force_login(carol)
    response = client.post(f"/forum/notifications/{row.pk}/open/")
    assert response.status_code == 302 and response["Location"] == f"/forum/p/{row.post_id}/"
    row.refresh_from_db()
    assert row.read_at is not None
    assert client.get("/forum/notifications/badge/").content == b""


def test_cannot_open_someone_elses_notification(client, committed, carol, mallory, general):
    _notified(committed, carol, mallory, general)
    row = Notification.objects.get(recipient=carol)
    client.force_login(mallory)
    assert client.post(f"/forum/notifications/{row.pk}/open/").status_code == 404
    assert client.get(f"/forum/notifications/{row.pk}/open/").status_code == 405
    row.refresh_from_db()
    assert row.read_at is None


def test_badge_and_read_all(client, committed, carol, mallory, general):
    _notified(committed, carol, mallory, general, n=3)
    client.force_login(carol)
    assert client.get("/forum/notifications/badge/").content == b"3"
    assert b"nav-badge" in client.get("/forum/").content
    response = client.post("/forum/notifications/read-all/")
    assert response.status_code == 302
    assert client.get("/forum/notifications/badge/").content == b""
    client.logout()
    assert client.get("/forum/notifications/badge/").content == b""


def test_reading_the_topic_reads_its_notifications(client, committed, carol, mallory, general):
    topic = _notified(committed, carol, mallory, general)
    client.force_login(carol)
    client.get(f"/forum/t/{topic.pk}/")
    assert not Notification.objects.filter(recipient=carol, read_at__isnull=True).exists()


def test_preferences(client, carol):
    client.force_login(carol)
    assert client.get("/forum/preferences/").status_code == 200
    assert client.post("/forum/preferences/", {"email_frequency": "daily"}).status_code == 302
    assert carol.forum_profile.email_frequency == "daily"
    response = client.post("/forum/preferences/", {"email_frequency": "hourly"})
    assert response.status_code == 200 and response.context["form"].errors
    client.logout()
    assert client.get("/forum/preferences/").status_code == 302


def test_watch_topic_and_category(client, carol, mallory, topic, general):
    client.force_login(mallory)
    assert client.post(f"/forum/t/{topic.pk}/watch/", {"level": "muted"}).status_code == 302
    assert Watch.objects.get(user=mallory, topic=topic).level == "muted"
    assert b'value="muted" selected' in client.get(f"/forum/t/{topic.pk}/").content
    assert client.post(f"/forum/t/{topic.pk}/watch/", {"level": "tracking"}).status_code == 302
    assert not Watch.objects.filter(user=mallory, topic=topic).exists()
    assert client.post("/forum/c/general/watch/", {"level": "watching"}).status_code == 302
    assert Watch.objects.get(user=mallory, category=general).level == "watching"


def test_watch_bad_level_and_permissions(client, bob, mallory, topic, staff_room):
    client.force_login(mallory)
    assert client.post(f"/forum/t/{topic.pk}/watch/", {"level": "loud"}).status_code == 400
    assert client.post("/forum/c/staff-room/watch/", {"level": "watching"}).status_code == 404
    client.logout()
    response = client.post(f"/forum/t/{topic.pk}/watch/", {"level": "muted"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Watch.objects.exists()
