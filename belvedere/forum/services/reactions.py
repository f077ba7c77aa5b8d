"""Writes on reactions: add, remove, toggle."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.forum.models import REACTIONS, Post, Reaction


def _check_kind(kind: str) -> None:
    if kind not in REACTIONS:
        raise ValidationError(_("Unknown reaction."), code="unknown_reaction")


def add_reaction(post: Post, *, user, kind: str) -> bool:
    _check_kind(kind)
    try:
        with transaction.atomic():
            Reaction.objects.create(post=post, user=user, kind=kind)
            record(user, "forum.reaction.add", post, kind=kind)
    except IntegrityError:  # already there (double click, two tabs)
        return False
    return True


@transaction.atomic
def remove_reaction(post: Post, *, user, kind: str) -> bool:
    _check_kind(kind)
    deleted, _rows = Reaction.objects.filter(post=post, user=user, kind=kind).delete()
    if deleted:
        record(user, "forum.reaction.remove", post, kind=kind)
    return bool(deleted)


def toggle_reaction(post: Post, *, user, kind: str) -> bool:
    """Add the reaction, or remove it if it was there. Returns True when it is now on."""
    _check_kind(kind)
    if Reaction.objects.filter(post=post, user=user, kind=kind).exists():
        remove_reaction(post, user=user, kind=kind)
        return False
    add_reaction(post, user=user, kind=kind)
    return True
