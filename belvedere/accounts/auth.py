from django.conf import settings
from ninja.security import APIKeyQuery, HttpBearer, SessionAuth

from belvedere.accounts.tokens import authenticate_token


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>` with a personal API token."""

    def authenticate(self, request, token):
        user = authenticate_token(token.strip())
        if user is not None:
            request.user = user
        return user


class MemberSessionAuth(SessionAuth):
    """The session cookie of a signed-in member; CSRF is enforced on writes.

    Without a session cookie there is nothing to check: the request is simply
    unauthenticated (401), not a CSRF failure (403).
    """

    def _get_key(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        return super()._get_key(request)


class QueryTokenAuth(APIKeyQuery):
    """`?key=<token>`, as Perspective API clients send it."""

    param_name = "key"

    def authenticate(self, request, key):
        user = authenticate_token((key or "").strip())
        if user is not None:
            request.user = user
        return user
