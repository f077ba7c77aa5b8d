"""The call for testers, emailed once to the members who meet the criteria."""

import json
from datetime import timedelta

from django.utils import timezone

from belvedere.activity.services import record
from belvedere.conftest import make_member
from belvedere.engagement.models import Person
from belvedere.engagement.queries.programmes import eligible_members
from belvedere.engagement.services import programmes as services


def test_programme_call_goes_to_eligible_members_once(
    login_as, dave, carol, mallory, bob, programme, mailoutbox, django_capture_on_commit_callbacks
):
    programme.min_level, programme.languages, programme.min_posts = "contributor", "fr", 1
    programme.save()
    zoe = make_member("zoe@example.com", "Zoé", language="fr")
    for user in (carol, mallory, zoe, bob):
        Person.objects.create(display_name=user.display_name, user=user, level="champion")
        user.language = "fr"
        user.save(update_fields=["language"])
        record(user, "forum.post.create", None)
    Person.objects.filter(user=mallory).update(level="participant")  # below the level
    services.apply(programme, user=zoe, motivation="", accept_terms=True)  # already applied
    assert [u.email for u in eligible_members(programme)] == [carol.email]  # bob is team
    browser = login_as(dave)
    url = f"/engagement/programmes/{programme.pk}/action/"
    with django_capture_on_commit_callbacks(execute=True):
        page = browser.post(url, {"action": "call"}, follow=True).content.decode()
    assert "The call for testers is being emailed." in page and "Call emailed on" in page
    assert [m.to for m in mailoutbox] == [[carol.email]]
    assert "Beta thermostat" in mailoutbox[0].subject and f"/programmes/{programme.pk}/" in (
        mailoutbox[0].body
    )
    page = browser.post(url, {"action": "call"}, follow=True).content.decode()
    assert "The call was already sent." in page and len(mailoutbox) == 1


def test_programme_call_counts_recent_posts_only(programme, carol):
    programme.min_posts = 2
    entry = record(carol, "forum.post.create", None)
    assert eligible_members(programme) == []
    record(carol, "forum.post.create", None)
    assert eligible_members(programme) == [carol]
    assert entry.created_at > timezone.now() - timedelta(days=1)


def test_programme_call_api_and_permissions(client, token_for, dave, carol, programme):
    def post(user):
        return client.post(f"/api/v1/engagement/programmes/{programme.pk}/call",
                           HTTP_AUTHORIZATION=f"Bearer {token_for(user)}")  # fmt: skip

    assert post(carol).status_code == 403
    answer = post(dave)
    assert answer.status_code == 200 and json.loads(answer.content)["call_sent_at"]
    assert post(dave).status_code == 422
    services.set_programme_status(programme, "finished", actor=dave)
    programme.refresh_from_db()
    programme.call_sent_at = None
    programme.save()
    assert post(dave).status_code == 422  # closed programmes call nobody
