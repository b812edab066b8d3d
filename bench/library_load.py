"""The library under load on loopback: latency percentiles and errors, beside a baseline.

Starts Amends with waitress on a free loopback port, on a fresh SQLite database
holding many published statements, then sends a bounded number of concurrent requests
to the library index, a search, a tag filter and a statement page. The baseline, in
the same run and through the same server, is a static file (the stylesheet): the
cost of the server and the network stack with no Django view behind it.

    .venv/bin/python bench/library_load.py [--statements 500] [--requests 400] [--clients 8]
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def prepare(env: dict[str, str], statements: int) -> str:
    """Migrate a fresh database and publish statements; returns one public id."""
    run = [PYTHON, "-m", "amends.cli"]
    subprocess.run([*run, "migrate", "--no-input", "-v", "0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*run, "createcachetable"], env=env, check=True, cwd=ROOT)
    subprocess.run([*run, "collectstatic", "--no-input", "-v", "0"], env=env, check=True, cwd=ROOT)
    script = (
        "import django; django.setup()\n"
        "from amends.library.actions import do_publish\n"
        "from amends.library.demo import DEMO_STATEMENTS\n"
        f"for n in range({statements}):\n"
        "    d = DEMO_STATEMENTS[n % len(DEMO_STATEMENTS)]\n"
        "    p = do_publish({'what_i_did': d.what_i_did + f' ({n})', 'known_impact': d.known_impact,"
        " 'responsibility': d.responsibility, 'repair': d.repair, 'change': d.change},"
        " list(d.tags))\n"
        "print(p.public_id)\n"
    )
    out = subprocess.run(
        [PYTHON, "-c", script], env=env, check=True, cwd=ROOT, capture_output=True, text=True
    )
    return out.stdout.strip().splitlines()[-1]


def load(port: int, path: str, total: int, clients: int) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    per_client = total // clients

    def worker() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
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
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine.append(time.perf_counter() - start)
        conn.close()
        with lock:
            latencies.extend(mine)
            errors += failed

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--statements", type=int, default=500)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="amends-bench-"))
    port = free_port()
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
    }
    public_id = prepare(env, args.statements)
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "waitress",
            f"--listen=127.0.0.1:{port}",
            "--threads=8",
            "amends.wsgi:application",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        paths = [
            ("baseline: static stylesheet", "/static/amends/amends.css"),
            ("library, first page", "/"),
            ("library, page 20", "/?page=20"),
            ("search, two words", "/?q=pressure+therapist"),
            ("tag filter, two tags", "/?tag=workplace&tag=abuse-of-power"),
            ("a statement page", f"/library/{public_id}/"),
        ]
        load(port, "/", 40, 4)  # warm-up: imports, template cache, database pages
        print(
            f"Library under load: {args.statements} statements, {args.requests} requests "
            f"per path, {args.clients} concurrent clients, waitress with 8 threads, SQLite"
        )
        print(
            f"{'path':32} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>8} {'errors':>7} {'p99 vs baseline':>16}"
        )
        baseline_p99 = None
        for label, path in paths:
            started = time.perf_counter()
            latencies, errors = load(port, path, args.requests, args.clients)
            elapsed = time.perf_counter() - started
            p50, p99 = percentile(latencies, 0.50) * 1000, percentile(latencies, 0.99) * 1000
            baseline_p99 = baseline_p99 or p99
            print(
                f"{label:32} {p50:8.1f} {p99:8.1f} {len(latencies) / elapsed:8.0f} {errors:7d} "
                f"{'x' + format(p99 / baseline_p99, '.1f'):>16}"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
