"""A shared cache for the pages every anonymous reader sees alike.

The library's listings, searches and statement pages are the same for everyone who
is not logged in, so one rendering serves them all, from the shared cache (the
database's, or Redis with several processes). It is kept safe by three rules:

- Only a GET from a browser that carries no session and no message is served from
  it or stored in it. A logged-in member always has a session, so their pages (which
  show their menu and are marked no-store) never reach it, and they never see a page
  rendered for someone else.
- Only a plain 200 answer of a view marked @reader_cached is stored: nothing that
  sets a cookie or says no-store. It is stored with the headers every middleware
  further in gave it (CSP, referrer policy, framing), so a cached answer carries the
  same privacy headers as a rendered one.
- Any change to what a reader may see (publishing, withdrawing, taking down, hiding
  or restoring a statement) calls forget_pages(), which deletes every stored page at
  once and again when the change commits. Deleting rather than only bumping a
  version matters: a withdrawn statement's words must not stay behind in the cache's
  table or in Redis. A generation token stored with each page makes sure a page
  rendered from the old data during the change is never served after it: a page is
  served only when its token is the current one, and both are read in one round trip.

Each answer carries an ETag of its bytes, so a returning reader's browser asks
"still this?" and gets an empty 304 when it is.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.urls import Resolver404, resolve

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
    """A GET with no session and no message: logged in is impossible without a session,
    and any session may hold a login or a message meant for this browser alone."""
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and getattr(settings, "MESSAGE_COOKIE_NAME", "messages") not in request.COOKIES
    )


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


def reader_cached(view: View) -> View:
    """Mark a view whose anonymous answers ReaderCacheMiddleware may keep and serve."""
    view.reader_cached = True  # type: ignore[attr-defined]
    return view


def _marked(request: HttpRequest) -> bool:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return bool(getattr(match.func, "reader_cached", False))


def _key(request: HttpRequest) -> str | None:
    try:
        # The scheme and host too: a page served over https carries HSTS.
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    except DisallowedHost:
        return None  # the host check further in answers it
    return "page:" + hashlib.sha256(address.encode()).hexdigest()


def _revalidated(request: HttpRequest, response: HttpResponseBase, etag: str) -> HttpResponseBase:
    if etag not in request.headers.get("If-None-Match", ""):
        return response
    not_modified = HttpResponseNotModified()
    for header, value in response.items():
        if header.lower() not in ("content-type", "content-length"):
            not_modified[header] = value
    return not_modified


class ReaderCacheMiddleware:
    """Serve marked views' anonymous answers whole from the readers' cache.

    It sits just inside the security and static-file middleware, so that a hit skips
    the session, CSRF, authentication and rendering; what it stores is the answer as
    every middleware further in left it, headers and all, so a cached answer carries
    exactly the headers a rendered one does.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        readers = _readers()
        if readers is None or not _anonymous_and_stateless(request) or not _marked(request):
            return self.get_response(request)
        key = _key(request)
        if key is None:
            return self.get_response(request)
        # The page and the current generation in one round trip (one query of the
        # database's cache, one MGET in Redis): two were most of a hit's cost.
        found = readers.get_many([GENERATION, key])
        generation = found.get(GENERATION)
        if generation is None:
            generation = _generation(readers)
        stored = found.get(key)
        if stored is not None and stored[0] == generation:
            _, content, headers, etag = stored
            kept = HttpResponse(content)
            for header, value in headers:
                kept[header] = value
            return _revalidated(request, kept, etag)
        answer = self.get_response(request)
        if not _storable(answer):
            return answer
        assert isinstance(answer, HttpResponse)
        response = answer
        etag = _etag(response.content)
        response["ETag"] = etag
        readers.set(key, (generation, response.content, list(response.items()), etag))
        # The library changed while this page was rendered: it may show what is gone.
        if readers.get(GENERATION) != generation:
            readers.delete(key)
        return _revalidated(request, response, etag)


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
