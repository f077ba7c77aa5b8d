"""The inbound webhook: ``POST /listening/hooks/<source id>/<secret>`` with JSON mentions."""

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from belvedere.core import ratelimit
from belvedere.listening.models import Source
from belvedere.listening.services.imports import receive_webhook
from belvedere.listening.services.sources import secret_matches

MAX_BODY = 1024 * 1024
RATE_LIMIT, RATE_WINDOW = 60, 60  # calls per source per minute
MAX_SHOWN_ERRORS = 50


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"detail": message}, status=status)


@csrf_exempt
@require_POST
def receive(request: HttpRequest, source_id: int, secret: str):
    source = Source.objects.filter(pk=source_id, kind="webhook").first()
    if source is None or not secret_matches(source, secret):
        return _error(_("Unknown hook."), 404)
    if not source.enabled:
        return _error(_("This source is disabled."), 409)
    if ratelimit.hit("listening-hook", str(source.pk), window=RATE_WINDOW) > RATE_LIMIT:
        return _error(_("Too many calls; wait a minute."), 429)
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit() or int(length) > MAX_BODY:
        return _error(_("The body is over 1 MB."), 413)
    try:
        report = receive_webhook(source, request.body)
    except ValueError as exc:
        return _error(str(exc), 400)
    errors = [{"item": e.line, "detail": e.message} for e in report.errors[:MAX_SHOWN_ERRORS]]
    status = 400 if errors and not report.created and not report.duplicates else 202
    body = {"created": report.created, "duplicates": report.duplicates, "errors": errors}
    return JsonResponse(body, status=status)
