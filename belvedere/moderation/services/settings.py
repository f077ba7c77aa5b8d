"""The one write path of the community's moderation settings."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.moderation.models import ModerationSettings, SanctionKind
from belvedere.moderation.policy import get_settings, invalidate

LIMIT_KEYS = {"links", "mentions", "posts_per_day", "flags_per_day"}
THRESHOLD_KEYS = {
    "age_days", "days_active", "posts", "topics", "reactions_given", "max_sanctions_180d",
    "topics_read", "posts_read", "minutes_read",
}  # fmt: skip


def check_ladder(ladder) -> list[dict]:
    if not isinstance(ladder, list) or not ladder or len(ladder) > 10:
        raise ValidationError({"ladder": _("Give one to ten steps.")})
    steps = []
    for step in ladder:
        kind = step.get("kind") if isinstance(step, dict) else None
        if kind not in SanctionKind.values:
            raise ValidationError({"ladder": _("Unknown sanction %(k)s.") % {"k": str(kind)[:20]}})
        clean = {"kind": kind}
        if kind in (SanctionKind.SILENCE, SanctionKind.SUSPENSION):
            days = step.get("days")
            if not isinstance(days, int) or not 1 <= days <= 3650:
                raise ValidationError(
                    {"ladder": _("Silences and suspensions need 1 to 3650 days.")}
                )
            clean["days"] = days
        steps.append(clean)
    return steps


def _check_table(value, levels, keys, field: str) -> dict:
    if not isinstance(value, dict):
        raise ValidationError({field: _("Give an object keyed by trust level.")})
    clean = {}
    for level, row in value.items():
        if str(level) not in levels or not isinstance(row, dict):
            raise ValidationError({field: _("Unknown trust level %(l)s.") % {"l": str(level)[:5]}})
        for key, number in row.items():
            if key not in keys or not isinstance(number, int) or number < 0:
                raise ValidationError({field: _("Bad value for %(k)s.") % {"k": str(key)[:30]}})
        clean[str(level)] = dict(row)
    return clean


def check_limits(value) -> dict:
    return _check_table(value, {"0", "1", "2", "3", "4"}, LIMIT_KEYS, "trust_limits")


def check_thresholds(value) -> dict:
    return _check_table(value, {"1", "2", "3"}, THRESHOLD_KEYS, "trust_thresholds")


def _check_numbers(fields: dict) -> None:
    for name in ("hold_threshold", "flag_hide_score"):
        if name in fields and not 0 <= float(fields[name]) <= 100:
            raise ValidationError({name: _("Out of range.")})
    if "hold_threshold" in fields and not 0 < float(fields["hold_threshold"]) <= 1.01:
        raise ValidationError({"hold_threshold": _("Between 0 and 1 (above 1: never).")})
    if "reject_threshold" in fields and not 0 < float(fields["reject_threshold"]) <= 1.01:
        raise ValidationError({"reject_threshold": _("Between 0 and 1 (above 1: never).")})


EDITABLE = {
    f.name
    for f in ModerationSettings._meta.get_fields()
    if f.concrete and f.name not in ("id", "updated_at", "updated_by")
}


def check_settings(fields: dict) -> dict:
    """The settings `fields`, validated and cleaned (raises ValidationError)."""
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ValidationError(_("Unknown settings: %(s)s") % {"s": ", ".join(sorted(unknown))})
    fields = dict(fields)
    _check_numbers(fields)
    if "ladder" in fields:
        fields["ladder"] = check_ladder(fields["ladder"])
    if "trust_limits" in fields:
        fields["trust_limits"] = check_limits(fields["trust_limits"])
    if "trust_thresholds" in fields:
        fields["trust_thresholds"] = check_thresholds(fields["trust_thresholds"])
    return fields


@transaction.atomic
def update_settings(*, actor, **fields) -> ModerationSettings:
    fields = check_settings(fields)
    current = get_settings()
    changed = [name for name, value in fields.items() if getattr(current, name) != value]
    for name in changed:
        setattr(current, name, fields[name])
    current.updated_at, current.updated_by = timezone.now(), actor
    current.full_clean()
    current.save()
    if changed:
        record(actor, "moderation.settings.update", None, staff=True, fields=sorted(changed))
    invalidate()
    transaction.on_commit(invalidate)
    return current
