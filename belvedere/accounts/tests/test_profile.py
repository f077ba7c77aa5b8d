from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from belvedere.accounts.tests.helpers import image_bytes
from belvedere.activity.models import Entry

URL = reverse("accounts:profile")


def form(user, **changes):
    data = {
        "display_name": user.display_name,
        "bio": user.bio,
        "language": user.language,
        "time_zone": user.time_zone,
    }
    return data | changes


def test_profile_page_shows_the_member(login_as, carol):
    response = login_as(carol).get(URL)
    assert response.status_code == 200
    assert carol.email in response.content.decode()


def test_profile_needs_a_signed_in_member(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))


def test_profile_saves_changes_and_records_them(login_as, carol):
    client = login_as(carol)
    changes = {"display_name": "Caroline", "bio": "Hi", "time_zone": "Europe/Paris"}
    response = client.post(URL, form(carol, language="fr", **changes))
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "fr"
    carol.refresh_from_db()
    assert (carol.display_name, carol.language, carol.time_zone) == (
        "Caroline",
        "fr",
        "Europe/Paris",
    )
    entry = Entry.objects.get(verb="member.update_profile")
    assert entry.actor == carol and not entry.is_staff_action
    assert set(entry.metadata["fields"]) == {"display_name", "bio", "time_zone", "language"}


def test_profile_without_changes_records_nothing(login_as, carol):
    login_as(carol).post(URL, form(carol))
    assert not Entry.objects.filter(verb="member.update_profile").exists()


def test_profile_refuses_bad_values(login_as, carol, bob):
    client = login_as(carol)
    for bad in (
        {"time_zone": "Mars/Olympus"},
        {"language": "xx"},
        {"display_name": "b"},
        {"display_name": "BOB"},
        {"bio": "x" * 3000},
    ):
        response = client.post(URL, form(carol, **bad))
        assert response.status_code == 200, bad
        assert 'role="alert"' in response.content.decode()
    carol.refresh_from_db()
    assert carol.display_name == "Carol" and carol.time_zone == ""


def test_profile_refused_form_does_not_show_the_refused_name(login_as, carol, bob):
    response = login_as(carol).post(URL, form(carol, display_name="Bob"))
    assert 'class="me">Carol<' in response.content.decode()


def upload(name, content, content_type):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_avatar_accepts_a_png(login_as, carol):
    client = login_as(carol)
    avatar = upload("me.png", image_bytes(), "image/png")
    assert client.post(URL, form(carol, avatar=avatar)).status_code == 302
    carol.refresh_from_db()
    assert carol.avatar.name.startswith("avatars/")
    assert carol.avatar.storage.exists(carol.avatar.name)


def test_avatar_replacement_deletes_the_old_file(
    login_as, carol, django_capture_on_commit_callbacks
):
    client = login_as(carol)
    client.post(URL, form(carol, avatar=upload("a.png", image_bytes(), "image/png")))
    carol.refresh_from_db()
    old = carol.avatar.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form(carol, avatar=upload("b.png", image_bytes("JPEG"), "image/jpeg")))
    carol.refresh_from_db()
    assert carol.avatar.name != old
    assert not carol.avatar.storage.exists(old)


def test_avatar_refuses_a_file_that_is_not_an_image(login_as, carol):
    avatar = upload("me.png", b"MZ\x90\x00 not an image at all", "image/png")
    response = login_as(carol).post(URL, form(carol, avatar=avatar))
    assert response.status_code == 200
    carol.refresh_from_db()
    assert not carol.avatar


def test_avatar_refuses_an_svg(login_as, carol):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = login_as(carol).post(URL, form(carol, avatar=upload("x.svg", svg, "image/svg+xml")))
    assert response.status_code == 200
    carol.refresh_from_db()
    assert not carol.avatar


def test_avatar_refuses_an_oversize_file(login_as, carol, settings):
    settings.AVATAR_MAX_BYTES = 1024
    big = upload("big.png", image_bytes("BMP", (200, 200)), "image/png")
    response = login_as(carol).post(URL, form(carol, avatar=big))
    assert response.status_code == 200
    assert "too large" in response.content.decode()
    carol.refresh_from_db()
    assert not carol.avatar


def test_avatar_refuses_a_format_outside_the_list(login_as, carol):
    tiff = upload("me.tiff", image_bytes("TIFF"), "image/tiff")
    response = login_as(carol).post(URL, form(carol, avatar=tiff))
    assert response.status_code == 200
    carol.refresh_from_db()
    assert not carol.avatar


def test_avatar_refuses_too_many_pixels(login_as, carol):
    wide = upload("wide.png", image_bytes("PNG", (5000, 1)), "image/png")
    response = login_as(carol).post(URL, form(carol, avatar=wide))
    assert "4096" in response.content.decode()
