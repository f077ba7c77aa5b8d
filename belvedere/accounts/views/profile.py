"""A member's own account: profile, email, language, data export and erasure."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.i18n import set_language as django_set_language

from belvedere.accounts import services
from belvedere.accounts.forms import EmailChangeForm, EraseForm, ProfileForm
from belvedere.accounts.permissions import can_erase_self
from belvedere.accounts.queries import export_member_data


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest):
    waiting = {"bio": request.user.pending_bio} if request.user.pending_bio else None
    form = ProfileForm(
        request.POST or None, request.FILES or None, instance=request.user, initial=waiting
    )
    if request.method == "POST" and form.is_valid():
        user = get_user_model().objects.get(pk=request.user.pk)  # the form changed request.user
        try:  # screening may refuse what the member wrote: the form keeps it
            services.update_profile(user, actor=user, **form.cleaned_data)
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            return _saved(request, user)
    if form.is_bound:
        request.user.refresh_from_db()  # undo what the refused form set on it
    return render(request, "accounts/profile.html", {"form": form})


def _saved(request: HttpRequest, user):
    if user.pending_bio and user.profile_screening.get("action") == "hold":
        messages.warning(request, _("Your profile is saved; your new bio waits for review."))
    else:
        messages.success(request, _("Your profile is saved."))
    response = redirect("accounts:profile")
    if user.language:
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.language, samesite="Lax")
    return response


@login_required
@require_http_methods(["GET", "POST"])
def change_email(request: HttpRequest):
    form = EmailChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.request_email_change(request.user, form.cleaned_data["email"])
        messages.success(
            request, _("We sent a confirmation link to your new address. Open it to switch.")
        )
        return redirect("accounts:profile")
    return render(request, "accounts/email_change.html", {"form": form})


@require_GET
def confirm_email_change(request: HttpRequest, token: str):
    try:
        services.confirm_email_change(token)
    except services.InvalidLink:
        return render(request, "accounts/verify_failed.html", status=400)
    messages.success(request, _("Your new email address is saved."))
    return redirect("accounts:profile" if request.user.is_authenticated else "accounts:login")


@require_POST
def set_language(request: HttpRequest):
    """Django's language switch, which also saves a signed-in member's choice."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    codes = {code for code, _name in settings.LANGUAGES}
    if request.user.is_authenticated and language in codes and check_for_language(language):
        user = get_user_model().objects.get(pk=request.user.pk)
        services.update_profile(user, actor=user, language=language)
    return response


@login_required
@require_GET
def export_data(request: HttpRequest):
    response = JsonResponse(
        export_member_data(request.user), json_dumps_params={"indent": 2, "ensure_ascii": False}
    )
    response["Content-Disposition"] = 'attachment; filename="belvedere-my-data.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def erase_account(request: HttpRequest):
    if not can_erase_self(request.user):
        raise PermissionDenied(_("Name another administrator before you erase your account."))
    form = EraseForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.erase_member(user, actor=user)
        messages.success(request, _("Your account and personal data are erased. Goodbye."))
        return redirect("core:home")
    return render(request, "accounts/erase.html", {"form": form})
