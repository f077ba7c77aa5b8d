"""Reads on programmes: lists, gateway, criteria, results."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Avg, Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.accounts.models import Role
from belvedere.activity.models import Entry
from belvedere.engagement.models import (
    LEVEL_RANK,
    Application,
    ApplicationStatus,
    Level,
    Person,
    Programme,
    ProgrammeStatus,
)
from belvedere.engagement.permissions import can_manage_engagement
from belvedere.engagement.queries.feedback import summarize

ACTIVITY_DAYS = 90
POST_VERBS = ("forum.topic.create", "forum.post.create")


def list_programmes(user) -> QuerySet[Programme]:
    programmes = Programme.objects.annotate(
        selected=Count("applications", filter=Q(applications__status=ApplicationStatus.SELECTED)),
        applied=Count("applications"),
    )
    if can_manage_engagement(user):
        return programmes
    return programmes.filter(
        Q(status=ProgrammeStatus.OPEN) | Q(applications__user_id=getattr(user, "pk", None))
    ).distinct()


def get_programme_for_user(user, programme_id: int) -> Programme:
    programme = get_object_or_404(Programme.objects.select_related("category"), pk=programme_id)
    if can_manage_engagement(user) or programme.status == ProgrammeStatus.OPEN:
        return programme
    if user.is_authenticated and programme.applications.filter(user=user).exists():
        return programme
    raise Http404("No such programme")


def get_application_for_user(user, programme: Programme, application_id: int) -> Application:
    application = get_object_or_404(
        Application.objects.select_related("user"), pk=application_id, programme=programme
    )
    return application


def my_application(user, programme: Programme) -> Application | None:
    if not user.is_authenticated:
        return None
    return programme.applications.filter(user=user).first()


def recent_posts(user) -> int:
    since = timezone.now() - timedelta(days=ACTIVITY_DAYS)
    return Entry.objects.filter(
        actor_id=user.pk, verb__in=POST_VERBS, created_at__gte=since
    ).count()


def unmet_criteria(user, programme: Programme) -> list[str]:
    """What keeps `user` from applying; empty when they may."""
    missing = []
    person = Person.objects.filter(user=user).first()
    level = person.level if person else Level.OBSERVER
    if LEVEL_RANK[Level(level)] < LEVEL_RANK[Level(programme.min_level)]:
        missing.append(
            _("Engagement level %(level)s or above.") % {"level": Level(programme.min_level).label}
        )
    languages = programme.language_list
    if languages and (user.language or "").lower() not in languages:
        missing.append(_("Preferred language among: %(l)s.") % {"l": ", ".join(languages)})
    if programme.min_posts and recent_posts(user) < programme.min_posts:
        missing.append(
            _("At least %(n)d forum posts in the last 90 days.") % {"n": programme.min_posts}
        )
    return missing


def list_applications(programme: Programme) -> QuerySet[Application]:
    return programme.applications.select_related("user", "decided_by")


def results(programme: Programme) -> dict:
    statuses = dict(programme.applications.values_list("status").annotate(n=Count("pk")).order_by())
    feedback = programme.feedback.select_related("user")
    summary = feedback.aggregate(avg=Avg("rating"), count=Count("pk"))
    ratings = dict(feedback.values_list("rating").annotate(n=Count("pk")).order_by())
    return {
        "applications": sum(statuses.values()),
        "statuses": statuses,
        "selected": statuses.get(ApplicationStatus.SELECTED, 0),
        "average_rating": round(summary["avg"], 2) if summary["avg"] else None,
        "feedback_count": summary["count"],
        "ratings": {n: ratings.get(n, 0) for n in range(1, 6)},
        "feedback": list(feedback),
        "questions": summarize(programme.questions.all(), feedback),
    }


def eligible_members(programme: Programme) -> list:
    """Active members (not the team) who meet the programme's criteria and have not applied:
    who the call for testers is emailed to. Three queries whatever the number of members."""
    levels = [lv for lv in Level if LEVEL_RANK[lv] >= LEVEL_RANK[Level(programme.min_level)]]
    users = (
        get_user_model()
        .objects.filter(is_active=True, role=Role.MEMBER)
        .exclude(programme_applications__programme=programme)
    )
    if programme.min_level != Level.OBSERVER:
        users = users.filter(engagement_person__level__in=levels)
    if languages := programme.language_list:
        users = users.filter(language__in=languages)
    users = list(users)
    if programme.min_posts:
        since = timezone.now() - timedelta(days=ACTIVITY_DAYS)
        counts = dict(
            Entry.objects.filter(
                actor_id__in=[u.pk for u in users], verb__in=POST_VERBS, created_at__gte=since
            )
            .values_list("actor_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
        users = [u for u in users if counts.get(u.pk, 0) >= programme.min_posts]
    return users
