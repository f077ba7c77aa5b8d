"""Product-testing programmes: create, apply, select, withdraw, testers' category, feedback."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.engagement.models import (
    Application,
    ApplicationStatus,
    Programme,
    ProgrammeFeedback,
    ProgrammeStatus,
)
from belvedere.engagement.permissions import can_apply
from belvedere.engagement.queries.programmes import eligible_members, unmet_criteria
from belvedere.forum.models import Category
from belvedere.forum.services.access import (
    create_private_category,
    grant_category_access,
    revoke_category_access,
)

FIELDS = ("title", "description", "terms", "status", "seats", "min_level", "languages", "min_posts")


@transaction.atomic
def create_programme(*, actor, **values) -> Programme:
    programme = Programme.objects.create(
        created_by=actor, **{k: v for k, v in values.items() if k in FIELDS}
    )
    record(actor, "engagement.programme.create", programme, staff=True)
    return programme


@transaction.atomic
def set_programme_status(programme: Programme, status: str, *, actor) -> bool:
    status = ProgrammeStatus(status)
    if programme.status == status:
        return False
    programme.status = status
    programme.save(update_fields=["status"])
    record(actor, "engagement.programme.status", programme, staff=True, status=status.value)
    return True


@transaction.atomic
def apply(programme: Programme, *, user, motivation: str, accept_terms: bool) -> Application:
    """Apply, accepting the programme's terms; refused if the criteria are not met."""
    if not can_apply(user, programme):
        raise PermissionDenied(_("This programme does not take applications."))
    if not accept_terms:
        raise ValidationError({"accept_terms": _("Accept the programme's terms to apply.")})
    if missing := unmet_criteria(user, programme):
        raise ValidationError(missing, code="criteria")
    application, _created = Application.objects.update_or_create(
        programme=programme,
        user=user,
        defaults={
            "motivation": motivation,
            "status": ApplicationStatus.APPLIED,
            "terms_accepted_at": timezone.now(),
        },
    )
    record(user, "engagement.programme.apply", programme)
    return application


@transaction.atomic
def withdraw(application: Application, *, user) -> bool:
    if application.user_id != user.pk or application.status == ApplicationStatus.WITHDRAWN:
        return False
    application.status = ApplicationStatus.WITHDRAWN
    application.save(update_fields=["status"])
    record(user, "engagement.programme.withdraw", application.programme)
    _sync_access(application, actor=user)
    return True


def _sync_access(application: Application, *, actor) -> None:
    """Selected testers are let into the programme's category; anyone else is taken out."""
    category = application.programme.category
    if category is None:
        return
    if application.status == ApplicationStatus.SELECTED:
        grant_category_access(category, application.user, actor=actor)
    else:
        revoke_category_access(category, application.user, actor=actor)


@transaction.atomic
def decide(application: Application, *, select: bool, actor) -> Application:
    if application.status not in (
        ApplicationStatus.APPLIED,
        ApplicationStatus.SELECTED,
        ApplicationStatus.REJECTED,
    ):
        raise ValidationError(_("This application was withdrawn."), code="withdrawn")
    application.status = ApplicationStatus.SELECTED if select else ApplicationStatus.REJECTED
    application.decided_by, application.decided_at = actor, timezone.now()
    application.save(update_fields=["status", "decided_by", "decided_at"])
    verb = "engagement.programme.select" if select else "engagement.programme.reject"
    record(actor, verb, application.programme, staff=True, user=application.user_id)
    _sync_access(application, actor=actor)
    return application


@transaction.atomic
def open_testers_category(programme: Programme, *, actor) -> Category:
    """The programme's private forum category: the team and the selected testers read and
    post there (forum grants); testers selected or taken out later follow (`_sync_access`)."""
    if programme.category_id:
        return programme.category
    category = create_private_category(
        actor=actor,
        name=_("Testers: %(title)s") % {"title": programme.title},
        slug=f"testers-{programme.pk}-{slugify(programme.title)}",
        description=programme.description,
    )
    programme.category = category
    programme.save(update_fields=["category"])
    record(actor, "engagement.programme.category", programme, staff=True, category=category.slug)
    selected = programme.applications.filter(status=ApplicationStatus.SELECTED)
    for application in selected.select_related("user"):
        grant_category_access(category, application.user, actor=actor)
    return category


@transaction.atomic
def submit_programme_feedback(programme: Programme, *, user, **values) -> ProgrammeFeedback:
    selected = programme.applications.filter(user=user, status=ApplicationStatus.SELECTED)
    if not selected.exists():
        raise PermissionDenied(_("Only the programme's testers give feedback."))
    feedback, _created = ProgrammeFeedback.objects.update_or_create(
        programme=programme, user=user, defaults=values
    )
    record(user, "engagement.programme.feedback", programme, rating=values.get("rating"))
    return feedback


@transaction.atomic
def send_call(programme: Programme, *, actor) -> Programme:
    """Email the call for testers, once, to the members who may apply (a background task)."""
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    if programme.status != ProgrammeStatus.OPEN:
        raise ValidationError(_("Only an open programme calls for testers."), code="closed")
    if programme.call_sent_at is not None:
        raise ValidationError(_("The call was already sent."), code="sent")
    programme.call_sent_at = timezone.now()
    programme.save(update_fields=["call_sent_at"])
    record(actor, "engagement.programme.call", programme, staff=True)
    transaction.on_commit(lambda: _queue_call(programme.pk))
    return programme


def _queue_call(programme_id: int) -> None:
    from belvedere.engagement.tasks import send_programme_call  # tasks import services

    send_programme_call(programme_id)


def email_call(programme_id: int) -> int:
    """Send the call to each eligible member in their language; how many were sent."""
    programme = Programme.objects.filter(pk=programme_id).first()
    if programme is None:
        return 0
    url = settings.BASE_URL + reverse("engagement:programme", args=[programme.pk])
    members = eligible_members(programme)
    for user in members:
        with translation.override(user.language or settings.LANGUAGE_CODE):
            context = {"user": user, "programme": programme, "url": url}
            subject = render_to_string("engagement/email/programme_call_subject.txt", context)
            body = render_to_string("engagement/email/programme_call.txt", context)
        send_mail(subject.strip(), body, None, [user.email])
    return len(members)
