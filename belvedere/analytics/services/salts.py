"""The daily salt: created on first use each UTC day, older ones deleted (Plausible's recipe)."""

import hashlib
import secrets
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from belvedere.analytics.models import Salt

_current: tuple[date, bytes] | None = None


def salt_for(day: date) -> bytes:
    """Today's secret, from memory, the database, or made now (one winner across workers)."""
    global _current
    if _current is not None and _current[0] == day:
        return _current[1]
    row = Salt.objects.filter(day=day).first()
    if row is None:
        try:
            with transaction.atomic():
                row = Salt.objects.create(day=day, secret=secrets.token_bytes(32))
        except IntegrityError:
            row = Salt.objects.get(day=day)
    _current = (day, bytes(row.secret))
    return _current[1]


def visitor_id(salt: bytes, ip: str, user_agent: str, domain: str) -> int:
    """A signed 64-bit keyed hash of user agent, IP and site; unlinkable once the salt is gone."""
    digest = hashlib.blake2b(
        f"{user_agent}|{ip}|{domain}".encode(), key=salt, digest_size=8
    ).digest()
    return int.from_bytes(digest, "big", signed=True)


def rotate_salts(today: date | None = None) -> int:
    """Delete the salts of past days; returns how many were deleted."""
    global _current
    today = today or timezone.now().date()
    _current = None
    deleted, _ = Salt.objects.filter(day__lt=today).delete()
    return deleted
