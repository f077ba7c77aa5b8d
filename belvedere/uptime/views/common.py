"""Helpers shared by the uptime views."""

from django.core.paginator import Paginator

PAGE_SIZE = 50


def paginate(request, rows, size: int = PAGE_SIZE):
    return Paginator(rows, size).get_page(request.GET.get("page"))
