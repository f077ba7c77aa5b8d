"""Searching the forum."""

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.shortcuts import render
from django.views.decorators.http import require_GET

from belvedere.forum import queries
from belvedere.forum.forms_social import SearchForm
from belvedere.forum.search import RESULTS_PER_PAGE, attach_snippets, filters_from, search_posts
from belvedere.forum.services.searches import record_search


@require_GET
def search(request: HttpRequest):
    form = SearchForm(request.GET or None)
    page, status = None, 200
    if form.is_bound and form.is_valid() and form.cleaned_data["q"]:
        filters = filters_from(request.user, form.cleaned_data)
        results = search_posts(request.user, filters)
        page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        attach_snippets(list(page), filters.q)
        record_search(request.user, results=page.paginator.count, page=request.GET.get("page"))
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
