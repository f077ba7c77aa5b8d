def can_read_audit_log(user) -> bool:
    return user.is_authenticated and user.has_role("moderator")
