from django.urls import path

from belvedere.forum.feeds import (
    CategoryAtomFeed,
    CategoryRssFeed,
    LatestAtomFeed,
    LatestRssFeed,
    TopicAtomFeed,
    TopicRssFeed,
)
from belvedere.forum.views import browse, compose, members, notifications, search, staff

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
    path("t/<int:topic_id>/unread/", browse.topic_unread, name="topic_unread"),
    path("t/<int:topic_id>/watch/", notifications.watch_topic, name="watch_topic"),
    path("c/<slug:slug>/watch/", notifications.watch_category, name="watch_category"),
    path("notifications/", notifications.notifications, name="notifications"),
    path("notifications/badge/", notifications.notification_badge, name="notification_badge"),
    path("notifications/read-all/", notifications.read_all, name="notifications_read_all"),
    path(
        "notifications/<int:notification_id>/open/",
        notifications.open_notification,
        name="notification_open",
    ),
    path("preferences/", notifications.preferences, name="preferences"),
    path("search/", search.search, name="search"),
    path("members/", members.directory, name="members"),
    path("u/<int:member_id>/", members.profile, name="member"),
    path("latest.rss", LatestRssFeed(), name="feed_latest_rss"),
    path("latest.atom", LatestAtomFeed(), name="feed_latest_atom"),
    path("c/<slug:slug>.rss", CategoryRssFeed(), name="feed_category_rss"),
    path("c/<slug:slug>.atom", CategoryAtomFeed(), name="feed_category_atom"),
    path("t/<int:topic_id>.rss", TopicRssFeed(), name="feed_topic_rss"),
    path("t/<int:topic_id>.atom", TopicAtomFeed(), name="feed_topic_atom"),
]
