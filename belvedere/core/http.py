"""The guarded HTTP client wired to the settings and the admins' allow-list.

Every fetch of a URL that a person typed goes through ``guarded_client()`` (or its async
twin); forms and API schemas validate such URLs with ``check_user_url`` at input time.
"""

from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from belvedere.net import (
    AsyncGuardedClient,
    FetchConnectionError,
    GuardedClient,
    UnsafeURLError,
    check_url,
    user_agent,
)

CACHE_KEY = "belvedere:net:allowed-hosts"
CACHE_SECONDS = 60


def allowed_hosts() -> list[str]:
    """The allow-list entries, cached for a minute and forgotten whenever a row changes."""
    entries = cache.get(CACHE_KEY)
    if entries is None:
        from belvedere.core.models import AllowedHost

        entries = list(AllowedHost.objects.values_list("host", flat=True))
        cache.set(CACHE_KEY, entries, CACHE_SECONDS)
    return entries


def forget_allowed_hosts() -> None:
    cache.delete(CACHE_KEY)


def client_options(**overrides: Any) -> dict[str, Any]:
    """Keyword arguments for the net clients: settings, allow-list and User-Agent."""
    options: dict[str, Any] = {
        "allow_private": settings.ALLOW_PRIVATE_TARGETS,
        "allow_hosts": allowed_hosts(),
        "user_agent": user_agent(settings.BASE_URL),
    }
    options.update(overrides)
    return options


def guarded_client(**kwargs: Any) -> GuardedClient:
    """A GuardedClient for this install; ``kwargs`` set limits (``max_bytes=…``) or override."""
    return GuardedClient(**client_options(**kwargs))


def async_guarded_client(**kwargs: Any) -> AsyncGuardedClient:
    """An AsyncGuardedClient for this install. Reads the database: call it from sync code
    (a task that then runs an event loop) or wrap it in ``sync_to_async``."""
    return AsyncGuardedClient(**client_options(**kwargs))


def check_user_url(url: str, *, resolve: bool = True) -> str:
    """The normalised URL if Belvedere may fetch it, else ValidationError with a clear message.

    Usable as a form-field validator. ``resolve`` also looks the host name up, so a name
    pointing at an internal address is refused at input time (the client checks again
    when it connects).
    """
    try:
        parsed = check_url(
            url,
            allow_private=settings.ALLOW_PRIVATE_TARGETS,
            allow_hosts=allowed_hosts(),
            resolve=resolve,
        )
    except (UnsafeURLError, FetchConnectionError) as exc:
        raise ValidationError(
            _("This address cannot be fetched: %(reason)s"),
            code="unsafe_url",
            params={"reason": exc},
        )
    return str(parsed)
