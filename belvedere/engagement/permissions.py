"""Who may do what in engagement: `can_<verb>(user, obj) -> bool`, no queries beyond the objects."""

from belvedere.accounts.models import Role
from belvedere.accounts.permissions import has_role
from belvedere.engagement.models import Event, EventStatus, Programme, ProgrammeStatus


def is_member(user) -> bool:
    return has_role(user, Role.MEMBER)


def can_manage_engagement(user) -> bool:
    """People, merges, scores, ambassadors, events and programmes are run by managers."""
    return has_role(user, Role.MANAGER)


def can_see_event(user, event: Event, *, invited: bool = False) -> bool:
    if can_manage_engagement(user):
        return True
    if event.status == EventStatus.DRAFT:
        return False
    return not event.invitation_only or invited


def can_register(user, event: Event, *, invited: bool = False) -> bool:
    return (
        is_member(user)
        and event.status == EventStatus.PUBLISHED
        and not event.is_past
        and (not event.invitation_only or invited)
    )


def can_check_in(user, event: Event) -> bool:
    return can_manage_engagement(user)


def can_apply(user, programme: Programme) -> bool:
    return is_member(user) and programme.status == ProgrammeStatus.OPEN


def is_team(user) -> bool:
    """Moderators and above are the team: they are left out of scores and ambassadors."""
    return bool(user and user.is_active and user.has_role(Role.MODERATOR))
