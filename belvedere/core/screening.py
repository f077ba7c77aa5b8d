"""The one gate every text a member publishes passes through before it is stored.

Apps call `screen(text, kind=..., author=...)` for post bodies, topic titles, profile bios,
event descriptions… Moderation (a higher layer) plugs its pipeline in with
`register_screener(fn)` from its `AppConfig.ready()`, so no app names another.

A screener is `fn(text, *, kind, author, context) -> Decision | None` (None means "no
opinion"). With several screeners the most severe decision wins and the reasons add up.
With none registered, everything is published.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

PUBLISH, FLAG, HOLD, REJECT = "publish", "flag", "hold", "reject"
ACTIONS = (PUBLISH, FLAG, HOLD, REJECT)  # in rising severity


@dataclass(frozen=True)
class Decision:
    action: str = PUBLISH
    reasons: list[str] = field(default_factory=list)
    clause: str | None = None
    message: str = ""

    def __post_init__(self):
        if self.action not in ACTIONS:
            raise ValueError(f"Unknown screening action {self.action!r}")

    @property
    def is_rejected(self) -> bool:
        return self.action == REJECT

    @property
    def is_held(self) -> bool:
        return self.action == HOLD

    @property
    def is_flagged(self) -> bool:
        return self.action == FLAG


Screener = Callable[..., Decision | None]
_screeners: list[Screener] = []


def register_screener(fn: Screener) -> Screener:
    """Add `fn` to the pipeline (idempotent); usable as a decorator."""
    if fn not in _screeners:
        _screeners.append(fn)
    return fn


def unregister_screener(fn: Screener) -> None:
    if fn in _screeners:
        _screeners.remove(fn)


def combine(decisions: list[Decision]) -> Decision:
    """The most severe of `decisions`, carrying every reason; its clause and message."""
    if not decisions:
        return Decision()
    worst = max(decisions, key=lambda d: ACTIONS.index(d.action))
    reasons = [reason for d in decisions for reason in d.reasons]
    return Decision(worst.action, reasons, worst.clause, worst.message)


def screen(text: str, *, kind: str, author, context: dict | None = None) -> Decision:
    """Run every registered screener on `text` (`kind` such as "forum.post", "forum.title")."""
    decisions = []
    for fn in list(_screeners):
        decision = fn(text, kind=kind, author=author, context=dict(context or {}))
        if decision is not None:
            decisions.append(decision)
    return combine(decisions)
