"""Language identification with py3langid, restricted to the languages Belvedere serves."""

from __future__ import annotations

import re
import threading

LANGUAGES = ("fr", "en", "es", "de", "it", "pt", "nl")
UNDETERMINED = "und"
MIN_LETTERS = 4  # fewer letters than this (emoji, a URL, "ok") gives "und"
MIN_CONFIDENCE = 0.5
MAX_CHARS = 1_000  # the first 1,000 characters decide

_NOISE = re.compile(r"(?:https?://|www\.)\S+|(?<!\w)@\w+|#|&\w+;|\bhttp\b|\bRT\b")
_LETTER = re.compile(r"[^\W\d_]")
_lock = threading.Lock()
_identifier = None


def get_identifier():
    """The py3langid identifier, loaded once per process."""
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            identifier.set_languages(list(LANGUAGES))
            _identifier = identifier
    return _identifier


def detect(text: str) -> tuple[str, float]:
    """Return ``(language, confidence)``; ``("und", 0.0)`` when unsure or too short."""
    cleaned = _NOISE.sub(" ", text[:MAX_CHARS])
    if len(_LETTER.findall(cleaned)) < MIN_LETTERS:
        return UNDETERMINED, 0.0
    language, confidence = get_identifier().classify(cleaned)
    if confidence < MIN_CONFIDENCE:
        return UNDETERMINED, round(float(confidence), 4)
    return language, round(float(confidence), 4)
