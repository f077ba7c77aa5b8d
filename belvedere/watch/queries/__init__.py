"""Reads of the watch; ``gate`` and the ``get_*_for_user`` gateways check access."""

from django.core.exceptions import PermissionDenied

from belvedere.watch.permissions import can_view_watch


def gate(user) -> None:
    if not can_view_watch(user):
        raise PermissionDenied
