"""What it costs to leave no word of a withdrawn statement in the SQLite search index.

Builds a library of N statements in an FTS5 table made as the migration makes it
(porter stemming, WAL, secure_delete), publishes one statement with rare made-up
words and a few after it, deletes that one, then runs each FTS5 command that could
purge it and reports its time and whether any of the rare words is still in the
database file or its write-ahead log. The baseline, in the same run, is the plain
DELETE the index did before: fast, and leaving every word behind.

    .venv/bin/python bench/search_withdrawal.py [--statements 3000 10000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from amends.library.demo import DEMO_STATEMENTS

DDL = (
    "CREATE VIRTUAL TABLE library_search USING fts5("
    "document, tokenize = 'porter unicode61 remove_diacritics 2')"
)
RARE = ("qjvelumbrine", "qzorraflint", "xqetharnwick")
COMMANDS = {
    "delete only (before)": None,
    "merge -16": "INSERT INTO library_search (library_search, rank) VALUES ('merge', -16)",
    "optimize (chosen)": "INSERT INTO library_search (library_search) VALUES ('optimize')",
    "rebuild": "INSERT INTO library_search (library_search) VALUES ('rebuild')",
}


def document(number: int) -> str:
    demo = DEMO_STATEMENTS[number % len(DEMO_STATEMENTS)]
    sections = (demo.what_i_did, demo.known_impact, demo.responsibility, demo.repair, demo.change)
    return "\n\n".join(sections) + f" ({number})"


def build(path: Path, statements: int) -> tuple[sqlite3.Connection, int]:
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "secure_delete=ON"):
        connection.execute(f"PRAGMA {pragma}")
    connection.execute(DDL)
    connection.execute("BEGIN")
    for number in range(statements):
        connection.execute(
            "INSERT INTO library_search (rowid, document) VALUES (?, ?)",
            (number + 1, document(number)),
        )
    connection.execute("COMMIT")
    # Published later than most, as a statement that turns out to identify someone is.
    withdrawn = statements + 1
    connection.execute(
        "INSERT INTO library_search (rowid, document) VALUES (?, ?)",
        (withdrawn, " ".join(RARE) + " " + document(0)),
    )
    for number in range(20):
        connection.execute(
            "INSERT INTO library_search (rowid, document) VALUES (?, ?)",
            (withdrawn + 1 + number, document(number)),
        )
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return connection, withdrawn


def left_behind(path: Path) -> list[str]:
    image = b"".join(
        candidate.read_bytes()
        for candidate in (path, path.with_name(path.name + "-wal"))
        if candidate.exists()
    )
    # FTS5 stores a term after the prefix it shares with the one before: look for a middle.
    return [word for word in RARE if word[2:8].encode() in image]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, nargs="+", default=[3000, 10000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"SQLite {sqlite3.sqlite_version}; median of {args.rounds} rounds per figure")
    print(f"{'statements':>10}  {'command':<22} {'ms':>8}  {'database':>9}  words left behind")
    with tempfile.TemporaryDirectory() as folder:
        for statements in args.statements:
            for name, command in COMMANDS.items():
                times, leftovers, size = [], [], 0
                for _ in range(args.rounds):
                    path = Path(folder) / "library.sqlite3"
                    connection, withdrawn = build(path, statements)
                    assert left_behind(path) == list(RARE), "the control: the words are there"
                    start = time.perf_counter()
                    connection.execute("BEGIN IMMEDIATE")
                    connection.execute("DELETE FROM library_search WHERE rowid = ?", (withdrawn,))
                    if command:
                        connection.execute(command)
                    connection.execute("COMMIT")
                    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    times.append(time.perf_counter() - start)
                    connection.close()
                    size = path.stat().st_size
                    leftovers = left_behind(path)
                    for candidate in Path(folder).iterdir():
                        candidate.unlink()
                median = statistics.median(times) * 1000
                print(
                    f"{statements:>10}  {name:<22} {median:>8.1f}  {size / 2**20:>7.1f} MB  "
                    f"{', '.join(leftovers) or 'none'}"
                )


if __name__ == "__main__":
    main()
