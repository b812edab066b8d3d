"""Settings refuse values they cannot use, and refuse development secrets in production."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from amends.env import ImproperSetting, env_bool, env_int


def test_env_bool_refuses_anything_but_true_or_false(monkeypatch) -> None:
    monkeypatch.setenv("AMENDS_X", "Flase")
    with pytest.raises(ImproperSetting):
        env_bool("AMENDS_X", False)
    monkeypatch.setenv("AMENDS_X", "True")
    assert env_bool("AMENDS_X", False) is True


def test_env_int_refuses_non_numbers_and_small_values(monkeypatch) -> None:
    monkeypatch.setenv("AMENDS_N", "8O")
    with pytest.raises(ImproperSetting):
        env_int("AMENDS_N", 1)
    monkeypatch.setenv("AMENDS_N", "0")
    with pytest.raises(ImproperSetting):
        env_int("AMENDS_N", 1, minimum=1)


def load_settings(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("AMENDS_")}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import amends.settings"],
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_the_development_secret_key() -> None:
    result = load_settings(AMENDS_DEBUG="False")
    assert result.returncode != 0
    assert "AMENDS_SECRET_KEY" in result.stderr


def test_production_starts_with_its_own_secrets(tmp_path) -> None:
    key = tmp_path / "key"
    key.write_text("a-real-secret-key-for-this-test-only-0123456789")
    result = load_settings(
        AMENDS_DEBUG="False",
        AMENDS_SECRET_KEY_FILE=str(key),
        AMENDS_PEPPER="a-real-pepper-for-this-test",
        AMENDS_VAULT_KEYRING="k1:" + "A" * 43,
        AMENDS_SIGNING_KEY="s1:" + "S" * 43,
    )
    assert result.returncode == 0, result.stderr


def test_production_refuses_the_development_signing_key() -> None:
    result = load_settings(
        AMENDS_DEBUG="False",
        AMENDS_SECRET_KEY="x" * 50,
        AMENDS_PEPPER="p" * 30,
        AMENDS_VAULT_KEYRING="k1:" + "A" * 43,
    )
    assert result.returncode != 0
    assert "AMENDS_SIGNING_KEY" in result.stderr


def test_production_cookies_use_the_host_prefix() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import amends.settings as s; print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SESSION_COOKIE_SECURE)",
        ],
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("AMENDS_")},
            "AMENDS_DEBUG": "False",
            "AMENDS_SECRET_KEY": "x" * 50,
            "AMENDS_PEPPER": "p" * 30,
            "AMENDS_VAULT_KEYRING": "k1:" + "A" * 43,
            "AMENDS_SIGNING_KEY": "s1:" + "S" * 43,
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.split() == ["__Host-amends-session", "__Host-amends-csrf", "True"], (
        result.stderr
    )


def test_a_bad_database_choice_is_refused() -> None:
    result = load_settings(AMENDS_DEBUG="True", AMENDS_DB="mysql")
    assert result.returncode != 0
    assert "AMENDS_DB must be one of" in result.stderr
