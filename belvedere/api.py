"""The one NinjaAPI of Belvedere, under /api/v1/. Each app adds its router here."""

import logging

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI

from belvedere.accounts.api import router as accounts_router
from belvedere.accounts.auth import MemberSessionAuth, TokenAuth
from belvedere.analytics.api import router as analytics_router
from belvedere.engagement.api import router as engagement_router
from belvedere.forum.api import router as forum_router
from belvedere.listening.api import router as listening_router
from belvedere.moderation.api import router as moderation_router
from belvedere.terms.api import router as terms_router
from belvedere.terms.services import TermsNotAccepted
from belvedere.uptime.api import router as uptime_router
from belvedere.watch.api import router as watch_router

logger = logging.getLogger("belvedere.api")

api = NinjaAPI(
    title="Belvedere API",
    version="1",
    description="Authenticate with your session cookie (and CSRF token) or with "
    "`Authorization: Bearer <token>` using a personal API token.",
    auth=[TokenAuth(), MemberSessionAuth()],
    urls_namespace="api",
)


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    detail = str(exc) or _("You do not have permission to do this.")
    return api.create_response(request, {"detail": detail}, status=403)


@api.exception_handler(TermsNotAccepted)
def terms_not_accepted(request, exc):
    body = {"detail": str(exc), "code": exc.code, "url": exc.url}
    return api.create_response(request, body, status=403)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(ObjectDoesNotExist)
def does_not_exist(request, exc):
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(Exception)
def server_error(request, exc):
    logger.exception("Unexpected error in %s %s", request.method, request.path)
    return api.create_response(request, {"detail": _("Internal server error.")}, status=500)


api.add_router("/accounts", accounts_router, tags=["accounts"])
api.add_router("/analytics", analytics_router, tags=["analytics"])
api.add_router("/engagement", engagement_router, tags=["engagement"])
api.add_router("/forum", forum_router, tags=["forum"])
api.add_router("/listening", listening_router, tags=["listening"])
api.add_router("/moderation", moderation_router, tags=["moderation"])
api.add_router("/terms", terms_router, tags=["terms"])
api.add_router("/uptime", uptime_router, tags=["uptime"])
api.add_router("/watch", watch_router, tags=["watch"])
