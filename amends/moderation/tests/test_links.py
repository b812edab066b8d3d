"""The link step: every way of writing an address is held; ordinary sentences are not."""

from __future__ import annotations

import pytest

from amends.moderation import Context, Decision, Reason
from amends.moderation.links import find_links
from amends.moderation.pipeline import check_links

LINKS = [
    ("Full URL", "Read this first: https://www.healing-after.org/guides/7"),
    ("http URL", "see http://example.net/x"),
    ("www without scheme", "It's all at www.restore-together.net"),
    ("bare domain", "there's a forum at talkitthrough.org for this"),
    ("bare domain with path", "recommend safepaths.co.uk/support"),
    ("shortened", "listen here bit.ly/4Gh7kLp"),
    ("shortened t.co", "t.co/AbC123 says it better than me"),
    ("shortened youtu.be", "this talk youtu.be/dQw4w9 is worth it"),
    ("e-mail address", "write to me at listener@example.org if you need to"),
    ("dot spelled out", "check out survivorsvoice dot org"),
    ("dot spelled in capitals", "look up mending-circle DOT net"),
    ("dot in brackets", "find it at quiet-rooms[.]com"),
    ("dot word in brackets", "helpful: gentle-steps (dot) org"),
    ("spaced dots", "www . after-harm . org has a list"),
    ("spaced letters", "h t t p s : / / lantern-circle . org"),
    ("bracketed labels", "[ourstories] [.] [com] /read"),
    ("slash spelled out", "healingwords dot org slash men"),
]
NOT_LINKS = [
    "I said no. Co-workers laughed at me for weeks.",
    "She was 19. It was 2014. I was 31.",
    "e.g. the part about the car, i.e. the lift home",
    "St. Anne's was where it happened to me",
    "We connected the dots far too late.",
    "The dot com boom was when I started at the company.",
    "it took 3.5 years to say it",
    "Tell.me what you mean by that",
    "a polka dot dress",
    "@linnet_reads I agree with you completely.",
]


@pytest.mark.parametrize(("form", "text"), LINKS, ids=[f for f, _ in LINKS])
def test_every_form_of_link_is_found(form: str, text: str) -> None:
    assert find_links(text), form


@pytest.mark.parametrize("text", NOT_LINKS)
def test_ordinary_sentences_have_no_link(text: str) -> None:
    assert find_links(text) == []


def test_a_response_with_a_link_is_held_for_the_link() -> None:
    verdict = check_links("Read www.restore-together.net", Context())
    assert verdict is not None
    assert (verdict.decision, verdict.reason, verdict.step) == (Decision.HOLD, Reason.LINK, "link")


def test_a_response_without_a_link_passes_the_link_step() -> None:
    assert check_links("What you did was cruel.", Context()) is None
