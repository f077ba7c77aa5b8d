"""The forum's reactions to its own ledger entries, run by a task after the write commits.

Posting services record `forum.topic.create`, `forum.post.create`, `forum.post.edit`,
`forum.post.approve` and `forum.reaction.add`; the entry_recorded signal (handlers.py) queues
`tasks.process_entry`, which calls `handle_entry` here: it (re)indexes the post for search,
links its @mentions, makes authors watch their topics, and creates notifications.
"""

from belvedere.activity.models import Entry
from belvedere.forum.models import Post, Topic
from belvedere.forum.search import index_post
from belvedere.forum.services.notifications import notify_post, notify_reaction
from belvedere.forum.services.watching import track_replied_topic, watch_own_topic
from belvedere.forum.stream_cache import invalidate_topic

VERBS = {
    "forum.topic.create",
    "forum.post.create",
    "forum.post.edit",
    "forum.post.approve",
    "forum.reaction.add",
}


def _post_of(entry: Entry) -> Post | None:
    if not entry.target_id.isdigit():
        return None
    posts = Post.objects.select_related("topic", "author")
    if entry.target_type == Topic._meta.label_lower:
        return posts.filter(topic_id=int(entry.target_id), number=1).first()
    return posts.filter(pk=int(entry.target_id)).first()


def handle_entry(entry: Entry) -> list[int]:
    """Returns the ids of the notifications created (to be e-mailed)."""
    post = _post_of(entry) if entry.verb in VERBS else None
    if post is None:
        return []
    try:
        return _react(entry, post)
    finally:
        invalidate_topic(post.topic_id)  # mentions may have been linked


def _react(entry: Entry, post: Post) -> list[int]:
    if entry.verb == "forum.reaction.add":
        actor = entry.actor
        if actor is None:
            return []
        return notify_reaction(post, actor=actor, kind=entry.metadata.get("kind", ""))
    if entry.verb in ("forum.topic.create", "forum.post.create", "forum.post.edit"):
        index_post(post)
    if entry.verb == "forum.topic.create" and post.topic.author_id:
        watch_own_topic(post.topic.author, post.topic)
    if entry.verb == "forum.post.create" and post.author_id:
        track_replied_topic(post.author, post.topic)
    if entry.verb == "forum.post.edit":
        return notify_post(post, mentions_only=True)
    return notify_post(post)


def handle_entry_id(entry_id: int) -> list[int]:
    entry = Entry.objects.select_related("actor").filter(pk=entry_id).first()
    return handle_entry(entry) if entry is not None else []
