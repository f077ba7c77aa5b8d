from ninja.security import APIKeyQuery, HttpBearer

from belvedere.accounts.tokens import authenticate_token


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>` with a personal API token."""

    def authenticate(self, request, token):
        user = authenticate_token(token.strip())
        if user is not None:
            request.user = user
        return user


class QueryTokenAuth(APIKeyQuery):
    """`?key=<token>`, as Perspective API clients send it."""

    param_name = "key"

    def authenticate(self, request, key):
        user = authenticate_token((key or "").strip())
        if user is not None:
            request.user = user
        return user
