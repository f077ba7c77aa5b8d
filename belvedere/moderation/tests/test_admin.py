"""The Django admin: moderation's audit trail is read-only; words and settings go through the
services (validation, audit row)."""

from belvedere.activity.models import Entry
from belvedere.moderation.models import ModerationSettings, Sanction, WatchedWord
from belvedere.moderation.services.sanctions import sanction_member
from belvedere.moderation.services.settings import update_settings

AUDIT_PAGES = ["queueitem", "flag", "sanction", "appeal", "moderatornote", "standing",
               "submission"]  # fmt: skip


def test_admin_lists_every_moderation_model(client, alice, bob, carol):
    sanction_member(carol, "warning", actor=bob, reason="Rude")
    client.force_login(alice)
    for name in [*AUDIT_PAGES, "watchedword", "moderationsettings"]:
        assert client.get(f"/admin/moderation/{name}/").status_code == 200, name


def test_admin_audit_trail_is_read_only(client, alice, bob, carol):
    sanction = sanction_member(carol, "warning", actor=bob, reason="Rude")
    client.force_login(alice)
    assert client.get("/admin/moderation/sanction/add/").status_code == 403
    page = client.get(f"/admin/moderation/sanction/{sanction.pk}/change/")
    assert page.status_code == 200 and b'name="reason"' not in page.content
    client.post(f"/admin/moderation/sanction/{sanction.pk}/delete/", {"post": "yes"})
    assert Sanction.objects.filter(pk=sanction.pk).exists()


def test_admin_adds_words_through_the_service(client, alice):
    client.force_login(alice)
    data = {"pattern": "abruti", "action": "block", "language": "any", "category": ""}
    response = client.post("/admin/moderation/watchedword/add/", data)
    assert response.status_code == 302
    word = WatchedWord.objects.get(pattern="abruti")
    assert Entry.objects.filter(verb="moderation.word.create", target_id=str(word.pk)).exists()


def test_admin_refuses_bad_words_with_a_message(client, alice):
    client.force_login(alice)
    data = {"pattern": "(a+)+$", "is_regex": "on", "action": "block", "language": "any"}
    response = client.post("/admin/moderation/watchedword/add/", data)
    assert response.status_code == 200 and b"errornote" in response.content
    WatchedWord.objects.create(pattern="abruti", action="block")
    data = {"pattern": "abruti", "action": "flag", "language": "any"}
    response = client.post("/admin/moderation/watchedword/add/", data)
    assert response.status_code == 200 and WatchedWord.objects.count() == 1


def _form_value(value):
    if value is True:
        return "on"
    return "" if value is None or value is False else value


def test_admin_edits_settings_through_the_service(client, alice):
    client.force_login(alice)
    assert client.get("/admin/moderation/moderationsettings/add/").status_code == 200
    current = update_settings(actor=alice, appeal_window_days=14)
    assert client.get("/admin/moderation/moderationsettings/add/").status_code == 403
    url = f"/admin/moderation/moderationsettings/{current.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200, page
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    blank = (None, False)
    data = {
        k: "on" if v is True else "" if any(v is b for b in blank) else v for k, v in data.items()
    }
    data.update(appeal_window_days="21", ladder='[{"kind": "ban"}]')
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert ModerationSettings.objects.get().appeal_window_days == 21
    assert Entry.objects.filter(verb="moderation.settings.update").exists()
    data.update(ladder='[{"kind": "silence"}]')  # a silence needs days
    response = client.post(url, data)
    assert response.status_code == 200 and b"errornote" in response.content


def test_admin_is_refused_to_moderators_and_members(client, bob, carol):
    for user in (bob, carol):
        client.force_login(user)
        assert client.get("/admin/moderation/queueitem/").status_code == 302
