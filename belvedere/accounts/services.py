"""Every write on members: sign-up, verification, profile, email, password, roles, erasure.

Each function is the one write path of its verb and records it in the activity ledger.
"""

import secrets

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from belvedere.accounts.models import Badge, Role, User
from belvedere.activity.services import forget_member, record
from belvedere.core.screening import Decision, combine, screen
from belvedere.terms.services import accept_versions

SCREENED_FIELDS = ("display_name", "bio")  # member-written profile text
EMAIL_CHANGE_SALT = "belvedere.accounts.email-change"
EMAIL_CHANGE_MAX_AGE = 3 * 24 * 3600


class InvalidLink(Exception):
    """A confirmation link that is forged, expired or already used."""


def send_member_email(user: User, template: str, context: dict, *, to: str = "") -> None:
    """Send `accounts/email/<template>.txt` (and its `_subject`) in the member's language."""
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {"user": user, "base_url": settings.BASE_URL, **context}
        subject = render_to_string(f"accounts/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"accounts/email/{template}.txt", context)
    send_mail(subject, body, None, [to or user.email])


@transaction.atomic
def register_member(
    *, email: str, display_name: str, password: str, language: str = "", terms_versions=()
) -> User:
    """Create a member; `terms_versions` are the versions of the terms they accepted.
    A display name that screening refuses raises ValidationError (nothing is created)."""
    screen_profile(None, {"display_name": display_name})
    user = User.objects.create_user(
        email=email, password=password, display_name=display_name, language=language
    )
    record(user, "member.signup", user)
    accept_versions(user, list(terms_versions), language=language)
    transaction.on_commit(lambda: send_verification_email(user))
    return user


def verification_url(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.BASE_URL + reverse("accounts:verify", args=[uid, token])


def send_verification_email(user: User) -> None:
    send_member_email(user, "verify", {"url": verification_url(user)})


def resend_verification(email: str) -> bool:
    """Send a fresh link if an active, unverified account uses `email`. Says nothing to callers."""
    user = User.objects.filter(
        email__iexact=email.strip(), email_verified=False, is_active=True
    ).first()
    if user is None:
        return False
    send_verification_email(user)
    return True


def confirm_email(user: User) -> None:
    if not user.email_verified:
        user.email_verified = True
        user.save(update_fields=["email_verified"])
        record(user, "member.verify_email", user)


def screen_profile(author, texts: dict[str, str]) -> Decision:
    """Screen what a member writes on their profile (`core.screening`, kinds `accounts.<field>`).

    A refusal raises ValidationError keyed by field: nothing is saved and the form keeps the
    text. A display name is shown everywhere at once, so one that would wait for review is
    refused too (the member picks another); a held bio waits in `pending_bio`."""
    return combine(list(screen_profile_fields(author, texts).values()))


def screen_profile_fields(author, texts: dict[str, str]) -> dict[str, Decision]:
    """`screen_profile`, with the decision of each field."""
    decisions = {}
    for name, text in texts.items():
        if name in SCREENED_FIELDS and text:
            decisions[name] = screen(text, kind=f"accounts.{name}", author=author)
    errors = {name: d.message or _("This text cannot be published.")
              for name, d in decisions.items() if d.is_rejected}  # fmt: skip
    name_decision = decisions.get("display_name")
    if "display_name" not in errors and name_decision is not None and name_decision.is_held:
        errors["display_name"] = _(
            "Choose another display name: this one would have to wait for a moderator's review."
        )
    if errors:
        raise ValidationError(errors, code="screened")
    return decisions


def _apply_screening(user: User, fields: dict, decisions: dict[str, Decision]) -> None:
    """Route the bio by the decision (held: `pending_bio`) and remember the decision, with the
    fields it is about (a moderator's rejection acts on those: `reject_profile`)."""
    decision = combine(list(decisions.values()))
    if "bio" in fields and (user.pending_bio or fields["bio"] != user.bio):
        fields["pending_bio"] = ""  # a new bio replaces the one waiting
    if decision.is_held and "bio" in fields:
        fields["pending_bio"] = fields.pop("bio")
    keep = decision.is_held or decision.is_flagged
    at_fault = sorted(name for name, d in decisions.items() if d.is_held or d.is_flagged)
    fields["profile_screening"] = (
        {"action": decision.action, "reasons": decision.reasons, "clause": decision.clause or "",
         "message": decision.message, "fields": at_fault}
        if keep else {}
    )  # fmt: skip


@transaction.atomic
def update_profile(user: User, *, actor: User, **fields) -> list[str]:
    """Save the given profile fields of `user`; returns the names of those that changed.

    What a member writes on their own profile is screened first (`screen_profile`); staff
    editing someone's profile (a moderator's correction) is not."""
    if "avatar" in fields and fields["avatar"] is None:  # no upload, none before
        del fields["avatar"]
    elif fields.get("avatar") is False:  # the form's "clear" box
        fields["avatar"] = ""
    old_avatar = user.avatar.name if user.avatar else ""
    texts = {n: fields[n] for n in SCREENED_FIELDS if n in fields and fields[n] != getattr(user, n)}
    if actor.pk == user.pk and texts:
        _apply_screening(user, fields, screen_profile_fields(user, texts))
    elif "bio" in fields and (fields["bio"] != user.bio or user.pending_bio):
        fields.update(pending_bio="", profile_screening={})  # the bio waiting is settled
    changed = [name for name, value in fields.items() if getattr(user, name) != value]
    for name in changed:
        setattr(user, name, fields[name])
    if changed:
        user.save(update_fields=changed)
        record(actor, "member.update_profile", user, staff=actor.pk != user.pk, fields=changed)
    if "avatar" in changed and old_avatar:
        storage = user.avatar.storage
        transaction.on_commit(lambda: storage.delete(old_avatar))
    return changed


def _settle_profile(user: User, fields: dict, *, actor: User, verb: str, reason: str) -> bool:
    for name, value in fields.items():
        setattr(user, name, value)
    user.save(update_fields=list(fields))
    record(actor, verb, user, reason=reason, staff=actor is not None and actor.pk != user.pk)
    return True


@transaction.atomic
def publish_pending_bio(user: User, *, actor: User, reason: str = "") -> bool:
    """A moderator approves the bio that waited for review (or restores a hidden one)."""
    if not user.pending_bio:
        if not user.profile_screening:
            return False
        return _settle_profile(user, {"profile_screening": {}}, actor=actor,
                           verb="member.bio.approve", reason=reason)  # fmt: skip
    fields = {"bio": user.pending_bio, "pending_bio": "", "profile_screening": {}}
    return _settle_profile(user, fields, actor=actor, verb="member.bio.approve", reason=reason)


@transaction.atomic
def hold_bio(user: User, *, actor: User, reason: str = "") -> bool:
    """Take the bio off the profile until a moderator decides; the text waits, not lost."""
    if not user.bio:
        return False
    fields = {"bio": "", "pending_bio": user.bio}
    return _settle_profile(user, fields, actor=actor, verb="member.bio.hide", reason=reason)


@transaction.atomic
def submit_bio_for_review(user: User, text: str) -> bool:
    """The member rewrites a bio moderation took off their profile: it is screened (a refusal
    raises ValidationError), then waits for a moderator in `pending_bio`."""
    decision = screen_profile(user, {"bio": text})
    screening = {"action": "hold", "reasons": [*decision.reasons, "revised"],
                 "clause": decision.clause or "", "message": ""}  # fmt: skip
    fields = {"pending_bio": text[:2000], "profile_screening": screening}
    return _settle_profile(user, fields, actor=user, verb="member.bio.revise", reason="")


@transaction.atomic
def discard_bio(user: User, *, actor: User, reason: str = "") -> bool:
    """A moderator removes the bio waiting for review, or the published one if none waits."""
    if user.pending_bio:
        fields = {"pending_bio": "", "profile_screening": {}}
    elif user.bio:
        fields = {"bio": "", "profile_screening": {}}
    else:
        return False
    return _settle_profile(user, fields, actor=actor, verb="member.bio.remove", reason=reason)


@transaction.atomic
def reset_display_name(user: User, *, actor: User, reason: str = "") -> bool:
    """A moderator takes a display name down: the member gets a neutral one (``member-<id>``)
    and picks another on their profile."""
    name = f"member-{user.pk}"
    while User.objects.filter(display_name__iexact=name).exclude(pk=user.pk).exists():
        name = f"member-{user.pk}-{secrets.token_hex(2)}"
    if user.display_name == name:
        return False
    fields = {"display_name": name, "profile_screening": {}}
    return _settle_profile(user, fields, actor=actor, verb="member.name.reset", reason=reason)


@transaction.atomic
def reject_profile(user: User, *, actor: User, reason: str = "") -> bool:
    """A moderator rejects a profile: what screening found at fault goes (the display name is
    reset, the bio removed); a profile flagged by members, with no such record, loses its bio."""
    at_fault = set((user.profile_screening or {}).get("fields") or ()) or {"bio"}
    if user.pending_bio:  # a bio held or hidden waits for this decision
        at_fault.add("bio")
    changed = False
    if "display_name" in at_fault:
        changed |= reset_display_name(user, actor=actor, reason=reason)
    if "bio" in at_fault:
        changed |= discard_bio(user, actor=actor, reason=reason)
    return changed


def request_email_change(user: User, new_email: str) -> None:
    """Mail a confirmation link to `new_email`; the address changes once it is opened."""
    payload = {"u": user.pk, "old": user.email, "new": new_email.strip().lower()}
    token = signing.dumps(payload, salt=EMAIL_CHANGE_SALT)
    url = settings.BASE_URL + reverse("accounts:confirm_email_change", args=[token])
    send_member_email(user, "email_change", {"url": url}, to=payload["new"])


@transaction.atomic
def confirm_email_change(token: str) -> User:
    """Apply the change a link from `request_email_change` asks for, or raise InvalidLink."""
    try:
        payload = signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=EMAIL_CHANGE_MAX_AGE)
        user = User.objects.select_for_update().get(pk=payload["u"], email=payload["old"])
    except (signing.BadSignature, User.DoesNotExist, KeyError, TypeError):
        raise InvalidLink
    if User.objects.filter(email__iexact=payload["new"]).exclude(pk=user.pk).exists():
        raise InvalidLink
    user.email = payload["new"]
    user.email_verified = True
    user.save(update_fields=["email", "email_verified"])
    record(user, "member.change_email", user)
    return user


def change_password(user: User, password: str, *, verb: str = "member.change_password") -> None:
    """Set a new password (also after a reset: the link proved the address, so it is verified)."""
    user.set_password(password)
    fields = ["password"]
    if verb == "member.reset_password" and not user.email_verified:
        user.email_verified = True
        fields.append("email_verified")
    user.save(update_fields=fields)
    record(user, verb, user)


@transaction.atomic
def set_role(user: User, role: str, *, actor: User | None, reason: str = "") -> bool:
    """Give `user` the role `role`; returns False when it already had it."""
    role = Role(role)
    if user.role == role:
        return False
    previous = user.role
    user.role = role
    user.is_staff = role == Role.ADMIN or user.is_superuser
    user.save(update_fields=["role", "is_staff"])
    record(actor, "member.set_role", user, reason=reason, staff=True, old=previous, new=role.value)
    return True


@transaction.atomic
def set_active(user: User, active: bool, *, actor: User | None, reason: str = "") -> bool:
    """Deactivate (no login, no token) or reactivate `user`; False when nothing changes."""
    if user.is_active == active:
        return False
    user.is_active = active
    user.save(update_fields=["is_active"])
    verb = "member.reactivate" if active else "member.deactivate"
    record(actor, verb, user, reason=reason, staff=True)
    return True


@transaction.atomic
def erase_member(user: User, *, actor: User) -> None:
    """GDPR erasure: delete the member and their tokens; ledger rows stay, anonymised."""
    record(actor, "member.erase", user, staff=actor.pk != user.pk)
    forget_member(user, placeholder=f"deleted member #{user.pk}")
    avatar = user.avatar.name if user.avatar else ""
    if avatar:
        storage = user.avatar.storage
        transaction.on_commit(lambda: storage.delete(avatar))
    user.delete()


@transaction.atomic
def award_badge(user: User, key: str, label: str, *, tone: str = "", actor=None) -> Badge:
    """Give `user` the badge `key` (or change its label and tone); `label` is English text
    that the awarding app marked with gettext_noop, translated when shown."""
    badge, created = Badge.objects.update_or_create(
        user=user, key=key, defaults={"label": label, "tone": tone}
    )
    record(actor, "member.badge.award", user, staff=actor is not None, key=key, label=label)
    return badge


@transaction.atomic
def remove_badge(user: User, key: str, *, actor=None) -> bool:
    deleted, _rows = Badge.objects.filter(user=user, key=key).delete()
    if deleted:
        record(actor, "member.badge.remove", user, staff=actor is not None, key=key)
    return bool(deleted)
