"""Every write of the forum. Entry points import from here: `services.create_topic(...)`."""

from belvedere.forum.services.common import MAX_TAGS, ContentRejected, normalise_tags
from belvedere.forum.services.posts import (
    approve_post,
    create_reply,
    delete_post,
    edit_post,
    hide_post,
    restore_post,
)
from belvedere.forum.services.reactions import add_reaction, remove_reaction, toggle_reaction
from belvedere.forum.services.topics import (
    TOPIC_FLAGS,
    close_topic,
    create_topic,
    lock_topic,
    move_topic,
    pin_topic,
    set_topic_flag,
)
from belvedere.forum.services.uploads import check_image, image_markdown, save_upload

__all__ = [
    "MAX_TAGS",
    "TOPIC_FLAGS",
    "ContentRejected",
    "add_reaction",
    "approve_post",
    "check_image",
    "close_topic",
    "create_reply",
    "create_topic",
    "delete_post",
    "edit_post",
    "hide_post",
    "image_markdown",
    "lock_topic",
    "move_topic",
    "normalise_tags",
    "pin_topic",
    "remove_reaction",
    "restore_post",
    "save_upload",
    "set_topic_flag",
    "toggle_reaction",
]
