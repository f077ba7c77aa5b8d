from django.urls import path

from belvedere.activity import views

app_name = "activity"
urlpatterns = [path("", views.audit_log, name="audit_log")]
