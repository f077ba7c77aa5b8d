from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.errors import ValidationError

from belvedere.accounts import services, tokens
from belvedere.accounts.forms import ProfileForm
from belvedere.accounts.models import User
from belvedere.accounts.schemas import MemberOut, MemberPatch, TokenCreated, TokenIn, TokenOut

router = Router()


@router.get("/me", response=MemberOut, summary="The current member")
def me(request):
    return request.auth if isinstance(request.auth, User) else request.user


@router.patch("/me", response=MemberOut, summary="Update the current member's profile")
def update_me(request, payload: MemberPatch):
    user = User.objects.get(pk=request.user.pk)
    changes = payload.dict(exclude_unset=True)
    data = {name: getattr(user, name) for name in ("display_name", "bio", "language", "time_zone")}
    data.update(changes)
    form = ProfileForm(data=data, instance=user)
    form.fields.pop("avatar")
    if not form.is_valid():
        raise ValidationError(
            [
                {"loc": ["body", "payload", field], "msg": str(message)}
                for field, messages in form.errors.items()
                for message in messages
            ]
        )
    services.update_profile(user, actor=request.user, **form.cleaned_data)
    return user


@router.get("/me/tokens", response=list[TokenOut], summary="My API tokens")
def list_tokens(request):
    return list(request.user.api_tokens.all())


@router.post("/me/tokens", response={201: TokenCreated}, summary="Create an API token")
def create_token(request, payload: TokenIn):
    token, raw = tokens.create_token(request.user, name=payload.name)
    return 201, {**TokenOut.from_orm(token).dict(), "token": raw}


@router.delete("/me/tokens/{token_id}", response={204: None}, summary="Revoke an API token")
def revoke_token(request, token_id: int):
    token = get_object_or_404(request.user.api_tokens, pk=token_id)
    tokens.revoke_token(token, actor=request.user)
    return 204, None
