"""A shared cache for the pages every anonymous reader sees alike.

The library's listings, searches and statement pages are the same for everyone who
is not logged in, so one rendering serves them all, from the shared cache (the
database's, or Redis with several processes). It is kept safe by three rules:

- Only a GET from a browser that carries no session and no message is served from
  it or stored in it. A logged-in member always has a session, so their pages (which
  show their menu and are marked no-store) never reach it, and they never see a page
  rendered for someone else.
- Only a plain 200 answer is stored: nothing that sets a cookie or says no-store.
  The decorator sits inside every middleware, so the privacy headers (CSP,
  referrer policy, framing) are added afresh to a cached answer exactly as to a
  rendered one.
- Any change to what a reader may see (publishing, withdrawing, taking down, hiding
  or restoring a statement) calls forget_pages(), which deletes every stored page at
  once and again when the change commits. Deleting rather than only bumping a
  version matters: a withdrawn statement's words must not stay behind in the cache's
  table or in Redis. A generation token in the keys makes sure a page rendered from
  the old data during the change is never served after it.

Each answer carries an ETag of its bytes, so a returning reader's browser asks
"still this?" and gets an empty 304 when it is.
"""

from __future__ import annotations

import functools
import hashlib
import secrets
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified

ALIAS = "readers"
GENERATION = "generation"

View = Callable[..., HttpResponseBase]


class ReaderRedisCache(RedisCache):
    """Redis for readers' pages, sharing a Redis database with sessions and rate limits.

    RedisCache.clear() empties the whole database: it would log everyone out and reset
    every rate limit. This clear() deletes only the keys under this cache's prefix.
    """

    def clear(self) -> None:
        client = self._cache.get_client(None, write=True)  # type: ignore[attr-defined]
        keys = list(client.scan_iter(match=self.make_key("*"), count=1000))
        for start in range(0, len(keys), 1000):
            client.delete(*keys[start : start + 1000])


def _readers() -> BaseCache | None:
    return caches[ALIAS] if ALIAS in settings.CACHES else None


def _anonymous_and_stateless(request: HttpRequest) -> bool:
    if request.method != "GET":
        return False
    # Any session may hold a login or a message meant for this browser alone.
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _storable(response: HttpResponseBase) -> bool:
    return (
        response.status_code == 200
        and isinstance(response, HttpResponse)
        and not response.cookies
        and "no-store" not in response.get("Cache-Control", "")
        and "private" not in response.get("Cache-Control", "")
    )


def _etag(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def _generation(readers: BaseCache) -> str:
    generation = readers.get(GENERATION)
    if generation is None:
        readers.add(GENERATION, secrets.token_hex(8), timeout=None)
        generation = readers.get(GENERATION)
    return str(generation)


def _key(generation: str, request: HttpRequest) -> str:
    return "page:" + generation + ":" + hashlib.sha256(request.get_full_path().encode()).hexdigest()


def _answer(request: HttpRequest, content: bytes, content_type: str, etag: str) -> HttpResponse:
    if etag in request.headers.get("If-None-Match", ""):
        not_modified = HttpResponseNotModified()
        not_modified["ETag"] = etag
        return not_modified
    response = HttpResponse(content, content_type=content_type)
    response["ETag"] = etag
    return response


def reader_cached(view: View) -> View:
    """Serve this view's anonymous answers from the shared cache (see the module's rules)."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        readers = _readers()
        if readers is None or not _anonymous_and_stateless(request):
            return view(request, *args, **kwargs)
        generation = _generation(readers)
        key = _key(generation, request)
        stored = readers.get(key)
        if stored is not None:
            content, content_type, etag = stored
            return _answer(request, content, content_type, etag)
        response = view(request, *args, **kwargs)
        if not _storable(response):
            return response
        assert isinstance(response, HttpResponse)
        etag = _etag(response.content)
        readers.set(key, (response.content, response["Content-Type"], etag))
        # The library changed while this page was rendered: it may show what is gone.
        if readers.get(GENERATION) != generation:
            readers.delete(key)
        if etag in request.headers.get("If-None-Match", ""):
            return _answer(request, response.content, response["Content-Type"], etag)
        response["ETag"] = etag
        return response

    return wrapped


def _forget() -> None:
    readers = _readers()
    if readers is not None:
        readers.clear()


def forget_pages() -> None:
    """Delete every stored reader page: call on any change to what readers may see.

    Once now, inside the change's transaction (the database cache's rows go with the
    change, before a withdrawal truncates the write-ahead log), and once more when it
    commits, for pages rendered from the old data meanwhile.
    """
    _forget()
    transaction.on_commit(_forget)
