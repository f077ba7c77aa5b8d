from django.contrib import admin

from belvedere.core.models import AllowedHost


class AdminRoleOnly:
    """A ModelAdmin mixin: administrators (role admin, or superusers) see, add, change and
    delete; nobody else sees the model. Apps narrow the writes where they must."""

    def has_module_permission(self, request) -> bool:
        user = request.user
        return user.is_active and (user.is_superuser or getattr(user, "is_admin", False))

    def has_view_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)


@admin.register(AllowedHost)
class AllowedHostAdmin(AdminRoleOnly, admin.ModelAdmin):
    """Only administrators (role admin, or superusers) see and edit the allow-list."""

    list_display = ["host", "note", "created_by", "created_at"]
    search_fields = ["host", "note"]
    readonly_fields = ["created_by", "created_at"]
    fields = ["host", "note", "created_by", "created_at"]

    def save_model(self, request, obj, form, change) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
