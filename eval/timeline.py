"""Score how storyline dates its events against the SemEval-2015 Task 4 TimeLine trial gold.

    python eval/timeline.py [--data ../shared/data/timeline-trial] [--oracle] [--errors dev] [--list all]

The trial data are 30 Wikinews articles about Apple and 6 gold timelines (one per target entity: iPhone 4,
Steve Jobs…). Each timeline line gives an anchor date (``2010-06-07``, ``2008-03-XX``, ``2009``, or
``XXXX-XX-XX`` when the article does not say) and the event mentions placed there, written
``docid-sentence-word``. A timeline is built on event dates, so this is the measure of the dates our events
carry on real news, beside the hand set of ``eval/events.py``.

Reading: the article text is rebuilt from the token-level CAT XML (``Corpus-trial-data_task4_events_timelines``:
tokens with sentence and word numbers, the timeline events marked), the title and the dateline as paragraphs
of their own and the body as one paragraph (the data keep no paragraph breaks); every token keeps its
character offsets, so a gold mention (the token of that sentence with that word, preferring a marked event)
becomes a span. The document creation time comes from the TimeML version (``Corpus-trial-data_task4_TimeML``)
and is passed as the publication date. Each article goes through ``pipeline.analyze_batch``.

Scored per gold mention:

- **recall**: the mention's token lies in one of our event triggers, of any type. TimeLine events include
  states and reporting ("has", "said", "sales") that our ontology leaves out on purpose, so this is low by
  design; it says how much of a timeline we could date at all.
- **date**, on the found mentions: our event date against the gold anchor, both read as the days they cover.
  *exact*: the same span ("2008" vs "2008"); *at gold granularity*: ours lies inside the gold span ("2008"
  vs ours "2008-01-09" is right at year level); *consistent*: the spans overlap (ours may be coarser). A gold
  ``XXXX-XX-XX`` is right only when we give no date, and a gold date is wrong when we give none.
- **coarsened**: the same at month and at year level, with the gold (and ours) cut to that granularity.

Halves: the mentions of every other article (sorted by document id, the first, third…) are ``dev``, where
errors were read while developing the dating rules; the rest are ``check``, held out. A split of the six
timelines (first three by file name, last three) is printed too, and each timeline, but it is no development
split: the first three hold 2 of the 27 mentions we find, and the timelines share articles.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from storyline import pipeline
from storyline.analyze import events, nlp
from storyline.ingest.document import make_document
from storyline.model import Document, Event
from storyline.settings import AnalyzeSettings

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "timeline-trial"
CAT_DIR = "Corpus-trial-data_task4_events_timelines"
TIMEML_DIR = "Corpus-trial-data_task4_TimeML"
TIMELINE_DIR = "TimeLines_trial_data_task4_v1.2"
UNKNOWN = "XXXX-XX-XX"
DCT = re.compile(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})"')
NO_SPACE_BEFORE = frozenset(
    {",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "'", "n't", "'re", "'ve", "'ll"}
)
NO_SPACE_AFTER = frozenset({"(", "[", "$"})
LEVELS = {"day": 10, "month": 7, "year": 4}  # coarsening: the length of the ISO prefix kept


# ------------------------------------------------------------------------------------------------ reading


@dataclass(frozen=True)
class Token:
    sentence: int
    word: str
    start: int
    end: int
    event: bool  # marked as a timeline event in the CAT file


@dataclass(frozen=True)
class Article:
    doc_id: str
    dct: dt.date | None
    text: str
    tokens: list[Token]

    def find(self, sentence: int, word: str) -> Token | None:
        """The token of ``sentence`` written ``word`` (case aside; "showed_off" is two tokens, spanned as one):
        a marked event if there is one, else the first."""
        words = word.lower().split("_")
        inside = [t for t in self.tokens if t.sentence == sentence]
        runs = [inside[i : i + len(words)] for i in range(len(inside) - len(words) + 1)]
        hits = [
            Token(sentence, word, run[0].start, run[-1].end, run[0].event)
            for run in runs
            if [t.word.lower() for t in run] == words
        ]
        return next((t for t in hits if t.event), hits[0] if hits else None)


@dataclass(frozen=True)
class Mention:
    doc_id: str
    sentence: int
    word: str
    anchor: str  # the gold date of its timeline line
    timeline: str


def read_article(cat: Path, timeml_dir: Path) -> Article:
    """The article's text rebuilt from its CAT tokens (title, dateline, body), token offsets and its DCT."""
    root = ET.parse(cat).getroot()
    doc_id = root.get("doc_id", cat.stem.split("-")[0].split("_")[0])
    marked = {a.get("t_id") for m in root.iter("EVENT_MENTION") for a in m.iter("token_anchor")}
    parts: list[str] = []
    tokens: list[Token] = []
    length, last_sentence, last_word = 0, None, ""
    quotes_open = False
    for element in root.iter("token"):
        word, sentence = element.text or "", int(element.get("sentence", "0"))
        if last_sentence is None:
            gap = ""
        elif sentence != last_sentence and sentence <= 2:  # title and dateline are paragraphs of their own
            gap = "\n\n"
        elif word == '"':
            gap = "" if quotes_open else " "
        elif word in NO_SPACE_BEFORE or last_word in NO_SPACE_AFTER or (last_word == '"' and quotes_open):
            gap = ""
        else:
            gap = " "
        if word == '"':
            quotes_open = not quotes_open
        parts.append(gap + word)
        length += len(gap)
        tokens.append(Token(sentence, word, length, length + len(word), element.get("t_id") in marked))
        length += len(word)
        last_sentence, last_word = sentence, word
    return Article(doc_id, _dct(doc_id, timeml_dir), "".join(parts), tokens)


def _dct(doc_id: str, timeml_dir: Path) -> dt.date | None:
    for path in timeml_dir.glob(f"{doc_id}[-_]*.tml"):
        if match := DCT.search(path.read_text(encoding="utf-8")):
            return dt.date.fromisoformat(match[1])
    return None


def read_timeline(path: Path) -> list[Mention]:
    """One gold timeline: a mention per ``docid-sentence-word`` with its line's anchor date."""
    mentions: list[Mention] = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:  # the first line names the entity
        fields = line.strip().split("\t")
        if len(fields) < 3:
            continue
        for written in fields[2:]:
            doc_id, sentence, word = written.split("-", 2)
            mentions.append(Mention(doc_id, int(sentence), word, fields[1], path.stem))
    return mentions


def read_data(data: Path) -> tuple[dict[str, Article], dict[str, list[Mention]]]:
    articles = {
        a.doc_id: a
        for a in (read_article(p, data / TIMEML_DIR) for p in sorted((data / CAT_DIR).glob("*.xml")))
    }
    timelines = {p.stem: read_timeline(p) for p in sorted((data / TIMELINE_DIR).glob("*.txt"))}
    return articles, timelines


# ------------------------------------------------------------------------------------------------ dates


def days(value: str | None) -> tuple[str, str] | None:
    """The first and last day a date covers, as comparable ISO text ("2008-03-XX" -> 2008-03-00 … 2008-03-99);
    an ISO week as its seven days; ``None`` for no date or one without a year."""
    if value is None or value.startswith("XXXX"):
        return None
    if week := re.match(r"^(\d{4})-W(\d{2})", value):
        try:
            monday = dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
        except ValueError:
            return None
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
    if "/" in value:  # a range "1997/1998": from the first's start to the second's end
        first, _, second = value.partition("/")
        a, b = days(first), days(second)
        return (a[0], b[1]) if a and b else None
    known = re.match(r"^\d{4}(-\d{2}(-\d{2})?)?", value)
    if not known:
        return None
    day = known[0]
    return day + "-00-00"[len(day) - 4 :], day + "-99-99"[len(day) - 4 :]


def coarsen(value: str | None, level: str) -> str | None:
    """``value`` cut to ``level`` ("2008-01-09" at month: "2008-01"), or to the finest level its whole span
    shares (a week across two months: its year); a value already coarser stays as it is."""
    span = days(value)
    if span is None:
        return value
    for length in (10, 7, 4):
        if length <= LEVELS[level] and span[0][:length] == span[1][:length]:
            return span[0][:length]
    return value


def judge(gold: str, ours: str | None) -> dict[str, bool]:
    """Whether ``ours`` is right for the gold anchor: exact, at the gold's granularity, consistent, and at
    month and year level. An unknown gold anchor is right only for no date."""
    verdict: dict[str, bool] = {}
    want, got = days(gold), days(ours)
    if want is None:
        right = ours is None
        return dict.fromkeys(("exact", "granularity", "consistent", "month", "year"), right)
    verdict["exact"] = got == want
    verdict["granularity"] = got is not None and want[0] <= got[0] and got[1] <= want[1]
    verdict["consistent"] = got is not None and got[0] <= want[1] and want[0] <= got[1]
    for level in ("month", "year"):
        verdict[level] = judge_level(gold, ours, level)
    return verdict


def judge_level(gold: str, ours: str | None, level: str) -> bool:
    """Right at ``level`` once both are cut to it: the gold coarsened, ours inside it."""
    want, got = days(coarsen(gold, level)), days(coarsen(ours, level))
    return got is not None and want is not None and want[0] <= got[0] and got[1] <= want[1]


# ------------------------------------------------------------------------------------------------ scoring


@dataclass
class Score:
    mentions: int = 0
    found: int = 0
    right: dict[str, int] = field(default_factory=dict)
    wrong: Counter[str] = field(default_factory=Counter)  # kinds of error at the gold's granularity

    def add(self, event: Event | None, verdict: dict[str, bool], gold: str) -> None:
        self.mentions += 1
        if event is None:
            return
        self.found += 1
        for name, ok in verdict.items():
            self.right[name] = self.right.get(name, 0) + ok
        if not verdict["granularity"]:
            kind = "no date" if event.date is None else "dated unknown" if gold == UNKNOWN else "other date"
            self.wrong[kind] += 1

    def row(self, label: str) -> str:
        recall = self.found / self.mentions if self.mentions else 0.0
        cells = [f"{self.right.get(n, 0) / self.found if self.found else 0:6.1%}" for n in COLUMNS]
        return f"  {label:22} {self.mentions:4} {recall:7.1%} ({self.found:3})  " + "  ".join(cells)


COLUMNS = ("exact", "granularity", "consistent", "month", "year")


def analyze(articles: Iterable[Article], oracle: list[tuple[Article, Token]] = ()) -> dict[str, Document]:
    """Our analysis of each article, with its DCT as the publication date.

    With ``oracle`` (gold tokens), the words of those tokens that are no trigger are made OTHER triggers for
    the run (the cached English lexicon is extended, then restored), so that the dating of every gold event is
    scored, not only of the 14% our ontology finds. They are tables for the run only: the extra triggers also
    fold and are folded like any other, so this measures the dating rules, not the system as shipped."""
    listed = list(articles)
    documents = [make_document(f"{a.doc_id}.txt", a.text, published=a.dct, language="en") for a in listed]
    for article, document in zip(listed, documents, strict=True):
        assert document.text == article.text, f"{article.doc_id}: text changed by normalization"
    settings = AnalyzeSettings()
    added = _oracle_triggers(documents, listed, oracle, settings) if oracle else []
    try:
        results = pipeline.analyze_batch(documents, settings)
    finally:
        lex = events.lexicon("en")
        for table, lemma in added:
            getattr(lex, table).pop(lemma, None)
    return {a.doc_id: r for a, r in zip(listed, results, strict=True) if isinstance(r, Document)}


def _oracle_triggers(
    documents: list[Document],
    listed: list[Article],
    oracle: list[tuple[Article, Token]],
    settings: AnalyzeSettings,
) -> list[tuple[str, str]]:
    """Add each gold token's lemma to the verb or noun table (as OTHER) where it is missing; the added keys."""
    lex = events.lexicon("en")
    assert lex is not None
    wanted: dict[str, list[Token]] = {}
    for article, token in oracle:
        wanted.setdefault(article.doc_id, []).append(token)
    added: list[tuple[str, str]] = []
    for article, parsed in zip(listed, nlp.parse_batch(documents, settings, lambda _: []), strict=True):
        if parsed is None:
            continue
        for gold in wanted.get(article.doc_id, []):
            word = next((t for t in parsed.doc if t.idx >= gold.start), None)
            table = {"VERB": "verbs", "AUX": "verbs", "NOUN": "nouns", "PROPN": "nouns"}.get(
                word.pos_ if word else ""
            )
            if word is None or table is None:
                continue
            lemma = word.lemma_.lower()
            if lemma not in getattr(lex, table):
                getattr(lex, table)[lemma] = "OTHER"
                added.append((table, lemma))
    return added


def event_at(document: Document | None, token: Token) -> Event | None:
    """Our event whose trigger overlaps the token, if any."""
    if document is None:
        return None
    return next((e for e in document.events if e.start < token.end and token.start < e.end), None)


def score(
    articles: dict[str, Article],
    timelines: dict[str, list[Mention]],
    errors: set[str],
    *,
    oracle: bool,
    listed: set[str] = frozenset(),  # type: ignore[assignment]
) -> None:
    gold_tokens = [
        (articles[m.doc_id], token)
        for mentions in timelines.values()
        for m in mentions
        if m.doc_id in articles and (token := articles[m.doc_id].find(m.sentence, m.word)) is not None
    ]
    analyzed = analyze(articles.values(), gold_tokens if oracle else [])
    ordered = sorted(articles, key=int)
    dev_articles = set(ordered[0::2])  # every other article by id: the development half
    names = sorted(timelines)
    groups = {"timelines 1-3": names[:3], "timelines 4-6": names[3:]}
    totals = {name: Score() for name in ("all", "dev", "check", *groups)}
    per_timeline = {name: Score() for name in names}
    missing = 0
    for group, members in groups.items():
        for name in members:
            for mention in timelines[name]:
                article = articles.get(mention.doc_id)
                token = article.find(mention.sentence, mention.word) if article else None
                if article is None or token is None:
                    missing += 1
                    continue
                half = "dev" if mention.doc_id in dev_articles else "check"
                event = event_at(analyzed.get(mention.doc_id), token)
                verdict = judge(mention.anchor, event.date if event else None)
                for tally in (totals["all"], totals[half], totals[group], per_timeline[name]):
                    tally.add(event, verdict, mention.anchor)
                if event is not None and (half in listed or (half in errors and not verdict["granularity"])):
                    _print_mention(
                        article, token, mention, event, "right" if verdict["granularity"] else "WRONG"
                    )
    kind = "oracle triggers (every gold word made a trigger)" if oracle else "our triggers"
    print(
        f"TimeLine trial: {len(articles)} articles, {len(names)} timelines, {kind}; date accuracy on found mentions"
    )
    print(
        "  (exact: same span; granul(arity): inside the gold span; consis(tent): overlaps; month, year: cut)"
    )
    print(f"  {'':22} {'gold':>4} {'recall':>7} {'found':>5}  " + "  ".join(f"{c[:6]:>6}" for c in COLUMNS))
    for name in ("all", "dev", "check"):
        label = {"dev": "dev (even articles)", "check": "check (odd articles)"}.get(name, name)
        print(totals[name].row(label))
    for name in ("all", "dev", "check"):
        kinds = ", ".join(
            f"{kind} {totals[name].wrong[kind]}" for kind in ("no date", "dated unknown", "other date")
        )
        print(f"  {'':22} wrong in {name}: {kinds}")
    for group, members in groups.items():
        print(totals[group].row(group))
        for name in members:
            print(per_timeline[name].row("  " + name))
    if missing:
        print(f"  {missing} gold mentions name no token of the articles (a misspelt document id, a phrase)")


def _print_mention(article: Article, token: Token, mention: Mention, event: Event, verdict: str) -> None:
    sentence = " ".join(t.word for t in article.tokens if t.sentence == token.sentence)
    print(
        f"  {verdict} {mention.timeline} {mention.doc_id}-{mention.sentence} {event.trigger!r} {event.type}"
        f" gold {mention.anchor} ours {event.date} ({event.date_source}) dct {article.dct}: {sentence}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the timeline-trial folder")
    parser.add_argument(
        "--errors", choices=("dev", "check", "all"), help="print the wrongly dated found mentions of a half"
    )
    parser.add_argument(
        "--list", choices=("dev", "check", "all"), help="print every found mention of a half, right or wrong"
    )
    parser.add_argument(
        "--oracle",
        action="store_true",
        help="make every gold word a trigger, to score the dating of all of them",
    )
    args = parser.parse_args(argv)
    if not (args.data / CAT_DIR).is_dir():
        print(f"{args.data / CAT_DIR} not found (pass --data)", file=sys.stderr)
        return 1
    errors = {"dev", "check"} if args.errors == "all" else {args.errors} if args.errors else set()
    articles, timelines = read_data(args.data)
    listed = {"dev", "check"} if args.list == "all" else {args.list} if args.list else set()
    score(articles, timelines, errors, oracle=args.oracle, listed=listed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
