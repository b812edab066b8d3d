from __future__ import annotations

from amends.coach import Coach, Finding


def details(coach: Coach, text: str, **kwargs: object) -> list[Finding]:
    return coach.review(text, **kwargs).of_family("detail")  # type: ignore[arg-type]


def kinds_at(coach: Coach, text: str, needle: str, family: str = "detail") -> set[str]:
    """The kinds of the findings of a family that cover `needle` in `text`."""
    start = text.index(needle)
    end = start + len(needle)
    return {
        f.kind
        for f in coach.review(text).of_family(family)
        if f.start is not None and f.end is not None and f.start < end and start < f.end
    }


def patterns(coach: Coach, text: str) -> set[str]:
    return {f.kind for f in coach.review(text).of_family("pattern")}
