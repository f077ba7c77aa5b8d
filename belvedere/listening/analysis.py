"""The one place listening calls ``belvedere.text``: batch analysis of mention texts."""

import logging

logger = logging.getLogger(__name__)
MODE = "fast"  # the word-list and linear models: thousands of texts per second


def analyse_texts(texts: list[str], mode: str = MODE) -> list[dict | None]:
    """Per text: ``{"language", "sentiment", "sentiment_score", "sentiment_backend",
    "toxicity"}``, or ``None`` for every text when the analysis cannot run (no models yet):
    mentions are then stored without sentiment rather than lost."""
    if not texts:
        return []
    try:
        from belvedere.text.analyze import analyze_many

        results = analyze_many([text[:20_000] for text in texts], mode=mode)
    except Exception:
        logger.exception("Text analysis failed; mentions are stored without sentiment")
        return [None] * len(texts)
    return [_fields(result) for result in results]


def _fields(result: dict) -> dict:
    sentiment = result.get("sentiment") or {}
    toxicity = result.get("toxicity") or {}
    language = result.get("language") or ""
    return {
        "language": "" if language in ("und", "unknown") else language,
        "sentiment": sentiment.get("label", ""),
        "sentiment_score": sentiment.get("score"),
        "sentiment_backend": sentiment.get("backend", ""),
        "toxicity": toxicity.get("TOXICITY"),
    }
