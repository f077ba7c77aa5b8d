"""The demo-data registry: every app adds its own demo data; `belvedere demo` builds it once.

An app adds a `demo.py` module that calls `register()` at import time (the registry imports
every app's `demo` module, as the admin does with `admin.py`)::

    from belvedere.core import demo

    def build() -> str:
        ...  # create rows; return a short summary such as "12 topics"

    demo.register("forum", build, order=40)

Builders run in `order`, each in its own transaction, and each only once per database: the
names of the builders already run are kept in `DATA_DIR/demo-built.json`, so a feature added
later gets its demo data on the next `belvedere demo` without the rest being duplicated.
"""

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

DEMO_PASSWORD = "belvedere-demo"  # noqa: S105 (the documented demo password)
DEMO_LOGINS = [
    ("admin@belvedere.example", "administrator"),
    ("manager@belvedere.example", "community manager"),
    ("moderator@belvedere.example", "moderator"),
    ("member@belvedere.example", "member"),
]
MARKER_NAME = "demo-built.json"


@dataclass(frozen=True)
class Builder:
    name: str
    build: Callable[[], str | None]
    order: int


_registry: dict[str, Builder] = {}


def register(name: str, build: Callable[[], str | None], order: int = 100) -> None:
    """Add (or replace) the demo builder called `name`; lower `order` runs first."""
    _registry[name] = Builder(name=name, build=build, order=order)


def builders() -> list[Builder]:
    autodiscover_modules("demo")
    return sorted(_registry.values(), key=lambda builder: (builder.order, builder.name))


def marker_path() -> Path:
    return Path(settings.DATA_DIR) / MARKER_NAME


def database_key() -> str:
    db = connection.settings_dict
    return "|".join(str(db.get(part) or "") for part in ("ENGINE", "HOST", "PORT", "NAME"))


def _read_marker() -> dict[str, dict[str, str]]:
    try:
        return json.loads(marker_path().read_text())
    except (FileNotFoundError, ValueError):
        return {}


def built_names() -> set[str]:
    """Builders already run on this database (none if its demo admin is gone: a new database)."""
    admin_email = DEMO_LOGINS[0][0]
    if not get_user_model().objects.filter(email=admin_email).exists():
        return set()
    return set(_read_marker().get(database_key(), {}))


def mark_built(name: str) -> None:
    marker = _read_marker()
    marker.setdefault(database_key(), {})[name] = timezone.now().isoformat()
    path = marker_path()
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps(marker, indent=2, sort_keys=True))
    temporary.replace(path)


def build_demo(write: Callable[[str], None] = print) -> list[str]:
    """Run the builders not yet run on this database; returns their names."""
    done = built_names()
    ran = []
    for builder in builders():
        if builder.name in done:
            write(f"  {builder.name}: already built")
            continue
        with transaction.atomic():
            summary = builder.build()
        mark_built(builder.name)
        ran.append(builder.name)
        write(f"  {builder.name}: {summary or 'built'}")
    return ran


def logins_text() -> str:
    width = max(len(email) for email, _ in DEMO_LOGINS)
    lines = [f"Demo logins (password for all: {DEMO_PASSWORD})"]
    lines += [f"  {email.ljust(width)}  {role}" for email, role in DEMO_LOGINS]
    return "\n".join(lines)
