"""Managers' pages: watched words (with CSV) and settings."""

from django.core.files.uploadedfile import SimpleUploadedFile

from belvedere.activity.models import Entry
from belvedere.moderation.models import ModerationSettings, WatchedWord


def test_words_pages_need_a_manager(client, login_as, bob):
    assert client.get("/moderation/words/").status_code == 302
    assert login_as(bob).get("/moderation/words/").status_code == 403
    assert (
        login_as(bob).post("/moderation/words/", {"pattern": "x", "action": "block"}).status_code
        == 403
    )


def test_words_create_edit_delete(login_as, dave):
    client = login_as(dave)
    data = {"pattern": "connard", "action": "block", "language": "any", "clause_key": "harassment"}
    response = client.post("/moderation/words/", data)
    assert response.status_code == 302
    word = WatchedWord.objects.get()
    assert Entry.objects.filter(verb="moderation.word.create", actor=dave).exists()
    response = client.post(
        f"/moderation/words/{word.pk}/",
        {"pattern": "connard", "action": "censor", "language": "any"},
    )
    word.refresh_from_db()
    assert response.status_code == 302 and word.action == "censor"
    assert "connard" in client.get("/moderation/words/").content.decode()
    client.post(f"/moderation/words/{word.pk}/delete/")
    assert not WatchedWord.objects.exists()


def test_words_bad_input(login_as, dave):
    client = login_as(dave)
    assert (
        client.post(
            "/moderation/words/",
            {"pattern": "(a+)+", "action": "block", "is_regex": "on", "language": "any"},
        ).status_code
        == 400
    )
    assert (
        client.post(
            "/moderation/words/", {"pattern": "!!!", "action": "block", "language": "any"}
        ).status_code
        == 400
    )
    assert (
        client.post(
            "/moderation/words/", {"pattern": "x", "action": "replace", "language": "any"}
        ).status_code
        == 400
    )
    assert (
        client.post(
            "/moderation/words/", {"pattern": "x", "action": "nope", "language": "any"}
        ).status_code
        == 400
    )
    assert not WatchedWord.objects.exists()
    assert client.get("/moderation/words/999/").status_code == 404


def test_words_csv_import_and_export(login_as, dave):
    client = login_as(dave)
    data = (
        "pattern,action,regex,replacement,clause,category,language\n"
        "connard,block,no,,harassment,insult,fr\n"
        "zut,replace,no,flûte,,,any\n"
        "(a+)+,block,yes,,,,any\n"
        ",block,no,,,,any\n"
    )
    upload = SimpleUploadedFile("words.csv", data.encode(), content_type="text/csv")
    response = client.post("/moderation/words/import/", {"file": upload}, follow=True)
    assert WatchedWord.objects.count() == 2
    assert "Line 4" in response.content.decode() and "Line 5" in response.content.decode()
    export = client.get("/moderation/words/export/")
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "connard,block,no,,harassment,insult,fr" in text and "zut,replace,no,flûte" in text
    bad = SimpleUploadedFile("x.csv", b"\xff\xfe\x00garbage", content_type="text/csv")
    assert client.post("/moderation/words/import/", {"file": bad}).status_code == 302


def test_settings_page(client, login_as, dave, bob):
    assert login_as(bob).get("/moderation/settings/").status_code == 403
    client = login_as(dave)
    page = client.get("/moderation/settings/")
    assert page.status_code == 200
    form = {
        "hold_threshold": "0.7", "reject_threshold": "0.95", "blocked_domains": "spam.example",
        "allowed_domains": "", "first_post_max_links": "1", "min_seconds_between_posts": "10",
        "duplicate_window_hours": "24", "review_first_posts": "on", "flag_hide_score": "5",
        "appeal_window_days": "10", "api_requests_per_minute": "30",
        "ladder": '[{"kind": "warning"}, {"kind": "ban"}]',
        "trust_limits": '{"0": {"links": 1}}', "trust_thresholds": '{"1": {"posts": 2}}',
    }  # fmt: skip
    assert client.post("/moderation/settings/", form).status_code == 302
    saved = ModerationSettings.objects.get()
    assert saved.hold_threshold == 0.7 and saved.ladder[-1] == {"kind": "ban"}
    bad = {**form, "ladder": '[{"kind": "jail"}]'}
    assert client.post("/moderation/settings/", bad).status_code == 400
    bad = {**form, "trust_limits": "{oops"}
    assert client.post("/moderation/settings/", bad).status_code == 400
    bad = {**form, "hold_threshold": "7"}
    assert client.post("/moderation/settings/", bad).status_code == 400


def test_stats_page_and_csv(login_as, bob, carol, forum):
    forum.topic(carol, body="Espèce de connard, tu racontes que des conneries ici")
    client = login_as(bob)
    page = client.get("/moderation/stats/")
    assert page.status_code == 200 and "false positives" in page.content.decode()
    csv = client.get("/moderation/stats/?start=2020-01-01&end=2030-01-01&format=csv")
    assert "queue_size,1" in b"".join(csv.streaming_content).decode()
    assert client.get("/moderation/stats/?start=2030-01-01&end=2020-01-01").status_code == 400
    assert client.get("/moderation/stats/?start=yesterday").status_code == 400
    assert login_as(carol).get("/moderation/stats/").status_code == 403
