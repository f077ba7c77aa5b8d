from django.core import mail

from belvedere.conftest import make_member
from belvedere.core.screening import Decision
from belvedere.forum import services
from belvedere.forum.models import Notification, Watch
from belvedere.forum.services import emails, watching
from belvedere.forum.tests.conftest import first_post, post_as, start_topic


def kinds(user):
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_mention_by_name_notifies_and_links_the_profile(committed, carol, mallory, general):
    jean = make_member("jean@example.com", "Jean Dupont")
    topic = start_topic(committed, carol, general)
    post = post_as(committed, topic, mallory, 'Hi @"Jean Dupont" and @carol, see `@Jean_Dupont`')
    post.refresh_from_db()
    assert kinds(jean) == ["mention"]
    assert kinds(carol) == ["mention"]  # mention beats "watched topic"
    assert f'<a class="mention" href="/forum/u/{jean.pk}/">@Jean Dupont</a>' in post.body_html
    assert "<code>@Jean_Dupont</code>" in post.body_html
    assert kinds(mallory) == []


def test_underscore_handle_and_unknown_names(committed, carol, mallory, general):
    jean = make_member("jean@example.com", "Jean Dupont")
    topic = start_topic(committed, carol, general)
    post_as(committed, topic, mallory, "Ping @jean_dupont and @nobody_here")
    assert kinds(jean) == ["mention"]
    assert Notification.objects.count() == 2  # jean (mention) + carol (watching her topic)


def test_reply_and_quote_notify_the_replied_author(committed, carol, mallory, bob, general):
    topic = start_topic(committed, carol, general)
    first = first_post(topic)
    reply = post_as(committed, topic, mallory, "I agree", reply_to=first)
    post_as(committed, topic, bob, "> I agree\n\nMe too", reply_to=reply)
    assert kinds(carol) == ["reply", "watched_topic"]
    assert kinds(mallory) == ["quote"]


def test_watching_a_category_notifies_new_topics(committed, carol, mallory, general):
    watching.set_watch_level(mallory, "watching", category=general)
    topic = start_topic(committed, carol, general)
    assert kinds(mallory) == ["watched_category"]
    post_as(committed, topic, carol, "More details")
    assert kinds(mallory) == ["watched_category", "watched_topic"]


def test_muting_a_topic_suppresses_everything(committed, carol, mallory, general):
    topic = start_topic(committed, carol, general)
    watching.set_watch_level(carol, "muted", topic=topic)
    post_as(committed, topic, mallory, "@Carol look", reply_to=first_post(topic))
    assert kinds(carol) == []


def test_muted_category_but_watched_topic_still_notifies(committed, carol, mallory, general):
    topic = start_topic(committed, carol, general)
    watching.set_watch_level(carol, "muted", category=general)
    post_as(committed, topic, mallory, "hello there")
    assert kinds(carol) == ["watched_topic"]  # her own topic's level wins over the category


def test_no_notification_about_what_the_recipient_cannot_read(committed, bob, carol, staff_room):
    topic = start_topic(committed, bob, staff_room)
    post_as(committed, topic, bob, "What does @Carol think?")
    assert kinds(carol) == []


def test_deactivated_members_get_nothing(committed, carol, mallory, general):
    mallory.is_active = False
    mallory.save()
    topic = start_topic(committed, carol, general)
    post_as(committed, topic, carol, "@Mallory ?")
    assert kinds(mallory) == []


def test_held_post_notifies_only_once_approved(committed, carol, mallory, bob, general, screener):
    topic = start_topic(committed, carol, general)
    screener(lambda text, **kw: Decision("hold", ["review"]) if "@" in text else None)
    post = post_as(committed, topic, mallory, "@Carol hello")
    assert kinds(carol) == []
    with committed():
        services.approve_post(post, actor=bob)
    assert kinds(carol) == ["mention"]


def test_reaction_notifies_the_author_once(committed, carol, mallory, general):
    topic = start_topic(committed, carol, general)
    post = first_post(topic)
    with committed():
        services.add_reaction(post, user=mallory, kind="heart")
    with committed():
        services.remove_reaction(post, user=mallory, kind="heart")
        services.add_reaction(post, user=mallory, kind="heart")
    with committed():
        services.add_reaction(post, user=carol, kind="party")  # her own post: no notification
    assert kinds(carol) == ["reaction"]
    assert Notification.objects.get(recipient=carol).reaction == "heart"


def test_author_watches_own_topic(committed, carol, general):
    topic = start_topic(committed, carol, general)
    assert Watch.objects.get(user=carol, topic=topic).level == "watching"


def test_immediate_email_in_the_recipients_language(committed, carol, mallory, general):
    carol.language = "fr"
    carol.save()
    mail.outbox.clear()
    topic = start_topic(committed, carol, general, title="Le thermostat")
    post_as(committed, topic, mallory, "Hello @Carol")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["carol@example.com"]
    assert "Mallory" in message.subject and "Le thermostat" in message.subject
    assert "Bonjour Carol" in message.body and "http://" in message.body


def test_never_means_no_email(committed, carol, mallory, general):
    watching.set_email_frequency(carol, "never")
    mail.outbox.clear()
    topic = start_topic(committed, carol, general)
    post_as(committed, topic, mallory, "Hello @Carol")
    assert kinds(carol) == ["mention"] and mail.outbox == []


def test_daily_digest_sends_one_email_once(committed, carol, mallory, general):
    watching.set_email_frequency(carol, "daily")
    mail.outbox.clear()
    topic = start_topic(committed, carol, general)
    post_as(committed, topic, mallory, "Hello @Carol")
    post_as(committed, topic, mallory, "Second message")
    assert mail.outbox == []
    assert emails.send_daily_digests() == 1
    assert len(mail.outbox) == 1 and "2" in mail.outbox[0].subject
    assert emails.send_daily_digests() == 0  # not twice the same day
    assert len(mail.outbox) == 1
