"""Ambassadors: candidates, invitation and answer, tracked links, clicks, sign-ups, badges."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from belvedere.engagement.models import LinkClick, Person, Referral, ShareKit
from belvedere.engagement.queries import badges_for
from belvedere.engagement.queries.ambassadors import impact, leaderboard, list_candidates
from belvedere.engagement.services import ambassadors as services


@pytest.fixture
def active(carol, dave):
    ambassador = services.invite_ambassador(carol, actor=dave, tier="gold")
    return services.answer_invitation(ambassador, user=carol, accept=True)


@pytest.fixture
def kit(dave):
    return services.create_kit(
        actor=dave, title="Spring", message="Join us", target_url="https://example.com/spring"
    )


def test_ambassadors_candidates_rank_level_sentiment_reach(make_person, carol, mallory, bob):
    make_person("Carol", user=carol)
    Person.objects.filter(user=carol).update(
        level="champion", score=50, reach=10000, positive_mentions=5
    )
    make_person("Mallory", user=mallory)
    Person.objects.filter(user=mallory).update(level="contributor", score=20)
    make_person("Bob", user=bob)
    Person.objects.filter(user=bob).update(level="champion", score=90, is_team=True)
    assert [p.user_id for p in list_candidates()] == [carol.pk, mallory.pk]


def test_ambassadors_invitation_mail_and_answer(carol, dave, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ambassador = services.invite_ambassador(carol, actor=dave, tier="silver")
    assert mail.outbox[0].to == [carol.email]
    assert ambassador.token in mail.outbox[0].body
    with pytest.raises(ValidationError):
        services.invite_ambassador(carol, actor=dave)
    services.answer_invitation(ambassador, user=carol, accept=True)
    assert badges_for([carol.pk, dave.pk]) == {carol.pk: "Ambassador · Silver"}


def test_ambassadors_team_cannot_be_invited(bob, dave):
    with pytest.raises(ValidationError):
        services.invite_ambassador(bob, actor=dave)


def test_ambassadors_go_counts_clicks_and_unique_visitors(client, active, kit):
    link = services.link_for(kit, active)
    assert services.link_for(kit, active) == link
    for ip in ("203.0.113.1", "203.0.113.1", "203.0.113.2"):
        response = client.get(f"/go/{link.code}", REMOTE_ADDR=ip, HTTP_USER_AGENT="UA")
        assert response.status_code == 302
        assert response["Location"] == kit.target_url
    clicks = list(LinkClick.objects.values_list("visitor", flat=True))
    assert len(clicks) == 3 and len(set(clicks)) == 2
    assert all("203.0.113" not in v for v in clicks)
    (row,) = impact(active)
    assert (row["clicks"], row["visitors"], row["signups"]) == (3, 2, 0)
    assert client.get("/go/nope").status_code == 404


@pytest.mark.django_db(transaction=True)  # the sign-up's on-commit receivers run
def test_ambassadors_signup_after_click_is_credited(client, active, kit, fresh_cache):
    from belvedere.accounts.models import User

    link = services.link_for(kit, active)
    client.get(f"/go/{link.code}")
    response = client.post(
        "/accounts/signup/",
        {
            "email": "newbie@example.com",
            "display_name": "Newbie",
            "password1": "a long enough passphrase 42",
            "password2": "a long enough passphrase 42",
            **_terms_fields(client),
        },
    )
    assert response.status_code == 200, response.content[:500]
    newbie = User.objects.get(email="newbie@example.com")
    assert Referral.objects.get().user == newbie
    board = leaderboard()
    assert (board[0].signups, board[0].clicks) == (1, 1)


def _terms_fields(client) -> dict:
    """Tick whatever acceptance boxes the sign-up form shows."""
    form = client.get("/accounts/signup/").context["form"]
    return {
        name: "on" for name, field in form.fields.items() if field.widget.input_type == "checkbox"
    }


def test_ambassadors_signup_without_cookie_is_not_credited(client, active, kit, fresh_cache):
    services.link_for(kit, active)
    client.post(
        "/accounts/signup/",
        {
            "email": "plain@example.com",
            "display_name": "Plain",
            "password1": "a long enough passphrase 42",
            "password2": "a long enough passphrase 42",
            **_terms_fields(client),
        },
    )
    assert not Referral.objects.exists()
    assert ShareKit.objects.count() == 1


def test_ambassadors_badge_shows_on_the_forum(client, active, carol, mallory, dave):
    """Active ambassadors wear their tier's badge beside their name on topic pages and their
    profile, in the reader's language, without a query per post; retired, it is gone."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from belvedere.forum.services import create_reply
    from belvedere.forum.tests.conftest import make_category, make_topic

    topic = make_topic(carol, make_category("general"), title="Tips")
    url = f"/forum/t/{topic.pk}/"
    client.force_login(mallory)
    page = client.get(url).content.decode()
    assert 'class="badge award gold">Ambassador · Gold<' in page
    assert "Ambassador · Gold" in client.get(f"/forum/u/{carol.pk}/").content.decode()
    french = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Ambassadeur · Or" in french
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    other = services.invite_ambassador(mallory, actor=dave, tier="bronze")
    services.answer_invitation(other, user=mallory, accept=True)
    for n in range(6):
        create_reply(topic, author=mallory if n % 2 else carol, body=f"Reply {n}")
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert len(many) <= len(few)  # six more posts by two badge holders: no more queries
    assert "Ambassador · Bronze" in page
    services.set_tier(active, "silver", actor=dave)
    assert "Ambassador · Silver" in client.get(url).content.decode()
    services.retire_ambassador(active, actor=dave)
    page = client.get(url).content.decode()
    assert "Ambassador · Silver" not in page and "Ambassador · Gold" not in page
    assert carol.badges.count() == 0 and mallory.badges.get().tone == "bronze"


def test_ambassadors_tier_retire_and_kits_in_the_api(client, token_for, login_as, active, carol,
                                                     dave):  # fmt: skip
    import json

    def call(user, path, body=None):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token_for(user)}"}
        if body is None:
            return client.get("/api/v1/engagement" + path, **headers)
        return client.post("/api/v1/engagement" + path, json.dumps(body),
                           content_type="application/json", **headers)  # fmt: skip

    assert call(carol, f"/ambassadors/{active.pk}/tier", {"tier": "bronze"}).status_code == 403
    assert call(dave, f"/ambassadors/{active.pk}/tier", {"tier": "platinum"}).status_code == 422
    answer = call(dave, f"/ambassadors/{active.pk}/tier", {"tier": "silver"})
    assert answer.status_code == 200 and answer.json()["tier"] == "silver"
    assert carol.badges.get().label == "Ambassador · Silver"
    assert call(dave, "/kits", {"title": "Spring", "message": "Hi", "target_url": "javascript:1"}
                ).status_code == 422  # fmt: skip
    made = call(dave, "/kits", {"title": "Spring", "message": "Join us",
                                "target_url": "https://example.com/spring"})  # fmt: skip
    assert made.status_code == 201 and call(dave, "/kits").json()[0]["title"] == "Spring"
    assert call(carol, "/kits").status_code == 403
    retired = call(dave, f"/ambassadors/{active.pk}/retire", {"reason": "moved on"})
    assert retired.json()["status"] == "retired" and not carol.badges.exists()
    assert call(dave, "/ambassadors/999/retire", {}).status_code == 404


def test_ambassadors_retire_from_the_page(login_as, active, carol, dave):
    url = f"/engagement/ambassadors/{active.pk}/"
    assert login_as(carol).post(url, {"action": "retire"}).status_code == 403
    page = login_as(dave).post(url, {"action": "retire"}, follow=True).content.decode()
    active.refresh_from_db()
    assert active.status == "retired" and "Ambassador retired." in page
    assert not carol.badges.exists()
