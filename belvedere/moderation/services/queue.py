"""Writes on the review queue: open an item, claim it, decide on it (alone or in bulk).

Every decision goes through the content's adapter (so the app's own services do the work
and record their own ledger rows), updates the flags' accuracy, records an audit row
`moderation.item.<action>` with the reason, and tells the author when their content goes.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.moderation import registry
from belvedere.moderation.models import FlagStatus, ItemStatus, QueueItem, Resolution
from belvedere.moderation.services.notify import in_language, tell_member

BASE_SCORES = {"held": 5.0, "flagged": 2.0, "first_post": 1.0, "review": 3.0}
PREVIEW_CHARS = 2000
# action -> (adapter callable tried in order, resolution, flags agreed?)
DECISIONS = {
    "approve": (("approve", "restore"), Resolution.APPROVED, False),
    "reject": (("reject", "delete"), Resolution.REJECTED, True),
    "hide": (("hide",), Resolution.HIDDEN, True),
    "delete": (("delete",), Resolution.DELETED, True),
}
ACTIONS = (*DECISIONS, "edit")


def _snapshot(item: QueueItem, adapter, obj) -> None:
    item.content_label = str(adapter.label)[:80]
    item.preview = (adapter.preview(obj) or "")[:PREVIEW_CHARS]
    item.url = (adapter.url(obj) or "")[:500]
    author = adapter.author(obj)
    item.author_id = getattr(author, "pk", None)


@transaction.atomic
def open_item(obj, *, reasons=(), clause: str = "", held=False, first_post=False, review=False):
    """The open queue item of `obj` (created when there is none), updated with what is new."""
    registration = registry.get_registration(obj._meta.label_lower)
    if registration is None:
        raise ValueError(f"{obj._meta.label} is not registered with moderation")
    content_type, object_id = registry.content_key(obj)
    item, created = QueueItem.objects.select_for_update().get_or_create(
        content_type=content_type, object_id=object_id, status=ItemStatus.OPEN
    )
    _snapshot(item, registration.adapter, obj)
    kind = "held" if held else "first_post" if first_post else "review" if review else "flagged"
    if created:
        item.score = BASE_SCORES[kind]
    elif (held and not item.held) or (review and not item.review_requested):
        item.score += BASE_SCORES[kind]
    item.held = item.held or held
    item.first_post = item.first_post or first_post
    item.review_requested = item.review_requested or review
    item.reasons = list(dict.fromkeys([*item.reasons, *reasons]))
    item.clause = clause or item.clause
    item.save()
    return item


def get_content(item: QueueItem):
    """(adapter, object) of an item; the object is None once the content is gone."""
    adapter = registry.get_adapter(f"{item.content_type.app_label}.{item.content_type.model}")
    obj = registry.load(item.content_type, item.object_id) if adapter else None
    return adapter, obj


@transaction.atomic
def claim_item(item: QueueItem, *, actor, release: bool = False) -> QueueItem:
    """Claim an item so other moderators leave it (or release one's own claim)."""
    item = QueueItem.objects.select_for_update().get(pk=item.pk)
    _check_claim(item, actor)
    item.claimed_by, item.claimed_at = (None, None) if release else (actor, timezone.now())
    item.save(update_fields=["claimed_by", "claimed_at"])
    verb = "moderation.item.release" if release else "moderation.item.claim"
    record(actor, verb, item, staff=True)
    return item


def _check_claim(item: QueueItem, actor) -> None:
    if item.claimed_by_id and item.claimed_by_id != actor.pk:
        raise PermissionDenied(_("%(name)s claimed this item.") % {"name": item.claimed_by})


@transaction.atomic
def decide_item(item: QueueItem, action: str, *, actor, reason: str = "", text: str = ""):
    """Approve, reject, hide, delete or edit the content of an open item, and close it."""
    if action not in ACTIONS:
        raise ValidationError(_("Unknown action."), code="unknown_action")
    item = QueueItem.objects.select_for_update().select_related("content_type").get(pk=item.pk)
    if not item.is_open:
        raise ValidationError(_("This item was already decided."), code="decided")
    _check_claim(item, actor)
    adapter, obj = get_content(item)
    if obj is not None:
        _apply(adapter, obj, action, actor=actor, reason=reason, text=text, item=item)
    resolution = Resolution.EDITED if action == "edit" else DECISIONS[action][1]
    agreed = True if action == "edit" else DECISIONS[action][2]
    _close(item, resolution, actor=actor, agreed=agreed)
    record(actor, f"moderation.item.{action}", item, reason=reason, staff=True, **_meta(item))
    if action != "approve" and item.author is not None:
        _tell_author(item, resolution, reason)
    return item


def _apply(adapter, obj, action, *, actor, reason, text, item) -> None:
    if action == "edit":
        if not adapter.can("edit") or not text.strip():
            raise ValidationError(_("Write the corrected text."), code="edit_text")
        adapter.edit(obj, actor=actor, text=text, reason=reason)
        if item.held and adapter.can("approve"):
            adapter.approve(obj, actor=actor, reason=reason)
        return
    names = DECISIONS[action][0]
    if action == "approve":
        state = adapter.state(obj)
        names = ("approve",) if state.held else ("restore",)
    for name in names:
        if adapter.can(name):
            getattr(adapter, name)(obj, actor=actor, reason=reason)
            return


def close_item(item: QueueItem, resolution: str, *, actor) -> None:
    """Close an item decided outside the queue (flags settled by what the decision means)."""
    _close(item, resolution, actor=actor, agreed=resolution != Resolution.APPROVED)


def _close(item: QueueItem, resolution, *, actor, agreed: bool) -> None:
    from belvedere.moderation.services.flags import settle_flags

    item.status, item.resolution = ItemStatus.RESOLVED, resolution
    item.resolved_at, item.resolved_by = timezone.now(), actor
    item.save(update_fields=["status", "resolution", "resolved_at", "resolved_by"])
    settle_flags(item, FlagStatus.AGREED if agreed else FlagStatus.DISAGREED)


def _meta(item: QueueItem) -> dict:
    return {
        "content": f"{item.content_type.app_label}.{item.content_type.model}",
        "object_id": item.object_id,
        "member": item.author_id,
    }


def _tell_author(item: QueueItem, resolution, reason: str) -> None:
    from belvedere.moderation.clauses import cite

    with in_language(item.author):
        subject = _("A moderator reviewed your content: %(outcome)s") % {
            "outcome": Resolution(resolution).label
        }
        body = "\n\n".join(
            part
            for part in (
                item.preview[:300],
                reason and _("Reason: %(r)s") % {"r": reason},
                cite(item.clause),
            )
            if part
        )
        tell_member(item.author, subject, body)


def bulk_decide(items, action: str, *, actor, reason: str = "") -> tuple[int, list[str]]:
    """Decide many items; returns how many were done and the errors of the others."""
    done, errors = 0, []
    for item in items:
        try:
            decide_item(item, action, actor=actor, reason=reason)
            done += 1
        except (ValidationError, PermissionDenied) as error:
            errors.append(f"#{item.pk}: {' '.join(getattr(error, 'messages', [str(error)]))}")
    return done, errors
