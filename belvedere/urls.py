from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from belvedere.analytics.views_ingest import event as analytics_event
from belvedere.api import api
from belvedere.engagement.views.ambassadors import go as engagement_go
from belvedere.moderation.views.perspective import analyze as perspective_analyze
from belvedere.uptime.status_urls import statuspage_urlpatterns

urlpatterns = [
    path("", include("belvedere.core.urls")),
    path("accounts/", include("belvedere.accounts.urls")),
    path("audit/", include("belvedere.activity.urls")),
    path("forum/", include("belvedere.forum.urls")),
    path("terms/", include("belvedere.terms.urls")),
    path("listening/", include("belvedere.listening.urls")),
    path("engagement/", include("belvedere.engagement.urls")),
    path("go/<str:code>", engagement_go, name="go"),
    path("moderation/", include("belvedere.moderation.urls")),
    path("v1alpha1/comments:analyze", perspective_analyze, name="perspective_analyze"),
    path("watch/", include("belvedere.watch.urls")),
    path("analytics/", include("belvedere.analytics.urls")),
    path("api/event", analytics_event, name="analytics_event"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("uptime/", include("belvedere.uptime.urls")),
    path("status/", include("belvedere.uptime.status_urls")),
    path("api/v2/", include((statuspage_urlpatterns, "statuspage"))),
    path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}),
]
