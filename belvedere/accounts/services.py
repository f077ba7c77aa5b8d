"""Every write on members: sign-up, verification, profile, roles."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from belvedere.accounts.models import Role, User
from belvedere.activity.services import record


@transaction.atomic
def register_member(*, email: str, display_name: str, password: str, language: str = "") -> User:
    user = User.objects.create_user(
        email=email, password=password, display_name=display_name, language=language
    )
    record(user, "member.signup", user)
    transaction.on_commit(lambda: send_verification_email(user))
    return user


def verification_url(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.BASE_URL + reverse("accounts:verify", args=[uid, token])


def send_verification_email(user: User) -> None:
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {"user": user, "url": verification_url(user)}
        subject = render_to_string("accounts/email/verify_subject.txt", context).strip()
        body = render_to_string("accounts/email/verify.txt", context)
    send_mail(subject, body, None, [user.email])


def confirm_email(user: User) -> None:
    if not user.email_verified:
        user.email_verified = True
        user.save(update_fields=["email_verified"])
        record(user, "member.verify_email", user)


def update_profile(user: User, *, actor: User, **fields) -> list[str]:
    changed = [name for name, value in fields.items() if getattr(user, name) != value]
    for name in changed:
        setattr(user, name, fields[name])
    if changed:
        user.save(update_fields=changed)
        record(actor, "member.update_profile", user, staff=actor.pk != user.pk, fields=changed)
    return changed


def set_role(user: User, role: str, *, actor: User, reason: str = "") -> None:
    role = Role(role)
    if user.role == role:
        return
    previous = user.role
    user.role = role
    user.is_staff = role == Role.ADMIN
    user.save(update_fields=["role", "is_staff"])
    record(actor, "member.set_role", user, reason=reason, staff=True, old=previous, new=role)
