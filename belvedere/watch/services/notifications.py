"""Messages to subscribers: a tracked document changed, a watched page met its trigger."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from belvedere.core.notify import Delivery, notify
from belvedere.watch.diff import diff_texts
from belvedere.watch.models import DocumentVersion, PageSnapshot
from belvedere.watch.validation import lines

EXCERPT_ROWS = 6


def excerpt(old: str, new: str) -> str:
    """The first changed passages, as plain text (``+`` added, ``-`` removed)."""
    out = []
    for row in diff_texts(old, new).rows:
        if row.kind == "insert":
            out.append(f"+ {row.text[:300]}")
        elif row.kind == "delete":
            out.append(f"- {row.text[:300]}")
        elif row.kind == "change":
            out.extend(f"{op} {text[:300]}" for op, text in row.parts if op != "=")
        if len(out) >= EXCERPT_ROWS:
            break
    return "\n".join(out[:EXCERPT_ROWS])


def notify_document_change(version: DocumentVersion) -> Delivery:
    document = version.document
    service = document.service
    link = settings.BASE_URL + reverse("watch:version", args=[version.pk])
    subject = _("%(service)s changed its %(type)s") % {
        "service": service.name,
        "type": document.doc_type,
    }
    summary = _("%(added)s added, %(removed)s removed, %(changed)s changed paragraphs.") % {
        "added": version.added,
        "removed": version.removed,
        "changed": version.changed,
    }
    old = version.previous.text if version.previous else ""
    body = f"{subject}\n{summary}\n\n{excerpt(old, version.text)}\n\n{link}"
    emails = [user.email for user in service.subscribers.filter(is_active=True)]
    return notify(subject, body, emails=emails, apprise_urls=lines(service.apprise_urls))


def notify_page_change(snapshot: PageSnapshot) -> Delivery:
    watch = snapshot.watch
    link = settings.BASE_URL + reverse("watch:snapshot", args=[snapshot.pk])
    subject = _("Change on “%(name)s”") % {"name": watch.name}
    old = snapshot.previous.text if snapshot.previous else ""
    body = f"{subject}\n{watch.url}\n\n{excerpt(old, snapshot.text)}\n\n{link}"
    return notify(subject, body, emails=lines(watch.emails), apprise_urls=lines(watch.apprise_urls))
