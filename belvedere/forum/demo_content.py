"""Text pools for the forum demo: the customer community of Hélios, a maker of connected home
devices, in French and English. Topics and replies are composed from these pieces with a seeded
random generator, so the demo is varied but the same on every run."""

# (slug, name, description, parent slug, read, topic, reply, colour, kind)
CATEGORIES = [
    (
        "annonces",
        "Annonces · Announcements",
        "Nouveautés, mises à jour et événements d'Hélios.",
        None,
        "everyone",
        "manager",
        "members",
        "#b3261e",
        "news",
    ),
    (
        "aide",
        "Aide · Help",
        "Questions sur vos appareils Hélios : la communauté et l'équipe répondent.",
        None,
        "everyone",
        "members",
        "members",
        "#0b5cad",
        "help",
    ),
    (
        "thermostats",
        "Thermostats",
        "Thermostat T2, têtes de radiateur, plannings de chauffage.",
        "aide",
        "everyone",
        "members",
        "members",
        "#d9480f",
        "help",
    ),
    (
        "cameras",
        "Caméras & sécurité · Cameras",
        "Hélios Cam, capteurs d'ouverture, alarme.",
        "aide",
        "everyone",
        "members",
        "members",
        "#5f3dc4",
        "help",
    ),
    (
        "eclairage",
        "Éclairage · Lighting",
        "Ampoules Glow, interrupteurs, scènes lumineuses.",
        "aide",
        "everyone",
        "members",
        "members",
        "#e8a317",
        "help",
    ),
    (
        "application",
        "Application Hélios Home",
        "L'application mobile et le tableau de bord web.",
        "aide",
        "everyone",
        "members",
        "members",
        "#1098ad",
        "help",
    ),
    (
        "idees",
        "Idées · Feature requests",
        "Proposez et soutenez les évolutions des produits.",
        None,
        "everyone",
        "members",
        "members",
        "#2b8a3e",
        "idea",
    ),
    (
        "tutoriels",
        "Tutoriels · How-to",
        "Scénarios, automatisations et astuces pas à pas.",
        None,
        "everyone",
        "members",
        "members",
        "#087f5b",
        "tutorial",
    ),
    (
        "bistrot",
        "Le bistrot · Off-topic",
        "On parle de tout, avec bienveillance.",
        None,
        "everyone",
        "members",
        "members",
        "#868e96",
        "chat",
    ),
    (
        "beta",
        "Programme bêta · Beta",
        "Réservé aux membres : firmwares en test et retours.",
        None,
        "members",
        "members",
        "members",
        "#c2255c",
        "help",
    ),
    (
        "moderation",
        "Salle de modération · Staff room",
        "Coordination de l'équipe de modération.",
        None,
        "moderator",
        "moderator",
        "moderator",
        "#343a40",
        "chat",
    ),
]

PRODUCTS = {
    "fr": [
        "le thermostat T2",
        "le hub Hélios",
        "la caméra Hélios Cam",
        "l'ampoule Glow",
        "la prise Hélios Plug",
        "le capteur d'ouverture",
        "la tête thermostatique",
        "l'app Hélios Home",
    ],
    "en": [
        "the T2 thermostat",
        "the Hélios hub",
        "the Hélios Cam",
        "the Glow bulb",
        "the Hélios Plug",
        "the door sensor",
        "the radiator valve",
        "the Hélios Home app",
    ],
}
ROOMS = {
    "fr": [
        "le salon",
        "la chambre des enfants",
        "la cuisine",
        "le bureau",
        "le garage",
        "l'entrée",
    ],
    "en": [
        "the living room",
        "the kids' bedroom",
        "the kitchen",
        "my office",
        "the garage",
        "the hallway",
    ],
}
VERSIONS = ["4.2.1", "4.3.0", "4.3.2", "5.0.0-beta", "5.0.1", "5.1.0"]
ROUTERS = [
    "Freebox Pop",
    "Livebox 6",
    "Bbox",
    "a Fritz!Box 7590",
    "a TP-Link Deco mesh",
    "an Eero 6",
]

TITLES = {
    ("help", "fr"): [
        "{P} se déconnecte toutes les nuits",
        "{P} affiche une température fausse dans {room}",
        "Problème avec {p} depuis la mise à jour {version}",
        "{P} ne se connecte plus au Wi-Fi",
        "Comment associer {p} à un deuxième logement ?",
        "{P} : la batterie se vide en trois jours",
        "Voyant orange qui clignote sur {p}",
        "{P} ne réagit plus aux scènes programmées",
    ],
    ("help", "en"): [
        "{P} drops offline every night",
        "{P} shows the wrong temperature in {room}",
        "Trouble with {p} since firmware {version}",
        "{P} will not join my Wi-Fi",
        "How do I share {p} with my partner?",
        "{P} battery drains in three days",
        "Blinking orange light on {p}",
        "{P} ignores my scheduled scenes",
    ],
    ("idea", "fr"): [
        "Idée : un mode vacances pour {p}",
        "Pouvoir exporter l'historique de {p} en CSV",
        "Un widget pour {p} sur l'écran d'accueil",
        "Prendre en compte la météo pour {p}",
        "Compatibilité Matter pour {p}",
        "Un mode nuit plus doux pour {p}",
    ],
    ("idea", "en"): [
        "Feature request: a holiday mode for {p}",
        "Export {p} history as CSV",
        "A home-screen widget for {p}",
        "Let {p} use the weather forecast",
        "Matter support for {p}",
        "A gentler night mode for {p}",
    ],
    ("news", "fr"): [
        "Firmware {version} : les nouveautés",
        "Maintenance programmée des serveurs ce week-end",
        "Webinaire : bien régler son chauffage pour l'hiver",
        "Bienvenue aux nouveaux membres !",
    ],
    ("news", "en"): [
        "Firmware {version} is rolling out",
        "Scheduled server maintenance this weekend",
        "Webinar: tune your heating for winter",
        "Welcome to our new members!",
    ],
    ("tutorial", "fr"): [
        "Tuto : allumer {room} au coucher du soleil",
        "Tuto : couper le chauffage quand une fenêtre s'ouvre",
        "Mon scénario « départ au travail » pas à pas",
        "Tuto : sauvegarder et restaurer sa configuration",
    ],
    ("tutorial", "en"): [
        "How-to: light up {room} at sunset",
        "How-to: cut the heating when a window opens",
        "My 'leaving for work' routine, step by step",
        "How-to: back up and restore your setup",
    ],
    ("chat", "fr"): [
        "Vos astuces pour économiser l'énergie cet hiver ?",
        "Présentez-vous !",
        "Montrez-nous votre installation",
        "Quel assistant vocal utilisez-vous ?",
        "Le chat a encore déclenché la caméra",
        "Vos lectures sur la maison connectée",
    ],
    ("chat", "en"): [
        "Your energy-saving tips for this winter?",
        "Introduce yourself!",
        "Show us your setup",
        "Which voice assistant do you use?",
        "The cat set off the camera again",
        "Good reads about the smart home",
    ],
}

OPENINGS = {
    "fr": ["Bonjour à tous,", "Salut la communauté !", "Bonsoir,", "Hello,", "Bonjour,"],
    "en": ["Hi all,", "Hello everyone!", "Hey folks,", "Good evening,", "Hi,"],
}
DETAILS = {
    "help": {
        "fr": [
            "Depuis la mise à jour **{version}**, {p} perd la connexion vers 3 h du matin.",
            "J'ai {p} dans {room}, branché sur {router}, et rien n'y fait.",
            "Le journal de l'app indique `ERR_TIMEOUT` toutes les deux heures environ.",
            "J'ai déjà redémarré le hub, réinitialisé {p} et changé le canal Wi-Fi.",
            "Le problème est apparu après une coupure de courant la semaine dernière.",
        ],
        "en": [
            "Since firmware **{version}**, {p} loses its connection around 3 am.",
            "I have {p} in {room}, on {router}, and nothing helps.",
            "The app log shows `ERR_TIMEOUT` roughly every two hours.",
            "I already restarted the hub, reset {p} and changed the Wi-Fi channel.",
            "It started after a power cut last week.",
        ],
    },
    "idea": {
        "fr": [
            "Quand on part une semaine, il faudrait pouvoir tout passer en éco d'un seul geste.",
            "Les données existent déjà dans l'app, il manque juste un bouton pour les récupérer.",
            "Les autres marques le proposent depuis longtemps, ce serait un vrai plus.",
            "Ça éviterait de chauffer pour rien quand il fait 18 °C dehors.",
        ],
        "en": [
            "When we leave for a week, switching everything to eco in one tap would be great.",
            "The data is already in the app; it only needs a button to get it out.",
            "Other brands have had this for years; it would be a real plus.",
            "It would stop heating for nothing when it is 18 °C outside.",
        ],
    },
    "news": {
        "fr": [
            "Voici ce qui change :\n\n- démarrage plus rapide du hub\n"
            "- correction des déconnexions nocturnes\n"
            "- nouveau planning hebdomadaire dans l'app",
            "Le déploiement se fait par vagues sur **7 jours** ; rien à faire de votre côté.",
            "Les questions sont les bienvenues ici, l'équipe répond dans la journée.",
        ],
        "en": [
            "What's new:\n\n- faster hub start-up\n- fixed overnight disconnections\n"
            "- a new weekly schedule in the app",
            "The rollout happens in waves over **7 days**; nothing to do on your side.",
            "Questions are welcome here; the team answers within a day.",
        ],
    },
    "tutorial": {
        "fr": [
            "1. Ouvrez l'app et allez dans *Automatisations*\n2. Choisissez le déclencheur\n"
            "3. Ajoutez l'action sur {p}\n4. Enregistrez et testez",
            "Voici la règle que j'utilise :\n\n"
            "```yaml\nwhen: sunset\nthen:\n  - device: glow-salon\n    brightness: 60\n```",
            "| Pièce | Consigne |\n|---|---|\n| Salon | 20 °C |\n| Chambres | 17 °C |",
        ],
        "en": [
            "1. Open the app and go to *Automations*\n2. Pick the trigger\n"
            "3. Add the action on {p}\n4. Save and test",
            "Here is the rule I use:\n\n```yaml\nwhen: sunset\nthen:\n  - device: glow-living\n"
            "    brightness: 60\n```",
            "| Room | Set point |\n|---|---|\n| Living room | 20 °C |\n| Bedrooms | 17 °C |",
        ],
    },
    "chat": {
        "fr": [
            "Chez nous on a baissé d'un degré partout et on ne sent presque pas la différence.",
            "Je vis dans une vieille maison en pierre, {p} a vraiment changé notre hiver.",
            "Je suis curieuse de voir comment vous avez organisé {room} !",
            "On a tout installé nous-mêmes en un week-end, avec l'aide de ce forum.",
        ],
        "en": [
            "We turned everything down one degree and barely notice it.",
            "We live in an old stone house; {p} really changed our winter.",
            "I'm curious to see how you set up {room}!",
            "We installed everything ourselves in a weekend, with help from this forum.",
        ],
    },
}
CLOSINGS = {
    "fr": [
        "Merci d'avance pour vos idées !",
        "Des pistes ?",
        "Qu'en pensez-vous ?",
        "Bonne soirée !",
    ],
    "en": ["Thanks in advance!", "Any ideas?", "What do you think?", "Cheers!"],
}
REPLIES = {
    "fr": [
        "Même souci ici avec {p}, je suis le sujet.",
        "Avez-vous essayé de passer le Wi-Fi en 2,4 GHz seulement ? Chez moi ça a tout réglé.",
        "Merci, c'est exactement ce que je cherchais !",
        "+1, ce serait très utile au quotidien.",
        "Je confirme, depuis la **{version}** c'est beaucoup plus stable.",
        "Regardez la FAQ : [connexion du hub](https://example.com/faq/hub), tout est expliqué.",
        "Chez moi {p} est dans {room} et je n'ai jamais eu de problème, bizarre.",
        "Super tuto, je l'ai adapté pour {room}.",
        "Petite astuce : un redémarrage du routeur une fois par semaine aide beaucoup.",
        "Bonjour, l'équipe technique est au courant et un correctif arrive dans la {version}.",
    ],
    "en": [
        "Same issue here with {p}, following this thread.",
        "Did you try restricting the Wi-Fi to 2.4 GHz? That fixed it for me.",
        "Thanks, exactly what I was looking for!",
        "+1, this would be very useful day to day.",
        "Confirmed, since **{version}** it is much more stable.",
        "Check the FAQ: [hub connection](https://example.com/faq/hub), it's all there.",
        "Mine is in {room} and I never had a problem, weird.",
        "Great how-to, I adapted it for {room}.",
        "Tip: restarting the router once a week helps a lot.",
        "Hi, the technical team knows about it and a fix ships in {version}.",
    ],
}
TAGS = {
    "help": ["wifi", "firmware", "batterie", "battery", "installation", "hub"],
    "idea": ["suggestion", "matter", "app", "energie", "energy"],
    "news": ["firmware", "annonce", "webinar"],
    "tutorial": ["automatisation", "automation", "scenario", "yaml"],
    "chat": ["communaute", "community", "energie"],
}
