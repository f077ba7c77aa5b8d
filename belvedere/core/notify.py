"""Notifications: one plain-text message to email addresses and apprise URLs.

    from belvedere.core.notify import notify
    delivery = notify("API is down", "Since 10:02 UTC…", emails=["ops@example.com"],
                      apprise_urls=["mmosts://chat.example/hook-token"])
    delivery.ok, delivery.errors

apprise makes its own HTTP requests, so the self-hosted kinds of URL (json://, mmost://,
ntfy://…), whose host a person typed, are checked against the guarded client's address
policy (private addresses, the admins' allow-list) before anything is sent, both when the
URL is entered (`check_apprise_url` as a form validator) and when the message goes out.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.utils.translation import gettext as _

from belvedere.core.http import check_user_url

log = logging.getLogger(__name__)

# apprise kinds whose host is any server a person names (the others talk to fixed services).
HOST_SCHEMES = {
    "json", "xml", "form", "mmost", "rocket", "gotify", "ntfy", "apprise", "matrix",
    "ncloud", "nctalk", "mastodon", "toot", "misskey", "rsyslog", "mailto", "signal",
    "bark", "opsgenie", "kodi", "xbmc", "emby", "jellyfin", "growl", "dbus", "lametric",
    "synology", "homeassistant", "hassio", "zulip", "revolt", "mqtt", "pushjet",
}  # fmt: skip


@dataclass
class Delivery:
    sent: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.sent > 0 and not self.errors


def check_apprise_url(url: str) -> str:
    """The URL if apprise understands it and its host may be reached; else ValidationError."""
    import apprise

    url = (url or "").strip()
    if apprise.Apprise.instantiate(url) is None:
        raise ValidationError(
            _("%(url)s is not a notification URL that apprise understands.") % {"url": url[:80]},
            code="invalid_apprise_url",
        )
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme.endswith("s") and scheme[:-1] in HOST_SCHEMES:
        scheme = scheme[:-1]
    if scheme in HOST_SCHEMES:
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
        check_user_url(f"http://{host}{port}/")
    return url


def _send_emails(subject: str, body: str, emails: list[str], delivery: Delivery) -> None:
    try:
        send_mail(subject, body, None, emails)
        delivery.sent += len(emails)
    except Exception as exc:  # noqa: BLE001 - any mail failure is reported, not raised
        log.warning("Could not send %r by email: %s", subject, exc)
        delivery.errors.append(_("email: %(error)s") % {"error": exc})


def _send_apprise(subject: str, body: str, url: str, delivery: Delivery) -> None:
    import apprise

    try:
        check_apprise_url(url)
    except ValidationError as exc:
        delivery.errors.append(" ".join(exc.messages))
        return
    sender = apprise.Apprise()
    sender.add(url)
    if sender.notify(title=subject, body=body):
        delivery.sent += 1
    else:
        scheme = urlsplit(url).scheme
        delivery.errors.append(_("%(scheme)s:// notification failed") % {"scheme": scheme})


def notify(
    subject: str, body: str, *, emails: Iterable[str] = (), apprise_urls: Iterable[str] = ()
) -> Delivery:
    """Send `subject` and `body` to every address and URL; never raises, reports in Delivery."""
    delivery = Delivery()
    emails = [email for email in emails if email]
    if emails:
        _send_emails(subject, body, emails, delivery)
    for url in apprise_urls:
        if url:
            _send_apprise(subject, body, url, delivery)
    return delivery
