"""Members flag content; each flag weighs by the flagger's trust level and past accuracy
(Discourse's review score), and content is hidden once the flags weigh enough."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.moderation import registry
from belvedere.moderation.clauses import DEFAULT_CLAUSES, cite
from belvedere.moderation.models import Flag, FlagReason, FlagStatus, QueueItem, Standing
from belvedere.moderation.policy import get_settings
from belvedere.moderation.services.notify import in_language, tell_member
from belvedere.moderation.services.queue import open_item
from belvedere.moderation.standing import effective_trust, get_standing

MIN_FLAGS_FOR_ACCURACY = 5


def flag_weight(flagger) -> float:
    """1 + trust level + accuracy bonus (−2.5 … +2.5 once 5 flags were decided); ≥ 0.5."""
    standing = get_standing(flagger)
    agreed, disagreed = standing.flags_agreed, standing.flags_disagreed
    bonus = 0.0
    if agreed + disagreed >= MIN_FLAGS_FOR_ACCURACY:
        bonus = 5 * agreed / (agreed + disagreed) - 2.5
    return round(max(0.5, 1 + effective_trust(flagger, standing) + bonus), 2)


def _validate(obj, flagger, reason: str, text: str, adapter) -> None:
    if reason not in FlagReason.values:
        raise ValidationError(_("Choose a reason."), code="reason")
    if reason == FlagReason.OTHER and not text.strip():
        raise ValidationError(_("Tell the moderators what is wrong."), code="text")
    author = adapter.author(obj)
    if author is not None and author.pk == flagger.pk:
        raise ValidationError(_("You cannot flag your own content."), code="own")
    content_type, object_id = registry.content_key(obj)
    if Flag.objects.filter(
        content_type=content_type, object_id=object_id, flagger=flagger
    ).exists():
        raise ValidationError(_("You already flagged this."), code="duplicate")
    limit = get_settings().limits_for(effective_trust(flagger)).get("flags_per_day")
    since = timezone.now() - timedelta(days=1)
    if (
        limit is not None
        and flagger.moderation_flags.filter(created_at__gte=since).count() >= limit
    ):
        raise ValidationError(_("You reached your number of flags for today."), code="limit")


@transaction.atomic
def flag_content(obj, *, flagger, reason: str, text: str = "") -> Flag:
    """Record a member's flag; hide the content when the flags weigh enough."""
    adapter = registry.get_adapter(obj._meta.label_lower)
    if adapter is None:
        raise ValidationError(_("This cannot be flagged."), code="not_moderated")
    text = (text or "").strip()[:500]
    _validate(obj, flagger, reason, text, adapter)
    clause = DEFAULT_CLAUSES.get(reason, "respect")
    item = open_item(obj, reasons=[f"flag:{reason}"], clause=clause)
    weight = flag_weight(flagger)
    flag = Flag.objects.create(
        item=item,
        content_type=item.content_type,
        object_id=item.object_id,
        flagger=flagger,
        reason=reason,
        text=text,
        weight=weight,
    )
    QueueItem.objects.filter(pk=item.pk).update(
        score=F("score") + weight, flag_count=F("flag_count") + 1
    )
    record(flagger, "moderation.flag.create", item, reason=text, flag_reason=reason, weight=weight)
    item.refresh_from_db()
    _hide_if_heavy(item, adapter, obj)
    return flag


def _hide_if_heavy(item: QueueItem, adapter, obj) -> None:
    pending = item.flags.filter(status=FlagStatus.PENDING).aggregate(total=Sum("weight"))
    threshold = get_settings().flag_hide_score
    if (pending["total"] or 0) < threshold or item.auto_hidden or not adapter.can("hide"):
        return
    if adapter.state(obj).hidden:
        return
    with in_language(item.author):
        reason = _("Hidden after members flagged it.")
        adapter.hide(obj, actor=None, reason=reason)
        item.auto_hidden = True
        item.save(update_fields=["auto_hidden"])
        record(None, "moderation.item.auto_hide", item, reason=reason, staff=True)
        body = "\n\n".join(
            part
            for part in (
                item.preview[:300],
                _("You may edit it to ask the moderators for a new review: %(url)s")
                % {"url": f"{settings.BASE_URL}/moderation/items/{item.pk}/revise/"},
                cite(item.clause),
            )
            if part
        )
        tell_member(item.author, _("Your content was hidden after flags"), body)


def settle_flags(item: QueueItem, status: str) -> None:
    """Mark the item's pending flags agreed or disagreed and update flaggers' accuracy."""
    flaggers = list(
        item.flags.filter(status=FlagStatus.PENDING).values_list("flagger_id", flat=True)
    )
    if not flaggers:
        return
    item.flags.filter(status=FlagStatus.PENDING).update(status=status)
    field = "flags_agreed" if status == FlagStatus.AGREED else "flags_disagreed"
    for member_id in flaggers:
        Standing.objects.get_or_create(member_id=member_id)
    Standing.objects.filter(member_id__in=flaggers).update(**{field: F(field) + 1})
