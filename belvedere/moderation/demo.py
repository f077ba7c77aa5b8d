"""Moderation demo data: French and English watched words, held and flagged items on demo
forum posts (found through the registry, never by naming the forum), sanctions and one
appeal. Runs after the forum and the terms."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from belvedere.accounts.services import update_profile
from belvedere.core import demo
from belvedere.moderation import registry
from belvedere.moderation.models import Appeal, QueueItem, WatchedWord
from belvedere.moderation.services import appeals, flags, sanctions, settings, trust, words
from belvedere.moderation.services.queue import open_item

MANAGER, MODERATOR, MEMBER = (email for email, _role in demo.DEMO_LOGINS[1:4])

WORDS = [
    # pattern, action, regex, replacement, clause, category, language
    ("connard", "block", False, "", "harassment", "insult", "fr"),
    ("enculé", "block", False, "", "harassment", "insult", "fr"),
    ("sale race", "block", False, "", "hate", "slur", "fr"),
    ("fuck you", "block", False, "", "harassment", "insult", "en"),
    ("motherfucker", "block", False, "", "harassment", "insult", "en"),
    ("casino en ligne", "approve", False, "", "spam", "", "fr"),
    ("crypto*", "approve", False, "", "spam", "", "any"),
    (r"(?:whats ?app|telegram) ?\+?\d{6}", "approve", True, "", "spam", "", "any"),
    ("arnaque", "flag", False, "", "respect", "", "fr"),
    ("scam", "flag", False, "", "respect", "", "en"),
    ("firmware pirate", "flag", False, "", "illegal", "", "fr"),
    ("merde", "censor", False, "", "", "profanity", "fr"),
    ("putain", "censor", False, "", "", "profanity", "fr"),
    ("shit", "censor", False, "", "", "profanity", "en"),
    ("wtf", "replace", False, "what on earth", "", "", "en"),
    ("bordel", "replace", False, "pagaille", "", "", "fr"),
]

HELD_TEXTS = [
    "Espèce de connard, tu racontes que des conneries sur ce thermostat.",
    "You are a complete idiot and everybody here knows it, stop posting.",
    "Je sais où tu habites, fais attention à ce que tu écris ici.",
]
FLAG_REASONS = ["spam", "harassment", "off-topic", "spam"]


def _people():
    User = get_user_model()
    by_email = {u.email: u for u in User.objects.filter(email__in=[MANAGER, MODERATOR, MEMBER])}
    others = list(User.objects.filter(is_active=True, role="member").exclude(email=MEMBER)[:8])
    return by_email.get(MANAGER), by_email.get(MODERATOR), by_email.get(MEMBER), others


def _words(manager) -> int:
    count = 0
    for pattern, action, regex, replacement, clause, category, language in WORDS:
        if WatchedWord.objects.filter(pattern=pattern).exists():
            continue
        words.create_word(
            actor=manager, pattern=pattern, action=action, is_regex=regex,
            replacement=replacement, clause_key=clause, category=category, language=language,
        )  # fmt: skip
        count += 1
    return count


def _content_model():
    """The registered content that screening fills (the forum's posts, in this install)."""
    for registration in registry.registrations():
        if registration.adapter.queue_verbs and registration.resolve is None:
            return registration
    return None


def _held(registration, posts) -> int:
    adapter, count = registration.adapter, 0
    for post, text in zip(posts, HELD_TEXTS, strict=False):
        author = adapter.author(post)
        try:
            adapter.edit(post, actor=author, text=text, reason="")
        except ValidationError:
            continue
        post.refresh_from_db()
        state = adapter.state(post)
        if state.held:
            open_item(post, reasons=list(state.reasons), clause=state.clause, held=True)
            count += 1
    return count


def _flagged(registration, posts, flaggers) -> int:
    count = 0
    for post, reason in zip(posts, FLAG_REASONS, strict=False):
        for flagger in flaggers[:2]:
            try:
                flags.flag_content(post, flagger=flagger, reason=reason, text="")
                count += 1
            except (ValidationError, IntegrityError):
                continue
    return count


def _posts(registration, people, skip: int, n: int) -> list:
    adapter = registration.adapter
    queryset = registration.model._default_manager.select_related(*adapter.select_related)
    ids = [p.pk for p in people if p is not None]
    found = []
    for obj in queryset.filter(author_id__in=ids).order_by("-pk")[skip : skip + 50]:
        state = adapter.state(obj)
        if not (state.held or state.hidden or state.deleted):
            found.append(obj)
        if len(found) == n:
            break
    return found


def _sanctions(moderator, member, others) -> str:
    if member is None or moderator is None:
        return "no sanctions"
    warning = sanctions.sanction_member(
        member, "warning", actor=moderator, clause="respect",
        reason="Ton agressif envers un autre membre dans « Batterie qui gonfle ».",
    )  # fmt: skip
    appeals.file_appeal(
        warning, member=member,
        text="Je citais le message d'un autre membre pour y répondre, ce n'était pas mon propos.",
    )  # fmt: skip
    if others:
        sanctions.sanction_member(
            others[0], "silence", actor=moderator, reason="Messages publicitaires répétés.",
            clause="spam", days=3,
        )  # fmt: skip
    return "2 sanctions, 1 appeal"


HELD_BIO = "Passionné de crypto-monnaies : je partage mes meilleurs plans, écrivez-moi !"


def _held_bio(member) -> int:
    """A member's new bio held by the watched word "crypto*": it waits in the queue."""
    if member is None:
        return 0
    try:
        update_profile(member, actor=member, bio=HELD_BIO)
    except ValidationError:
        return 0
    member.refresh_from_db()
    state = registry.get_adapter(member._meta.label_lower).state(member)
    if not state.held:
        return 0
    open_item(member, reasons=list(state.reasons), clause=state.clause, held=True)
    return 1


def build() -> str:
    if QueueItem.objects.exists() or Appeal.objects.exists():
        return "moderation data already present"
    manager, moderator, member, others = _people()
    settings.update_settings(actor=manager, duplicate_window_hours=24, min_seconds_between_posts=5)
    added = _words(manager)
    registration = _content_model()
    held = flagged = 0
    if registration is not None:
        held = _held(registration, _posts(registration, others, 0, len(HELD_TEXTS)))
        flaggers = [p for p in (member, *others[3:]) if p is not None]
        flagged = _flagged(registration, _posts(registration, others, 10, 4), flaggers)
    held += _held_bio(others[1] if len(others) > 1 else None)
    summary = _sanctions(moderator, member, others)
    levels = trust.recompute_trust_levels()
    return f"{added} watched words, {held} held, {flagged} flags, {summary}, {levels} trust levels"


demo.register("moderation", build, order=50)
