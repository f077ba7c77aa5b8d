from hypothesis import given
from hypothesis import strategies as st

from belvedere.text.normalize import normalize, normalize_text


def spans(text):
    return [(t.text, text[t.start : t.end]) for t in normalize(text).tokens]


def test_normalize_folds_case_accents_and_leetspeak():
    assert normalize_text("T'es un C0NN4RD, Élève!") == "t es un connard eleve"
    assert normalize_text("sale s4l0pe") == "sale salope"


def test_normalize_joins_spaced_and_dotted_letters():
    assert spans("c o n n a r d") == [("connard", "c o n n a r d")]
    assert spans("quel c.o.n") == [("quel", "quel"), ("con", "c.o.n")]


def test_normalize_cuts_stretched_letters_and_invisible_characters():
    assert normalize_text("CONNNNNARD") == "connard"
    assert normalize_text("con\u200bnard") == "connard"


def test_normalize_maps_lookalike_letters():
    assert normalize_text("соnnаrd") == "connard"  # Cyrillic о and а
    assert normalize_text("𝐜𝐨𝐧𝐧𝐚𝐫𝐝") == "connard"


def test_normalize_keeps_numbers_and_replaces_urls_and_mentions():
    text = "@bob le 1er mai 2024 https://x.com/a?b #BalanceTonPorc 😂"
    assert normalize_text(text) == "@user le 1er mai 2024 @url balancetonporc 😂"


def test_normalize_spans_point_into_the_original_text():
    text = "Hé @alice, t'es vraiment un c0nn4rd !!!"
    token = normalize(text).tokens[-1]
    assert (token.text, text[token.start : token.end]) == ("connard", "c0nn4rd")


@given(st.text(max_size=200))
def test_normalize_never_fails_and_spans_are_in_range(text):
    for token in normalize(text).tokens:
        assert 0 <= token.start < token.end <= len(text)
        assert token.text
