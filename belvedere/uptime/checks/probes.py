"""The probes: one async function per kind of monitor. No ORM here: they get a `Target`.

Every network target is checked against the guarded client's address policy (SSRF), at
connect time: HTTP through the guarded async client, TCP and TLS by resolving the host with
`belvedere.net` and connecting to a checked address.
"""

import asyncio
import contextlib
import ssl
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography import x509

from belvedere.net import AddressPolicy, AsyncGuardedClient, FetchError
from belvedere.net.hosts import ip_literal
from belvedere.net.transport import checked_addresses

ERROR_CHARS = 200


@dataclass(frozen=True)
class Target:
    """What a probe needs to know about a monitor, copied out of the ORM row."""

    monitor_id: int
    kind: str
    due: datetime
    url: str = ""
    host: str = ""
    port: int = 0
    expected: tuple[tuple[int, int], ...] = ((200, 299),)
    keyword: str = ""
    keyword_mode: str = ""
    max_response_ms: int | None = None
    timeout: float = 10.0


@dataclass
class Outcome:
    ok: bool
    latency_ms: int | None = None
    status_code: int | None = None
    error: str = ""
    cert_expires_at: datetime | None = None

    def __post_init__(self):
        self.error = self.error[:ERROR_CHARS]


def parse_statuses(text: str) -> tuple[tuple[int, int], ...]:
    """``"200-299, 301"`` → ((200, 299), (301, 301)); ValueError with a reason if malformed."""
    ranges = []
    for part in (p.strip() for p in (text or "200-299").split(",")):
        if not part:
            continue
        low, _, high = part.partition("-")
        try:
            start, end = int(low), int(high or low)
        except ValueError:
            raise ValueError(f"{part!r} is not a status code or a range such as 200-299")
        if not 100 <= start <= end <= 599:
            raise ValueError(f"{part!r} is outside 100-599")
        ranges.append((start, end))
    if not ranges:
        raise ValueError("give at least one status code")
    return tuple(ranges)


def _elapsed_ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


async def probe_http(target: Target, client: AsyncGuardedClient) -> Outcome:
    started = time.monotonic()
    try:
        response = await asyncio.wait_for(client.get(target.url), target.timeout)
    except TimeoutError:
        return Outcome(False, _elapsed_ms(started), error=f"timed out after {target.timeout:g} s")
    except FetchError as exc:
        return Outcome(False, _elapsed_ms(started), error=str(exc))
    latency, code = _elapsed_ms(started), response.status_code
    if not any(low <= code <= high for low, high in target.expected):
        return Outcome(False, latency, code, f"unexpected status {code}")
    if target.keyword_mode and target.keyword:
        found = target.keyword in response.text
        if target.keyword_mode == "present" and not found:
            return Outcome(False, latency, code, f"keyword {target.keyword!r} not found")
        if target.keyword_mode == "absent" and found:
            return Outcome(False, latency, code, f"keyword {target.keyword!r} found")
    if target.max_response_ms and latency > target.max_response_ms:
        return Outcome(False, latency, code, f"slow: {latency} ms > {target.max_response_ms} ms")
    return Outcome(True, latency, code)


async def _open(target: Target, policy: AddressPolicy, tls: ssl.SSLContext | None = None):
    """Connect to the first checked address of the target; returns (reader, writer)."""
    addresses = await asyncio.to_thread(checked_addresses, policy, target.host, target.port)
    error: Exception | None = None
    for address in addresses:
        try:
            return await asyncio.open_connection(
                str(address),
                target.port,
                ssl=tls,
                server_hostname=(target.host if tls and not _is_ip(target.host) else None),
            )
        except OSError as exc:
            error = exc
    raise error or OSError("no address")


def _is_ip(host: str) -> bool:
    try:
        return ip_literal(host) is not None
    except ValueError:
        return True


async def probe_tcp(target: Target, policy: AddressPolicy) -> Outcome:
    started = time.monotonic()
    try:
        _reader, writer = await asyncio.wait_for(_open(target, policy), target.timeout)
    except TimeoutError:
        return Outcome(False, _elapsed_ms(started), error=f"timed out after {target.timeout:g} s")
    except (OSError, FetchError) as exc:
        return Outcome(False, _elapsed_ms(started), error=str(exc) or type(exc).__name__)
    latency = _elapsed_ms(started)
    writer.close()
    await _quietly(writer.wait_closed())
    return Outcome(True, latency)


def _insecure_context() -> ssl.SSLContext:
    """We read the certificate's dates whoever signed it; HTTPS monitors verify trust."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


async def probe_tls(target: Target, policy: AddressPolicy) -> Outcome:
    started = time.monotonic()
    try:
        opened = _open(target, policy, _insecure_context())
        _reader, writer = await asyncio.wait_for(opened, target.timeout)
    except TimeoutError:
        return Outcome(False, _elapsed_ms(started), error=f"timed out after {target.timeout:g} s")
    except (OSError, FetchError, ssl.SSLError) as exc:
        return Outcome(False, _elapsed_ms(started), error=str(exc) or type(exc).__name__)
    latency = _elapsed_ms(started)
    der = writer.get_extra_info("ssl_object").getpeercert(binary_form=True)
    writer.close()
    await _quietly(writer.wait_closed())
    if not der:
        return Outcome(False, latency, error="the server sent no certificate")
    not_after = x509.load_der_x509_certificate(der).not_valid_after_utc
    if not_after <= datetime.now(UTC):
        return Outcome(
            False, latency, error="the certificate has expired", cert_expires_at=not_after
        )
    return Outcome(True, latency, cert_expires_at=not_after)


async def _quietly(awaitable) -> None:
    with contextlib.suppress(OSError, TimeoutError, ssl.SSLError):
        await asyncio.wait_for(awaitable, 2)


async def probe(target: Target, client: AsyncGuardedClient, policy: AddressPolicy) -> Outcome:
    """Run the probe for `target`; never raises."""
    try:
        if target.kind == "http":
            return await probe_http(target, client)
        if target.kind == "tcp":
            return await probe_tcp(target, policy)
        if target.kind == "tls":
            return await probe_tls(target, policy)
        return Outcome(False, error=f"unknown kind {target.kind}")
    except Exception as exc:  # noqa: BLE001 - a probe must never take the loop down
        return Outcome(False, error=f"internal error: {type(exc).__name__}: {exc}")
