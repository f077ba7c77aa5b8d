"""Helpers of the watch API: 403 and 422 with the same JSON shape as the rest of the API."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from ninja.errors import HttpError, ValidationError


def forbid_unless(allowed: bool) -> None:
    if not allowed:
        raise HttpError(403, _("You do not have permission to do this."))


def invalid(field: str, message) -> ValidationError:
    return ValidationError(
        [{"loc": ["body", "payload", field], "msg": str(message), "type": "value_error"}]
    )


def checked(field: str, check, value):
    """``check(value)``, a Django validator, as a 422 on ``field``."""
    try:
        return check(value)
    except DjangoValidationError as exc:
        raise invalid(field, " ".join(exc.messages))
