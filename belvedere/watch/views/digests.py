"""Weekly digests on the site, and the watch's settings (digest recipients, feed secret)."""

from datetime import date

from django.contrib import messages
from django.http import Http404, HttpRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from belvedere.accounts.decorators import role_required
from belvedere.accounts.models import Role
from belvedere.watch.forms import SettingsForm
from belvedere.watch.permissions import can_manage_watch
from belvedere.watch.queries import insights as queries
from belvedere.watch.services import digest as services
from belvedere.watch.services import settings as settings_services
from belvedere.watch.views import page_of


@role_required(Role.MODERATOR)
@require_GET
def digest_list(request: HttpRequest):
    context = {
        "page": page_of(request, queries.list_digests()),
        "can_manage": can_manage_watch(request.user),
    }
    return render(request, "watch/digests.html", context)


@role_required(Role.MODERATOR)
@require_GET
def digest_detail(request: HttpRequest, week: str):
    try:
        day = date.fromisoformat(week)
    except ValueError:
        raise Http404
    digest = queries.get_digest_for_user(request.user, day)
    return render(request, "watch/digest.html", {"digest": digest, "c": digest.content})


@role_required(Role.MANAGER)
@require_POST
def digest_build(request: HttpRequest):
    try:
        week = (
            date.fromisoformat(request.POST.get("week", "")) if request.POST.get("week") else None
        )
    except ValueError:
        messages.error(request, _("Enter a date as YYYY-MM-DD."))
        return redirect("watch:digests")
    digest = services.build_digest(week)
    if request.POST.get("send") == "1":
        delivery = services.send_digest(digest)
        for error in delivery.errors:
            messages.error(request, error)
    return redirect("watch:digest", digest.week.isoformat())


@role_required(Role.MANAGER)
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest):
    options = settings_services.get_settings()
    initial = {name: getattr(options, name) for name in settings_services.EDITABLE}
    form = SettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and request.POST.get("rotate") == "1":
        settings_services.rotate_feed_token(actor=request.user)
        messages.success(request, _("The feed has a new address; the old one stops working."))
        return redirect("watch:settings")
    if request.method == "POST" and form.is_valid():
        settings_services.update_settings(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Settings saved."))
        return redirect("watch:settings")
    context = {"form": form, "options": options}
    return render(request, "watch/settings.html", context, status=400 if form.is_bound else 200)
