"""View decorators: `@manager_required` for management pages, `@acceptance_required` for views
that let a member post (the forum's compose views), sending them to /terms/accept/ first."""

from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from belvedere.terms.permissions import can_manage_terms
from belvedere.terms.queries import pending_documents


def manager_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_manage_terms(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def safe_next(request, candidate: str | None, default: str = "/") -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def accept_url(request) -> str:
    """/terms/accept/?next=… coming back here (a GET) or to the page the form was on (a POST)."""
    here = request.get_full_path()
    if request.method != "GET" or getattr(request, "htmx", False):
        here = safe_next(request, request.META.get("HTTP_REFERER"))
    return f"{reverse('terms:accept')}?{urlencode({'next': here})}"


def acceptance_required(view):
    """Members who owe an acceptance of the terms are sent to accept them (reading stays open)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated and pending_documents(request.user):
            url = accept_url(request)
            if getattr(request, "htmx", False):
                return HttpResponse(status=204, headers={"HX-Redirect": url})
            return redirect(url)
        return view(request, *args, **kwargs)

    return wrapper
