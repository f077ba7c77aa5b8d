"""Demo members of the Belvedere demo community (registered with `belvedere.core.demo`).

The community is the customer forum of "Hélios", a French maker of connected home devices
with customers in France, Belgium, Québec, the UK and North America.
"""

from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from belvedere.accounts.models import Role, User
from belvedere.accounts.services import set_active, set_role, update_profile
from belvedere.activity.services import record
from belvedere.core import demo

# email, display name, language, time zone, bio
STAFF = [
    (
        "admin@belvedere.example",
        "Claire Dubois",
        "fr",
        "Europe/Paris",
        "Responsable de la plateforme communautaire d'Hélios. Je m'occupe des comptes, "
        "des rôles et de la configuration.",
    ),
    (
        "manager@belvedere.example",
        "Oliver Bennett",
        "en",
        "Europe/London",
        "Community manager for Hélios UK & North America. Ask me about events, the "
        "ambassador programme and product tests.",
    ),
    (
        "moderator@belvedere.example",
        "Amina Haddad",
        "fr",
        "Europe/Paris",
        "Modératrice bénévole depuis 2021. Bienveillance d'abord, et lisez la charte !",
    ),
    (
        "member@belvedere.example",
        "Emily Carter",
        "en",
        "America/Toronto",
        "Smart-home tinkerer in Toronto. Two thermostats, one very opinionated cat.",
    ),
]

MEMBERS = [
    (
        "julien.moreau@example.com",
        "Julien Moreau",
        "fr",
        "Europe/Paris",
        "Électricien à Lyon, j'installe des thermostats Hélios chez mes clients depuis 2019.",
    ),
    (
        "camille.lefevre@example.org",
        "Camille Lefèvre",
        "fr",
        "Europe/Paris",
        "Passionnée de domotique et de sobriété énergétique. Je partage mes scénarios.",
    ),
    (
        "thomas.girard@example.net",
        "Thomas Girard",
        "fr",
        "Europe/Brussels",
        "Bruxellois, maison des années 30, beaucoup de radiateurs à piloter.",
    ),
    (
        "lea.fontaine@example.com",
        "Léa Fontaine",
        "fr",
        "America/Montreal",
        "Montréalaise, je teste tout ce qui promet de baisser la facture d'hiver.",
    ),
    (
        "nicolas.roux@example.org",
        "Nicolas Roux",
        "fr",
        "Europe/Paris",
        "Développeur, j'utilise l'API Hélios avec Home Assistant.",
    ),
    (
        "manon.chevalier@example.net",
        "Manon Chevalier",
        "fr",
        "Europe/Paris",
        "Nouvelle dans la communauté, premier appartement équipé !",
    ),
    (
        "hugo.lambert@example.com",
        "Hugo Lambert",
        "fr",
        "Europe/Paris",
        "Je réponds surtout sur la section installation et câblage.",
    ),
    (
        "chloe.mercier@example.org",
        "Chloé Mercier",
        "fr",
        "Europe/Zurich",
        "Architecte d'intérieur à Genève, intéressée par le design des capteurs.",
    ),
    ("antoine.faure@example.net", "Antoine Faure", "fr", "Europe/Paris", ""),
    (
        "ines.benali@example.com",
        "Inès Benali",
        "fr",
        "Europe/Paris",
        "Ambassadrice Hélios à Marseille, j'organise des rencontres entre utilisateurs.",
    ),
    (
        "daniel.hughes@example.com",
        "Daniel Hughes",
        "en",
        "Europe/London",
        "Retired engineer from Leeds. Happy to help with wiring questions.",
    ),
    (
        "priya.sharma@example.org",
        "Priya Sharma",
        "en",
        "America/New_York",
        "Product designer; I care about accessibility of the mobile app.",
    ),
    (
        "michael.oconnor@example.net",
        "Michael O'Connor",
        "en",
        "Europe/Dublin",
        "Beta tester for the new air-quality sensor.",
    ),
    (
        "grace.thompson@example.com",
        "Grace Thompson",
        "en",
        "Australia/Sydney",
        "Early adopter, long-time forum regular, occasional grump about firmware updates.",
    ),
    (
        "ethan.walker@example.org",
        "Ethan Walker",
        "en",
        "America/Chicago",
        "BEST DEALS on smart plugs!!! 70% off today only at cheap-plugs.example",
    ),
    (
        "sarah.mitchell@example.net",
        "Sarah Mitchell",
        "en",
        "America/Vancouver",
        "Energy advisor. I post monthly consumption comparisons.",
    ),
    (
        "ryan.cooper@example.com",
        "Ryan Cooper",
        "en",
        "America/Los_Angeles",
        "Home automation hobbyist, Zigbee and Matter enthusiast.",
    ),
    (
        "zoe.patel@example.org",
        "Zoe Patel",
        "en",
        "Europe/London",
        "Student in Manchester, setting up my shared flat on a budget.",
    ),
    (
        "lucas.silva@example.net",
        "Lucas Silva",
        "en",
        "America/Toronto",
        "Bilingual member (EN/FR), I help translate answers between the two forums.",
    ),
    (
        "hannah.wright@example.com",
        "Hannah Wright",
        "en",
        "Europe/London",
        "Landlord with six flats on Hélios; interested in fleet management.",
    ),
]

PROMOTIONS = [
    (
        "manager@belvedere.example",
        Role.MANAGER,
        "admin@belvedere.example",
        "Leads the community team for the UK and North America.",
    ),
    (
        "moderator@belvedere.example",
        Role.MODERATOR,
        "admin@belvedere.example",
        "Modératrice bénévole depuis deux ans sur l'ancien forum.",
    ),
    (
        "julien.moreau@example.com",
        Role.MODERATOR,
        "manager@belvedere.example",
        "Très présent dans l'entraide installation ; a accepté de rejoindre l'équipe.",
    ),
]


def _create_member(row: tuple, password: str, joined_days_ago: int) -> User:
    email, name, language, time_zone, bio = row
    superuser = email == demo.DEMO_LOGINS[0][0]
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "display_name": name,
            "password": password,
            "email_verified": True,
            "language": language,
            "time_zone": time_zone,
            "bio": bio,
            "date_joined": timezone.now() - timedelta(days=joined_days_ago),
            "is_superuser": superuser,
        },
    )
    if created:
        record(user, "member.signup", user)
    return user


def _staff_actions(people: dict[str, User]) -> int:
    """What the team did: promotions, a bio cleaned up, a spam account suspended."""
    admin, moderator = people["admin@belvedere.example"], people["moderator@belvedere.example"]
    count = int(set_role(admin, Role.ADMIN, actor=None, reason="First administrator."))
    for email, role, actor, reason in PROMOTIONS:
        count += set_role(people[email], role, actor=people[actor], reason=reason)
    spammer = people["ethan.walker@example.org"]
    count += bool(update_profile(spammer, actor=moderator, bio=""))
    count += set_active(
        spammer,
        False,
        actor=moderator,
        reason="Advertising links posted in twelve topics within an hour.",
    )
    return count


@transaction.atomic
def build() -> str:
    password = make_password(demo.DEMO_PASSWORD)  # hashed once: hashing is slow on purpose
    rows = STAFF + MEMBERS
    people = {
        row[0]: _create_member(row, password, joined_days_ago=400 - 15 * index)
        for index, row in enumerate(rows)
    }
    actions = _staff_actions(people)
    return f"{len(people)} members, {actions} staff actions in the audit log"


demo.register("accounts", build, order=10)
