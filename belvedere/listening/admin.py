from django.contrib import admin

from belvedere.listening.models import Mention, Query, Source, Tag


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "enabled", "consecutive_failures", "last_success_at"]
    list_filter = ["kind", "enabled"]
    readonly_fields = ["secret_digest"]


@admin.register(Query)
class QueryAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "active"]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "platform", "published_at", "sentiment", "status"]
    list_filter = ["platform", "status", "sentiment"]
    raw_id_fields = ["source", "assignee"]
    search_fields = ["title", "text"]


admin.register(Tag)(admin.ModelAdmin)
