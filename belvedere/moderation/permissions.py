"""Who may do what in moderation. Views, the API and services' callers ask here."""

from belvedere.accounts.models import Role
from belvedere.accounts.permissions import has_role
from belvedere.moderation.models import SanctionKind


def can_moderate(user) -> bool:
    """Moderators and above work the queue, flags, notes, warnings, silences, suspensions."""
    return has_role(user, Role.MODERATOR)


def can_manage_policy(user) -> bool:
    """Community managers edit watched words, settings and trust levels."""
    return has_role(user, Role.MANAGER)


def can_sanction(user, member, kind: str) -> bool:
    """Moderators warn, silence and suspend members; managers also ban. Never oneself, never
    someone of the same or a higher role."""
    if not can_moderate(user) or member is None or user.pk == member.pk:
        return False
    if member.has_role(user.role):
        return False
    if kind == SanctionKind.BAN:
        return can_manage_policy(user)
    return True


def can_flag(user) -> bool:
    return has_role(user, Role.MEMBER)


def can_appeal(user, sanction) -> bool:
    return bool(user and user.is_authenticated and sanction.member_id == user.pk)


def can_decide_appeal(user, appeal) -> bool:
    """Another moderator than the one who sanctioned (and not the appellant) decides."""
    if not can_moderate(user):
        return False
    return user.pk not in (appeal.sanction.created_by_id, appeal.member_id)
