"""Sources: list with health, kind-specific create/edit, run now, import, webhook secret."""

from django.contrib import messages
from django.http import Http404, HttpRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from belvedere.accounts.decorators import check, role_required
from belvedere.accounts.models import Role
from belvedere.listening.connectors import ConnectorError, all_connectors, get_connector
from belvedere.listening.forms import SourceForm, UploadForm
from belvedere.listening.permissions import can_manage_listening
from belvedere.listening.queries import get_source_for_user, list_sources
from belvedere.listening.services import imports
from belvedere.listening.services import sources as services

MAX_SHOWN_ERRORS = 20


def _connector(kind: str):
    try:
        return get_connector(kind)
    except ConnectorError:
        raise Http404


@role_required(Role.MODERATOR)
@require_GET
def source_list(request: HttpRequest):
    context = {"sources": list_sources(), "can_manage": can_manage_listening(request.user)}
    return render(request, "listening/sources.html", context)


@role_required(Role.MANAGER)
@require_GET
def source_kinds(request: HttpRequest):
    return render(request, "listening/source_kinds.html", {"connectors": all_connectors()})


def _forms(request, connector, source=None):
    data = request.POST if request.method == "POST" else None
    # Bound forms validate on a blank instance: the service compares old and new values.
    form = SourceForm(data, instance=None if data else source, prefix="source")
    config = connector.config_form(data, initial=source.config if source else None, prefix="config")
    return form, config


def _hook_url(request, source, secret: str) -> str:
    return request.build_absolute_uri(reverse("listening:hook", args=[source.pk, secret]))


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def source_create(request: HttpRequest, kind: str):
    connector = _connector(kind)
    form, config = _forms(request, connector)
    if request.method == "POST" and form.is_valid() and config.is_valid():
        source = services.create_source(
            actor=request.user, kind=kind, config=config.cleaned_data, **form.cleaned_data
        )
        if kind == "webhook":
            secret = services.rotate_secret(source, actor=request.user)
            return _detail(request, source, hook_url=_hook_url(request, source, secret))
        messages.success(request, _("Source “%(name)s” created.") % {"name": source.name})
        return redirect("listening:source_detail", source.pk)
    context = {"form": form, "config": config, "connector": connector}
    return render(request, "listening/source_form.html", context)


def _detail(request, source, *, form=None, config=None, status=200, **extra):
    connector = _connector(source.kind)
    if form is None:
        form, config = (
            SourceForm(instance=source, prefix="source"),
            connector.config_form(initial=source.config, prefix="config"),
        )
    context = {
        "source": source,
        "connector": connector,
        "form": form,
        "config": config,
        "can_manage": can_manage_listening(request.user),
        "upload": UploadForm(),
        **extra,
    }
    return render(request, "listening/source_detail.html", context, status=status)


@role_required(Role.MODERATOR)
@require_http_methods(["GET", "POST"])
def source_detail(request: HttpRequest, source_id: int):
    source = get_source_for_user(request.user, source_id)
    if request.method == "GET":
        return _detail(request, source)
    check(can_manage_listening(request.user))
    form, config = _forms(request, _connector(source.kind), source)
    if not (form.is_valid() and config.is_valid()):
        return _detail(request, source, form=form, config=config, status=400)
    services.update_source(
        source, actor=request.user, config=config.cleaned_data, **form.cleaned_data
    )
    messages.success(request, _("Source saved."))
    return redirect("listening:source_detail", source.pk)


@role_required(Role.MANAGER)
@require_POST
def source_run(request: HttpRequest, source_id: int):
    source = get_source_for_user(request.user, source_id)
    outcome = services.run_source(source, actor=request.user)
    if outcome.ok:
        messages.success(
            request,
            _("Fetched %(n)s items, %(new)s new.") % {"n": outcome.fetched, "new": outcome.created},
        )
    else:
        messages.error(request, _("The source failed: %(error)s") % {"error": outcome.error})
    if request.htmx:
        source.refresh_from_db()
        return render(request, "listening/_health.html", {"source": source})
    return redirect("listening:source_detail", source.pk)


@role_required(Role.MANAGER)
@require_POST
def source_delete(request: HttpRequest, source_id: int):
    source = get_source_for_user(request.user, source_id)
    services.delete_source(source, actor=request.user)
    messages.success(request, _("Source deleted; its mentions are kept."))
    return redirect("listening:sources")


@role_required(Role.MANAGER)
@require_POST
def source_import(request: HttpRequest, source_id: int):
    source = get_source_for_user(request.user, source_id)
    upload = UploadForm(request.POST, request.FILES)
    if source.kind != "import" or not upload.is_valid():
        return _detail(request, source, upload=upload, status=400)
    try:
        report = imports.import_file(
            source,
            upload.cleaned_data["file"].read(),
            upload.cleaned_data["file"].name,
            actor=request.user,
        )
    except ValueError as exc:
        upload.add_error("file", str(exc))
        return _detail(request, source, upload=upload, status=400)
    messages.success(
        request,
        _("%(n)s new mentions, %(d)s already known, %(e)s rows refused.")
        % {"n": report.created, "d": report.duplicates, "e": len(report.errors)},
    )
    for error in report.errors[:MAX_SHOWN_ERRORS]:
        messages.warning(request, _("Line %(line)s: %(message)s") % error.__dict__)
    return redirect("listening:source_detail", source.pk)


@role_required(Role.MANAGER)
@require_POST
def source_secret(request: HttpRequest, source_id: int):
    source = get_source_for_user(request.user, source_id)
    if source.kind != "webhook":
        raise Http404
    secret = services.rotate_secret(source, actor=request.user)
    return _detail(request, source, hook_url=_hook_url(request, source, secret))
