"""Two real app processes sharing one Redis: the login throttle, a rate limit and a
session hold whichever process answers.

Production runs several stateless processes behind a proxy (docs/configuration.md).
A counter kept in one process's memory would let an attacker spread guesses across
them; this test sends alternate requests to two waitress servers over HTTP.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from django.conf import settings
from django.db import connection

from amends.testing.personas import Persona

ROOT = Path(__file__).resolve().parent.parent
REDIS_IS_THE_CACHE = settings.CACHES["default"]["BACKEND"].endswith("RedisCache")

pytestmark = [
    pytest.mark.skipif(
        not REDIS_IS_THE_CACHE,
        reason="runs only with Redis as the shared cache (AMENDS_REDIS_URL): the database "
        "cache is shared across processes by construction",
    ),
    pytest.mark.django_db(transaction=True),
]

WRONG_KEY = " ".join(["ABCD"] * 8)
STRONG = "lanterns swing above the evening harbour"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def two_processes() -> Iterator[list[str]]:
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "amends.test_settings",
        "AMENDS_SECURE_COOKIES": "False",
        "AMENDS_LOGIN_FAILURES_ALLOWED": "3",
        "AMENDS_RECOVERY_FAILURES_ALLOWED": "3",
        "AMENDS_LOG_LEVEL": "WARNING",
    }
    if connection.vendor == "sqlite":
        env["AMENDS_SQLITE_PATH"] = str(database["NAME"])
    else:
        env["AMENDS_DB_NAME"] = str(database["NAME"])
    ports = [free_port(), free_port()]
    servers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "waitress",
                f"--listen=127.0.0.1:{port}",
                "--threads=2",
                "amends.wsgi:application",
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        for port in ports:
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(f"http://127.0.0.1:{port}/about/", timeout=5)
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)


def post_form(browser: httpx.Client, url: str, fields: dict[str, str]) -> httpx.Response:
    """What a browser does: load the form (and its CSRF token), then send it."""
    page = browser.get(url).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token, page[:300]
    return browser.post(url, data={**fields, "csrfmiddlewaretoken": token.group(1)})


def test_the_login_throttle_holds_across_processes(
    two_processes: list[str], handle_member: Persona
) -> None:
    a, b = two_processes
    for n in range(3):
        with httpx.Client() as browser:
            server = (a, b)[n % 2]
            wrong = {
                "way": "handle",
                "handle-handle": handle_member.handle,
                "handle-passphrase": "a wrong guess at the passphrase",
            }
            assert post_form(browser, server + "/log-in/", wrong).status_code == 400
    right = {
        "way": "handle",
        "handle-handle": handle_member.handle,
        "handle-passphrase": handle_member.secret,
    }
    for server in (a, b):
        with httpx.Client() as browser:
            refused = post_form(browser, server + "/log-in/", right)
            assert refused.status_code == 429, server
            assert "Too many failed attempts" in refused.text


def test_the_recovery_limit_holds_across_processes(
    two_processes: list[str], handle_member: Persona
) -> None:
    a, b = two_processes
    for n in range(3):
        with httpx.Client() as browser:
            guess = {
                "recovery_key": WRONG_KEY,
                "handle": handle_member.handle,
                "passphrase": STRONG,
            }
            assert post_form(browser, (a, b)[n % 2] + "/recover/", guess).status_code == 400
    for server in (a, b):
        with httpx.Client() as browser:
            right = {
                "recovery_key": handle_member.recovery_key,
                "handle": handle_member.handle,
                "passphrase": STRONG,
            }
            assert post_form(browser, server + "/recover/", right).status_code == 429, server


def test_a_session_started_on_one_process_is_known_to_the_other(
    two_processes: list[str], handle_member: Persona
) -> None:
    a, b = two_processes
    with httpx.Client() as browser:
        right = {
            "way": "handle",
            "handle-handle": handle_member.handle,
            "handle-passphrase": handle_member.secret,
        }
        assert post_form(browser, a + "/log-in/", right).status_code == 302
        mine = browser.get(b + "/me/")
        assert mine.status_code == 200 and "Log out" in mine.text
        # And the other process's library page is the member's, never a cached reader's.
        assert "Log out" in browser.get(b + "/").text
