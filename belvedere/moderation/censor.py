"""Masking on display: watched words with the action "censor" become ■■■, "replace" words
their replacement. The stored text is untouched, so removing a word unmasks it everywhere.

`censor(html)` reads HTML safely: only text between tags changes, and replacements are
escaped. Templates use the `censor` filter (`{% load moderation %}`).
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from belvedere.moderation.policy import get_policy
from belvedere.moderation.words import mask
from belvedere.text.normalize import normalize

TAG_RE = re.compile(r"(<[^>]*>)")


def _mask_text(text: str, matcher) -> str:
    hits = [h for h in matcher.find(normalize(text)) if h.word.action in ("censor", "replace")]
    return mask(text, hits, escape=escape) if hits else text


def censor_text(text: str) -> str:
    """Plain text with censored words masked (the result is plain text)."""
    policy = get_policy()
    if not text or not policy.has_display_words:
        return text
    hits = [
        h for h in policy.matcher.find(normalize(text)) if h.word.action in ("censor", "replace")
    ]
    return mask(text, hits) if hits else text


def censor(html) -> SafeString:
    """Sanitised HTML (a post body) with censored words masked; stays safe HTML."""
    html = str(html or "")
    policy = get_policy()
    if not policy.has_display_words:
        return mark_safe(html)  # noqa: S308 - the input is already sanitised HTML
    parts = TAG_RE.split(html)
    for i, part in enumerate(parts):
        if i % 2 == 0 and part.strip():
            parts[i] = _mask_text(part, policy.matcher)
    return mark_safe("".join(parts))  # noqa: S308 - only text between tags changed, escaped
