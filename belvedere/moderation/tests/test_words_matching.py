"""Watched words: normalised, whole-word, Unicode-aware matching; wildcards; regexes;
masking on display."""

import pytest
from django.core.exceptions import ValidationError

from belvedere.moderation.censor import censor, censor_text
from belvedere.moderation.regexguard import validate_pattern
from belvedere.moderation.words import WordMatcher, WordSpec
from belvedere.text.normalize import normalize


def matcher(*patterns, regex=False, action="block", language="any"):
    specs = [WordSpec(i, p, regex, action, language=language) for i, p in enumerate(patterns)]
    return WordMatcher(specs)


def found(m, text, language="und"):
    return [text[h.start : h.end] for h in m.find(normalize(text), language)]


@pytest.mark.parametrize(
    "text",
    ["T'es un c0nn4rd", "CONNARD !", "connnnnard", "c o n n a r d", "c.o.n.n.a.r.d", "Cønnard"],
)
def test_words_leetspeak_and_evasions_match(text):
    assert found(matcher("connard"), text)


def test_words_accented_french_whole_word():
    m = matcher("défoncé")
    assert found(m, "Il est complètement DEFONCE ce matin")
    assert found(m, "il est défoncé.")
    assert not found(m, "défoncées")  # another word (whole words only)


def test_words_con_never_matches_inside_conseil():
    m = matcher("con")
    assert not found(m, "Un bon conseil : consultez le contrat")
    assert found(m, "quel con")


def test_words_phrase_and_wildcard():
    m = matcher("fils de pute", "abrut*")
    assert found(m, "Espèce d'ABRUTIS") == ["ABRUTIS"]
    assert found(m, "fils de pute") == ["fils de pute"]
    assert not found(m, "brut")


def test_words_regex_runs_on_normalised_text():
    m = matcher(r"\bspam+y\b", regex=True)
    assert found(m, "Very SPAMMMY offer")


def test_words_language_restriction():
    m = matcher("con", language="fr")
    assert found(m, "quel con", language="fr")
    assert not found(m, "con queso", language="es")


@pytest.mark.parametrize(
    "pattern", ["(a+)+$", "(a|aa)*b", "(x*)*", r"(\w+)\1", "[", "a" * 201, ".*", "(a*)*?"]
)
def test_regex_validation_refuses_dangerous_or_invalid(pattern):
    with pytest.raises(ValidationError):
        validate_pattern(pattern)


@pytest.mark.parametrize("pattern", [r"\bviagra\b", r"casino\s*en\s*ligne", r"[0-9]{10}"])
def test_regex_validation_accepts_safe(pattern):
    assert validate_pattern(pattern)


@pytest.mark.django_db
def test_censor_masks_on_display_and_replace_replaces(word):
    word("merde", "censor")
    word("nul", "replace", replacement="pas terrible")
    html = "<p>C'est de la <strong>m3rde</strong>, vraiment nul</p>"
    masked = str(censor(html))
    assert "■■■■■" in masked and "m3rde" not in masked
    assert "<strong>" in masked and "pas terrible" in masked
    assert censor_text("merde alors") == "■■■■■ alors"


@pytest.mark.django_db
def test_censor_escapes_replacements(word):
    word("truc", "replace", replacement="<b>x</b>")
    assert "&lt;b&gt;" in str(censor("<p>un truc</p>"))


@pytest.mark.django_db
def test_censor_is_a_no_op_without_display_words(word):
    word("connard", "block")
    assert str(censor("<p>connard</p>")) == "<p>connard</p>"
