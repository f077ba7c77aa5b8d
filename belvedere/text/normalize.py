"""Evasion-proof normalisation: the form of a text that word lists and models read.

A text is cut into tokens (words, hashtags without `#`, runs of spaced or dotted
letters such as ``c o n n a r d`` or ``c.o.n``); URLs and mentions become the
placeholders ``@url`` and ``@user``. Each token is folded: invisible characters
removed, compatibility forms (``𝐜𝐨𝐧``, full-width) and look-alike letters (Cyrillic,
Greek) mapped to Latin, accents and case dropped, leetspeak decoded (``c0nn4rd``,
``s4l0pe``) and runs of three or more identical letters cut to two. Every token
keeps the span of the original text it came from, so a match reports where it is.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

# Zero-width and other invisible characters that people insert inside words.
INVISIBLE = "\u00ad\u034f\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"

# Look-alike letters (Cyrillic, Greek) that NFKC does not map to Latin.
CONFUSABLES = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "з": "3", "и": "u", "к": "k", "м": "m", "н": "h",
    "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i",
    "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɑ": "a", "ɡ": "g", "ı": "i", "ł": "l",
    "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "i", "κ": "k", "μ": "u", "ν": "v",
    "ο": "o", "ρ": "p", "σ": "o", "τ": "t", "υ": "u", "χ": "x", "ω": "w",
    "œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ð": "d", "þ": "th",
}  # fmt: skip

# Leetspeak, applied only inside tokens that also contain letters.
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
        "@": "a", "$": "s", "€": "e", "!": "i", "|": "l"}  # fmt: skip

_FOLD = str.maketrans({**dict.fromkeys(INVISIBLE, None), **CONFUSABLES})
_LEET = str.maketrans(LEET)
_WORD = r"[\w@$€!|*\u00ad\u034f\u180e\u200b-\u200f\u2060-\u2064\ufeff]"
_SINGLE = r"(?<![\w@$€*])[^\W_](?![\w@$€*])"
TOKEN_RE = re.compile(
    r"(?P<url>(?:https?://|www\.)\S+)"
    r"|(?P<mention>(?<!\w)@\w+)"
    r"|(?P<emoji>[\U0001F300-\U0001FAFF\u2600-\u27BF])"
    rf"|(?P<spaced>{_SINGLE}(?:[ .\-_*·/]{{1,2}}{_SINGLE}){{2,}})"
    rf"|#?(?P<word>{_WORD}+)",
    re.IGNORECASE,
)
_SPACED_SEP = re.compile(r"[ .\-_*·/]+")
_EDGE = re.compile(r"^[!|*]+|[!|*]+$")
_RUNS = re.compile(r"(.)\1{2,}")
_SQUEEZE = re.compile(r"(.)\1+")
_NUMERIC = re.compile(r"\d+(?:[.,:h]\d+)*(?:er|re|e|eme|st|nd|rd|th|h|k|m|km|kg|g|min|s|x|%)?")


class Token(NamedTuple):
    """One normalised token and the span ``[start, end)`` it covers in the original text."""

    text: str
    start: int
    end: int
    stretched: bool = False  # a letter was repeated three times or more


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised text as parallel lists: words, their spans, and whether they were stretched."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    stretched: list[bool]

    @property
    def text(self) -> str:
        """The words joined by single spaces: what the models and the word lists read."""
        return " ".join(self.words)

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The words as :class:`Token` objects."""
        return tuple(map(Token, self.words, self.starts, self.ends, self.stretched))


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> tuple[str, bool]:
    """Fold one word; return it and whether a letter was stretched (``connnnard``)."""
    text = unicodedata.normalize("NFKC", word).lower().translate(_FOLD)
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = _EDGE.sub("", text)
    if not any(c.isalnum() for c in text):
        return "", False
    if not _NUMERIC.fullmatch(text) and sum(c.isalpha() for c in text) >= 2:
        text = text.translate(_LEET)
    squeezed = _RUNS.sub(r"\1\1", text)
    return squeezed, squeezed != text


def squeeze(word: str) -> str:
    """Cut every run of a repeated letter to one letter (``connard`` -> ``conard``)."""
    return _SQUEEZE.sub(r"\1", word)


def normalize(text: str) -> Normalized:
    """Cut ``text`` into folded words that keep their original spans."""
    words, starts, ends, stretched = [], [], [], []
    for match in TOKEN_RE.finditer(text):
        kind = match.lastgroup
        if kind == "word":
            word, long = fold_word(match.group(kind))
        elif kind == "url":
            word, long = "@url", False
        elif kind == "mention":
            word, long = "@user", False
        elif kind == "emoji":
            word, long = match.group(kind), False
        else:
            word, long = fold_word(_SPACED_SEP.sub("", match.group(kind)))
        if word:
            start, end = match.span(kind)
            words.append(word)
            starts.append(start)
            ends.append(end)
            stretched.append(long)
    return Normalized(words, starts, ends, stretched)


def normalize_text(text: str) -> str:
    """Return only the normalised string of ``text``."""
    return normalize(text).text
