"""Product-testing programmes: create, apply, select, withdraw, testers' category, feedback."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
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
from belvedere.engagement.queries.programmes import unmet_criteria
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
