"""`{% load moderation %}`: the `censor` filters and the `moderation_actions` tag (a flag
button for any registered content). Neither queries the database per object."""

from django import template
from django.utils.safestring import SafeString

from belvedere.moderation import registry
from belvedere.moderation.censor import censor as censor_html
from belvedere.moderation.censor import censor_text
from belvedere.moderation.forms import FlagForm

register = template.Library()


@register.filter(name="censor")
def censor_filter(html) -> SafeString:
    """Sanitised HTML with censored watched words masked."""
    return censor_html(html)


@register.filter(name="censor_text")
def censor_text_filter(text) -> str:
    """Plain text with censored watched words masked (still auto-escaped)."""
    return censor_text(str(text or ""))


@register.inclusion_tag("moderation/_actions.html", takes_context=True)
def moderation_actions(context, obj):
    """A "Flag" button for members on content they did not write."""
    user = context.get("user")
    adapter = registry.get_adapter(obj._meta.label_lower) if obj is not None else None
    if hasattr(obj, "author_id"):
        author_id = obj.author_id
    else:  # e.g. a member's profile: its author is the member
        author_id = getattr(adapter.author(obj), "pk", None) if adapter else None
    show = bool(
        adapter and user and user.is_authenticated and user.is_active and author_id != user.pk
    )
    request = context.get("request")
    return {
        "show": show,
        "label": obj._meta.label_lower if obj is not None else "",
        "object_id": getattr(obj, "pk", ""),
        "form": FlagForm(auto_id=False),
        "next": request.get_full_path() if request else "/",
        "csrf_token": context.get("csrf_token"),
    }
