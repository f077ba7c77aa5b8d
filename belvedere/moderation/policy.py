"""The community's policy compiled once per change: settings, watched words, lexicon.

Screening and display read `get_policy()`, which costs at most one cache read a second: a
version stamp in the shared cache (so every worker sees a change within a second) tells
whether this process's compiled copy is still current. Every write to watched words or
settings calls `invalidate()` (services and signal receivers do), which also drops this
process's copy at once.
"""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass

from django.core.cache import cache

from belvedere.moderation.models import ModerationSettings, WatchedWord, WordAction
from belvedere.moderation.words import WordMatcher, WordSpec
from belvedere.text.lexicon import Lexicon, get_lexicon

VERSION_KEY = "moderation:policy-version"
_lock = threading.Lock()
CHECK_EVERY = 1.0  # seconds between two reads of the shared version stamp
_compiled: dict[str, object] = {"version": None, "policy": None, "checked": 0.0}


@dataclass(frozen=True)
class Policy:
    settings: ModerationSettings
    matcher: WordMatcher
    lexicon: Lexicon | None
    blocked_domains: tuple[str, ...]
    allowed_domains: tuple[str, ...]
    has_display_words: bool  # any censor/replace word: display has work to do


def current_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY) or "unknown"
    return version


def invalidate(**kwargs) -> None:
    """Forget the compiled policy here and in every process (usable as a signal receiver)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    _compiled.update(version=None, policy=None, checked=0.0)


def get_settings() -> ModerationSettings:
    """The settings row (an unsaved default one until a manager saves it)."""
    return ModerationSettings.objects.order_by("pk").first() or ModerationSettings()


def get_policy() -> Policy:
    policy, now = _compiled["policy"], time.monotonic()
    if policy is not None and now - _compiled["checked"] < CHECK_EVERY:
        return policy
    version = current_version()
    if policy is not None and _compiled["version"] == version:
        _compiled["checked"] = now
        return policy
    with _lock:
        policy = compile_policy()
        _compiled.update(version=version, policy=policy, checked=now)
    return policy


def compile_policy() -> Policy:
    settings = get_settings()
    rows = list(WatchedWord.objects.all())
    specs = [
        WordSpec(
            w.pk, w.pattern, w.is_regex, w.action, w.replacement, w.clause_key, w.language or "any"
        )
        for w in rows
    ]
    extra = [
        (w.pattern, w.category)
        for w in rows
        if w.category and not w.is_regex and "*" not in w.pattern
    ]
    lexicon = get_lexicon().with_extra(extra) if extra else None
    display = any(w.action in (WordAction.CENSOR, WordAction.REPLACE) for w in rows)
    return Policy(
        settings=settings,
        matcher=WordMatcher(specs),
        lexicon=lexicon,
        blocked_domains=tuple(ModerationSettings.domains(settings.blocked_domains)),
        allowed_domains=tuple(ModerationSettings.domains(settings.allowed_domains)),
        has_display_words=display,
    )
