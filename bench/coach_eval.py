"""Recall and precision of the coach on a labelled file, beside Presidio alone.

    .venv/bin/python bench/coach_eval.py [--data PATH] [--part all|develop|holdout]

The file follows shared/eval/README.md. Scoring follows the same rules as
shared/eval/score_coach.py (a finding counts when it overlaps a labelled span; per kind,
only when its kind is the labelled kind or a close one), and adds precision per kind.
Presidio alone is Presidio's AnalyzerEngine as configured out of the box for the same
spaCy model (organisations on); its entity types are mapped to our detail kinds.

--part splits the drafts by a hash of their id into a development two-thirds and a
held-out third, to watch the rules for overfitting.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import sys
import time
from collections import Counter, defaultdict
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from amends.coach import Coach
from amends.coach.nlp import PRESIDIO_KINDS, build_default_analyzer

DEFAULT_DATA = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval",
                            "coach-dev.jsonl")
CLOSE = [
    {"name", "contact"}, {"place", "organisation"}, {"date", "age"}, {"role", "relationship"},
    {"excusing", "minimising", "blaming"}, {"conditional_apology", "sorry_but"},
    {"parade_victim", "self_centring", "parade_monster"},
]
ELEMENTS = ("apology", "account", "impact", "responsibility", "repair", "change")


def compatible(labelled: str, found: str, family: str) -> bool:
    if labelled == found or (family == "detail" and labelled == "distinctive"):
        return True
    return any(labelled in group and found in group for group in CLOSE)


def overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a["start"] < b["end"] and b["start"] < a["end"])


def in_part(record_id: str, part: str) -> bool:
    if part == "all":
        return True
    bucket = int(hashlib.sha256(record_id.encode()).hexdigest(), 16) % 3
    return (bucket == 0) == (part == "holdout")


class Tally:
    def __init__(self) -> None:
        self.found: Counter[str] = collections.Counter()  # family -> labelled spans found
        self.labelled: Counter[str] = collections.Counter()
        self.true: Counter[str] = collections.Counter()  # family -> findings on a labelled span
        self.findings: Counter[str] = collections.Counter()
        self.kind_hits: Counter[str] = collections.Counter()  # labelled kind -> typed hits
        self.kind_labelled: Counter[str] = collections.Counter()
        self.kind_true: Counter[str] = collections.Counter()  # finding kind -> typed true findings
        self.kind_findings: Counter[str] = collections.Counter()
        self.missing: defaultdict[str, Counter[tuple[bool, bool]]] = collections.defaultdict(
            collections.Counter
        )

    def add(self, record: dict[str, Any], findings: list[dict[str, Any]]) -> None:
        for family, key in (("detail", "details"), ("pattern", "patterns")):
            mine = [f for f in findings if f["family"] == family and f.get("start") is not None]
            for lab in record[key]:
                hits = [f for f in mine if overlaps(f, lab)]
                self.labelled[family] += 1
                self.found[family] += bool(hits)
                self.kind_labelled[lab["kind"]] += 1
                self.kind_hits[lab["kind"]] += any(
                    compatible(lab["kind"], f["kind"], family) for f in hits)
            allowed = record[key] + record.get("optional", [])
            for f in mine:
                self.findings[family] += 1
                self.true[family] += any(overlaps(f, a) for a in allowed)
                self.kind_findings[f["kind"]] += 1
                self.kind_true[f["kind"]] += any(
                    overlaps(f, a) and compatible(a["kind"], f["kind"], family)
                    for a in record[key]) or any(
                    overlaps(f, a) for a in record.get("optional", []))
        said = {f["kind"] for f in findings if f["family"] == "missing"}
        for element in ELEMENTS:
            self.missing[element][(element in record["missing"], element in said)] += 1


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "  - "


def presidio_findings(analyzer: Any, text: str) -> list[dict[str, Any]]:
    out = []
    for res in analyzer.analyze(text=text, language="en"):
        out.append({"family": "detail", "kind": PRESIDIO_KINDS.get(res.entity_type, "other"),
                    "start": res.start, "end": res.end})
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--part", choices=["all", "develop", "holdout"], default="all")
    args = ap.parse_args()
    with open(args.data, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    records = [r for r in records if in_part(r["id"], args.part)]

    coach, presidio = Coach(), build_default_analyzer()
    tallies = {"coach": Tally(), "presidio": Tally()}
    took: dict[str, float] = {"coach": 0.0, "presidio": 0.0}
    for record in records:
        t0 = time.perf_counter()
        review = coach.review(record["text"])
        took["coach"] += time.perf_counter() - t0
        tallies["coach"].add(record, [f.to_dict() for f in review.findings])
        t0 = time.perf_counter()
        tallies["presidio"].add(record, presidio_findings(presidio, record["text"]))
        took["presidio"] += time.perf_counter() - t0

    c, p = tallies["coach"], tallies["presidio"]
    words = sum(len(r["text"].split()) for r in records)
    print(f"{args.data} ({args.part}): {len(records)} drafts, {words} words; "
          f"coach {took['coach']:.1f} s, presidio {took['presidio']:.1f} s")
    print()
    print("kind                  n    coach recall precision   presidio recall precision")
    kinds = sorted(set(c.kind_labelled) | set(c.kind_findings) - {"keep_out"},
                   key=lambda k: (k not in DETAIL_KINDS, k))
    for kind in kinds:
        print(f"  {kind:19} {c.kind_labelled[kind]:4}    {ratio(c.kind_hits[kind], c.kind_labelled[kind]):>6}"
              f" {ratio(c.kind_true[kind], c.kind_findings[kind]):>9}"
              f"   {ratio(p.kind_hits[kind], p.kind_labelled[kind]):>15}"
              f" {ratio(p.kind_true[kind], p.kind_findings[kind]):>9}")
    print()
    print("missing element      precision recall")
    for element in ELEMENTS:
        m = c.missing[element]
        print(f"  {element:18} {ratio(m[(True, True)], m[(True, True)] + m[(False, True)]):>9}"
              f" {ratio(m[(True, True)], m[(True, True)] + m[(True, False)]):>6}")
    print()
    for name, t in (("coach", c), ("presidio alone", p)):
        print(f"{name:15} details recall {ratio(t.found['detail'], t.labelled['detail'])} "
              f"precision {ratio(t.true['detail'], t.findings['detail'])}; "
              f"patterns recall {ratio(t.found['pattern'], t.labelled['pattern'])} "
              f"precision {ratio(t.true['pattern'], t.findings['pattern'])}")
    print("targets: details recall 0.95 at precision 0.80; patterns recall 0.85 at precision 0.75")
    return 0


DETAIL_KINDS = {"name", "contact", "place", "organisation", "date", "age", "role",
                "relationship", "distinctive"}

if __name__ == "__main__":
    raise SystemExit(main())
