"""The WSGI application: POST /api/event straight to its handler, everything else to Django."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "belvedere.settings")
django_application = get_wsgi_application()

from belvedere.analytics.views_ingest import PATH, wsgi_app  # noqa: E402 (needs Django set up)


def application(environ: dict, start_response):
    if environ.get("PATH_INFO") == PATH:
        return wsgi_app(environ, start_response)
    return django_application(environ, start_response)
