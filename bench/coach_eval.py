"""Recall and precision of the coach on a labelled file, beside Presidio alone.

    .venv/bin/python bench/coach_eval.py [--data PATH ...] [--part all|develop|holdout]
                                         [--without NAME ...] [--with NAME ...] [--ablation]

The file follows shared/eval/README.md. Scoring follows the same rules as
shared/eval/score_coach.py (a finding counts when it overlaps a labelled span; per kind,
only when its kind is the labelled kind or a close one), and adds precision per kind.
Presidio alone is Presidio's AnalyzerEngine as configured out of the box for the same
spaCy model (organisations on); its entity types are mapped to our detail kinds.

--without switches a component of the coach's pipeline off (or a whole stage; the names
are in amends/coach/pipeline.py); --with switches on one that is off by default
(presidio). --ablation runs the coach as members use it and then with each optional
component switched the other way (off, or on for one off by default), one at a time, in
the same run, and prints what each contributes: the change in each figure.

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
from amends.coach.kinds import Family, Kind
from amends.coach.nlp import PRESIDIO_KINDS, build_default_analyzer
from amends.coach.pipeline import BY_NAME, DEFAULT_OFF, OPTIONAL

DEFAULT_DATA = os.path.join(
    os.path.dirname(__file__), "..", "..", "shared", "eval", "coach-dev.jsonl"
)
CLOSE = [
    {"name", "contact"},
    {"place", "organisation"},
    {"date", "age"},
    {"role", "relationship"},
    {"excusing", "minimising", "blaming"},
    {"conditional_apology", "sorry_but"},
    {"parade_victim", "self_centring", "parade_monster"},
]
ELEMENTS = tuple(kind.value for kind in Kind if kind.family is Family.MISSING)
DETAIL_KINDS = {kind.value for kind in Kind if kind.family is Family.DETAIL}


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
                    compatible(lab["kind"], f["kind"], family) for f in hits
                )
            allowed = record[key] + record.get("optional", [])
            for f in mine:
                self.findings[family] += 1
                self.true[family] += any(overlaps(f, a) for a in allowed)
                self.kind_findings[f["kind"]] += 1
                self.kind_true[f["kind"]] += any(
                    overlaps(f, a) and compatible(a["kind"], f["kind"], family) for a in record[key]
                ) or any(overlaps(f, a) for a in record.get("optional", []))
        said = {f["kind"] for f in findings if f["family"] == "missing"}
        for element in ELEMENTS:
            self.missing[element][(element in record["missing"], element in said)] += 1


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "  - "


def presidio_findings(analyzer: Any, text: str) -> list[dict[str, Any]]:
    out = []
    for res in analyzer.analyze(text=text, language="en"):
        out.append(
            {
                "family": "detail",
                "kind": PRESIDIO_KINDS.get(res.entity_type, "other"),
                "start": res.start,
                "end": res.end,
            }
        )
    return out


def run_coach(coach: Coach, records: list[dict[str, Any]]) -> tuple[Tally, float]:
    tally, took = Tally(), 0.0
    for record in records:
        t0 = time.perf_counter()
        review = coach.review(record["text"])
        took += time.perf_counter() - t0
        tally.add(record, [f.to_dict() for f in review.findings])
    return tally, took


def figures(t: Tally) -> dict[str, float]:
    """The headline figures of one run: details and patterns recall and precision, and
    the precision of "missing" pooled over the six elements."""
    said = sum(m[(True, True)] + m[(False, True)] for m in t.missing.values())
    right = sum(m[(True, True)] for m in t.missing.values())
    return {
        "details R": _div(t.found["detail"], t.labelled["detail"]),
        "details P": _div(t.true["detail"], t.findings["detail"]),
        "patterns R": _div(t.found["pattern"], t.labelled["pattern"]),
        "patterns P": _div(t.true["pattern"], t.findings["pattern"]),
        "missing P": _div(right, said),
    }


def _div(a: float, b: float) -> float:
    return a / b if b else float("nan")


def ablation(records: list[dict[str, Any]], presidio_tally: Tally) -> None:
    """Everything on, then each optional component off in turn, in one run."""
    base, took = run_coach(Coach(), records)
    rows = [("as used (defaults)", figures(base), took)]
    for name in OPTIONAL:
        if name in DEFAULT_OFF:
            tally, took = run_coach(Coach(also={name}), records)
            rows.append((f"with {name}", figures(tally), took))
            continue
        tally, took = run_coach(Coach(without={name}), records)
        rows.append((f"without {name}", figures(tally), took))
    cols = list(rows[0][1])
    print(
        "what each component contributes (a figure's change when it is switched off, or "
        "on for one that is off by default)"
    )
    print(f"  {'':26}" + "".join(f"{c:>12}" for c in cols) + f"{'seconds':>9}")
    ref = rows[0][1]
    for label, figs, took in rows:
        cells = "".join(
            f"{figs[c]:>12.3f}" if label == "as used (defaults)" else f"{figs[c] - ref[c]:>+12.3f}"
            for c in cols
        )
        print(f"  {label:26}{cells}{took:>9.1f}")
    pf = figures(presidio_tally)
    print(
        f"  {'presidio alone':26}"
        + "".join(f"{pf[c]:>12.3f}" if c.startswith("details") else f"{'':>12}" for c in cols)
    )
    print()
    for name in OPTIONAL:
        print(f"  {name:19} {BY_NAME[name].stage:12} {BY_NAME[name].does}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", nargs="+", default=[DEFAULT_DATA])
    ap.add_argument("--part", choices=["all", "develop", "holdout"], default="all")
    ap.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="NAME",
        help="switch a pipeline component or stage off (repeatable)",
    )
    ap.add_argument(
        "--with",
        dest="also",
        action="append",
        default=[],
        metavar="NAME",
        help="switch on a component that is off by default (repeatable)",
    )
    ap.add_argument(
        "--ablation",
        action="store_true",
        help="the defaults, then each optional component switched, in one run",
    )
    args = ap.parse_args()
    records = []
    for path in args.data:
        with open(path, encoding="utf-8") as fh:
            records += [json.loads(line) for line in fh if line.strip()]
    records = [r for r in records if in_part(r["id"], args.part)]
    data = ", ".join(os.path.relpath(p) for p in args.data)

    presidio = build_default_analyzer()
    p, took_presidio = Tally(), 0.0
    for record in records:
        t0 = time.perf_counter()
        p.add(record, presidio_findings(presidio, record["text"]))
        took_presidio += time.perf_counter() - t0
    words = sum(len(r["text"].split()) for r in records)
    if args.ablation:
        print(
            f"{data} ({args.part}): {len(records)} drafts, {words} words; "
            f"presidio {took_presidio:.1f} s"
        )
        ablation(records, p)
        return 0
    c, took_coach = run_coach(Coach(without=args.without, also=args.also), records)
    off = f" without {', '.join(args.without)}" if args.without else ""
    off += f" with {', '.join(args.also)}" if args.also else ""
    print(
        f"{data} ({args.part}): {len(records)} drafts, {words} words; "
        f"coach{off} {took_coach:.1f} s, presidio {took_presidio:.1f} s"
    )
    print()
    print("kind                  n    coach recall precision   presidio recall precision")
    kinds = sorted(
        set(c.kind_labelled) | set(c.kind_findings) - {"keep_out"},
        key=lambda k: (k not in DETAIL_KINDS, k),
    )
    for kind in kinds:
        print(
            f"  {kind:19} {c.kind_labelled[kind]:4}    {ratio(c.kind_hits[kind], c.kind_labelled[kind]):>6}"
            f" {ratio(c.kind_true[kind], c.kind_findings[kind]):>9}"
            f"   {ratio(p.kind_hits[kind], p.kind_labelled[kind]):>15}"
            f" {ratio(p.kind_true[kind], p.kind_findings[kind]):>9}"
        )
    print()
    print("missing element      precision recall")
    for element in ELEMENTS:
        m = c.missing[element]
        print(
            f"  {element:18} {ratio(m[(True, True)], m[(True, True)] + m[(False, True)]):>9}"
            f" {ratio(m[(True, True)], m[(True, True)] + m[(True, False)]):>6}"
        )
    print()
    for name, t in (("coach" + off, c), ("presidio alone", p)):
        print(
            f"{name:15} details recall {ratio(t.found['detail'], t.labelled['detail'])} "
            f"precision {ratio(t.true['detail'], t.findings['detail'])}; "
            f"patterns recall {ratio(t.found['pattern'], t.labelled['pattern'])} "
            f"precision {ratio(t.true['pattern'], t.findings['pattern'])}"
        )
    print(
        "targets: details recall 0.95 at precision 0.85; patterns recall 0.85 at precision 0.85;"
        " missing elements precision 0.85"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
