from django.urls import path

from belvedere.terms.views import manage, public

app_name = "terms"
urlpatterns = [
    path("", public.index, name="index"),
    path("accept/", public.accept, name="accept"),
    path("manage/", manage.manage, name="manage"),
    path("manage/drafts/<int:version_id>/", manage.draft, name="draft"),
    path("manage/drafts/<int:version_id>/clauses/", manage.add_clause, name="add_clause"),
    path("manage/drafts/<int:version_id>/publish/", manage.publish, name="publish"),
    path("manage/clauses/<int:clause_id>/", manage.edit_clause, name="edit_clause"),
    path("manage/clauses/<int:clause_id>/delete/", manage.delete_clause, name="delete_clause"),
    path("manage/<slug:slug>/draft/", manage.new_draft, name="new_draft"),
    path("<slug:slug>/", public.version, name="document"),
    path("<slug:slug>/v/<int:number>/", public.version, name="version"),
    path("<slug:slug>/diff/<int:old>/<int:new>/", public.diff, name="diff"),
]
