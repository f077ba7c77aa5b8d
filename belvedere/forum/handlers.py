"""Receivers of the ledger's on-commit signal (and of category changes).

They queue the forum's own tasks, with one exception done in place because it must not lag:
the visitors' caches (a topic's stream, the lists) are invalidated as soon as a change commits.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from belvedere.forum.list_cache import invalidate_lists
from belvedere.forum.models import Category, Post, Topic
from belvedere.forum.services.ledger import VERBS
from belvedere.forum.stream_cache import invalidate_streams, invalidate_topic

# Member changes shown beside their posts and in the lists (names, badges).
MEMBER_VERBS = ("member.badge.", "member.update_profile", "member.name.", "member.erase")


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
    if entry.verb.startswith(MEMBER_VERBS):
        invalidate_streams()
        invalidate_lists()
        return
    if not entry.verb.startswith("forum."):
        return
    invalidate_lists()
    topic_id = _topic_id(entry)
    if topic_id is not None:
        invalidate_topic(topic_id)
    if entry.verb in VERBS:
        from belvedere.forum.tasks import process_entry

        process_entry(entry.pk)


@receiver([post_save, post_delete], sender=Category, dispatch_uid="forum.category_changed")
def on_category_changed(sender, **kwargs) -> None:
    """A category edited in the admin (name, access, order…) changes the lists."""
    transaction.on_commit(invalidate_lists)
