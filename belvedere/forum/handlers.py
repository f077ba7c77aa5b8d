"""Receivers of the ledger's on-commit signal: they only queue the forum's own tasks."""

from belvedere.forum.services.ledger import VERBS


def on_entry_recorded(sender, entry, **kwargs) -> None:
    if entry.verb in VERBS:
        from belvedere.forum.tasks import process_entry

        process_entry(entry.pk)
