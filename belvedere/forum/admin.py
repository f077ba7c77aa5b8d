"""Admin for forum configuration (categories, tags). Content changes go through the services."""

from django.contrib import admin

from belvedere.forum.models import Category, Tag


class AdminRoleMixin:
    """Administrators (the role, not only superusers) manage the forum's configuration."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_admin

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    has_add_permission = has_module_permission
    has_change_permission = has_view_permission
    has_delete_permission = has_view_permission


@admin.register(Category)
class CategoryAdmin(AdminRoleMixin, admin.ModelAdmin):
    list_display = [
        "name",
        "parent",
        "slug",
        "position",
        "read_access",
        "topic_access",
        "reply_access",
    ]
    list_editable = ["position"]
    list_filter = ["read_access", "topic_access", "reply_access"]
    list_select_related = ["parent"]
    raw_id_fields = ["granted_members"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "slug"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            kwargs["queryset"] = Category.objects.filter(parent__isnull=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Tag)
class TagAdmin(AdminRoleMixin, admin.ModelAdmin):
    list_display = ["slug", "name"]
    search_fields = ["slug", "name"]
