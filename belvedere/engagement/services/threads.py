"""The forum thread of an AMA or live Q&A, started through the forum's own service."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from belvedere.engagement.models import Event
from belvedere.engagement.services.events import link_thread
from belvedere.forum import services as forum
from belvedere.forum.queries import list_startable_categories


def _category(actor, slug: str):
    categories = list_startable_categories(actor)
    chosen = [c for c in categories if c.slug == slug] if slug else categories[:1]
    if not chosen:
        raise ValidationError(_("Choose a forum category you may start topics in."))
    return chosen[0]


@transaction.atomic
def open_event_thread(event: Event, *, actor, category_slug: str = ""):
    """Start the event's thread (once) and link it to the event."""
    if event.topic_id:
        return event.topic
    category = _category(actor, category_slug)
    url = reverse("engagement:event", args=[event.pk])
    body = _(
        "Questions for “%(title)s” go here; answers come live on the day.\n\n[%(link)s](%(url)s)"
    ) % {
        "title": event.title,
        "link": _("The event"),
        "url": url,
    }
    try:
        topic = forum.create_topic(category=category, author=actor, title=event.title, body=body)
    except forum.ContentRejected as rejected:
        raise ValidationError(rejected.message)
    link_thread(event, topic, actor=actor)
    return topic
