from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from belvedere.accounts import services
from belvedere.accounts import tokens as api_tokens
from belvedere.accounts.forms import LoginForm, ProfileForm, SignupForm, TokenForm
from belvedere.core import ratelimit

LOGIN_WINDOW = 15 * 60


def login(request: HttpRequest):
    ident = ratelimit.client_ip(request)
    limited = ratelimit.is_limited(
        "login", ident, limit=settings.LOGIN_RATE_LIMIT, window=LOGIN_WINDOW
    )
    if request.method == "POST" and limited:
        messages.error(request, _("Too many failed attempts. Wait 15 minutes and try again."))
        return render(request, "accounts/login.html", {"form": LoginForm(request)}, status=429)
    response = auth_views.LoginView.as_view(
        template_name="accounts/login.html",
        authentication_form=LoginForm,
        redirect_authenticated_user=True,
    )(request)
    if request.method == "POST" and response.status_code == 200:  # the form was refused
        ratelimit.hit("login", ident, window=LOGIN_WINDOW)
    return response


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest):
    if request.user.is_authenticated:
        return redirect("core:home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.register_member(
            email=form.cleaned_data["email"],
            display_name=form.cleaned_data["display_name"],
            password=form.cleaned_data["password1"],
            language=get_language() or "",
        )
        return render(request, "accounts/signup_done.html", {"email": form.cleaned_data["email"]})
    return render(request, "accounts/signup.html", {"form": form})


@require_http_methods(["GET"])
def verify_email(request: HttpRequest, uidb64: str, token: str):
    try:
        user = get_user_model().objects.get(pk=int(force_str(urlsafe_base64_decode(uidb64))))
    except (ValueError, TypeError, OverflowError, get_user_model().DoesNotExist):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        return render(request, "accounts/verify_failed.html", status=400)
    services.confirm_email(user)
    messages.success(request, _("Your email address is confirmed. You can log in."))
    return redirect("accounts:login")


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest):
    form = ProfileForm(request.POST or None, request.FILES or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = get_user_model().objects.get(pk=request.user.pk)
        services.update_profile(user, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Your profile is saved."))
        response = redirect("accounts:profile")
        if user.language:
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.language, samesite="Lax")
        return response
    return render(request, "accounts/profile.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest):
    form = TokenForm(request.POST or None)
    raw = None
    if request.method == "POST" and form.is_valid():
        _token, raw = api_tokens.create_token(request.user, name=form.cleaned_data["name"])
        form = TokenForm()
    items = request.user.api_tokens.all()
    return render(request, "accounts/tokens.html", {"form": form, "raw": raw, "items": items})


@login_required
@require_POST
def revoke_token(request: HttpRequest, token_id: int):
    token = get_object_or_404(request.user.api_tokens, pk=token_id)
    api_tokens.revoke_token(token, actor=request.user)
    messages.success(request, _("The token is revoked."))
    return redirect("accounts:tokens")
