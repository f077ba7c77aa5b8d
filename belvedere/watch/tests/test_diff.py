from belvedere.watch.diff import diff_texts, paragraphs
from belvedere.watch.extract import extract_text
from belvedere.watch.tests.conftest import VERSIONS, reddit_page
from belvedere.watch.tests.longdoc import long_policy, revise


def _text(version: str) -> str:
    return extract_text(reddit_page(version), "#content", ".filter-holder")


def test_diff_of_real_versions_shows_words_and_folds_the_rest():
    diff = diff_texts(_text(VERSIONS[0]), _text(VERSIONS[1]))
    changes = [row for row in diff.rows if row.kind == "change"]
    assert len(changes) == 3
    assert ("-", "June 28, 2025.") in changes[0].parts
    assert ("+", "March 31, 2026.") in changes[0].parts
    assert ("+", "(automated, including via bots, or otherwise)") in changes[1].parts
    folds = [row for row in diff.rows if row.kind == "fold"]
    assert folds and sum(row.count for row in folds) > 150
    assert len(diff.rows) < 20


def test_diff_of_a_rewrite_shows_removed_and_added_passages():
    diff = diff_texts(_text(VERSIONS[1]), _text(VERSIONS[2]))
    kinds = {row.kind for row in diff.rows}
    assert {"insert", "change"} <= kinds
    assert not diff.unchanged


def test_diff_of_equal_texts_is_empty_or_folded():
    text = _text(VERSIONS[0])
    diff = diff_texts(text, text)
    assert diff.unchanged
    assert [row.kind for row in diff.rows] == ["fold"]


def test_diff_stays_readable_on_a_100_page_policy():
    old = long_policy(100)
    assert len(old.split()) >= 50_000
    new = revise(old)
    diff = diff_texts(old, new, context=2)
    shown = [row for row in diff.rows if row.kind != "fold"]
    hidden = sum(row.count for row in diff.rows if row.kind == "fold")
    assert len(shown) < 12 * 6  # each edit with at most its 2 + 2 paragraphs of context
    assert hidden > len(paragraphs(old)) * 0.9
    assert diff.added + diff.removed + diff.changed >= 6
    assert any(op == "+" and "REVISED" in text for row in shown for op, text in row.parts)


def test_diff_unfolded_has_every_paragraph():
    old, new = "a\n\nthe old rule\n\nc", "a\n\nthe new rule\n\nc\n\nd"
    diff = diff_texts(old, new, fold=False)
    assert [row.kind for row in diff.rows] == ["equal", "change", "equal", "insert"]
    assert diff.stats() == {"added": 1, "removed": 0, "changed": 1}
