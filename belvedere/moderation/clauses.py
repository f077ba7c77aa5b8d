"""Citing the terms of use: the clause a decision rests on, with its number, title and link."""

from django.conf import settings
from django.utils.translation import gettext as _

from belvedere.terms.queries import clause_url, get_clause

# The clause each kind of problem cites by default (topic keys of the community rules).
DEFAULT_CLAUSES = {
    "harassment": "harassment",
    "hate": "hate",
    "spam": "spam",
    "illegal": "illegal",
    "off-topic": "off-topic",
    "other": "respect",
    "toxicity": "respect",
    "flood": "spam",
    "links": "spam",
}


def describe(key: str) -> dict | None:
    """{"key", "number", "title", "url"} of the clause `key` names, or None."""
    clause = get_clause(key) if key else None
    if clause is None:
        return None
    return {
        "key": clause.key or key,
        "number": clause.number,
        "title": clause.title,
        "url": settings.BASE_URL + clause_url(clause),
    }


def cite(key: str) -> str:
    """A sentence citing the clause, or "" when the terms have none for `key`."""
    info = describe(key)
    if info is None:
        return ""
    return _("See clause %(number)s of the terms, “%(title)s”: %(url)s") % info


def with_citation(message: str, key: str) -> str:
    citation = cite(key)
    return f"{message} {citation}" if citation else message
