"""The personal API tokens page: create (shown once), list, revoke."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from belvedere.accounts import tokens as api_tokens
from belvedere.accounts.forms import TokenForm


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest):
    form = TokenForm(request.POST or None)
    raw, status = None, 200
    if request.method == "POST" and form.is_valid():
        if api_tokens.may_create_token(request.user):
            _token, raw = api_tokens.create_token(request.user, name=form.cleaned_data["name"])
            form = TokenForm()
        else:
            messages.error(request, _("You created many tokens lately. Wait an hour."))
            status = 429
    items = request.user.api_tokens.all()
    context = {"form": form, "raw": raw, "items": items}
    response = render(request, "accounts/tokens.html", context, status=status)
    response["Cache-Control"] = "no-store"  # the new token must not stay in a cache
    return response


@login_required
@require_POST
def revoke_token(request: HttpRequest, token_id: int):
    token = get_object_or_404(request.user.api_tokens, pk=token_id)
    api_tokens.revoke_token(token, actor=request.user)
    messages.success(request, _("The token is revoked."))
    return redirect("accounts:tokens")
