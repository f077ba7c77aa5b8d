"""Word lists with categories (insult, profanity, slur, threat), an allow-list, and group terms.

Terms are matched on whole normalised tokens, never inside a word, so ``conseil``
does not contain ``con`` and ``Scunthorpe`` is safe. A term may be several words
(``fils de pute``) and may use alternations: ``je vais (te|vous) (tuer|buter)``.
Short terms (four letters or fewer) only match in their own language, so the French
``con`` does not fire on Spanish ``con`` ("with"). Communities add their own terms
with :meth:`Lexicon.with_extra`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from belvedere.text.normalize import Normalized, normalize, squeeze

CATEGORIES = ("insult", "profanity", "slur", "threat")
DATA = Path(__file__).parent / "data"
SHORT = 4  # terms this short only match in their own language
_ALTERNATION = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True, slots=True)
class Term:
    """One entry of a word list."""

    text: str
    category: str
    lang: str = "any"


@dataclass(frozen=True, slots=True)
class Match:
    """A term found in a text, with its span in the original text."""

    term: str
    category: str
    start: int
    end: int

    def as_dict(self) -> dict:
        """The JSON form used by ``analyze``."""
        return {"term": self.term, "category": self.category, "start": self.start, "end": self.end}


def expand(pattern: str) -> list[str]:
    """Expand alternations: ``je vais (te|vous) tuer`` -> two phrases."""
    parts = _ALTERNATION.split(pattern)
    choices = [[p] if i % 2 == 0 else p.split("|") for i, p in enumerate(parts)]
    return [" ".join("".join(c).split()) for c in itertools.product(*choices)]


def get_key(phrase: str) -> tuple[str, ...]:
    """The tuple of normalised tokens a phrase is looked up by."""
    return tuple(normalize(phrase).words)


class Lexicon:
    """Categorised terms indexed by their normalised tokens."""

    def __init__(self, terms: Iterable[Term], allow: Iterable[str] = ()) -> None:
        self.terms = tuple(terms)
        self.allow = frozenset(get_key(a) for a in allow)
        self._index: dict[tuple[str, ...], tuple[Term, tuple[str, ...]]] = {}
        self._squeezed: dict[tuple[str, ...], tuple[Term, tuple[str, ...]]] = {}
        for term in self.terms:
            for phrase in expand(term.text):
                key = get_key(phrase)
                if key and key not in self.allow:
                    self._index.setdefault(key, (term, key))
                    self._squeezed.setdefault(tuple(squeeze(k) for k in key), (term, key))
        for key, hit in list(self._index.items()):
            if len(key[-1]) > SHORT and key[-1][-1] not in "sx":
                self._index.setdefault((*key[:-1], key[-1] + "s"), hit)  # plurals
        lengths: dict[str, set[int]] = {}
        for key in [*self._index, *self._squeezed]:
            lengths.setdefault(key[0], set()).add(len(key))
        self._lengths = {k: sorted(v, reverse=True) for k, v in lengths.items()}
        self._all_lengths = sorted({n for v in lengths.values() for n in v}, reverse=True)

    def with_extra(self, terms: Iterable[Term | tuple[str, str]], allow: Iterable[str] = ()):
        """A new lexicon with community terms added and more false friends allowed."""
        extra = [t if isinstance(t, Term) else Term(t[0], t[1]) for t in terms]
        return Lexicon([*extra, *self.terms], allow=[*map(" ".join, self.allow), *allow])

    def _lookup(self, words: tuple[str, ...], stretched: bool) -> tuple[Term, tuple] | None:
        """The term and its key for these words (plural and stretched forms included)."""
        found = self._index.get(words)
        if found is None and stretched:
            found = self._squeezed.get(tuple(squeeze(w) for w in words))
        return found

    def find(self, text: Normalized, language: str = "und") -> list[Match]:
        """All non-overlapping matches in a normalised text, longest first at each position."""
        words, stretched, matches, free = text.words, text.stretched, [], 0
        for i, word in enumerate(words):
            lengths = self._lengths.get(word) or (self._all_lengths if stretched[i] else None)
            if i < free or lengths is None:
                continue
            for n in lengths:
                window = tuple(words[i : i + n])
                if len(window) < n:
                    continue
                if window in self.allow:
                    break
                hit = self._lookup(window, any(stretched[i : i + n]))
                if hit and self._applies(hit[0], language):
                    start, end = text.starts[i], text.ends[i + n - 1]
                    matches.append(Match(" ".join(hit[1]), hit[0].category, start, end))
                    free = i + n
                    break
        return matches

    @staticmethod
    def _applies(term: Term, language: str) -> bool:
        short = len(term.text) <= SHORT
        return not short or term.lang in ("any", language, "und") or language == "und"


def read_terms(path: Path, lang: str) -> list[Term]:
    """Read a ``category<TAB>term`` file; ``#`` starts a comment."""
    terms = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            category, text = (part.strip() for part in line.split("\t", 1))
            assert category in CATEGORIES, f"{path}: unknown category {category!r}"
            terms.append(Term(text, category, lang))
    return terms


def read_lines(path: Path) -> list[str]:
    """Non-empty lines of a file, without comments."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines())
    return [line for line in lines if line]


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The shipped lexicon: curated lists first, then the cleaned imported lists."""
    terms = []
    for lang in ("fr", "en"):
        terms += read_terms(DATA / "lexicon" / f"{lang}.tsv", lang)
    for lang in ("fr", "en"):
        imported = read_lines(DATA / "wordlists" / f"imported_{lang}.txt")
        terms += [Term(text, "profanity", lang) for text in imported]
    return Lexicon(terms, allow=read_lines(DATA / "lexicon" / "allow.txt"))


@lru_cache(maxsize=1)
def get_group_lexicon() -> Lexicon:
    """Nouns for groups of people (women, immigrants, Muslims...), to spot group attacks."""
    path = DATA / "lexicon" / "groups.txt"
    terms = [Term(text, "group") for text in read_lines(path)]
    return Lexicon(terms)
