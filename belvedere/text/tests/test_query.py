"""The listening query language: grammar, errors, matching, and properties (hypothesis)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from belvedere.text.query import (
    MAX_DEPTH,
    MAX_QUERY_CHARS,
    And,
    Document,
    Near,
    Not,
    Or,
    QuerySyntaxError,
    Words,
    compile_query,
    fold,
    parse,
)


def matches(query: str, text: str = "", **fields) -> bool:
    return compile_query(query).matches({"text": text, **fields})


# ---------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    ("query", "tree"),
    [
        ("brand", Words(("brand",))),
        ("a b", And((Words(("a",)), Words(("b",))))),
        ("a AND b OR c", Or((And((Words(("a",)), Words(("b",)))), Words(("c",))))),
        ("a OR b c", Or((Words(("a",)), And((Words(("b",)), Words(("c",))))))),
        ("NOT a b", And((Not(Words(("a",))), Words(("b",))))),
        ("-a", Not(Words(("a",)))),
        ('"service client"~4', Words(("service", "client"), slop=4)),
        ("a NEAR/3 b", Near(Words(("a",)), Words(("b",)), 3)),
        ("title:(a OR b)", Or((Words(("a",), "title"), Words(("b",), "title")))),
        ("site:https://WWW.Example.com/x?y", Words(("www.example.com",), "site")),
        ("L'Oréal", Words(("l", "oreal"))),
        ("e-mail", Words(("e", "mail"))),
        ("bran*", Words(("bran*",))),
    ],
)
def test_parse_builds_the_tree(query, tree):
    assert parse(query) == tree


@pytest.mark.parametrize(
    ("query", "position", "words"),
    [
        ("", 0, "empty"),
        ("   ", 0, "empty"),
        ("a AND", 2, "followed by a term"),
        ("OR b", 0, "between two terms"),
        ("a OR OR b", 2, "followed by a term"),
        ("NOT", 0, "followed by a term"),
        ("a -", 2, "followed by a term"),
        ("(a OR b", 0, "never closed"),
        ("a OR b)", 6, "no matching"),
        ("()", 0, "empty"),
        ('say "hello', 4, "never closed"),
        ("foo:bar", 0, "Unknown field"),
        ("a NEAR b", 2, "distance"),
        ("a NEAR/2", 2, "followed by a term"),
        ("(a OR b) NEAR/2 c", 9, "not groups"),
        ("title:a NEAR/2 b", 8, "same text"),
        ('"a b"~', 5, "number"),
        ('"a"~2', 0, "two words"),
        ("a~2", 1, "quoted phrase"),
        ("*", 0, "wildcard"),
        ("!!!", 0, "nothing to search"),
        ("title:", 0, "value"),
        ("title:(title:a)", 7, "another field"),
        ("site:/", 5, "host name"),
    ],
)
def test_parse_rejects_bad_queries_with_a_position(query, position, words):
    with pytest.raises(QuerySyntaxError) as error:
        parse(query)
    assert error.value.position == position
    assert words in error.value.message


def test_parse_rejects_over_long_and_over_deep_queries():
    with pytest.raises(QuerySyntaxError, match="too long"):
        parse("a " * MAX_QUERY_CHARS)
    with pytest.raises(QuerySyntaxError, match="nests"):
        parse("(" * (MAX_DEPTH + 1) + "a" + ")" * (MAX_DEPTH + 1))
    with pytest.raises(QuerySyntaxError, match="nests"):
        parse("NOT " * (MAX_DEPTH + 1) + "a")
    assert parse("(" * MAX_DEPTH + "a" + ")" * MAX_DEPTH) == Words(("a",))


def test_query_syntax_error_shows_a_caret():
    with pytest.raises(QuerySyntaxError) as error:
        parse("brand AND (x OR")
    assert error.value.caret() == "brand AND (x OR\n             ^"
    assert "at character 14" in str(error.value)


# ---------------------------------------------------------------- matching


def test_matches_terms_case_and_accent_insensitive():
    assert matches("ete", "Un ÉTÉ chaud")
    assert matches("Été", "un ete chaud")
    assert matches("strasse", "Große Straße")
    assert not matches("ete", "compléter")


def test_matches_boolean_operators():
    query = "(orange OR sfr) AND NOT free -bouygues"
    assert matches(query, "J'adore Orange")
    assert not matches(query, "Orange et Free")
    assert not matches(query, "SFR, Bouygues")
    assert not matches(query, "rien")


def test_matches_phrases_and_multi_word_terms():
    assert matches('"service client"', "Le service client répond")
    assert not matches('"service client"', "le client du service")
    assert matches("l'oréal", "Chez L'Oreal, on")
    assert matches("e-mail", "send an E-Mail now")


def test_matches_wildcards():
    assert matches("bran*", "Branding matters")
    assert matches("colo?r", "colour")
    assert not matches("colo?r", "color")
    assert matches('"new bran*"', "a new brand")
    assert matches("bran*", "a bran")  # "*" is zero or more letters
    assert not matches("bran*", "a bra")


def test_matches_proximity_in_any_order():
    assert matches('"service client"~2', "le client du service")
    assert not matches('"service client"~1', "le client est du service")
    assert matches("a NEAR/1 b", "b x a")
    assert not matches("a NEAR/1 b", "b x y a")
    assert matches('"big brand" NEAR/2 love', "I love the big brand")
    assert matches("a NEAR/0 b NEAR/0 c", "c a b")


def test_matches_fields():
    doc = {
        "text": "nothing here",
        "title": "Orange news",
        "lang": "fr-FR",
        "site": "https://blog.example.com/post",
        "author": "Jeanne Dupont (@jdupont)",
    }
    assert compile_query("title:orange").matches(doc)
    assert compile_query("orange").matches(doc)  # no field: title and text
    assert not compile_query("title:nothing").matches(doc)
    assert compile_query("lang:fr").matches(doc)
    assert not compile_query("lang:en").matches(doc)
    assert compile_query("site:example.com").matches(doc)
    assert compile_query("site:*.example.com").matches(doc)
    assert not compile_query("site:ample.com").matches(doc)
    assert compile_query('author:"jeanne dupont" author:jdupont').matches(doc)


def test_matches_documents_objects_and_mappings_alike():
    class Mention:
        text = "brand new"
        title = lang = site = author = None

    matcher = compile_query("brand")
    assert matcher.matches(Mention())
    assert matcher.matches(Document(text="brand"))
    assert not matcher.matches({})


def test_phrase_does_not_span_title_and_text():
    assert not matches('"end start"', "start here", title="the end")


# ---------------------------------------------------------------- properties

VOCAB = ["orange", "été", "café", "sfr", "naïve", "brand", "free", "ours"]
word = st.sampled_from(VOCAB)
doc_text = st.lists(word, max_size=8).map(" ".join)


def _leaf(w):
    return Words(tuple(fold(w).split()))


trees = st.recursive(
    word.map(_leaf),
    lambda children: st.one_of(
        children.map(Not),
        st.lists(children, min_size=2, max_size=3).map(lambda ops: And(tuple(ops))),
        st.lists(children, min_size=2, max_size=3).map(lambda ops: Or(tuple(ops))),
    ),
    max_leaves=8,
)


def evaluate(tree, present: set[str]) -> bool:
    """A reference evaluator over the set of folded words of a text."""
    if isinstance(tree, Words):
        return tree.parts[0] in present
    if isinstance(tree, Not):
        return not evaluate(tree.operand, present)
    results = [evaluate(op, present) for op in tree.operands]
    return all(results) if isinstance(tree, And) else any(results)


@given(trees, doc_text)
def test_property_matcher_agrees_with_reference(tree, text):
    present = {fold(w) for w in text.split()}
    assert compile_query(str(tree)).matches({"text": text}) == evaluate(tree, present)


@given(trees)
def test_property_rendering_round_trips(tree):
    assert parse(str(tree)) == tree


@given(trees, trees, doc_text)
def test_property_or_and_not(a, b, text):
    doc = {"text": text}
    ma, mb = compile_query(str(a)).matches(doc), compile_query(str(b)).matches(doc)
    assert compile_query(f"({a}) OR ({b})").matches(doc) == (ma or mb)
    assert compile_query(f"({a}) AND ({b})").matches(doc) == (ma and mb)
    assert compile_query(f"({a}) ({b})").matches(doc) == (ma and mb)
    assert compile_query(f"NOT ({a})").matches(doc) == (not ma)
    assert compile_query(f"-({a})").matches(doc) == (not ma)
    assert compile_query(f"NOT NOT ({a})").matches(doc) == ma


@given(trees, doc_text)
def test_property_case_and_accent_invariance(tree, text):
    matcher = compile_query(str(tree))
    expected = matcher.matches({"text": text})
    assert matcher.matches({"text": text.upper()}) == expected
    assert matcher.matches({"text": fold(text)}) == expected
    assert compile_query(str(tree).replace("e", "É")).matches({"text": text}) == expected


@given(st.text())
def test_property_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


QUERYISH = st.lists(
    st.sampled_from(list('ab é*?()"~:-/ ') + ["AND ", "OR ", "NOT ", "NEAR/2 ", "title:"]),
    max_size=30,
).map("".join)


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=60), QUERYISH), doc_text)
def test_property_parse_never_crashes(text, doc):
    try:
        matcher = compile_query(text)
    except QuerySyntaxError as error:
        assert 0 <= error.position <= len(text)
        assert error.message
    else:
        assert matcher.matches({"text": doc, "title": doc}) in (True, False)
