"""Logging filters: what a log line may say about a visitor."""

from __future__ import annotations

import logging
import re

from django.urls import Resolver404, resolve

# Django's CSRF reasons quote the client's Origin or Referer header verbatim: the
# site a member came from, or whatever a forged request put there.
_CHECKED_HEADER = re.compile(r"((?:Origin|Referer) checking failed - ).+?( does not match)")
# Any other address with a scheme (a Referer quoted elsewhere, a link in an error).
_ADDRESS = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s\"'<>]+")
# A request path, as Django's request and server lines quote it ("Not Found: /x/").
_PATH = re.compile(r"(?<![\w/])/[^\s\"'<>]*")
_UUID = re.compile(
    r"\b[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\b"
)


def _route(match: re.Match[str]) -> str:
    """A path as the route it matched, so no statement or publication id is logged.

    With the line's timestamp, an id says when a member worked on which statement.
    A query string (a reader's search words) is dropped; an address that matches no
    route may be anything a visitor typed, so it is not logged either.
    """
    path = match.group(0).split("?", 1)[0]
    try:
        return "/" + resolve(path).route
    except Resolver404:
        return "/[an address that matches no page]"


# Loggers whose lines quote a request's path; elsewhere a slash may be a file's path.
_REQUEST_LOGGERS = ("django.request", "django.server", "django.security", "waitress")


def redact(message: str, *, paths: bool = True) -> str:
    message = _CHECKED_HEADER.sub(r"\1[the client's header]\2", message)
    message = _ADDRESS.sub("[an address]", message)
    if paths:
        message = _PATH.sub(_route, message)
    return _UUID.sub("[an id]", message)


class ForgetClientFilter(logging.Filter):
    """Keep the client out of every log record: its request, headers and ids.

    Django attaches the request object to some records; the formatter prints only
    the message, but a handler added later (an error reporter, a JSON formatter)
    could serialise the whole record, request headers and all, so the request is
    removed for every handler. The message itself is then redacted: CSRF warnings
    quote the client's Origin and Referer, and 4xx lines quote paths that carry
    statement and publication ids.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if hasattr(record, "request"):
            record.request = None
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed call: leave it to the formatter
            return True
        redacted = redact(message, paths=record.name.startswith(_REQUEST_LOGGERS))
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True
