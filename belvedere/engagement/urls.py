from django.urls import path, re_path

from belvedere.engagement.views import ambassadors, events, feedback, levels, people, programmes

app_name = "engagement"
urlpatterns = [
    path("", people.index, name="index"),
    path("people/", people.person_list, name="people"),
    path("people/sync/", people.sync, name="sync"),
    path("people/<int:person_id>/", people.person_detail, name="person"),
    path("people/<int:person_id>/identities/", people.identity_add, name="identity_add"),
    path("merges/", people.merge_list, name="merges"),
    path("merges/suggestions/", people.suggestion_list, name="suggestions"),
    path("merges/suggestions/<int:suggestion_id>/", people.suggestion_decide, name="decide"),
    path("merges/<int:merge_id>/unmerge/", people.unmerge, name="unmerge"),
    path("levels/", levels.levels, name="levels"),
    path("levels/recompute/", levels.recompute, name="recompute"),
    path("ambassadors/", ambassadors.ambassador_list, name="ambassadors"),
    path("ambassadors/invite/", ambassadors.ambassador_invite, name="ambassador_invite"),
    path("ambassadors/<int:ambassador_id>/", ambassadors.ambassador_detail, name="ambassador"),
    path("ambassadors/kits/", ambassadors.kit_create, name="kit_create"),
    path("ambassadors/me/", ambassadors.my_ambassador, name="my_ambassador"),
    path("invitation/<str:token>/", ambassadors.ambassador_answer, name="ambassador_answer"),
    path("events/", events.event_list, name="events"),
    path("events/new/", events.event_edit, name="event_create"),
    path("events/calendar.ics", events.calendar_feed, name="calendar"),
    path("events/<int:event_id>/", events.event_detail, name="event"),
    path("events/<int:event_id>/edit/", events.event_edit, name="event_edit"),
    path("events/<int:event_id>/manage/", events.event_manage, name="event_manage"),
    path("events/<int:event_id>/register/", events.event_register, name="event_register"),
    path("events/<int:event_id>/thread/", events.event_thread, name="event_thread"),
    path("events/<int:event_id>/feedback/", events.event_feedback, name="event_feedback"),
    path("events/<int:event_id>/event.ics", events.event_ics, name="event_ics"),
    path(
        "registrations/<int:registration_id>/cancel/",
        events.registration_cancel,
        name="registration_cancel",
    ),
    re_path(
        r"^(?P<owner>programmes|events)/(?P<owner_id>[0-9]+)/questions/$",
        feedback.question_add,
        name="question_add",
    ),
    path("questions/<int:question_id>/delete/", feedback.question_delete, name="question_delete"),
    path("programmes/", programmes.programme_list, name="programmes"),
    path("programmes/new/", programmes.programme_create, name="programme_create"),
    path("programmes/<int:programme_id>/", programmes.programme_detail, name="programme"),
    path(
        "programmes/<int:programme_id>/apply/", programmes.programme_apply, name="programme_apply"
    ),
    path(
        "programmes/<int:programme_id>/action/",
        programmes.programme_action,
        name="programme_action",
    ),
    path(
        "programmes/<int:programme_id>/feedback/",
        programmes.programme_feedback,
        name="programme_feedback",
    ),
    path(
        "programmes/<int:programme_id>/applications/<int:application_id>/",
        programmes.programme_decide,
        name="programme_decide",
    ),
]
