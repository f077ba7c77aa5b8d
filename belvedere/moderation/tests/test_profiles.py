"""Member profiles (display name, bio) are screened when written, like posts: a refusal keeps
the text in the form, a held bio waits for review (the profile shows the previous one)."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from belvedere.accounts.models import User
from belvedere.accounts.services import update_profile
from belvedere.moderation.models import QueueItem, Resolution
from belvedere.moderation.services.flags import flag_content
from belvedere.moderation.services.queue import decide_item
from belvedere.moderation.services.settings import update_settings

HELD_BIO = "Je vends des PROMOTIONS incroyables, écrivez-moi"


@pytest.fixture
def profile_form(carol):
    return {"display_name": carol.display_name, "bio": "", "language": "", "time_zone": ""}


def test_profile_blocked_bio_is_refused_and_kept_in_the_form(login_as, carol, word, profile_form):
    word("connard", "block")
    client = login_as(carol)
    response = client.post("/accounts/profile/", {**profile_form, "bio": "Un vrai c0nn4rd"})
    page = response.content.decode()
    assert response.status_code == 200 and "c0nn4rd" in page and "does not accept" in page
    carol.refresh_from_db()
    assert carol.bio == "" and carol.pending_bio == ""


def test_profile_held_bio_waits_for_review_then_is_approved(
    login_as, carol, bob, word, profile_form, committed
):
    word("promo*", "approve", clause_key="spam")
    update_profile(carol, actor=carol, bio="Fan de thermostats.")
    with committed():
        response = login_as(carol).post("/accounts/profile/", {**profile_form, "bio": HELD_BIO})
    assert response.status_code == 302
    carol.refresh_from_db()
    assert carol.bio == "Fan de thermostats." and carol.pending_bio == HELD_BIO
    page = login_as(carol).get("/accounts/profile/").content.decode()
    assert "waits for a moderator" in page and "PROMOTIONS" in page  # the form keeps it
    public = login_as(bob).get(f"/forum/u/{carol.pk}/").content.decode()
    assert "PROMOTIONS" not in public and "Fan de thermostats." in public
    item = QueueItem.objects.get(held=True)
    assert item.author == carol and "PROMOTIONS" in item.preview and item.clause == "spam"
    decide_item(item, "approve", actor=bob)
    carol.refresh_from_db()
    assert carol.bio == HELD_BIO and carol.pending_bio == "" and carol.profile_screening == {}


def test_profile_held_bio_rejected_tells_the_member(carol, bob, word, committed):
    word("promo*", "approve")
    with committed():
        update_profile(carol, actor=carol, bio=HELD_BIO)
    item = QueueItem.objects.get(held=True)
    with committed():
        decide_item(item, "reject", actor=bob, reason="Pas de pub")
    carol.refresh_from_db()
    assert carol.pending_bio == "" and carol.bio == ""
    assert item.__class__.objects.get(pk=item.pk).resolution == Resolution.REJECTED
    assert mail.outbox[-1].to == [carol.email] and "Pas de pub" in mail.outbox[-1].body


def test_profile_display_names_refused_when_blocked_or_held(carol, word):
    word("connard", "block")
    word("promo*", "approve")
    for name in ("Le c0nnard", "Promo King"):
        with pytest.raises(ValidationError) as refusal:
            update_profile(carol, actor=carol, display_name=name)
        assert "display_name" in refusal.value.message_dict
    carol.refresh_from_db()
    assert carol.display_name == "Carol"


def test_profile_flagged_display_name_is_saved_and_queued(carol, bob, word, committed):
    word("arnaque", "flag")
    with committed():
        update_profile(carol, actor=carol, display_name="Arnaque Buster")
    carol.refresh_from_db()
    assert carol.display_name == "Arnaque Buster"
    item = QueueItem.objects.get()
    assert not item.held and "word:arnaque" in item.reasons
    decide_item(item, "approve", actor=bob)
    carol.refresh_from_db()
    assert carol.profile_screening == {}


def test_profile_rejected_for_its_name_resets_the_name_and_keeps_the_bio(
    carol, bob, word, committed
):
    word("arnaque", "flag")
    update_profile(carol, actor=carol, bio="Fan de thermostats.")
    with committed():
        update_profile(carol, actor=carol, display_name="Arnaque Buster")
    item = QueueItem.objects.get()
    with committed():
        decide_item(item, "reject", actor=bob, reason="Nom trompeur")
    carol.refresh_from_db()
    assert carol.display_name == f"member-{carol.pk}" and carol.bio == "Fan de thermostats."
    assert carol.profile_screening == {}
    assert mail.outbox[-1].to == [carol.email] and "Nom trompeur" in mail.outbox[-1].body
    update_profile(carol, actor=carol, display_name="Carol B.")  # and picks another
    carol.refresh_from_db()
    assert carol.display_name == "Carol B."


def test_profile_rejected_for_name_and_bio_loses_both(carol, bob, word, committed):
    word("arnaque", "flag")
    with committed():
        update_profile(carol, actor=carol, display_name="Arnaque Buster", bio="Une arnaque ici")
    assert carol.profile_screening["fields"] == ["bio", "display_name"]
    decide_item(QueueItem.objects.get(), "reject", actor=bob)
    carol.refresh_from_db()
    assert carol.display_name == f"member-{carol.pk}" and carol.bio == ""


def test_profile_name_reset_never_takes_a_name_in_use(carol, mallory, bob):
    from belvedere.accounts.services import reset_display_name

    update_profile(mallory, actor=bob, display_name=f"Member-{carol.pk}")
    assert reset_display_name(carol, actor=bob)
    carol.refresh_from_db()
    assert carol.display_name.startswith(f"member-{carol.pk}-")


def test_profile_staff_corrections_are_not_screened(carol, bob, word):
    word("promo*", "approve")
    update_profile(carol, actor=bob, bio=HELD_BIO)
    carol.refresh_from_db()
    assert carol.bio == HELD_BIO and carol.pending_bio == ""


def test_signup_refuses_a_blocked_display_name(client, word, db):
    word("connard", "block")
    data = {"email": "new@example.com", "display_name": "Gros C0nnard",
            "password1": "correct horse battery staple",
            "password2": "correct horse battery staple"}  # fmt: skip
    response = client.post("/accounts/signup/", data)
    assert response.status_code == 200 and "does not accept" in response.content.decode()
    assert not User.objects.filter(email="new@example.com").exists()


def test_api_me_refuses_or_holds_the_bio(carol, token_for, client, word, committed):
    word("connard", "block")
    word("promo*", "approve")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token_for(carol)}"}
    response = client.patch(
        "/api/v1/accounts/me", {"bio": "c0nnard"}, content_type="application/json", **headers
    )
    assert response.status_code == 422 and "does not accept" in response.content.decode()
    with committed():
        response = client.patch(
            "/api/v1/accounts/me", {"bio": HELD_BIO}, content_type="application/json", **headers
        )
    assert response.status_code == 200
    assert response.json()["bio"] == "" and response.json()["pending_bio"] == HELD_BIO
    assert QueueItem.objects.filter(held=True, author=carol).exists()


def test_profile_hidden_after_flags_keeps_the_text_and_revision_is_reviewed(
    login_as, carol, mallory, bob, alice, committed
):
    update_settings(actor=alice, flag_hide_score=1)
    update_profile(carol, actor=carol, bio="Un lien douteux vers mon site")
    with committed():
        flag_content(carol, flagger=mallory, reason="spam")
    carol.refresh_from_db()
    assert carol.bio == "" and carol.pending_bio == "Un lien douteux vers mon site"
    item = QueueItem.objects.get(auto_hidden=True)
    client = login_as(carol)
    with committed():
        response = client.post(f"/moderation/items/{item.pk}/revise/", {"text": "Fan de vélo."})
    assert response.status_code == 302
    carol.refresh_from_db()
    assert carol.bio == "" and carol.pending_bio == "Fan de vélo."
    item.refresh_from_db()
    assert item.is_open and item.held
    decide_item(item, "approve", actor=bob)
    carol.refresh_from_db()
    assert carol.bio == "Fan de vélo." and carol.pending_bio == ""


def test_profile_page_masks_the_bio_and_offers_a_flag_to_others(login_as, carol, mallory, dave):
    from belvedere.moderation.services.words import create_word

    create_word(actor=dave, pattern="zutrerie", action="censor")
    update_profile(carol, actor=carol, bio="Ma zutrerie préférée")
    flag_url = f"/moderation/flag/accounts.user/{carol.pk}/"
    page = login_as(mallory).get(f"/forum/u/{carol.pk}/").content.decode()
    assert "zutrerie" not in page and "■■■■■■■■" in page and flag_url in page
    page = login_as(carol).get(f"/forum/u/{carol.pk}/").content.decode()
    assert flag_url not in page  # not on one's own profile
