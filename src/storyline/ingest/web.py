"""URLs → raw ``Document``s, fetched safely and politely.

:class:`Fetcher` is the one way storyline talks to the network. Every hop of a request — the first URL and
each redirect — is validated by :mod:`storyline.ingest.netguard` and the connection goes to the address that
was checked (the URL is rewritten to the IP; Host header and TLS SNI keep the hostname, so certificates are
still verified against it). Bodies are read as a stream and decompressed by us, a bounded slice at a time, so
``fetch.max_bytes`` caps the *decompressed* size and a gzip bomb is stopped before it inflates. robots.txt is
honoured (RFC 9309: missing → allowed, unreachable → disallowed) and each host gets a politeness delay.

Failures are ``FetchError`` (``TransientFetchError`` when trying later may help) or ``UnsafeURLError``;
:func:`read_url` turns them into ``Skipped`` records.
"""

from __future__ import annotations

import codecs
import dataclasses
import re
import time
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import brotli  # installed with httpx[brotli]
import httpx

from storyline.errors import FetchError
from storyline.ingest.files import decode
from storyline.ingest.html import document_from_html
from storyline.ingest.netguard import Resolver, Target, system_resolver, validate
from storyline.model import Document, Skipped
from storyline.settings import FetchSettings, Settings

HTML_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
HTML_TYPES = ("text/html", "application/xhtml+xml")
ACCEPT_ENCODING = "gzip, deflate, br"
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
RETRY_STATUSES = (429, 500, 502, 503, 504)
INFLATE_STEP = 65_536  # decompressed bytes produced per step, so a bomb never inflates more than this at once
ROBOTS_TTL_SECONDS = 86_400.0  # RFC 9309: a cached robots.txt should not be used for more than 24 hours
MAX_CRAWL_DELAY = 60.0  # seconds; a robots.txt Crawl-delay above this is capped rather than stalling a run
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml")
FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf", b"jsonfeed.org/version")
FEED_SNIFF_BYTES = 1024  # a feed's root element or JSON Feed version appears this early
CHARSET_SNIFF_BYTES = 4096  # where a <meta charset> must appear to count
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class TransientFetchError(FetchError):
    """A fetch that failed for a reason that may pass (timeout, network error, 5xx): worth trying later."""


class HTTPStatusError(FetchError):
    """The server answered with an error status (``transient`` for 5xx and 429, which may pass)."""

    def __init__(self, source: str, status: int, reason: str, *, transient: bool = False) -> None:
        super().__init__(source, reason)
        self.status = status
        self.transient = transient


def is_transient(error: FetchError) -> bool:
    """Whether trying the same URL later may succeed (timeouts, network errors, 5xx, 429)."""
    return isinstance(error, TransientFetchError) or getattr(error, "transient", False) is True


@dataclass(frozen=True)
class Fetched:
    """One successful response: where it finally came from and its (decompressed) body."""

    url: str  # the final URL, after redirects
    status: int  # 200…, or 304 when a conditional request found nothing new
    media_type: str  # "text/html", lower case, no parameters ("" when the server sent none)
    charset: str | None
    body: bytes
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class _Reply:
    status: int
    headers: httpx.Headers
    body: bytes


class Fetcher:
    """A safe, polite HTTP client: one per run, so robots.txt and politeness state are shared across URLs."""

    def __init__(
        self,
        settings: FetchSettings,
        *,
        resolver: Resolver = system_resolver,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.resolver = resolver
        self._clock, self._sleep = clock, sleep
        self._last_request: dict[str, float] = {}
        self._robots: OrderedDict[str, _Robots] = OrderedDict()
        self._client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(settings.timeout_seconds),
            follow_redirects=False,  # each hop is validated by us
            trust_env=False,  # a proxy would connect to the name, not the address we checked
            limits=httpx.Limits(max_keepalive_connections=0),  # no pooled TLS session reused for another name
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(
        self,
        url: str,
        *,
        accept: str = HTML_ACCEPT,
        headers: Mapping[str, str] | None = None,
        robots: bool = True,
    ) -> Fetched:
        """The response for ``url`` after following (and re-checking) redirects; raises ``FetchError``."""
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            target = validate(current, allow_private=self.settings.allow_private, resolver=self.resolver)
            if robots and self.settings.respect_robots:
                self._check_robots(target)
            reply = self._send_with_retries(target, {"Accept": accept, **(headers or {})})
            location = reply.headers.get("location")
            if reply.status in REDIRECT_STATUSES and location:
                current = _redirect_target(current, location)
                continue
            return _fetched(current, reply)
        raise FetchError(url, f"more than {self.settings.max_redirects} redirects (fetch.max_redirects)")

    def _send_with_retries(self, target: Target, headers: dict[str, str]) -> _Reply:
        """One request, retried with exponential backoff on timeouts, network errors and 5xx/429."""
        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                reply = self._send_once(target, headers)
            except httpx.TimeoutException as exc:
                if last:
                    raise TransientFetchError(target.url, f"timed out ({type(exc).__name__})") from exc
            except httpx.TransportError as exc:
                if last:
                    raise TransientFetchError(target.url, _network_reason(exc)) from exc
            else:
                if reply.status not in RETRY_STATUSES or last:
                    return reply
            self._sleep(self.settings.backoff_seconds * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def _send_once(self, target: Target, headers: dict[str, str]) -> _Reply:
        """Connect to the checked IP, name the host in Host/SNI, and read a bounded body."""
        self._wait_politely(target.host)
        try:
            request = self._client.build_request(
                "GET", _pinned_url(target), headers={**headers, "Host": _netloc(target)}
            )
        except (httpx.InvalidURL, ValueError) as exc:
            raise FetchError(target.url, f"malformed URL ({exc})") from exc
        if target.scheme == "https":
            request.extensions["sni_hostname"] = target.host
        started = self._clock()
        response = self._client.send(request, stream=True)
        try:
            status = response.status_code
            if status >= 300 and status != 304:
                return _Reply(status, response.headers, b"")
            body = self._read_body(target.url, response, started)
            return _Reply(status, response.headers, body)
        finally:
            response.close()
            self._last_request[target.host] = self._clock()

    def _read_body(self, url: str, response: httpx.Response, started: float) -> bytes:
        limit = self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and not response.headers.get("content-encoding") and int(declared) > limit:
            raise FetchError(url, f"response is {int(declared):,} bytes, over fetch.max_bytes ({limit:,})")
        inflater = Inflater(url, response.headers.get("content-encoding", ""), limit)
        chunks: list[bytes] = []
        for raw in response.iter_raw():
            chunks.extend(inflater.feed(raw))
            if self._clock() - started > self.settings.response_seconds:
                raise TransientFetchError(url, f"response took over {self.settings.response_seconds:g} s")
        return b"".join(chunks)

    def _wait_politely(self, host: str) -> None:
        delay = max(self.settings.politeness_seconds, self._crawl_delay(host))
        last = self._last_request.get(host)
        if last is not None:
            remaining = delay - (self._clock() - last)
            if remaining > 0:
                self._sleep(remaining)

    def _crawl_delay(self, host: str) -> float:
        robots = [r for key, r in self._robots.items() if urlsplit(key).hostname == host]
        return min(MAX_CRAWL_DELAY, max((r.crawl_delay for r in robots), default=0.0))

    def _check_robots(self, target: Target) -> None:
        key = f"{target.scheme}://{_netloc(target)}"
        robots = self._robots.get(key)
        if robots is None or self._clock() - robots.loaded_at > ROBOTS_TTL_SECONDS:
            robots = self._load_robots(target.url, key)
            self._robots[key] = robots
            while len(self._robots) > self.settings.robots_cache_size:
                self._robots.popitem(last=False)
        if not robots.allows(target.url):
            raise FetchError(target.url, f"disallowed by {key}/robots.txt ({robots.why})")

    def _load_robots(self, url: str, origin: str) -> _Robots:
        """robots.txt for one origin, fetched through this same guarded client (RFC 9309 semantics).

        Missing (4xx) means everything is allowed. Unreachable (5xx, 429, network) means nothing is: the page
        is refused with a ``TransientFetchError`` and the answer is not cached, so a later attempt asks again.
        """
        token = self.settings.user_agent.split("/", 1)[0].strip() or "*"
        try:
            fetched = self.fetch(f"{origin}/robots.txt", accept="text/plain", robots=False)
        except HTTPStatusError as exc:
            if 400 <= exc.status < 500 and exc.status != 429:
                return _Robots(token, None, "no robots.txt", self._clock())
            raise TransientFetchError(
                url, f"robots.txt answered {exc.status}: not fetched, retry later"
            ) from exc
        except FetchError as exc:
            raise TransientFetchError(url, f"robots.txt unreachable ({exc.reason}): not fetched") from exc
        parser = RobotFileParser()
        parser.parse(fetched.body.decode("utf-8", errors="replace").splitlines())
        return _Robots(token, parser, "rules for this path", self._clock())


@dataclass
class _Robots:
    token: str
    parser: RobotFileParser | None  # None: everything allowed
    why: str
    loaded_at: float  # Fetcher clock time; rules older than ROBOTS_TTL_SECONDS are fetched again

    def allows(self, url: str) -> bool:
        return self.parser is None or self.parser.can_fetch(self.token, url)

    @property
    def crawl_delay(self) -> float:
        delay = self.parser.crawl_delay(self.token) if self.parser is not None else None
        return float(delay) if delay else 0.0


class Inflater:
    """Content-Encoding undone a bounded step at a time; raises ``FetchError`` once past ``limit`` bytes."""

    def __init__(self, url: str, encoding: str, limit: int) -> None:
        self.url, self.limit, self.total = url, limit, 0
        encoding = encoding.strip().lower()
        if encoding in ("", "identity"):
            self._step: Callable[[bytes], Iterator[bytes]] = self._identity
        elif encoding in ("gzip", "x-gzip", "deflate"):
            wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS | 32
            self._zlib = zlib.decompressobj(wbits)
            self._step = self._inflate
        elif encoding == "br":
            self._brotli = brotli.Decompressor()
            self._step = self._unbrotli
        else:
            raise FetchError(url, f"unsupported Content-Encoding {encoding!r}")

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The decompressed pieces of ``data``, each at most ``INFLATE_STEP`` bytes."""
        try:
            for piece in self._step(data):
                self.total += len(piece)
                if self.total > self.limit:
                    raise FetchError(
                        self.url, f"body exceeds fetch.max_bytes ({self.limit:,} bytes decompressed)"
                    )
                yield piece
        except (zlib.error, brotli.error, ValueError) as exc:
            raise FetchError(self.url, f"corrupt compressed body ({exc})") from exc

    def _identity(self, data: bytes) -> Iterator[bytes]:
        yield data

    def _inflate(self, data: bytes) -> Iterator[bytes]:
        piece = self._zlib.decompress(data, INFLATE_STEP)
        yield piece
        while self._zlib.unconsumed_tail:
            yield self._zlib.decompress(self._zlib.unconsumed_tail, INFLATE_STEP)

    def _unbrotli(self, data: bytes) -> Iterator[bytes]:
        yield self._brotli.process(data, output_buffer_limit=INFLATE_STEP)
        while not self._brotli.can_accept_more_data():
            yield self._brotli.process(b"", output_buffer_limit=INFLATE_STEP)


def _redirect_target(current: str, location: str) -> str:
    try:
        return urljoin(current, location.strip())
    except ValueError as exc:
        raise FetchError(current, f"redirect to a malformed URL {location[:200]!r}") from exc


def _pinned_url(target: Target) -> httpx.URL:
    """The URL with its host replaced by the checked IP: the connection cannot go anywhere else."""
    return httpx.URL(target.url).copy_with(host=target.ip)


def _netloc(target: Target) -> str:
    default = {"http": 80, "https": 443}[target.scheme]
    host = f"[{target.host}]" if ":" in target.host else target.host
    return host if target.port == default else f"{host}:{target.port}"


def _network_reason(exc: httpx.TransportError) -> str:
    text = str(exc) or type(exc).__name__
    if "CERTIFICATE" in text.upper() or "SSL" in text.upper():
        return f"TLS error ({text})"
    return f"cannot connect ({text})"


def _fetched(url: str, reply: _Reply) -> Fetched:
    """A ``Fetched`` for a final (non-redirect) reply; error statuses become ``HTTPStatusError``."""
    if reply.status >= 400 or (300 <= reply.status < 400 and reply.status != 304):
        reason = f"HTTP {reply.status} {httpx.codes.get_reason_phrase(reply.status)}".strip()
        raise HTTPStatusError(url, reply.status, reason, transient=reply.status in RETRY_STATUSES)
    media_type, charset = _content_type(reply.headers.get("content-type", ""))
    return Fetched(
        url=url,
        status=reply.status,
        media_type=media_type,
        charset=charset,
        body=reply.body,
        etag=reply.headers.get("etag"),
        last_modified=reply.headers.get("last-modified"),
    )


def _content_type(header: str) -> tuple[str, str | None]:
    media_type, _, params = header.partition(";")
    match = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", params, re.IGNORECASE)
    return media_type.strip().lower(), match[1] if match else None


def html_text(fetched: Fetched) -> str | None:
    """The page as text: the header's charset, else ``<meta charset>``, else UTF-8 or a detected encoding."""
    for candidate in (fetched.charset, _meta_charset(fetched.body)):
        if candidate and _known_codec(candidate):
            return fetched.body.decode(candidate, errors="replace")
    return decode(fetched.body)


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:CHARSET_SNIFF_BYTES])
    return match[1].decode("ascii", errors="ignore") if match else None


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def is_html(fetched: Fetched) -> bool:
    """HTML by its Content-Type, or (when the server sent none) by how the body starts."""
    if fetched.media_type:
        return fetched.media_type in HTML_TYPES
    return fetched.body[:1000].lstrip().lower().startswith((b"<!doctype html", b"<html"))


def page_document(source: str, fetched: Fetched, settings: Settings) -> Document | Skipped:
    """A fetched HTML page as a ``Document`` (URL = canonical URL when the page declares one)."""
    if not is_html(fetched):
        return Skipped(source, "ingest", f"not an HTML page (Content-Type {fetched.media_type or 'missing'})")
    text = html_text(fetched)
    if text is None:
        return Skipped(source, "ingest", "cannot decode the page in any common encoding")
    document = document_from_html(source, text, settings.ingest, url=fetched.url)
    if isinstance(document, Skipped):
        return document
    outlet = document.outlet or urlsplit(fetched.url).hostname
    return dataclasses.replace(document, url=document.url or fetched.url, outlet=outlet)


def fetch_document(url: str, settings: Settings, fetcher: Fetcher) -> Document | Skipped:
    """One URL as a ``Document``, or a ``Skipped`` with the reason (status, size, safety, content type)."""
    try:
        fetched = fetcher.fetch(url)
    except FetchError as exc:
        return Skipped(url, "ingest", exc.reason)
    return _fetched_document(url, fetched, settings)


def _fetched_document(url: str, fetched: Fetched, settings: Settings) -> Document | Skipped:
    document = page_document(url, fetched, settings)
    if isinstance(document, Skipped):
        return document
    return dataclasses.replace(document, hints={**document.hints, "fetched_url": fetched.url})


def is_feed(fetched: Fetched) -> bool:
    """An RSS/Atom/JSON feed by its Content-Type, or generic XML/JSON whose body starts like one."""
    if fetched.media_type in FEED_TYPES:
        return True
    if fetched.media_type in ("application/xml", "text/xml", "application/json", ""):
        head = fetched.body[:FEED_SNIFF_BYTES].lower()
        return any(marker in head for marker in FEED_MARKERS)
    return False


def read_url(url: str, settings: Settings, *, fetcher: Fetcher | None = None) -> Iterator[Document | Skipped]:
    """The article at ``url`` (one ``Document`` or ``Skipped``), or every entry if ``url`` serves a feed.

    Share one ``fetcher`` across many URLs so robots.txt and the politeness delay apply across them.
    """
    own = fetcher is None
    active = fetcher or Fetcher(settings.fetch)
    try:
        try:
            fetched = active.fetch(url)
        except FetchError as exc:
            yield Skipped(url, "ingest", exc.reason)
            return
        if is_feed(fetched):
            from storyline.ingest.feeds import read_fetched_feed

            yield from read_fetched_feed(url, fetched, settings, active)
        else:
            yield _fetched_document(url, fetched, settings)
    finally:
        if own:
            active.close()
