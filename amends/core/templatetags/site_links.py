"""The links every page carries (the header and footer), reversed once per process."""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

register = template.Library()


@register.simple_tag
def site_link(name: str) -> str:
    """`{% url name %}` for a link without arguments, remembered per URL prefix.

    base.html's eight links were reversed on every page, a fifth of a library page's
    time in the server; their answers only change with the prefix and the URL conf.
    """
    return _reversed(name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


@lru_cache(maxsize=256)
def _reversed(name: str, prefix: str, urlconf: str) -> str:
    # prefix is part of the key only: reverse() reads the same prefix itself.
    return reverse(name, urlconf=urlconf)
