"""Who may do what in the forum: `can_<verb>(user, obj) -> bool`.

No queries beyond the objects, except one per user object for the categories they were granted
(`granted_category_ids`), and only when a category's audience does not already let them in.
"""

from belvedere.forum.models import Audience, Category, Post, Topic


def is_member(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_staff(user) -> bool:
    """Moderators and above act on other members' content."""
    return is_member(user) and user.is_moderator


def allowed_audiences(user) -> list[str]:
    """The audience values `user` belongs to."""
    audiences = [Audience.EVERYONE]
    if is_member(user):
        audiences.append(Audience.MEMBERS)
        audiences += [
            a
            for a in (Audience.MODERATORS, Audience.MANAGERS, Audience.ADMINS)
            if user.has_role(a.value)
        ]
    return [str(a) for a in audiences]


def in_audience(user, audience: str) -> bool:
    return audience in allowed_audiences(user)


def granted_category_ids(user) -> frozenset[int]:
    """The categories `user` was let into by name (Category.granted_members), kept on the
    user object so a request asks once."""
    if not is_member(user):
        return frozenset()
    found = getattr(user, "_forum_granted", None)
    if found is None:
        found = frozenset(
            Category.granted_members.through.objects.filter(user_id=user.pk).values_list(
                "category_id", flat=True
            )
        )
        user._forum_granted = found
    return found


def is_granted(user, category: Category) -> bool:
    return category.pk in granted_category_ids(user)


def _may(user, category: Category, audience: str) -> bool:
    return in_audience(user, audience) or is_granted(user, category)


def can_read_category(user, category: Category) -> bool:
    parent = category.parent if category.parent_id is not None else None
    if parent is not None and not _may(user, parent, parent.read_access):
        return False
    return _may(user, category, category.read_access)


def can_start_topic(user, category: Category) -> bool:
    return (
        is_member(user)
        and can_read_category(user, category)
        and _may(user, category, category.topic_access)
    )


def can_read_topic(user, topic: Topic) -> bool:
    if not can_read_category(user, topic.category):
        return False
    if topic.is_deleted or topic.is_hidden:
        return is_staff(user)
    if topic.is_held:
        return is_staff(user) or (is_member(user) and topic.author_id == user.pk)
    return True


def can_reply(user, topic: Topic) -> bool:
    """Members of the reply audience; locked topics take staff only; closed ones nobody."""
    if not is_member(user) or topic.is_closed or not topic.is_visible:
        return False
    category = topic.category
    if not can_read_topic(user, topic) or not _may(user, category, category.reply_access):
        return False
    return not topic.is_locked or is_staff(user)


def can_see_post(user, post: Post) -> bool:
    """Held posts are shown to their author and staff only (deleted/hidden show a placeholder)."""
    if post.is_held:
        return is_staff(user) or (is_member(user) and post.author_id == user.pk)
    return True


def can_read_post_body(user, post: Post) -> bool:
    if post.is_deleted or post.is_hidden:
        return is_staff(user)
    return can_see_post(user, post)


def can_edit_post(user, post: Post) -> bool:
    if is_staff(user):
        return not post.is_deleted
    return (
        is_member(user)
        and post.author_id == user.pk
        and not post.is_deleted
        and not post.is_hidden
        and not post.topic.is_closed
    )


def can_delete_post(user, post: Post) -> bool:
    """Authors may withdraw their own post (not the first one: that is the topic); staff any."""
    if is_staff(user):
        return not post.is_deleted
    return can_edit_post(user, post) and not post.is_first


def can_react(user, post: Post, kind: str = "") -> bool:
    if not is_member(user) or not post.is_visible or post.topic.is_closed:
        return False
    return not (kind == "like" and post.author_id == user.pk)


def can_moderate(user, obj=None) -> bool:
    """Staff actions (pin, lock, close, move, hide, restore, approve, see history)."""
    return is_staff(user)


def can_see_history(user, post: Post) -> bool:
    return is_staff(user)
