"""Exceptions raised by the guarded client; every message is meant for a person."""


class FetchError(Exception):
    """Base class: fetching a URL failed. ``str(exc)`` is a readable sentence."""

    def __init__(self, message: str, *, url: str = "") -> None:
        super().__init__(message)
        self.url = url


class UnsafeURLError(FetchError, ValueError):
    """The URL, a redirect target or the address it resolves to is refused by the policy."""


class ResponseTooLarge(FetchError):
    """The response body is larger than the size cap."""


class TooManyRedirects(FetchError):
    """The server redirected more times than allowed."""


class FetchTimeout(FetchError):
    """The server took too long to connect, answer or finish the body."""


class FetchConnectionError(FetchError):
    """The host could not be resolved or reached, or TLS failed."""
