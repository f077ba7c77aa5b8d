"""Searching the forum."""

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.shortcuts import render
from django.views.decorators.http import require_GET

from belvedere.forum import queries
from belvedere.forum.forms_social import SearchForm
from belvedere.forum.search import SearchFilters, attach_snippets, search_posts

RESULTS_PER_PAGE = 20


def filters_from(user, data: dict) -> SearchFilters:
    """SearchFilters from a valid SearchForm's data; unknown category or author match nothing."""
    category = None
    if data.get("category"):
        category = queries.readable_categories(user).filter(slug=data["category"]).first()
        if category is None:
            return SearchFilters(q="")
    author_id = None
    if data.get("author"):
        author = get_user_model().objects.filter(display_name__iexact=data["author"]).first()
        if author is None:
            return SearchFilters(q="")
        author_id = author.pk
    return SearchFilters(
        q=data.get("q", ""),
        category=category,
        author_id=author_id,
        after=data.get("after"),
        before=data.get("before"),
    )


@require_GET
def search(request: HttpRequest):
    form = SearchForm(request.GET or None)
    page, status = None, 200
    if form.is_bound and form.is_valid() and form.cleaned_data["q"]:
        filters = filters_from(request.user, form.cleaned_data)
        results = search_posts(request.user, filters)
        page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        attach_snippets(list(page), filters.q)
    elif form.is_bound and not form.is_valid():
        status = 400
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "categories": queries.readable_categories(request.user),
    }
    return render(request, "forum/search.html", context, status=status)
