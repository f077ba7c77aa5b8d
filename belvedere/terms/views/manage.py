"""Management pages for community managers: documents, drafts, clauses, publication."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from belvedere.terms import queries, services
from belvedere.terms.decorators import manager_required
from belvedere.terms.forms import ClauseForm, DocumentForm, DraftForm, PublishForm
from belvedere.terms.models import Clause


def _apply(form, call) -> bool:
    """Run a service; its ValidationError becomes a form error. True on success."""
    try:
        call()
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


@manager_required
@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest):
    form = DocumentForm(request.POST or None)
    create = lambda: services.create_document(actor=request.user, **form.cleaned_data)  # noqa: E731
    if request.method == "POST" and form.is_valid() and _apply(form, create):
        messages.success(request, _("Document created. Write its first version."))
        return redirect("terms:manage")
    context = {"documents": queries.list_manageable_documents(), "form": form}
    return render(request, "terms/manage.html", context, status=400 if form.errors else 200)


@manager_required
@require_POST
def new_draft(request: HttpRequest, slug: str):
    document = queries.get_document(slug)
    try:
        draft = services.create_draft(document, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("terms:manage")
    return redirect("terms:draft", draft.pk)


def _draft_page(request, draft, *, form=None, clause_form=None, publish_form=None, status=200):
    context = {
        "draft": draft,
        "document": draft.document,
        "clauses": queries.render_clauses(draft),
        "form": form or DraftForm(instance=draft),
        "clause_form": clause_form or ClauseForm(),
        "publish_form": publish_form or PublishForm(),
    }
    return render(request, "terms/draft.html", context, status=status)


@manager_required
@require_http_methods(["GET", "POST"])
def draft(request: HttpRequest, version_id: int):
    version = queries.get_draft(version_id)
    if request.method == "GET":
        return _draft_page(request, version)
    form = DraftForm(request.POST, instance=queries.get_draft(version_id))
    if form.is_valid() and _apply(
        form, lambda: services.update_draft(version, actor=request.user, **form.cleaned_data)
    ):
        messages.success(request, _("Draft saved."))
        return redirect("terms:draft", version.pk)
    return _draft_page(request, version, form=form, status=400)


@manager_required
@require_POST
def add_clause(request: HttpRequest, version_id: int):
    version = queries.get_draft(version_id)
    form = ClauseForm(request.POST)
    if form.is_valid() and _apply(
        form, lambda: services.save_clause(version, actor=request.user, **form.cleaned_data)
    ):
        return redirect("terms:draft", version.pk)
    return _draft_page(request, version, clause_form=form, status=400)


@manager_required
@require_http_methods(["GET", "POST"])
def edit_clause(request: HttpRequest, clause_id: int):
    clause = get_object_or_404(Clause.objects.select_related("version__document"), pk=clause_id)
    version = queries.get_draft(clause.version_id)
    form = ClauseForm(request.POST or None, instance=clause)
    if request.method == "POST" and form.is_valid():
        save = lambda: services.save_clause(  # noqa: E731
            version, actor=request.user, clause=clause, **form.cleaned_data
        )
        if _apply(form, save):
            return redirect("terms:draft", version.pk)
    context = {"form": form, "clause": clause, "draft": version}
    return render(request, "terms/clause.html", context, status=400 if form.errors else 200)


@manager_required
@require_POST
def delete_clause(request: HttpRequest, clause_id: int):
    clause = get_object_or_404(Clause, pk=clause_id)
    version = queries.get_draft(clause.version_id)
    services.delete_clause(clause, actor=request.user)
    return redirect("terms:draft", version.pk)


@manager_required
@require_POST
def publish(request: HttpRequest, version_id: int):
    version = queries.get_draft(version_id)
    form = PublishForm(request.POST)
    if form.is_valid() and _apply(
        form, lambda: services.publish_version(version, actor=request.user, **form.cleaned_data)
    ):
        messages.success(request, _("Version %(n)d published.") % {"n": version.number})
        return redirect("terms:version", version.document.slug, version.number)
    return _draft_page(request, version, publish_form=form, status=400)
