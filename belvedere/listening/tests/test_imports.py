"""CSV/JSON imports and the inbound webhook."""

import json

import pytest
from django.urls import reverse

from belvedere.activity.models import Entry
from belvedere.listening.connectors.upload import parse_upload
from belvedere.listening.models import Mention
from belvedere.listening.services.sources import rotate_secret

CSV = (
    "text,url,author,published_at,lang\n"
    "Belvédère est top,https://ex.com/1?utm_source=a,Chloé,2026-05-01T10:00:00Z,fr\n"
    ",https://ex.com/2,Sam,,en\n"
    "Bad date,https://ex.com/3,Sam,yesterday,en\n"
    "Bad url,javascript:alert(1),Sam,,en\n"
    '"Multi\nline",https://ex.com/5,Ana,2026-05-02,fr\n'
)


def test_parse_upload_reports_row_errors_with_line_numbers():
    raws, errors = parse_upload(CSV.encode(), "m.csv")
    assert [r.text for r in raws] == ["Belvédère est top", "Multi\nline"]
    assert [(e.line, e.message.split()[0]) for e in errors] == [
        (3, "“text”"),
        (4, "“published_at”"),
        (5, "“url”"),
    ]


def test_parse_upload_json_and_bad_files():
    items = [{"text": "a", "id": "1"}, {"title": ""}, "nope"]
    raws, errors = parse_upload(json.dumps(items).encode(), "m.json")
    assert len(raws) == 1 and [e.line for e in errors] == [2, 3]
    with pytest.raises(ValueError, match="JSON"):
        parse_upload(b"{nope", "m.json")
    with pytest.raises(ValueError, match="header"):
        parse_upload(b"a,b\n1,2\n", "m.csv")


def test_import_view_keeps_valid_rows(client, dave, make_source):
    source = make_source("import")
    client.force_login(dave)
    upload = {"file": _file("m.csv", CSV)}
    response = client.post(reverse("listening:source_import", args=[source.pk]), upload)
    assert response.status_code == 302
    assert Mention.objects.filter(source=source).count() == 2
    assert Entry.objects.filter(verb="listening.mentions_imported").exists()
    shown = [str(m) for m in response.wsgi_request._messages]
    assert any("Line 3" in m for m in shown)


def test_import_view_refuses_bad_input_and_outsiders(client, dave, carol, make_source):
    source = make_source("import")
    url = reverse("listening:source_import", args=[source.pk])
    client.force_login(carol)
    assert client.post(url, {"file": _file("m.csv", CSV)}).status_code == 403
    client.force_login(dave)
    assert client.post(url, {"file": _file("m.txt", "x")}).status_code == 400
    assert client.post(url, {"file": _file("m.csv", "a,b\n")}).status_code == 400
    assert Mention.objects.count() == 0


def _file(name, text):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, text.encode())


@pytest.fixture
def hook(make_source, dave):
    source = make_source("webhook", config={"platform": "zapier"})
    secret = rotate_secret(source, actor=dave)
    return source, reverse("listening:hook", args=[source.pk, secret])


def test_webhook_accepts_one_or_many_mentions(client, hook, fresh_cache):
    source, url = hook
    one = {"text": "Belvédère rocks", "url": "https://ex.com/x", "id": "42"}
    response = client.post(url, one, content_type="application/json")
    assert response.status_code == 202 and response.json()["created"] == 1
    many = {"mentions": [one, {"text": "other"}, {"nope": 1}]}
    body = client.post(url, many, content_type="application/json").json()
    assert body == {
        "created": 1,
        "duplicates": 1,
        "errors": [{"item": 3, "detail": body["errors"][0]["detail"]}],
    }
    assert Mention.objects.filter(platform="zapier").count() == 2


def test_webhook_refuses_bad_secret_bad_body_and_floods(client, hook, fresh_cache, settings):
    source, url = hook
    wrong = reverse("listening:hook", args=[source.pk, "wrong"])
    assert client.post(wrong, {}, content_type="application/json").status_code == 404
    assert client.get(url).status_code == 405
    bad = client.post(url, "{nope", content_type="application/json")
    assert bad.status_code == 400 and "JSON" in bad.json()["detail"]
    empty = client.post(url, [{"x": 1}], content_type="application/json")
    assert empty.status_code == 400
    big = client.post(url, "x" * (1024 * 1024 + 1), content_type="application/json")
    assert big.status_code == 413
    for _ in range(60):
        client.post(url, {"text": "t"}, content_type="application/json")
    assert client.post(url, {"text": "t"}, content_type="application/json").status_code == 429


def test_webhook_of_a_disabled_source(client, hook, fresh_cache):
    source, url = hook
    source.enabled = False
    source.save(update_fields=["enabled"])
    assert client.post(url, {"text": "t"}, content_type="application/json").status_code == 409
