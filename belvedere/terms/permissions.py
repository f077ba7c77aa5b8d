"""Who may do what with the terms: `can_<verb>(user) -> bool`. Members are duck-typed."""


def is_member(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def can_manage_terms(user) -> bool:
    """Community managers and admins write and publish versions."""
    return is_member(user) and user.has_role("manager")


def can_accept_terms(user) -> bool:
    return is_member(user)
