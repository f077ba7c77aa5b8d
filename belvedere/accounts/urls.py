from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from belvedere.accounts.forms import ResetPasswordForm
from belvedere.accounts.views import auth, members, profile, tokens

app_name = "accounts"
urlpatterns = [
    path("login/", auth.login, name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("signup/", auth.signup, name="signup"),
    path("verify/<uidb64>/<token>/", auth.verify_email, name="verify"),
    path("verify/resend/", auth.resend_verification, name="resend"),
    path("password/", auth.change_password, name="password_change"),
    path("profile/", profile.profile, name="profile"),
    path("profile/email/", profile.change_email, name="change_email"),
    path("profile/email/<str:token>/", profile.confirm_email_change, name="confirm_email_change"),
    path("profile/export/", profile.export_data, name="export"),
    path("profile/erase/", profile.erase_account, name="erase"),
    path("language/", profile.set_language, name="set_language"),
    path("tokens/", tokens.tokens, name="tokens"),
    path("tokens/<int:token_id>/revoke/", tokens.revoke_token, name="revoke_token"),
    path("members/", members.members, name="members"),
    path("members/<int:member_id>/", members.member_detail, name="member_detail"),
    path("members/<int:member_id>/role/", members.member_role, name="member_role"),
    path("members/<int:member_id>/active/", members.member_active, name="member_active"),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset.html",
            email_template_name="accounts/email/password_reset.txt",
            subject_template_name="accounts/email/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
            extra_email_context={"base_url": settings.BASE_URL},
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            form_class=ResetPasswordForm,
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
