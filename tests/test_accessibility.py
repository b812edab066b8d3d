"""Every page a member uses can be read and operated with a screen reader and a keyboard.

The checks parse the HTML each page really serves: one h1, no skipped heading levels,
a label for every control, a language, a skip link to the main content.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from amends.testing.personas import Persona
from amends.testing.writing import statement_form

pytestmark = pytest.mark.django_db

NAMED = "In 2019 I pressured Rebecca Holloway, the new intern in accounting."


class PageShape(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.controls: list[dict[str, str | None]] = []
        self.label_for: set[str] = set()
        self.label_depth = 0
        self.wrapped: list[dict[str, str | None]] = []
        self.lang: str | None = None
        self.links: list[str] = []
        self.images_without_alt = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))
        if tag == "label":
            self.label_depth += 1
            if attributes.get("for"):
                self.label_for.add(str(attributes["for"]))
        if tag == "a" and attributes.get("href"):
            self.links.append(str(attributes["href"]))
        if tag == "img" and "alt" not in attributes:
            self.images_without_alt += 1
        if tag in {"input", "textarea", "select"} and attributes.get("type") not in {
            "hidden",
            "submit",
            "button",
        }:
            self.controls.append(attributes)
            if self.label_depth:
                self.wrapped.append(attributes)

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.label_depth -= 1


def shape_of(html: str) -> PageShape:
    parser = PageShape()
    parser.feed(html)
    return parser


def member_pages(persona: Persona) -> list[str]:
    url = persona.client.post("/statements/new/")["Location"]
    persona.client.post(url, statement_form(what_i_did=NAMED))
    impact = persona.client.post("/impact/new/")["Location"]
    persona.client.post(impact, {"text": "It changed how I walk home at night."})
    return [
        impact,
        impact + "versions/",
        impact + "versions/1/",
        impact + "sharing/",
        impact + "delete/",
        "/impact/shared/",
        "/me/",
        "/reflection/",
        url,
        url + "preview/",
        url + "versions/",
        url + "versions/1/",
        url + "delete/",
        "/me/account/",
        "/coach/keep-out/",
    ]


PUBLIC_PAGES = [
    "/",
    "/sign-up/",
    "/log-in/",
    "/recover/",
    "/about/",
    "/?q=pressure",
    "/receipts/check/",
]


def assert_accessible(path: str, html: str) -> None:
    shape = shape_of(html)
    assert shape.lang == "en", path
    assert shape.headings.count(1) == 1, (path, shape.headings)
    for before, after in zip(shape.headings, shape.headings[1:], strict=False):
        assert after <= before + 1, (path, "a heading level is skipped", shape.headings)
    for control in shape.controls:
        labelled = (
            control in shape.wrapped
            or (control.get("id") and control["id"] in shape.label_for)
            or control.get("aria-label")
        )
        assert labelled, (path, "a control without a label", control)
    assert shape.links and shape.links[0] == "#main", (path, "the first link skips to content")
    assert 'id="main"' in html
    assert shape.images_without_alt == 0, path


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_are_labelled_and_well_structured(reader, path: str) -> None:
    response = reader.get(path)
    assert response.status_code == 200
    assert_accessible(path, response.content.decode())


def test_member_pages_are_labelled_and_well_structured(responsible: Persona) -> None:
    for path in member_pages(responsible):
        response = responsible.client.get(path)
        assert response.status_code == 200, path
        assert_accessible(path, response.content.decode())


def test_error_messages_are_announced(responsible: Persona) -> None:
    url = responsible.client.post("/statements/new/")["Location"]
    response = responsible.client.post(url + "preview/", {"confirm": "on"})
    assert 'role="alert"' in response.content.decode()


def _luminance(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def _contrast(first: str, second: str) -> float:
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_colours_meet_wcag_aa_contrast(scheme: str) -> None:
    """Every text colour against every background it is used on, in both schemes: ≥ 4.5:1."""
    import re
    from pathlib import Path

    import amends

    css = (Path(amends.__file__).parent / "static" / "amends" / "amends.css").read_text()
    blocks = re.findall(r":root\s*\{([^}]*)\}", css)
    palette: dict[str, str] = {}
    for block in blocks[: 1 if scheme == "light" else 2]:
        palette.update(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})", block))
    pairs = [
        ("ink", "paper"),
        ("ink", "card"),
        ("muted", "paper"),
        ("muted", "card"),
        ("accent", "paper"),
        ("accent", "card"),
        ("accent-ink", "accent"),
        ("danger", "paper"),
        ("danger", "card"),
        ("ok", "card"),
    ]
    for text, background in pairs:
        ratio = _contrast(palette[text], palette[background])
        assert ratio >= 4.5, (scheme, text, background, round(ratio, 2))
