"""The SSRF guard: every private, loopback, link-local, reserved or oddly spelled address is refused.

Nothing here leaves the machine. "Public" hosts are names given to a fake resolver, and the transport that
would connect to them either records the request without connecting or forwards it to the local server on
127.0.0.1 (which stands in for the public site).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzz_settings import fuzz_settings
from localserver import LocalServer, Route, article_html, serve
from storyline.errors import FetchError, UnsafeURLError
from storyline.ingest.netguard import Resolver, is_public, validate
from storyline.ingest.web import Fetcher, read_url
from storyline.model import Document, Skipped
from storyline.settings import Settings

PUBLIC_IP = "93.184.215.14"  # a global address, only ever handed to the forwarding transport below
PAGE = article_html(
    "Harbour dredging resumes",
    [
        "Dredging of the northern harbour channel resumed on Monday after a two-week pause caused by storms, "
        "the port operator said in a statement.",
        "The work is meant to let larger grain carriers dock by the end of the year, according to "
        "the operator, "
        "which expects traffic to grow by a fifth.",
    ],
)


def no_dns(host: str, port: int) -> list[str]:
    raise AssertionError(f"resolver must not be asked about {host!r}")


def fake_dns(table: dict[str, list[str]]) -> Resolver:
    def resolve(host: str, port: int) -> list[str]:
        return table[host]

    return resolve


def guarded(**fetch: object) -> Settings:
    base = {"fetch.politeness_seconds": 0.0, "fetch.retries": 0}
    return Settings().override({**base, **{f"fetch.{k}": v for k, v in fetch.items()}})


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    yield from serve()


class Recorder(httpx.BaseTransport):
    """Records every request it is asked to send; forwards PUBLIC_IP to the local server, refuses the rest."""

    def __init__(self, local_port: int | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self.local_port = local_port
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.host != PUBLIC_IP or self.local_port is None:
            return httpx.Response(599, text="the test transport never connects anywhere else")
        local = request.url.copy_with(scheme="http", host="127.0.0.1", port=self.local_port)
        forwarded = httpx.Request("GET", local, headers=request.headers, extensions=request.extensions)
        return self.inner.handle_request(forwarded)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/admin",
        "http://127.8.9.10/",
        "http://10.0.0.1/",
        "http://172.16.5.4/",
        "http://172.31.255.255/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://0/",
        "http://224.0.0.1/",
        "http://240.0.0.1/",
        "http://255.255.255.255/",
        "http://[::1]/",
        "http://[::]/",
        "http://[fe80::1]/",
        "http://[fc00::1]/",
        "http://[fd12:3456::1]/",
        "http://[ff02::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:7f00:1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://[64:ff9b::7f00:1]/",
        "http://[2002:7f00:1::]/",  # 6to4 wrapping 127.0.0.1
        "http://2130706433/",  # decimal 127.0.0.1
        "http://0x7f000001/",  # hex
        "http://0177.0.0.1/",  # octal
        "http://0x7f.1/",  # mixed short form
        "http://127.1/",
        "http://0xa.0.0.1/",  # 10.0.0.1
        "https://127.0.0.1:8443/",
    ],
)
def test_private_and_special_addresses_are_refused(url: str) -> None:
    with pytest.raises(UnsafeURLError, match="refused"):
        validate(url, resolver=no_dns)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "gopher://127.0.0.1:70/_stats",
        "ftp://ftp.example.org/pub/file.html",
        "dict://127.0.0.1:11211/stat",
        "javascript:alert(1)",
        "//example.org/no-scheme",
    ],
)
def test_schemes_other_than_http_are_refused(url: str) -> None:
    with pytest.raises(UnsafeURLError, match="unsupported scheme"):
        validate(url, allow_private=True, resolver=no_dns)


def test_credentials_in_url_are_refused() -> None:
    with pytest.raises(UnsafeURLError, match="credentials"):
        validate("http://user:pw@news.example/", resolver=fake_dns({"news.example": [PUBLIC_IP]}))


@pytest.mark.parametrize("url", ["http://8.8.8.8/", "http://[2001:4860:4860::8888]/", "https://1.1.1.1/x"])
def test_public_literals_pass_validation(url: str) -> None:
    target = validate(url, resolver=no_dns)
    assert target.ip in url


@pytest.mark.parametrize(
    "answers",
    [["127.0.0.1"], ["10.1.2.3"], ["::1"], ["169.254.169.254"], [PUBLIC_IP, "192.168.0.10"]],
    ids=["loopback", "private", "ipv6-loopback", "metadata", "mixed-answer"],
)
def test_hostname_resolving_to_private_space_is_refused(answers: list[str]) -> None:
    with pytest.raises(UnsafeURLError, match="refused"):
        validate("http://news.example/story", resolver=fake_dns({"news.example": answers}))


def test_allow_private_lifts_the_address_check_but_not_the_scheme_check() -> None:
    target = validate(
        "http://intranet.local/", allow_private=True, resolver=fake_dns({"intranet.local": ["10.0.0.7"]})
    )
    assert target.ip == "10.0.0.7"
    with pytest.raises(UnsafeURLError):
        validate("file:///etc/passwd", allow_private=True)


def test_unresolvable_host_is_a_fetch_error_not_a_crash() -> None:
    def failing(host: str, port: int) -> list[str]:
        raise OSError("Name or service not known")

    with pytest.raises(FetchError, match="cannot resolve"):
        validate("http://no-such-host.example/", resolver=failing)


def test_local_server_is_refused_without_allow_private(server: LocalServer) -> None:
    server.routes["/page"] = Route(PAGE)
    [item] = list(read_url(server.url("/page"), guarded()))
    assert isinstance(item, Skipped)
    assert "refused" in item.reason and "--allow-private" in item.reason
    assert server.requests == []  # refused before connecting


def test_hostname_resolving_to_loopback_is_refused_by_the_fetcher(server: LocalServer) -> None:
    server.routes["/page"] = Route(PAGE)
    dns = fake_dns({"evil.example": ["127.0.0.1"]})
    with Fetcher(guarded().fetch, resolver=dns) as fetcher:
        [item] = list(read_url(f"http://evil.example:{server.port}/page", guarded(), fetcher=fetcher))
    assert isinstance(item, Skipped) and "127.0.0.1" in item.reason
    assert server.requests == []


def test_with_allow_private_the_connection_goes_to_the_checked_address_with_the_hostname(
    server: LocalServer,
) -> None:
    server.routes["/page"] = Route(PAGE)
    config = guarded(allow_private=True)
    with Fetcher(config.fetch, resolver=fake_dns({"news.test": ["127.0.0.1"]})) as fetcher:
        [doc] = list(read_url(f"http://news.test:{server.port}/page", config, fetcher=fetcher))
    assert isinstance(doc, Document)
    assert server.requests[-1][1]["host"] == f"news.test:{server.port}"


def test_dns_rebinding_connects_to_the_address_that_was_checked(server: LocalServer) -> None:
    """The resolver answers public first and loopback afterwards: only the first answer is ever used."""
    server.routes["/page"] = Route(PAGE)
    answers = iter([[PUBLIC_IP], ["127.0.0.1"], ["127.0.0.1"]])
    calls: list[str] = []

    def rebinding(host: str, port: int) -> list[str]:
        calls.append(host)
        return next(answers)

    transport = Recorder(local_port=server.port)
    config = guarded(respect_robots=False)
    with Fetcher(config.fetch, resolver=rebinding, transport=transport) as fetcher:
        [doc] = list(read_url("http://rebind.example/page", config, fetcher=fetcher))
    assert isinstance(doc, Document)
    assert calls == ["rebind.example"]  # resolved once
    assert [r.url.host for r in transport.requests] == [PUBLIC_IP]
    assert transport.requests[0].headers["host"] == "rebind.example"


def test_https_keeps_the_hostname_for_sni_and_certificate_checks() -> None:
    transport = Recorder()
    config = guarded(respect_robots=False)
    dns = fake_dns({"news.example": [PUBLIC_IP]})
    with Fetcher(config.fetch, resolver=dns, transport=transport) as fetcher, pytest.raises(FetchError):
        fetcher.fetch("https://news.example/story")
    [request] = transport.requests
    assert (request.url.scheme, request.url.host) == ("https", PUBLIC_IP)
    assert request.headers["host"] == "news.example"
    assert request.extensions["sni_hostname"] == "news.example"


@pytest.mark.parametrize(
    "location",
    [
        "http://127.0.0.1/secret",
        "http://10.0.0.1/",
        "http://[::1]/",
        "http://2130706433/",
        "file:///etc/passwd",
        "http://inside.example/",
    ],
)
def test_public_page_redirecting_into_private_space_is_refused(server: LocalServer, location: str) -> None:
    server.routes["/start"] = Route(status=302, headers={"Location": location})
    transport = Recorder(local_port=server.port)
    dns = fake_dns({"public.example": [PUBLIC_IP], "inside.example": ["192.168.1.20"]})
    config = guarded(respect_robots=False)
    with Fetcher(config.fetch, resolver=dns, transport=transport) as fetcher:
        [item] = list(read_url("http://public.example/start", config, fetcher=fetcher))
    assert isinstance(item, Skipped)
    assert "refused" in item.reason or "unsupported scheme" in item.reason
    assert [r.url.host for r in transport.requests] == [PUBLIC_IP]  # the second hop never connected


@fuzz_settings(300)
@given(
    host=st.one_of(
        st.ip_addresses().map(lambda ip: f"[{ip}]" if ip.version == 6 else str(ip)),
        st.from_regex(
            r"(0x[0-9a-f]{1,8}|0[0-7]{1,11}|[0-9]{1,10})(\.(0x[0-9a-f]{1,2}|[0-9]{1,3})){0,3}", fullmatch=True
        ),
        st.text(max_size=30),
    ),
    scheme=st.sampled_from(["http", "https", "ftp", "file", "gopher", "HTTP", ""]),
)
def test_validate_either_refuses_or_returns_a_public_address(host: str, scheme: str) -> None:
    """Property: any URL is refused with our error, or allowed with a public IP to connect to."""
    url = f"{scheme}://{host}/x"
    try:
        target = validate(url, resolver=lambda h, p: [PUBLIC_IP])
    except FetchError:
        return
    assert target.scheme in ("http", "https")
    assert is_public(ipaddress.ip_address(target.ip))
