"""Survey writes: create, answer (on the site or through a signed email link), email, close."""

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from belvedere.activity.services import record
from belvedere.analytics.models import Answer, Question, Response, Survey
from belvedere.analytics.queries.surveys import is_targeted, list_targeted_members

SIGNING_SALT = "belvedere.analytics.survey"
LINK_MAX_AGE = 60 * 60 * 24 * 60  # two months


@transaction.atomic
def create_survey(*, actor, title: str, questions: list[tuple[str, str]], **fields) -> Survey:
    survey = Survey.objects.create(title=title, created_by=actor, **fields)
    Question.objects.bulk_create(
        Question(survey=survey, kind=kind, text=text, position=i)
        for i, (kind, text) in enumerate(questions)
    )
    record(actor, "analytics.survey.create", survey, staff=True, questions=len(questions))
    return survey


def set_survey_open(survey: Survey, *, actor, is_open: bool) -> None:
    survey.is_open = is_open
    survey.save(update_fields=["is_open"])
    verb = "analytics.survey.open" if is_open else "analytics.survey.close"
    record(actor, verb, survey, staff=True)


def _clean_answers(survey: Survey, answers: dict[int, object]) -> list[Answer]:
    rows = []
    for question in survey.questions.all():
        value = answers.get(question.pk)
        if value in (None, ""):
            continue
        if question.score_range is None:
            rows.append(Answer(question=question, text=str(value)[:5000]))
            continue
        try:
            score = int(value)
        except (TypeError, ValueError):
            score = -1
        if score not in question.score_range:
            raise ValidationError(_("“%(q)s”: choose a score from the scale.") % {"q": question})
        rows.append(Answer(question=question, score=score))
    if not rows:
        raise ValidationError(_("Answer at least one question."))
    return rows


def answer_survey(survey: Survey, respondent, answers: dict[int, object]) -> Response:
    """Store one member's answers (once per member); ValidationError for bad or late input."""
    if not survey.is_open:
        raise ValidationError(_("This survey is closed."))
    if respondent is None or not is_targeted(survey, respondent):
        raise ValidationError(_("This survey is not addressed to you."))
    rows = _clean_answers(survey, answers)
    try:
        with transaction.atomic():
            response = Response.objects.create(survey=survey, respondent=respondent)
            for row in rows:
                row.response = response
            Answer.objects.bulk_create(rows)
    except IntegrityError:
        raise ValidationError(_("You have already answered this survey."))
    record(respondent, "analytics.survey.answer", survey)
    return response


def link_token(survey: Survey, user) -> str:
    return signing.dumps({"s": survey.pk, "u": user.pk}, salt=SIGNING_SALT, compress=True)


def read_link_token(token: str) -> tuple[int, int] | None:
    try:
        data = signing.loads(token, salt=SIGNING_SALT, max_age=LINK_MAX_AGE)
        return int(data["s"]), int(data["u"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def email_survey(survey: Survey, *, actor) -> int:
    """Send each targeted member who has not answered a personal, signed link."""
    members = list_targeted_members(survey).exclude(pk__in=survey.responses.values("respondent_id"))
    messages = []
    for member in members.only("pk", "email", "display_name"):
        path = reverse("analytics:survey_link", args=[link_token(survey, member)])
        body = _("Hello %(name)s,\n\n%(intro)s\n\nAnswer here: %(url)s\n") % {
            "name": member.display_name, "intro": survey.intro or survey.title,
            "url": settings.BASE_URL + path,
        }  # fmt: skip
        messages.append((survey.title, body, None, [member.email]))
    send_mass_mail(messages, fail_silently=True)
    survey.emailed_at = timezone.now()
    survey.emailed_count += len(messages)
    survey.save(update_fields=["emailed_at", "emailed_count"])
    record(actor, "analytics.survey.email", survey, staff=True, recipients=len(messages))
    return len(messages)
