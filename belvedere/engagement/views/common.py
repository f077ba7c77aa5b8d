"""Helpers shared by the engagement pages."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import QueryDict

PER_PAGE = 50


def paginate(request, rows, per_page: int = PER_PAGE):
    """The requested page (bad numbers give the first or the last page) and the query string
    without `page`, for the pagination links."""
    page = Paginator(rows, per_page).get_page(request.GET.get("page"))
    query: QueryDict = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def feedback_errors(*forms) -> str:
    """The errors of a feedback form and its answers, as one message naming each question."""
    parts = []
    for form in forms:
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            parts += [f"{label}: {error}" if label else str(error) for error in errors]
    return " ".join(parts)
