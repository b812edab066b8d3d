"""Build the real-genre coach sets (corpora/coach/<role>/*.jsonl) from their marked-up sources.

python3 scripts/build_coach_sets.py [SOURCE ...]

Each source, corpora/coach-source/<role>/genre-<genre>-<letter>.txt, holds records written
with their labels inline, so that offsets are computed, never typed:

    @@ 03 | missing: change, repair | notes: what the text is and why it is in the set
    The draft, with [[Niamh|name|h]] for an identifying detail (kind, whose: h harmed,
    a author, o other), {{it was only a kiss|min}} for a failure pattern (details may sit
    inside it) and <<that spring>> for an optional span.

The script removes the markup, records each span's offsets in the clean text, asserts
text[start:end] == span for every span, and writes one JSON line per record, in the schema
of the shared evaluation README (id, text, details, patterns, optional, missing, notes).
Run scripts/check_coach_set.py on the output.
"""

from __future__ import annotations

import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT / "corpora" / "coach-source"
OUT = ROOT / "corpora" / "coach"

DETAIL_KINDS = {
    "name": "name",
    "contact": "contact",
    "place": "place",
    "org": "organisation",
    "date": "date",
    "age": "age",
    "role": "role",
    "rel": "relationship",
    "dist": "distinctive",
}
WHOSE = {"h": "harmed", "a": "author", "o": "other"}
PATTERN_KINDS = {
    "min": "minimising",
    "exc": "excusing",
    "bla": "blaming",
    "forg": "forgiveness_request",
    "cond": "conditional_apology",
    "sbut": "sorry_but",
    "pass": "evasive_passive",
    "mem": "memory_denial",
    "brave": "parade_brave",
    "innoc": "parade_innocent",
    "vict": "parade_victim",
    "mons": "parade_monster",
    "self": "self_centring",
}
ELEMENTS = ("account", "apology", "change", "impact", "repair", "responsibility")
OPENERS = {"[[": "detail", "{{": "pattern", "<<": "optional"}
CLOSERS = {"]]": "detail", "}}": "pattern", ">>": "optional"}
HEADER = re.compile(r"^@@ (\d+) \| missing: ([^|]*)\| notes: (.*)$")


def parse_markup(marked: str, where: str) -> tuple[str, list[dict], list[dict], list[dict]]:
    """Strip the markup from one record; return the clean text and its spans."""
    out: list[str] = []
    stack: list[tuple[str, int]] = []
    details: list[dict] = []
    patterns: list[dict] = []
    optional: list[dict] = []
    i = 0
    while i < len(marked):
        pair = marked[i : i + 2]
        if pair in OPENERS:
            stack.append((OPENERS[pair], len("".join(out))))
            i += 2
            continue
        if pair in CLOSERS:
            family = CLOSERS[pair]
            if not stack or stack[-1][0] != family:
                raise ValueError(
                    f"{where}: unbalanced {pair!r} near {marked[max(0, i - 60) : i + 2]!r}"
                )
            _, start = stack.pop()
            body = "".join(out)[start:]
            if family == "detail":
                span, kind, whose = body.rsplit("|", 2)
                entry = {"kind": DETAIL_KINDS[kind], "whose": WHOSE[whose]}
                target = details
            elif family == "pattern":
                span, kind = body.rsplit("|", 1)
                entry = {"kind": PATTERN_KINDS[kind]}
                target = patterns
            else:
                span, entry, target = body, {}, optional
            if "|" in span or span != span.strip() or not span:
                raise ValueError(f"{where}: bad span {body!r}")
            clean = "".join(out)[:start] + span
            out = [clean]
            target.append({"start": start, "end": start + len(span), "text": span, **entry})
            i += 2
            continue
        out.append(marked[i])
        i += 1
    if stack:
        raise ValueError(f"{where}: unclosed {stack[-1][0]} span")
    text = "".join(out)
    for span in details + patterns + optional:
        assert text[span["start"] : span["end"]] == span["text"], (where, span)
    key = lambda s: (s["start"], s["end"])  # noqa: E731 - a sort key, named for reading
    return text, sorted(details, key=key), sorted(patterns, key=key), sorted(optional, key=key)


def parse_source(path: pathlib.Path) -> list[dict]:
    role = path.parent.name
    stem = path.stem  # genre-<genre>-<letter>
    _, genre, letter = stem.split("-")
    records: list[dict] = []
    current: dict | None = None
    body: list[str] = []

    def close() -> None:
        if current is None:
            return
        marked = "\n".join(body).strip("\n")
        where = f"{path.name} #{current['n']}"
        text, details, patterns, optional = parse_markup(marked, where)
        records.append(
            {
                "id": f"{role}-{genre}-{letter}-{current['n']}",
                "text": text,
                "details": details,
                "patterns": patterns,
                "optional": optional,
                "missing": current["missing"],
                "notes": current["notes"],
            }
        )

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("@@ "):
            close()
            body = []
            match = HEADER.match(line)
            if not match:
                raise ValueError(f"{path.name}: bad header {line!r}")
            missing = [m.strip() for m in match.group(2).split(",") if m.strip() not in ("", "-")]
            for element in missing:
                if element not in ELEMENTS:
                    raise ValueError(f"{path.name}: unknown element {element!r}")
            current = {
                "n": match.group(1),
                "missing": sorted(set(missing)),
                "notes": f"{genre}: {match.group(3).strip()}",
            }
        elif current is not None:
            body.append(line.rstrip())
        elif line.strip() and not line.startswith("#"):
            raise ValueError(f"{path.name}: text before the first header: {line!r}")
    close()
    return records


def main(argv: list[str]) -> int:
    sources = [pathlib.Path(a) for a in argv] or sorted(SOURCE.glob("*/genre-*.txt"))
    for path in sources:
        records = parse_source(path)
        target = OUT / path.parent.name / f"{path.stem}.jsonl"
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8") as fh:
            for record in records:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{target.relative_to(ROOT)}: {len(records)} records")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
