"""Tracker plugins: one module per kind (github, gitlab, jira, webhook, email).

Each module offers::

    create_issue(tracker, *, title, body, reference) -> Issue
    close_issue(tracker, issue_id, *, comment) -> None
    is_closed(tracker, issue_id) -> bool | None      # None: cannot tell, wait for a webhook
    closed_issue(payload: dict) -> str | None         # the issue id a webhook says was closed
    check(tracker) -> str                             # a harmless call that proves the settings

`reference` is our own name for the thing (``report-12``, ``incident-3``); webhook and email
trackers use it as the issue id.
"""

from dataclasses import dataclass
from importlib import import_module
from types import ModuleType

KINDS = ("github", "gitlab", "jira", "webhook", "email")


class TrackerError(Exception):
    """The tracker refused or could not be reached; the message is meant for staff."""


@dataclass(frozen=True)
class Issue:
    id: str
    url: str = ""


def plugin_for(tracker) -> ModuleType:
    if tracker.kind not in KINDS:
        raise TrackerError(f"unknown tracker kind {tracker.kind!r}")
    return import_module(f"belvedere.uptime.trackers.{tracker.kind}")
