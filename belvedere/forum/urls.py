from django.urls import path

from belvedere.forum.views import browse, compose, staff

app_name = "forum"
urlpatterns = [
    path("", browse.index, name="index"),
    path("new/", compose.new_topic, name="new_topic"),
    path("c/<slug:slug>/", browse.category, name="category"),
    path("tags/<slug:slug>/", browse.tag, name="tag"),
    path("t/<int:topic_id>/", browse.topic, name="topic"),
    path("t/<int:topic_id>/reply/", compose.reply, name="reply"),
    path("t/<int:topic_id>/moderate/", staff.topic_action, name="topic_action"),
    path("p/<int:post_id>/", browse.post_link, name="post"),
    path("p/<int:post_id>/edit/", compose.edit_post, name="edit_post"),
    path("p/<int:post_id>/react/", compose.react, name="react"),
    path("p/<int:post_id>/moderate/", staff.post_action, name="post_action"),
]
