"""The coach: one entry point that takes a draft and returns findings.

A draft is reviewed paragraph by paragraph. Each paragraph's analysis (spaCy, Presidio,
our detail rules, pattern cues, element signals) depends on that paragraph's text only,
so it is cached by text: after a one-paragraph edit only that paragraph is parsed again.
Everything that needs the whole draft (placeholders the author introduced, a name seen
in one paragraph and repeated in another, whose detail it is, missing elements, the
combination risk) is recomputed from the cached parts, which is cheap.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any

from amends.coach import lexicon as lx
from amends.coach.details import Candidate, presidio_candidates
from amends.coach.kinds import DETAILS, ELEMENTS, Kind, join
from amends.coach.layout import (
    Layout,
    asker_turns,
    heading_spans,
    normalise_layout,
    refusal_spans,
)
from amends.coach.model import Finding, Review
from amends.coach.nlp import artifacts, build_shared_analyzer, get_nlp
from amends.coach.patterns import REJECTABLE, normalise, rejects_previous
from amends.coach.pipeline import (
    SegmentResult,
    analyse,
    detail_candidates,
    elements_present,
    learned_candidates,
    paragraph_spans,
    read,
    segment_spans,
    switched_off,
)

# Re-exported: the scripts and benches read segments and assemble reviews themselves.
__all__ = [
    "Coach",
    "SegmentResult",
    "assemble",
    "learned_candidates",
    "paragraph_spans",
    "segment_spans",
]

_PLACEHOLDER = re.compile(
    r"\b(?:call|calling|refer to|referring to|name|naming)(?: (?:her|him|them|this person|the "
    r"person))?(?: as)? [\"'“‘]?(?!I\b)([A-Z])\b(?![a-z])"
    # "I'll call the person I harmed J.", "who I will simply call R": a few words may come
    # between the verb and the letter.
    r"|\b(?i:i'?ll|i will|i'm going to|i am going to|i'd like to|let me|i) (?i:just |simply )?"
    r"(?i:call|refer to)(?: (?:[a-z']+|I)){1,5}?(?: as)? [\"'“‘]?(?!I\b)([A-Z])\b(?![a-z])"
)
# "maya (not her real name)": a made-up name is a placeholder too.
_PSEUDONYM = re.compile(
    r"\b(\w+) \((?:not (?:her|his|their) real (?:name|initials?)|a pseudonym|name changed)\)",
    re.IGNORECASE,
)
CACHE_SIZE = 4096
_ENTITIES = ["PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME"]


class Coach:
    """Reviews statements, responses or letters. Create once; the model loads on first use.

    `without` switches components of the pipeline off (see `pipeline.COMPONENTS`), and
    `also` switches on one that is off by default (Presidio's recognisers), to measure what
    each contributes; the coach members use is `Coach()`."""

    def __init__(
        self, cache_size: int = CACHE_SIZE, *, without: Iterable[str] = (), also: Iterable[str] = ()
    ) -> None:
        self.off = switched_off(without, also)
        # Keyed by segment text: a sentence-sized piece of a paragraph (see segment_spans).
        self._cache: OrderedDict[bytes, SegmentResult] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self._analyzer: Any = None
        self._engine: Any = None
        self.analysed_segments = 0  # a counter the tests and the speed bench read

    # -- segment level ---------------------------------------------------------------
    def _ensure_loaded(self) -> None:
        if self._analyzer is None:
            self._analyzer, self._engine = build_shared_analyzer(get_nlp())

    def _analyse(self, segments: list[str]) -> None:
        todo = [p for p in dict.fromkeys(segments) if _key(p) not in self._cache]
        if not todo:
            return
        docs = self.parse(todo)
        for text, result in zip(todo, analyse(todo, docs, self.presidio, self.off), strict=True):
            self._store(text, result)
            self.analysed_segments += 1

    def parse(self, segments: list[str]) -> dict[str, Any]:
        """Each segment parsed, the way the coach reads it."""
        nlp = get_nlp()
        # The entity recognizer is the costliest part of the model and can only find
        # something where a word is capitalised or a number is written; elsewhere it is
        # switched off (our own rules still read every segment).
        may_name = {t: _may_name(t) for t in segments}
        named = [t for t in segments if may_name[t]]
        plain = [t for t in segments if not may_name[t]]
        docs = dict(zip(named, nlp.pipe(named), strict=True))
        docs.update(zip(plain, nlp.pipe(plain, disable=["ner"]), strict=True))
        return docs

    def presidio(self, text: str, doc: Any) -> list[Candidate]:
        """The details Presidio finds in one parsed segment."""
        self._ensure_loaded()
        # Each of Presidio's recognizers runs only where it could find something: the
        # e-mail one needs an "@", the phone one a digit, the entity one a capital or
        # a digit. Without any of them, none runs.
        entities = _ENTITIES if _may_name(text) else []
        if "@" in text:
            entities = [*entities, "EMAIL_ADDRESS"]
        if any(ch.isdigit() for ch in text):
            entities = [*entities, "PHONE_NUMBER"]
        results = (
            self._analyzer.analyze(
                text=text,
                language="en",
                entities=entities,
                nlp_artifacts=artifacts(self._engine, doc),
            )
            if entities
            else []
        )
        return presidio_candidates(results, doc)

    def rule_candidates(self, text: str, doc: Any) -> list[Candidate]:
        """The details Presidio and our rules find in one parsed segment (no model)."""
        return detail_candidates(text, doc, self.presidio, self.off)

    def _store(self, text: str, result: SegmentResult) -> None:
        key = _key(text)
        self._cache[key] = result
        self._cache.move_to_end(key)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    # -- document level --------------------------------------------------------------
    def review(self, text: str, *, keep_out: Sequence[str] = ()) -> Review:
        # Everything is read on the draft with its formatting undone (the same length, so
        # offsets hold); findings quote what the member typed.
        layout, spans = read(text, self.off)
        with self._lock:
            self._analyse([layout.text[s:e] for s, e in spans])
            parts = [(s, self._cache[_key(layout.text[s:e])]) for s, e in spans]
        return assemble(text, parts, keep_out, layout, self.off)


_CAPITAL_OR_NUMBER = re.compile(r"\d|(?<=\W)(?!I\b|I'|I’)[A-Z]")
_FIRST_WORD = re.compile(r"\W*([A-Za-z']+)")


def _may_name(segment: str) -> bool:
    """Whether a segment may hold a named entity: a capital after its first word, a digit,
    or a first word that is not an ordinary sentence opener."""
    if _CAPITAL_OR_NUMBER.search(segment, 1):
        return True
    first = _FIRST_WORD.match(segment)
    if first is None:
        return False
    return first.group(1).lower() not in lx.PROPER_STOP | lx.NOT_NAMES


def _key(segment: str) -> bytes:
    """The cache key of a segment: a digest, so that no member's text stays in memory
    once a review is over (results hold offsets and kinds only)."""
    return hashlib.blake2b(segment.encode(), digest_size=16).digest()


def assemble(
    text: str,
    parts: list[tuple[int, SegmentResult]],
    keep_out: Sequence[str],
    layout: Layout | None = None,
    off: frozenset[str] = frozenset(),
) -> Review:
    """The review of the whole draft, from its segments' cached results: the pipeline's
    assemble stage (placeholders, repeats, keep-out, merge, refusals, whose, risk)."""
    typed = text
    layout = layout or normalise_layout(text)
    text = layout.text
    cands = [
        Candidate(c.start + base, c.end + base, c.kind, c.source, c.hint)
        for base, part in parts
        for c in part.candidates
        if not layout.is_formatting(c.start + base, c.end + base)
    ]
    placeholders: set[str] = set()
    if "placeholders" not in off:
        placeholders = {letter for pair in _PLACEHOLDER.findall(text) for letter in pair if letter}
        placeholders |= {w for m in _PSEUDONYM.findall(text) for w in (m, m.lower(), m.title())}
        cands = [c for c in cands if not _is_placeholder(text[c.start : c.end], placeholders)]
    cands = _trim(text, cands)
    if "repeats" not in off:
        cands += _propagate(text, cands, placeholders)
    cands += _keep_out(typed, keep_out)
    scope = "scope" not in off
    asked, labels = asker_turns(text) if scope or "detail_suppressors" not in off else ([], [])
    if "detail_suppressors" not in off:
        # "HOST:", "CHAIR:": a transcript's furniture, not a detail.
        cands = [c for c in cands if not any(s < c.end and c.start < e for s, e in labels)]
    # Whose words a line holds: an interviewer's question and a heading are not the
    # author's account, so no pattern is read in them.
    elsewhere = asked + heading_spans(text) if scope else []
    merged = _merge(cands)
    harmed = _harmed_names(text, merged)
    findings = [_detail_finding(text, c, harmed, typed, "whose" not in off) for c in merged]
    refusals = "refusals" not in off
    refused = refusal_spans(typed) if refusals else []
    for n, (base, part) in enumerate(parts):
        # A segment's last sentence can be taken back by the next segment's first one
        # ("I told myself it was fine. It wasn't."): then it names the pattern to reject it.
        following = ""
        if n + 1 < len(parts):
            nxt = parts[n + 1][0]
            following = normalise(text[nxt : nxt + 120]).split(".")[0]
        for hit in part.patterns:
            if (
                refusals
                and hit.kind in REJECTABLE
                and hit.start >= part.last_sentence
                and following
                and rejects_previous(following)
            ):
                continue
            kind = Kind(hit.kind)
            start, end = hit.start + base, hit.end + base
            if any(s <= start < e for s, e in refused):
                continue  # "Our goal should not be: • to parade as brave"
            if any(s <= start < e for s, e in elsewhere):
                continue  # "INTERVIEWER: It was only a kiss?", "On not remembering"
            while start < end and text[start].isspace():
                start += 1  # a bullet or list number blanked by the layout
            findings.append(
                Finding("pattern", kind, start, end, typed[start:end], kind.reason, kind.suggestion)
            )
    present = elements_present([part for _, part in parts], off)
    for element in ELEMENTS:
        if element not in present:
            findings.append(
                Finding("missing", element, None, None, "", element.reason, element.suggestion)
            )
    risk, reasons = _risk([f for f in findings if f.family == "detail"])
    findings.sort(key=lambda f: (f.start if f.start is not None else len(text) + 1, f.family))
    return Review(findings=findings, risk=risk, risk_reasons=reasons)


def _is_placeholder(span: str, placeholders: set[str]) -> bool:
    letters = span.replace(".", "").strip()
    return bool(placeholders) and (letters in placeholders or span.strip() in placeholders)


def _trim(text: str, cands: list[Candidate]) -> list[Candidate]:
    out = []
    for c in cands:
        s, e = c.start, c.end
        while s < e and text[s] in " \n\t\"'“”‘’(,":
            s += 1
        while e > s and text[e - 1] in " \n\t\"'“”‘’),.;:":
            e -= 1
        if e > s:
            out.append(Candidate(s, e, c.kind, c.source, c.hint))
    return out


def _propagate(text: str, cands: list[Candidate], placeholders: set[str]) -> list[Candidate]:
    """A name, place or organisation found once is flagged wherever it recurs."""
    seen: dict[str, str] = {}
    for c in cands:
        if c.kind not in {"name", "place", "organisation"} or c.source == "initial":
            continue
        words = text[c.start : c.end].split()
        surface = text[c.start : c.end]
        if len(surface) >= 3:
            seen.setdefault(surface, c.kind)
        if c.kind == "name" and len(words) > 1 and words[0][:1].isupper():
            for w in words:
                w = w.strip(".,'’s")
                if (
                    len(w) >= 3
                    and w.lower() not in lx.PROPER_STOP
                    and w.lower() not in lx._TITLES_WORDS
                ):
                    seen.setdefault(w, "name")
    out = []
    for surface, kind in seen.items():
        if surface in placeholders:
            continue
        flags = 0 if surface[:1].isupper() else re.IGNORECASE
        if flags and surface.lower() in lx.AMBIGUOUS_NAMES:
            continue
        for m in re.finditer(r"(?<![\w@.])" + re.escape(surface) + r"(?![\w@])", text, flags):
            out.append(Candidate(m.start(), m.end(), kind, "repeat"))
    return out


def _keep_out(text: str, keep_out: Sequence[str]) -> list[Candidate]:
    out = []
    for term in keep_out:
        term = term.strip()
        if not term:
            continue
        for m in re.finditer(r"(?<!\w)" + re.escape(term) + r"(?!\w)", text, re.IGNORECASE):
            out.append(Candidate(m.start(), m.end(), "keep_out", "keep_out"))
    return out


# A keep-out term outranks every kind a rule gave the same words.
_PRIORITY = {"keep_out": 0, **{k.value: k.priority for k in DETAILS}}
_FAMILY_OF = {
    "organisation": "org",
    "place": "org",
    "name": "name",
    "contact": "name",
    "date": "time",
    "age": "time",
    "role": "role",
    "relationship": "role",
    "distinctive": "distinctive",
    "keep_out": "name",
}


def _merge(cands: list[Candidate]) -> list[Candidate]:
    """One finding per stretch of text and kind family: the union of overlapping spans."""
    keep_out = [c for c in cands if c.kind == "keep_out"]
    rest = sorted(
        (c for c in cands if c.kind != "keep_out"),
        key=lambda c: (_FAMILY_OF[c.kind], c.start, -c.end),
    )
    merged: list[Candidate] = []
    for c in rest:
        last = merged[-1] if merged else None
        if last and _FAMILY_OF[last.kind] == _FAMILY_OF[c.kind] and c.start < last.end:
            kind = min(last.kind, c.kind, key=lambda k: _PRIORITY[k])
            if last.source in {"presidio", "proper"} and c.source in {"role", "relationship"}:
                kind = c.kind
            merged[-1] = Candidate(
                last.start, max(last.end, c.end), kind, last.source, last.hint or c.hint
            )
        else:
            merged.append(c)
    out: list[Candidate] = []
    for k in keep_out:
        # A keep-out term replaces whatever rule found the same words.
        inside = [c for c in merged if c.start >= k.start and c.end <= k.end]
        kind = inside[0].kind if inside else "name"
        merged = [c for c in merged if c not in inside]
        out.append(Candidate(k.start, k.end, kind, "keep_out"))
    return sorted(merged + out, key=lambda c: c.start)


def _harmed_names(text: str, cands: list[Candidate]) -> set[str]:
    """The names of the person harmed: those the apology or the most sentences address."""
    names = Counter(
        text[c.start : c.end].split()[0].strip(",.").lower()
        for c in cands
        if c.kind == "name" and text[c.start : c.end].split()
    )
    if not names:
        return set()
    harmed = set()
    for sentence in _SENTENCE_END.split(text.lower()):
        if _APOLOGY_WORD.search(sentence):
            words = set(re.findall(r"[\w'’]+", sentence))
            harmed |= {name for name in names if name in words}
    if not harmed:
        harmed.add(names.most_common(1)[0][0])
    return harmed


_SENTENCE_END = re.compile(r"[.!?\n]+")
_APOLOGY_WORD = re.compile(r"\b(?:sorry|apologi[sz]e|forgive)")
_AUTHOR_CONTEXT = re.compile(r"\b(?:me|my|i'm|i am|i)\b[^.]{0,40}$", re.IGNORECASE)


def _whose(text: str, c: Candidate, harmed: set[str]) -> str | None:
    span = text[c.start : c.end]
    before = text[max(0, c.start - 60) : c.start]
    sentence_start = max(text.rfind(".", 0, c.start), text.rfind("\n", 0, c.start)) + 1
    lead = text[sentence_start : c.start].lower()
    if c.kind == "name":
        first = span.split()[0].strip(",.").lower() if span.split() else ""
        return "harmed" if first in harmed else "other"
    if c.kind == "contact":
        return "author" if _AUTHOR_CONTEXT.search(before) else "harmed"
    if c.kind == "relationship":
        # "She was my girlfriend": the relation is the harmed person; "her sister" is not.
        return "harmed" if re.search(r"\b(?:she|he)(?:'s| was| is)\s*$", lead) else "other"
    if c.hint in {"author", "third"}:
        return "author" if c.hint == "author" else "harmed"
    # Otherwise the nearest person before the detail ("I was 34 and she was 22").
    # Subjects first ("I was her supervisor at X": X is the author's), then possessives.
    for group in (r"\b(i|i'm|we|she|he)\b", r"\b(my|me|our|her|his)\b"):
        people = re.findall(group, lead)
        if people:
            return "author" if people[-1] in {"i", "i'm", "my", "me", "we", "our"} else "harmed"
    if c.kind in {"date", "distinctive"}:
        return "harmed"
    return None


def _age_suggestion(span: str) -> str | None:
    m = re.search(r"\d+", span)
    value = int(m.group(0)) if m else None
    if value is None:
        words = re.findall(r"[a-z]+", span.lower())
        total = sum(lx.NUMBER_WORDS.get(w, 0) + lx.UNITS.get(w, 0) for w in words)
        value = total or None
    if value is not None and value < 18:
        return "Say 'she was a minor' (or 'he was a minor'): the fact matters, the number does not."
    return None


def _detail_finding(
    text: str, c: Candidate, harmed: set[str], typed: str, whose_on: bool = True
) -> Finding:
    span = text[c.start : c.end]
    if c.source == "keep_out":
        reason = "This is on your private list of names and places to keep out."
        suggestion = "Remove it or replace it with a general description."
    else:
        reason, suggestion = Kind(c.kind).reason, Kind(c.kind).suggestion
    whose = _whose(text, c, harmed) if whose_on else None
    if c.kind == "age":
        suggestion = _age_suggestion(span) or suggestion
    if c.kind == "role" and whose == "author":
        suggestion = "Keep the power relation without the title: 'I was senior to her at work'."
    return Finding(
        "detail", Kind(c.kind), c.start, c.end, typed[c.start : c.end], reason, suggestion, whose
    )


_QUASI = frozenset(DETAILS) - {Kind.NAME, Kind.CONTACT}


def _risk(details: list[Finding]) -> tuple[str, list[str]]:
    reasons = []
    kinds = Counter(Kind(f.kind) for f in details)
    direct = [k for k in (Kind.NAME, Kind.CONTACT) if kinds[k]]
    quasi = [k for k in DETAILS if k in kinds and k in _QUASI]
    if direct:
        verb = "identifies" if direct == [Kind.NAME] else "identify"
        reasons.append(
            f"The draft contains {join([k.noun for k in direct])}, which {verb} someone directly."
        )
    if len(quasi) >= 2:
        reasons.append(
            f"Together, {join([k.noun for k in quasi])} narrow the story down to "
            + ("very few people." if len(quasi) >= 3 else "a few people.")
        )
    if direct or len(quasi) >= 3:
        return "high", reasons
    if quasi:
        if len(quasi) == 1:
            reasons.append(f"One kind of identifying detail remains: {quasi[0].noun}.")
        return "medium", reasons
    return "low", reasons
