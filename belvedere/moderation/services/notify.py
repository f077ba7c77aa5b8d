"""Telling members what moderation decided, by email through `core.notify`."""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from belvedere.core.notify import notify

log = logging.getLogger(__name__)


def tell_member(member, subject: str, body: str) -> None:
    """Email `member` once the transaction commits; failures are logged, never raised."""
    if member is None or not getattr(member, "email", ""):
        return
    footer = _("Your standing and history: %(url)s") % {
        "url": settings.BASE_URL + "/moderation/standing/"
    }
    email = member.email

    def send():
        delivery = notify(subject, f"{body}\n\n{footer}", emails=[email])
        if delivery.errors:
            log.warning("Could not tell member %s: %s", member.pk, delivery.errors)

    transaction.on_commit(send)


def in_language(member):
    """A context manager that renders messages in the member's language."""
    return translation.override(getattr(member, "language", "") or settings.LANGUAGE_CODE)
