"""A Perspective API compatible analysis (`comments:analyze`), answered by belvedere.text.

Request and response follow Perspective's v1alpha1 shapes, so tools written for it work by
changing the base URL: `comment.text`, `requestedAttributes` (with `scoreThreshold`,
`_EXPERIMENTAL` names accepted), `languages`, `spanAnnotations`, `doNotStore` (nothing is
ever stored here), `clientToken`; errors use Google's `{"error": {...}}` envelope.
"""

from __future__ import annotations

import re

from belvedere.text.analyze import analyze, analyze_many
from belvedere.text.toxicity import ATTRIBUTES

LANGUAGES = ("en", "fr")
MAX_BYTES = 20480
ERROR_TYPE = "type.googleapis.com/google.commentanalyzer.v1alpha1.Error"
SENTENCE_RE = re.compile(r"[^.!?…\n]+[.!?…]*\s*|\n+")


class PerspectiveError(Exception):
    def __init__(self, message: str, *, code: int = 400, status: str = "INVALID_ARGUMENT",
                 details: list | None = None):  # fmt: skip
        super().__init__(message)
        self.code, self.status, self.details = code, status, details

    def as_dict(self) -> dict:
        error = {"code": self.code, "message": str(self), "status": self.status}
        if self.details:
            error["details"] = self.details
        return {"error": error}


def language_error(attribute: str, languages: list[str], *, requested: bool) -> PerspectiveError:
    shown = ", ".join(languages) or "und"
    payload = {"attribute": attribute}
    payload["requestedLanguages" if requested else "detectedLanguages"] = languages or ["und"]
    return PerspectiveError(
        f"Attribute {attribute} does not support request languages: {shown}",
        details=[
            {
                "@type": ERROR_TYPE,
                "errorType": "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE",
                "languageNotSupportedByAttributeError": payload,
            }
        ],
    )


def _attributes(requested) -> dict[str, tuple[str, float | None]]:
    """{name as requested: (our attribute, score threshold)}."""
    if not isinstance(requested, dict) or not requested:
        raise PerspectiveError("requestedAttributes must name at least one attribute.")
    attributes = {}
    for name, params in requested.items():
        base = str(name).upper().removesuffix("_EXPERIMENTAL")
        if base not in ATTRIBUTES:
            raise PerspectiveError(f"Unknown attribute: {name}")
        params = params if isinstance(params, dict) else {}
        if params.get("scoreType", "PROBABILITY") not in ("PROBABILITY", "STD_DEV_SCORE", ""):
            raise PerspectiveError(f"Unsupported scoreType for {name}: {params['scoreType']}")
        threshold = params.get("scoreThreshold")
        if threshold is not None:
            if isinstance(threshold, bool) or not isinstance(threshold, int | float):
                raise PerspectiveError(f"scoreThreshold of {name} must be a number.")
            if not 0 <= threshold <= 1:
                raise PerspectiveError(f"scoreThreshold of {name} must be between 0 and 1.")
        attributes[str(name)] = (base, threshold)
    return attributes


def _languages(value) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PerspectiveError("languages must be a list of language codes.")
    return [v.strip().lower().replace("_", "-").split("-")[0] for v in value if v.strip()]


def parse_request(body) -> dict:
    if not isinstance(body, dict):
        raise PerspectiveError("The request body must be a JSON object.")
    comment = body.get("comment")
    text = comment.get("text") if isinstance(comment, dict) else None
    if not isinstance(text, str) or not text.strip():
        raise PerspectiveError("comment.text is required and must not be empty.")
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise PerspectiveError(f"Comment text too long: the limit is {MAX_BYTES} bytes.")
    token = body.get("clientToken")
    if token is not None and not isinstance(token, str):
        raise PerspectiveError("clientToken must be a string.")
    for flag in ("spanAnnotations", "doNotStore"):
        if body.get(flag) is not None and not isinstance(body.get(flag), bool):
            raise PerspectiveError(f"{flag} must be true or false.")
    return {
        "text": text,
        "attributes": _attributes(body.get("requestedAttributes")),
        "languages": _languages(body.get("languages")),
        "spans": bool(body.get("spanAnnotations")),
        "client_token": token,
    }


def sentences(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in SENTENCE_RE.finditer(text) if m.group().strip()]
    return spans or [(0, len(text))]


def _score(value: float) -> dict:
    return {"value": round(float(value), 6), "type": "PROBABILITY"}


def analyze_comment(request: dict, *, lexicon=None) -> dict:
    """The Perspective response for a parsed request (raises PerspectiveError)."""
    text, attributes = request["text"], request["attributes"]
    analysis = analyze(text, mode="fast", lexicon=lexicon)
    detected = [analysis["language"]] if analysis["language"] != "und" else []
    languages = request["languages"] or detected
    unsupported = [lang for lang in languages if lang not in LANGUAGES]
    if unsupported or not languages:
        first = next(iter(attributes.values()))[0]
        raise language_error(first, languages, requested=bool(request["languages"]))
    spans = sentences(text) if request["spans"] else []
    span_results = analyze_many([text[b:e] for b, e in spans], mode="fast", lexicon=lexicon)
    scores = {}
    for name, (base, threshold) in attributes.items():
        value = analysis["toxicity"][base]
        if threshold is not None and value < threshold:
            continue
        entry = {"summaryScore": _score(value)}
        if spans:
            entry["spanScores"] = [
                {"begin": b, "end": e, "score": _score(result["toxicity"][base])}
                for (b, e), result in zip(spans, span_results, strict=True)
            ]
        scores[name] = entry
    response = {"attributeScores": scores, "languages": languages, "detectedLanguages": detected}
    if request["client_token"] is not None:
        response["clientToken"] = request["client_token"]
    return response
