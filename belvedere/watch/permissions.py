"""Who may do what in the watch.

Community managers and admins run the watch: tracked documents, page watches, the
compliance register, competitors, platforms. Moderators read it (the rules of the networks
matter to their work too) and change nothing. The Atom feeds are read with a secret token.
"""

from belvedere.accounts.models import Role
from belvedere.accounts.permissions import has_role


def can_view_watch(user) -> bool:
    return has_role(user, Role.MODERATOR)


def can_manage_watch(user) -> bool:
    return has_role(user, Role.MANAGER)


def can_review_item(user, item=None) -> bool:
    return has_role(user, Role.MANAGER)
