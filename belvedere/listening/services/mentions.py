"""Triage of mentions: status, assignee, tags, notes; each change goes to the ledger."""

from django.db import transaction

from belvedere.activity.services import record
from belvedere.listening.models import Mention, MentionNote, Status, Tag

MAX_TAGS = 20


@transaction.atomic
def set_status(mention: Mention, status: str, *, actor) -> bool:
    status = Status(status)
    if mention.status == status:
        return False
    old, mention.status = mention.status, status
    mention.save(update_fields=["status"])
    record(actor, "listening.mention_status", mention, staff=True, old=old, new=status.value)
    return True


@transaction.atomic
def assign(mention: Mention, assignee, *, actor) -> bool:
    if mention.assignee_id == (assignee.pk if assignee else None):
        return False
    mention.assignee = assignee
    mention.save(update_fields=["assignee"])
    record(
        actor,
        "listening.mention_assigned",
        mention,
        staff=True,
        assignee=assignee.display_name if assignee else "",
    )
    return True


def _get_tags(names) -> list[Tag]:
    tags = []
    for name in dict.fromkeys(n.strip()[:40] for n in names if n and n.strip()):
        tag = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)
        tags.append(tag)
    return tags[:MAX_TAGS]


@transaction.atomic
def set_tags(mention: Mention, names, *, actor) -> list[Tag]:
    tags = _get_tags(names)
    before = {t.pk for t in mention.tags.all()}
    if before != {t.pk for t in tags}:
        mention.tags.set(tags)
        record(actor, "listening.mention_tagged", mention, staff=True, tags=[t.name for t in tags])
    return tags


@transaction.atomic
def add_note(mention: Mention, text: str, *, actor) -> MentionNote:
    note = MentionNote.objects.create(mention=mention, author=actor, text=text[:5000])
    record(actor, "listening.mention_noted", mention, staff=True)
    return note


@transaction.atomic
def add_tag(mention: Mention, name: str, *, actor) -> bool:
    """Add one tag, keeping the others (for bulk tagging)."""
    names = [tag.name for tag in mention.tags.all()]
    if name.strip().lower() in (n.lower() for n in names):
        return False
    set_tags(mention, [*names, name], actor=actor)
    return True


@transaction.atomic
def bulk_triage(mentions, *, actor, status="", assignee=None, unassign=False, tag="") -> int:
    """Apply one status, assignee or tag to several mentions; the count of those changed."""
    changed = 0
    for mention in mentions:
        done = False
        if status:
            done |= set_status(mention, status, actor=actor)
        if assignee is not None or unassign:
            done |= assign(mention, assignee, actor=actor)
        if tag.strip():
            done |= add_tag(mention, tag, actor=actor)
        changed += done
    return changed
