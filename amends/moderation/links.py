"""Links in a response, written plainly or disguised.

A response with a link is held for a moderator (seed 002's comment policy): a link can lead
readers to the author's business page, to a profile, or anywhere we cannot read. People who
want a link through write it so that filters miss it: "example dot com", "h t t p s",
"example [.] com", "www . example . org". So the text is first undisguised (a copy used
only for this reading), then searched for URLs, bare domains, shortened links and e-mail
addresses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Top-level domains that are worth recognising without a scheme. Two-letter ones that are
# also English words ("me", "it", "in", "to", "be", "no", "so", "at", "is", "us") count only
# with a path after them ("youtu.be/…", "anchor.fm/…" is already covered by "fm"), because
# "hurt.It" and "tell.me" are typing slips far more often than addresses.
TLDS = frozenset(
    [
        "com",
        "org",
        "net",
        "info",
        "biz",
        "edu",
        "gov",
        "io",
        "co",
        "ly",
        "fm",
        "tv",
        "gg",
        "ai",
        "app",
        "dev",
        "blog",
        "site",
        "online",
        "xyz",
        "page",
        "link",
        "news",
        "club",
        "shop",
        "store",
        "live",
        "life",
        "world",
        "social",
        "tech",
        "space",
        "website",
        "wiki",
        "pub",
        "media",
        "today",
        "top",
        "uk",
        "ie",
        "au",
        "nz",
        "ca",
        "de",
        "fr",
        "nl",
        "es",
        "pt",
        "se",
        "dk",
        "fi",
        "pl",
        "ru",
        "ch",
        "cz",
        "eu",
        "jp",
        "cn",
        "br",
        "mx",
        "za",
        "sg",
        "hk",
        "kr",
        "tw",
        "ua",
    ]
)
WORD_TLDS = frozenset(
    ["me", "it", "in", "to", "be", "no", "so", "at", "is", "us", "am", "as", "do", "go", "my"]
)
SHORTENERS = frozenset(
    [
        "bit.ly",
        "t.co",
        "tinyurl.com",
        "goo.gl",
        "ow.ly",
        "is.gd",
        "buff.ly",
        "rb.gy",
        "cutt.ly",
        "tiny.cc",
        "shorturl.at",
        "linktr.ee",
        "lnkd.in",
        "youtu.be",
    ]
)
_STOP_LABELS = frozenset(
    ["the", "a", "an", "this", "that", "my", "your", "his", "her", "our", "their", "its"]
)

_SCHEME = re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_DOMAIN = re.compile(
    r"(?<![@\w.])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,12}))\b(/[^\s]*)?", re.IGNORECASE
)

# Undisguising, in order. Each keeps the text's meaning for a reader and only removes what
# stands between the parts of an address.
_SPACED_LETTERS = re.compile(r"\b(?:[A-Za-z][ \-]){2,}[A-Za-z]\b")  # "h t t p s", "w-w-w"
_BRACKETED = re.compile(r"[\[\(\{<]\s*([\w.:/@-]{1,40}?)\s*[\]\)\}>]")  # "[.]", "(dot)"
_DOT_WORD = re.compile(r"(\w)\s*(?:\bdot\b|\bd0t\b|\bpunto\b)\s*(\w)", re.IGNORECASE)
_SLASH_WORD = re.compile(r"(\w)\s+(?:\bslash\b)\s+(\w)", re.IGNORECASE)
_SPACED_COLON_SLASH = re.compile(r"(\w)\s*:\s*/\s*/\s*")
# "www . example . org", "example .com": labels with spaced dots, ending in a known TLD.
_SPACED_DOTS = re.compile(
    r"\b[\w-]+(?:[ \t]*\.[ \t]*[\w-]+)*[ \t]*\.[ \t]*(?:" + "|".join(sorted(TLDS)) + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Link:
    text: str  # the address as undisguised, e.g. "example.com/guide"
    kind: str  # "url" | "domain" | "shortened" | "email" | "disguised"


def undisguise(text: str) -> str:
    """A copy of the text with the usual disguises of an address taken off."""
    out = _SPACED_LETTERS.sub(lambda m: re.sub(r"[ \-]", "", m.group(0)), text)
    out = _BRACKETED.sub(r"\1", out)
    out = _DOT_WORD.sub(r"\1.\2", out)
    out = _SLASH_WORD.sub(r"\1/\2", out)
    out = _SPACED_COLON_SLASH.sub(r"\1://", out)
    # Only where a space stands before a dot: a sentence never ends that way ("I said
    # no. Co-workers laughed" keeps its full stop).
    out = _SPACED_DOTS.sub(
        lambda m: (
            re.sub(r"[ \t]+", "", m.group(0)) if re.search(r"[ \t]\.", m.group(0)) else m.group(0)
        ),
        out,
    )
    return out


def _plain_links(text: str) -> list[Link]:
    found: list[Link] = []
    for m in _SCHEME.finditer(text):
        found.append(Link(m.group(0).rstrip(".,;:!?)\"'"), "url"))
    for m in _EMAIL.finditer(text):
        found.append(Link(m.group(0), "email"))
    seen = " ".join(link.text for link in found)
    for m in _DOMAIN.finditer(text):
        host, tld, path = m.group(1), m.group(2).lower(), m.group(3)
        if host in seen:
            continue
        if host.lower() in SHORTENERS:
            found.append(Link(m.group(0).rstrip(".,;:!?)"), "shortened"))
            continue
        first = host.split(".", 1)[0].lower()
        if first in _STOP_LABELS or first.isdigit():
            continue
        if tld in TLDS or (tld in WORD_TLDS and path and len(path) > 1):
            found.append(Link(m.group(0).rstrip(".,;:!?)"), "domain"))
    return found


def find_links(text: str) -> list[Link]:
    """Every address in the text, plain or disguised."""
    plain = _plain_links(text)
    if plain:
        return plain
    return [Link(link.text, "disguised") for link in _plain_links(undisguise(text))]
