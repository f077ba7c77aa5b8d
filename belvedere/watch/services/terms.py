"""Writes on terms tracking: services, documents, declarations imported from OTA files."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.core.http import check_user_url
from belvedere.watch.models import Service, TrackedDocument
from belvedere.watch.validation import check_filters, check_selectors

DOCUMENT_FIELDS = (
    "doc_type", "url", "select", "remove", "filters", "combine", "enabled", "interval_hours",
)  # fmt: skip
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "declarations"


@transaction.atomic
def create_service(*, actor, name: str, apprise_urls: str = "", subscribers=()) -> Service:
    service = Service.objects.create(name=name, apprise_urls=apprise_urls)
    service.subscribers.set(subscribers)
    record(actor, "watch.service_created", service, staff=True)
    return service


@transaction.atomic
def update_service(service: Service, *, actor, subscribers=None, **changes) -> Service:
    changed = [n for n in ("name", "apprise_urls") if n in changes]
    changed = [n for n in changed if getattr(service, n) != changes[n]]
    for name in changed:
        setattr(service, name, changes[name])
    if changed:
        service.save(update_fields=changed)
    if subscribers is not None:
        service.subscribers.set(subscribers)
        changed.append("subscribers")
    record(actor, "watch.service_updated", service, staff=True, fields=sorted(changed))
    return service


@transaction.atomic
def subscribe(service: Service, user, *, on: bool = True) -> None:
    (service.subscribers.add if on else service.subscribers.remove)(user)
    record(user, "watch.subscribed" if on else "watch.unsubscribed", service)


@transaction.atomic
def delete_service(service: Service, *, actor) -> None:
    record(actor, "watch.service_deleted", service, staff=True, name=service.name)
    service.delete()


@transaction.atomic
def create_document(service: Service, *, actor, **fields) -> TrackedDocument:
    values = {name: value for name, value in fields.items() if name in DOCUMENT_FIELDS}
    now = timezone.now()
    document = TrackedDocument.objects.create(
        service=service, next_fetch_at=now, created_at=now, updated_at=now, **values
    )
    record(actor, "watch.document_created", document, staff=True, url=document.url)
    return document


@transaction.atomic
def update_document(document: TrackedDocument, *, actor, **changes) -> TrackedDocument:
    changed = [n for n, v in changes.items() if n in DOCUMENT_FIELDS and getattr(document, n) != v]
    if not changed:
        return document
    for name in changed:
        setattr(document, name, changes[name])
    document.updated_at = timezone.now()
    document.save(update_fields=[*changed, "updated_at"])
    record(actor, "watch.document_updated", document, staff=True, fields=sorted(changed))
    return document


@transaction.atomic
def delete_document(document: TrackedDocument, *, actor) -> None:
    record(actor, "watch.document_deleted", document, staff=True, url=document.url)
    document.delete()


def _url(value) -> str:
    if not isinstance(value, str) or not value:
        raise ValidationError(_("Each document needs a fetch address."))
    return check_user_url(value, resolve=False)


def parse_document(doc_type: str, entry: dict) -> dict:
    """Model fields of one OTA document declaration; ValidationError when it is not one."""
    if not isinstance(entry, dict) or not doc_type or len(doc_type) > 80:
        raise ValidationError(_("“%(type)s” is not a document declaration.") % {"type": doc_type})
    combine = entry.get("combine") or []
    if not isinstance(combine, list) or not all(isinstance(c, dict) for c in combine):
        raise ValidationError(_("“combine” is a list of pages."))
    for page in combine:
        _url(page.get("fetch"))
        check_selectors(page.get("select"))
        check_selectors(page.get("remove"))
        check_filters(page.get("filter"))
    return {
        "doc_type": doc_type,
        "url": _url(entry.get("fetch") or (combine[0].get("fetch") if combine else None)),
        "select": check_selectors(entry.get("select")),
        "remove": check_selectors(entry.get("remove")),
        "filters": check_filters(entry.get("filter")),
        "combine": combine,
    }


def parse_declaration(data) -> tuple[str, dict[str, dict]]:
    """(service name, {type: fields}) of an OTA service declaration; ValidationError if bad."""
    if not isinstance(data, dict) or not isinstance(data.get("name"), str) or not data["name"]:
        raise ValidationError(_("A declaration has a “name” and “terms”."))
    terms = data.get("terms")
    if not isinstance(terms, dict) or not terms:
        raise ValidationError(_("A declaration has a “name” and “terms”."))
    return data["name"][:120], {t: parse_document(t, e) for t, e in terms.items()}


@transaction.atomic
def import_declaration(data, *, actor=None) -> tuple[Service, int, int]:
    """Create or update a service and its documents; (service, created, updated)."""
    name, documents = parse_declaration(data)
    service = Service.objects.filter(name__iexact=name).first()
    if service is None:
        service = create_service(actor=actor, name=name)
    created = updated = 0
    for doc_type, fields in documents.items():
        existing = service.documents.filter(doc_type=doc_type).first()
        if existing is None:
            create_document(service, actor=actor, **fields)
            created += 1
        elif any(getattr(existing, key) != value for key, value in fields.items()):
            update_document(existing, actor=actor, **fields)
            updated += 1
    return service, created, updated


def import_directory(directory: Path | None = None, *, actor=None) -> list[tuple[str, int, int]]:
    """Import every ``*.json`` declaration (not ``*.history.json``) of ``directory``."""
    directory = Path(directory or DATA_DIR)
    results = []
    for path in sorted(directory.glob("*.json")):
        if path.name.endswith(".history.json"):
            continue
        service, created, updated = import_declaration(json.loads(path.read_text()), actor=actor)
        results.append((service.name, created, updated))
    return results
