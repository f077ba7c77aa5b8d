"""What enters the queue after content is written: the ledger entry of a create or edit of
registered content (each adapter's `queue_verbs`) is looked at once it commits."""

from belvedere.activity.models import Entry
from belvedere.moderation import registry
from belvedere.moderation.models import ItemStatus, QueueItem, Submission
from belvedere.moderation.policy import get_settings
from belvedere.moderation.services.queue import close_item, open_item
from belvedere.moderation.standing import effective_trust


def review_entry(entry: Entry):
    """Open (or update) the queue item the entry's content needs; None when it needs none."""
    registration = registry.get_registration(entry.target_type)
    if registration is None:
        return None
    if entry.verb in registration.adapter.decision_verbs:
        return close_decided_elsewhere(entry, registration.adapter.decision_verbs[entry.verb])
    if entry.verb not in registration.adapter.queue_verbs:
        return None
    if entry.is_staff_action:
        return None  # staff editing someone's post: not a new submission
    obj = registry.get_object(entry.target_type, entry.target_id)
    if obj is None:
        return None
    adapter = registry.get_adapter(obj._meta.label_lower)
    state = adapter.state(obj)
    reasons, clause = list(state.reasons), state.clause
    if state.held:
        return open_item(obj, reasons=reasons, clause=clause, held=True)
    if entry.verb.endswith(".edit") and state.hidden and _was_hidden_by_flags(obj):
        return open_item(obj, reasons=["edited_after_hide"], clause=clause, review=True)
    if state.flagged:
        return open_item(obj, reasons=reasons, clause=clause)
    if not entry.verb.endswith(".edit") and _is_first_post(entry, adapter, obj):
        return open_item(obj, reasons=["first_post"], first_post=True)
    return None


def _is_first_post(entry: Entry, adapter, obj) -> bool:
    """A new member's first submission: trust level 0, one submission so far."""
    author = adapter.author(obj)
    if author is None or not adapter.flood_kinds or not get_settings().review_first_posts:
        return False
    if effective_trust(author) > 0:
        return False
    return Submission.objects.filter(author=author, kind__in=adapter.flood_kinds).count() <= 1


def close_decided_elsewhere(entry: Entry, resolution: str):
    """Staff decided on the content outside the queue: its open item is closed the same way."""
    if not entry.is_staff_action or entry.actor_id is None:
        return None
    obj = registry.get_object(entry.target_type, entry.target_id)
    if obj is None:
        return None
    content_type, object_id = registry.content_key(obj)
    item = QueueItem.objects.filter(
        content_type=content_type, object_id=object_id, status=ItemStatus.OPEN
    ).first()
    if item is None:
        return None
    close_item(item, resolution, actor=entry.actor)
    return item


def _was_hidden_by_flags(obj) -> bool:
    content_type, object_id = registry.content_key(obj)
    return QueueItem.objects.filter(
        content_type=content_type, object_id=object_id, auto_hidden=True
    ).exists()


def review_entry_id(entry_id: int):
    entry = Entry.objects.select_related("actor").filter(pk=entry_id).first()
    return review_entry(entry) if entry is not None else None
