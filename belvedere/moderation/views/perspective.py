"""`POST /v1alpha1/comments:analyze`: Perspective API's analyze method, served locally.

Authenticated by a personal API token as `?key=` (as Perspective clients send it) or as
`Authorization: Bearer`; rate-limited per token owner (community setting).
"""

import json

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from belvedere.accounts.tokens import authenticate_token
from belvedere.core import ratelimit
from belvedere.moderation.perspective import PerspectiveError, analyze_comment, parse_request
from belvedere.moderation.policy import get_policy

WINDOW = 60


def _error(error: PerspectiveError) -> JsonResponse:
    return JsonResponse(error.as_dict(), status=error.code)


def _token(request: HttpRequest) -> str:
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.GET.get("key", "").strip()


def _authenticate(request: HttpRequest):
    token = _token(request)
    if not token:
        raise PerspectiveError(
            "The request is missing a valid API key.", code=403, status="PERMISSION_DENIED"
        )
    user = authenticate_token(token)
    if user is None:
        raise PerspectiveError("API key not valid. Please pass a valid API key.")
    return user


@csrf_exempt
def analyze(request: HttpRequest) -> JsonResponse:
    try:
        if request.method != "POST":
            raise PerspectiveError("Use POST.", code=405, status="METHOD_NOT_ALLOWED")
        user = _authenticate(request)
        policy = get_policy()
        limit = policy.settings.api_requests_per_minute
        if ratelimit.hit("perspective", str(user.pk), window=WINDOW) > limit:
            raise PerspectiveError(
                "Quota exceeded: too many requests per minute.",
                code=429,
                status="RESOURCE_EXHAUSTED",
            )
        try:
            body = json.loads(request.body or b"null")
        except (ValueError, UnicodeDecodeError):
            raise PerspectiveError("Invalid JSON payload received.")
        return JsonResponse(analyze_comment(parse_request(body), lexicon=policy.lexicon))
    except PerspectiveError as error:
        return _error(error)
