"""`amends coach [--json] [--jsonl] FILE`: review a draft from the command line.

FILE is UTF-8 text, or `-` for standard input. With --jsonl, FILE holds one JSON record
per line with `id` and `text`, and one line `{"id", "findings", ...}` is printed per
record; the model is loaded once for all of them.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from amends.coach import Review, get_coach


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def _as_json(review: Review) -> dict[str, Any]:
    out = review.to_dict()
    for finding in out["findings"]:
        if finding["family"] != "detail":
            finding.pop("whose", None)
    return out


def _print_text(review: Review, out: TextIO) -> None:
    for family, title in (
        ("detail", "Identifying details"),
        ("pattern", "Failure patterns"),
        ("missing", "Missing elements"),
    ):
        items = review.of_family(family)
        print(f"{title} ({len(items)})", file=out)
        for f in items:
            where = f"[{f.start}-{f.end}] " if f.start is not None else ""
            whose = f" ({f.whose}'s)" if f.whose else ""
            quote = f' "{f.text}"' if f.text else ""
            print(f"  {where}{f.kind}{whose}:{quote}", file=out)
            print(f"      {f.reason}", file=out)
            print(f"      Suggestion: {f.suggestion}", file=out)
        print(file=out)
    print(f"Risk: {review.risk}", file=out)
    for reason in review.risk_reasons:
        print(f"  - {reason}", file=out)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="amends coach", description=__doc__.splitlines()[0])
    parser.add_argument("file", help="a UTF-8 text file, or - for standard input")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument(
        "--jsonl",
        action="store_true",
        help="FILE holds JSON records with id and text, one per line",
    )
    parser.add_argument(
        "--keep-out",
        action="append",
        default=[],
        metavar="TERM",
        help="a name or place that must always be flagged (repeatable)",
    )
    args = parser.parse_args(argv)
    coach = get_coach()
    try:
        data = _read(args.file)
    except OSError as exc:
        print(f"amends coach: {exc}", file=sys.stderr)
        return 2
    if args.jsonl:
        for line in data.splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            review = coach.review(record["text"], keep_out=args.keep_out)
            if args.json:
                print(json.dumps({"id": record.get("id"), **_as_json(review)}, ensure_ascii=False))
            else:
                print(f"== {record.get('id')}")
                _print_text(review, sys.stdout)
        return 0
    review = coach.review(data, keep_out=args.keep_out)
    if args.json:
        print(json.dumps(_as_json(review), ensure_ascii=False, indent=2))
    else:
        _print_text(review, sys.stdout)
    return 0
