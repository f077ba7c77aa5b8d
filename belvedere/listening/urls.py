from django.urls import path

from belvedere.listening.views import alerts, census, dashboard, hooks, mentions, queries, sources

app_name = "listening"

urlpatterns = [
    path("", mentions.inbox, name="mentions"),
    path("mentions/bulk/", mentions.mention_bulk, name="mention_bulk"),
    path("mentions/<int:mention_id>/", mentions.mention_detail, name="mention_detail"),
    path("mentions/<int:mention_id>/update/", mentions.mention_update, name="mention_update"),
    path("sources/", sources.source_list, name="sources"),
    path("sources/new/", sources.source_kinds, name="source_kinds"),
    path("sources/new/<slug:kind>/", sources.source_create, name="source_create"),
    path("sources/<int:source_id>/", sources.source_detail, name="source_detail"),
    path("sources/<int:source_id>/run/", sources.source_run, name="source_run"),
    path("sources/<int:source_id>/delete/", sources.source_delete, name="source_delete"),
    path("sources/<int:source_id>/import/", sources.source_import, name="source_import"),
    path("sources/<int:source_id>/secret/", sources.source_secret, name="source_secret"),
    path("queries/", queries.query_list, name="queries"),
    path("queries/new/", queries.query_create, name="query_create"),
    path("queries/test/", queries.query_test, name="query_test"),
    path("queries/<int:query_id>/", queries.query_edit, name="query_edit"),
    path("queries/<int:query_id>/delete/", queries.query_delete, name="query_delete"),
    path("dashboard/", dashboard.dashboard_page, name="dashboard"),
    path("communities/", census.community_list, name="communities"),
    path("communities/new/", census.community_create, name="community_create"),
    path("communities/scoring/", census.census_scoring, name="census_scoring"),
    path("communities/<int:community_id>/", census.community_edit, name="community_edit"),
    path(
        "communities/<int:community_id>/delete/", census.community_delete, name="community_delete"
    ),
    path("communities/suggestions/accept/", census.suggestion_accept, name="suggestion_accept"),
    path("communities/suggestions/dismiss/", census.suggestion_dismiss, name="suggestion_dismiss"),
    path("alerts/", alerts.alert_list, name="alerts"),
    path("alerts/new/", alerts.alert_create, name="alert_create"),
    path("alerts/<int:alert_id>/", alerts.alert_detail, name="alert_detail"),
    path("alerts/<int:alert_id>/edit/", alerts.alert_edit, name="alert_edit"),
    path("alerts/<int:alert_id>/check/", alerts.alert_check, name="alert_check"),
    path("alerts/<int:alert_id>/delete/", alerts.alert_delete, name="alert_delete"),
    path("hooks/<int:source_id>/<str:secret>", hooks.receive, name="hook"),
]
