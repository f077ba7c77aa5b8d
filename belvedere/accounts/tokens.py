"""Personal API tokens: created once, stored as a SHA-256 digest, revocable."""

import hashlib
import secrets

from django.utils import timezone

from belvedere.accounts.models import ApiToken, User
from belvedere.activity.services import record
from belvedere.core import ratelimit

TOKEN_PREFIX = "bvd_"  # noqa: S105 (a prefix, not a secret)
CREATE_LIMIT = 10  # tokens a member may create from the web or the API per window
CREATE_WINDOW = 3600


def may_create_token(user: User) -> bool:
    """Count one creation attempt by `user`; False once they made too many this hour."""
    return ratelimit.hit("token-create", str(user.pk), window=CREATE_WINDOW) <= CREATE_LIMIT


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def create_token(user: User, *, name: str) -> tuple[ApiToken, str]:
    """Create a token for `user`; returns it with the raw value, which is never stored."""
    name = name.strip() or "API token"
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name[:80], prefix=raw[:12], digest=digest(raw))
    record(user, "token.create", token)
    return token, raw


def revoke_token(token: ApiToken, *, actor: User) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record(actor, "token.revoke", token, staff=actor.pk != token.user_id)


def authenticate_token(raw: str) -> User | None:
    """The active member a raw token belongs to, or None."""
    if not raw.startswith(TOKEN_PREFIX) or len(raw) > 100:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=digest(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
