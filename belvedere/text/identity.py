"""Group attacks by composition: a group of people is named AND something hostile is said of it.

A trained model alone learns the wordings of its data ("Je hais les musulmans" was missed while
"Les réfugiés arrivés hier sont logés à Lyon" was flagged). This module reads three hand-written
lists on the normalised tokens:

- ``groups.txt``: nouns for groups of people (women, immigrants, Muslims, Jews...);
- ``hostile.tsv``: hostile predicates (hate, dehumanising nouns, negative stereotypes, calls for
  exclusion or violence), ignored when negated (``ne sont pas des``, ``are not``) or inside
  quotation marks (reported speech);
- ``counter.txt``: counter-speech (``le racisme``, ``is wrong``, ``calling someone a``...).

:func:`get_identity_attack` combines the result with the group-attack model: a group plus an
unnegated hostile predicate is an attack even when the model is unsure; a group named with
nothing hostile said of it is not, even when the model is confident; counter-speech is low.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from belvedere.text.lexicon import DATA, Lexicon, Match, Term, read_lines
from belvedere.text.normalize import Normalized

HOSTILE_KINDS = ("hate", "dehumanise", "stereotype", "exclusion")
NEGATIONS = frozenset(
    ["pas", "not", "t", "jamais", "never", "no", "non", "nor", "ni", "isn", "aren"]
)
NEGATION_WINDOW = 3  # tokens before a predicate that can negate it
_QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"]*\"|„[^„“”]*[“”]")

# How the rule and the model combine (see get_identity_attack).
ATTACK_FLOOR, ATTACK_GAIN = 0.55, 0.45  # group + hostile: at least 0.55, up to 1 with the model
UNSUPPORTED = 0.7  # group named, nothing hostile found (chosen by CV on train)
NO_GROUP = 0.3  # no group named at all
COUNTER = 0.3  # counter-speech or only reported/negated hostility


@dataclass(frozen=True, slots=True)
class GroupSignals:
    """What the group-attack rule found in one text."""

    groups: tuple[Match, ...]
    hostile: tuple[Match, ...]  # unnegated, unquoted hostile predicates
    discounted: tuple[Match, ...]  # hostile predicates that were negated or quoted
    counter: bool

    @property
    def attack(self) -> bool:
        """A group is named and something hostile is said, without counter-speech."""
        return bool(self.groups) and bool(self.hostile) and not self.counter


@lru_cache(maxsize=1)
def get_hostile_lexicon() -> Lexicon:
    """The hostile predicates, by kind."""
    terms = []
    for line in read_lines(DATA / "lexicon" / "hostile.tsv"):
        kind, text = (part.strip() for part in line.split("\t", 1))
        assert kind in HOSTILE_KINDS, f"hostile.tsv: unknown kind {kind!r}"
        terms.append(Term(text, kind))
    return Lexicon(terms)


def get_quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the original text inside quotation marks (« », “ ”, " ")."""
    return [m.span() for m in _QUOTED.finditer(text)]


def is_negated(norm: Normalized, match: Match) -> bool:
    """Whether a negation word comes shortly before a match (``ne sont pas des``, ``are not``)."""
    try:
        i = norm.starts.index(match.start)
    except ValueError:
        return False
    window = norm.words[max(0, i - NEGATION_WINDOW) : i]
    return not NEGATIONS.isdisjoint(window)


def get_group_signals(
    text: str, norm: Normalized, groups: list[Match], counter: bool
) -> GroupSignals:
    """Hostile predicates of a text that names a group, split into asserted and discounted."""
    if not groups:
        return GroupSignals((), (), (), counter)
    quoted = get_quoted_spans(text)
    hostile, discounted = [], []
    for m in get_hostile_lexicon().find(norm):
        inside = any(a <= m.start and m.end <= b for a, b in quoted)
        (discounted if inside or is_negated(norm, m) else hostile).append(m)
    return GroupSignals(tuple(groups), tuple(hostile), tuple(discounted), counter)


def get_identity_attack(p_group: float, signals: GroupSignals, slur: bool) -> float:
    """IDENTITY_ATTACK from the group model's probability and the rule.

    - counter-speech (or a slur that is quoted or denounced): ``COUNTER`` x the model;
    - group + asserted hostile predicate: ``ATTACK_FLOOR + ATTACK_GAIN`` x the model (>= 0.55);
    - an unquoted slur: at least 0.8;
    - group named, hostility only negated or quoted: ``COUNTER`` x the model;
    - group named, nothing hostile found: ``UNSUPPORTED`` x the model;
    - no group: ``NO_GROUP`` x the model.
    """
    if signals.counter:
        return COUNTER * p_group
    if slur:
        return max(p_group, 0.8)
    if signals.attack:
        return ATTACK_FLOOR + ATTACK_GAIN * p_group
    if not signals.groups:
        return NO_GROUP * p_group
    if signals.discounted:
        return COUNTER * p_group
    return UNSUPPORTED * p_group
