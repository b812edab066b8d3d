"""The coach as a pipeline of named components.

A review runs these stages in order, and each component in a stage adds spans or removes
them:

    normalise → segment → parse → details → patterns → suppressors → assemble

`COMPONENTS` is the registry: every component with its stage and what it does. Any
component that is not load-bearing can be switched off, alone or by its whole stage
(`Coach(without={"suppressors"})`), so that `bench/coach_eval.py --ablation` can show what
each one contributes. With nothing switched off the coach is the one the web app uses.

The stages that read one segment (parse, details, patterns and the suppressors that read
the parse) run here, in `analyse`; their results depend on the segment's text only and are
cached by the engine. The document-level components (placeholders, repeats, refusals,
whose, risk) run in `engine.assemble`, which reads the same switches.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from amends.coach import detail_model, element_sentences, elements_model
from amends.coach import lexicon as lx
from amends.coach.details import Candidate, age_may_end, regex_candidates, token_candidates
from amends.coach.layout import LIST_MARKER, Layout, normalise_layout
from amends.coach.patterns import (
    PatternHit,
    element_signals,
    sentence_cues,
    sentence_patterns,
    sentences,
)
from amends.coach.suppress import suppress


@dataclass(frozen=True)
class Component:
    """One named step of the pipeline."""

    name: str
    stage: str
    does: str  # what it adds or removes, in words
    optional: bool = True  # whether it can be switched off
    # Whether the coach members use runs it. One that is off by default can be switched
    # on (`Coach(also={"presidio"})`) to measure what it would add.
    on_by_default: bool = True


STAGES = ("normalise", "segment", "parse", "details", "patterns", "suppressors", "assemble")

COMPONENTS: tuple[Component, ...] = (
    Component(
        "normalise",
        "normalise",
        "reads the draft with its formatting undone (quote marks, bullets, list numbers, "
        "hashtags, emphasis capitals), offset for offset",
    ),
    Component(
        "segment",
        "segment",
        "cuts paragraphs into sentences, list items and headings; off, a paragraph is one segment",
    ),
    Component(
        "parse",
        "parse",
        "spaCy's parse of each segment, which every later step reads",
        optional=False,
    ),
    # Off by default: on the development set and on the tune split its entities, e-mail
    # addresses and phone numbers add no detail our rules and the parse's entities miss,
    # and they cost precision and a third of the review's time (docs/coach.md, Figures).
    Component(
        "presidio",
        "details",
        "adds Presidio's entities, e-mail addresses and phone numbers",
        on_by_default=False,
    ),
    Component(
        "detail_rules",
        "details",
        "adds our rules' details: titles, relations, ages, years, lower-case names, "
        "handles, life events",
    ),
    Component("detail_model", "details", "adds the learned reading of details"),
    Component(
        "pattern_cues",
        "patterns",
        "adds each kind's cues and meanings (rules/<kind>.toml), the parse's semantic "
        "fields and the apology's shape",
    ),
    Component(
        "pattern_model",
        "patterns",
        "adds the sentence classifier's pattern where no cue fired, and removes a cue's "
        "finding it is all but sure is honest",
    ),
    Component(
        "pattern_sentences",
        "patterns",
        "reads each sentence a pattern was found in by meaning, and withdraws the pattern "
        "when the sentence reads as honest with high confidence (praise of her courage, "
        "a refused excuse, a 'will NOT' list, the passive about what others did)",
    ),
    Component(
        "elements", "patterns", "finds the six elements; off, every element is said to be missing"
    ),
    Component(
        "element_sentences",
        "patterns",
        "reads each sentence by meaning for the six elements: adds an element a sentence "
        "tells in words no cue knows, removes a cue's element the sentence does not tell",
    ),
    # Off by default since the sentence reading came: on the tune split, with it on, 5 of
    # the 6 elements' "missing" reach 0.85 precision and recall; with the draft model on
    # as well, 4, and it takes true "missing" warnings back on the development set
    # (impact recall 0.64 → 0.55). `--with element_model` measures it.
    Component(
        "element_model",
        "patterns",
        "finds an element the cues missed, by what the draft's words mean (a 'missing' it "
        "takes back)",
        on_by_default=False,
    ),
    Component(
        "detail_suppressors",
        "suppressors",
        "removes details whose only evidence proves nothing: a capital that opens a "
        "sentence or quotation, a quantity, a label, half a hyphenated word, people in "
        "general, a vague time, a time or a home read as a role, an interviewer's label",
    ),
    Component(
        "scope",
        "suppressors",
        "removes patterns about someone else or the world: praise of her courage, "
        "'I never did it again', deferring to her memory, an apology nothing takes back, "
        "an interviewer's turn, a heading",
    ),
    Component(
        "refusals",
        "suppressors",
        "removes patterns named in order to reject them: 'that is no excuse', the next "
        "sentence's 'It wasn't.', a hypothetical, a list under a heading that refuses",
    ),
    Component(
        "placeholders",
        "assemble",
        "removes the letters and made-up names the author introduced ('I'll call her A')",
    ),
    Component("repeats", "assemble", "adds a name, place or group wherever it recurs"),
    Component("keep_out", "assemble", "adds the member's private keep-out terms", optional=False),
    Component(
        "merge", "assemble", "one finding per stretch of text and kind family", optional=False
    ),
    Component("whose", "assemble", "says whose each detail is; off, it is not said"),
    Component(
        "risk", "assemble", "the combination risk, read from the details found", optional=False
    ),
)
BY_NAME = {c.name: c for c in COMPONENTS}
OPTIONAL = tuple(c.name for c in COMPONENTS if c.optional)


DEFAULT_OFF = frozenset(c.name for c in COMPONENTS if not c.on_by_default)


def _named(name: str) -> list[Component]:
    if name in BY_NAME and name not in STAGES:
        return [BY_NAME[name]]
    if name in STAGES:
        return [c for c in COMPONENTS if c.stage == name]
    raise ValueError(
        f"No coach component or stage is called {name!r}; the components are {', '.join(BY_NAME)}."
    )


def switched_off(without: Iterable[str], also: Iterable[str] = ()) -> frozenset[str]:
    """The components that do not run: those off by default unless `also` switches them
    on, and those `without` switches off. Each name is a component or a whole stage; a
    name that is neither, or a component the pipeline cannot run without, is refused."""
    on = {c.name for name in also for c in _named(name)}
    off: set[str] = set(DEFAULT_OFF - on)
    for name in without:
        named = _named(name)
        required = [c.name for c in named if not c.optional]
        if required and len(named) == 1:
            raise ValueError(f"The coach cannot run without {name!r}.")
        off |= {c.name for c in named if c.optional}
    return frozenset(off)


@dataclass(frozen=True)
class SegmentResult:
    """Everything the coach learns from one segment, with offsets relative to it."""

    candidates: tuple[Candidate, ...]
    patterns: tuple[PatternHit, ...]
    elements: frozenset[str]
    last_sentence: int  # where the segment's last sentence starts
    # The segment's share of the element model's reading (six numbers, no words).
    meaning: tuple[float, ...] | None = None


# -- normalise and segment ---------------------------------------------------------------
def read(text: str, off: frozenset[str] = frozenset()) -> tuple[Layout, list[tuple[int, int]]]:
    """The draft as the coach reads it, and the segments it is read in."""
    layout = Layout(text, ()) if "normalise" in off else normalise_layout(text)
    if "segment" in off:
        return layout, paragraph_spans(layout.text)
    return layout, segment_spans(layout.text, text)


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
# Where a paragraph may be cut into sentence-sized segments: after . ! or ? and before a
# capital, but never after a title or an initial ("Dr. Feld", "T.R. said").
_SEGMENT_BREAK = re.compile(
    r"(?<![A-Z]\.)(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bSt\.)(?<!\bMrs\.)(?<!\bProf\.)"
    r"(?<=[.!?])[\"”’)]?[ \t]+(?=[\"“‘(]?[A-Z])"
)
_LINE_BREAK = re.compile(r"[ \t]*\n")
_LINE_END = set(".!?:;\"'")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def segment_spans(text: str, original: str | None = None) -> list[tuple[int, int]]:
    """Paragraphs, each cut into sentence-sized segments: the units that are analysed and
    cached. Parsing a sentence alone gives the same result as parsing it in its paragraph
    for what the coach looks at, and an edit usually touches one sentence of one paragraph.

    A line is its own segment when it is a list item or a heading, or when the line
    before it ended a sentence (`original`, the text as typed, shows the list markers
    that `text`, its normalised layout, has blanked)."""
    original = text if original is None else original
    out = []
    for start, end in paragraph_spans(text):
        pos = start
        for m in _SEGMENT_BREAK.finditer(text, start, end):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, end))
    lines = []
    for s, e in out:
        for m in _LINE_BREAK.finditer(text, s, e):
            nl = m.start() + m.group(0).index("\n")
            if text[s:nl].rstrip()[-1:] in _LINE_END or LIST_MARKER.match(original, nl + 1):
                lines.append((s, nl))
                s = nl + 1
        lines.append((s, e))
    return [(s, e) for s, e in lines if text[s:e].strip()]


# -- details, patterns and the suppressors that read a segment's parse -------------------
Presidio = Callable[[str, Any], list[Candidate]]


def detail_candidates(
    text: str, doc: Any, presidio: Presidio, off: frozenset[str] = frozenset()
) -> list[Candidate]:
    """What the detail recognisers that are switched on find in one parsed segment."""
    found = presidio(text, doc) if "presidio" not in off else []
    if "detail_rules" not in off:
        found += regex_candidates(text) + token_candidates(doc)
    return found


def elements_present(
    parts: Sequence[SegmentResult], off: frozenset[str] = frozenset()
) -> frozenset[str]:
    """The elements a draft holds: those any segment's cues show, and those the element
    model reads in the draft as a whole."""
    present: frozenset[str] = frozenset().union(*(part.elements for part in parts))
    if not {"elements", "element_model"} & off:
        meanings = [part.meaning for part in parts if part.meaning is not None]
        present |= elements_model.get_model().present(meanings)
    return present


def segment_elements(
    doc: Any, reader: element_sentences.Model | None, off: frozenset[str] = frozenset()
) -> frozenset[str]:
    """The elements one parsed segment tells: its cues' elements, each read again by the
    sentence model when it is on (`reader`), which also finds elements no cue knows."""
    if "elements" in off:
        return frozenset()
    if reader is None:
        return element_signals(doc)
    sents = sentences(doc)
    return element_sentences.read_sentences(reader, sents, [sentence_cues(s) for s in sents])


def learned_candidates(
    model: detail_model.Model, segments: Sequence[tuple[Any, str, Sequence[Candidate]]]
) -> list[list[Candidate]]:
    """What the detail model adds to the rules' candidates, segment by segment."""
    found = model.spans_many(
        [(doc, text, [(c.start, c.end, c.kind) for c in cands]) for doc, text, cands in segments]
    )
    return [
        [
            Candidate(s, e, kind, detail_model.SOURCE)
            for s, e, kind in spans
            if not _generic(text[s:e])
            and (kind != "age" or age_may_end(text, e))
            and (kind != "distinctive" or _named_or_counted(text[s:e]) or _about_them(doc, s))
        ]
        for (doc, text, _), spans in zip(segments, found, strict=True)
    ]


_GENERIC = lx.PROPER_STOP | lx.NOT_NAMES | lx.MONTHS | lx.HOLIDAYS | lx.SEASONS | lx.COUNTRIES


def _about_them(doc: Any, start: int) -> bool:
    """Whether the clause a stretch sits in tells what a third person does or has ("He
    looked after the sound desk for our band"): a habit or a post that singles them out,
    where "I pulled her onto the dance floor" only says where something happened."""
    token = next((t for t in doc if t.idx <= start < t.idx + len(t.text)), None)
    while token is not None:
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return subjects[0].lower_ in {"she", "he", "they"}
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _named_or_counted(span: str) -> bool:
    """Whether a stretch the detail model reads as distinctive carries a capital or a
    number among its words ("the Halloween gig", "the 2018 Christmas party"): on the
    train and tune splits the model's distinctive readings of plain common nouns ("the
    dance floor", "the office party") were almost all wrong, and the rules find the
    events and descriptors that single a person out in plain words."""
    words = span.split()
    return any(w[:1].isupper() or any(ch.isdigit() for ch in w) for w in words) and not all(
        w.strip(".,").isdigit() for w in words
    )


def _generic(span: str) -> bool:
    """Words that never identify anyone on their own: a weekday, a month, "God"."""
    return all(w.strip(".,'’") in _GENERIC for w in span.lower().split())


def analyse(
    texts: Sequence[str],
    docs: dict[str, Any],
    presidio: Presidio,
    off: frozenset[str] = frozenset(),
) -> list[SegmentResult]:
    """The details, patterns and element signals of each parsed segment."""
    found = {text: detail_candidates(text, docs[text], presidio, off) for text in texts}
    if "detail_model" not in off:
        learned = learned_candidates(
            detail_model.get_model(), [(docs[t], t, found[t]) for t in texts]
        )
        for text, extra in zip(texts, learned, strict=True):
            found[text] += extra
    reader = None if {"elements", "element_model"} & off else elements_model.get_model()
    sentence_reader = (
        None if {"elements", "element_sentences"} & off else element_sentences.get_model()
    )
    out = []
    for text in texts:
        doc = docs[text]
        cands = found[text] if "detail_suppressors" in off else suppress(doc, text, found[text])
        sents = sentences(doc)
        elements = segment_elements(doc, sentence_reader, off)
        meaning = reader.segment(text) if reader is not None else None
        out.append(
            SegmentResult(
                tuple(cands),
                tuple(sentence_patterns(doc, off)),
                elements,
                sents[-1].start_char if sents else 0,
                meaning,
            )
        )
    return out
