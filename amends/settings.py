"""Settings for Amends, read from the environment through the typed helpers in env.py.

Every variable is documented in docs/configuration.md. Defaults suit a developer's
machine; a deployment with AMENDS_DEBUG=False must provide its own secrets.
"""

from __future__ import annotations

from pathlib import Path

import django_stubs_ext
from csp.constants import NONE, SELF

from amends.env import (
    ImproperSetting,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_path,
    env_str,
    secret_from_env_or_file,
)

# Lets classes such as ModelAdmin[Member] be subscripted at run time, as the type stubs expect.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = env_path("AMENDS_VAR_DIR", BASE_DIR.parent / "var")

DEBUG = env_bool("AMENDS_DEBUG", False)

# Well-known development values. They are refused when DEBUG is off so that a
# deployment can never run with a key that is printed in this file.
_DEV_SECRET_KEY = "amends-development-only-secret-key-not-for-production-use"  # noqa: S105
_DEV_PEPPER = "amends-development-only-pepper-not-for-production-use"

SECRET_KEY = secret_from_env_or_file("AMENDS_SECRET_KEY") or _DEV_SECRET_KEY
if not DEBUG and SECRET_KEY == _DEV_SECRET_KEY and not env_bool("AMENDS_TESTING", False):
    raise ImproperSetting(
        "AMENDS_SECRET_KEY (or AMENDS_SECRET_KEY_FILE) must be set when AMENDS_DEBUG is off"
    )

# The pepper keys the HMAC that turns a handle or codename into the stored lookup
# value, and the keys that rate limits use. It is separate from SECRET_KEY so that
# rotating the session-signing key does not lock every member out.
AMENDS_PEPPER = secret_from_env_or_file("AMENDS_PEPPER") or _DEV_PEPPER
if not DEBUG and AMENDS_PEPPER == _DEV_PEPPER and not env_bool("AMENDS_TESTING", False):
    raise ImproperSetting(
        "AMENDS_PEPPER (or AMENDS_PEPPER_FILE) must be set when AMENDS_DEBUG is off"
    )

# The vault's server keyring (docs/threat-model.md): an ordered list of
# "key-id:base64url-32-bytes" entries, newest first. The first wraps new items; the
# others still unwrap older ones until `amends rotate_vault_keys` has re-wrapped them.
# It is deliberately a separate secret from SECRET_KEY.
_DEV_VAULT_KEYRING = "dev1:ZGV2ZWxvcG1lbnQtb25seS12YXVsdC1rZXktMzJieXQ"
AMENDS_VAULT_KEYRING = secret_from_env_or_file("AMENDS_VAULT_KEYRING") or _DEV_VAULT_KEYRING
if (
    not DEBUG
    and AMENDS_VAULT_KEYRING == _DEV_VAULT_KEYRING
    and not env_bool("AMENDS_TESTING", False)
):
    raise ImproperSetting(
        "AMENDS_VAULT_KEYRING (or AMENDS_VAULT_KEYRING_FILE) must be set when AMENDS_DEBUG is off"
    )

# The key Amends signs dated receipts with (an impact statement's digest and date),
# Ed25519, in the keyring's format: "key-id:base64url-32-byte-seed", newest first.
# The newest signs; the public halves of all of them are published on the receipt
# check page, so that receipts signed before a rotation still verify. A separate
# secret from the vault keyring: publishing or rotating one never touches the other.
_DEV_SIGNING_KEY = "dev1:ZGV2ZWxvcG1lbnQtb25seS1zaWduaW5nLWtleS0zMmI"
AMENDS_SIGNING_KEY = secret_from_env_or_file("AMENDS_SIGNING_KEY") or _DEV_SIGNING_KEY
if not DEBUG and AMENDS_SIGNING_KEY == _DEV_SIGNING_KEY and not env_bool("AMENDS_TESTING", False):
    raise ImproperSetting(
        "AMENDS_SIGNING_KEY (or AMENDS_SIGNING_KEY_FILE) must be set when AMENDS_DEBUG is off"
    )

ALLOWED_HOSTS = env_list("AMENDS_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "amends.core",
    "amends.vault",
    "amends.members",
    "amends.institutions",
    "amends.reflections",
    "amends.statements",
    "amends.library",
    "amends.coaching",
    "amends.responses",
    "amends.support",
    "amends.impact",
    "amends.cases",
]

MIDDLEWARE = [
    # First, so that nothing after it can read, store or log the client's address
    # or user agent: they are removed from the request before any other code runs.
    "amends.core.middleware.forget_client_middleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous readers' library pages, whole from the shared cache: after the HTTPS
    # redirect and static files, before sessions and rendering (core/reader_cache.py).
    "amends.core.reader_cache.ReaderCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "amends.vault.middleware.vault_middleware",
    # Inside authentication, so that it knows whether a member is logged in, and
    # outside every view and the CSRF check, so that no response escapes it.
    "amends.core.middleware.private_responses_middleware",
    "amends.vault.middleware.VaultErrorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "amends.urls"
CSRF_FAILURE_VIEW = "amends.core.views.csrf_failure"
WSGI_APPLICATION = "amends.wsgi.application"
AUTH_USER_MODEL = "members.Member"
AUTHENTICATION_BACKENDS = ["amends.members.backends.MemberBackend"]
LOGIN_URL = "members:log_in"
LOGIN_REDIRECT_URL = "members:home"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "amends.support.context.leave_quickly",
            ],
        },
    },
]

DB_ENGINE = env_choice("AMENDS_DB", "sqlite", ("sqlite", "postgres"))
if DB_ENGINE == "postgres":
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": env_str("AMENDS_DB_NAME", "amends"),
            "USER": env_str("AMENDS_DB_USER", "postgres"),
            "PASSWORD": secret_from_env_or_file("AMENDS_DB_PASSWORD") or "",
            "HOST": env_str("AMENDS_DB_HOST", "127.0.0.1"),
            "PORT": env_int("AMENDS_DB_PORT", 5432, minimum=1),
            "CONN_MAX_AGE": env_int("AMENDS_DB_CONN_MAX_AGE", 0, minimum=0),
            "TEST": {"NAME": env_str("AMENDS_DB_TEST_NAME", "test_amends")},
            # A page's queries are short and many run at once: a parallel plan starts
            # worker processes that compete with the other requests for the same cores
            # (a two-tag filter's capped count took 39 ms with a worker, 12 ms without,
            # at 100,000 statements). The library's rows are read from memory or SSD:
            # at the default random_page_cost (4, for spinning disks) the planner read
            # and sorted every row of a 10,000-statement library rather than walk its
            # listed-order index to the first 1,001 matches of a search.
            "OPTIONS": {"options": "-c max_parallel_workers_per_gather=0 -c random_page_cost=1.1"},
        }
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_path("AMENDS_SQLITE_PATH", VAR_DIR / "amends.sqlite3"),
            # Kept open between requests, a connection skips opening the file and
            # running the PRAGMAs below on every request.
            "CONN_MAX_AGE": env_int("AMENDS_DB_CONN_MAX_AGE", 0, minimum=0),
            "OPTIONS": {
                # WAL lets readers of the library carry on while a member saves a draft;
                # IMMEDIATE takes the write lock at BEGIN so concurrent autosaves queue
                # instead of failing with "database is locked" halfway through.
                # secure_delete overwrites freed pages, so deleted ciphertext and
                # wrapped keys do not linger in the file after a crypto-erasure.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rate limits must hold across processes, so they live in a shared cache: the
# database by default (no extra service), Redis when AMENDS_REDIS_URL is set. The
# "readers" cache holds the library pages anonymous readers share
# (amends/core/reader_cache.py); with Redis it shares the database under its own
# prefix, and forgetting its pages deletes only those keys.
_REDIS_URL = env_str("AMENDS_REDIS_URL", "")
AMENDS_READER_CACHE_SECONDS = env_int("AMENDS_READER_CACHE_SECONDS", 600, minimum=0)
if _REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _REDIS_URL,
        },
        "readers": {
            "BACKEND": "amends.core.reader_cache.ReaderRedisCache",
            "LOCATION": _REDIS_URL,
            "KEY_PREFIX": "amends-readers",
            "TIMEOUT": AMENDS_READER_CACHE_SECONDS,
        },
    }
    # Sessions read from Redis and written through to the database: any process can
    # serve any request, and a Redis restart logs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "amends_cache",
        },
        "readers": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "amends_reader_cache",
            "TIMEOUT": AMENDS_READER_CACHE_SECONDS,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }
if AMENDS_READER_CACHE_SECONDS == 0:
    # Zero turns the readers' cache off: every page is rendered for every reader.
    del CACHES["readers"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG
# Static files are for our own pages only; no other site needs to read them.
WHITENOISE_ALLOW_ALL_ORIGINS = False

ADMIN_URL = env_str("AMENDS_ADMIN_URL", "operators/").strip("/") + "/"

# Cookies. Production uses the __Host- prefix, which browsers accept only with
# Secure, Path=/ and no Domain: a sibling subdomain cannot then plant or read them.
SECURE_COOKIES = env_bool("AMENDS_SECURE_COOKIES", not DEBUG)
_COOKIE_PREFIX = "__Host-" if SECURE_COOKIES else ""
SESSION_COOKIE_NAME = f"{_COOKIE_PREFIX}amends-session"
CSRF_COOKIE_NAME = f"{_COOKIE_PREFIX}amends-csrf"
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Strict"
# Idle timeout: the session (and with it the server's copy of the member's unlocked
# key) ends after this many seconds without a request.
SESSION_COOKIE_AGE = env_int("AMENDS_SESSION_IDLE_SECONDS", 30 * 60, minimum=60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

SECURE_CONTENT_TYPE_NOSNIFF = True
# same-origin, not no-referrer: with no-referrer, Chromium sends "Origin: null" on form
# posts, which Django's CSRF check rightly refuses. Other sites still get no referrer.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("AMENDS_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("AMENDS_HSTS_SECONDS", 0 if DEBUG else 31536000, minimum=0)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("AMENDS_BEHIND_PROXY", False) else None
)

# Strict CSP: our own scripts and styles only, no inline code, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

# Nobody receives error e-mails: Django's reports carry the request's headers,
# including the client's address and user agent.
ADMINS: list[tuple[str, str]] = []
MANAGERS: list[tuple[str, str]] = []

# Logging prints the message alone. Django attaches the request to some records
# ("Not Found: /x"); a formatter that only prints %(message)s never writes the
# address or user agent held there, and the filter scrubs them from the record so
# that no other handler added later can either.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"forget_client": {"()": "amends.core.logging.ForgetClientFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["forget_client"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("AMENDS_LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "waitress": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

# Login throttling: after this many failures for one handle within the window,
# further attempts for that handle are refused until the window passes.
AMENDS_LOGIN_FAILURES_ALLOWED = env_int("AMENDS_LOGIN_FAILURES_ALLOWED", 5, minimum=1)
AMENDS_LOGIN_WINDOW_SECONDS = env_int("AMENDS_LOGIN_WINDOW_SECONDS", 15 * 60, minimum=1)
# Recovery and sign-up are throttled the same way, per handle and per session: a
# failed recovery and a "this handle is taken" both tell whether a handle exists, and
# every sign-up costs three Argon2id runs.
AMENDS_RECOVERY_FAILURES_ALLOWED = env_int("AMENDS_RECOVERY_FAILURES_ALLOWED", 5, minimum=1)
AMENDS_RECOVERY_WINDOW_SECONDS = env_int("AMENDS_RECOVERY_WINDOW_SECONDS", 60 * 60, minimum=1)
AMENDS_SIGN_UPS_ALLOWED = env_int("AMENDS_SIGN_UPS_ALLOWED", 5, minimum=1)
AMENDS_SIGN_UP_WINDOW_SECONDS = env_int("AMENDS_SIGN_UP_WINDOW_SECONDS", 60 * 60, minimum=1)

AMENDS_LIBRARY_PAGE_SIZE = env_int("AMENDS_LIBRARY_PAGE_SIZE", 10, minimum=1)

# Pile-on damping for responses (amends/responses/damping.py). A member may send this
# many responses within the window, across the library; a statement that receives more
# than its velocity allows within its window holds every new response for a moderator;
# in slow mode a member may respond to that statement once per slow-mode window.
AMENDS_RESPONSES_ALLOWED = env_int("AMENDS_RESPONSES_ALLOWED", 5, minimum=1)
AMENDS_RESPONSE_WINDOW_SECONDS = env_int("AMENDS_RESPONSE_WINDOW_SECONDS", 10 * 60, minimum=1)
AMENDS_STATEMENT_VELOCITY_ALLOWED = env_int("AMENDS_STATEMENT_VELOCITY_ALLOWED", 10, minimum=1)
AMENDS_STATEMENT_VELOCITY_SECONDS = env_int("AMENDS_STATEMENT_VELOCITY_SECONDS", 15 * 60, minimum=1)
AMENDS_SLOW_MODE_RESPONSES_ALLOWED = 1
AMENDS_SLOW_MODE_SECONDS = env_int("AMENDS_SLOW_MODE_SECONDS", 10 * 60, minimum=1)
# "This identifies me or someone I know" hides a statement at once: a few per member a day.
AMENDS_IDENTIFIES_ALLOWED = env_int("AMENDS_IDENTIFIES_ALLOWED", 3, minimum=1)
AMENDS_IDENTIFIES_WINDOW_SECONDS = env_int(
    "AMENDS_IDENTIFIES_WINDOW_SECONDS", 24 * 60 * 60, minimum=1
)
# How long a moderator may take a decision back in one step.
AMENDS_MODERATION_UNDO_SECONDS = env_int("AMENDS_MODERATION_UNDO_SECONDS", 10 * 60, minimum=1)

# Where "Leave quickly" goes: an ordinary, neutral page on another site. Following a
# link is a navigation the person chooses; Amends' pages still load nothing from
# elsewhere. With JavaScript the page is also replaced in the browser's history.
AMENDS_LEAVE_URL = env_str("AMENDS_LEAVE_URL", "https://www.wikipedia.org/")
if not AMENDS_LEAVE_URL.startswith("https://"):
    raise ImproperSetting("AMENDS_LEAVE_URL must be an https:// address")

# The support page's resources (therapy, groups, crisis lines), as a TOML file the
# operator keeps (docs/configuration.md). The default holds fictional demo entries.
AMENDS_SUPPORT_FILE = env_path("AMENDS_SUPPORT_FILE", BASE_DIR / "support" / "demo_resources.toml")
# The demo's cases come with logins whose passphrases are printed in the README
# (amends seed_demo_cases). Only scripts/run sets this: on a real server those
# accounts would be open to anyone who read the README.
AMENDS_DEMO_LOGINS = env_bool("AMENDS_DEMO_LOGINS", False)
