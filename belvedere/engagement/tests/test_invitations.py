"""Invitation of chosen members or of the community's leaders to an event, with an email."""

import json

from belvedere.engagement.models import EventInvitation, Person
from belvedere.engagement.services import ambassadors


def test_invitations_leaders_by_group_get_an_email(
    login_as, dave, carol, mallory, bob, make_event, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(title="Leaders' dinner", invitation_only=True, status="published")
    Person.objects.create(display_name="Carol", user=carol, level="champion")
    Person.objects.create(display_name="Mallory", user=mallory, level="contributor")
    Person.objects.create(display_name="Bob", user=bob, level="champion")  # team: never a leader
    browser = login_as(dave)
    url = f"/engagement/events/{event.pk}/manage/"
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(url, {"emails": "", "leaders": "champions"})
    assert response.status_code == 200
    assert list(EventInvitation.objects.values_list("user__email", flat=True)) == [carol.email]
    assert [m.to for m in mailoutbox] == [[carol.email]]
    assert "Leaders' dinner" in mailoutbox[0].subject and f"/engagement/events/{event.pk}/" in (
        mailoutbox[0].body
    )
    with django_capture_on_commit_callbacks(execute=True):
        browser.post(url, {"emails": "", "leaders": "contributors"})
    assert EventInvitation.objects.count() == 2 and len(mailoutbox) == 2  # carol not twice
    login_as(carol)
    assert login_as(carol).get(f"/engagement/events/{event.pk}/").status_code == 200


def test_invitations_refuse_bad_input_and_outsiders(login_as, dave, carol, make_event):
    event = make_event(invitation_only=True, status="published")
    url = f"/engagement/events/{event.pk}/manage/"
    assert login_as(carol).post(url, {"leaders": "champions"}).status_code == 403
    browser = login_as(dave)
    assert browser.post(url, {"emails": "", "leaders": ""}).status_code == 400
    assert browser.post(url, {"emails": "nobody@example.com"}).status_code == 400
    assert browser.post(url, {"leaders": "kings"}).status_code == 400
    assert not EventInvitation.objects.exists()


def test_invitations_through_the_api(client, token_for, dave, carol, mallory, make_event):
    event = make_event(invitation_only=True, status="published")
    ambassador = ambassadors.invite_ambassador(mallory, actor=dave, tier="gold")
    ambassadors.answer_invitation(ambassador, user=mallory, accept=True)
    path = f"/api/v1/engagement/events/{event.pk}/invitations"

    def post(user, body):
        return client.post(path, json.dumps(body), content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {token_for(user)}")  # fmt: skip

    assert post(carol, {"leaders": "ambassadors"}).status_code == 404  # not invited: unseen
    assert post(dave, {"emails": ["ghost@example.com"]}).status_code == 422
    answer = post(dave, {"emails": [carol.email], "leaders": "ambassadors"})
    assert answer.status_code == 200 and answer.json() == {"invited": 2}
    assert set(EventInvitation.objects.values_list("user_id", flat=True)) == {carol.pk, mallory.pk}
