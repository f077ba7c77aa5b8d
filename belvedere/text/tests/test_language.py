from belvedere.text.language import detect

FRENCH = [
    "Bonjour à tous, je cherche un conseil pour mon vélo.",
    "Le service client ne répond jamais, c'est pénible.",
    "Merci pour l'accueil, la communauté est vraiment sympa !",
    "Quelqu'un sait quand sort la prochaine mise à jour ?",
    "J'ai perdu mon mot de passe, comment faire ?",
    "C'est chanmé ce nouveau jeu, franchement ouf.",
    "La réunion de jeudi est reportée à la semaine prochaine.",
    "Pas terrible le nouveau design, je préférais l'ancien.",
    "@marie tu viens ce soir ? #apéro",
    "Je déteste attendre le bus sous la pluie.",
]
ENGLISH = [
    "Hi everyone, I need some advice about my bike.",
    "Customer support never answers, it's so annoying.",
    "Thanks for the warm welcome, this community is great!",
    "Does anyone know when the next update is coming out?",
    "I lost my password, what should I do?",
    "That new game is sick, honestly amazing.",
    "Thursday's meeting is moved to next week.",
    "Not a fan of the new design, I liked the old one better.",
    "@mark are you coming tonight? #drinks",
    "I hate waiting for the bus in the rain.",
]


def test_language_detects_french_and_english_short_posts():
    assert [detect(t)[0] for t in FRENCH] == ["fr"] * len(FRENCH)
    assert [detect(t)[0] for t in ENGLISH] == ["en"] * len(ENGLISH)


def test_language_detects_other_enabled_languages():
    assert detect("Hola a todos, ¿cómo estáis hoy?")[0] == "es"
    assert detect("Guten Morgen, wie geht es euch allen?")[0] == "de"
    assert detect("Buongiorno a tutti, come state oggi?")[0] == "it"


def test_language_is_undetermined_when_too_short_or_textless():
    for text in ["", "ok", "😂😂😂", "https://example.com", "@alice @bob"]:
        assert detect(text) == ("und", 0.0)
