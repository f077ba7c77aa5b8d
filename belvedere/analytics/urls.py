from django.urls import path

from belvedere.analytics.views import community, objectives, reports, surveys, traffic

app_name = "analytics"

urlpatterns = [
    path("", traffic.traffic_page, name="traffic"),
    path("realtime/", traffic.realtime, name="realtime"),
    path("goals/new/", traffic.goal_create, name="goal_create"),
    path("goals/<int:goal_id>/delete/", traffic.goal_delete, name="goal_delete"),
    path("community/", community.community_page, name="community"),
    path("satisfaction/", community.satisfaction_page, name="satisfaction"),
    path("surveys/new/", surveys.survey_create, name="survey_create"),
    path("surveys/<int:survey_id>/", surveys.survey_detail, name="survey"),
    path("surveys/<int:survey_id>/action/", surveys.survey_action, name="survey_action"),
    path("surveys/<int:survey_id>/answer/", surveys.survey_answer, name="survey_answer"),
    path("s/<str:token>/", surveys.survey_link, name="survey_link"),
    path("surveys/banner/", surveys.survey_banner, name="survey_banner"),
    path("objectives/", objectives.objective_list, name="objectives"),
    path("objectives/new/", objectives.objective_create, name="objective_create"),
    path("objectives/<int:objective_id>/", objectives.objective_detail, name="objective"),
    path("objectives/<int:objective_id>/kpis/", objectives.kpi_create, name="kpi_create"),
    path(
        "objectives/<int:objective_id>/delete/",
        objectives.objective_delete,
        name="objective_delete",
    ),  # fmt: skip
    path("reports/", reports.report_list, name="reports"),
    path("reports/<int:report_id>/", reports.report_detail, name="report"),
    path("reports/<int:report_id>/pdf/", reports.report_pdf, name="report_pdf"),
    path("reports/<int:report_id>/email/", reports.report_email, name="report_email"),
    path("reports/subscription/", reports.subscription, name="subscription"),
]
