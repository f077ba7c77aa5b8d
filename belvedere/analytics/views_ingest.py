"""POST /api/event: Plausible's event endpoint (text/plain JSON body, answers 202 "ok")."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from belvedere.analytics.parsing import InvalidEvent
from belvedere.analytics.services import intake
from belvedere.analytics.services.ingest import MAX_BODY, Client, accept_event
from belvedere.core import ratelimit

PATH = "/api/event"  # answered by middleware.EventIntakeMiddleware, before sessions and users


def _cors(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Headers"] = "Content-Type"
    response["Access-Control-Allow-Methods"] = "POST, OPTIONS"
    response["Content-Length"] = str(len(response.content))  # as CommonMiddleware would
    return response


@csrf_exempt
def event(request: HttpRequest) -> HttpResponse:
    if request.method == "OPTIONS":
        return _cors(HttpResponse(status=204))
    if request.method != "POST":
        return _cors(JsonResponse({"errors": {"method": "POST only"}}, status=405))
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY:
        return _cors(JsonResponse({"errors": {"body": "too large"}}, status=413))
    ip = ratelimit.client_ip(request)
    if not intake.admit(ip, getattr(settings, "ANALYTICS_EVENTS_PER_MINUTE", 600)):
        return _cors(JsonResponse({"errors": {"rate": "too many events"}}, status=429))
    client = Client(
        ip=ip,
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:500],
        accept_language=request.META.get("HTTP_ACCEPT_LANGUAGE", "")[:200],
        do_not_track=request.META.get("HTTP_DNT") == "1",
    )
    try:
        dropped = accept_event(request.body, client)
    except InvalidEvent as exc:
        return _cors(JsonResponse({"errors": {"request": str(exc)}}, status=400))
    response = HttpResponse("ok", status=202, content_type="text/plain")
    if dropped:
        response["X-Plausible-Dropped"] = "1"
    return _cors(response)
