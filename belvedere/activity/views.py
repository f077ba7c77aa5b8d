import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.shortcuts import render
from django.views.decorators.http import require_GET

from belvedere.activity.forms import AuditFilterForm
from belvedere.activity.permissions import can_read_audit_log
from belvedere.activity.queries import entry_row, list_audit_choices, list_audit_entries
from belvedere.core.csv import csv_response

PAGE_SIZE = 50
CSV_COLUMNS = ["time", "actor", "verb", "target_type", "target_id", "target", "reason", "metadata"]


@login_required
@require_GET
def audit_log(request: HttpRequest):
    if not can_read_audit_log(request.user):
        raise PermissionDenied
    verbs, target_types = list_audit_choices()
    form = AuditFilterForm(request.GET or None, verbs=verbs, target_types=target_types)
    entries = list_audit_entries(**(form.filters() if form.is_bound else {}))
    if request.GET.get("format") == "csv":
        rows = (_csv_cells(entry_row(e)) for e in entries.iterator())
        return csv_response("audit-log.csv", CSV_COLUMNS, rows)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "activity/audit_log.html", context)


def _csv_cells(row: dict) -> list:
    row["metadata"] = json.dumps(row["metadata"], ensure_ascii=False) if row["metadata"] else ""
    return [row[column] for column in CSV_COLUMNS]
