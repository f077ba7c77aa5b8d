from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import HttpError, ValidationError
from ninja.pagination import PageNumberPagination, paginate

from belvedere.accounts import services, tokens
from belvedere.accounts.forms import ProfileForm
from belvedere.accounts.models import User
from belvedere.accounts.permissions import (
    can_change_role,
    can_list_members,
    can_set_active,
)
from belvedere.accounts.queries import list_members
from belvedere.accounts.schemas import (
    MemberAdminOut,
    MemberAdminPatch,
    MemberFilters,
    MemberOut,
    MemberPatch,
    TokenCreated,
    TokenIn,
    TokenOut,
)

router = Router()


def _forbid_unless(allowed: bool) -> None:
    if not allowed:
        raise HttpError(403, _("You do not have permission to do this."))


def _form_errors(form) -> ValidationError:
    return ValidationError(
        [
            {"loc": ["body", "payload", field], "msg": str(message), "type": "value_error"}
            for field, messages in form.errors.items()
            for message in messages
        ]
    )


@router.get("/me", response=MemberOut, summary="The current member")
def me(request):
    return request.auth


@router.patch("/me", response=MemberOut, summary="Update the current member's profile")
def update_me(request, payload: MemberPatch):
    user = User.objects.get(pk=request.auth.pk)
    data = {name: getattr(user, name) for name in ("display_name", "bio", "language", "time_zone")}
    data.update(payload.dict(exclude_unset=True))
    form = ProfileForm(data=data, instance=user)
    form.fields.pop("avatar")
    if not form.is_valid():
        raise _form_errors(form)
    user.refresh_from_db()
    try:
        services.update_profile(user, actor=user, **form.cleaned_data)
    except DjangoValidationError as refusal:  # screening refused what the member wrote
        form.add_error(None, refusal)
        raise _form_errors(form)
    return user


@router.get("/me/tokens", response=list[TokenOut], summary="My API tokens")
def list_tokens(request):
    return list(request.auth.api_tokens.all())


@router.post("/me/tokens", response={201: TokenCreated}, summary="Create an API token")
def create_token(request, payload: TokenIn):
    if not tokens.may_create_token(request.auth):
        raise HttpError(429, _("You created many tokens lately. Wait an hour."))
    token, raw = tokens.create_token(request.auth, name=payload.name)
    return Status(201, {**TokenOut.from_orm(token).dict(), "token": raw})


@router.delete("/me/tokens/{token_id}", response={204: None}, summary="Revoke an API token")
def revoke_token(request, token_id: int):
    token = get_object_or_404(request.auth.api_tokens, pk=token_id)
    tokens.revoke_token(token, actor=request.auth)
    return Status(204, None)


@router.get("/members", response=list[MemberAdminOut], summary="Members (managers and admins)")
@paginate(PageNumberPagination, page_size=50)
def members(request, filters: Query[MemberFilters]):
    _forbid_unless(can_list_members(request.auth))
    return list_members(**{k: v for k, v in filters.dict().items() if v})


@router.patch("/members/{member_id}", response=MemberAdminOut, summary="Change a role (admins)")
def update_member(request, member_id: int, payload: MemberAdminPatch):
    _forbid_unless(can_list_members(request.auth))
    member = get_object_or_404(User, pk=member_id)
    if payload.role is None and payload.is_active is None:
        raise ValidationError(
            [{"loc": ["body", "payload"], "msg": _("Give a role or is_active."), "type": "missing"}]
        )
    _forbid_unless(payload.role is None or can_change_role(request.auth, member))
    _forbid_unless(payload.is_active is None or can_set_active(request.auth, member))
    if payload.role is not None:
        services.set_role(member, payload.role, actor=request.auth, reason=payload.reason)
    if payload.is_active is not None:
        services.set_active(member, payload.is_active, actor=request.auth, reason=payload.reason)
    return member
