"""Who may do what in listening.

Community managers and admins run listening: sources, queries, triage of mentions.
Moderators may read (sources and their health, queries, the inbox) but change nothing:
they moderate the community space; the brand's outside conversation is the managers' work.
"""

from belvedere.accounts.models import Role
from belvedere.accounts.permissions import has_role


def can_view_listening(user) -> bool:
    return has_role(user, Role.MODERATOR)


def can_manage_listening(user) -> bool:
    return has_role(user, Role.MANAGER)


def can_triage_mention(user, mention=None) -> bool:
    return has_role(user, Role.MANAGER)
