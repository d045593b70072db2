"""Boilerplate removal: the article text every analysis stage reads, without the page around it.

Reads raw ``Document``s (metadata already recovered from the raw text) and returns them with ``text``
reduced to the article's paragraphs and ``removed`` listing every line taken out, so a reader can check what
went. Removed: navigation ("All news", a block of short menu lines under it, "Home | Politics | Region"
menus around the article), related-link lists ("Read more:" and the headlines under it), cookie/consent
notices, share/subscribe prompts, photo captions and credits ("© EPA-EFE/…", "Photo: Reuters", a caption
ending in an agency credit, and the short caption line just above a credit line), agency label and byline
lines ("News Service AA", "By Azernews", "By Aisha Jabbarova": they are metadata, kept in ``outlet``/
``byline``), the outlet's masthead line, bare date/time stamp lines above the body ("3 APR 2026, 11:20",
"Published: 26.04.2026 09:30": metadata, kept in ``published``), closing staff credits ("(Reporting by …;
Editing by …)"), repeats of the title line, a lead paragraph repeated verbatim inside a later paragraph (it
would double every quote and event in it), and short lines repeated across several documents of the same
outlet in the batch (site furniture nobody listed). Kept: the dateline sentence, the first title line,
bullet section headers ("- Liberation of Karabakh"), date lines inside the body (a timeline's headings) and
everything else.

The document id is not touched: identity is the raw content hash. Language word lists live in
``storyline/data/boilerplate.toml``.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from storyline.data import load_table
from storyline.ingest.metadata import date_line, is_menu_line
from storyline.model import Document
from storyline.settings import CleanSettings

DEFAULT_LANGUAGE = "en"
SENTENCE_END = (".", "!", "?", '"', "”", "»")
BARE_CREDIT_MAX_WORDS = 4  # "© EPA-EFE/JOHN SMITH/POOL": a credit line alone, with no caption before it
LINK_LIST_MAX_LINES = 12  # headlines under one "Read more:" heading (bounds the work per heading)
BODY_MIN_WORDS = 12  # a line this long ending like a sentence is body text; page furniture sits around it
MENU_ITEM_WORDS = 3  # a line of a vertical menu block ("Politics", "All news") has at most this many words
STAFF_CREDIT_MAX_CHARS = 400  # "(Reporting by …; Editing by …)" lists several names but stays one short line

# An agency photo credit: "EPA-EFE/TATYANA ZENKOVICH/POOL", "REUTERS/Evelyn Hockstein", "AFP/Getty Images".
_CREDIT_TAIL = re.compile(
    r"(?:^|[\s(])(?:©[ \t]?)?[A-Z][A-Z-]{1,20}/[^\W\d_][^/\n.]{0,60}(?:/[^/\n.]{1,40}){0,2}\)?$"
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|Copyright\b)", re.I)
_NAME_LINKS = frozenset(
    {"and", "de", "van", "von", "al", "bin", "&"}
)  # lower-case words inside credited names
_BULLET = re.compile(r"^[-–•*][ \t]+\S")


@dataclass(frozen=True)
class Words:
    """The case-folded boilerplate phrases of one language (plus English)."""

    nav: frozenset[str]
    prompts: tuple[str, ...]
    cookie: tuple[str, ...]
    consent: tuple[str, ...]
    site_voice: re.Pattern[str]  # "our", "you", "by continuing": the site addressing its reader
    labels: tuple[str, ...]  # "By", "News Service", "Source:" — as written, case-sensitive
    photo: tuple[str, ...]  # case-folded
    link_headings: frozenset[str]  # "read more", "most read": a list of linked headlines follows
    credit_phrases: tuple[str, ...]  # "reporting by", "editing by": closing staff credits
    caption_words: tuple[str, ...]  # "pictured:": a caption, whatever follows


def clean(docs: list[Document], settings: CleanSettings) -> list[Document]:
    """Every document with its boilerplate lines removed (see the module docstring for what counts)."""
    repeated = _repeated_lines(docs, settings)
    return [_clean_one(doc, repeated.get(_outlet_key(doc), frozenset()), settings) for doc in docs]


def _clean_one(doc: Document, repeated: frozenset[str], settings: CleanSettings) -> Document:
    words = _words(doc.language)
    paragraphs = _paragraphs(doc.text)
    lines = [(i, line) for i, p in enumerate(paragraphs) for line in p.split("\n")]
    drop = _drop_flags(lines, doc, _Rules(words, repeated, settings))
    removed = [line for (_, line), d in zip(lines, drop, strict=True) if d]
    kept: dict[int, list[str]] = {}
    for (i, line), d in zip(lines, drop, strict=True):
        if not d:
            kept.setdefault(i, []).append(line)
    text = "\n\n".join(_drop_repeated_lead(["\n".join(ls) for ls in kept.values()], removed, settings))
    if not text and _has_content(paragraphs, settings):
        text, removed = "\n\n".join(paragraphs), []  # never lose an article to an over-eager rule
    return dataclasses.replace(doc, text=text, removed=tuple(removed))


def _paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks, each a list of stripped non-empty lines joined by newlines."""
    blocks = re.split(r"\n[ \t]*\n", text)
    return [
        b for b in ("\n".join(line.strip() for line in b.split("\n") if line.strip()) for b in blocks) if b
    ]


def _has_content(paragraphs: list[str], settings: CleanSettings) -> bool:
    """Whether any line is longer than a credit line could be (the fallback keeps such pages whole)."""
    return any(len(line.split()) > settings.label_max_words for p in paragraphs for line in p.split("\n"))


@dataclass(frozen=True)
class _Rules:
    """What one document's lines are judged with."""

    words: Words
    repeated: frozenset[str]  # normalized lines repeated across this outlet's documents
    settings: CleanSettings


def _drop_flags(lines: list[tuple[int, str]], doc: Document, rules: _Rules) -> list[bool]:
    """For each (paragraph index, line): whether it is boilerplate."""
    verdicts: dict[str, bool] = {}  # pages repeat lines; each distinct line is judged once
    drop = []
    for _, line in lines:
        if line not in verdicts:
            verdicts[line] = _is_boilerplate(line, rules)
        drop.append(verdicts[line])
    credits: dict[str, bool] = {}
    for k in range(len(lines) - 1):  # the bare caption just above a credit line, in the same block
        (i, line), (j, below) = lines[k], lines[k + 1]
        if below not in credits:
            credits[below] = _is_bare_credit(below, rules.words)
        if i == j and credits[below] and _is_caption(line, rules.settings):
            drop[k] = True
    _drop_page_furniture(lines, doc, rules, drop)
    title = (doc.title or "").casefold()
    title_lines = [k for k, (_, line) in enumerate(lines) if title and line.casefold() == title]
    for k in title_lines[1:]:  # the first title line stays; its repeats go
        drop[k] = True
    return drop


def _drop_page_furniture(
    lines: list[tuple[int, str]], doc: Document, rules: _Rules, drop: list[bool]
) -> None:
    """Mark the page around the article: menus, link lists, masthead and date stamps (``drop`` in place).

    Menu lines and date stamps only count above the first body line or below the last one: inside the
    article a "Politics | Economy" line may be a table row and a bare date a timeline's heading.
    """
    body = [k for k, (_, line) in enumerate(lines) if not drop[k] and _is_body(line)]  # captions gone
    first, last = (body[0], body[-1]) if body else (len(lines), -1)
    outlet = (doc.outlet or "").casefold()
    kinds: dict[str, tuple[bool, bool]] = {}  # line → (menu line, date line), each distinct line judged once
    for k, (_, line) in enumerate(lines):
        if line not in kinds:
            menu = is_menu_line(line) and not any(c.isdigit() for c in line)
            kinds[line] = (menu, date_line(line, doc.language) is not None)
        menu, date = kinds[line]
        outside = k < first or k > last
        if (outside and menu) or (k < first and date) or (bool(outlet) and line.casefold() == outlet):
            drop[k] = True
    _drop_menu_blocks(lines, rules, drop)
    _drop_link_lists(lines, rules, drop)


def _is_body(line: str) -> bool:
    return line.endswith(SENTENCE_END) and len(line.split()) >= BODY_MIN_WORDS


def _drop_menu_blocks(lines: list[tuple[int, str]], rules: _Rules, drop: list[bool]) -> None:
    """A block of short lines holding a navigation entry is a vertical menu: "All news / Politics / World"."""
    blocks: dict[int, list[int]] = {}
    for k, (i, _) in enumerate(lines):
        blocks.setdefault(i, []).append(k)
    for ks in blocks.values():
        items = [lines[k][1] for k in ks]
        menu = len(items) > 1 and all(_is_menu_item(item) for item in items)
        if menu and any(item.casefold().rstrip(":.!") in rules.words.nav for item in items):
            for k in ks:
                drop[k] = True


def _is_menu_item(line: str) -> bool:
    return (
        len(line.split()) <= MENU_ITEM_WORDS and not line.endswith(SENTENCE_END) and not _BULLET.match(line)
    )


def _drop_link_lists(lines: list[tuple[int, str]], rules: _Rules, drop: list[bool]) -> None:
    """The headlines listed under "Read more:" / "Most read" are links to other articles, not this one.

    They run to the end of the heading's block; a heading alone in its block takes the next block when
    that block holds nothing but headline-like lines.
    """
    for k, (i, line) in enumerate(lines):
        if line.casefold().rstrip(":. ") not in rules.words.link_headings:
            continue
        drop[k] = True
        alone = (k == 0 or lines[k - 1][0] != i) and (k + 1 == len(lines) or lines[k + 1][0] != i)
        block = i + 1 if alone else i
        run = []
        for m in range(k + 1, min(len(lines), k + 1 + LINK_LIST_MAX_LINES)):
            if lines[m][0] != block:
                break
            run.append(m)
        if run and all(_is_headline(lines[m][1], rules.settings) for m in run):
            for m in run:
                drop[m] = True


def _is_headline(line: str, settings: CleanSettings) -> bool:
    return len(line.split()) <= settings.caption_max_words and not line.endswith((".", ":"))


def _is_boilerplate(line: str, rules: _Rules) -> bool:
    folded = line.casefold()
    if _BULLET.match(line):  # section headers are content
        return False
    return (
        folded.rstrip(":.!") in rules.words.nav
        or _is_repeated_furniture(line, rules)
        or (len(line) <= rules.settings.short_line_chars and _is_short_boilerplate(line, folded, rules))
        or _is_cookie_notice(folded, rules.words)
        or _is_staff_credit(folded, rules.words)
    )


def _is_staff_credit(folded: str, words: Words) -> bool:
    """ "(Reporting by Sanna Ruud; Editing by Peter Blom)": who wrote and edited it, not what happened."""
    if len(folded) > STAFF_CREDIT_MAX_CHARS:
        return False
    inner = folded[1:-1] if folded.startswith("(") and folded.endswith(")") else folded
    return inner.startswith(words.credit_phrases) and (
        folded.startswith("(") or ";" in folded or len(folded.split()) <= 8
    )


def _is_repeated_furniture(line: str, rules: _Rules) -> bool:
    """A line repeated across the outlet's documents, unless a full sentence (copied content is reuse)."""
    sentence = line.endswith(SENTENCE_END) and len(line.split()) >= rules.settings.repeated_sentence_min_words
    return not sentence and _normal(line) in rules.repeated


def _is_short_boilerplate(line: str, folded: str, rules: _Rules) -> bool:
    words, settings = rules.words, rules.settings
    return (
        folded.startswith(words.prompts)
        or folded.startswith(words.photo)
        or folded.startswith(words.caption_words)
        or _COPYRIGHT.match(line) is not None
        or (len(line.split()) <= settings.caption_max_words and _CREDIT_TAIL.search(line) is not None)
        or _is_label(line, words, settings.label_max_words)
    )


def _is_cookie_notice(folded: str, words: Words) -> bool:
    """A line about cookies, asking consent or citing a policy, in the site's voice (long ones too)."""
    return (
        any(w in folded for w in words.cookie)
        and any(w in folded for w in words.consent)
        and words.site_voice.search(folded) is not None
    )


def _is_bare_credit(line: str, words: Words) -> bool:
    """ "© NPA/Karin Lode", "EPA-EFE/JOHN SMITH", "Photo: Tavra Valley Today/Elin Marsk": a credit line."""
    return (
        _COPYRIGHT.match(line) is not None
        or (len(line.split()) <= BARE_CREDIT_MAX_WORDS and _CREDIT_TAIL.search(line) is not None)
        or (len(line.split()) <= BARE_CREDIT_MAX_WORDS * 2 and line.casefold().startswith(words.photo))
    )


def _is_caption(line: str, settings: CleanSettings) -> bool:
    """A short line right above a photo credit: its caption, even when it ends with a period."""
    return (
        len(line.split()) <= settings.caption_max_words and not line.endswith(":") and not _BULLET.match(line)
    )


def _is_label(line: str, words: Words, max_words: int) -> bool:
    """ "News Service AA", "By Azernews", "By Aisha Jabbarova", "Source: Reuters" — credits, not content.

    Every word after the label must be capitalized (a name), so "By Monday officials agreed" stays.
    """
    for label in words.labels:
        if line.startswith(label + " "):
            tokens = line[len(label) :].replace(",", " ").rstrip(".").split()
            return 0 < len(tokens) <= max_words and all(t[0].isupper() or t in _NAME_LINKS for t in tokens)
    return False


# ---------------------------------------------------------------------------------------------- repeats


def _drop_repeated_lead(paragraphs: list[str], removed: list[str], settings: CleanSettings) -> list[str]:
    """Drop a lead paragraph (standfirst) that a later paragraph repeats verbatim.

    Agency pages print the standfirst above the body and again as its first sentences; kept twice, every
    quote, event and reuse passage in it would be counted twice. The later copy stays: it sits in context.
    """
    keep = []
    for i, paragraph in enumerate(paragraphs):
        lead = i < settings.lead_paragraphs and len(paragraph) >= settings.lead_min_chars
        if lead and _repeated_in(paragraph, paragraphs[i + 1 :]):
            removed.append(paragraph)
        else:
            keep.append(paragraph)
    return keep


def _repeated_in(paragraph: str, later: Iterable[str]) -> bool:
    needle = _normal(paragraph).rstrip(".")
    return any(needle in _normal(p) for p in later)


def _repeated_lines(docs: list[Document], settings: CleanSettings) -> dict[str, frozenset[str]]:
    """Per outlet: short lines that occur in at least ``repeated_line_min_docs`` of its documents."""
    counts: dict[str, Counter[str]] = {}
    for doc in docs:
        key = _outlet_key(doc)
        if key:
            lines = {_normal(line) for line in doc.text.split("\n") if line.strip()}
            short = {line for line in lines if len(line) <= settings.repeated_line_max_chars}
            counts.setdefault(key, Counter()).update(short)
    return {
        key: frozenset(line for line, n in counter.items() if n >= settings.repeated_line_min_docs)
        for key, counter in counts.items()
    }


def _outlet_key(doc: Document) -> str:
    """Documents are compared within one outlet (or, lacking one, one web host); unknown sources never are."""
    if doc.outlet:
        return doc.outlet.casefold()
    return (urlsplit(doc.url).hostname or "") if doc.url else ""


def _normal(line: str) -> str:
    return " ".join(line.split()).casefold()


# ---------------------------------------------------------------------------------------------- word lists


@functools.cache
def _words(language: str | None) -> Words:
    tables = load_table("boilerplate.toml") or {}
    english = tables[DEFAULT_LANGUAGE]
    table = tables.get(language or DEFAULT_LANGUAGE, english)

    def both(key: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*table.get(key, []), *english.get(key, [])]))

    return Words(
        nav=frozenset(w.casefold() for w in both("nav")),
        prompts=tuple(w.casefold() for w in both("prompts")),
        cookie=tuple(w.casefold() for w in both("cookie")),
        consent=tuple(w.casefold() for w in both("consent_words")),
        site_voice=re.compile(
            r"\b(?:" + "|".join(re.escape(w.casefold()) for w in both("site_voice")) + r")\b"
        ),
        labels=(*both("byline"), *both("label")),
        photo=tuple(w.casefold() for w in both("photo")),
        link_headings=frozenset(w.casefold() for w in both("link_headings")),
        credit_phrases=tuple(w.casefold() for w in both("credit_phrases")),
        caption_words=tuple(w.casefold() for w in both("caption_words")),
    )
