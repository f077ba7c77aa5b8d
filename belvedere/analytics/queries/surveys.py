"""Survey reads: targeting, the survey a member should see, NPS, CSAT and response rates."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet

from belvedere.analytics.models import Answer, QuestionKind, Response, Survey, SurveyChannel
from belvedere.analytics.queries.periods import Period


def list_targeted_members(survey: Survey) -> QuerySet:
    members = get_user_model().objects.filter(is_active=True)
    if survey.roles:
        members = members.filter(role__in=survey.roles)
    if survey.languages:
        members = members.filter(language__in=survey.languages)
    if survey.joined_after:
        members = members.filter(date_joined__date__gte=survey.joined_after)
    if survey.joined_before:
        members = members.filter(date_joined__date__lt=survey.joined_before)
    return members


def is_targeted(survey: Survey, user) -> bool:
    return bool(user and user.is_authenticated) and (
        list_targeted_members(survey).filter(pk=user.pk).exists()
    )


def get_banner_survey(user) -> Survey | None:
    """The newest open site survey addressed to `user` that they have not answered."""
    if not user.is_authenticated:
        return None
    open_site = Survey.objects.filter(
        is_open=True, channel__in=[SurveyChannel.SITE, SurveyChannel.BOTH]
    ).exclude(responses__respondent=user)
    for survey in open_site.order_by("-created_at")[:5]:
        if is_targeted(survey, user):
            return survey
    return None


def nps_of(scores: list[int]) -> float | None:
    """% promoters (9–10) − % detractors (0–6), from −100 to 100."""
    if not scores:
        return None
    promoters = sum(1 for s in scores if s >= 9)
    detractors = sum(1 for s in scores if s <= 6)
    return round(100 * (promoters - detractors) / len(scores), 1)


def csat_of(scores: list[int]) -> float | None:
    """% of answers that are 4 or 5 on the 1–5 scale."""
    if not scores:
        return None
    return round(100 * sum(1 for s in scores if s >= 4) / len(scores), 1)


def _scores(kind: str, period: Period | None, survey: Survey | None) -> list[int]:
    answers = Answer.objects.filter(question__kind=kind, score__isnull=False)
    if period is not None:
        answers = answers.filter(
            response__created_at__gte=period.start, response__created_at__lt=period.end
        )
    if survey is not None:
        answers = answers.filter(question__survey=survey)
    return list(answers.values_list("score", flat=True))


def nps(period: Period | None = None, survey: Survey | None = None) -> float | None:
    return nps_of(_scores(QuestionKind.NPS, period, survey))


def csat(period: Period | None = None, survey: Survey | None = None) -> float | None:
    return csat_of(_scores(QuestionKind.CSAT, period, survey))


def nps_breakdown(scores: list[int]) -> dict:
    return {
        "promoters": sum(1 for s in scores if s >= 9),
        "passives": sum(1 for s in scores if 7 <= s <= 8),
        "detractors": sum(1 for s in scores if s <= 6),
    }


def survey_results(survey: Survey) -> dict:
    """Per question: NPS/CSAT with their distribution, or the free answers; response rate."""
    targeted = list_targeted_members(survey).count()
    responses = survey.responses.count()
    questions = []
    for question in survey.questions.prefetch_related("answers"):
        answers = list(question.answers.all())
        scores = [a.score for a in answers if a.score is not None]
        row = {"question": question, "count": len(answers), "scores": scores}
        if question.kind == QuestionKind.NPS:
            row |= {"nps": nps_of(scores), **nps_breakdown(scores)}
        elif question.kind == QuestionKind.CSAT:
            row["csat"] = csat_of(scores)
        else:
            row["texts"] = [a.text for a in answers][:200]
        row["distribution"] = [(str(v), scores.count(v)) for v in question.score_range or []]
        questions.append(row)
    rate = round(100 * responses / targeted, 1) if targeted else None
    return {"targeted": targeted, "responses": responses, "response_rate": rate,
            "questions": questions}  # fmt: skip


def list_surveys() -> QuerySet[Survey]:
    return Survey.objects.annotate(
        response_count=Count("responses", distinct=True),
        question_count=Count("questions", distinct=True),
    ).order_by("-created_at")


def responses_in(period: Period) -> int:
    return Response.objects.filter(
        Q(created_at__gte=period.start) & Q(created_at__lt=period.end)
    ).count()
