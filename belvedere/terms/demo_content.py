"""Texts of the demo terms of the Hélios community.

Each clause: (number, key, title_en, title_fr, body_en, body_fr).
"""

RULES_V1 = [
    (
        "1",
        "respect",
        "Be respectful",
        "Respectez les autres",
        "Treat every member as you would in person. Criticise ideas, products and decisions, "
        "never the people who hold them.",
        "Traitez chaque membre comme vous le feriez en face. Critiquez les idées, les produits "
        "et les décisions, jamais les personnes.",
    ),
    (
        "2",
        "harassment",
        "No harassment",
        "Pas de harcèlement",
        "Insults, threats, repeated unwanted messages, pile-ons and intimidation are forbidden, "
        "in public topics as in private messages.",
        "Insultes, menaces, messages répétés non désirés, acharnement collectif et intimidation "
        "sont interdits, dans les sujets publics comme en messages privés.",
    ),
    (
        "3",
        "hate",
        "No hate speech",
        "Pas de discours de haine",
        "Content that attacks or demeans people for their origin, religion, gender, sexual "
        "orientation, disability or age is removed, and its author sanctioned.",
        "Les contenus qui attaquent ou rabaissent des personnes pour leur origine, leur "
        "religion, leur genre, leur orientation sexuelle, leur handicap ou leur âge sont "
        "retirés et leur auteur sanctionné.",
    ),
    (
        "4",
        "spam",
        "No spam or advertising",
        "Pas de spam ni de publicité",
        "Do not post advertising, affiliate links or the same message in several topics. "
        "Mentioning a product that solved your problem is fine.",
        "Ne publiez ni publicité, ni liens d'affiliation, ni le même message dans plusieurs "
        "sujets. Citer un produit qui a résolu votre problème reste permis.",
    ),
    (
        "5",
        "illegal",
        "No illegal content",
        "Pas de contenu illégal",
        "Do not post content that breaks the law: pirated software or firmware, counterfeits, "
        "defamation, incitement to violence. We report what the law requires us to report.",
        "Ne publiez aucun contenu illégal : logiciels ou micrologiciels piratés, contrefaçons, "
        "diffamation, incitation à la violence. Nous signalons ce que la loi nous impose.",
    ),
    (
        "6",
        "privacy",
        "Respect privacy: no doxxing",
        "Respectez la vie privée : pas de divulgation",
        "Never publish someone else's personal data (address, phone number, photos, order "
        "numbers) without their consent. Blur serial numbers in your screenshots.",
        "Ne publiez jamais les données personnelles d'autrui (adresse, téléphone, photos, "
        "numéros de commande) sans son accord. Masquez les numéros de série de vos captures.",
    ),
    (
        "7",
        "off-topic",
        "Stay on topic",
        "Restez dans le sujet",
        "Post in the category that fits and keep replies on the subject of the topic. "
        "Moderators may move or close off-topic threads.",
        "Publiez dans la catégorie adaptée et restez dans le sujet de la discussion. Les "
        "modérateurs peuvent déplacer ou fermer les fils hors sujet.",
    ),
    (
        "8",
        "impersonation",
        "No impersonation",
        "Pas d'usurpation d'identité",
        "Do not pretend to be another member, a Hélios employee or a public figure. Staff "
        "accounts always show their role badge.",
        "Ne vous faites pas passer pour un autre membre, un salarié d'Hélios ou une "
        "personnalité. Les comptes de l'équipe affichent toujours leur badge.",
    ),
    (
        "9",
        "sanctions",
        "Sanctions and appeals",
        "Sanctions et recours",
        "Breaking these rules may lead to a warning, a silence, a suspension or a ban, "
        "depending on the gravity and repetition. You may appeal a sanction once within "
        "14 days; another moderator decides.",
        "Enfreindre ces règles peut entraîner un avertissement, une mise en sourdine, une "
        "suspension ou un bannissement, selon la gravité et la récidive. Vous pouvez "
        "contester une sanction une fois sous 14 jours ; un autre modérateur décide.",
    ),
]

SPAM_V2 = (
    "4",
    "spam",
    "No spam or advertising",
    "Pas de spam ni de publicité",
    "Do not post advertising, affiliate links, referral codes or the same message in several "
    "topics. Mentioning a product that solved your problem is fine.",
    "Ne publiez ni publicité, ni liens d'affiliation, ni codes de parrainage, ni le même "
    "message dans plusieurs sujets. Citer un produit qui a résolu votre problème reste permis.",
)

AUTOMATION_V2 = (
    "10",
    "automation",
    "Bots and AI-generated content",
    "Robots et contenus générés par IA",
    "Automated accounts need the team's permission. If a message was mostly written by an "
    "AI tool, say so; answers copied from a chatbot without checking them may be removed.",
    "Les comptes automatisés doivent être autorisés par l'équipe. Si un message a été "
    "rédigé en majeure partie par une IA, indiquez-le ; les réponses copiées d'un robot "
    "conversationnel sans vérification peuvent être retirées.",
)

RULES_V2 = [SPAM_V2 if row[0] == "4" else row for row in RULES_V1] + [AUTOMATION_V2]

TERMS = [
    (
        "1",
        "",
        "Purpose",
        "Objet",
        "These terms govern the use of the Hélios community forum, run by Hélios SAS.",
        "Les présentes conditions régissent l'utilisation du forum communautaire Hélios, "
        "exploité par Hélios SAS.",
    ),
    (
        "2",
        "account",
        "Your account",
        "Votre compte",
        "You must be at least 15 years old. Keep your password secret; you are responsible "
        "for what is posted from your account.",
        "Vous devez avoir au moins 15 ans. Gardez votre mot de passe secret ; vous êtes "
        "responsable de ce qui est publié depuis votre compte.",
    ),
    (
        "3",
        "content",
        "Your content",
        "Vos contenus",
        "You keep the rights on what you write and grant Hélios a free licence to display "
        "it on the forum. You must follow the [community rules](/terms/rules/).",
        "Vous gardez vos droits sur ce que vous écrivez et accordez à Hélios une licence "
        "gratuite pour l'afficher sur le forum. Vous respectez la "
        "[charte de la communauté](/terms/rules/).",
    ),
    (
        "4",
        "",
        "Availability and liability",
        "Disponibilité et responsabilité",
        "We do our best to keep the forum available; answers from members are not official "
        "support and come without warranty.",
        "Nous faisons de notre mieux pour que le forum reste disponible ; les réponses des "
        "membres ne sont pas du support officiel et sont sans garantie.",
    ),
    (
        "5",
        "",
        "Termination and applicable law",
        "Résiliation et droit applicable",
        "You may delete your account at any time from your profile. These terms are governed "
        "by French law.",
        "Vous pouvez supprimer votre compte à tout moment depuis votre profil. Ces conditions "
        "sont régies par le droit français.",
    ),
]

PRIVACY = [
    (
        "1",
        "",
        "Who is responsible",
        "Responsable du traitement",
        "Hélios SAS is the data controller. Contact our data protection officer at "
        "dpo@helios.example.",
        "Hélios SAS est responsable du traitement. Contactez notre délégué à la protection des "
        "données : dpo@helios.example.",
    ),
    (
        "2",
        "",
        "What we collect",
        "Données collectées",
        "Your email address, display name, profile, posts, reactions, preferences and, for "
        "security, a keyed hash of your IP address when you accept these documents.",
        "Votre adresse e-mail, votre nom affiché, votre profil, vos messages, réactions et "
        "préférences et, pour la sécurité, une empreinte de votre adresse IP quand vous "
        "acceptez ces documents.",
    ),
    (
        "3",
        "",
        "Why, and on what legal basis",
        "Finalités et bases légales",
        "To run the forum (contract), to keep it safe and moderate it (legitimate interest), "
        "and to send the emails you chose (consent). We never sell your data.",
        "Faire fonctionner le forum (contrat), le sécuriser et le modérer (intérêt légitime) "
        "et vous envoyer les e-mails choisis (consentement). Nous ne vendons jamais vos données.",
    ),
    (
        "4",
        "",
        "How long",
        "Durée de conservation",
        "As long as your account exists; moderation records are kept one year after the decision.",
        "Tant que votre compte existe ; les traces de modération sont gardées un an après la "
        "décision.",
    ),
    (
        "5",
        "",
        "Your rights",
        "Vos droits",
        "You may access, export, correct and erase your data from your profile, and object to "
        "processing. You may complain to the CNIL (www.cnil.fr).",
        "Vous pouvez accéder à vos données, les exporter, les corriger et les effacer depuis "
        "votre profil, et vous opposer au traitement. Vous pouvez saisir la CNIL "
        "(www.cnil.fr).",
    ),
    (
        "6",
        "",
        "No trackers",
        "Aucun traceur",
        "The forum loads no third-party script, font or analytics: only a session cookie.",
        "Le forum ne charge aucun script, police ou outil de mesure tiers : seulement un "
        "cookie de session.",
    ),
]
