from django.contrib import admin

from belvedere.watch.models import (
    Competitor,
    ComplianceItem,
    PageWatch,
    Platform,
    Service,
    TrackedDocument,
)


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "created_at"]
    search_fields = ["name"]


@admin.register(TrackedDocument)
class TrackedDocumentAdmin(admin.ModelAdmin):
    list_display = ["service", "doc_type", "url", "enabled", "last_fetched_at"]
    list_filter = ["enabled"]
    search_fields = ["doc_type", "service__name", "url"]


@admin.register(PageWatch)
class PageWatchAdmin(admin.ModelAdmin):
    list_display = ["name", "url", "enabled", "last_checked_at"]
    exclude = ["feed_token"]


@admin.register(ComplianceItem)
class ComplianceItemAdmin(admin.ModelAdmin):
    list_display = ["title", "service", "category", "status", "owner"]
    list_filter = ["status", "category"]


admin.site.register(Competitor)
admin.site.register(Platform)
