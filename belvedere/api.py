"""The one NinjaAPI of Belvedere, under /api/v1/. Each app adds its router here."""

from ninja import NinjaAPI
from ninja.security import SessionAuth

from belvedere.accounts.api import router as accounts_router
from belvedere.accounts.auth import TokenAuth

api = NinjaAPI(
    title="Belvedere API",
    version="1",
    description="Authenticate with your session cookie (and CSRF token) or with "
    "`Authorization: Bearer <token>` using a personal API token.",
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api",
)
api.add_router("/accounts", accounts_router, tags=["accounts"])
