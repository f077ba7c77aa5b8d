import pytest

from belvedere.core import screening
from belvedere.core.screening import Decision, combine, register_screener, screen


@pytest.fixture(autouse=True)
def _no_installed_screeners(monkeypatch):
    """These tests describe the gate itself: installed apps' screeners (moderation) stay out."""
    monkeypatch.setattr(screening, "_screeners", [])


@pytest.fixture
def registered():
    added = []

    def add(fn):
        register_screener(fn)
        added.append(fn)

    yield add
    for fn in added:
        screening.unregister_screener(fn)


def test_without_screeners_everything_is_published():
    assert screen("anything", kind="forum.post", author=None) == Decision("publish")


def test_the_most_severe_decision_wins_with_all_reasons(registered):
    registered(lambda text, **kw: Decision("flag", ["links"]))
    registered(lambda text, **kw: Decision("hold", ["toxicity"], "3.2", "Held for review."))
    registered(lambda text, **kw: None)
    decision = screen("x", kind="forum.post", author=None)
    assert decision == Decision("hold", ["links", "toxicity"], "3.2", "Held for review.")


def test_screeners_receive_kind_author_and_context(registered):
    seen = {}

    def spy(text, *, kind, author, context):
        seen.update(text=text, kind=kind, author=author, context=context)

    registered(spy)
    screen("hello", kind="accounts.bio", author="carol", context={"topic": 3})
    assert seen == {
        "text": "hello",
        "kind": "accounts.bio",
        "author": "carol",
        "context": {"topic": 3},
    }


def test_registering_twice_runs_once(registered):
    calls = []

    def fn(text, **kw):
        calls.append(text)

    registered(fn)
    registered(fn)
    screen("x", kind="k", author=None)
    assert calls == ["x"]


def test_unknown_action_is_refused():
    with pytest.raises(ValueError):
        Decision("explode")


def test_combine_of_nothing_is_publish():
    assert combine([]).action == "publish"
