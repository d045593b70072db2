"""Which addresses the fetcher may reach: the SSRF guard.

A URL is checked in three steps: its scheme (http/https only), its host (an IP written in any notation —
decimal ``2130706433``, octal ``0177.0.0.1``, hex ``0x7f.1`` — is read the way the C resolver would read it),
and every address the host resolves to. Only a URL whose addresses are all public is allowed, and the caller
connects to the very address that was checked (:class:`Target`), so a resolver that answers "public" to the
check and "private" to the connection (DNS rebinding) cannot steer the request inward.

``allow_private=True`` lifts the address checks (not the scheme check) for intranets and tests.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from storyline.errors import FetchError, UnsafeURLError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]  # (host, port) -> IP address strings

ALLOWED_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}

# Ranges refused on top of what ``ipaddress`` calls non-global, listed so the policy reads in one place.
BLOCKED_NETWORKS = tuple(
    ipaddress.ip_network(net)
    for net in (
        "0.0.0.0/8",  # "this network"; 0.0.0.0 reaches the local host on Linux
        "10.0.0.0/8",
        "100.64.0.0/10",  # carrier-grade NAT
        "127.0.0.0/8",
        "169.254.0.0/16",  # link-local, including cloud metadata at 169.254.169.254
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.168.0.0/16",
        "198.18.0.0/15",  # benchmarking
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, and 255.255.255.255
        "::/128",
        "::1/128",
        "64:ff9b::/96",  # NAT64: embeds an IPv4 address the gateway will reach
        "fc00::/7",  # unique local
        "fe80::/10",  # link-local
        "fec0::/10",  # deprecated site-local
        "ff00::/8",  # multicast
    )
)


@dataclass(frozen=True)
class Target:
    """A checked URL: where to connect (``ip``) and what to call the server (``host``, for Host and SNI)."""

    url: str
    scheme: str
    host: str
    port: int
    ip: str


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host`` (TCP), in its order; raises ``OSError``."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def ip_literal(host: str) -> IPAddress | None:
    """The address ``host`` spells as an IP literal in any notation inet_aton accepts, or ``None``."""
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        pass
    parts = host.rstrip(".").split(".")
    if not 1 <= len(parts) <= 4:
        return None
    numbers = [_c_integer(part) for part in parts]
    if any(n is None for n in numbers):
        return None
    return _ipv4_from_parts([n for n in numbers if n is not None])


def _c_integer(text: str) -> int | None:
    """A number written the C way: ``0x1f`` hex, ``017`` octal, else decimal."""
    try:
        if text.lower().startswith("0x"):
            return int(text[2:] or "0", 16)
        if len(text) > 1 and text.startswith("0"):
            return int(text[1:], 8)
        return int(text, 10) if text.isdigit() else None
    except ValueError:
        return None


def _ipv4_from_parts(numbers: list[int]) -> IPAddress | None:
    """inet_aton's rule: the last part fills all the bytes the earlier parts did not."""
    head, last = numbers[:-1], numbers[-1]
    if any(n > 255 for n in head) or last >= 256 ** (4 - len(head)):
        return None
    value = 0
    for n in head:
        value = value * 256 + n
    return ipaddress.IPv4Address(value * 256 ** (4 - len(head)) + last)


def embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped ``::ffff:a.b.c.d``, compatible, 6to4, Teredo)."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if int(ip) >> 32 == 0 and int(ip) > 1:  # deprecated IPv4-compatible ::a.b.c.d
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_public(ip: IPAddress) -> bool:
    """True only for globally routable unicast addresses (and IPv6 forms of them)."""
    inner = embedded_ipv4(ip)
    if inner is not None and not is_public(inner):
        return False
    if any(ip.version == net.version and ip in net for net in BLOCKED_NETWORKS):
        return False
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_loopback or ip.is_link_local)


def check_scheme(url: str) -> str:
    """The URL's scheme if storyline fetches it (http, https); anything else is refused."""
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError as exc:  # "Invalid IPv6 URL" and friends
        raise UnsafeURLError(url, f"malformed URL ({exc})") from exc
    if scheme not in ALLOWED_SCHEMES:
        raise UnsafeURLError(
            url, f"unsupported scheme {scheme or '(none)'!r}: only http and https are fetched"
        )
    return scheme


def check_address(url: str, ip: IPAddress) -> None:
    """Refuse ``ip`` unless it is public; the message names the range so the user knows what to pass."""
    if not is_public(ip):
        raise UnsafeURLError(
            url, f"refused: {ip} is a private, loopback, link-local or reserved address (use --allow-private)"
        )


def validate(url: str, *, allow_private: bool = False, resolver: Resolver = system_resolver) -> Target:
    """Check ``url`` and resolve it once; the returned ``Target.ip`` is the address to connect to."""
    scheme = check_scheme(url)
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port or DEFAULT_PORTS[scheme]
    except ValueError as exc:
        raise UnsafeURLError(url, f"malformed URL ({exc})") from exc
    if not host:
        raise UnsafeURLError(url, "the URL has no host")
    if parts.username is not None or parts.password is not None:
        raise UnsafeURLError(url, "URLs with credentials (user@host) are not fetched")
    literal = ip_literal(host)
    addresses = [literal] if literal is not None else _resolve(url, host, port, resolver)
    if not allow_private:
        for ip in addresses:
            check_address(url, ip)
    return Target(url=url, scheme=scheme, host=host, port=port, ip=str(addresses[0]))


def _resolve(url: str, host: str, port: int, resolver: Resolver) -> list[IPAddress]:
    """Every address of ``host``; all of them are checked, so a mixed answer cannot slip a private one in."""
    try:
        answers = resolver(host, port)
    except (OSError, UnicodeError, ValueError) as exc:
        raise FetchError(url, f"cannot resolve host {host!r} ({exc})") from exc
    addresses = []
    for answer in answers:
        try:
            addresses.append(ipaddress.ip_address(str(answer).split("%", 1)[0]))
        except ValueError as exc:
            raise UnsafeURLError(url, f"resolver gave a non-address {answer!r} for {host!r}") from exc
    if not addresses:
        raise UnsafeURLError(url, f"host {host!r} has no address")
    return addresses
