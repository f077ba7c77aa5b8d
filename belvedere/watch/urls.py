from django.urls import path

from belvedere.watch import feeds
from belvedere.watch.views import (
    competitors,
    compliance,
    digests,
    documents,
    insights,
    pages,
    terms,
)

app_name = "watch"

urlpatterns = [
    path("", insights.index, name="index"),
    path("terms/", terms.terms_index, name="terms"),
    path("terms/changes/", terms.change_list, name="changes"),
    path("terms/import/", terms.declaration_import, name="declaration_import"),
    path("terms/services/new/", terms.service_create, name="service_create"),
    path("terms/services/<int:service_id>/", terms.service_detail, name="service"),
    path("terms/services/<int:service_id>/edit/", terms.service_edit, name="service_edit"),
    path("terms/services/<int:service_id>/delete/", terms.service_delete, name="service_delete"),
    path(
        "terms/services/<int:service_id>/subscribe/",
        terms.service_subscribe,
        name="service_subscribe",
    ),
    path(
        "terms/services/<int:service_id>/documents/new/",
        documents.document_create,
        name="document_create",
    ),
    path("terms/documents/<int:document_id>/", documents.document_detail, name="document"),
    path("terms/documents/<int:document_id>/edit/", documents.document_edit, name="document_edit"),
    path(
        "terms/documents/<int:document_id>/delete/",
        documents.document_delete,
        name="document_delete",
    ),
    path(
        "terms/documents/<int:document_id>/fetch/", documents.document_fetch, name="document_fetch"
    ),
    path("terms/versions/<int:version_id>/", documents.version_detail, name="version"),
    path("pages/", pages.watch_list, name="pages"),
    path("pages/new/", pages.watch_create, name="page_create"),
    path("pages/<int:watch_id>/", pages.watch_detail, name="page"),
    path("pages/<int:watch_id>/edit/", pages.watch_edit, name="page_edit"),
    path("pages/<int:watch_id>/delete/", pages.watch_delete, name="page_delete"),
    path("pages/<int:watch_id>/check/", pages.watch_check, name="page_check"),
    path("pages/<int:watch_id>/rotate/", pages.watch_rotate, name="page_rotate"),
    path("pages/changes/<int:snapshot_id>/", pages.snapshot_detail, name="snapshot"),
    path("pages/feed/<str:token>/", feeds.AllChangesFeed(), name="feed_all"),
    path("pages/<int:watch_id>/feed/<str:token>/", feeds.WatchFeed(), name="feed_page"),
    path("compliance/", compliance.item_list, name="compliance"),
    path("compliance/reviews/", compliance.review_list, name="reviews"),
    path("compliance/new/", compliance.item_create, name="item_create"),
    path("compliance/<int:item_id>/", compliance.item_detail, name="item"),
    path("compliance/<int:item_id>/edit/", compliance.item_edit, name="item_edit"),
    path("compliance/<int:item_id>/delete/", compliance.item_delete, name="item_delete"),
    path("compliance/<int:item_id>/review/", compliance.item_review, name="item_review"),
    path("compliance/<int:item_id>/assign/", compliance.item_assign, name="item_assign"),
    path("competitors/", competitors.competitor_list, name="competitors"),
    path("competitors/new/", competitors.competitor_create, name="competitor_create"),
    path("competitors/<int:competitor_id>/", competitors.competitor_detail, name="competitor"),
    path(
        "competitors/<int:competitor_id>/edit/", competitors.competitor_edit, name="competitor_edit"
    ),
    path(
        "competitors/<int:competitor_id>/delete/",
        competitors.competitor_delete,
        name="competitor_delete",
    ),
    path(
        "competitors/<int:competitor_id>/fetch/",
        competitors.competitor_fetch,
        name="competitor_fetch",
    ),
    path("trends/", insights.trend_list, name="trends"),
    path("trends/compute/", insights.trends_compute, name="trends_compute"),
    path("trends/<int:trend_id>/", insights.trend_mentions, name="trend"),
    path("platforms/", insights.platform_list, name="platforms"),
    path("platforms/new/", insights.platform_create, name="platform_create"),
    path("platforms/<int:platform_id>/", insights.platform_edit, name="platform_edit"),
    path("platforms/<int:platform_id>/delete/", insights.platform_delete, name="platform_delete"),
    path("digests/", digests.digest_list, name="digests"),
    path("digests/build/", digests.digest_build, name="digest_build"),
    path("digests/<str:week>/", digests.digest_detail, name="digest"),
    path("settings/", digests.settings_page, name="settings"),
]
