"""Figures about members that an app keeps and apps below it need, without naming it.

The forum knows how much each member has read (topics and posts); moderation, a lower layer,
needs those figures for trust levels. An app registers a provider from its `AppConfig.ready()`::

    register_provider(reading_figures)   # fn(member_ids or None) -> {member_id: {name: number}}

and a reader calls `member_figures(ids)`: the providers' figures merged per member. With no
provider registered, it is empty.
"""

from collections.abc import Callable, Iterable

Provider = Callable[[list[int] | None], dict[int, dict]]
_providers: list[Provider] = []


def register_provider(fn: Provider) -> Provider:
    """Add `fn` (idempotent); usable as a decorator."""
    if fn not in _providers:
        _providers.append(fn)
    return fn


def unregister_provider(fn: Provider) -> None:
    if fn in _providers:
        _providers.remove(fn)


def member_figures(member_ids: Iterable[int] | None = None) -> dict[int, dict]:
    """{member id: {figure: number}} from every provider (all members when `member_ids` is None)."""
    ids = None if member_ids is None else list(member_ids)
    merged: dict[int, dict] = {}
    for fn in list(_providers):
        for member_id, figures in fn(ids).items():
            merged.setdefault(member_id, {}).update(figures)
    return merged
