"""Member profiles (display name and bio) as moderatable content. Accounts sits below
moderation, so moderation registers the adapter itself (through `get_user_model()`), and every
action calls accounts' own services.

Accounts screens what a member writes on their profile through `core.screening` (kinds
`accounts.display_name` and `accounts.bio`): a held bio waits in `pending_bio` (the profile
keeps showing the previous one) and its `member.update_profile` ledger entry opens a queue item.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from belvedere.accounts import services as accounts
from belvedere.moderation import registry
from belvedere.moderation.registry import ContentAdapter, ContentState


def _preview(member) -> str:
    return f"{member.display_name}\n\n{member.pending_bio or member.bio}".strip()


def _state(member) -> ContentState:
    screening = member.profile_screening or {}
    held = bool(member.pending_bio) and screening.get("action") == "hold"
    return ContentState(
        held=held,
        flagged=screening.get("action") == "flag",
        hidden=bool(member.pending_bio) and not held,
        reasons=tuple(screening.get("reasons") or ()),
        clause=screening.get("clause") or "",
    )


def _edit(member, *, actor, text: str, reason: str = "") -> None:
    if actor is not None and actor.pk == member.pk:  # the member revises a hidden bio
        accounts.submit_bio_for_review(member, text)
    else:
        accounts.update_profile(member, actor=actor, bio=text[:2000])


PROFILE_ADAPTER = ContentAdapter(
    label=_("Member profile"),
    preview=_preview,
    author=lambda member: member,
    url=lambda member: reverse("accounts:member_detail", args=[member.pk]),
    state=_state,
    hide=accounts.hold_bio,
    restore=accounts.publish_pending_bio,
    approve=accounts.publish_pending_bio,
    delete=accounts.discard_bio,
    reject=accounts.reject_profile,
    edit=_edit,
    text=lambda member: member.pending_bio or member.bio,
    kinds=("accounts.bio", "accounts.display_name"),
    queue_verbs=frozenset({"member.update_profile", "member.bio.revise"}),
)


def register_profiles() -> None:
    registry.register(get_user_model(), PROFILE_ADAPTER)
