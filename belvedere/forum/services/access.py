"""Private categories and the members let into them by name (Category.granted_members).

Apps above the forum (engagement's testing programmes) open a private category and grant or
revoke access here; the permissions and `readable_categories` honour the grants.
"""

from django.db import transaction
from django.utils.text import slugify

from belvedere.activity.services import record
from belvedere.forum.models import Audience, Category


@transaction.atomic
def create_private_category(*, actor, name: str, description: str = "", slug: str = "") -> Category:
    """A category the team (moderators and above) and granted members only read and post in."""
    base = (slug or slugify(name) or "private")[:72]
    slug, n = base, 1
    while Category.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    category = Category.objects.create(
        name=name[:80],
        slug=slug,
        description=description[:1000],
        read_access=Audience.MODERATORS,
        topic_access=Audience.MODERATORS,
        reply_access=Audience.MODERATORS,
    )
    record(actor, "forum.category.create", category, staff=True, private=True)
    return category


@transaction.atomic
def grant_category_access(category: Category, user, *, actor) -> bool:
    """Let `user` read, start topics and reply in `category`; False if already in."""
    if category.granted_members.filter(pk=user.pk).exists():
        return False
    category.granted_members.add(user)
    user.__dict__.pop("_forum_granted", None)  # the permissions' memo on this object
    record(actor, "forum.category.grant", category, staff=True, user=user.pk)
    return True


@transaction.atomic
def revoke_category_access(category: Category, user, *, actor) -> bool:
    """Take back what `grant_category_access` gave; False if `user` was not let in."""
    if not category.granted_members.filter(pk=user.pk).exists():
        return False
    category.granted_members.remove(user)
    user.__dict__.pop("_forum_granted", None)
    record(actor, "forum.category.revoke", category, staff=True, user=user.pk)
    return True
