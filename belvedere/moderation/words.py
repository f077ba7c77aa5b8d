"""Watched words compiled once into a matcher that reads normalised text.

The text is normalised by `belvedere.text` (case, accents, leetspeak, stretched and spaced
letters), so `C0nnnn4rd` and `c o n n a r d` are `connard`. Words and phrases match whole
tokens only (`con` never matches inside `conseil`); `*` stands for any letters inside a
token (`abrut*`); regular expressions run on the normalised text (tokens joined by single
spaces). Every match reports its span in the original text, for masking.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from belvedere.text.normalize import Normalized, normalize, squeeze


@dataclass(frozen=True, slots=True)
class WordSpec:
    id: int
    pattern: str
    is_regex: bool
    action: str
    replacement: str = ""
    clause_key: str = ""
    language: str = "any"


@dataclass(frozen=True, slots=True)
class WordHit:
    word: WordSpec
    start: int
    end: int


def literal_key(phrase: str) -> tuple[str, ...]:
    return tuple(token.text for token in normalize(phrase).tokens)


def wildcard_regex(pattern: str) -> str | None:
    """A regex over normalised text for a phrase with `*` (None when nothing is left)."""
    parts = []
    for word in pattern.split():
        pieces = [" ".join(literal_key(piece)) for piece in word.split("*")]
        if any(" " in piece for piece in pieces):
            return None  # a piece that normalises to several tokens: not a single token
        parts.append("[^ ]*".join(re.escape(piece) for piece in pieces))
    body = " ".join(part for part in parts if part)
    if not body.strip("[^ ]*"):
        return None
    return rf"(?<![^ ]){body}(?![^ ])"


class WordMatcher:
    """All watched words, indexed: literal phrases by their token tuples, wildcards as one
    combined expression, regular expressions one by one."""

    def __init__(self, words: list[WordSpec], compiled: dict[int, re.Pattern] | None = None):
        self.literals: dict[tuple[str, ...], WordSpec] = {}
        self.squeezed: dict[tuple[str, ...], WordSpec] = {}
        wild: list[str] = []
        self.wild_words: dict[str, WordSpec] = {}
        self.regexes: list[tuple[re.Pattern, WordSpec]] = []
        for word in words:
            if word.is_regex:
                pattern = (compiled or {}).get(word.id) or re.compile(word.pattern, re.I)
                self.regexes.append((pattern, word))
            elif "*" in word.pattern:
                regex = wildcard_regex(word.pattern)
                if regex:
                    name = f"w{len(wild)}"
                    wild.append(f"(?P<{name}>{regex})")
                    self.wild_words[name] = word
            else:
                key = literal_key(word.pattern)
                if key:
                    self.literals.setdefault(key, word)
                    self.squeezed.setdefault(tuple(squeeze(k) for k in key), word)
        self.wild = re.compile("|".join(wild)) if wild else None
        self.longest = max((len(key) for key in self.literals), default=0)
        self.has_language_words = any(w.language not in ("any", "") for w in words)

    def __bool__(self) -> bool:
        return bool(self.literals or self.wild or self.regexes)

    def find(self, norm: Normalized, language: str = "und") -> list[WordHit]:
        hits = self._literals(norm)
        if self.wild or self.regexes:
            hits += self._expressions(norm)
        return [hit for hit in hits if _applies(hit.word, language)]

    def _literals(self, norm: Normalized) -> list[WordHit]:
        tokens, hits, i = norm.tokens, [], 0
        while i < len(tokens) and self.longest:
            found = None
            for n in range(min(self.longest, len(tokens) - i), 0, -1):
                window = tokens[i : i + n]
                words = tuple(t.text for t in window)
                word = self.literals.get(words)
                if word is None and any(t.stretched for t in window):
                    word = self.squeezed.get(tuple(squeeze(w) for w in words))
                if word is not None:
                    found = WordHit(word, window[0].start, window[-1].end)
                    i += n
                    break
            if found:
                hits.append(found)
            else:
                i += 1
        return hits

    def _expressions(self, norm: Normalized) -> list[WordHit]:
        text, starts = _joined(norm)
        hits = []
        if self.wild is not None:
            for match in self.wild.finditer(text):
                word = self.wild_words[match.lastgroup]
                hits.append(_hit(word, norm, starts, match.start(), match.end()))
        for pattern, word in self.regexes:
            for match in pattern.finditer(text):
                if match.end() > match.start():
                    hits.append(_hit(word, norm, starts, match.start(), match.end()))
        return hits


def _joined(norm: Normalized) -> tuple[str, list[int]]:
    starts, offset = [], 0
    for token in norm.tokens:
        starts.append(offset)
        offset += len(token.text) + 1
    return norm.text, starts


def _hit(word: WordSpec, norm: Normalized, starts: list[int], begin: int, end: int) -> WordHit:
    first = max(0, bisect.bisect_right(starts, begin) - 1)
    last = max(first, bisect.bisect_right(starts, max(begin, end - 1)) - 1)
    return WordHit(word, norm.tokens[first].start, norm.tokens[last].end)


def _applies(word: WordSpec, language: str) -> bool:
    return word.language in ("any", "", language) or language in ("und", "")


def mask(text: str, hits: list[WordHit], *, escape=None) -> str:
    """`text` with censored words masked (■) and replaced words replaced."""
    spans = sorted(
        (hit for hit in hits if hit.word.action in ("censor", "replace")), key=lambda h: h.start
    )
    out, position = [], 0
    for hit in spans:
        if hit.start < position:
            continue
        out.append(text[position : hit.start])
        original = text[hit.start : hit.end]
        if hit.word.action == "replace" and hit.word.replacement:
            replacement = hit.word.replacement
            out.append(escape(replacement) if escape else replacement)
        else:
            out.append("".join("■" if c.isalnum() else c for c in original))
        position = hit.end
    out.append(text[position:])
    return "".join(out)
