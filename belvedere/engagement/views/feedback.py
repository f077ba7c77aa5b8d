"""Managers edit the feedback questions of a programme or an event."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from belvedere.accounts.decorators import role_required
from belvedere.accounts.models import Role
from belvedere.engagement.forms_feedback import QuestionForm
from belvedere.engagement.models import Event, FeedbackQuestion, Programme
from belvedere.engagement.services import feedback as services
from belvedere.engagement.views.common import error_text, feedback_errors

OWNERS = {"programmes": Programme, "events": Event}


def _back(owner):
    name = "engagement:programme" if isinstance(owner, Programme) else "engagement:event_manage"
    return redirect(name, owner.pk)


@role_required(Role.MANAGER)
@require_POST
def question_add(request: HttpRequest, owner: str, owner_id: int):
    found = get_object_or_404(OWNERS[owner], pk=owner_id)
    form = QuestionForm(request.POST)
    if not form.is_valid():
        messages.error(request, feedback_errors(form))
        return _back(found)
    try:
        services.add_question(found, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Question added."))
    except ValidationError as error:
        messages.error(request, error_text(error))
    return _back(found)


@role_required(Role.MANAGER)
@require_POST
def question_delete(request: HttpRequest, question_id: int):
    question = get_object_or_404(
        FeedbackQuestion.objects.select_related("programme", "event"), pk=question_id
    )
    owner = question.programme or question.event
    services.delete_question(question, actor=request.user)
    messages.success(request, _("Question removed."))
    return _back(owner)
