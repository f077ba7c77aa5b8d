"""Who may do what in the forum: `can_<verb>(user, obj) -> bool`, no queries beyond the objects."""

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


def can_read_category(user, category: Category) -> bool:
    if category.parent_id is not None and not in_audience(user, category.parent.read_access):
        return False
    return in_audience(user, category.read_access)


def can_start_topic(user, category: Category) -> bool:
    return (
        is_member(user)
        and can_read_category(user, category)
        and in_audience(user, category.topic_access)
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
    if not can_read_topic(user, topic) or not in_audience(user, topic.category.reply_access):
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
