"""Profile bios as moderatable content. Accounts sits below moderation, so moderation
registers its adapter itself (through `get_user_model()`), calling accounts' services."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from belvedere.accounts.services import update_profile
from belvedere.moderation import registry
from belvedere.moderation.registry import ContentAdapter, ContentState


def _clear_bio(member, *, actor, reason: str = "") -> bool:
    if not member.bio:
        return False
    return bool(update_profile(member, actor=actor or member, bio=""))


def _edit_bio(member, *, actor, text: str, reason: str = "") -> None:
    update_profile(member, actor=actor or member, bio=text[:2000])


BIO_ADAPTER = ContentAdapter(
    label=_("Profile bio"),
    preview=lambda member: member.bio,
    author=lambda member: member,
    url=lambda member: reverse("accounts:member_detail", args=[member.pk]),
    state=lambda member: ContentState(hidden=not member.bio),
    hide=_clear_bio,
    delete=_clear_bio,
    reject=_clear_bio,
    edit=_edit_bio,
    text=lambda member: member.bio,
    kinds=("accounts.bio",),
)


def register_bios() -> None:
    registry.register(get_user_model(), BIO_ADAPTER)
