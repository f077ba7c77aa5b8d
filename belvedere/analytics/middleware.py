"""Answer POST /api/event before the rest of the middleware stack.

The endpoint needs no session, language, CSRF check, user, message or HTMX detail, yet a
signed-in member's browser sends its cookies with every page view, and each of those layers
would load the session and the user for nothing. Placed right after SecurityMiddleware.
"""

from belvedere.analytics.views_ingest import PATH, event


class EventIntakeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH:
            return event(request)
        return self.get_response(request)
