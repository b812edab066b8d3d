"""A learned reading of identifying details, word by word.

The detail rules in details.py are precise, but identifying details have a long tail:
titles in unusual grammar ("she ran the raid nights"), one-off descriptions ("the yellow
bucket hat everyone knew her by"), names that are also words. This model reads each word
with its neighbours, its grammar, whether it is a dictionary word, and what the rules
already found around it, and gives it a probability of belonging to each kind of detail.
Words it is confident about, and the rules passed over, become extra detail candidates.

It is a multinomial logistic regression, trained by scripts/train_detail_model.py on
fictional labelled drafts we wrote (corpora/coach/train/drafts), never on the development drafts. A word
the dictionary does not know is seen by its shape only ("Xxxx", "xxxx"), never by its
spelling, so the model cannot learn the names in its training drafts and holds none of
them. Its weights ship beside this file; nothing is downloaded.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_ALPHA, LENGTH, LIKE_NUM, LOWER, POS, TAG

from amends.coach.cards import require_weights
from amends.coach.classifier import PEOPLE
from amends.coach.corpora import CORPORA
from amends.coach.nlp import cached_lemma, known_word, lemma

WEIGHTS = Path(__file__).with_name("detail_model.npz")
# The labelled drafts it learns from (corpora/coach/train/drafts). The tuning sets (A and B,
# Y and D1 to D3: the thresholds were chosen on them) are only ever measured on, and the
# test sets (D4 to D6, scored once unseen with the coach as released) are never read.
TRAINING = CORPORA / "train" / "drafts"
TUNING = CORPORA / "tune" / "drafts"
NONE = "none"
KINDS = ("name", "place", "organisation", "date", "age", "role", "relationship", "distinctive")
CLASSES = (NONE, *KINDS)
SOURCE = "learned"

# People as the pattern classifier sees them, except that "they" stays apart from "she"
# and "he": a group ("they ran the bar") is read differently from one person.
_WHO = {
    **PEOPLE,
    **dict.fromkeys(["they", "them", "their", "theirs", "themselves", "themself"], "<they>"),
}
_NO_KINDS: frozenset[str] = frozenset()
_TAG_NAMES: dict[int, str] = {}
_LEMMA_POS = frozenset({"NOUN", "VERB", "ADJ"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "NUM", "ADJ", "VERB", "X", "INTJ"})


def _shape(text: str) -> str:
    if text.isdigit():
        return "d" * min(len(text), 4)
    if text.isalpha():
        if text.isupper():
            return "X" if len(text) == 1 else "XX"
        if text[0].isupper():
            return "Xx" if text[1:].islower() else "XxX"
        return "x" if text.islower() else "xX"
    out: list[str] = []
    for ch in text[:6]:
        kind = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)


class Words:
    """A parsed segment read once into plain lists: what the model needs of each word,
    without creating spaCy's per-word objects again and again (the model reads every
    segment of every review, so this is where its time goes)."""

    def __init__(self, doc: Any, text: str) -> None:
        table = doc.to_array(
            [LOWER, POS, TAG, DEP, HEAD, ENT_TYPE, IS_ALPHA, LIKE_NUM, IDX, LENGTH]
        )
        arr = table.tolist()
        strings = doc.vocab.strings
        tags = _TAG_NAMES

        def tag(key: int) -> str:
            # Parts of speech, dependencies and entity labels are a closed set: remembered
            # across segments. Words are looked up each time and never remembered.
            value = tags.get(key)
            if value is None:
                value = strings[key] if key else ""
                if len(tags) < 1000:
                    tags[key] = value
            return value

        self.doc = doc
        self.n = len(arr)
        self.lower: list[str] = [strings[r[0]] for r in arr]
        self.pos = [tag(r[1]) for r in arr]
        self.tag = [tag(r[2]) for r in arr]
        self.dep = [tag(r[3]) for r in arr]
        # Numbers come back unsigned: a head to the left is a wrapped negative offset.
        self.head: list[int] = (
            table[:, 4].astype(np.int64) + np.arange(len(arr), dtype=np.int64)
        ).tolist()
        self.ent = [tag(r[5]) for r in arr]
        self.idx = [r[8] for r in arr]
        self.text = [text[r[8] : r[8] + r[9]] for r in arr]
        self.forms = [self._form(n, r[6] == 1, r[7] == 1) for n, r in enumerate(arr)]

    def _form(self, i: int, alpha: bool, number: bool) -> str:
        """What the model may know of a word: people reduced to who they are, dictionary
        words as themselves, and any other word by its shape alone."""
        low = self.lower[i]
        who = _WHO.get(low)
        if who is not None:
            return who
        if alpha and not known_word(low):
            return "?" + _shape(self.text[i])
        if number and not alpha:
            return "#" + _shape(self.text[i])
        return low

    def lemma(self, i: int) -> str:
        """A word's lemma when it is a dictionary word ("?" otherwise: a verb the
        dictionary does not know may be a name the tagger took for one)."""
        value = cached_lemma(self.lower[i], self.pos[i]) or lemma(self.doc[i])
        return value if known_word(value) else "?"

    def rule_kinds(self, spans: Iterable[tuple[int, int, str]]) -> list[frozenset[str]]:
        """Which detail kinds the rules found over each word."""
        kinds: list[frozenset[str]] = [_NO_KINDS] * self.n
        for s, e, kind in spans:
            for i in range(self.n):
                if s < self.idx[i] + len(self.text[i]) and self.idx[i] < e:
                    kinds[i] = kinds[i] | {kind}
        return kinds

    def candidates(self, rule_kinds: Sequence[frozenset[str]]) -> list[int]:
        """The words the model reads: content words the rules did not already cover. A
        word a rule covers is reported by the rule; a function word is never a detail on
        its own."""
        return [i for i in range(self.n) if self.pos[i] in _CONTENT_POS and not rule_kinds[i]]


def token_features(
    words: Words, rule_kinds: Sequence[frozenset[str]], which: Sequence[int]
) -> list[list[str]]:
    """The features of the given words of a segment. `rule_kinds` says, per word, which
    kinds of detail the rules (ours and Presidio's) already found over it."""
    forms, pos, deps, heads = words.forms, words.pos, words.dep, words.head
    n = words.n
    # Who owns a phrase ("her", "my", "the") and who is the subject of a verb.
    owner: dict[int, str] = {}
    subject: dict[int, str] = {}
    for i in range(n):
        if deps[i] in {"poss", "det"} and i < heads[i]:
            owner.setdefault(heads[i], forms[i])
        elif deps[i] in {"nsubj", "nsubjpass"}:
            subject.setdefault(heads[i], forms[i])
    people = [i for i, f in enumerate(forms) if f[:1] == "<"]
    out = []
    for i in which:
        form, p, dep, h = forms[i], pos[i], deps[i], heads[i]
        feats = [
            f"w:{form}",
            f"s:{_shape(words.text[i])}",
            f"t:{words.tag[i]}",
            f"d:{dep}",
            f"e:{words.ent[i]}",
            f"h:{forms[h]}|{dep}",
            f"hp:{pos[h]}|{dep}",
            f"pw:{p}|{form}",
        ]
        if i > 0:
            feats += [f"w-1:{forms[i - 1]}", f"p-1:{pos[i - 1]}", f"b-1:{forms[i - 1]}|{form}"]
            feats += [f"r-1:{k}" for k in rule_kinds[i - 1]]
            if i > 1:
                feats += [f"w-2:{forms[i - 2]}", f"p-2:{pos[i - 2]}"]
        else:
            feats.append("start")
        if i + 1 < n:
            feats += [f"w1:{forms[i + 1]}", f"p1:{pos[i + 1]}", f"b1:{form}|{forms[i + 1]}"]
            feats += [f"r1:{k}" for k in rule_kinds[i + 1]]
            if i + 2 < n:
                feats += [f"w2:{forms[i + 2]}", f"p2:{pos[i + 2]}"]
        if dep in {"compound", "amod", "nummod", "nmod"} and h in owner:
            feats.append(f"own:{owner[h]}|{forms[h]}")
        if i in owner:
            feats.append(f"own:{owner[i]}|{form}")
        if dep == "pobj":
            feats.append(f"prep:{forms[h]}")
        elif deps[h] == "pobj":
            feats.append(f"prep:{forms[heads[h]]}")
        if p in _LEMMA_POS and form[:1] not in "?<#":
            feats.append(f"l:{words.lemma(i)}")
        # Who does what: the verb a word belongs to and that verb's subject ("<them>
        # study", "<me> run"), so a role or trait told as an action is read as one.
        verb = i if p in {"VERB", "AUX"} else h if pos[h] in {"VERB", "AUX"} else -1
        if verb >= 0:
            verb_lemma = words.lemma(verb)
            feats.append(f"v:{subject.get(verb, '-')}|{verb_lemma}")
            if verb != i:
                feats.append(f"vd:{verb_lemma}|{dep}")
        feats += [f"near:{forms[j]}" for j in people if abs(j - i) <= 4]
        out.append(feats)
    return out


@dataclass(frozen=True)
class Model:
    index: dict[str, int]
    weights: Any  # numpy array, features x classes
    bias: Any
    threshold: float
    digest: str
    # A single ordinary word ("floor", "came") needs more than the threshold: alone, a
    # dictionary word is rarely a detail, and it is the model's commonest false alarm.
    single: float = 0.0

    def probabilities(self, feats: list[list[str]]) -> Any:
        """P(class) for each word, as a words x classes array."""
        index = self.index
        ids: list[int] = []
        starts: list[int] = []
        for row in feats:
            starts.append(len(ids))
            ids.extend({index[f] for f in row if f in index})
        if not feats:
            return np.zeros((0, len(CLASSES)))
        lengths = np.diff([*starts, len(ids)])
        scale = 1.0 / np.sqrt(np.maximum(lengths, 1))
        scores = np.zeros((len(feats), len(CLASSES)), dtype=np.float32)
        if ids:
            gathered = self.weights[np.asarray(ids)]
            nonempty = lengths > 0
            sums = np.add.reduceat(gathered, np.asarray(starts)[nonempty], axis=0)
            scores[nonempty] = sums * scale[nonempty, None]
        scores += self.bias
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def spans(
        self, doc: Any, text: str, rule_spans: Iterable[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """Character spans (start, end, kind) of the details this model finds in a
        segment (`doc`, parsed from `text`), beyond the rules' own `rule_spans`."""
        return self.spans_many([(doc, text, rule_spans)])[0]

    def spans_many(
        self, segments: Sequence[tuple[Any, str, Iterable[tuple[int, int, str]]]]
    ) -> list[list[tuple[int, int, str]]]:
        """`spans` for several segments at once: one matrix product for all of them.
        A detail is a run of words whose probability of being one clears the threshold,
        joined across the function words between them ("head of science")."""
        read = []
        feats: list[list[str]] = []
        for doc, text, rule_spans in segments:
            words = Words(doc, text)
            kinds = words.rule_kinds(rule_spans)
            which = words.candidates(kinds)
            feats += token_features(words, kinds, which)
            read.append((words, which))
        probs = self.probabilities(feats)
        out = []
        row = 0
        for words, which in read:
            found: list[tuple[int, int, str, float | None]] = []
            run: list[tuple[int, Any]] = []
            for i, p in zip(which, probs[row : row + len(which)], strict=True):
                if 1.0 - p[0] < self.threshold:
                    continue
                if run and (
                    i - run[-1][0] > 3
                    or any(words.pos[j] == "PUNCT" for j in range(run[-1][0] + 1, i))
                ):
                    found.append(_span(words, run))
                    run = []
                run.append((i, p))
            if run:
                found.append(_span(words, run))
            out.append(
                [(a, b, kind) for a, b, kind, lone in found if lone is None or lone >= self.single]
            )
            row += len(which)
        return out


def _span(words: Words, run: list[tuple[int, Any]]) -> tuple[int, int, str, float | None]:
    """A run's character span, its kind, and, when it is one dictionary word, that word's
    probability of being a detail. A capital is no exception: "Western world" or a
    sentence's first word is as ordinary as "floor"."""
    first, last = run[0][0], run[-1][0]
    mass = sum(row[1:] for _, row in run)
    lone = None
    if len(run) == 1 and words.forms[first][:1] not in "?#":
        lone = 1.0 - float(run[0][1][0])
    return (
        words.idx[first],
        words.idx[last] + len(words.text[last]),
        KINDS[int(mass.argmax())],
        lone,
    )


@functools.cache
def get_model() -> Model:
    """The shipped model; MissingWeights when its weights are absent."""
    return load(require_weights(WEIGHTS, "scripts/train_detail_model.py"))


def load(path: Path) -> Model:
    with np.load(path, allow_pickle=False) as data:
        if tuple(str(c) for c in data["classes"]) != CLASSES:
            raise ValueError(f"{path.name} was trained for other classes; retrain it")
        features = [str(f) for f in data["features"]]
        return Model(
            index={f: n for n, f in enumerate(features)},
            weights=data["weights"].astype(np.float32),
            bias=data["bias"].astype(np.float32),
            threshold=float(data["threshold"]),
            digest=str(data["digest"]),
            single=float(data["single"]) if "single" in data else 0.0,
        )


def training_files() -> list[Path]:
    return sorted(TRAINING.glob("coach-*.jsonl"))
