"""Pages of the watch. Shared helpers: the generic form page and pagination."""

from django.core.paginator import Paginator
from django.shortcuts import render

PAGE_SIZE = 50


def form_page(request, form, *, title: str, obj=None, delete_url: str = "", back: str = ""):
    """The generic form page; 400 when a posted form has errors."""
    context = {"form": form, "title": title, "obj": obj, "delete_url": delete_url, "back": back}
    return render(request, "watch/form.html", context, status=400 if form.is_bound else 200)


def page_of(request, rows, size: int = PAGE_SIZE):
    return Paginator(rows, size).get_page(request.GET.get("page"))


def detached(obj):
    """A blank instance with ``obj``'s primary key, for a ModelForm bound to posted data: unique
    checks skip ``obj`` itself, and ``obj`` stays unchanged until a service saves it."""
    twin = type(obj)(pk=obj.pk)
    twin._state.adding = False
    return twin
