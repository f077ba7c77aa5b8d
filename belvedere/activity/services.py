"""Write path of the ledger: `record` is the one way to add to it."""

from django.db import models, transaction
from django.dispatch import Signal

from belvedere.activity.models import Entry

# Sent once the transaction that recorded the entry commits; receivers enqueue their own tasks.
entry_recorded = Signal()


def record(
    actor,
    verb: str,
    target: models.Model | None = None,
    *,
    reason: str = "",
    staff: bool = False,
    **metadata,
) -> Entry:
    """Append what `actor` did to `target`. `staff=True` marks it for the audit log."""
    entry = Entry.objects.create(
        actor=actor if actor is not None and actor.pk else None,
        actor_name=str(actor) if actor is not None else "system",
        verb=verb,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:200] if target is not None else "",
        reason=reason,
        metadata=metadata,
        is_staff_action=staff,
    )
    transaction.on_commit(lambda: entry_recorded.send(sender=Entry, entry=entry))
    return entry
