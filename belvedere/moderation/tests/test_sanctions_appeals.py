"""Sanctions (ladder, silence, suspension with login gate, ban) and appeals."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from belvedere.activity.models import Entry
from belvedere.conftest import PASSWORD
from belvedere.moderation.models import Appeal, Sanction, Standing
from belvedere.moderation.services import appeals, sanctions
from belvedere.moderation.services.settings import update_settings


def sanction(client, member, **data):
    return client.post(f"/moderation/members/{member.pk}/sanction/", data)


def test_member_page_and_sanction_denied_to_members(client, login_as, carol, mallory):
    assert client.get(f"/moderation/members/{carol.pk}/").status_code == 302
    client = login_as(mallory)
    assert client.get(f"/moderation/members/{carol.pk}/").status_code == 403
    assert sanction(client, carol, kind="warning", reason="x").status_code == 403
    assert not Sanction.objects.exists()


def test_ladder_escalates_warning_silence_suspension_ban(login_as, bob, dave, carol):
    client = login_as(bob)
    for expected in ("warning", "silence", "suspension"):
        assert sanction(client, carol, kind="next", reason="encore").status_code == 302
        assert Sanction.objects.latest("created_at").kind == expected
    standing = Standing.objects.get(member=carol)
    assert standing.is_silenced() and standing.is_suspended()
    assert sanction(client, carol, kind="next", reason="encore").status_code == 403  # ban: managers
    assert sanction(login_as(dave), carol, kind="next", reason="fini").status_code == 302
    carol.refresh_from_db()
    assert not carol.is_active
    assert Entry.objects.filter(verb="moderation.sanction.ban", reason="fini").exists()


def test_community_changes_the_ladder(login_as, bob, dave, carol):
    update_settings(actor=dave, ladder=[{"kind": "silence", "days": 1}])
    sanction(login_as(bob), carol, kind="next", reason="stop")
    assert Sanction.objects.get().kind == "silence"


def test_sanction_bad_input(login_as, bob, carol, alice):
    client = login_as(bob)
    assert sanction(client, carol, kind="silence", reason="x").status_code == 302  # no days
    assert sanction(client, carol, kind="nope", reason="x").status_code == 302
    assert not Sanction.objects.exists()
    assert sanction(client, alice, kind="warning", reason="x").status_code == 403  # higher role
    assert client.get("/moderation/members/999/").status_code == 404


def test_suspended_member_cannot_log_in(client, bob, carol):
    sanctions.sanction_member(carol, "suspension", actor=bob, reason="insultes", days=3)
    response = client.post(
        "/accounts/login/", {"username": "carol@example.com", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert "suspended" in response.content.decode()
    assert "/moderation/appeal/" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_suspension_ends_existing_sessions(client, bob, carol):
    client.force_login(carol)
    sanctions.sanction_member(carol, "suspension", actor=bob, reason="insultes", days=3)
    assert client.get("/moderation/standing/").status_code == 302


def test_lift_restores(login_as, dave, carol):
    ban = sanctions.sanction_member(carol, "ban", actor=dave, reason="spam")
    silence = sanctions.sanction_member(carol, "silence", actor=dave, reason="spam", days=2)
    client = login_as(dave)
    client.post(f"/moderation/sanctions/{ban.pk}/lift/")
    client.post(f"/moderation/sanctions/{silence.pk}/lift/")
    carol.refresh_from_db()
    assert carol.is_active and not Standing.objects.get(member=carol).is_silenced()


def test_member_sees_standing_and_appeals_once(login_as, bob, carol, mallory):
    warning = sanctions.sanction_member(carol, "warning", actor=bob, reason="ton agressif")
    client = login_as(carol)
    page = client.get("/moderation/standing/").content.decode()
    assert "ton agressif" in page and "Appeal" in page
    url = f"/moderation/sanctions/{warning.pk}/appeal/"
    assert client.post(url, {"text": "court"}).status_code == 302
    assert not Appeal.objects.exists()
    client.post(url, {"text": "Je citais quelqu'un, ce n'était pas mon propos."})
    assert Appeal.objects.get().sanction == warning
    client.post(url, {"text": "Encore une fois, je citais quelqu'un."})
    assert Appeal.objects.count() == 1
    assert (
        login_as(mallory).post(url, {"text": "Je ne suis pas concerné du tout."}).status_code == 404
    )


def test_appeal_window(bob, carol, dave):
    update_settings(actor=dave, appeal_window_days=7)
    warning = sanctions.sanction_member(carol, "warning", actor=bob, reason="spam")
    Sanction.objects.filter(pk=warning.pk).update(created_at=timezone.now() - timedelta(days=8))
    warning.refresh_from_db()
    with pytest.raises(Exception, match="ended"):
        appeals.file_appeal(warning, member=carol, text="Je conteste cette sanction.")


def test_moderator_cannot_decide_appeal_on_own_sanction(login_as, bob, alice, carol):
    warning = sanctions.sanction_member(carol, "warning", actor=bob, reason="spam")
    appeal = appeals.file_appeal(warning, member=carol, text="Ce n'était pas du spam.")
    url = f"/moderation/appeals/{appeal.pk}/decide/"
    assert login_as(bob).post(url, {"decision": "overturn", "note": "ok"}).status_code == 403
    appeal.refresh_from_db()
    assert appeal.is_pending


def test_another_moderator_decides_and_member_is_told(
    login_as, bob, alice, carol, django_capture_on_commit_callbacks
):
    silence = sanctions.sanction_member(carol, "silence", actor=bob, reason="spam", days=5)
    appeal = appeals.file_appeal(silence, member=carol, text="Ce n'était pas du spam.")
    with django_capture_on_commit_callbacks(execute=True):
        response = login_as(alice).post(
            f"/moderation/appeals/{appeal.pk}/decide/",
            {"decision": "overturn", "note": "Lien légitime."},
        )
    assert response.status_code == 302
    appeal.refresh_from_db()
    silence.refresh_from_db()
    assert appeal.status == "overturned" and silence.is_lifted
    assert not Standing.objects.get(member=carol).is_silenced()
    assert mail.outbox[-1].to == ["carol@example.com"] and "Lien légitime." in mail.outbox[-1].body
    assert Entry.objects.filter(verb="moderation.appeal.overturn", actor=alice).exists()


def test_appeal_decision_bad_input_and_member_denied(login_as, bob, alice, carol):
    warning = sanctions.sanction_member(carol, "warning", actor=bob, reason="spam")
    appeal = appeals.file_appeal(warning, member=carol, text="Ce n'était pas du spam.")
    url = f"/moderation/appeals/{appeal.pk}/decide/"
    assert login_as(carol).post(url, {"decision": "overturn", "note": "moi"}).status_code == 403
    assert login_as(alice).post(url, {"decision": "maybe", "note": ""}).status_code == 302
    appeal.refresh_from_db()
    assert appeal.is_pending
    assert login_as(alice).get("/moderation/appeals/").status_code == 200


def test_suspended_member_appeals_with_the_emailed_link(client, bob, carol):
    suspension = sanctions.sanction_member(carol, "suspension", actor=bob, reason="x", days=3)
    token = sanctions.appeal_token(suspension)
    assert client.get(f"/moderation/appeal/{token}/").status_code == 200
    client.post(f"/moderation/appeal/{token}/", {"text": "Je demande une révision."})
    assert Appeal.objects.get().member == carol
    assert client.get("/moderation/appeal/forged/").status_code == 404


def test_note_on_member(login_as, bob, carol):
    client = login_as(bob)
    client.post(f"/moderation/members/{carol.pk}/note/", {"text": "Déjà averti en privé."})
    assert "Déjà averti" in client.get(f"/moderation/members/{carol.pk}/").content.decode()
    assert (
        login_as(carol).post(f"/moderation/members/{carol.pk}/note/", {"text": "x"}).status_code
        == 403
    )


def test_sanction_and_upheld_appeal_are_emailed_in_the_members_language(
    bob, alice, carol, django_capture_on_commit_callbacks
):
    carol.language = "fr"
    carol.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        silence = sanctions.sanction_member(carol, "silence", actor=bob, reason="Pub", days=2)
    told = mail.outbox[-1]
    assert told.to == ["carol@example.com"] and "Pub" in told.body
    assert "/moderation/appeal/" in told.body  # the link to appeal, also without logging in
    appeal = appeals.file_appeal(silence, member=carol, text="Je ne faisais pas de pub.")
    with django_capture_on_commit_callbacks(execute=True):
        appeals.decide_appeal(appeal, actor=alice, overturn=False, note="Trois liens promo.")
    told = mail.outbox[-1]
    assert told.to == ["carol@example.com"] and "Trois liens promo." in told.body
    assert "recours" in told.subject.lower() or "appel" in told.subject.lower()
