"""Guarded outbound HTTP: the only way Belvedere fetches a URL that a person typed.

Pure Python (no Django). See README.md beside this file for what is refused and why.
"""

from belvedere.net.aclient import AsyncGuardedClient, afetch
from belvedere.net.client import GuardedClient, fetch
from belvedere.net.errors import (
    FetchConnectionError,
    FetchError,
    FetchTimeout,
    ResponseTooLarge,
    TooManyRedirects,
    UnsafeURLError,
)
from belvedere.net.hosts import parse_allowed_host
from belvedere.net.limits import Limits, user_agent
from belvedere.net.policy import AddressPolicy, classify
from belvedere.net.urls import check_url

__all__ = [
    "AddressPolicy",
    "AsyncGuardedClient",
    "FetchConnectionError",
    "FetchError",
    "FetchTimeout",
    "GuardedClient",
    "Limits",
    "ResponseTooLarge",
    "TooManyRedirects",
    "UnsafeURLError",
    "afetch",
    "check_url",
    "classify",
    "fetch",
    "parse_allowed_host",
    "user_agent",
]
