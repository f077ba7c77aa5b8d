"""The group-attack rule: a group term plus a hostile predicate, with negation, quotes and
counter-speech. Sentences here are not in the evaluation sets (``identity_eval.tsv``,
``identity_probe.tsv``) nor in the training examples."""

import pytest

from belvedere.text.analyze import analyze
from belvedere.text.identity import (
    GroupSignals,
    get_group_signals,
    get_identity_attack,
    get_quoted_spans,
)
from belvedere.text.lexicon import get_group_lexicon
from belvedere.text.normalize import normalize


def signals(text, counter=False):
    norm = normalize(text)
    return get_group_signals(text, norm, get_group_lexicon().find(norm), counter)


def identity(text):
    return analyze(text, mode="fast")["toxicity"]["IDENTITY_ATTACK"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Je hais les musulmanes.", "hate"),
        ("I really despise immigrants.", "hate"),
        ("Les migrants sont de la vermine.", "dehumanise"),
        ("Jews are subhuman.", "dehumanise"),
        ("Les juives sont toutes des menteuses.", "stereotype"),
        ("Refugees are lazy.", "stereotype"),
        ("Les musulmans, dehors.", "exclusion"),
        ("Foreigners should be deported.", "exclusion"),
    ],
)
def test_group_plus_hostile_predicate_is_an_attack(text, kind):
    found = signals(text)
    assert found.attack
    assert kind in {m.category for m in found.hostile}
    assert identity(text) >= 0.55


@pytest.mark.parametrize(
    "text",
    [
        "Les réfugiés ne sont pas des criminels.",
        "Immigrants are not vermin.",
        "Les femmes ne sont jamais inférieures aux hommes.",
    ],
)
def test_negated_predicates_are_not_attacks(text):
    found = signals(text)
    assert not found.attack and found.discounted
    assert identity(text) < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Le tract disait « les migrants sont des parasites », il a été retiré.",
        'The poster read "Muslims are a plague" and was taken down.',
    ],
)
def test_quoted_predicates_are_reported_speech(text):
    assert not signals(text).hostile
    assert identity(text) < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "La haine des juifs n'a pas sa place ici.",
        "We fight racism against Arabs every day.",
        "Dire que les femmes sont bêtes, c'est du sexisme.",
    ],
)
def test_counter_speech_about_groups_is_low(text):
    assert identity(text) < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Les immigrées du quartier ont ouvert une boulangerie.",
        "Women's football is growing fast.",
        "I hate rainy Sundays.",
        "Ce film est une invasion de clichés.",
    ],
)
def test_groups_without_hostility_or_hostility_without_groups_are_low(text):
    assert identity(text) < 0.5


def test_combination_rule():
    group = normalize("les femmes")
    groups = tuple(get_group_lexicon().find(group))
    attack = GroupSignals(groups, groups, (), False)
    plain = GroupSignals(groups, (), (), False)
    assert get_identity_attack(0.1, attack, slur=False) >= 0.55
    assert get_identity_attack(0.9, plain, slur=False) < 0.9
    assert get_identity_attack(0.9, GroupSignals((), (), (), False), slur=False) < 0.3
    assert get_identity_attack(0.9, GroupSignals(groups, groups, (), True), slur=True) < 0.3
    assert get_identity_attack(0.1, plain, slur=True) >= 0.8


def test_quoted_spans():
    text = 'Il a dit « bonjour » puis "au revoir".'
    assert [text[a:b] for a, b in get_quoted_spans(text)] == ["« bonjour »", '"au revoir"']
