"""Reads on members, and the access gateway of the members admin."""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from belvedere.accounts.decorators import check
from belvedere.accounts.models import User
from belvedere.accounts.permissions import can_list_members
from belvedere.activity.queries import entry_row, list_entries_by_actor


def list_members(*, q: str = "", role: str = "", status: str = "") -> QuerySet[User]:
    """Members matching a search on email or display name, a role and a status."""
    members = User.objects.order_by("display_name", "pk")
    if q:
        members = members.filter(Q(email__icontains=q) | Q(display_name__icontains=q))
    if role:
        members = members.filter(role=role)
    if status == "active":
        members = members.filter(is_active=True)
    elif status == "inactive":
        members = members.filter(is_active=False)
    elif status == "unverified":
        members = members.filter(email_verified=False)
    return members


def get_member_for_user(user, member_id: int) -> User:
    """The member `user` may see in the members admin: 404 if none, 403 if not allowed."""
    check(can_list_members(user))
    return get_object_or_404(User, pk=member_id)


def member_row(member: User) -> dict:
    return {
        "id": member.pk,
        "email": member.email,
        "display_name": member.display_name,
        "role": member.role,
        "is_active": member.is_active,
        "email_verified": member.email_verified,
        "date_joined": member.date_joined.isoformat(),
        "last_login": member.last_login.isoformat() if member.last_login else "",
    }


def export_member_data(user: User) -> dict:
    """Everything Belvedere keeps about `user`, for their GDPR data export."""
    profile = member_row(user) | {
        "bio": user.bio,
        "language": user.language,
        "time_zone": user.time_zone,
        "avatar": user.avatar.name if user.avatar else "",
    }
    tokens = [
        {
            "name": token.name,
            "prefix": token.prefix,
            "created_at": token.created_at.isoformat(),
            "last_used_at": token.last_used_at.isoformat() if token.last_used_at else None,
            "revoked_at": token.revoked_at.isoformat() if token.revoked_at else None,
        }
        for token in user.api_tokens.all()
    ]
    activity = [entry_row(entry) for entry in list_entries_by_actor(user).iterator()]
    return {"profile": profile, "api_tokens": tokens, "activity": activity}
