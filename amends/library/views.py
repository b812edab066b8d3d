from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from amends.core.reader_cache import reader_cached
from amends.library import access, authorship, search
from amends.library.access import NEWEST, RELEVANCE, Cursor
from amends.library.tags import TAGS

MAX_QUERY = 200


def _number(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


@require_GET
@reader_cached
def index(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:MAX_QUERY].strip()
    chosen = [slug for slug in request.GET.getlist("tag") if slug][:10]
    # The vocabulary is fixed in code (tags.py): the form needs no query.
    tags = TAGS
    known = {tag.slug for tag in tags}
    chosen = [slug for slug in chosen if slug in known]
    # A search reads best match first unless the reader asks for the newest.
    order = NEWEST if not query or request.GET.get("order") == NEWEST else RELEVANCE
    page_number = _number(request.GET.get("page"))
    shown_number = _number(request.GET.get("n")) or 1
    listing = access.listing(
        query,
        chosen,
        order=order,
        before=Cursor.parse(request.GET.get("before")),
        after=Cursor.parse(request.GET.get("after")),
        number=page_number or shown_number,
        numbered=page_number is not None,
    )
    # Every link keeps the search, the tags and the order; each adds only its position.
    base: list[tuple[str, str]] = [("q", query)] if query else []
    base += [("tag", slug) for slug in chosen]
    order_param = [("order", NEWEST)] if query and order == NEWEST else []

    def link(*position: tuple[str, str]) -> str:
        return "?" + urlencode(base + order_param + list(position))

    links = {
        "newer": None,
        "older": None,
        "first": link() if listing.number > 1 else None,
    }
    if listing.newer:
        links["newer"] = link(("after", str(listing.newer)), ("n", str(listing.number - 1)))
    elif listing.previous_number:
        links["newer"] = link(("page", str(listing.previous_number)))
    if listing.older:
        links["older"] = link(("before", str(listing.older)), ("n", str(listing.number + 1)))
    elif listing.next_number:
        links["older"] = link(("page", str(listing.next_number)))
    return render(
        request,
        "library/index.html",
        {
            "listing": listing,
            "links": links,
            "query": query,
            "chosen": chosen,
            "order": order,
            "filtering": bool(query or chosen),
            "by_relevance": "?" + urlencode(base),
            "by_newest": "?" + urlencode([*base, ("order", NEWEST)]),
            "relevance_window": search.relevance_window(),
        },
    )


@require_GET
@reader_cached
def statement(request: HttpRequest, public_id: str) -> HttpResponse:
    try:
        publication = access.publication_by_public_id(public_id)
    except access.Withdrawn:
        # 410 Gone: it existed and is gone on purpose, which "Not Found" would hide.
        return render(request, "library/withdrawn.html", status=410)
    return render(request, "library/statement.html", {"publication": publication})


# Not cached: the page shows live figures about responses, which change with every
# moderation decision.
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "library/about.html", {"parts": authorship.about_parts()})
