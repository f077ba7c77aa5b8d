"""Write path of the ledger: `record` is the one way to add to it."""

from django.db import models, transaction
from django.dispatch import Signal

from belvedere.activity.models import Entry

# Sent once the transaction that recorded the entry commits; receivers enqueue their own tasks.
entry_recorded = Signal()

SYSTEM = "system"


def make_entry(
    actor,
    verb: str,
    target: models.Model | None = None,
    *,
    reason: str = "",
    staff: bool = False,
    created_at=None,
    **metadata,
) -> Entry:
    """An unsaved ledger row. The actor's and the target's names are copied now, so a row
    still reads well once they are gone. Only `record` saves one, except demo builders that
    write a dated history in bulk (no signal is sent for those)."""
    entry = Entry(
        actor=actor if actor is not None and actor.pk else None,
        actor_name=str(actor)[:120] if actor is not None else SYSTEM,
        verb=verb,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None and target.pk is not None else "",
        target_repr=str(target)[:200] if target is not None else "",
        reason=reason,
        metadata=metadata,
        is_staff_action=staff,
    )
    if created_at is not None:
        entry.created_at = created_at
    return entry


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
    entry = make_entry(actor, verb, target, reason=reason, staff=staff, **metadata)
    entry.save()
    transaction.on_commit(lambda: entry_recorded.send(sender=Entry, entry=entry))
    return entry


def forget_member(member: models.Model, *, placeholder: str) -> int:
    """Replace a member's name by `placeholder` in the rows that name them (GDPR erasure).

    The only change the ledger allows: what happened, when and why stay; who it was goes.
    Returns the number of rows redacted.
    """
    rows = Entry._base_manager  # the default manager refuses every update
    as_actor = rows.filter(actor_id=member.pk).update(actor_name=placeholder)
    as_target = rows.filter(target_type=member._meta.label_lower, target_id=str(member.pk)).update(
        target_repr=placeholder
    )
    return as_actor + as_target
