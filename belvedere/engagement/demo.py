"""Demo data of engagement: people from members and mention authors with merged identities,
scores, three ambassadors with a share kit and clicks, a past and a future event of each kind
(online AMA with its forum thread, in-person meetup with a waiting list), one programme."""

import hashlib
import logging
import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from belvedere.core import demo
from belvedere.engagement.models import (
    EventFeedback,
    Identity,
    LinkClick,
    Person,
    Registration,
    Tier,
)
from belvedere.engagement.services import (
    ambassadors,
    events,
    feedback,
    merges,
    people,
    programmes,
    scoring,
)
from belvedere.engagement.services.threads import open_event_thread

log = logging.getLogger(__name__)
MANAGER = "manager@belvedere.example"
MEMBER = "member@belvedere.example"


def _members():
    users = get_user_model().objects.filter(is_active=True, role="member").order_by("pk")
    return list(users)


def _merge_identities(manager, member) -> int:
    """Give the demo member two identities elsewhere, merged into their person."""
    person = Person.objects.get(user=member)
    handle = member.display_name.lower().replace(" ", "")
    made = 0
    for platform, suffix in (("mastodon", "@mastodon.social"), ("bluesky", ".bsky.social")):
        if Identity.objects.filter(platform=platform, handle=handle + suffix).exists():
            continue  # a rebuild after the demo accounts were lost: keep the old identity
        other = Person.objects.create(display_name=member.display_name)
        Identity.objects.create(
            person=other,
            platform=platform,
            handle=handle + suffix,
            display_name=member.display_name,
            email=member.email,
        )
        merges.merge_people(person, other, actor=manager, reason="demo: same email")
        made += 1
    return made


def _ambassadors(manager, members) -> list:
    ranked = sorted(
        Person.objects.filter(user__in=members).select_related("user"),
        key=lambda p: -p.score,
    )[:3]
    kit = ambassadors.create_kit(
        actor=manager,
        title="Hélios Home 2",
        message="La nouvelle box Hélios arrive ! / The new Hélios box is here!",
        target_url="https://helios.example/home-2",
    )
    made = []
    rng = random.Random(8)
    for person, tier in zip(ranked, (Tier.GOLD, Tier.SILVER, Tier.BRONZE), strict=False):
        ambassador = ambassadors.invite_ambassador(person.user, actor=manager, tier=tier)
        ambassadors.answer_invitation(ambassador, user=person.user, accept=True)
        link = ambassadors.link_for(kit, ambassador)
        today = timezone.localdate()
        LinkClick.objects.bulk_create(
            LinkClick(
                link=link,
                day=today - timedelta(days=rng.randint(0, 20)),
                visitor=hashlib.sha256(f"demo{i}".encode()).hexdigest(),
            )
            for i in range(rng.randint(5, 40))
        )
        made.append(ambassador)
    return made


def _event(manager, days: int, **fields):
    start = (timezone.now() + timedelta(days=days)).replace(minute=0, second=0, microsecond=0)
    return events.create_event(
        actor=manager, starts_at=start, ends_at=start + timedelta(hours=2), **fields
    )


def _events(manager, members) -> int:
    past_ama = _event(
        manager,
        -10,
        title="AMA : l'équipe produit Hélios répond",
        kind="online",
        format="ama",
        video_url="https://meet.helios.example/ama",
    )
    _event(
        manager,
        12,
        title="Webinar: automations with Hélios Home 2",
        kind="online",
        format="webinar",
        video_url="https://meet.helios.example/webinar",
        capacity=100,
    )
    past_meetup = _event(
        manager,
        -20,
        title="Apéro communauté Hélios — Lyon",
        kind="physical",
        venue="La Cordée Perrache",
        address="8 cours Charlemagne, 69002 Lyon",
        capacity=15,
    )
    future = _event(
        manager,
        25,
        title="Hélios community meetup — London",
        kind="physical",
        venue="Impact Hub King's Cross",
        address="34b York Way, London N1 9AB",
        time_zone="Europe/London",
        capacity=4,
    )
    try:
        with transaction.atomic():
            open_event_thread(past_ama, actor=manager)
    except Exception as exc:  # noqa: BLE001 - no startable category or terms owed: no thread
        log.info("No forum thread for the demo AMA: %s", exc)
    for event in (past_ama, past_meetup):
        _past_registrations(event, members[:12])
    for user in members[:6]:  # 4 seats: two on the waiting list
        events.register(future, user=user)
    return Registration.objects.count()


def _past_registrations(event, members) -> None:
    rng = random.Random(event.pk)
    now = timezone.now()
    for index, user in enumerate(members):
        code = hashlib.sha256(f"{event.pk}-{user.pk}".encode()).hexdigest()[:8].upper()
        came = rng.random() < 0.75
        Registration.objects.create(
            event=event,
            user=user,
            status="confirmed",
            checkin_code=code,
            queued_at=event.starts_at - timedelta(days=5, hours=index),
            checked_in_at=event.starts_at if came else None,
        )
        if came and rng.random() < 0.6:
            EventFeedback.objects.create(
                event=event,
                user=user,
                rating=rng.randint(3, 5),
                comment="Super moment !",
                created_at=now,
            )


def _programme(manager, members) -> None:
    programme = programmes.create_programme(
        actor=manager,
        title="Bêta-test : thermostat Hélios T3",
        description="Testez le nouveau thermostat pendant 4 semaines et dites-nous tout.",
        terms="Confidentialité jusqu'au lancement ; retour hebdomadaire ; l'appareil est prêté.",
        seats=5,
        min_level="observer",
        languages="fr, en",
    )
    setup = feedback.add_question(
        programme, actor=manager, label="Installation facile ?", kind="yesno", required=True
    )
    room = feedback.add_question(
        programme, actor=manager, label="Pièce", kind="choice", choices="Salon\nChambre\nBureau"
    )
    for index, user in enumerate(members[:7]):
        if user.language not in ("fr", "en"):
            continue
        application = programmes.apply(
            programme, user=user, motivation="J'ai déjà le T2.", accept_terms=True
        )
        if index < 4:
            programmes.decide(application, select=True, actor=manager)
            answers = {str(setup.pk): "yes" if index % 3 else "no", str(room.pk): "Salon"}
            programmes.submit_programme_feedback(
                programme, user=user, rating=4 - index % 2, worked="Appli claire", answers=answers
            )
    programmes.open_testers_category(programme, actor=manager)
    programmes.set_programme_status(programme, "running", actor=manager)


def build() -> str:
    users = get_user_model().objects
    manager = users.get(email=MANAGER)
    members = _members()
    counts = people.sync_people(actor=manager)
    merged = _merge_identities(manager, users.get(email=MEMBER))
    suggestions = merges.suggest_merges()
    scoring.recompute_scores()
    made = _ambassadors(manager, members)
    registrations = _events(manager, members)
    _programme(manager, members)
    scoring.recompute_scores()
    return (
        f"{counts['members'] + counts['authors']} people, {merged} merges, {suggestions} "
        f"suggestions, {len(made)} ambassadors, 4 events ({registrations} registrations), "
        "1 programme"
    )


demo.register("engagement", build, order=75)
