"""HTML → main text and metadata, with trafilatura (htmldate inside it finds the publication date).

Used for every HTML source: files, fetched pages and WARC records alike.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from configparser import ConfigParser
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from storyline.data import load_table
from storyline.ingest.document import make_document, parse_date
from storyline.ingest.local_dates import page_date
from storyline.ingest.metadata import person_name, person_names
from storyline.model import Document, Skipped
from storyline.settings import IngestSettings

if TYPE_CHECKING:
    from lxml.html import HtmlElement

MAX_TREE_SIZE = 500_000  # HTML elements; larger trees are pruned by trafilatura instead of processed whole
# block elements (and <br>) a page may have for trafilatura's fallback extractors to run on it: jusText's
# paragraph classification grows with the square of a run of short paragraphs (10,000 one-letter <h1> took
# 15 s, 50,000 took 277 s). The largest of the 373 evaluation pages but one has 2,265; the one above (9,459)
# extracts the same text without the fallbacks. See docs/RELIABILITY.md "Hostile HTML".
MAX_FALLBACK_BLOCKS = 3_000
TITLE_MAX_CHARS = 400  # a longer <title> is left as it is
SITE_SUFFIX_MAX_WORDS = 5  # " | BBC News": a site name in a title suffix is short
HOST_LABEL_MIN_CHARS = 3  # shorter host names ("ap") also prefix unrelated words: never matched
# "Headline - Site", "Headline | Site", "Headline ⋆ Site": the last separator and what follows it
_TITLE_SUFFIX = re.compile(r"^(?P<head>.+\S)[ \t]+[-|–—·•⋆][ \t]+(?P<site>[^|–—·•⋆]+)$")
# "Site | Headline": a first segment before a separator other than a hyphen ("Covid-19 - …" is a headline)
_TITLE_PREFIX = re.compile(r"^(?P<site>[^|–—·•⋆]+?)[ \t]+[|–—·•⋆][ \t]+(?P<head>.+)$")
_SEPARATORS = (":", "|", "-", "–", "—")  # set a label or a suffix off a headline ("Headline: …")
KICKER_TAGS = {"span", "small", "div"}  # elements a heading's kicker (overline) is set in
MAX_SITE_SEGMENTS = 3  # "Headline | Section | Site"
# an author page's link text in front of the name ("View all posts by Ann Lee", "Zeige alle Beiträge von …")
_POSTS_BY = re.compile(
    r"^(?:(?:view|see|show|zeige|voir|ver|mostrar)\s+)?(?:(?:all|alle|tous|todos|todas)\s+)?(?:(?:the|les|los|las)\s+)?"
    r"(?:posts|articles|stories|beiträge|artikel|entradas|publicaciones|notas)\s+(?:by|von|de|par|por)\s+",
    re.IGNORECASE,
)
_NAME_EDGES = "\"'“”‘’«»,;:|-–— \t"
BYLINE_MAX_CHARS = 80  # an element holding a byline alone is short


@functools.cache
def _credit_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An element's text opening with a word that credits the writer (``page_credits`` of boilerplate.toml, every
    language's), and a whole visible byline: that word, the name, and at most a reading time or date after a
    separator ("Von Max Muster", "Autor: Jan Nowak", "By Ann Lee | 3 min read"). A colon ends the name ("Autor
    Mark Newton:"); one with words after it marks a label, not a name ("By Region: North America")."""
    words = sorted(_every_language("page_credits"), key=len, reverse=True)
    credits = "(?:" + "|".join(map(re.escape, words)) + r")\b"
    opening = re.compile(r"^\s*" + credits, re.IGNORECASE)
    byline = re.compile(r"^" + credits + r":?\s+(?P<name>[^|·•,:]+?)\s*:?\s*(?:[|·•,].*)?$", re.IGNORECASE)
    return opening, byline


@functools.lru_cache(maxsize=1)
def _config() -> ConfigParser:
    """trafilatura's defaults with a bound on tree size (a hostile page can nest 10,000 levels deep)."""
    from trafilatura.settings import DEFAULT_CONFIG

    config = ConfigParser()
    config.read_dict({"DEFAULT": dict(DEFAULT_CONFIG["DEFAULT"])})
    config["DEFAULT"]["max_tree_size"] = str(MAX_TREE_SIZE)
    return config


def document_from_html(
    source: str, html: str | bytes, settings: IngestSettings, *, url: str | None = None
) -> Document | Skipped:
    """The page's main text as a ``Document``, or a ``Skipped`` saying why there is no article in it."""
    import trafilatura
    from trafilatura.metadata import extract_title
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
        if tree is not None:
            _drop_code_in_headings(tree)
        heading = _without_kicker(tree, extract_title(tree)) if tree is not None else None  # before pruning
        card_author = _card_author(tree) if tree is not None else None
        visible_author = _visible_byline(tree) if tree is not None else None
        extracted = trafilatura.bare_extraction(
            tree if tree is not None else html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            fast=tree is not None and _too_many_blocks(tree),
            config=_config(),
            date_extraction_params=_date_params(),
        )
    except (ValueError, TypeError, RecursionError, MemoryError, AssertionError) as exc:
        return Skipped(source, "ingest", f"HTML could not be parsed ({type(exc).__name__})")
    if extracted is None:
        return Skipped(source, "ingest", "no article text found in the HTML page")
    meta = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = str(meta.get("text") or "")
    if len(text.strip()) < settings.min_text_chars:
        return Skipped(source, "ingest", f"no article found: main text has {len(text.strip())} characters")
    hints = {"html_title": str(meta["title"])} if meta.get("title") else {}
    page_url = str(meta.get("url") or url or "") or None
    sitename = _clean(meta.get("sitename"))
    host = _clean(meta.get("hostname")) or (urlsplit(page_url).hostname if page_url else None)
    title = _headline(_clean(meta.get("title")), _clean(heading), sitename, host)
    return make_document(
        source,
        text,
        url=page_url,
        title=strip_site_suffix(title, sitename, host, page_url) if title else None,
        outlet=sitename or _clean(meta.get("hostname")),
        byline=_byline(_writer(_clean(meta.get("author")) or card_author, visible_author), sitename, host),
        published=_published(meta.get("date"), html, host),
        hints=hints,
    )


def _date_params() -> dict[str, object]:
    """htmldate's settings: trafilatura's own (the original date, not the last change; none in the future),
    searching the whole page, and a date in the URL only where the page has none: a path's "/2022/05/02/" is
    often the day the story was filed, a timestamp in its metadata the day it was published."""
    return {
        "original_date": True,
        "extensive_search": True,
        "deferred_url_extractor": True,
        "max_date": dt.date.today().isoformat(),
    }


def _published(found: object, html: str | bytes, host: str | None) -> dt.date | None:
    """htmldate's date in the publisher's time (``local_dates.page_date``); the page's timestamps are ASCII,
    so any decoding that keeps ASCII finds them."""
    date = parse_date(found)
    if date is None:
        return None
    return page_date(html if isinstance(html, str) else html.decode("latin-1"), date, host)


def _too_many_blocks(tree: HtmlElement) -> bool:
    """Whether the page has more than ``MAX_FALLBACK_BLOCKS`` block elements, so that trafilatura is run in its
    ``fast`` mode (its own extractor only, without readability and jusText) to keep the cost linear. Counted
    are the elements jusText starts a paragraph at, and ``<br>`` (two in a row also do)."""
    from justext.core import PARAGRAPH_TAGS

    blocks = tree.iter(*PARAGRAPH_TAGS, "br")
    return next(itertools.islice(blocks, MAX_FALLBACK_BLOCKS, None), None) is not None


# The names of HTML's references to accented letters and spaces ("oacute", "uuml", "szlig", "nbsp")
_LETTER_REFERENCE = re.compile(
    r"[a-z]{1,2}(?:acute|grave|circ|tilde|uml|cedil|ring|slash|lig)|szlig|thorn|nbsp", re.I
)


def _writer(found: str | None, visible: str | None) -> str | None:
    """trafilatura's author, or the page's visible byline where trafilatura found none or found no person
    ("Bund der Energieverbraucher e V", a run-together "Annlee"): the name the reader sees under the headline
    is the writer, while metadata often credits the publisher or a site account."""
    parts = [part.strip() for part in found.split(";")] if found else []
    if any(_LETTER_REFERENCE.fullmatch(part) for part in parts):
        return visible  # "Redacci; Oacute; N …": an "&oacute;" escaped twice in the page, cut at its ";"
    if found and visible and not any(person_name(part) for part in parts):
        return visible
    return found or visible


def _visible_byline(tree: HtmlElement) -> str | None:
    """The writer a byline element names on its own, which trafilatura does not read when the page's markup
    does not call it an author: the first element of the body whose whole text is a credit word and a
    person's name ("Von Max Muster", "<span><b>Por</b> Ana Ruiz</span>", "Autor: Jan Nowak", "By Ann Lee | 3 min
    read"). Soft hyphens are dropped ("Mat\u00adthi\u00adas"); the name must read as a person's
    (``metadata.person_name``). Only an element whose own text opens with the credit word, or its parent, is
    read, so a page is walked once and no large container's text is joined.
    """
    from trafilatura.utils import trim

    opening, byline = _credit_patterns()
    body = tree.find(".//body")
    for element in body.iter() if body is not None else ():
        if not isinstance(element.tag, str) or not opening.match(element.text or ""):
            continue
        for candidate in (element, element.getparent()):
            text = _short_text(candidate) if candidate is not None else None
            match = byline.match(trim(text.replace("\u00ad", ""))) if text else None
            name = _credited_name(match["name"].strip(_NAME_EDGES)) if match else None
            if name:
                return name
    return None


def _credited_name(name: str) -> str | None:
    """``name`` when it reads as one or more people's (``metadata.person_names``: "Ann Lee and Ben Ott") and
    holds no capitalized word of ``page_credit_stops`` (boilerplate.toml): "By The Numbers" and "Text To Speech"
    are a page's parts."""
    stops = _every_language("page_credit_stops")
    if any(word[:1].isupper() and word.lower() in stops for word in name.split()):
        return None
    return person_names(name)


@functools.cache
def _every_language(key: str) -> frozenset[str]:
    """The words of every language under ``key`` of boilerplate.toml (``page_credits``, ``page_credit_stops``):
    a page's language is known only after its text is extracted, and its byline is read before."""
    table = (load_table("boilerplate.toml") or {}).get(key, {})
    return frozenset(word for words in table.values() for word in words)


def _short_text(element: HtmlElement) -> str | None:
    """The element's text with its children's, spaced, or None once it grows longer than a byline can be."""
    parts, size = [], 0
    for part in element.itertext():
        size += len(part)
        if size > BYLINE_MAX_CHARS * 2:  # room for the spaces and soft hyphens a short byline is set with
            return None
        parts.append(part)
    return " ".join(parts)


def _card_author(tree: HtmlElement) -> str | None:
    """The author an SEO plugin's Twitter card states, which trafilatura does not read.

    Yoast SEO (WordPress) writes the author and the reading time as two labelled values, in the site's language:
    ``twitter:label1`` "Written by" / "Verfasst von" with ``twitter:data1`` the name, ``twitter:label2`` with
    ``twitter:data2`` "5 minutes". The pair is read without a table of labels: the second value is a number of
    minutes, so the first is the author. A card with the reading time alone names no author. The name is
    normalized as trafilatura does a meta author's (handles, e-mail addresses and emoji out; "Ana Ruiz & Ben
    Ott" two names).
    """
    from trafilatura.json_metadata import normalize_authors

    values = {
        name: str(content).strip()
        for name, content in (
            (meta.get("name") or meta.get("property"), meta.get("content"))
            for meta in tree.iterfind(".//head/meta")
        )
        if name in {"twitter:data1", "twitter:data2", "twitter:label2"} and content
    }
    reading_time = values.get("twitter:data2", "")
    if "twitter:label2" not in values or not reading_time[:1].isdigit():
        return None
    author = values.get("twitter:data1")
    return normalize_authors(None, author) if author else None


def _drop_code_in_headings(tree: HtmlElement) -> None:
    """Removes scripts and styles inside ``<h1>`` elements, whose code the heading's text would otherwise carry
    into the title ("Harbour strike <script>track()</script>" → "Harbour strike track()"). Only there: the
    page's other scripts hold the JSON-LD metadata trafilatura reads, and its cleaning drops them from the text.
    Walked element by element: the XPath ``.//h1//script`` costs libxml2 more than linear time on a page of
    tens of thousands of ``<h1>`` (50,000: 5.5 s).
    """
    code = [element for h1 in tree.iter("h1") for element in h1.iter("script", "style", "noscript")]
    for element in code:
        if element.getparent() is not None:  # an <h1> inside an <h1> lists its code twice
            element.drop_tree()


def _without_kicker(tree: HtmlElement, heading: str | None) -> str | None:
    """The page's one ``<h1>`` without the kicker it opens with: ``<h1><span class="overline">Energy
    prices</span> Parliament passes the cap</h1>`` → "Parliament passes the cap".

    A kicker is a styled element of its own (a ``span``, ``small`` or ``div`` with a class) at the very start
    of the heading, shorter than the headline after it; an ``<em>``/``<strong>`` at the start is part of the
    headline ("*Titanic* sinks again") and stays.
    """
    from trafilatura.utils import trim

    headings = tree.findall(".//h1")
    # the heading trafilatura took is this <h1>'s text; compared without spaces, as it puts a space between
    # block elements ("<span>Strike</span><br>Docks shut" → "Strike Docks shut") that text_content() does not
    if (
        not heading
        or len(headings) != 1
        or "".join(headings[0].text_content().split()) != "".join(heading.split())
    ):
        return heading
    h1 = headings[0]
    first = next((child for child in h1 if isinstance(child.tag, str)), None)
    if first is None or (h1.text or "").strip() or first.tag not in KICKER_TAGS or not first.get("class"):
        return heading
    kicker = trim(first.text_content())
    rest = heading[len(kicker) :].lstrip(" \t:|–—-") if kicker and heading.startswith(kicker) else ""
    return rest if len(rest) > len(kicker) else heading


def _headline(
    meta_title: str | None, heading: str | None, sitename: str | None, host: str | None
) -> str | None:
    """The page's visible headline (its one ``<h1>``, a heading marked as the headline, else a part of
    ``<title>``) when it is about the same thing as the meta title, else the meta title.

    The meta title (``og:title`` first) is often written for search engines and shares ("Kind krank? Was
    Arbeitgeber jetzt wissen müssen") while the page shows its headline ("Kind krank: Was Arbeitgeber wissen
    müssen"), which is what a reader, and the web-page gold, calls the title. The heading is not the headline
    when it shares no word of four or more letters with the meta title (one inside the other counts:
    "Finanzierung" in "Autofinanzierung"): it is a page part ("Teilen", a dateline place); nor when it names
    the site, is cut short ("…"), or is the meta title with a label or suffix set off ("Headline: …",
    "… - Download"). In a script written without spaces (Chinese, Japanese) a whole run of characters is one
    "word", so there the heading is taken only when one title holds the other's run; else the meta title stays.
    """
    if not heading or len(heading) > TITLE_MAX_CHARS:
        return meta_title
    if not meta_title or len(meta_title) > TITLE_MAX_CHARS:
        return heading  # a meta title this long is no headline (and bounds the word comparison below)
    other = _words(meta_title)
    shares = any(a in b or b in a for a in _words(heading) for b in other)
    names_site = _names_site(heading, sitename, host)
    cut_short = heading.endswith(("...", "…"))
    before, found, after = heading.partition(meta_title)
    labelled = bool(found) and (
        before.rstrip().endswith(_SEPARATORS) or after.lstrip().startswith(_SEPARATORS)
    )
    return heading if shares and not (names_site or cut_short or labelled) else meta_title


def _words(text: str) -> set[str]:
    """Case-folded words of four or more letters."""
    return set(re.findall(r"\w{4,}", text.casefold()))


def strip_site_suffix(title: str, sitename: str | None, host: str | None, url: str | None = None) -> str:
    """The headline without the site's name around it: "Talks resume - The Selmar Herald" → "Talks resume".

    Cut are trailing segments naming the site (its ``sitename`` whole, or a short segment naming it or its host:
    "selmarherald.example" names "The Selmar Herald" and "Selmar Herald") or a section the page's URL is filed
    under ("… | Sport | Daily Planet" on /sport/…), and a leading segment naming the site ("Daily Planet | …").
    "Talks resume - envoy" stays whole.
    """
    if len(title) > TITLE_MAX_CHARS:
        return title  # not a headline; and the pattern's work grows with the square of the length
    sections = {_squash(part) for part in urlsplit(url).path.split("/")[:-1] if part} if url else set()
    for _ in range(MAX_SITE_SEGMENTS):
        if sitename and title.endswith(sitename) and (head := _before_separator(title[: -len(sitename)])):
            title = (
                head  # "Visit - Herz und Blut - Interior | Design": a site name with separators of its own
            )
            continue
        match = _TITLE_SUFFIX.match(title)
        if not match or not (
            _names_site(match["site"], sitename, host) or _squash(match["site"]) in sections
        ):
            break
        title = match["head"].strip()
    match = _TITLE_PREFIX.match(title)
    return match["head"].strip() if match and _names_site(match["site"], sitename, host) else title


def _names_site(segment: str, sitename: str | None, host: str | None) -> bool:
    """Whether a short title segment names the site: its ``sitename`` whole, or its host ("selmarherald.example"
    names "The Selmar Herald" and "Selmar Herald")."""
    if len(segment.split()) > SITE_SUFFIX_MAX_WORDS:
        return False
    squashed = _squash(segment)
    label = _host_label(host)
    return bool(sitename and squashed == _squash(sitename)) or bool(label and squashed.startswith(label))


def _before_separator(text: str) -> str | None:
    """``text`` without a trailing separator ("Talks resume —" → "Talks resume"), or None if it has none."""
    match = re.fullmatch(r"(?P<head>.*\S)[ \t]+[-|–—·•⋆][ \t]*", text)
    return match["head"] if match else None


def _byline(author: str | None, sitename: str | None, host: str | None) -> str | None:
    """The page's authors without the site's own name among them ("El Espectador; Felipe Morales" → "Felipe
    Morales": the outlet is kept as the outlet, not as a writer), an author page's link text ("View all posts
    by …") or stray quote marks; ``None`` when nothing is left."""
    if not author:
        return None
    site = {_squash(sitename)} if sitename else set()
    label = _host_label(host)
    names = []
    for part in author.split(";"):
        name = _POSTS_BY.sub("", part.strip(_NAME_EDGES)).strip(_NAME_EDGES)
        squashed = _squash(name)
        if name and squashed not in site and not (label and squashed == label):
            names.append(name)
    return "; ".join(names) or None


def _squash(name: str) -> str:
    """Lower-case letters and digits only, without a leading "the" ("The Selmar Herald" → "selmarherald")."""
    squashed = re.sub(r"[\W_]+", "", name.casefold())
    return squashed.removeprefix("the") if len(squashed) > len("the") else squashed


def _host_label(host: str | None) -> str | None:
    """The registered name of a host ("www.selmarherald.example" → "selmarherald"; "bbc.co.uk" → "bbc")."""
    if not host:
        return None
    parts = [p for p in host.casefold().removeprefix("www.").split(".") if p]
    if len(parts) >= 3 and len(parts[-2]) <= 3:  # co.uk, com.tr: a second-level public suffix
        parts = parts[:-1]
    label = parts[-2] if len(parts) >= 2 else (parts[0] if parts else "")
    return _squash(label) if len(label) >= HOST_LABEL_MIN_CHARS else None


def _clean(value: object) -> str | None:
    return str(value).strip() or None if value not in (None, "None") else None
