"""Shared helpers of the engagement API."""

from contextlib import contextmanager

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from ninja.errors import HttpError


def forbid_unless(allowed: bool) -> None:
    if not allowed:
        raise HttpError(403, _("You do not have permission to do this."))


@contextmanager
def domain_errors():
    """Django's ValidationError → 422 with its messages; PermissionDenied → 403."""
    try:
        yield
    except ValidationError as error:
        raise HttpError(422, " ".join(error.messages))
    except PermissionDenied as error:
        raise HttpError(403, str(error) or _("You do not have permission to do this."))
