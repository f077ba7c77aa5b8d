"""Sign-up, email verification, login (rate-limited), password change and reset."""

import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.http import urlencode, urlsafe_base64_decode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from belvedere.accounts import services
from belvedere.accounts.forms import ChangePasswordForm, LoginForm, ResendForm, SignupForm
from belvedere.core import ratelimit

LOGIN_WINDOW = 15 * 60
RESEND_LIMIT, RESEND_WINDOW = 3, 3600


def _email_key(email: str) -> str:
    """A short cache key for an address (the cache never holds the address itself)."""
    return hashlib.sha256(email.encode()).hexdigest()[:32] if email else ""


def _login_limited(ip: str, email_key: str) -> bool:
    limit = settings.LOGIN_RATE_LIMIT
    if ratelimit.is_limited("login", ip, limit=limit, window=LOGIN_WINDOW):
        return True
    return bool(email_key) and ratelimit.is_limited(
        "login-email", email_key, limit=limit, window=LOGIN_WINDOW
    )


@require_http_methods(["GET", "POST"])
def login(request: HttpRequest):
    ip = ratelimit.client_ip(request)
    email = request.POST.get("username", "").strip().lower()[:254]
    email_key = _email_key(email)
    if request.method == "POST" and _login_limited(ip, email_key):
        messages.error(request, _("Too many failed attempts. Wait 15 minutes and try again."))
        return render(request, "accounts/login.html", {"form": LoginForm(request)}, status=429)
    response = auth_views.LoginView.as_view(
        template_name="accounts/login.html",
        authentication_form=LoginForm,
        redirect_authenticated_user=True,
    )(request)
    if request.method == "POST" and response.status_code == 200:  # the form was refused
        ratelimit.hit("login", ip, window=LOGIN_WINDOW)
        if email_key:
            ratelimit.hit("login-email", email_key, window=LOGIN_WINDOW)
        form = response.context_data["form"]
        if form.has_error(NON_FIELD_ERRORS, "unverified"):
            query = urlencode({"email": email})
            response.context_data["resend_url"] = f"{reverse('accounts:resend')}?{query}"
    return response


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest):
    if request.user.is_authenticated:
        return redirect("core:home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.register_member(
                email=form.cleaned_data["email"],
                display_name=form.cleaned_data["display_name"],
                password=form.cleaned_data["password1"],
                language=get_language() or "",
                terms_versions=form.accepted_terms(),
            )
        except ValidationError as refusal:  # screening refused the display name
            form.add_error(None, refusal)
        else:
            email = form.cleaned_data["email"]
            return render(request, "accounts/signup_done.html", {"email": email})
    return render(request, "accounts/signup.html", {"form": form})


@require_http_methods(["GET"])
def verify_email(request: HttpRequest, uidb64: str, token: str):
    User = get_user_model()
    try:
        user = User.objects.get(pk=int(force_str(urlsafe_base64_decode(uidb64))))
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        return render(request, "accounts/verify_failed.html", status=400)
    services.confirm_email(user)
    messages.success(request, _("Your email address is confirmed. You can log in."))
    return redirect("accounts:login")


@require_http_methods(["GET", "POST"])
def resend_verification(request: HttpRequest):
    form = ResendForm(request.POST or None, initial={"email": request.GET.get("email", "")})
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        hits = max(
            ratelimit.hit("resend", ratelimit.client_ip(request), window=RESEND_WINDOW),
            ratelimit.hit("resend-email", _email_key(email), window=RESEND_WINDOW),
        )
        if hits > RESEND_LIMIT:
            messages.error(request, _("Too many requests. Wait an hour and try again."))
            return render(request, "accounts/resend.html", {"form": form}, status=429)
        services.resend_verification(email)
        return render(request, "accounts/signup_done.html", {"email": email, "resent": True})
    return render(request, "accounts/resend.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def change_password(request: HttpRequest):
    form = ChangePasswordForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        update_session_auth_hash(request, form.user)
        messages.success(request, _("Your password is changed."))
        return redirect("accounts:profile")
    return render(request, "accounts/password_change.html", {"form": form})
