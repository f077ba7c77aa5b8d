"""Who may do what in analytics: community managers and admins read and run it."""

from belvedere.accounts.models import Role
from belvedere.accounts.permissions import has_role


def can_view_analytics(user) -> bool:
    return has_role(user, Role.MANAGER)


def can_manage_analytics(user) -> bool:
    return has_role(user, Role.MANAGER)


def can_receive_reports(user) -> bool:
    return has_role(user, Role.MODERATOR)
