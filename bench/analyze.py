"""Throughput of the analyze stage on generated news articles, beside spaCy's own full pipeline.

    python bench/analyze.py --docs 2000 --words 500 --processes 2 [--seed 7] [--baseline-docs N]

Generates article-length documents from templates with randomness (people with titles, places, organizations,
dates, quotes, meetings, attacks, agreements…), then times

* **storyline**: the analyze stage as the pipeline runs it, ``nlp.parse_batch`` with the pipeline's plan of
  which sentences to parse, then ``pipeline.analyze_parsed`` (entities, time expressions, quotes, events), in
  a process pool of ``--processes`` workers, each handed chunks of documents (spaCy loaded once per worker,
  before the clock starts);
* **storyline without quotes and events** over the same documents (entities and time expressions only, so
  no dependency parses at all): what quotes and events add, with the parses they need. Each chunk is run both
  ways in the same worker, one right after the other, the order alternating from chunk to chunk. Two runs a
  minute apart see different loads from other processes on a shared machine, and the CPU time a document
  takes moves with that load by as much as the share being measured (the same 200 documents without quotes
  and events took 46 to 63 CPU ms/doc in runs minutes apart), so a share taken from two separate runs said
  anything from 24% to 80% for the same code (six single-process runs of one script: 27% to 68%). The share
  is printed with its range over groups of ``SHARE_GROUP`` chunks (one chunk alone varies by ±30 points on
  a busy machine). That range is the spread within one run; from run to run the share still moved between
  30% and 42% for the same code on a machine shared with other work (768 and 512 documents, two
  processes), so compare runs on an idle machine or repeat them;
* **spaCy baselines**, in the same kind of process pool over the same documents (or the first
  ``--baseline-docs``): the full pipeline of the same model as spaCy ships it (parser included, thinc's BLIS
  matrix products), the full pipeline on the numpy matrix products storyline uses (``analyze.matmul``), and
  tok2vec + NER alone on numpy: the floor for any stage that needs entities in every sentence.

Prints documents/s and words/s for each, the CPU milliseconds per document the workers spent (what the rate
would be on an idle machine: processes × 1000 / CPU ms), and how many sentences needed a dependency parse.

The generated articles mix sentences that need a parse (quotes, cue verbs, event triggers) with background
sentences that do not, in the proportion real news has: a parse was needed for 52% of the sentences of 120
PolNeAR training articles and 70% of the five karabakh-2021 articles, and ``BACKGROUND_SHARE`` puts the
generated corpus in between (the run prints the share it got).
"""

from __future__ import annotations

import argparse
import functools
import random
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from storyline import pipeline
from storyline.analyze import entities, nlp, timex
from storyline.ingest.document import make_document
from storyline.model import Document
from storyline.settings import AnalyzeSettings

CHUNK_DOCS = 32  # documents per task handed to a worker (one nlp.pipe batch)
SHARE_GROUP = 8  # chunks per group whose share of quotes and events is printed as the range
BACKGROUND_SHARE = 0.35  # sentences with no quote, cue or event trigger (see the module docstring)

COUNTRIES = [  # (country, demonym, capital)
    ("Azerbaijan", "Azerbaijani", "Baku"),
    ("Armenia", "Armenian", "Yerevan"),
    ("Georgia", "Georgian", "Tbilisi"),
    ("Turkey", "Turkish", "Ankara"),
    ("Russia", "Russian", "Moscow"),
    ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"),
    ("Sweden", "Swedish", "Stockholm"),
    ("Iran", "Iranian", "Tehran"),
    ("Ukraine", "Ukrainian", "Kyiv"),
    ("Kazakhstan", "Kazakh", "Astana"),
    ("Poland", "Polish", "Warsaw"),
    ("Italy", "Italian", "Rome"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Japan", "Japanese", "Tokyo"),
]
FIRST = [
    "Anna",
    "Mikhail",
    "Leyla",
    "Arman",
    "Giorgi",
    "Mehmet",
    "Claire",
    "Jonas",
    "Ingrid",
    "Reza",
    "Olena",
    "Daniyar",
    "Marta",
    "Luca",
    "Amal",
    "Kenji",
    "Sofia",
    "Pavel",
    "Nino",
    "Emre",
]
LAST = [
    "Petrova",
    "Volkov",
    "Mammadova",
    "Sargsyan",
    "Beridze",
    "Yilmaz",
    "Dubois",
    "Schneider",
    "Lindqvist",
    "Tehrani",
    "Kovalenko",
    "Nurlanov",
    "Nowak",
    "Bianchi",
    "Hassan",
    "Tanaka",
    "Romano",
    "Orlov",
    "Kapanadze",
]
ROLES = [
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Defence Minister",
    "Deputy Foreign Minister",
    "Economy Minister",
    "presidential spokesperson",
    "Ambassador",
]
ORGS = [
    "the United Nations",
    "the OSCE Minsk Group",
    "the European Union",
    "NATO",
    "the World Bank",
    "the Red Cross",
    "the International Monetary Fund",
    "the Council of Europe",
    "the Defence Ministry",
]
VERBS = ["said", "told reporters", "stressed", "noted", "stated", "added", "announced", "warned"]
TOPICS = [
    "the peace process",
    "border demarcation",
    "the reopening of transport links",
    "gas exports",
    "the exchange of prisoners",
    "reconstruction in the region",
    "the new trade corridor",
    "visa rules",
    "humanitarian demining",
    "the ceasefire agreement",
    "energy security",
    "the refugee return programme",
]
WHEN = [
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "last week",
    "on March 14",
    "in November 2020",
    "two days ago",
    "earlier this year",
    "on Friday evening",
    "last month",
    "in 2019",
    "since 1994",
    "this summer",
    "on 10 November",
    "three months later",
    "at the weekend",
]
QUOTES = [
    "We are ready to continue the dialogue",
    "This is a historic opportunity for the whole region",
    "Nobody can ignore the realities on the ground",
    "Our position has not changed",
    "We expect concrete steps from the other side",
    "The process will take time, but it has started",
    "Peace cannot be built on threats",
    "We will defend our national interests",
]
EVENTS = [
    "met with",
    "held talks with",
    "signed an agreement with",
    "spoke by phone with",
    "received",
    "criticized",
    "accused",
    "visited",
]
FILLER = [
    "The statement came amid renewed tension along the line of contact.",
    "Observers said the talks were the most substantive in months.",
    "The two sides have not published the full text of the document.",
    "Several rounds of negotiations took place behind closed doors.",
    "Analysts expect the issue to dominate the agenda of the next summit.",
    "Local media reported long queues at the checkpoints.",
    "The ministry did not comment on the reports.",
    "Prices for fuel rose by 12 percent over the past year.",
]


@dataclass
class Person:
    first: str
    last: str
    role: str
    country: tuple[str, str, str]

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    def titled(self) -> str:
        return f"{self.country[1]} {self.role} {self.full}"


def background(rng: random.Random, people: list[Person]) -> str:
    """A sentence of background facts: no quote, no speech verb, no event."""
    a, b = rng.sample(people, 2)
    (country, _, capital), (other, _, other_capital) = a.country, b.country
    number, year = rng.randint(2, 950), rng.randint(1991, 2020)
    templates = [
        lambda: f"{capital} is home to about {number},000 people, most of them in the old town.",
        lambda: f"The road between {capital} and {other_capital} is {number} kilometres long.",
        lambda: f"{country} and {other} have had no diplomatic relations since {year}.",
        lambda: f"Trade between the two countries was worth ${number} million in {year}.",
        lambda: f"{a.full} has been {a.role.lower()} of {country} since {year}.",
        lambda: "The region's economy depends largely on oil, gas and agriculture.",
        lambda: f"More than {number} families still live in temporary housing near {other_capital}.",
        lambda: f"{rng.choice(ORGS).replace('the ', 'The ', 1)} has {number % 60 + 3} member offices.",
        lambda: f"Its population has grown by {number % 9 + 1} percent over the last decade.",
    ]
    return rng.choice(templates)()


def sentence(rng: random.Random, people: list[Person]) -> str:
    """One news-like sentence from a random template."""
    if rng.random() < BACKGROUND_SHARE:
        return background(rng, people)
    a, b = rng.sample(people, 2)
    org, topic, when = rng.choice(ORGS), rng.choice(TOPICS), rng.choice(WHEN)
    templates = [
        lambda: f"{a.titled()} {rng.choice(EVENTS)} {b.titled()} in {rng.choice(COUNTRIES)[2]} {when}.",
        lambda: f'"{rng.choice(QUOTES)}," {a.last} {rng.choice(VERBS)} {when}.',
        lambda: f'"{rng.choice(QUOTES)}. {rng.choice(QUOTES)}," he was quoted as saying by {org}.',
        lambda: (
            f"{a.country[2]} is ready to discuss {topic} with {b.country[2]}, {a.last} {rng.choice(VERBS)}."
        ),
        lambda: (
            f"According to the {a.country[1]} leader, {topic} will be completed by {rng.randint(2022, 2030)}."
        ),
        lambda: f"{b.last} {rng.choice(EVENTS)} representatives of {org} {when} to discuss {topic}.",
        lambda: f"{a.country[2]} accused {b.country[0]} of delaying {topic}, {org} said in a statement.",
        lambda: f"{a.full}, {a.country[0]}'s {a.role.lower()}, said {topic} was a priority for {when[3:]}.",
        lambda: f"The {a.country[1]} {a.role.lower()} {rng.choice(VERBS)} that the talks were constructive.",
        lambda: rng.choice(FILLER),
        lambda: (
            f"In {rng.randint(1992, 2020)}, {rng.randint(2, 900)} people were killed in fighting near "
            f"{rng.choice(COUNTRIES)[2]}."
        ),
    ]
    return rng.choice(templates)()


def article(rng: random.Random, words: int, index: int) -> Document:
    """An article of about ``words`` words: a headline, a dateline lead and paragraphs of 3-5 sentences."""
    people = [
        Person(rng.choice(FIRST), rng.choice(LAST), rng.choice(ROLES), rng.choice(COUNTRIES))
        for _ in range(rng.randint(3, 6))
    ]
    lead = people[0]
    paragraphs = [
        f"{lead.last} says {rng.choice(TOPICS)} on track",
        f"{lead.country[2].upper()}, March {rng.randint(1, 28)}. {sentence(rng, people)}",
    ]
    count = sum(len(p.split()) for p in paragraphs)
    while count < words:
        paragraph = " ".join(sentence(rng, people) for _ in range(rng.randint(3, 5)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return make_document(f"bench-{index}", "\n\n".join(paragraphs), language="en")


@dataclass
class Tally:
    documents: int = 0
    words: int = 0
    sentences: int = 0
    parsed: int = 0
    items: dict[str, int] = field(default_factory=dict)
    cpu: float = 0.0  # CPU seconds the worker spent (other processes on a busy machine do not count)

    def add(self, other: Tally) -> None:
        self.cpu += other.cpu
        self.documents += other.documents
        self.words += other.words
        self.sentences += other.sentences
        self.parsed += other.parsed
        for key, value in other.items.items():
            self.items[key] = self.items.get(key, 0) + value


def warm(_: int) -> int:
    """Load spaCy and the extractors in a worker before the clock starts."""
    settings = AnalyzeSettings()
    nlp.load(settings.spacy_model)
    run_chunk([make_document("warm", "Azerbaijani President Ilham Aliyev said on Monday.", language="en")])
    return 0


def run_chunk(documents: list[Document], full: bool = True) -> Tally:
    """The analyze stage over one chunk as the pipeline runs it; not ``full``: entities and time expressions
    only, with no sentence planned for a parse."""
    settings = AnalyzeSettings()
    planners = pipeline.PARSE_PLANNERS if full else ()
    plan = functools.partial(pipeline.sentences_to_parse, settings=settings, planners=planners)
    tally = Tally()
    started = time.process_time()
    for parsed in nlp.parse_batch(documents, settings, plan):
        if parsed is None:
            continue
        if full:
            found = pipeline.analyze_parsed(parsed, settings)
            items = {"entities": found.entities, "timexes": found.timexes, "quotes": found.quotes}
            items["events"] = found.events
        else:
            items = {
                "entities": entities.extract(parsed, settings=settings),
                "timexes": timex.extract(parsed),
            }
        counts = {name: len(values) for name, values in items.items()}
        tally.add(
            Tally(1, parsed.document.word_count, len(parsed.sentences), parsed.parsed_sentences, counts)
        )
    tally.cpu = time.process_time() - started
    return tally


def run_pair(documents: list[Document], full_first: bool) -> tuple[Tally, Tally]:
    """The chunk with and without quotes and events, back to back in ``full_first`` order, so that both see
    the same machine."""
    if full_first:
        full = run_chunk(documents)
        return full, run_chunk(documents, full=False)
    alone = run_chunk(documents, full=False)
    return run_chunk(documents), alone


def bench_share(documents: list[Document], processes: int) -> list[tuple[Tally, Tally]]:
    """(with, without) quotes and events for each chunk, alternately full or without first."""
    chunks = [documents[i : i + CHUNK_DOCS] for i in range(0, len(documents), CHUNK_DOCS)]
    with ProcessPoolExecutor(processes) as pool:
        list(pool.map(warm, range(processes)))
        return list(pool.map(run_pair, chunks, [i % 2 == 0 for i in range(len(chunks))]))


def share_report(pairs: list[tuple[Tally, Tally]]) -> str:
    """What quotes and events add to the CPU time per document over all pairs, with its range over groups of
    ``SHARE_GROUP`` chunks and over the pairs run full first and those run without first."""

    def share(some: list[tuple[Tally, Tally]]) -> float:
        return sum(f.cpu for f, _ in some) / sum(a.cpu for _, a in some) - 1

    groups = [share(pairs[i : i + SHARE_GROUP]) for i in range(0, len(pairs), SHARE_GROUP)]
    return (
        f"add {share(pairs):.0%} (groups of {SHARE_GROUP * CHUNK_DOCS} documents {min(groups):.0%} to "
        f"{max(groups):.0%}; full run first {share(pairs[0::2]):.0%}, without first {share(pairs[1::2]):.0%})"
    )


def bench_storyline(documents: list[Document], processes: int, full: bool = True) -> tuple[Tally, float]:
    chunks = [documents[i : i + CHUNK_DOCS] for i in range(0, len(documents), CHUNK_DOCS)]
    total = Tally()
    with ProcessPoolExecutor(processes) as pool:
        list(pool.map(warm, range(processes)))
        started = time.perf_counter()
        for tally in pool.map(functools.partial(run_chunk, full=full), chunks):
            total.add(tally)
        elapsed = time.perf_counter() - started
    return total, elapsed


BASELINES = {  # name: (spaCy components run, matrix products)
    "spaCy full pipeline (BLIS, as shipped)": (None, "blis"),
    "spaCy full pipeline (numpy matmul)": (None, "numpy"),
    "spaCy tok2vec+NER only (numpy matmul)": (("tok2vec", "ner"), "numpy"),
}
_baseline = None  # the pipeline a baseline worker runs, loaded by its initializer


def load_baseline(components: tuple[str, ...] | None, matmul: str) -> None:
    """Worker initializer: the model with ``components`` enabled (all when ``None``) on ``matmul`` products."""
    global _baseline
    import spacy

    nlp.use_matmul(matmul)
    full = spacy.load(AnalyzeSettings().spacy_model)
    if components is not None:
        full.select_pipes(enable=list(components))
    _baseline = full
    list(full.pipe(["Warm-up sentence for the pipeline."]))


def run_baseline_chunk(texts: list[str]) -> float:
    """The baseline over one chunk; returns the CPU seconds it took."""
    assert _baseline is not None
    started = time.process_time()
    for _ in _baseline.pipe(texts, batch_size=CHUNK_DOCS):
        pass
    return time.process_time() - started


def bench_spacy(
    documents: list[Document], processes: int, components: tuple[str, ...] | None, matmul: str
) -> float:
    """One baseline over the same texts, chunked over a process pool the same way storyline is."""
    texts = [d.text for d in documents]
    chunks = [texts[i : i + CHUNK_DOCS] for i in range(0, len(texts), CHUNK_DOCS)]
    with ProcessPoolExecutor(processes, initializer=load_baseline, initargs=(components, matmul)) as pool:
        list(pool.map(run_baseline_chunk, [["Warm-up."]] * processes))
        started = time.perf_counter()
        cpu = sum(pool.map(run_baseline_chunk, chunks))
        return time.perf_counter() - started, cpu


def spacy_version() -> str:
    """The installed spaCy: its compiled loops, not only the model, set the rate (see pyproject.toml)."""
    import spacy

    return spacy.__version__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--baseline-docs", type=int, default=0, help="spaCy baseline on the first N (0 = all)"
    )
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    documents = [article(rng, args.words, i) for i in range(args.docs)]
    words = sum(d.word_count for d in documents)
    print(
        f"{len(documents)} generated documents, {words / len(documents):.0f} words each on average; "
        f"{args.processes} processes; spaCy {spacy_version()}"
    )
    tally, elapsed = bench_storyline(documents, args.processes)
    print(
        f"{'storyline analyze stage':38}: {tally.documents / elapsed:7.1f} docs/s "
        f"{tally.words / elapsed:9.0f} words/s {tally.cpu / tally.documents * 1000:6.1f} CPU ms/doc "
        f"({elapsed:.1f} s; {tally.parsed}/{tally.sentences} sentences parsed = "
        f"{tally.parsed / max(1, tally.sentences):.0%}; found {tally.items})"
    )
    if not args.no_baseline:
        pairs = bench_share(documents, args.processes)
        alone = Tally()
        full = Tally()
        for tally_full, tally_alone in pairs:
            full.add(tally_full)
            alone.add(tally_alone)
        print(
            f"{'  without quotes and events':38}: {alone.cpu / alone.documents * 1000:6.1f} CPU ms/doc "
            f"(no parses; each chunk run with and without in turn, with {full.cpu / full.documents * 1000:.1f}): "
            f"quotes and events, with the parses they need, {share_report(pairs)}"
        )
    if not args.no_baseline:
        baseline = documents[: args.baseline_docs] if args.baseline_docs else documents
        base_words = sum(d.word_count for d in baseline)
        for name, (components, matmul) in BASELINES.items():
            spent, cpu = bench_spacy(baseline, args.processes, components, matmul)
            print(
                f"{name:38}: {len(baseline) / spent:7.1f} docs/s {base_words / spent:9.0f} words/s "
                f"{cpu / len(baseline) * 1000:6.1f} CPU ms/doc ({spent:.1f} s, {len(baseline)} documents)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
