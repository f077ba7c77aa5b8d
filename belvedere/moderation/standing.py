"""Reads about a member's standing: trust level and restrictions (no writes here)."""

from belvedere.accounts.models import Role
from belvedere.accounts.permissions import has_role
from belvedere.moderation.models import Standing

STAFF_TRUST = 4


def get_standing(member) -> Standing:
    """The member's standing row, or an unsaved level-0 one."""
    if member is None or not getattr(member, "pk", None):
        return Standing(trust_level=0)
    standing = Standing.objects.filter(member_id=member.pk).first()
    return standing or Standing(member_id=member.pk, trust_level=0)


def effective_trust(member, standing: Standing | None = None) -> int:
    """Staff count as the highest level; others have the level they earned or were given."""
    if has_role(member, Role.MODERATOR):
        return STAFF_TRUST
    standing = standing or get_standing(member)
    return standing.trust_level
