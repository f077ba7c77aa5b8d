"""Writes on the compliance register: items, their links, flags, assignments and reviews."""

from django.db import transaction
from django.utils import timezone

from belvedere.activity.services import record
from belvedere.watch.models import (
    ComplianceItem,
    ComplianceLink,
    ComplianceReview,
    ComplianceStatus,
    DocumentVersion,
)

EDITABLE = ("title", "service", "category", "description", "owner")


def _set_links(item: ComplianceItem, links) -> None:
    """``links``: [(document, clause, anchor)]; replaces the item's links."""
    item.links.all().delete()
    ComplianceLink.objects.bulk_create(
        ComplianceLink(item=item, document=document, clause=clause[:500], anchor=anchor[:200])
        for document, clause, anchor in links
    )


@transaction.atomic
def create_item(*, actor, links=(), **fields) -> ComplianceItem:
    values = {name: value for name, value in fields.items() if name in EDITABLE}
    item = ComplianceItem.objects.create(**values)
    _set_links(item, links)
    record(actor, "watch.compliance_created", item, staff=True, category=item.category)
    return item


@transaction.atomic
def update_item(item: ComplianceItem, *, actor, links=None, **changes) -> ComplianceItem:
    changed = [n for n, v in changes.items() if n in EDITABLE and getattr(item, n) != v]
    for name in changed:
        setattr(item, name, changes[name])
    if changed:
        fields = [f"{n}_id" if n in ("owner", "service") else n for n in changed]
        item.save(update_fields=fields)
    if links is not None:
        _set_links(item, links)
        changed.append("links")
    record(actor, "watch.compliance_updated", item, staff=True, fields=sorted(changed))
    return item


@transaction.atomic
def delete_item(item: ComplianceItem, *, actor) -> None:
    record(actor, "watch.compliance_deleted", item, staff=True, title=item.title)
    item.delete()


@transaction.atomic
def assign_item(item: ComplianceItem, owner, *, actor) -> ComplianceItem:
    item.owner = owner
    item.save(update_fields=["owner_id"])
    record(actor, "watch.compliance_assigned", item, staff=True, owner=owner.pk if owner else None)
    return item


def flag_items_for(version: DocumentVersion) -> list[int]:
    """Mark every item linked to the changed document as to review; their ids."""
    items = ComplianceItem.objects.filter(links__document_id=version.document_id).distinct()
    ids = list(items.values_list("id", flat=True))
    now = timezone.now()
    ComplianceItem.objects.filter(pk__in=ids).update(
        status=ComplianceStatus.REVIEW, flagged_at=now, flagged_version=version
    )
    for item in ComplianceItem.objects.filter(pk__in=ids):
        record(None, "watch.compliance_flagged", item, staff=True, version=version.pk)
    return ids


@transaction.atomic
def review_item(item: ComplianceItem, *, actor, outcome: str, note: str = "") -> ComplianceReview:
    """Log a review (who, when, outcome, note) and clear the flag."""
    now = timezone.now()
    review = ComplianceReview.objects.create(
        item=item,
        reviewer=actor,
        reviewer_name=str(actor)[:120],
        reviewed_at=now,
        outcome=outcome,
        note=note,
        version=item.flagged_version,
    )
    item.status = ComplianceStatus.OK
    item.last_reviewed_at = now
    item.save(update_fields=["status", "last_reviewed_at"])
    record(actor, "watch.compliance_reviewed", item, staff=True, reason=note, outcome=outcome)
    return review
