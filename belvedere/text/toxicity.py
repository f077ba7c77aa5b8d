"""Toxicity: word-list signals, two linear models, and the six attributes derived from them.

Two models are trained (see ``train.py``): TOXICITY (any abuse) and a group-attack model
(hostility towards a group of people). The other attributes are derived, because the
data sets do not label them:

- INSULT: an insult or slur from the word lists, otherwise TOXICITY lowered unless the
  post addresses someone (a mention or second person);
- PROFANITY: any vulgar word of the lists, otherwise a fraction of TOXICITY;
- THREAT: threat phrases of the lists (``je vais te tuer``, ``I know where you live``);
- IDENTITY_ATTACK: the group-attack model combined with a compositional rule (a group term
  plus an unnegated, unquoted hostile predicate, see ``identity.py``), raised by an unquoted
  slur, lowered by counter-speech (``calling someone "X" is unacceptable``, ``le racisme``);
- SEVERE_TOXICITY: TOXICITY times the worst of threat, group attack and slurs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from belvedere.text.identity import GroupSignals, get_group_signals, get_identity_attack
from belvedere.text.lexicon import DATA, Lexicon, Match, Term, get_group_lexicon, read_lines
from belvedere.text.normalize import Normalized

ATTRIBUTES = ("TOXICITY", "SEVERE_TOXICITY", "INSULT", "PROFANITY", "THREAT", "IDENTITY_ATTACK")
QUOTES = "\"'«»“”‘’„`"
SECOND_PERSON = frozenset(
    [
        "t",
        "tu",
        "te",
        "toi",
        "ta",
        "ton",
        "tes",
        "vous",
        "you",
        "u",
        "ur",
        "your",
        "youre",
        "ya",
        "@user",
    ]
)


@dataclass(frozen=True, slots=True)
class Signals:
    """What the word lists found in one text."""

    matches: tuple[Match, ...]
    group: bool
    counter: bool
    addressed: bool
    identity: GroupSignals

    @property
    def categories(self) -> list[str]:
        """Categories of the matches, with quoted slurs left out."""
        return [m.category for m in self.matches if not (self.counter and m.category == "slur")]


@lru_cache(maxsize=1)
def get_counter_lexicon() -> Lexicon:
    """Phrases that mark counter-speech or reported speech."""
    return Lexicon([Term(p, "counter") for p in read_lines(DATA / "lexicon" / "counter.txt")])


def is_quoted(text: str, match: Match) -> bool:
    """Whether a match sits between quotation marks in the original text."""
    before, after = text[max(0, match.start - 2) : match.start], text[match.end : match.end + 2]
    return any(q in before for q in QUOTES) and any(q in after for q in QUOTES)


def get_signals(text: str, norm: Normalized, lexicon: Lexicon, language: str) -> Signals:
    """Word-list matches, group terms, counter-speech and address of one text."""
    matches = tuple(lexicon.find(norm, language))
    slurs = [m for m in matches if m.category == "slur"]
    denounced = any(is_quoted(text, m) for m in slurs) or bool(get_counter_lexicon().find(norm))
    counter = bool(slurs) and denounced
    groups = get_group_lexicon().find(norm)
    identity = get_group_signals(text, norm, [*slurs, *groups], denounced)
    addressed = not SECOND_PERSON.isdisjoint(norm.words)
    return Signals(matches, bool(slurs) or bool(groups), counter, addressed, identity)


def get_attributes(p_toxic: float, p_group: float, signals: Signals) -> dict[str, float]:
    """The six probabilities of one text from the two model outputs and the signals."""
    cats = set(signals.categories)
    threat = 0.9 if "threat" in cats else 0.1 * p_toxic
    identity = get_identity_attack(p_group, signals.identity, "slur" in cats)
    toxicity = max(p_toxic, 0.85 if cats & {"insult", "slur", "threat"} else 0.0)
    if "insult" in cats or "slur" in cats:
        insult = max(0.85, toxicity if signals.addressed else 0.0)
    else:
        insult = toxicity * (0.7 if signals.addressed else 0.4)
    vulgar = cats & {"profanity", "insult", "slur"}
    profanity = 0.9 if vulgar else 0.2 * toxicity
    severe = toxicity * max(threat, identity, 0.9 if "slur" in cats else 0.3 * toxicity)
    values = (toxicity, severe, insult, profanity, threat, identity)
    return {
        name: round(min(max(float(v), 0.0), 1.0), 4)
        for name, v in zip(ATTRIBUTES, values, strict=True)
    }
