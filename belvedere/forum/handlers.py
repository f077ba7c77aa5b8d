"""Receivers of the ledger's on-commit signal.

They queue the forum's own tasks, with one exception done in place because it must not lag:
the visitors' cached stream of a topic is invalidated as soon as a change about it commits.
"""

from belvedere.forum.models import Post, Topic
from belvedere.forum.services.ledger import VERBS
from belvedere.forum.stream_cache import invalidate_topic


def _topic_id(entry) -> int | None:
    if not entry.target_id.isdigit():
        return None
    if entry.target_type == Topic._meta.label_lower:
        return int(entry.target_id)
    if entry.target_type == Post._meta.label_lower:
        return (
            Post.objects.filter(pk=int(entry.target_id)).values_list("topic_id", flat=True).first()
        )
    return None


def on_entry_recorded(sender, entry, **kwargs) -> None:
    if not entry.verb.startswith("forum."):
        return
    topic_id = _topic_id(entry)
    if topic_id is not None:
        invalidate_topic(topic_id)
    if entry.verb in VERBS:
        from belvedere.forum.tasks import process_entry

        process_entry(entry.pk)
