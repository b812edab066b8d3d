"""`amends moderate --jsonl FILE`: judge responses from the command line.

FILE holds one JSON record per line with `id` and `text` (`-` for standard input); one
line `{"id", "decision", "reason", "step"}` is printed per record. Each is judged as the
response of an established member on a statement with default settings (no first-response
hold, no rate limits), which is how shared/eval/README.md asks for it. Without --jsonl,
FILE is one response as text, and the verdict is printed with its explanation.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

# One BLAS thread: the encoder's matrices are small, and on a busy machine several
# threads spend more time waiting for each other than multiplying (about 20 times slower
# on the 2-core development machine). Set before numpy is first imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from amends.moderation import Context, moderate


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="amends moderate", description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", help="a UTF-8 text file, or - for standard input")
    parser.add_argument(
        "--jsonl", metavar="FILE", help="records with id and text, one JSON object per line"
    )
    args = parser.parse_args(argv)
    source = args.jsonl or args.file
    if source is None:
        parser.error("give a FILE or --jsonl FILE")
    try:
        data = _read(source)
    except OSError as exc:
        print(f"amends moderate: {exc}", file=sys.stderr)
        return 2
    context = Context()
    if args.jsonl is None:
        verdict = moderate(data, context).verdict
        print(f"{verdict.decision.value} ({verdict.reason.value}, step {verdict.step})")
        print(verdict.explanation)
        return 0
    for line in data.splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        verdict = moderate(record["text"], context).verdict
        print(
            json.dumps(
                {
                    "id": record.get("id"),
                    "decision": verdict.decision.value,
                    "reason": verdict.reason.value,
                    "step": verdict.step,
                },
                ensure_ascii=False,
            ),
            flush=True,
        )
    return 0
