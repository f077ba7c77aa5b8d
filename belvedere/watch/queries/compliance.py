"""Reads of the compliance register."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from belvedere.watch.models import ComplianceItem, ComplianceLink, ComplianceReview
from belvedere.watch.queries import gate

ITEM_CSV = ["id", "title", "network", "category", "status", "owner", "documents",
            "flagged_at", "last_reviewed_at"]  # fmt: skip
REVIEW_CSV = ["id", "item", "reviewer", "reviewed_at", "outcome", "note"]


def _links() -> Prefetch:
    return Prefetch("links", queryset=ComplianceLink.objects.select_related("document__service"))


def get_item_for_user(user, item_id: int) -> ComplianceItem:
    gate(user)
    items = ComplianceItem.objects.select_related("service", "owner", "flagged_version")
    reviews = Prefetch("reviews", queryset=ComplianceReview.objects.select_related("reviewer"))
    return get_object_or_404(items.prefetch_related(_links(), reviews), pk=item_id)


def list_items(*, status: str = "", category: str = "", service=None, owner=None):
    items = ComplianceItem.objects.select_related("service", "owner").prefetch_related(_links())
    filters = {"status": status, "category": category, "service": service, "owner": owner}
    return items.filter(**{k: v for k, v in filters.items() if v})


def items_for_document(document) -> QuerySet[ComplianceItem]:
    return ComplianceItem.objects.filter(links__document=document).select_related("owner")


def item_row(item) -> list:
    documents = "; ".join(str(link.document) for link in item.links.all())
    return [item.pk, item.title, item.service.name if item.service else "", item.category,
            item.status, item.owner.display_name if item.owner else "", documents,
            item.flagged_at, item.last_reviewed_at]  # fmt: skip


def list_reviews() -> QuerySet[ComplianceReview]:
    return ComplianceReview.objects.select_related("item")


def review_row(review) -> list:
    return [review.pk, review.item.title, review.reviewer_name, review.reviewed_at,
            review.outcome, review.note]  # fmt: skip
