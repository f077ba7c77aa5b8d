"""Writes on people and identities: build them from members and mention authors, add one."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max

from belvedere.activity.services import record
from belvedere.engagement.models import Identity, Person
from belvedere.engagement.permissions import is_team
from belvedere.listening.models import Mention


def _people_for_members() -> int:
    users = get_user_model().objects.filter(engagement_person__isnull=True, is_active=True)
    people = [
        Person(display_name=user.display_name, user=user, is_team=is_team(user))
        for user in users.order_by("pk")
    ]
    Person.objects.bulk_create(people, batch_size=500)
    return len(people)


def _people_for_authors() -> int:
    known = set(Identity.objects.values_list("platform", "handle"))
    authors = (
        Mention.objects.exclude(author_handle="")
        .values("platform", "author_handle")
        .annotate(name=Max("author_name"), url=Max("author_url"))
        .order_by("platform", "author_handle")
    )
    new = [row for row in authors if (row["platform"], row["author_handle"][:200]) not in known]
    people = [Person(display_name=(row["name"] or row["author_handle"])[:200]) for row in new]
    with transaction.atomic():
        people = Person.objects.bulk_create(people, batch_size=500)
        Identity.objects.bulk_create(
            [
                Identity(
                    person=person,
                    platform=row["platform"],
                    handle=row["author_handle"][:200],
                    display_name=(row["name"] or "")[:200],
                    profile_url=row["url"] or "",
                )
                for person, row in zip(people, new, strict=True)
            ],
            batch_size=500,
        )
    return len(people)


@transaction.atomic
def sync_people(*, actor=None) -> dict[str, int]:
    """A person for every member and every mention author not known yet. Idempotent."""
    counts = {"members": _people_for_members(), "authors": _people_for_authors()}
    if counts["members"] or counts["authors"]:
        record(actor, "engagement.people.sync", staff=actor is not None, **counts)
    return counts


@transaction.atomic
def add_identity(
    person: Person,
    *,
    actor,
    platform: str,
    handle: str,
    display_name: str = "",
    profile_url: str = "",
    email: str = "",
) -> Identity:
    identity = Identity.objects.create(
        person=person,
        platform=platform,
        handle=handle,
        display_name=display_name,
        profile_url=profile_url,
        email=email.lower(),
    )
    record(actor, "engagement.identity.add", person, staff=True, identity=str(identity))
    return identity


@transaction.atomic
def set_identity_email(identity: Identity, email: str, *, actor) -> bool:
    email = email.strip().lower()
    if identity.email == email:
        return False
    identity.email = email
    identity.save(update_fields=["email"])
    record(actor, "engagement.identity.email", identity.person, staff=True, identity=identity.pk)
    return True
