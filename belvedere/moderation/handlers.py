"""Receivers: they only queue moderation's own tasks."""

from belvedere.moderation import registry


def on_entry_recorded(sender, entry, **kwargs) -> None:
    registration = registry.get_registration(entry.target_type) if entry.target_type else None
    if registration is None:
        return
    adapter = registration.adapter
    if entry.verb in adapter.queue_verbs or entry.verb in adapter.decision_verbs:
        from belvedere.moderation.tasks import review_entry_task

        review_entry_task(entry.pk)
