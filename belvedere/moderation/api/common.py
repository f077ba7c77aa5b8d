"""Helpers of the moderation API: permission checks, error bodies, serialisers."""

from django.core.exceptions import PermissionDenied, ValidationError


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def invalid(error: ValidationError) -> tuple[int, dict]:
    """A 422 body from a service's ValidationError."""
    if hasattr(error, "error_dict"):
        errors = {
            field: ValidationError(problems).messages
            for field, problems in error.error_dict.items()
        }
        detail = " ".join(m for messages in errors.values() for m in messages)
        return 422, {"detail": detail, "errors": errors}
    return 422, {"detail": " ".join(error.messages)}


def member_ref(user) -> dict | None:
    return {"id": user.pk, "display_name": user.display_name} if user else None


def item_out(item) -> dict:
    return {
        **{
            name: getattr(item, name)
            for name in (
                "id",
                "object_id",
                "content_label",
                "preview",
                "url",
                "status",
                "held",
                "first_post",
                "auto_hidden",
                "review_requested",
                "reasons",
                "clause",
                "score",
                "flag_count",
                "created_at",
                "resolved_at",
                "resolution",
            )
        },  # fmt: skip
        "content": f"{item.content_type.app_label}.{item.content_type.model}",
        "author": member_ref(item.author),
        "claimed_by": member_ref(item.claimed_by),
        "flags": [
            {
                "reason": f.reason,
                "text": f.text,
                "weight": f.weight,
                "status": f.status,
                "created_at": f.created_at,
            }
            for f in item.flags.all()
        ],  # fmt: skip
    }


def sanction_out(sanction) -> dict:
    appeal = getattr(sanction, "appeal", None) if _has_appeal(sanction) else None
    return {
        "id": sanction.pk,
        "member": sanction.member_id,
        "kind": sanction.kind,
        "reason": sanction.reason,
        "clause": sanction.clause,
        "starts_at": sanction.starts_at,
        "ends_at": sanction.ends_at,
        "created_by": sanction.created_by_id,
        "lifted_at": sanction.lifted_at,
        "appeal_status": appeal.status if appeal else None,
    }


def _has_appeal(sanction) -> bool:
    from belvedere.moderation.models import Appeal

    try:
        return sanction.appeal is not None
    except Appeal.DoesNotExist:
        return False


def appeal_out(appeal) -> dict:
    return {
        "id": appeal.pk,
        "sanction": appeal.sanction_id,
        "member": appeal.member_id,
        "text": appeal.text,
        "status": appeal.status,
        "created_at": appeal.created_at,
        "decided_by": appeal.decided_by_id,
        "decided_at": appeal.decided_at,
        "decision_note": appeal.decision_note,
    }
