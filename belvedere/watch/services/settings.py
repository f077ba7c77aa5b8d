"""The watch's settings row: created on first use; feed token rotation; digest recipients."""

import secrets

from django.db import transaction

from belvedere.activity.services import record
from belvedere.watch.models import WatchSettings

EDITABLE = ("digest_to_team", "digest_emails", "digest_apprise_urls")


def get_settings() -> WatchSettings:
    options = WatchSettings.objects.order_by("pk").first()
    if options is None:
        options = WatchSettings.objects.create(feed_token=secrets.token_urlsafe(24))
    return options


@transaction.atomic
def update_settings(*, actor, **changes) -> WatchSettings:
    options = get_settings()
    changed = [n for n, v in changes.items() if n in EDITABLE and getattr(options, n) != v]
    for name in changed:
        setattr(options, name, changes[name])
    if changed:
        options.save(update_fields=changed)
    record(actor, "watch.settings_updated", options, staff=True, fields=sorted(changed))
    return options


@transaction.atomic
def rotate_feed_token(*, actor) -> str:
    options = get_settings()
    options.feed_token = secrets.token_urlsafe(24)
    options.save(update_fields=["feed_token"])
    record(actor, "watch.feed_rotated", options, staff=True)
    return options.feed_token
