from django.urls import path

from belvedere.moderation.views import appeals, member, members, policy, queue, stats

app_name = "moderation"
urlpatterns = [
    path("", queue.queue, name="queue"),
    path("items/<int:item_id>/", queue.item_detail, name="item"),
    path("items/<int:item_id>/claim/", queue.claim, name="claim"),
    path("items/<int:item_id>/act/", queue.act, name="act"),
    path("items/<int:item_id>/sanction/", queue.sanction_author, name="sanction_author"),
    path("items/<int:item_id>/revise/", member.revise, name="revise"),
    path("bulk/", queue.bulk, name="bulk"),
    path("members/<int:member_id>/", members.member, name="member"),
    path("members/<int:member_id>/sanction/", members.sanction, name="sanction"),
    path("members/<int:member_id>/note/", members.note, name="note"),
    path("members/<int:member_id>/trust/", members.set_trust, name="trust"),
    path("sanctions/<int:sanction_id>/lift/", members.lift, name="lift"),
    path("sanctions/<int:sanction_id>/appeal/", member.appeal, name="appeal"),
    path("appeal/<str:token>/", member.appeal_with_token, name="appeal_token"),
    path("appeals/", appeals.appeals, name="appeals"),
    path("appeals/<int:appeal_id>/decide/", appeals.decide, name="decide_appeal"),
    path("words/", policy.words, name="words"),
    path("words/<int:word_id>/", policy.word_edit, name="word_edit"),
    path("words/<int:word_id>/delete/", policy.word_delete, name="word_delete"),
    path("words/import/", policy.words_import, name="words_import"),
    path("words/export/", policy.words_export, name="words_export"),
    path("settings/", policy.settings_page, name="settings"),
    path("standing/", member.standing, name="standing"),
    path("stats/", stats.stats, name="stats"),
    path("flag/<str:label>/<str:object_id>/", member.flag, name="flag"),
]
