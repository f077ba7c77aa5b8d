"""The registry of moderatable content, as `django.contrib.admin` keeps one of models.

Moderation never names the apps whose content it moderates: each app registers its models
from a `moderation.py` module (autodiscovered in `ModerationConfig.ready()`, as the admin
does with `admin.py`) with an adapter that tells how to preview the content and how to act
on it through the app's own services::

    registry.register(Post, ContentAdapter(label=_("Forum post"), preview=..., hide=...))
    registry.register(Topic, adapter, resolve=lambda topic: topic.posts.get(number=1))

`resolve` maps a model onto the registered content it stands for (a topic onto its first
post), so ledger entries about either reach the same queue item.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models


@dataclass(frozen=True)
class ContentState:
    """What screening decided and what happened to a piece of content since."""

    held: bool = False
    flagged: bool = False
    hidden: bool = False
    deleted: bool = False
    reasons: tuple[str, ...] = ()
    clause: str = ""


Action = Callable[..., bool]


@dataclass(frozen=True)
class ContentAdapter:
    """How moderation sees and acts on one kind of content.

    Every action is `fn(obj, *, actor, reason) -> bool` (False: nothing changed); `edit` is
    `fn(obj, *, actor, text, reason)`. An action left as None is not offered."""

    label: str
    preview: Callable[[models.Model], str]
    author: Callable[[models.Model], object]
    url: Callable[[models.Model], str]
    state: Callable[[models.Model], ContentState] = lambda obj: ContentState()
    preview_html: Callable[[models.Model], str] | None = None
    hide: Action | None = None
    restore: Action | None = None
    delete: Action | None = None
    approve: Action | None = None
    reject: Action | None = None
    edit: Callable[..., object] | None = None
    text: Callable[[models.Model], str] | None = None  # the editable text
    kinds: tuple[str, ...] = ()  # screening kinds of its texts ("forum.post", "forum.title")
    flood_kinds: tuple[str, ...] = ()  # kinds that count for flood and duplicate checks
    queue_verbs: frozenset[str] = field(default_factory=frozenset)  # ledger verbs to re-check
    # Ledger verbs of staff acting outside the queue (e.g. approving from the forum page), with
    # the resolution they mean: the open queue item is closed with it.
    decision_verbs: dict[str, str] = field(default_factory=dict)
    select_related: tuple[str, ...] = ()

    def can(self, action: str) -> bool:
        return getattr(self, action, None) is not None


@dataclass(frozen=True)
class Registration:
    model: type[models.Model]
    adapter: ContentAdapter
    resolve: Callable[[models.Model], models.Model | None] | None = None


_registry: dict[str, Registration] = {}


def register(model, adapter: ContentAdapter, *, resolve=None) -> None:
    """Make `model` moderatable (idempotent: a second call replaces the first)."""
    _registry[model._meta.label_lower] = Registration(model, adapter, resolve)


def unregister(model) -> None:
    _registry.pop(model._meta.label_lower, None)


def is_registered(model_or_label) -> bool:
    return _label(model_or_label) in _registry


def get_registration(model_or_label) -> Registration | None:
    return _registry.get(_label(model_or_label))


def get_adapter(model_or_label) -> ContentAdapter | None:
    registration = get_registration(model_or_label)
    return registration.adapter if registration else None


def registrations() -> list[Registration]:
    return list(_registry.values())


def flood_kinds() -> set[str]:
    return {kind for reg in _registry.values() for kind in reg.adapter.flood_kinds}


def _label(model_or_label) -> str:
    if isinstance(model_or_label, str):
        return model_or_label.lower()
    return model_or_label._meta.label_lower


def get_object(label: str, object_id: str):
    """The registered object `label`/`object_id`, resolved; None when missing or unknown."""
    registration = get_registration(label)
    if registration is None or not str(object_id).isdigit():
        return None
    manager = registration.model._default_manager
    obj = manager.filter(pk=int(object_id)).first()
    if obj is not None and registration.resolve is not None:
        obj = registration.resolve(obj)
    return obj


def content_key(obj) -> tuple[ContentType, str]:
    return ContentType.objects.get_for_model(obj), str(obj.pk)


def load(content_type: ContentType, object_id: str):
    """The content a queue item or flag points to (None once gone)."""
    registration = get_registration(f"{content_type.app_label}.{content_type.model}")
    if registration is None or not str(object_id).isdigit():
        return None
    queryset = registration.model._default_manager.all()
    if registration.adapter.select_related:
        queryset = queryset.select_related(*registration.adapter.select_related)
    return queryset.filter(pk=int(object_id)).first()
