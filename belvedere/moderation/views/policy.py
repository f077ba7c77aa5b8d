"""Community managers' pages: watched words (with CSV import and export) and settings."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from belvedere.accounts.decorators import role_required
from belvedere.core.csv import csv_response
from belvedere.moderation import queries
from belvedere.moderation.forms import ImportForm, SettingsForm, WordForm
from belvedere.moderation.models import WatchedWord, WordAction
from belvedere.moderation.policy import get_settings
from belvedere.moderation.services import settings as settings_services
from belvedere.moderation.services import words as word_services


def _save(form, call) -> bool:
    try:
        call()
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                target = field if field in form.fields else None
                for message in errors:
                    form.add_error(target, message)
        else:
            form.add_error(None, error)
        return False
    return True


@role_required("manager")
@require_http_methods(["GET", "POST"])
def words(request: HttpRequest):
    form = WordForm(request.POST or None)
    create = lambda: word_services.create_word(actor=request.user, **form.cleaned_data)  # noqa: E731
    if request.method == "POST" and form.is_valid() and _save(form, create):
        messages.success(request, _("Word added."))
        return redirect("moderation:words")
    query, action = request.GET.get("q", "").strip(), request.GET.get("action", "")
    page = Paginator(queries.list_words(query, action), 50).get_page(request.GET.get("page"))
    context = {
        "form": form, "page": page, "q": query, "action": action,
        "actions": WordAction.choices, "import_form": ImportForm(),
    }  # fmt: skip
    return render(request, "moderation/words.html", context, status=400 if form.errors else 200)


@role_required("manager")
@require_http_methods(["GET", "POST"])
def word_edit(request: HttpRequest, word_id: int):
    word = get_object_or_404(WatchedWord, pk=word_id)
    initial = {name: getattr(word, name) for name in word_services.FIELDS}
    form = WordForm(request.POST or None, initial=initial)
    update = lambda: word_services.update_word(word, actor=request.user, **form.cleaned_data)  # noqa: E731
    if request.method == "POST" and form.is_valid() and _save(form, update):
        messages.success(request, _("Word saved."))
        return redirect("moderation:words")
    status = 400 if form.errors else 200
    return render(request, "moderation/word_form.html", {"form": form, "word": word}, status=status)


@role_required("manager")
@require_POST
def word_delete(request: HttpRequest, word_id: int):
    word = get_object_or_404(WatchedWord, pk=word_id)
    word_services.delete_word(word, actor=request.user)
    messages.success(request, _("Word removed."))
    return redirect("moderation:words")


@role_required("manager")
@require_POST
def words_import(request: HttpRequest):
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(m for errors in form.errors.values() for m in errors))
        return redirect("moderation:words")
    try:
        created, updated, errors = word_services.import_words(
            form.cleaned_data["file"], actor=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("moderation:words")
    messages.success(request, _("%(c)d words added, %(u)d updated.") % {"c": created, "u": updated})
    for error in errors[:20]:
        messages.error(request, error)
    return redirect("moderation:words")


@role_required("manager")
@require_GET
def words_export(request: HttpRequest):
    rows = word_services.export_rows(queries.list_words())
    return csv_response("watched-words.csv", word_services.CSV_HEADER, rows)


@role_required("manager")
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest):
    current = get_settings()
    form = SettingsForm(request.POST or None, instance=current)
    update = lambda: settings_services.update_settings(actor=request.user, **form.cleaned_data)  # noqa: E731
    if request.method == "POST" and form.is_valid() and _save(form, update):
        messages.success(request, _("Settings saved."))
        return redirect("moderation:settings")
    status = 400 if form.errors else 200
    return render(request, "moderation/settings.html", {"form": form}, status=status)
