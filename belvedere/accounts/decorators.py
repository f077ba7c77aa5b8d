"""Role checks for views: `@role_required("moderator")`."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from belvedere.accounts.permissions import has_role


def role_required(role: str):
    """Send anonymous visitors to the login page; refuse (403) members below `role`."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, role):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def check(allowed: bool) -> None:
    """Raise PermissionDenied unless `allowed`: `check(can_change_role(request.user, member))`."""
    if not allowed:
        raise PermissionDenied
