from django.conf import settings

from belvedere.core.navigation import items_for


def navigation(request):
    return {
        "nav_items": items_for(request.user) if hasattr(request, "user") else [],
        "base_url": settings.BASE_URL,
    }
