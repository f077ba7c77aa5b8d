"""Texts of the listening demo: the fictional smart-home brand Hélios and two competitors."""

BRANDS = {"helios": "Hélios", "nimbus": "Nimbus", "domia": "Domia"}
PRODUCTS = {
    "fr": ["thermostat", "caméra", "ampoules connectées", "box domotique", "détecteur de fumée"],
    "en": ["thermostat", "camera", "smart bulbs", "home hub", "smoke detector"],
}
TEXTS = {
    ("fr", "positive"): [
        "J'adore mon {product} {brand}, installé en cinq minutes et parfait depuis.",
        "Merci {brand}, le {product} est génial et l'appli est super.",
        "Super {product} {brand}, j'adore, rien à redire.",
        "Excellent service client chez {brand}, merci pour votre aide rapide.",
    ],
    ("fr", "negative"): [
        "Encore une panne du {product} {brand} depuis la mise à jour, c'est nul.",
        "Le {product} {brand} se déconnecte tout le temps, service client injoignable.",
        "Déçu par {brand} : le {product} ne marche plus et personne ne répond.",
        "Arnaque, mon {product} {brand} est inutilisable, je veux un remboursement.",
    ],
    ("fr", "neutral"): [
        "Comparatif du {product} {brand} et des autres marques sur le blog.",
        "Comparatif : le {product} {brand} face aux autres marques.",
    ],
    ("en", "positive"): [
        "Love my {brand} {product}, setup took five minutes and it just works.",
        "Really happy with the {brand} {product}, great product, highly recommend!",
        "The {brand} {product} is amazing, love it.",
        "Brilliant {product} from {brand}, works perfectly, very pleased.",
    ],
    ("en", "negative"): [
        "My {brand} {product} keeps disconnecting since the update, terrible.",
        "Awful experience, the {brand} {product} stopped working and support ignores me.",
        "Do not buy the {brand} {product}, broken after a week, worst purchase.",
    ],
    ("en", "neutral"): [
        "Comparison of the {brand} {product} with other brands.",
        "{brand} will release a new {product} in September.",
        "Does the {brand} {product} work with Home Assistant?",
    ],
}
SPIKE_TEXTS = {
    "fr": [
        "Mise à jour {brand} 4.2 : mon {product} est bloqué, impossible de chauffer la maison !",
        "Panne géante chez {brand}, tous les {product} hors service depuis ce matin, honteux.",
        "Rappel du {product} {brand} ? Le firmware 4.2 a tout cassé, service client saturé.",
    ],
    "en": [
        "{brand} firmware 4.2 bricked my {product}, the house is freezing, terrible!",
        "Massive {brand} outage, every {product} is offline since this morning, awful.",
        "Is {brand} going to recall the {product}? Update 4.2 broke everything.",
    ],
}
# (platform, community, language, share of the traffic, followers of its authors)
PLACES = [
    ("reddit", "r/smarthome", "en", 14, None),
    ("reddit", "r/domotique", "fr", 12, None),
    ("reddit", "r/homeassistant", "en", 6, None),
    ("mastodon", "mastodon.social", "en", 8, 900),
    ("mastodon", "piaille.fr", "fr", 8, 600),
    ("mastodon", "framapiaf.org", "fr", 5, 400),
    ("bluesky", "bsky.app", "en", 8, 1500),
    ("hackernews", "news.ycombinator.com", "en", 4, None),
    ("rss", "www.lesnumeriques.com", "fr", 6, None),
    ("rss", "www.maison-connectee.example", "fr", 6, None),
    ("rss", "www.theverge.com", "en", 4, None),
    ("webpage", "forum.domotique-info.example", "fr", 8, None),
    ("import", "", "fr", 5, None),
    ("webhook", "", "en", 6, None),
]
AUTHORS = [
    ("Camille Martin", "camille"),
    ("Lucas Bernard", "lucasb"),
    ("Emma Dubois", "emmad"),
    ("Hugo Laurent", "hugo_l"),
    ("Chloé Moreau", "chloem"),
    ("Jade Petit", "jadep"),
    ("Noah Smith", "noahs"),
    ("Olivia Brown", "oliviab"),
    ("Liam Wilson", "liamw"),
    ("Ava Taylor", "avat"),
    ("Tech Maison", "techmaison"),
    ("Gadget Lab", "gadgetlab"),
    ("Sophie Leroy", "sophiel"),
    ("Thomas Roux", "thomasr"),
    ("Mia Clark", "miac"),
]
INFLUENCERS = [
    ("La Maison Connectée", "maisonconnectee", 180_000),
    ("HomeTech Weekly", "hometech", 95_000),
]
