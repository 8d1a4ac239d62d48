"""Which addresses a request may reach: the SSRF guard.

Only http(s). URLs from untrusted content (article links, every redirect
target) may not reach loopback, private, link-local, metadata, multicast or
unspecified addresses, except hosts the source allows (`allow_private`). The
operator-configured feed URL is trusted, except for link-local/metadata,
unspecified and multicast addresses, which nothing may reach. The check runs on
the URL (IP literals in every spelling: decimal, hex, octal, short, IPv6,
mapped, 6to4, Teredo, NAT64) and again at connection time on the resolved
addresses (DNS names, rebinding), before any packet is sent.
"""

from __future__ import annotations

import asyncio
import contextvars
import ipaddress
import re
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpcore
import httpx

from .errors import FetchError

METADATA_ADDRESSES = {
    ipaddress.ip_address("169.254.169.254"),
    ipaddress.ip_address("fd00:ec2::254"),
    ipaddress.ip_address("100.100.100.200"),
}
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


@dataclass(frozen=True)
class Scope:
    """Which addresses one request hop may reach."""

    trusted: bool = False  # operator-configured URL: private addresses allowed
    private_hosts: frozenset[str] = frozenset()  # host names whose private addresses are allowed

    def allows_private(self, host: str) -> bool:
        return self.trusted or host.lower().rstrip(".") in self.private_hosts


CURRENT_SCOPE: contextvars.ContextVar[Scope | None] = contextvars.ContextVar(
    "wirehouse_fetch_scope", default=None
)


def _embedded_v4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip.sixtofour:
        return ip.sixtofour
    if ip.teredo:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if int(ip) >> 32 == 0 and int(ip) > 1:  # deprecated IPv4-compatible ::a.b.c.d
        return ipaddress.IPv4Address(int(ip))
    return None


def address_problem(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """What kind of non-public address this is, or None for a public one."""
    if ip.version == 6 and (v4 := _embedded_v4(ip)) is not None:
        return address_problem(v4)
    if ip in METADATA_ADDRESSES or ip.is_link_local:
        return "link-local/metadata"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_multicast:
        return "multicast"
    if ip.is_loopback:
        return "loopback"
    if ip.is_private or ip.is_reserved or not ip.is_global:
        return "private"
    return None


ALWAYS_REFUSED = {"link-local/metadata", "unspecified", "multicast"}


def _loose_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """IPv4 in every spelling resolvers accept (WHATWG URL rules): 2130706433, 0x7f.1, 0177.0.0.1, 127.1."""
    parts = host.split(".")
    if parts and parts[-1] == "" and len(parts) > 1:
        parts.pop()
    if not parts or not re.fullmatch(r"(0[xX][0-9a-fA-F]*|[0-9]+)", parts[-1]):
        return None  # a domain name
    if len(parts) > 4:
        raise FetchError(f"refused invalid IPv4 host {host!r}")
    nums = []
    for p in parts:
        try:
            if p[:2].lower() == "0x":
                nums.append(int(p[2:] or "0", 16))
            elif len(p) > 1 and p.startswith("0"):
                nums.append(int(p, 8))
            else:
                nums.append(int(p, 10))
        except ValueError:
            raise FetchError(f"refused invalid IPv4 host {host!r}") from None
    if any(n > 255 for n in nums[:-1]) or nums[-1] >= 256 ** (5 - len(nums)):
        raise FetchError(f"refused invalid IPv4 host {host!r}")
    value = nums[-1]
    for i, n in enumerate(nums[:-1]):
        value += n << (8 * (3 - i))
    return ipaddress.IPv4Address(value)


def literal_ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host names literally (IPv6, mapped, IPv4 in any spelling), or None for a name."""
    h = host.strip("[]")
    try:
        return ipaddress.ip_address(h)
    except ValueError:
        pass
    if "%" in h:  # zone-scoped IPv6: fe80::1%eth0
        try:
            return ipaddress.ip_address(h.split("%", 1)[0])
        except ValueError:
            pass
    return _loose_ipv4(h)


def _judge(ip, host: str, scope: Scope) -> None:
    problem = address_problem(ip)
    if problem is None:
        return
    if problem in ALWAYS_REFUSED or not scope.allows_private(host):
        raise FetchError(f"refused {problem} address {ip} (host {host})")


def check_url(url: str, scope: Scope | None = None) -> None:
    """Refuse non-http(s) URLs and IP-literal hosts the scope does not allow (no DNS here)."""
    scope = scope or Scope()
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError on a malformed port
    except ValueError as exc:
        raise FetchError(f"refused malformed URL: {exc}") from None
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"refused scheme {parts.scheme or '(none)'!r}: only http and https")
    host = parts.hostname
    if not host:
        raise FetchError("refused URL without a host")
    ip = literal_ip(host)
    if ip is not None:
        _judge(ip, host, scope)
    elif host.rstrip(".") == "localhost" or host.rstrip(".").endswith(".localhost"):
        _judge(ipaddress.ip_address("127.0.0.1"), host, scope)


def _judged_address(host: str, infos: list | None) -> str:
    """The address to connect to for host, judged against the current Scope.

    `infos` is getaddrinfo's answer for a host name (None for an IP literal). Every
    resolved address is judged, so a mixed answer is refused as a whole.
    """
    scope = CURRENT_SCOPE.get() or Scope()
    ip = literal_ip(host)
    if ip is None:
        addresses = [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos or ()]
        if not addresses:
            raise httpcore.ConnectError(f"cannot resolve {host}")
        for a in addresses:
            _judge(a, host, scope)
        ip = addresses[0]
    else:
        _judge(ip, host, scope)
    return str(ip)


class _GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves host names itself and connects only to addresses the current Scope allows.

    This is the check that cannot be fooled by DNS (a name resolving to 10.x, or
    rebinding between a check and the connect): the address judged is the
    address connected to.
    """

    def __init__(self) -> None:
        from httpcore._backends.auto import AutoBackend

        self._inner = AutoBackend()

    async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        infos = None
        if literal_ip(host) is None:
            try:
                infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except OSError as exc:
                raise httpcore.ConnectError(f"cannot resolve {host}: {exc.strerror or exc}") from None
        return await self._inner.connect_tcp(
            _judged_address(host, infos),
            port,
            timeout=timeout,
            local_address=local_address,
            socket_options=socket_options,
        )

    async def connect_unix_socket(self, *args, **kwargs):
        raise FetchError("refused unix socket")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def guarded_transport(max_connections: int) -> httpx.AsyncHTTPTransport:
    """An httpx transport whose every TCP connection goes through the address check."""
    limits = httpx.Limits(max_connections=max_connections)
    transport = httpx.AsyncHTTPTransport(limits=limits, trust_env=False)
    old = transport._pool
    # httpx has no public knob for the network backend; httpcore's pool has one.
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=old._ssl_context,
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=_GuardedBackend(),
    )
    return transport


class _GuardedSyncBackend(httpcore.NetworkBackend):
    """The blocking twin of _GuardedBackend, for streams read from synchronous code (archive files)."""

    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        infos = None
        if literal_ip(host) is None:
            try:
                infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except OSError as exc:
                raise httpcore.ConnectError(f"cannot resolve {host}: {exc.strerror or exc}") from None
        return self._inner.connect_tcp(
            _judged_address(host, infos),
            port,
            timeout=timeout,
            local_address=local_address,
            socket_options=socket_options,
        )

    def connect_unix_socket(self, *args, **kwargs):
        raise FetchError("refused unix socket")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def guarded_sync_transport(max_connections: int) -> httpx.HTTPTransport:
    """guarded_transport for a blocking httpx.Client: every TCP connection goes through the address check."""
    limits = httpx.Limits(max_connections=max_connections)
    transport = httpx.HTTPTransport(limits=limits, trust_env=False)
    old = transport._pool
    transport._pool = httpcore.ConnectionPool(
        ssl_context=old._ssl_context,
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=_GuardedSyncBackend(),
    )
    return transport
