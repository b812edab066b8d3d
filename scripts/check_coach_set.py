"""Check labelled coach sets against the schema of the shared evaluation README.

python3 scripts/check_coach_set.py [--stats] [FILE.jsonl ...]
(default: every corpora/coach/{train,tune,test}/*.jsonl)

Errors (exit 1): a missing or extra field, an id used twice, a kind or `whose` outside the
README's tables, offsets that do not give the span's text, a span with edge whitespace, two
spans of one family that overlap, an optional span over a detail, an unlabelled occurrence of
a labelled detail's exact text, a `missing` element outside the six, and a name labelled in
more than one set or also used in the development set. Warnings: a text outside 150-600
words, and a labelled name, contact, place or organisation found unlabelled in another case. --stats prints per-file counts and which pattern kinds each role covers.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEV = pathlib.Path("/work/shared/eval/coach-dev.jsonl")
DETAIL_KINDS = {
    "name",
    "contact",
    "place",
    "organisation",
    "date",
    "age",
    "role",
    "relationship",
    "distinctive",
}
PATTERN_KINDS = {
    "minimising",
    "excusing",
    "blaming",
    "forgiveness_request",
    "conditional_apology",
    "sorry_but",
    "evasive_passive",
    "memory_denial",
    "parade_brave",
    "parade_innocent",
    "parade_victim",
    "parade_monster",
    "self_centring",
}
WHOSE = {"harmed", "author", "other"}
ELEMENTS = {"account", "apology", "change", "impact", "repair", "responsibility"}
FIELDS = {"id", "text", "details", "patterns", "optional", "missing"}
ALLOWED = FIELDS | {"notes"}
FOLDED = {"name", "contact", "place", "organisation"}


def overlap(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def check_spans(rid: str, text: str, spans: list, family: str, errors: list[str]) -> None:
    for span in spans:
        keys = (
            {"start", "end", "text"}
            | ({"kind", "whose"} if family == "detail" else set())
            | ({"kind"} if family == "pattern" else set())
        )
        if set(span) != keys:
            errors.append(f"{rid}: {family} span fields {sorted(span)} != {sorted(keys)}")
            continue
        s, e = span["start"], span["end"]
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            errors.append(f"{rid}: {family} span offsets {s}..{e} out of range")
            continue
        if text[s:e] != span["text"]:
            errors.append(f"{rid}: {family} text[{s}:{e}]={text[s:e]!r} != {span['text']!r}")
        if span["text"] != span["text"].strip():
            errors.append(f"{rid}: {family} span has edge whitespace: {span['text']!r}")
        if family == "detail":
            if span["kind"] not in DETAIL_KINDS:
                errors.append(f"{rid}: detail kind {span['kind']!r}")
            if span["whose"] not in WHOSE:
                errors.append(f"{rid}: whose {span['whose']!r}")
        if family == "pattern" and span["kind"] not in PATTERN_KINDS:
            errors.append(f"{rid}: pattern kind {span['kind']!r}")
    ordered = sorted(spans, key=lambda x: (x["start"], x["end"]))
    for a, b in itertools.pairwise(ordered):
        if overlap(a, b):
            errors.append(f"{rid}: overlapping {family} spans {a['text']!r} / {b['text']!r}")


def unlabelled_occurrences(
    text: str, details: list, optional: list, fold: bool = False
) -> list[str]:
    """Occurrences of a labelled detail's text that no detail or optional span covers.

    With fold, names, contacts, places and organisations are also sought regardless of case
    (a speaker label in capitals is still the name)."""
    covered = details + optional
    found = []
    spans = {d["text"] for d in details if not fold or d["kind"] in FOLDED}
    for span in spans:
        pattern = r"(?<!\w)" + re.escape(span) + r"(?!\w)"
        for match in re.finditer(pattern, text, flags=re.IGNORECASE if fold else 0):
            probe = {"start": match.start(), "end": match.end()}
            if not any(overlap(probe, c) for c in covered):
                found.append(f"{span!r} at {match.start()}")
    return found


def dev_names() -> set[str]:
    names: set[str] = set()
    if DEV.exists():
        for line in DEV.open(encoding="utf-8"):
            for d in json.loads(line)["details"]:
                if d["kind"] == "name":
                    names.add(d["text"].lower())
    return names


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--stats", action="store_true")
    args = ap.parse_args()
    files = [pathlib.Path(f) for f in args.files] or sorted(
        (ROOT / "corpora" / "coach").glob("*/genre-*.jsonl")
    )
    errors: list[str] = []
    warnings: list[str] = []
    ids: set[str] = set()
    name_home: dict[str, set[str]] = collections.defaultdict(set)
    from_dev = dev_names()
    coverage: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    rows = []
    for path in files:
        counts = collections.Counter()
        for n, line in enumerate(path.open(encoding="utf-8"), 1):
            where = f"{path.name}:{n}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"{where}: not JSON ({exc})")
                continue
            if not set(rec) >= FIELDS or not set(rec) <= ALLOWED:
                errors.append(f"{where}: fields {sorted(rec)}")
                continue
            rid, text = rec["id"], rec["text"]
            if rid in ids:
                errors.append(f"{where}: id {rid} used twice")
            ids.add(rid)
            check_spans(rid, text, rec["details"], "detail", errors)
            check_spans(rid, text, rec["patterns"], "pattern", errors)
            check_spans(rid, text, rec["optional"], "optional", errors)
            for o in rec["optional"]:
                for d in rec["details"]:
                    if overlap(o, d):
                        errors.append(
                            f"{rid}: optional {o['text']!r} overlaps detail {d['text']!r}"
                        )
            for miss in unlabelled_occurrences(text, rec["details"], rec["optional"]):
                errors.append(f"{rid}: unlabelled occurrence of a labelled detail: {miss}")
            exact = set(unlabelled_occurrences(text, rec["details"], rec["optional"]))
            for miss in unlabelled_occurrences(text, rec["details"], rec["optional"], fold=True):
                if miss not in exact:
                    warnings.append(f"{rid}: unlabelled occurrence in another case: {miss}")
            if (
                not isinstance(rec["missing"], list)
                or not set(rec["missing"]) <= ELEMENTS
                or len(set(rec["missing"])) != len(rec["missing"])
            ):
                errors.append(f"{rid}: missing {rec['missing']!r}")
            words = len(text.split())
            if not 150 <= words <= 600:
                warnings.append(f"{rid}: {words} words")
            for d in rec["details"]:
                if d["kind"] == "name":
                    name_home[d["text"].lower()].add(f"{path.parent.name}/{path.name}")
                    if d["text"].lower() in from_dev:
                        errors.append(
                            f"{rid}: name {d['text']!r} is also used in the development set"
                        )
            counts["texts"] += 1
            counts["details"] += len(rec["details"])
            counts["patterns"] += len(rec["patterns"])
            counts["missing"] += len(rec["missing"])
            counts["no_detail"] += not rec["details"]
            counts["several_details"] += len(rec["details"]) >= 3
            counts["with_pattern"] += bool(rec["patterns"])
            counts["words"] += words
            for p in rec["patterns"]:
                coverage[path.parent.name][p["kind"]] += 1
        rows.append((path, counts))
    for name, homes in name_home.items():
        if len(homes) > 1:
            errors.append(f"name {name!r} is labelled in more than one set: {sorted(homes)}")
    if args.stats:
        print(
            f"{'file':44} texts details patterns missing no-detail >=3-details with-pattern words"
        )
        for path, c in rows:
            rel = f"{path.parent.name}/{path.name}"
            print(
                f"{rel:44} {c['texts']:5} {c['details']:7} {c['patterns']:8} {c['missing']:7}"
                f" {c['no_detail']:9} {c['several_details']:11} {c['with_pattern']:12} {c['words']:5}"
            )
        for role in sorted(coverage):
            absent = sorted(PATTERN_KINDS - set(coverage[role]))
            print(f"{role}: pattern kinds {dict(sorted(coverage[role].items()))}")
            print(f"{role}: kinds absent: {absent or 'none'}")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print(f"{len(files)} files, {len(ids)} records, {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
