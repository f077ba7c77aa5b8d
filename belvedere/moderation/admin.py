"""Moderation in the Django admin (administrators only).

The queue, flags, sanctions, appeals, notes, standings and submissions are an audit trail:
read-only here, changed only through the moderation pages and API (whose services record
the audit log). Watched words and the settings may be edited, through the same services
(validation, cache invalidation, audit row) as `/moderation/words/` and `/moderation/settings/`.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from belvedere.core.admin import AdminRoleOnly
from belvedere.moderation.forms import SettingsForm
from belvedere.moderation.models import (
    Appeal,
    Flag,
    ModerationSettings,
    ModeratorNote,
    QueueItem,
    Sanction,
    Standing,
    Submission,
    WatchedWord,
)
from belvedere.moderation.services.settings import EDITABLE, check_settings, update_settings
from belvedere.moderation.services.words import (
    FIELDS,
    clean_word,
    create_word,
    delete_word,
    update_word,
)


class ReadOnly(AdminRoleOnly):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(QueueItem)
class QueueItemAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["id", "content_label", "object_id", "author", "status", "resolution",
                    "score", "held", "flag_count", "created_at", "resolved_by"]  # fmt: skip
    list_filter = ["status", "resolution", "held", "first_post", "auto_hidden"]
    list_select_related = ["author", "resolved_by", "content_type"]
    search_fields = ["preview", "author__display_name", "author__email"]
    date_hierarchy = "created_at"


@admin.register(Flag)
class FlagAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["id", "reason", "flagger", "object_id", "weight", "status", "created_at"]
    list_filter = ["reason", "status"]
    list_select_related = ["flagger"]
    search_fields = ["text", "flagger__display_name"]


@admin.register(Sanction)
class SanctionAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["id", "member", "kind", "clause", "created_by", "created_at", "ends_at",
                    "lifted_at"]  # fmt: skip
    list_filter = ["kind"]
    list_select_related = ["member", "created_by"]
    search_fields = ["reason", "member__display_name", "member__email"]
    date_hierarchy = "created_at"


@admin.register(Appeal)
class AppealAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["id", "member", "sanction", "status", "created_at", "decided_by", "decided_at"]
    list_filter = ["status"]
    list_select_related = ["member", "sanction", "decided_by"]
    search_fields = ["text", "decision_note", "member__display_name"]


@admin.register(ModeratorNote)
class ModeratorNoteAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["id", "member", "author", "created_at", "__str__"]
    list_select_related = ["member", "author"]
    search_fields = ["text", "member__display_name"]


@admin.register(Standing)
class StandingAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["member", "trust_level", "trust_locked", "silenced_until", "suspended_until",
                    "flags_agreed", "flags_disagreed"]  # fmt: skip
    list_filter = ["trust_level", "trust_locked"]
    list_select_related = ["member"]
    search_fields = ["member__display_name", "member__email"]


@admin.register(Submission)
class SubmissionAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["id", "author", "kind", "links", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["author"]


class WatchedWordForm(forms.ModelForm):
    """Validated by the service's rules (safe regular expressions, duplicates) on save."""

    class Meta:
        model = WatchedWord
        fields = list(FIELDS)

    def clean(self):
        data = super().clean()
        try:
            data.update(clean_word(data))
        except ValidationError as error:
            self.add_error(None, error)
            return data
        same = WatchedWord.objects.filter(pattern=data["pattern"], is_regex=data["is_regex"])
        if same.exclude(pk=self.instance.pk).exists():
            self.add_error("pattern", _("This word is already watched."))
        return data

    def validate_unique(self):
        pass  # the service refuses a duplicate with a clear message


@admin.register(WatchedWord)
class WatchedWordAdmin(AdminRoleOnly, admin.ModelAdmin):
    form = WatchedWordForm
    list_display = ["pattern", "action", "is_regex", "clause_key", "category", "language"]
    list_filter = ["action", "is_regex", "category", "language"]
    search_fields = ["pattern"]

    def save_model(self, request, obj, form, change) -> None:
        data = {name: form.cleaned_data.get(name) for name in FIELDS}
        if change:
            saved = update_word(WatchedWord.objects.get(pk=obj.pk), actor=request.user, **data)
        else:
            saved = create_word(actor=request.user, **data)
        obj.pk = saved.pk

    def delete_model(self, request, obj) -> None:
        delete_word(obj, actor=request.user)

    def delete_queryset(self, request, queryset) -> None:
        for word in queryset:
            delete_word(word, actor=request.user)


class SettingsAdminForm(SettingsForm):
    def clean(self):
        data = super().clean()
        try:
            data.update(check_settings({k: v for k, v in data.items() if k in EDITABLE}))
        except ValidationError as error:
            self.add_error(None, error)
        return data


@admin.register(ModerationSettings)
class ModerationSettingsAdmin(AdminRoleOnly, admin.ModelAdmin):
    form = SettingsAdminForm
    list_display = ["__str__", "hold_threshold", "reject_threshold", "updated_at", "updated_by"]

    def has_add_permission(self, request) -> bool:
        return self.has_module_permission(request) and not ModerationSettings.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change) -> None:
        names = form.changed_data if change else form.cleaned_data
        fields = {name: form.cleaned_data[name] for name in names if name in EDITABLE}
        obj.pk = update_settings(actor=request.user, **fields).pk
