"""Staff pages for monitors, components and maintenance windows."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from belvedere.accounts.decorators import role_required
from belvedere.core.csv import csv_response
from belvedere.uptime import queries, status
from belvedere.uptime.forms import ComponentForm, GroupForm, MaintenanceForm, MonitorForm
from belvedere.uptime.models import Component, MaintenanceWindow, MonitorKind, MonitorStatus
from belvedere.uptime.services import monitors as services
from belvedere.uptime.views.common import paginate

MANAGER = "manager"


@role_required(MANAGER)
def monitor_list(request):
    filters = {k: request.GET.get(k, "")[:100] for k in ("q", "status", "kind")}
    rows = queries.list_monitors(**filters)
    if request.GET.get("format") == "csv":
        header = ["id", "name", "kind", "target", "status", "paused", "last checked", "latency ms"]
        data = (
            [
                m.pk,
                m.name,
                m.kind,
                m.target,
                m.status,
                m.is_paused,
                m.last_checked_at,
                m.last_latency_ms,
            ]
            for m in rows
        )
        return csv_response("monitors.csv", header, data)
    return render(
        request,
        "uptime/monitors.html",
        {
            "page": paginate(request, rows),
            "filters": filters,
            "kinds": MonitorKind.choices,
            "statuses": MonitorStatus.choices,
        },
    )


@role_required(MANAGER)
def monitor_new(request):
    form = MonitorForm(request.POST or None, initial={"kind": request.GET.get("kind", "http")})
    if request.method == "POST" and form.is_valid():
        monitor = services.create_monitor(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Monitor created."))
        return redirect("uptime:monitor", monitor.pk)
    return render(request, "uptime/monitor_form.html", {"form": form}, status=_code(form))


def _code(form) -> int:
    return 400 if form.is_bound and form.errors else 200


@role_required(MANAGER)
def monitor_edit(request, monitor_id: int):
    monitor = queries.get_monitor_for_user(request.user, monitor_id)
    form = MonitorForm(request.POST or None, instance=monitor)
    if request.method == "POST" and form.is_valid():
        monitor.refresh_from_db()
        services.update_monitor(monitor, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Monitor saved."))
        return redirect("uptime:monitor", monitor.pk)
    context = {"form": form, "monitor": monitor}
    return render(request, "uptime/monitor_form.html", context, status=_code(form))


@role_required(MANAGER)
def monitor_detail(request, monitor_id: int):
    monitor = queries.get_monitor_for_user(request.user, monitor_id)
    return render(
        request,
        "uptime/monitor.html",
        {
            "monitor": monitor,
            "results": monitor.results.all()[:50],
            "alerts": monitor.alerts.all()[:20],
            "chart": status.latency_chart([monitor.pk]),
            "ping_url": request.build_absolute_uri(f"/uptime/ping/{monitor.ping_token}"),
        },
    )


@require_POST
@role_required(MANAGER)
def monitor_action(request, monitor_id: int):
    monitor = queries.get_monitor_for_user(request.user, monitor_id)
    action = request.POST.get("action")
    if action in ("pause", "resume"):
        services.set_paused(monitor, action == "pause", actor=request.user)
        messages.success(
            request, _("Monitor paused.") if action == "pause" else _("Monitor resumed.")
        )
        return redirect("uptime:monitor", monitor.pk)
    if action == "delete":
        services.delete_monitor(monitor, actor=request.user)
        messages.success(request, _("Monitor deleted."))
        return redirect("uptime:monitors")
    messages.error(request, _("Unknown action."))
    return redirect("uptime:monitor", monitor.pk)


@role_required(MANAGER)
def components(request):
    form = ComponentForm(request.POST or None, prefix="c")
    group_form = GroupForm(request.POST or None, prefix="g")
    if request.method == "POST":
        chosen = form if request.POST.get("what") == "component" else group_form
        if chosen.is_valid():
            saver = services.save_component if chosen is form else services.save_group
            saver(chosen.save(commit=False), actor=request.user)
            messages.success(request, _("Saved."))
            return redirect("uptime:components")
    rows = Component.objects.select_related("group")
    context = {"components": rows, "form": form, "group_form": group_form}
    return render(
        request,
        "uptime/components.html",
        context,
        status=_code(form) if request.POST.get("what") == "component" else _code(group_form),
    )


@role_required(MANAGER)
def component_edit(request, component_id: int):
    component = get_object_or_404(Component, pk=component_id)
    form = ComponentForm(request.POST or None, instance=component)
    if request.method == "POST" and form.is_valid():
        services.save_component(form.save(commit=False), actor=request.user)
        messages.success(request, _("Saved."))
        return redirect("uptime:components")
    context = {"form": form, "component": component}
    return render(request, "uptime/component_form.html", context, status=_code(form))


@role_required(MANAGER)
def maintenance(request):
    form = MaintenanceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        services.create_window(
            actor=request.user,
            monitors=data.pop("monitors"),
            components=data.pop("components"),
            **data,
        )
        messages.success(request, _("Maintenance window scheduled."))
        return redirect("uptime:maintenance")
    windows = MaintenanceWindow.objects.prefetch_related("monitors", "components")
    context = {"form": form, "windows": windows[:100]}
    return render(request, "uptime/maintenance.html", context, status=_code(form))


@require_POST
@role_required(MANAGER)
def maintenance_delete(request, window_id: int):
    window = get_object_or_404(MaintenanceWindow, pk=window_id)
    services.delete_window(window, actor=request.user)
    messages.success(request, _("Maintenance window deleted."))
    return redirect("uptime:maintenance")
