import pytest

from belvedere.text.lexicon import get_lexicon
from belvedere.text.normalize import normalize


def find(text, language="und", lexicon=None):
    lexicon = lexicon or get_lexicon()
    return [
        (m.term, m.category, text[m.start : m.end]) for m in lexicon.find(normalize(text), language)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Un bon conseil : il faut bosser dur.",
        "La drague en ligne, ça marche ?",
        "Elle lui a donné un baiser.",
        "La veuve du fondateur est là.",
        "Le contrat et la culture du projet.",
        "Il faut reculer la date.",
        "J'ai la gueule de bois.",
        "Scunthorpe United won.",
        "The cocktail bar near the cockpit.",
        "The pros and cons of the plan.",
        "How do I kill a process on Linux?",
        "Les femmes représentent 52 % des inscrits.",
        "Gay and lesbian members are welcome.",
        "Le chat du voisin dort dans le coin.",
    ],
)
def test_lexicon_does_not_flag_false_friends(text):
    assert find(text) == []


def test_lexicon_finds_insults_through_evasion():
    assert find("T'es un c0nn4rd")[0][:2] == ("connard", "insult")
    assert find("c o n n a r d")[0][2] == "c o n n a r d"
    assert find("cooonnnnnaaarrrd")[0][0] == "connard"
    assert find("f*ck this sh1t") == [("f*ck", "profanity", "f*ck"), ("shit", "profanity", "sh1t")]


def test_lexicon_finds_threats_and_slurs_as_phrases():
    assert find("j'vais te buter sale pd") == [
        ("j vais te buter", "threat", "j'vais te buter"),
        ("pd", "slur", "pd"),
    ]
    assert find("I'll kill you")[0][1] == "threat"


def test_lexicon_short_terms_only_match_in_their_language():
    assert find("con mi amigo", language="es") == []
    assert find("quel con", language="fr")[0][1] == "insult"


def test_lexicon_with_extra_adds_community_terms_and_allows_words():
    lexicon = get_lexicon().with_extra([("zorglub", "insult")], allow=["connard"])
    assert find("t'es un zorglub", lexicon=lexicon)[0][:2] == ("zorglub", "insult")
    assert find("t'es un connard", lexicon=lexicon) == []
