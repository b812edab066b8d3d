"""Logging filters."""

from __future__ import annotations

import logging


class ForgetClientFilter(logging.Filter):
    """Drop the request object Django attaches to some log records.

    The formatter prints only the message, but a handler added later (an error
    reporter, a JSON formatter) could serialise the whole record, request headers
    and all. Removing the request from the record closes that door for every handler.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if hasattr(record, "request"):
            record.request = None
        return True
