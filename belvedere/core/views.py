from django.http import HttpRequest, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from belvedere.core import home as home_panels
from belvedere.core.health import status


@require_GET
def home(request: HttpRequest):
    return render(request, "core/home.html", {"panels": home_panels.render_panels(request)})


@never_cache
@require_GET
def healthz(request: HttpRequest):
    body = status()
    return JsonResponse(body, status=200 if body["status"] == "ok" else 503)
