"""A gate every login passes: higher layers refuse a login without accounts naming them.

Moderation (a higher layer) registers a gate that refuses suspended members; accounts'
login form calls `check_login(user)` and shows the refusal. A gate is
`fn(user) -> str | None`: a message refuses the login, None lets it through.
"""

from collections.abc import Callable

LoginGate = Callable[[object], str | None]
_gates: list[LoginGate] = []


def register_login_gate(fn: LoginGate) -> LoginGate:
    """Add `fn` (idempotent); usable as a decorator."""
    if fn not in _gates:
        _gates.append(fn)
    return fn


def unregister_login_gate(fn: LoginGate) -> None:
    if fn in _gates:
        _gates.remove(fn)


def check_login(user) -> str | None:
    """The first refusal of a registered gate, or None when `user` may log in."""
    for gate in list(_gates):
        refusal = gate(user)
        if refusal:
            return refusal
    return None
