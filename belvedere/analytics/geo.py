"""Country of an IP address, only when a GeoIP database is configured (BELVEDERE_GEOIP_DB).

Uses the optional ``maxminddb`` package (MaxMind or DB-IP ``.mmdb`` files); without it, or
without the file, countries are simply not counted. The IP address itself is never stored.
"""

import functools
import logging

from django.conf import settings

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def _reader(path: str):
    if not path:
        return None
    try:
        import maxminddb

        return maxminddb.open_database(path)
    except (ImportError, OSError, ValueError) as exc:
        log.warning("GeoIP database %s is not usable: %s", path, exc)
        return None


def country_of(ip: str) -> str:
    reader = _reader(str(getattr(settings, "ANALYTICS_GEOIP_DB", "") or ""))
    if reader is None or not ip:
        return ""
    try:
        record = reader.get(ip) or {}
    except ValueError:
        return ""
    country = record.get("country") or record.get("registered_country") or {}
    return str(country.get("iso_code", ""))[:2].upper()
