"""The marker a tracked link leaves in the browser, read back when the visitor signs up.

`/go/<code>` sets a signed cookie with the link's code; ReferralMiddleware exposes the
cookie of the current request to the ledger receiver (handlers.py), which runs when the
`member.signup` entry commits, inside the sign-up request.
"""

import contextvars

COOKIE = "belvedere_ref"
SALT = "belvedere.engagement.referral"
MAX_AGE = 30 * 24 * 3600

_current = contextvars.ContextVar("engagement_referral", default="")


def current_code() -> str:
    return _current.get()


def set_cookie(response, code: str) -> None:
    response.set_signed_cookie(
        COOKIE, code, salt=SALT, max_age=MAX_AGE, httponly=True, samesite="Lax"
    )


class ReferralMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        code = ""
        if COOKIE in request.COOKIES:
            code = request.get_signed_cookie(COOKIE, default="", salt=SALT, max_age=MAX_AGE)
        token = _current.set(code)
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)
