"""The library under load on loopback: latency percentiles, errors and throughput,
beside a baseline from the same run.

Seeds a fresh database (SQLite, or a throwaway PostgreSQL database) with many
published statements by bulk insert, then serves Amends with gunicorn (N worker
processes, threads in each) and sends requests (a bounded number, or for a few seconds) from concurrent
clients (wrk, from Debian's packages, when installed; else coroutines in Python) to
each path: the library's first page, page 500 (through its keyset link,
when the library holds 5,000 statements), a two-word search, a two-tag filter and a
statement page. Each is measured uncached (a server with the readers' cache off) and
cached (a server with it on, after one warm-up). The baseline, in the same run and
through the same server, is the static stylesheet: the cost of the server and the
network stack with no Django view behind it, measured before, between and after the
uncached paths (the run with the median p99 is printed). Last, the uncached first page's
throughput with one worker process and with two, in turns, three times each (the
median run of each is printed).

    .venv/bin/python bench/library_load.py [--statements 10000 [100000 ...]]
        [--requests 600] [--clients 50] [--db sqlite|postgres] [--cache database|redis]
        [--processes 2] [--client wrk|asyncio|threads] [--seconds 3]

With several sizes it prints a table for each, then how much slower the largest is
than the smallest on every path. PostgreSQL must answer at 127.0.0.1:5432 (a
database named amends_bench_<pid> is made and dropped); Redis at
127.0.0.1:6379, database 7 by default (--redis-url), which the bench empties.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PAGE_DEPTH = 500
STATIC = "/static/amends/amends.css"
CLIENT = "asyncio"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def seed(statements: int) -> None:
    """Publish `statements` statements by bulk insert (run inside Django, in a child).

    The rows are those do_publish writes (title, excerpt, search document, tags, the
    FTS5 row on SQLite), spread over the months so that the library's order is real,
    written in batches: a statement at a time would take an hour at 100,000.
    """
    import datetime
    import secrets

    import django

    django.setup()
    from django.db import connection, transaction

    from amends.library.cards import card_tags, excerpt_of, title_of
    from amends.library.demo import DEMO_STATEMENTS
    from amends.library.models import Publication, Tag
    from amends.library.pseudonyms import new_pseudonym
    from amends.library.sections import SECTION_KEYS

    tag_ids = dict(Tag.objects.values_list("slug", "id"))
    through = Publication.tags.through
    batch = 2000
    start = datetime.date(2015, 1, 1)
    for first in range(0, statements, batch):
        rows = []
        for n in range(first, min(statements, first + batch)):
            demo = DEMO_STATEMENTS[n % len(DEMO_STATEMENTS)]
            sections = {key: getattr(demo, key) for key in SECTION_KEYS}
            sections["what_i_did"] += f" ({n})"
            # About a hundred statements a month, oldest first, as a library grows.
            months = n * 120 // max(statements, 1)
            month = start.replace(year=start.year + months // 12, month=months % 12 + 1)
            rows.append(
                Publication(
                    public_id=secrets.token_urlsafe(9),
                    pseudonym=new_pseudonym(),
                    published_month=month,
                    search_document="\n\n".join(sections[key] for key in SECTION_KEYS),
                    title=title_of(sections["what_i_did"]),
                    excerpt=excerpt_of(sections["what_i_did"]),
                    card_tags=card_tags(list(demo.tags)),
                    **sections,
                )
            )
        with transaction.atomic():
            made = Publication.objects.bulk_create(rows)
            if connection.vendor != "sqlite" or made[0].pk is None:
                made = list(
                    Publication.objects.filter(public_id__in=[p.public_id for p in rows]).only(
                        "id", "what_i_did", "search_document"
                    )
                )
            by_text = {p.what_i_did: p for p in made}
            links = []
            for row in rows:
                publication = by_text[row.what_i_did]
                demo = DEMO_STATEMENTS[
                    int(row.what_i_did.rsplit("(", 1)[1][:-1]) % len(DEMO_STATEMENTS)
                ]
                links += [
                    through(publication_id=publication.pk, tag_id=tag_ids[slug])
                    for slug in demo.tags
                ]
            through.objects.bulk_create(links)
            if connection.vendor == "sqlite":
                with connection.cursor() as cursor:
                    cursor.executemany(
                        "INSERT INTO library_search (rowid, document) VALUES (%s, %s)",
                        [(p.pk, p.search_document) for p in made],
                    )
    from amends.library.search import fill_recent

    fill_recent()  # the whole index was written directly: the recent one follows it
    # The listing's first page and page 500, and a statement: what the paths need.
    from amends.library.access import Cursor

    ordered = Publication.objects.order_by("-published_month", "-id")
    print("statement", ordered.values_list("public_id", flat=True)[statements // 2])
    depth = (PAGE_DEPTH - 1) * 10
    if statements > depth:
        last = ordered.only("id", "published_month")[depth - 1]
        print("page500", Cursor(last.published_month, last.pk))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


@dataclass
class Setup:
    env: dict[str, str]
    public_id: str
    page500: str | None
    cleanup: list[str]


def prepare(args: argparse.Namespace, statements: int) -> Setup:
    workdir = Path(tempfile.mkdtemp(prefix="amends-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "amends.settings",
        "AMENDS_DEBUG": "False",
        "AMENDS_SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "AMENDS_PEPPER": "bench-only-pepper-" + "y" * 20,
        "AMENDS_VAULT_KEYRING": "b1:" + "B" * 43,
        "AMENDS_SIGNING_KEY": "b1:" + "S" * 43,
        "AMENDS_SECURE_COOKIES": "False",
        "AMENDS_VAR_DIR": str(workdir),
        "AMENDS_LOG_LEVEL": "WARNING",
        "AMENDS_LIBRARY_PAGE_SIZE": "10",
        "AMENDS_DB_CONN_MAX_AGE": "60",
    }
    env.pop("AMENDS_REDIS_URL", None)
    cleanup: list[str] = []
    if args.db == "postgres":
        name = f"amends_bench_{os.getpid()}_{statements}"
        env.update(
            {"AMENDS_DB": "postgres", "AMENDS_DB_NAME": name, "AMENDS_DB_CONN_MAX_AGE": "60"}
        )
        psql(f"CREATE DATABASE {name}")
        cleanup.append(name)
    if args.cache == "redis":
        env["AMENDS_REDIS_URL"] = args.redis_url
        import redis

        redis.Redis.from_url(args.redis_url).flushdb()
    run = [PYTHON, "-m", "amends.cli"]
    subprocess.run([*run, "migrate", "--no-input", "-v", "0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*run, "createcachetable"], env=env, check=True, cwd=ROOT)
    subprocess.run([*run, "collectstatic", "--no-input", "-v", "0"], env=env, check=True, cwd=ROOT)
    out = subprocess.run(
        [PYTHON, __file__, "--seed", str(statements)],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    found = dict(line.split(" ", 1) for line in out.strip().splitlines() if " " in line)
    return Setup(env, found["statement"], found.get("page500"), cleanup)


def psql(statement: str) -> None:
    import psycopg

    with psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", autocommit=True) as db:
        db.execute(statement)


@contextmanager
def server(env: dict[str, str], processes: int, *, cached: bool) -> Iterator[int]:
    port = free_port()
    env = {**env, "AMENDS_READER_CACHE_SECONDS": "600" if cached else "0"}
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            f"--workers={processes}",
            "--threads=8",
            "--worker-class=gthread",
            f"--bind=127.0.0.1:{port}",
            "--backlog=2048",
            "--log-level=warning",
            "amends.wsgi:application",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        load(port, STATIC, 8 * processes, 4 * processes)  # every worker loads Django
        yield port
    finally:
        process.terminate()
        process.wait(timeout=20)


async def _exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
) -> tuple[int, bool]:
    """One GET on a kept-alive connection: the status, and whether the server closes."""
    writer.write(request)
    status = int((await reader.readline()).split()[1])
    length, chunked, closing = None, False, False
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.partition(b":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding":
            chunked = b"chunked" in value
        elif name == b"connection":
            closing = value == b"close"
    if chunked:
        while size := int((await reader.readline()).split(b";")[0], 16):
            await reader.readexactly(size + 2)
        await reader.readline()
    elif length is not None:
        await reader.readexactly(length)
    else:
        await reader.read()
        closing = True
    return status, closing


async def _load_async(
    port: int, path: str, per_client: int, clients: int
) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()

    async def client() -> None:
        nonlocal errors
        connection = await asyncio.open_connection("127.0.0.1", port)
        for _ in range(per_client):
            start = time.perf_counter()
            try:
                status, closing = await asyncio.wait_for(_exchange(*connection, request), 60)
                errors += status != 200
            except (OSError, ValueError, IndexError, asyncio.IncompleteReadError, TimeoutError):
                errors += 1
                closing = True
            latencies.append(time.perf_counter() - start)
            if closing:
                connection[1].close()
                connection = await asyncio.open_connection("127.0.0.1", port)
        connection[1].close()

    await asyncio.gather(*(client() for _ in range(clients)))
    return latencies, errors


def load(port: int, path: str, total: int, clients: int) -> tuple[list[float], int, float]:
    """Send `total` GETs from `clients` concurrent connections: latencies, errors, req/s.

    The clients are coroutines on one event loop, each with its own kept-alive
    connection: a client costs the machine far less than the server it measures, so
    the server's processes keep the cores (the threaded client, --client threads,
    took a good share of them, which hid what a second process adds).
    """
    if CLIENT == "threads":
        return _load_threads(port, path, total, clients)
    per_client = max(1, total // clients)
    started = time.perf_counter()
    latencies, errors = asyncio.run(_load_async(port, path, per_client, clients))
    return latencies, errors, len(latencies) / (time.perf_counter() - started)


def _load_threads(port: int, path: str, total: int, clients: int) -> tuple[list[float], int, float]:
    """The same, from one thread per client with http.client."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    per_client = max(1, total // clients)

    def worker() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine: list[float] = []
        failed = 0
        for _ in range(per_client):
            start = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            mine.append(time.perf_counter() - start)
        conn.close()
        with lock:
            latencies.extend(mine)
            errors += failed

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, len(latencies) / (time.perf_counter() - started)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


@dataclass
class Row:
    label: str
    p50: float
    p99: float
    rate: float
    errors: int


def measure(port: int, label: str, path: str, args: argparse.Namespace) -> Row:
    if CLIENT == "wrk":
        _wrk(port, path, 1, args.clients)  # warm-up, and fills the cache
        return Row(label, *_wrk(port, path, args.seconds, args.clients))
    load(port, path, 2 * args.clients, args.clients)  # warm-up, and fills the cache
    latencies, errors, rate = load(port, path, args.requests, args.clients)
    return Row(
        label, percentile(latencies, 0.5) * 1000, percentile(latencies, 0.99) * 1000, rate, errors
    )


_WRK_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _wrk(port: int, path: str, seconds: float, clients: int) -> tuple[float, float, float, int]:
    """p50 and p99 in ms, requests a second and errors, from wrk (Debian's package).

    wrk is written in C around one epoll loop: on a 2-core machine it leaves the
    server nearly both cores, where a Python client took a share that grew with the
    server's rate, and so hid much of what a second process adds. It sends for a
    duration rather than a number of requests; its percentiles come from every request.
    """
    out = subprocess.run(
        [
            "wrk",
            "--threads=1",
            f"--connections={clients}",
            f"--duration={max(1, round(seconds))}s",
            "--timeout=60s",
            "--latency",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def latency(share: str) -> float:
        found = re.search(rf"^\s*{share}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if found is None:
            raise RuntimeError(f"wrk printed no {share}% latency:\n{out}")
        return float(found[1]) * _WRK_UNITS[found[2]]

    rate = re.search(r"^Requests/sec:\s+([\d.]+)", out, re.M)
    failed = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = int(failed[1]) if failed else 0
    errors += sum(int(n) for n in socket.groups()) if socket else 0
    return latency("50"), latency("99"), float(rate[1]) if rate else 0.0, errors


def run_size(args: argparse.Namespace, statements: int) -> dict[str, Row]:
    setup = prepare(args, statements)
    paths = [
        ("first page", "/"),
        ("search, two words", "/?q=pressure+therapist"),
        ("tag filter, two tags", "/?tag=workplace&tag=abuse-of-power"),
        ("a statement page", f"/library/{setup.public_id}/"),
    ]
    if setup.page500:
        paths.insert(1, (f"page {PAGE_DEPTH}", f"/?before={setup.page500}&n={PAGE_DEPTH}"))
    rows: dict[str, Row] = {}
    try:
        with server(setup.env, args.processes, cached=False) as port:
            # The static file's own figures swing by x2 between runs of a few seconds on
            # a shared machine, and every ratio divides by it: it is measured before,
            # between and after the paths, and the run with the median p99 stands.
            statics = [measure(port, "baseline: static stylesheet", STATIC, args)]
            for n, (label, path) in enumerate(paths):
                rows[label + ", uncached"] = measure(port, label + ", uncached", path, args)
                if n == len(paths) // 2 - 1:
                    statics.append(measure(port, "baseline: static stylesheet", STATIC, args))
            statics.append(measure(port, "baseline: static stylesheet", STATIC, args))
            middle = sorted(statics, key=lambda row: row.p99)[1]
            rows = {"static": middle, **rows}
        with server(setup.env, args.processes, cached=True) as port:
            rows["static, cached server"] = measure(
                port, "baseline again (cached server)", STATIC, args
            )
            for label, path in paths:
                rows[label + ", cached"] = measure(port, label + ", cached", path, args)
        # Throughput swings from run to run on a shared machine: one and two processes
        # take turns, three times each, and the run with the median rate stands for each.
        turns: dict[int, list[Row]] = {1: [], 2: []}
        for processes in (1, 2) * 3:
            with server(setup.env, processes, cached=False) as port:
                label = f"first page, uncached, {processes} process(es)"
                turns[processes].append(measure(port, label, "/", args))
        for processes, runs in turns.items():
            rows[f"throughput {processes}"] = sorted(runs, key=lambda row: row.rate)[1]
    finally:
        for name in setup.cleanup:
            psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    print(
        f"\nLibrary under load: {statements:,} statements, "
        + (f"{args.seconds:g} s" if args.client == "wrk" else f"{args.requests} requests")
        + " per path, "
        f"{args.clients} concurrent clients, gunicorn {args.processes} worker process(es) "
        f"x 8 threads, {args.db}, cache: {args.cache}, client: {args.client}"
    )
    print(
        f"{'path':44} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>7} {'errors':>7} {'p99 vs static':>14}"
    )
    static = rows["static"].p99
    for row in rows.values():
        print(
            f"{row.label:44} {row.p50:8.1f} {row.p99:8.1f} {row.rate:7.0f} {row.errors:7d} "
            f"{'x' + format(row.p99 / static, '.1f'):>14}"
        )
    verdicts(rows)
    return rows


def verdicts(rows: dict[str, Row]) -> None:
    static = rows["static"].p99
    print("targets:")
    errors = sum(row.errors for row in rows.values())
    print(f"  zero errors: {'met' if errors == 0 else 'MISSED'} ({errors})")
    for key, limit in (
        ("first page, cached", 2),
        ("a statement page, cached", 2),
        ("first page, uncached", 5),
        (f"page {PAGE_DEPTH}, uncached", 5),
        ("search, two words, uncached", 5),
        ("tag filter, two tags, uncached", 5),
    ):
        if key in rows:
            ratio = rows[key].p99 / static
            print(
                f"  {key} p99 within x{limit} of static: {'met' if ratio <= limit else 'MISSED'} (x{ratio:.1f})"
            )
    gain = rows["throughput 2"].rate / rows["throughput 1"].rate
    print(
        f"  2 processes >= 1.6x the throughput of 1: {'met' if gain >= 1.6 else 'MISSED'} (x{gain:.2f})"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--statements", type=int, nargs="+", default=[10_000])
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--cache", choices=("database", "redis"), default="database")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/7")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument(
        "--client",
        choices=("wrk", "asyncio", "threads"),
        default="wrk" if shutil.which("wrk") else "asyncio",
        help="wrk when installed (apt-get install wrk), else Python's asyncio",
    )
    parser.add_argument("--seconds", type=float, default=3, help="how long wrk sends, per path")
    parser.add_argument("--seed", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    global CLIENT
    CLIENT = args.client
    if args.seed is not None:
        seed(args.seed)
        return 0
    results = {size: run_size(args, size) for size in args.statements}
    if len(results) > 1:
        small, large = min(results), max(results)
        print(f"\n{large:,} against {small:,} statements (target: no more than 20% slower):")
        print(f"  {'path':44} {'p50':>7} {'p99':>7}")
        for key, row in results[large].items():
            if key in results[small] and not key.startswith("static"):
                before = results[small][key]
                p50, p99 = row.p50 / before.p50 - 1, row.p99 / before.p99 - 1
                verdict = "met" if max(p50, p99) <= 0.2 else "MISSED"
                print(f"  {row.label:44} {p50:+7.0%} {p99:+7.0%}  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
