"""Response moderation on a labelled file, beside a profanity filter in the same run.

    .venv/bin/python bench/moderation_eval.py [--data PATH]

The file follows shared/eval/README.md (comments-dev.jsonl's schema; the default is that
file, and corpora/moderation/test/responses.jsonl is the unseen set). Each response is
judged as an established member's on a statement with default settings, as
`amends moderate --jsonl` judges it, and the figures follow shared/eval/score_moderation.py.
The baseline is alt-profanity-check holding every response it finds profane and
publishing the rest. Time per response is wall-clock and CPU time, after the models are
loaded; the machine is shared, so CPU time is the steadier figure.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as the command line sets it
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from amends.moderation import Context, measured, moderate

DEFAULT_DATA = os.path.join(
    os.path.dirname(__file__), "..", "..", "shared", "eval", "comments-dev.jsonl"
)
HARM = ("threat", "doxxing", "incitement", "self_harm")
VOICE = ("anger", "pain", "survivor_story", "support", "critique", "question")
DECISIONS = ("publish", "hold", "reject")
WANTED = {
    **dict.fromkeys(HARM, "reject"),
    **dict.fromkeys(VOICE, "publish"),
    "insult": "hold",
    "link": "hold",
}


def run(
    records: Sequence[dict[str, Any]], judge: Callable[[str], str]
) -> tuple[dict[str, collections.Counter[str]], float, float]:
    table: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    wall, cpu = time.perf_counter(), time.process_time()
    for rec in records:
        table[rec["category"]][judge(rec["text"])] += 1
    n = max(len(records), 1)
    return table, (time.perf_counter() - wall) / n, (time.process_time() - cpu) / n


def share(table: dict[str, collections.Counter[str]], cats: Sequence[str], decision: str) -> float:
    n = sum(sum(table[c].values()) for c in cats if c in table)
    return sum(table[c][decision] for c in cats if c in table) / n if n else float("nan")


def report(name: str, table: dict[str, collections.Counter[str]], wall: float, cpu: float) -> None:
    print(f"\n== {name}")
    print(f"  {'category':15} {'publish':>7} {'hold':>5} {'reject':>6}   as wanted")
    for cat in sorted(table):
        c = table[cat]
        print(
            f"  {cat:15} {c['publish']:7} {c['hold']:5} {c['reject']:6}   "
            f"{c[WANTED.get(cat, '')] / max(sum(c.values()), 1):.2f}"
        )
    harm = min((share(table, [c], "reject") for c in HARM if c in table), default=float("nan"))
    print(
        f"  harm rejected (worst category) {harm:.2f} (target 0.95); voices published "
        f"{share(table, VOICE, 'publish'):.2f} (0.90); insults held "
        f"{share(table, ['insult'], 'hold'):.2f} (0.85); links held "
        f"{share(table, ['link'], 'hold'):.2f}"
    )
    print(f"  time per response: {wall * 1000:.1f} ms wall, {cpu * 1000:.1f} ms CPU")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument(
        "--record",
        metavar="NAME",
        help="keep Amends' figures as the measurement NAME (development, unseen) in "
        "amends/moderation/measured.json and the model card, for the about page",
    )
    args = parser.parse_args()
    with open(args.data, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    print(f"{len(records)} responses from {args.data}")

    from profanity_check import predict

    predict(["warm up"])

    def baseline(text: str) -> str:
        return "hold" if predict([text])[0] else "publish"

    context = Context()
    moderate("Warm up: load the coach, the encoder and the classifier.", context)

    def ours(text: str) -> str:
        return moderate(text, context).verdict.decision.value

    table, wall, cpu = run(records, ours)
    report("Amends moderation", table, wall, cpu)
    report("baseline: alt-profanity-check holds what it finds profane", *run(records, baseline))
    if args.record:
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        source = os.path.relpath(os.path.abspath(args.data), root)
        if source.startswith(".."):  # the shared development set lives beside the project
            source = os.path.basename(args.data)
        measured.record(args.record, source, table)
        card = os.path.join(root, "amends", "moderation", "MODEL_CARD.md")
        with open(card, encoding="utf-8") as fh:
            text = fh.read()
        with open(card, "w", encoding="utf-8") as fh:
            fh.write(measured.with_card_section(text))
        print(f"\nrecorded as {args.record!r} in amends/moderation/measured.json and the card")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
