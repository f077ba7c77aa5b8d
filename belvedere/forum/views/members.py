"""The members directory and public member profiles."""

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.shortcuts import render
from django.views.decorators.http import require_GET

from belvedere.forum import queries_members
from belvedere.forum.forms_social import MemberSearchForm


@require_GET
def directory(request: HttpRequest):
    form = MemberSearchForm(request.GET or None)
    valid = not form.is_bound or form.is_valid()
    data = form.cleaned_data if form.is_bound and valid else {}
    sort = data.get("sort") or "name"
    members = queries_members.list_members(request.user, q=data.get("q", ""), sort=sort)
    page = Paginator(members, queries_members.MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "sort": sort, "query": query.urlencode()}
    return render(request, "forum/members.html", context, status=200 if valid else 400)


@require_GET
def profile(request: HttpRequest, member_id: int):
    member = queries_members.get_member_for_viewer(request.user, member_id)
    recent = queries_members.recent_posts(request.user, member)
    return render(request, "forum/member.html", {"member": member, "recent": recent})
