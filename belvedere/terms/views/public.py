"""Public pages: the documents, their versions with anchored clauses, diffs; accepting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from belvedere.core import ratelimit
from belvedere.terms import queries, services
from belvedere.terms.decorators import safe_next
from belvedere.terms.forms import AcceptForm


@require_GET
def index(request: HttpRequest):
    context = {
        "documents": queries.list_documents(),
        "pending": queries.pending_documents(request.user),
    }
    return render(request, "terms/index.html", context)


@require_GET
def version(request: HttpRequest, slug: str, number: int | None = None):
    document = queries.get_document(slug)
    shown = queries.get_version_for_user(request.user, document, number)
    context = {
        "document": document,
        "version": shown,
        "clauses": queries.render_clauses(shown),
        "versions": queries.list_versions(document, request.user),
        "is_current": shown.pk == document.current_version_id,
    }
    return render(request, "terms/version.html", context)


@require_GET
def diff(request: HttpRequest, slug: str, old: int, new: int):
    document = queries.get_document(slug)
    before = queries.get_version_for_user(request.user, document, old)
    after = queries.get_version_for_user(request.user, document, new)
    context = {
        "document": document,
        "old": before,
        "new": after,
        "changes": queries.diff_versions(before, after),
    }
    return render(request, "terms/diff.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def accept(request: HttpRequest):
    next_url = safe_next(request, request.POST.get("next") or request.GET.get("next"))
    pending = queries.pending_documents(request.user)
    if not pending:
        return redirect(next_url)
    form = AcceptForm(pending, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.accept_versions(
            request.user,
            form.accepted_versions(),
            language=get_language() or "",
            ip=ratelimit.client_ip(request),
        )
        messages.success(request, _("Thank you: you accepted the current terms."))
        return redirect(next_url)
    status = 400 if form.is_bound else 200
    context = {"form": form, "pending": pending, "next": next_url}
    return render(request, "terms/accept.html", context, status=status)
