"""Every page: success for the right persona, denied for others, bad input answered with 4xx."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from belvedere.engagement.models import (
    Ambassador,
    Application,
    EventFeedback,
    MergeRecord,
    MergeSuggestion,
    Registration,
)
from belvedere.engagement.services import ambassadors, events, merges, programmes


@pytest.fixture
def world(make_event, make_person, programme, carol, dave, make_mention):
    person = make_person("Zoé", ("mastodon", "zoe@m.social", "zoe@example.com"))
    other = make_person("Zoe M", ("reddit", "zoe_m", "zoe@example.com"))
    make_mention("mastodon", "zoe@m.social")
    merges.suggest_merges()
    past = make_event(title="Past", starts_at=timezone.now() - timedelta(days=3))
    return {
        "person": person,
        "other": other,
        "event": make_event(capacity=1),
        "past": past,
        "suggestion": MergeSuggestion.objects.get(),
        "programme": programme,
        "ambassador": ambassadors.invite_ambassador(carol, actor=dave),
    }


MANAGER_PAGES = [
    "engagement:index",
    "engagement:people",
    "engagement:suggestions",
    "engagement:merges",
    "engagement:levels",
    "engagement:ambassadors",
    "engagement:event_create",
    "engagement:programme_create",
]


@pytest.mark.parametrize("name", MANAGER_PAGES)
def test_views_manager_pages(login_as, dave, carol, client, name, world):
    url = reverse(name)
    assert client.get(url).status_code == 302  # anonymous: to the login page
    assert login_as(carol).get(url).status_code == 403
    assert login_as(dave).get(url).status_code == 200


def test_views_people_filter_csv_and_bad_input(login_as, dave, world):
    client = login_as(dave)
    page = client.get(reverse("engagement:people"), {"q": "zo", "page": "x", "level": "nope"})
    assert page.status_code == 200
    csv = client.get(reverse("engagement:people"), {"format": "csv"})
    assert b"zoe@m.social" in b"".join(csv.streaming_content)


def test_views_person_profile_and_timeline(login_as, dave, carol, world):
    url = reverse("engagement:person", args=[world["person"].pk])
    assert login_as(carol).get(url).status_code == 403
    response = login_as(dave).get(url)
    assert response.status_code == 200
    assert b"J&#x27;adore H\xc3\xa9lios" in response.content
    assert login_as(dave).get(reverse("engagement:person", args=[999999])).status_code == 404


def test_views_identity_add(login_as, dave, carol, world):
    url = reverse("engagement:identity_add", args=[world["person"].pk])
    assert login_as(carol).post(url, {"platform": "x", "handle": "y"}).status_code == 403
    client = login_as(dave)
    client.post(url, {"platform": "reddit", "handle": "zoe_m"})  # taken: a message, no 500
    client.post(url, {"platform": "", "handle": ""})
    client.post(url, {"platform": "bluesky", "handle": "zoe.bsky.social"})
    assert world["person"].identities.count() == 2


def test_views_sync_and_decide_and_unmerge(login_as, dave, carol, world):
    suggestion = world["suggestion"]
    decide = reverse("engagement:decide", args=[suggestion.pk])
    assert login_as(carol).post(decide, {"decision": "accept"}).status_code == 403
    client = login_as(dave)
    assert client.post(reverse("engagement:sync")).status_code == 302
    assert client.post(decide, {"decision": "accept"}).status_code == 302
    assert client.post(decide, {"decision": "accept"}).status_code == 302  # decided: a message
    merge = MergeRecord.objects.get()
    unmerge = reverse("engagement:unmerge", args=[merge.pk])
    assert login_as(carol).post(unmerge).status_code == 403
    assert login_as(dave).post(unmerge).status_code == 302
    assert login_as(dave).post(unmerge).status_code == 302  # already undone: a message
    assert MergeRecord.objects.get().undone_at is not None


def test_views_levels_save_bad_and_recompute(login_as, dave, carol, world):
    url = reverse("engagement:levels")
    data = {
        "weight_topic": 5,
        "weight_post": 3,
        "weight_reaction": 1,
        "weight_mention": 2,
        "weight_positive_mention": 4,
        "weight_event": 8,
        "weight_programme": 6,
        "half_life_days": 14,
        "participant_at": 3,
        "contributor_at": 15,
        "champion_at": 40,
    }
    assert login_as(carol).post(url, data).status_code == 403
    client = login_as(dave)
    assert client.post(url, data).status_code == 302
    assert client.post(url, {**data, "half_life_days": 0, "champion_at": 1}).status_code == 400
    assert client.post(url, {**data, "weight_post": "lots"}).status_code == 400
    assert client.post(reverse("engagement:recompute")).status_code == 302


def test_views_events_register_waitlist_cancel(login_as, carol, mallory, world):
    event = world["event"]
    register = reverse("engagement:event_register", args=[event.pk])
    assert login_as(carol).post(register).status_code == 302
    assert login_as(mallory).post(register).status_code == 302
    assert Registration.objects.get(user=mallory).status == "waitlisted"
    page = login_as(mallory).get(reverse("engagement:event", args=[event.pk]))
    assert b"position 1" in page.content
    mine = Registration.objects.get(user=carol)
    cancel = reverse("engagement:registration_cancel", args=[mine.pk])
    assert login_as(mallory).post(cancel).status_code == 404  # not hers
    assert login_as(carol).post(cancel).status_code == 302
    assert Registration.objects.get(user=mallory).status == "confirmed"


def test_views_events_public_list_and_hidden(client, world, make_event):
    secret = make_event(title="Secret", invitation_only=True)
    assert client.get(reverse("engagement:events")).status_code == 200
    assert client.get(reverse("engagement:events"), {"when": "past"}).status_code == 200
    assert client.get(reverse("engagement:event", args=[secret.pk])).status_code == 404
    assert client.post(reverse("engagement:event_register", args=[secret.pk])).status_code == 302


def test_views_event_create_edit_and_bad(login_as, dave, carol, world):
    data = {
        "title": "AMA",
        "kind": "online",
        "format": "ama",
        "status": "published",
        "starts_at": "2031-05-01T18:00",
        "ends_at": "2031-05-01T19:00",
        "time_zone": "Europe/Paris",
        "video_url": "https://meet.example/x",
    }
    url = reverse("engagement:event_create")
    assert login_as(carol).post(url, data).status_code == 403
    client = login_as(dave)
    assert client.post(url, data).status_code == 302
    assert client.post(url, {**data, "ends_at": "2031-05-01T17:00"}).status_code == 400
    assert client.post(url, {**data, "kind": "physical"}).status_code == 400  # no venue
    from belvedere.engagement.models import Event

    made = Event.objects.get(title="AMA")
    assert made.starts_at.hour == 16  # 18:00 in Paris, summer time
    edit = reverse("engagement:event_edit", args=[made.pk])
    assert client.get(edit).status_code == 200
    assert client.post(edit, {**data, "title": "AMA 2"}).status_code == 302


def test_views_event_manage_checkin_invite(login_as, dave, carol, world):
    event = world["event"]
    registration = events.register(event, user=carol)
    url = reverse("engagement:event_manage", args=[event.pk])
    assert login_as(carol).get(url).status_code == 403
    client = login_as(dave)
    assert client.get(url).status_code == 200
    assert client.post(url, {"code": "WRONG"}).status_code == 400
    assert client.post(url, {"code": registration.checkin_code.lower()}).status_code == 200
    assert Registration.objects.get(pk=registration.pk).checked_in_at is not None
    assert client.post(url, {"emails": "nobody@example.com"}).status_code == 400
    assert client.post(url, {"emails": carol.email}).status_code == 200


def test_views_event_thread(login_as, dave, carol, world, make_event):
    from belvedere.forum.models import Category

    Category.objects.create(name="Events", slug="events")
    online = make_event(kind="online", venue="", video_url="https://meet.example/y")
    url = reverse("engagement:event_thread", args=[online.pk])
    assert login_as(carol).post(url).status_code == 403
    assert login_as(dave).post(url, {"category": "nope"}).status_code == 302
    assert login_as(dave).post(url).status_code == 302
    online.refresh_from_db()
    assert online.topic is not None and online.topic.title == online.title


def test_views_event_feedback(login_as, carol, mallory, world):
    past = world["past"]
    Registration.objects.create(event=past, user=carol, status="confirmed", checkin_code="AB12")
    url = reverse("engagement:event_feedback", args=[past.pk])
    assert login_as(mallory).post(url, {"rating": 5}).status_code == 302
    assert login_as(carol).post(url, {"rating": 9}).status_code == 302
    assert login_as(carol).post(url, {"rating": 4, "comment": "Great"}).status_code == 302
    assert list(EventFeedback.objects.values_list("user_id", "rating")) == [(carol.pk, 4)]


def test_views_ambassadors_invite_answer_kit_tier_go(login_as, dave, carol, mallory, world):
    ambassador = world["ambassador"]
    answer = reverse("engagement:ambassador_answer", args=[ambassador.token])
    assert login_as(mallory).get(answer).status_code == 404
    assert login_as(carol).get(answer).status_code == 200
    assert login_as(carol).post(answer, {"answer": "accept"}).status_code == 302
    assert login_as(carol).post(answer, {"answer": "accept"}).status_code == 302  # closed
    kit_url = reverse("engagement:kit_create")
    kit = {"title": "Kit", "message": "Hi", "target_url": "https://example.com/"}
    assert login_as(carol).post(kit_url, kit).status_code == 403
    assert login_as(dave).post(kit_url, {**kit, "target_url": "nope"}).status_code == 302
    assert login_as(dave).post(kit_url, kit).status_code == 302
    mine = login_as(carol).get(reverse("engagement:my_ambassador"))
    assert mine.status_code == 200 and b"/go/" in mine.content
    assert login_as(mallory).get(reverse("engagement:my_ambassador")).status_code == 404
    detail = reverse("engagement:ambassador", args=[ambassador.pk])
    assert login_as(carol).get(detail).status_code == 403
    assert login_as(dave).post(detail, {"tier": "gold"}).status_code == 302
    assert login_as(dave).post(detail, {"tier": "platinum"}).status_code == 400
    assert Ambassador.objects.get().tier == "gold"
    invite = reverse("engagement:ambassador_invite")
    assert login_as(dave).post(invite, {"user": mallory.pk, "tier": "bronze"}).status_code == 302
    assert login_as(dave).post(invite, {"user": "x"}).status_code == 302
    assert login_as(carol).post(invite, {"user": mallory.pk}).status_code == 403


def test_views_programmes(login_as, client, dave, carol, mallory, world):
    programme = world["programme"]
    assert client.get(reverse("engagement:programmes")).status_code == 200
    page = reverse("engagement:programme", args=[programme.pk])
    assert login_as(carol).get(page).status_code == 200
    apply = reverse("engagement:programme_apply", args=[programme.pk])
    assert login_as(carol).post(apply, {"motivation": "me"}).status_code == 302  # no terms
    assert not Application.objects.exists()
    assert (
        login_as(carol).post(apply, {"motivation": "me", "accept_terms": "on"}).status_code == 302
    )
    application = Application.objects.get()
    decide = reverse("engagement:programme_decide", args=[programme.pk, application.pk])
    assert login_as(carol).post(decide, {"decision": "select"}).status_code == 403
    assert login_as(dave).post(decide, {"decision": "select"}).status_code == 302
    action = reverse("engagement:programme_action", args=[programme.pk])
    assert login_as(carol).post(action, {"action": "category"}).status_code == 403
    assert login_as(dave).post(action, {"action": "bogus"}).status_code == 302
    assert login_as(dave).post(action, {"action": "category"}).status_code == 302
    feedback = reverse("engagement:programme_feedback", args=[programme.pk])
    assert login_as(carol).post(feedback, {"rating": 5, "worked": "yes"}).status_code == 302
    assert login_as(mallory).post(feedback, {"rating": 5}).status_code == 302  # refused, message
    assert login_as(dave).get(page).status_code == 200
    create = reverse("engagement:programme_create")
    assert login_as(dave).post(create, {"title": ""}).status_code == 400
    programmes.set_programme_status(programme, "finished", actor=dave)
    assert login_as(mallory).get(page).status_code == 404


def test_views_list_pages_have_no_n_plus_one(
    login_as, dave, make_person, make_event, members, django_assert_max_num_queries
):
    client = login_as(dave)
    for index in range(30):
        make_person(f"P{index}", ("reddit", f"p{index}"), ("mastodon", f"p{index}@m.social"))
        make_event(title=f"E{index}")
    users = members(5)
    from belvedere.engagement.services import ambassadors as amb

    for user in users:
        amb.invite_ambassador(user, actor=dave)
    for url in (
        "engagement:people",
        "engagement:events",
        "engagement:ambassadors",
        "engagement:suggestions",
        "engagement:merges",
    ):
        with django_assert_max_num_queries(15):
            assert client.get(reverse(url)).status_code == 200


def test_views_event_page_masks_censored_words_in_the_thread_title(client, dave, world, make_event):
    from belvedere.forum.models import Category
    from belvedere.moderation.policy import invalidate
    from belvedere.moderation.services.words import create_word

    Category.objects.create(name="Events", slug="events")
    online = make_event(kind="online", venue="", video_url="https://meet.example/y")
    client.force_login(dave)
    client.post(reverse("engagement:event_thread", args=[online.pk]))
    online.refresh_from_db()
    online.topic.title = "Questions sur la zutrerie"
    online.topic.save(update_fields=["title"])
    invalidate()
    create_word(actor=dave, pattern="zutrerie", action="censor")
    try:
        page = client.get(reverse("engagement:event", args=[online.pk])).content.decode()
    finally:
        invalidate()
    assert "Questions sur la " + "■" * 8 in page and "zutrerie" not in page


def test_views_overview_counts_levels_and_lists_who_and_what_is_next(
    login_as, dave, make_person, make_event
):
    from belvedere.engagement.models import Person

    zoe = make_person("Zoé")
    Person.objects.filter(pk=zoe.pk).update(level="champion", score=52.5)
    make_person("Yann")
    Person.objects.create(display_name="Équipe", is_team=True, level="champion", score=99)
    make_event(title="Atelier domotique", capacity=12)
    page = login_as(dave).get(reverse("engagement:index")).content.decode()
    assert ">Champion</a></td><td>1</td>" in page  # the team is left out
    assert ">Observer</a></td><td>1</td>" in page
    assert "Zoé" in page and "52.5" in page and "Équipe" not in page
    assert "Atelier domotique" in page and "0 / 12" in page


def test_home_page_lists_upcoming_events_each_reader_may_see(client, login_as, carol, make_event):
    assert "Upcoming events" not in client.get("/").content.decode()
    make_event(title="Atelier domotique")
    make_event(title="Dîner des ambassadeurs", invitation_only=True)
    page = client.get("/").content.decode()
    assert "Upcoming events" in page and "Atelier domotique" in page
    assert "Dîner des ambassadeurs" not in page
