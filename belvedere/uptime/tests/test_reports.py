"""Members' reports and suggestions: create, screenshot checks, rate limit, votes, triage."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from belvedere.activity.models import Entry
from belvedere.uptime.models import Report, Vote


def png(size=(8, 8)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, "PNG")
    return SimpleUploadedFile("shot.png", buffer.getvalue(), content_type="image/png")


def test_report_a_problem_with_screenshot(login_as, carol, bob):
    client = login_as(carol)
    form = client.get("/uptime/report/?page=/forum/t/3/")
    assert form.status_code == 200 and b"/forum/t/3/" in form.content
    response = client.post(
        "/uptime/report/",
        {
            "title": "Reply fails",
            "description": "Error 500",
            "page_url": "/forum/t/3/",
            "screenshot": png(),
        },
        HTTP_USER_AGENT="Firefox/140",
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.kind == "problem" and report.user_agent == "Firefox/140" and report.screenshot
    assert client.get("/uptime/reports/mine/").status_code == 200
    assert client.get(f"/uptime/triage/{report.pk}/screenshot/").status_code == 403
    shot = login_as(bob).get(f"/uptime/triage/{report.pk}/screenshot/")
    assert shot.status_code == 200 and shot["Content-Security-Policy"] == "default-src 'none'"


def test_report_needs_login(client, db):
    assert client.get("/uptime/report/").status_code == 302


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("x.png", b"not an image", content_type="image/png"),
        SimpleUploadedFile("x.svg", b"<svg onload='x()'/>", content_type="image/svg+xml"),
    ],
)
def test_report_refuses_bad_screenshots(login_as, carol, upload):
    data = {"title": "t", "description": "d", "screenshot": upload}
    response = login_as(carol).post("/uptime/report/", data)
    assert response.status_code == 400 and not Report.objects.exists()


def test_report_refuses_a_huge_screenshot(login_as, carol, settings):
    from belvedere.uptime import forms

    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
    original, forms.SCREENSHOT_MAX_BYTES = forms.SCREENSHOT_MAX_BYTES, 100
    try:
        response = login_as(carol).post(
            "/uptime/report/", {"title": "t", "description": "d", "screenshot": png((64, 64))}
        )
    finally:
        forms.SCREENSHOT_MAX_BYTES = original
    assert response.status_code == 400 and b"2 MB" in response.content


def test_report_bad_input(login_as, carol):
    response = login_as(carol).post("/uptime/report/", {"title": "", "page_url": "javascript:x()"})
    assert response.status_code == 400
    assert {"title", "description", "page_url"} <= set(response.context["form"].errors)


def test_member_report_url_is_never_fetched(login_as, carol, recorder, private_ok):
    data = {"title": "t", "description": "d", "page_url": recorder.base + "/secret"}
    assert login_as(carol).post("/uptime/report/", data).status_code == 302
    assert Report.objects.get().page_url.endswith("/secret")
    assert recorder.requests == []


def test_reports_are_rate_limited(login_as, carol, settings):
    settings.UPTIME_REPORTS_PER_HOUR = 2
    client = login_as(carol)
    for _ in range(2):
        assert client.post("/uptime/report/", {"title": "t", "description": "d"}).status_code == 302
    response = client.post("/uptime/report/", {"title": "t", "description": "d"})
    assert response.status_code == 400 and b"many reports" in response.content
    assert Report.objects.count() == 2


def test_suggestion_board_one_vote_per_member(login_as, carol, mallory):
    client = login_as(carol)
    assert (
        client.post(
            "/uptime/suggestions/", {"title": "Dark mode", "description": "Please"}
        ).status_code
        == 302
    )
    report = Report.objects.get(kind="suggestion")
    other = login_as(mallory)
    other.post(f"/uptime/suggestions/{report.pk}/vote/", {"vote": "1"})
    other.post(f"/uptime/suggestions/{report.pk}/vote/", {"vote": "1"})
    report.refresh_from_db()
    assert report.vote_count == 1 and Vote.objects.count() == 1
    partial = other.post(
        f"/uptime/suggestions/{report.pk}/vote/", {"vote": "0"}, HTTP_HX_REQUEST="true"
    )
    assert partial.status_code == 200 and b"Vote" in partial.content
    report.refresh_from_db()
    assert report.vote_count == 0
    assert other.get("/uptime/suggestions/").status_code == 200
    assert client.post("/uptime/suggestions/", {"title": ""}).status_code == 400


def test_cannot_vote_on_a_problem_report(login_as, carol, mallory):
    report = Report.objects.create(kind="problem", title="x", description="y", reporter=mallory)
    assert login_as(carol).post(f"/uptime/suggestions/{report.pk}/vote/").status_code == 403


def test_triage(login_as, bob, carol, mallory):
    report = Report.objects.create(kind="problem", title="x", description="y", reporter=carol)
    original = Report.objects.create(kind="problem", title="orig", description="y", reporter=carol)
    client = login_as(bob)
    assert client.get("/uptime/triage/?kind=problem").status_code == 200
    assert client.get("/uptime/triage/?format=csv").status_code == 200
    response = client.post(
        f"/uptime/triage/{report.pk}/",
        {"status": "new", "severity": "high", "duplicate_of": original.pk},
    )
    report.refresh_from_db()
    assert (
        response.status_code == 302 and report.status == "duplicate" and report.severity == "high"
    )
    assert Entry.objects.filter(verb="uptime.report_triaged", is_staff_action=True).exists()
    bad = client.post(f"/uptime/triage/{report.pk}/", {"status": "new", "severity": "urgent"})
    assert bad.status_code == 400
    assert login_as(mallory).get("/uptime/triage/").status_code == 403
    assert login_as(mallory).get(f"/uptime/triage/{report.pk}/").status_code == 403
