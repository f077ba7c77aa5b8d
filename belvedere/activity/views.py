from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.shortcuts import render
from django.views.decorators.http import require_GET

from belvedere.activity.forms import AuditFilterForm
from belvedere.activity.permissions import can_read_audit_log
from belvedere.activity.queries import list_audit_entries
from belvedere.core.csv import csv_response


@login_required
@require_GET
def audit_log(request: HttpRequest):
    if not can_read_audit_log(request.user):
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = list_audit_entries(**{k: v for k, v in filters.items() if v})
    if request.GET.get("format") == "csv":
        rows = (
            (
                e.created_at.isoformat(),
                e.actor_name,
                e.verb,
                e.target_type,
                e.target_id,
                e.target_repr,
                e.reason,
            )
            for e in entries.iterator()
        )
        header = ["time", "actor", "verb", "target_type", "target_id", "target", "reason"]
        return csv_response("audit-log.csv", header, rows)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "activity/audit_log.html", context)
