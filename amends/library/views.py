from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from amends.library import access, authorship
from amends.library.tags import GROUP_LABELS

MAX_QUERY = 200


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:MAX_QUERY].strip()
    chosen = [slug for slug in request.GET.getlist("tag") if slug][:10]
    tags = access.all_tags()
    known = {tag.slug for tag in tags}
    chosen = [slug for slug in chosen if slug in known]
    paginator = Paginator(access.published(query, chosen), settings.AMENDS_LIBRARY_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    groups = [
        (label, [tag for tag in tags if tag.group == group])
        for group, label in GROUP_LABELS.items()
    ]
    base_query = request.GET.copy()
    base_query.pop("page", None)
    return render(
        request,
        "library/index.html",
        {
            "page": page,
            "query": query,
            "chosen": chosen,
            "groups": groups,
            "filtering": bool(query or chosen),
            "base_query": base_query.urlencode(),
        },
    )


@require_GET
def statement(request: HttpRequest, public_id: str) -> HttpResponse:
    try:
        publication = access.publication_by_public_id(public_id)
    except access.Withdrawn:
        # 410 Gone: it existed and is gone on purpose, which "Not Found" would hide.
        return render(request, "library/withdrawn.html", status=410)
    return render(request, "library/statement.html", {"publication": publication})


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "library/about.html", {"parts": authorship.about_parts()})
