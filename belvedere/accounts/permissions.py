"""Who may do what with members. Every view and API handler asks here."""

from belvedere.accounts.models import Role, User


def has_role(user, role: str) -> bool:
    """True for an active, signed-in member whose role is `role` or above."""
    return bool(user and user.is_authenticated and user.has_role(role))


def can_list_members(user) -> bool:
    return has_role(user, Role.MANAGER)


def can_manage_members(user) -> bool:
    return has_role(user, Role.ADMIN)


def can_change_role(user, member) -> bool:
    """Admins change others' roles; nobody changes their own (no admin can lock everyone out)."""
    return can_manage_members(user) and user.pk != member.pk


def can_set_active(user, member) -> bool:
    """Admins deactivate and reactivate others, never themselves."""
    return can_manage_members(user) and user.pk != member.pk


def can_use_tokens(user) -> bool:
    return has_role(user, Role.MEMBER)


def can_erase_self(user) -> bool:
    """Anyone may erase their account, except the last active administrator."""
    if not has_role(user, Role.MEMBER):
        return False
    if user.role != Role.ADMIN:
        return True
    others = User.objects.filter(role=Role.ADMIN, is_active=True).exclude(pk=user.pk)
    return others.exists()
