"""POST /api/event: Plausible's event endpoint (text/plain JSON body, answers 202 "ok").

`answer` does the work once and is served two ways: `wsgi_app`, which `belvedere.wsgi` puts in
front of Django, so that the busiest endpoint skips Django's request cycle (signals,
middleware, request and response objects: about half of an event's CPU time), and the Django
view `event`, for the test client, the live test server and runserver.
"""

import json
from collections.abc import Callable, Mapping

from django.conf import settings
from django.db import close_old_connections
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from belvedere.analytics.parsing import InvalidEvent
from belvedere.analytics.services import intake
from belvedere.analytics.services.ingest import MAX_BODY, Client, accept_event
from belvedere.core.ratelimit import ip_of

PATH = "/api/event"
CORS = [
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Allow-Headers", "Content-Type"),
    ("Access-Control-Allow-Methods", "POST, OPTIONS"),
]
STATUS = {202: "202 Accepted", 204: "204 No Content", 400: "400 Bad Request",
          405: "405 Method Not Allowed", 413: "413 Payload Too Large",
          429: "429 Too Many Requests"}  # fmt: skip

Answer = tuple[int, list[tuple[str, str]], bytes]


def _reply(status: int, body: bytes, content_type: str, *extra: tuple[str, str]) -> Answer:
    headers = [("Content-Type", content_type), ("Content-Length", str(len(body))), *CORS, *extra]
    return status, headers, body


def _error(status: int, field: str, message: str) -> Answer:
    body = json.dumps({"errors": {field: message}}).encode()
    return _reply(status, body, "application/json")


def answer(meta: Mapping[str, str], read_body: Callable[[int], bytes]) -> Answer:
    """Status, headers and body for one request, from its WSGI environ (or request.META)."""
    method = meta.get("REQUEST_METHOD", "")
    if method == "OPTIONS":
        return _reply(204, b"", "text/plain")
    if method != "POST":
        return _error(405, "method", "POST only")
    try:
        length = int(meta.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return _error(400, "body", "Content-Length is not a number")
    if length > MAX_BODY:
        return _error(413, "body", "too large")
    if length < 0:
        return _error(400, "body", "Content-Length is negative")
    ip = ip_of(meta)
    if not intake.admit(ip, getattr(settings, "ANALYTICS_EVENTS_PER_MINUTE", 600)):
        return _error(429, "rate", "too many events")
    client = Client(
        ip=ip,
        user_agent=meta.get("HTTP_USER_AGENT", "")[:500],
        accept_language=meta.get("HTTP_ACCEPT_LANGUAGE", "")[:200],
        do_not_track=meta.get("HTTP_DNT") == "1",
    )
    try:
        dropped = accept_event(read_body(length), client)
    except InvalidEvent as exc:
        return _error(400, "request", str(exc))
    return _reply(202, b"ok", "text/plain", *([("X-Plausible-Dropped", "1")] if dropped else []))


def wsgi_app(environ: dict, start_response: Callable) -> list[bytes]:
    """The endpoint as a WSGI application of its own."""
    stream = environ["wsgi.input"]
    status, headers, body = answer(environ, lambda length: stream.read(length) if length else b"")
    close_old_connections()  # as Django's request_finished would (a flush may have used the DB)
    start_response(STATUS[status], headers)
    return [body]


@csrf_exempt
def event(request: HttpRequest) -> HttpResponse:
    status, headers, body = answer(request.META, lambda _length: request.body)
    response = HttpResponse(body, status=status)
    for name, value in headers:
        response[name] = value
    return response
