"""``sources.toml``: the feeds and sites a user follows, by name, with optional outlet labels.

```toml
[feeds.tass]                       # a feed: every entry becomes a document
url = "https://tass.com/rss/v2.xml"
outlet = "TASS"                    # optional: overrides the outlet found in the feed or page

[sites.azernews]                   # a site: the pages listed are fetched one by one
urls = ["https://www.azernews.az/nation/1.html", "https://www.azernews.az/nation/2.html"]
outlet = "Azernews"
```

Parsing validates everything up front and names the table and field at fault, so a typo fails before any
network traffic. :func:`read_sources` then yields documents with the outlet labels applied.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from storyline.errors import SettingsError
from storyline.ingest.feeds import SeenEntries, read_feed_url
from storyline.ingest.web import Fetcher, fetch_document
from storyline.model import Document, Skipped
from storyline.settings import Settings

SourceKind = Literal["feed", "page"]
TABLES: dict[str, SourceKind] = {"feeds": "feed", "sites": "page"}
FIELDS = {"feeds": {"url", "outlet"}, "sites": {"url", "urls", "outlet"}}


@dataclass(frozen=True)
class SourceSpec:
    """One thing to read: a feed URL or a page URL, under a name, with an optional outlet label."""

    name: str
    kind: SourceKind
    url: str
    outlet: str | None = None

    @property
    def location(self) -> str:
        """The source string ``storyline ingest`` takes (feed URLs are recognised when fetched)."""
        return self.url


def load_source_list(path: str | Path) -> list[SourceSpec]:
    """The sources a ``sources.toml`` file names; raises ``SettingsError`` naming the file and the fix."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read the sources list ({exc})") from exc
    return parse_source_list(text, origin=str(path))


read_source_list = load_source_list  # the name the CLI uses


def parse_source_list(text: str, *, origin: str = "sources.toml") -> list[SourceSpec]:
    """Source specs from TOML text, in file order (feeds first, then sites)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{origin}: not valid TOML ({exc})") from exc
    stray = sorted(set(data) - set(TABLES))
    if stray:
        raise SettingsError(f"{origin}: unknown table(s) {stray}; use [feeds.NAME] or [sites.NAME]")
    specs: list[SourceSpec] = []
    for table, kind in TABLES.items():
        entries = data.get(table, {})
        if not isinstance(entries, dict):
            raise SettingsError(f"{origin}: [{table}] must hold named tables such as [{table}.reuters]")
        for name, entry in entries.items():
            specs.extend(_specs(origin, table, kind, name, entry))
    return specs


def _specs(origin: str, table: str, kind: SourceKind, name: str, entry: Any) -> list[SourceSpec]:
    where = f"{origin}: [{table}.{name}]"
    if not isinstance(entry, dict):
        raise SettingsError(f"{where} must be a table with a 'url'")
    unknown = sorted(set(entry) - FIELDS[table])
    if unknown:
        raise SettingsError(f"{where}: unknown field(s) {unknown}; allowed: {sorted(FIELDS[table])}")
    outlet = entry.get("outlet")
    if outlet is not None and not (isinstance(outlet, str) and outlet.strip()):
        raise SettingsError(f"{where}: 'outlet' must be a non-empty string")
    urls = _urls(where, entry)
    return [SourceSpec(name, kind, url, outlet.strip() if outlet else None) for url in urls]


def _urls(where: str, entry: dict[str, Any]) -> list[str]:
    urls = ([entry["url"]] if "url" in entry else []) + list(entry.get("urls", []))
    if not urls:
        raise SettingsError(f'{where} needs a url, e.g. url = "https://example.org/rss"')
    for url in urls:
        if not isinstance(url, str) or not url.lower().startswith(("http://", "https://")):
            raise SettingsError(f"{where}: {url!r} is not an http(s) URL")
    return [url.strip() for url in urls]


def read_sources(
    specs: Sequence[SourceSpec],
    settings: Settings,
    *,
    fetcher: Fetcher | None = None,
    seen: SeenEntries | None = None,
) -> Iterator[Document | Skipped]:
    """Documents from every spec, through one shared fetcher (robots.txt and politeness per host)."""
    own = fetcher is None
    active = fetcher or Fetcher(settings.fetch)
    try:
        for spec in specs:
            if spec.kind == "feed":
                yield from read_feed_url(spec.url, settings, seen=seen, fetcher=active, outlet=spec.outlet)
            else:
                yield _labelled(fetch_document(spec.url, settings, active), spec.outlet)
    finally:
        if own:
            active.close()


def _labelled(item: Document | Skipped, outlet: str | None) -> Document | Skipped:
    if isinstance(item, Skipped) or outlet is None:
        return item
    return dataclasses.replace(item, outlet=outlet)
