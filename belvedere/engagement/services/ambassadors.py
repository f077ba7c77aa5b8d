"""Ambassadors: invitation, answer, tier, retirement; kits, tracked links, clicks, sign-ups."""

import hashlib
import hmac
import secrets
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from belvedere.accounts.services import award_badge, remove_badge
from belvedere.activity.services import record
from belvedere.engagement.models import (
    Ambassador,
    AmbassadorStatus,
    LinkClick,
    Referral,
    ShareKit,
    Tier,
    TrackedLink,
)
from belvedere.engagement.permissions import is_team

CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
BADGE_KEY = "ambassador"
BADGE_LABELS = {  # English, translated when the forum shows them
    Tier.BRONZE: gettext_noop("Ambassador · Bronze"),
    Tier.SILVER: gettext_noop("Ambassador · Silver"),
    Tier.GOLD: gettext_noop("Ambassador · Gold"),
}


def sync_badge(ambassador: Ambassador, *, actor=None) -> None:
    """Active ambassadors wear their tier's badge (accounts.Badge, shown by the forum)."""
    if ambassador.status == AmbassadorStatus.ACTIVE:
        tier = Tier(ambassador.tier)
        award_badge(ambassador.user, BADGE_KEY, BADGE_LABELS[tier], tone=tier.value, actor=actor)
    else:
        remove_badge(ambassador.user, BADGE_KEY, actor=actor)


def _send_invitation(ambassador: Ambassador) -> None:
    user = ambassador.user
    url = settings.BASE_URL + reverse("engagement:ambassador_answer", args=[ambassador.token])
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {"user": user, "ambassador": ambassador, "url": url}
        subject = render_to_string("engagement/email/invitation_subject.txt", context).strip()
        body = render_to_string("engagement/email/invitation.txt", context)
    send_mail(subject, body, None, [user.email])


@transaction.atomic
def invite_ambassador(user, *, actor, tier: str = Tier.BRONZE, message: str = "") -> Ambassador:
    """Invite a member (not a team member) by email; an earlier refusal may be re-invited."""
    if is_team(user) or not user.is_active:
        raise ValidationError(_("Team members cannot be ambassadors."), code="team")
    ambassador = Ambassador.objects.select_for_update().filter(user=user).first()
    if ambassador and ambassador.status in (AmbassadorStatus.INVITED, AmbassadorStatus.ACTIVE):
        raise ValidationError(_("This member is already invited or an ambassador."), code="dup")
    ambassador = ambassador or Ambassador(user=user)
    ambassador.status, ambassador.tier, ambassador.message = "invited", Tier(tier), message
    ambassador.token, ambassador.invited_by = secrets.token_urlsafe(24), actor
    ambassador.invited_at, ambassador.answered_at = timezone.now(), None
    ambassador.save()
    record(actor, "engagement.ambassador.invite", user, staff=True, tier=ambassador.tier)
    transaction.on_commit(lambda: _send_invitation(ambassador))
    return ambassador


@transaction.atomic
def answer_invitation(ambassador: Ambassador, *, user, accept: bool) -> Ambassador:
    if ambassador.user_id != user.pk or ambassador.status != AmbassadorStatus.INVITED:
        raise ValidationError(_("This invitation is no longer open."), code="closed")
    ambassador.status = AmbassadorStatus.ACTIVE if accept else AmbassadorStatus.DECLINED
    ambassador.answered_at = timezone.now()
    ambassador.save(update_fields=["status", "answered_at"])
    verb = "engagement.ambassador.accept" if accept else "engagement.ambassador.decline"
    record(user, verb, user)
    sync_badge(ambassador)
    return ambassador


@transaction.atomic
def set_tier(ambassador: Ambassador, tier: str, *, actor) -> bool:
    tier = Tier(tier)
    if ambassador.tier == tier:
        return False
    old, ambassador.tier = ambassador.tier, tier
    ambassador.save(update_fields=["tier"])
    record(actor, "engagement.ambassador.tier", ambassador.user, staff=True, old=old, new=tier)
    if ambassador.status == AmbassadorStatus.ACTIVE:
        sync_badge(ambassador, actor=actor)
    return True


@transaction.atomic
def retire_ambassador(ambassador: Ambassador, *, actor, reason: str = "") -> bool:
    if ambassador.status == AmbassadorStatus.RETIRED:
        return False
    ambassador.status = AmbassadorStatus.RETIRED
    ambassador.save(update_fields=["status"])
    record(actor, "engagement.ambassador.retire", ambassador.user, reason=reason, staff=True)
    sync_badge(ambassador, actor=actor)
    return True


@transaction.atomic
def create_kit(*, actor, title: str, message: str, target_url: str) -> ShareKit:
    kit = ShareKit.objects.create(
        title=title, message=message, target_url=target_url, created_by=actor
    )
    record(actor, "engagement.kit.create", kit, staff=True)
    return kit


def link_for(kit: ShareKit, ambassador: Ambassador) -> TrackedLink:
    """The ambassador's tracked link for the kit, made on first ask."""
    link = TrackedLink.objects.filter(kit=kit, ambassador=ambassador).first()
    while link is None:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
        try:
            with transaction.atomic():
                link = TrackedLink.objects.create(kit=kit, ambassador=ambassador, code=code)
        except IntegrityError:  # the code, or another request made the link first
            link = TrackedLink.objects.filter(kit=kit, ambassador=ambassador).first()
    return link


def visitor_hash(ip: str, user_agent: str, day: date) -> str:
    """A hash of the visitor salted with the day (from the secret key): counts unique
    visitors per day without keeping an address, and cannot be joined across days."""
    salt = hmac.new(settings.SECRET_KEY.encode(), f"go:{day}".encode(), hashlib.sha256).digest()
    return hmac.new(salt, f"{ip}|{user_agent[:300]}".encode(), hashlib.sha256).hexdigest()


def record_click(link: TrackedLink, *, ip: str, user_agent: str) -> LinkClick:
    now = timezone.now()
    day = timezone.localdate(now)
    return LinkClick.objects.create(
        link=link, day=day, visitor=visitor_hash(ip, user_agent, day), created_at=now
    )


def attribute_signup(user, code: str) -> Referral | None:
    """Credit the link `code` with the sign-up of `user` (once; ambassadors' own do not count)."""
    link = TrackedLink.objects.select_related("ambassador").filter(code=code).first()
    if link is None or link.ambassador.user_id == user.pk:
        return None
    try:
        with transaction.atomic():
            referral = Referral.objects.create(link=link, user=user)
            record(user, "engagement.referral", link.ambassador.user, code=code)
    except IntegrityError:
        return None
    return referral
