"""The members admin: list (search, filters, CSV), role changes, deactivation."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from belvedere.accounts import services
from belvedere.accounts.decorators import check, role_required
from belvedere.accounts.forms import ActiveForm, MemberFilterForm, RoleForm
from belvedere.accounts.models import Role
from belvedere.accounts.permissions import can_change_role, can_manage_members, can_set_active
from belvedere.accounts.queries import get_member_for_user, list_members, member_row
from belvedere.activity.queries import list_entries_for_target
from belvedere.core.csv import csv_response

PAGE_SIZE = 50
COLUMNS = [
    "id",
    "email",
    "display_name",
    "role",
    "is_active",
    "email_verified",
    "date_joined",
    "last_login",
]


@role_required(Role.MANAGER)
@require_GET
def members(request: HttpRequest):
    form = MemberFilterForm(request.GET or None)
    members = list_members(**(form.filters() if form.is_bound else {}))
    if request.GET.get("format") == "csv":
        rows = ([row[c] for c in COLUMNS] for row in map(member_row, members.iterator()))
        return csv_response("members.csv", COLUMNS, rows)
    page = Paginator(members, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "accounts/members.html", context)


@role_required(Role.MANAGER)
@require_GET
def member_detail(request: HttpRequest, member_id: int):
    member = get_member_for_user(request.user, member_id)
    return render(request, "accounts/member_detail.html", _detail_context(request, member))


@role_required(Role.ADMIN)
@require_POST
def member_role(request: HttpRequest, member_id: int):
    member = get_member_for_user(request.user, member_id)
    check(can_change_role(request.user, member))
    form = RoleForm(request.POST)
    if not form.is_valid():
        return _refused(request, member, role_form=form)
    changed = services.set_role(
        member, form.cleaned_data["role"], actor=request.user, reason=form.cleaned_data["reason"]
    )
    if changed:
        messages.success(
            request,
            _("%(name)s is now %(role)s.")
            % {"name": member.display_name, "role": member.get_role_display()},
        )
    return redirect("accounts:member_detail", member.pk)


@role_required(Role.ADMIN)
@require_POST
def member_active(request: HttpRequest, member_id: int):
    member = get_member_for_user(request.user, member_id)
    check(can_set_active(request.user, member))
    form = ActiveForm(request.POST)
    if not form.is_valid():
        return _refused(request, member, active_form=form)
    active = form.cleaned_data["active"]
    services.set_active(member, active, actor=request.user, reason=form.cleaned_data["reason"])
    text = _("%(name)s is reactivated.") if active else _("%(name)s is deactivated.")
    messages.success(request, text % {"name": member.display_name})
    return redirect("accounts:member_detail", member.pk)


def _detail_context(request, member, **forms) -> dict:
    return {
        "member": member,
        "role_form": RoleForm(initial={"role": member.role}),
        "active_form": ActiveForm(initial={"active": "0" if member.is_active else "1"}),
        "can_change_role": can_change_role(request.user, member),
        "can_set_active": can_set_active(request.user, member),
        "can_manage": can_manage_members(request.user),
        "entries": list_entries_for_target(member)[:20],
        **forms,
    }


def _refused(request, member, **forms):
    context = _detail_context(request, member, **forms)
    return render(request, "accounts/member_detail.html", context, status=400)
