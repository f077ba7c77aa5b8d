from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordForm
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from belvedere.accounts import services
from belvedere.accounts.models import TIMEZONES, Role, User
from belvedere.core.login_gate import check_login
from belvedere.terms.queries import current_versions, list_required_documents

AVATAR_FORMATS = {"PNG", "JPEG", "GIF", "WEBP"}
AVATAR_MAX_PIXELS = 4096


def check_display_name(value: str, *, exclude_pk=None) -> str:
    value = " ".join(value.split())
    if len(value) < 2:
        raise forms.ValidationError(_("A display name needs at least 2 characters."))
    taken = User.objects.filter(display_name__iexact=value).exclude(pk=exclude_pk).exists()
    if taken:
        raise forms.ValidationError(_("This display name is already taken."))
    return value


class SignupForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    display_name = forms.CharField(label=_("Display name"), max_length=40)
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label=_("Password again"), widget=forms.PasswordInput, strip=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.terms_documents = list_required_documents()  # published terms must be accepted
        if self.terms_documents:
            links = format_html_join(
                ", ",
                '<a href="{}" target="_blank">{}</a>',
                ((reverse("terms:document", args=[d.slug]), d.title) for d in self.terms_documents),
            )
            self.fields["accept_terms"] = forms.BooleanField(
                label=_("I have read and I accept the terms of use"),
                help_text=format_html("{} {}", _("Read them:"), links),
            )

    def accepted_terms(self) -> list:
        """The versions the new member accepted (none when no document is published)."""
        return current_versions(self.terms_documents)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account already uses this email address."))
        return email

    def clean_display_name(self):
        return check_display_name(self.cleaned_data["display_name"])

    def clean(self):
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords differ."))
        elif p1:
            candidate = User(email=data.get("email", ""), display_name=data.get("display_name", ""))
            try:
                password_validation.validate_password(p1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("Email address"), widget=forms.EmailInput(attrs={"autofocus": True})
    )

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()  # addresses are stored lowercased

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if refusal := check_login(user):  # e.g. moderation refuses suspended members
            raise forms.ValidationError(refusal, code="login_refused")
        if not user.email_verified:
            raise forms.ValidationError(
                _("Please confirm your email address first: we sent you a link."),
                code="unverified",
            )


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        label=_("Time zone"), required=False, choices=[("", "—")] + [(tz, tz) for tz in TIMEZONES]
    )

    class Meta:
        model = User
        fields = ["display_name", "bio", "avatar", "language", "time_zone"]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 4}),
            "avatar": forms.ClearableFileInput(
                attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}
            ),
        }
        help_texts = {"avatar": _("PNG, JPEG, GIF or WebP, at most 1 MB and 4096 pixels a side.")}

    def clean_display_name(self):
        return check_display_name(self.cleaned_data["display_name"], exclude_pk=self.instance.pk)

    def clean_avatar(self):
        avatar = self.cleaned_data.get("avatar")
        if not avatar or not hasattr(avatar, "content_type"):
            return avatar  # unchanged or cleared
        if avatar.size > settings.AVATAR_MAX_BYTES:
            raise forms.ValidationError(
                _("The image is too large (at most %(size)d kB).")
                % {"size": settings.AVATAR_MAX_BYTES // 1024}
            )
        try:
            image = Image.open(avatar)
            image.verify()
        except (
            UnidentifiedImageError,
            Image.DecompressionBombError,
            OSError,
            SyntaxError,
            ValueError,
        ):
            raise forms.ValidationError(_("This file is not an image we can read."))
        if image.format not in AVATAR_FORMATS:
            raise forms.ValidationError(_("Use a PNG, JPEG, GIF or WebP image."))
        if max(image.size) > AVATAR_MAX_PIXELS:
            raise forms.ValidationError(_("The image is too large (at most 4096 pixels a side)."))
        avatar.seek(0)
        return avatar


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=80)


class ResendForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)


class EmailChangeForm(forms.Form):
    email = forms.EmailField(label=_("New email address"), max_length=254)
    password = forms.CharField(
        label=_("Your current password"), widget=forms.PasswordInput, strip=False
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email == self.user.email:
            raise forms.ValidationError(_("This is already your email address."))
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account already uses this email address."))
        return email

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your current password."))
        return password


class ResetPasswordForm(SetPasswordForm):
    """The password reset form, saving through the accounts service (so the ledger knows)."""

    def save(self, commit=True):
        services.change_password(
            self.user, self.cleaned_data["new_password1"], verb="member.reset_password"
        )
        return self.user


class MemberFilterForm(forms.Form):
    STATUSES = [
        ("", _("Any status")),
        ("active", _("Active")),
        ("inactive", _("Deactivated")),
        ("unverified", _("Email not confirmed")),
    ]
    q = forms.CharField(label=_("Search"), required=False, max_length=120)
    role = forms.ChoiceField(label=_("Role"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUSES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", _("Any role"))] + list(Role.choices)

    def filters(self) -> dict:
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        min_length=3,
        help_text=_("Kept in the audit log."),
        widget=forms.TextInput,
    )


class RoleForm(ReasonForm):
    role = forms.ChoiceField(label=_("New role"), choices=Role.choices)
    field_order = ["role", "reason"]


class EraseForm(forms.Form):
    password = forms.CharField(
        label=_("Your current password"), widget=forms.PasswordInput, strip=False
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and personal data will be erased for good.")
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your current password."))
        return password


class ChangePasswordForm(PasswordChangeForm):
    """Django's password change form, saving through the accounts service."""

    def save(self, commit=True):
        services.change_password(self.user, self.cleaned_data["new_password1"])
        return self.user


class ActiveForm(ReasonForm):
    """Deactivate (active=0) or reactivate (active=1) a member, with a reason."""

    active = forms.TypedChoiceField(
        choices=[("1", "1"), ("0", "0")],
        coerce=lambda value: value == "1",
        widget=forms.HiddenInput,
    )
