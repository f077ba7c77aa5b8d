"""The compliance register: items, their links, assignment and reviews."""

from django.contrib import messages
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from belvedere.accounts.decorators import check, role_required
from belvedere.accounts.models import Role
from belvedere.core.csv import csv_response
from belvedere.watch.forms import AssignForm, ComplianceItemForm, ReviewForm
from belvedere.watch.models import ComplianceStatus, PracticeCategory
from belvedere.watch.permissions import can_manage_watch, can_review_item
from belvedere.watch.queries import compliance as queries
from belvedere.watch.services import compliance as services
from belvedere.watch.views import form_page, page_of

LINK_FIELDS = ("documents", "clause", "anchor")


def _fields(form) -> dict:
    return {k: v for k, v in form.cleaned_data.items() if k not in LINK_FIELDS}


@role_required(Role.MODERATOR)
@require_GET
def item_list(request: HttpRequest):
    status = request.GET.get("status", "")
    category = request.GET.get("category", "")
    items = queries.list_items(
        status=status if status in ComplianceStatus.values else "",
        category=category if category in PracticeCategory.values else "",
    )
    if request.GET.get("format") == "csv":
        return csv_response("compliance.csv", queries.ITEM_CSV, map(queries.item_row, items))
    context = {
        "page": page_of(request, items),
        "status": status,
        "category": category,
        "statuses": ComplianceStatus.choices,
        "categories": PracticeCategory.choices,
        "can_manage": can_manage_watch(request.user),
    }
    return render(request, "watch/compliance.html", context)


@role_required(Role.MODERATOR)
@require_GET
def review_list(request: HttpRequest):
    reviews = queries.list_reviews()
    if request.GET.get("format") == "csv":
        return csv_response(
            "compliance-reviews.csv", queries.REVIEW_CSV, map(queries.review_row, reviews)
        )
    return render(request, "watch/reviews.html", {"page": page_of(request, reviews)})


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def item_create(request: HttpRequest):
    form = ComplianceItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        item = services.create_item(actor=request.user, links=form.links(), **_fields(form))
        return redirect("watch:item", item.pk)
    return form_page(request, form, title=_("New practice"), back=reverse("watch:compliance"))


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, item_id: int):
    item = queries.get_item_for_user(request.user, item_id)
    form = ComplianceItemForm(
        request.POST or None, instance=item if request.method == "GET" else None
    )
    if request.method == "POST" and form.is_valid():
        services.update_item(item, actor=request.user, links=form.links(), **_fields(form))
        return redirect("watch:item", item.pk)
    delete_url = reverse("watch:item_delete", args=[item.pk])
    return form_page(request, form, title=item.title, obj=item, delete_url=delete_url)


@role_required(Role.MANAGER)
@require_POST
def item_delete(request: HttpRequest, item_id: int):
    item = queries.get_item_for_user(request.user, item_id)
    services.delete_item(item, actor=request.user)
    messages.success(request, _("Practice “%(name)s” deleted.") % {"name": item.title})
    return redirect("watch:compliance")


@role_required(Role.MODERATOR)
@require_GET
def item_detail(request: HttpRequest, item_id: int):
    item = queries.get_item_for_user(request.user, item_id)
    can_review = can_review_item(request.user, item)
    context = {
        "item": item,
        "review_form": ReviewForm() if can_review else None,
        "assign_form": AssignForm(initial={"owner": item.owner_id}) if can_review else None,
        "can_manage": can_manage_watch(request.user),
    }
    return render(request, "watch/item.html", context)


@role_required(Role.MANAGER)
@require_POST
def item_review(request: HttpRequest, item_id: int):
    item = queries.get_item_for_user(request.user, item_id)
    check(can_review_item(request.user, item))
    form = ReviewForm(request.POST)
    if not form.is_valid():
        context = {
            "item": item,
            "review_form": form,
            "assign_form": AssignForm(),
            "can_manage": True,
        }
        return render(request, "watch/item.html", context, status=400)
    services.review_item(item, actor=request.user, **form.cleaned_data)
    messages.success(request, _("Review logged."))
    return redirect("watch:item", item.pk)


@role_required(Role.MANAGER)
@require_POST
def item_assign(request: HttpRequest, item_id: int):
    item = queries.get_item_for_user(request.user, item_id)
    form = AssignForm(request.POST)
    if not form.is_valid():
        context = {
            "item": item,
            "review_form": ReviewForm(),
            "assign_form": form,
            "can_manage": True,
        }
        return render(request, "watch/item.html", context, status=400)
    services.assign_item(item, form.cleaned_data["owner"], actor=request.user)
    messages.success(request, _("Owner saved."))
    return redirect("watch:item", item.pk)
