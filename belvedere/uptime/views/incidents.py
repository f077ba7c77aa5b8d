"""Staff pages for incidents: list, open one, post updates, write the post-mortem."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from belvedere.accounts.decorators import role_required
from belvedere.core.csv import csv_response
from belvedere.core.markdown import render_markdown
from belvedere.uptime import queries
from belvedere.uptime.forms import IncidentForm, IncidentUpdateForm, PostmortemForm
from belvedere.uptime.services import incidents as services
from belvedere.uptime.views.common import paginate

MANAGER = "manager"


@role_required(MANAGER)
def incident_list(request):
    rows = queries.list_incidents(open_only=request.GET.get("open") == "1").select_related(
        "monitor"
    )
    if request.GET.get("format") == "csv":
        header = ["id", "title", "status", "impact", "started", "resolved", "minutes", "public"]
        data = (
            [
                i.pk,
                i.title,
                i.status,
                i.impact,
                i.started_at,
                i.resolved_at,
                int(i.duration.total_seconds() // 60),
                i.is_public,
            ]
            for i in rows
        )
        return csv_response("incidents.csv", header, data)
    return render(request, "uptime/incidents.html", {"page": paginate(request, rows)})


@role_required(MANAGER)
def incident_new(request):
    form = IncidentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        incident = services.create_incident(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Incident opened."))
        return redirect("uptime:incident", incident.pk)
    code = 400 if form.is_bound and form.errors else 200
    return render(request, "uptime/incident_form.html", {"form": form}, status=code)


@role_required(MANAGER)
def incident_detail(request, incident_id: int, update_form=None, postmortem_form=None, code=200):
    incident = queries.get_incident_for_staff(request.user, incident_id)
    return render(
        request,
        "uptime/incident.html",
        {
            "incident": incident,
            "updates": incident.updates.select_related("author"),
            "update_form": update_form or IncidentUpdateForm(initial={"status": incident.status}),
            "postmortem_form": postmortem_form
            or PostmortemForm(initial={"postmortem": incident.postmortem}),
            "postmortem_html": render_markdown(incident.postmortem),
        },
        status=code,
    )


@require_POST
@role_required(MANAGER)
def incident_update(request, incident_id: int):
    incident = queries.get_incident_for_staff(request.user, incident_id)
    form = IncidentUpdateForm(request.POST)
    if not form.is_valid():
        return incident_detail(request, incident_id, update_form=form, code=400)
    services.post_update(incident, actor=request.user, **form.cleaned_data)
    messages.success(request, _("Update posted."))
    return redirect("uptime:incident", incident.pk)


@require_POST
@role_required(MANAGER)
def incident_postmortem(request, incident_id: int):
    incident = queries.get_incident_for_staff(request.user, incident_id)
    form = PostmortemForm(request.POST)
    if not form.is_valid():
        return incident_detail(request, incident_id, postmortem_form=form, code=400)
    services.set_postmortem(incident, actor=request.user, text=form.cleaned_data["postmortem"])
    messages.success(request, _("Post-mortem saved."))
    return redirect("uptime:incident", incident.pk)
