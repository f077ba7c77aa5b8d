"""Moderation statistics for a date range, as a page and as CSV."""

from django.http import HttpRequest
from django.shortcuts import render
from django.views.decorators.http import require_GET

from belvedere.accounts.decorators import role_required
from belvedere.core.csv import csv_response
from belvedere.moderation.forms import DateRangeForm
from belvedere.moderation.stats import moderation_stats, stats_rows


@role_required("moderator")
@require_GET
def stats(request: HttpRequest):
    form = DateRangeForm(request.GET or None)
    valid = form.is_valid() if request.GET else True
    data = form.cleaned_data if request.GET and valid else {}
    result = moderation_stats(data.get("start"), data.get("end"))
    if valid and request.GET.get("format") == "csv":
        return csv_response("moderation-stats.csv", ["group", "key", "value"], stats_rows(result))
    status = 200 if valid else 400
    return render(request, "moderation/stats.html", {"form": form, "stats": result}, status=status)
