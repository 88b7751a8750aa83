"""The search page: words, facets, newest first; only what the user may see."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from unionwatch.core import taxonomy
from unionwatch.search.query import Filters, SearchError, search

PAGE = 20
FILTER_NAMES = ("country", "type", "since", "until", "organization", "person", "case", "confidentiality")


@login_required
def search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    raw = {name: request.GET.get(name, "") for name in FILTER_NAMES}
    page = _page(request.GET.get("page"))
    context = {"q": query, "filters": raw, "types": sorted(
        (key, spec.label) for key, spec in taxonomy.load_taxonomy().types.items()), "page": page}
    if query or any(raw.values()):
        try:
            results = search(query, Filters.from_strings(**raw), user=request.user,
                             limit=PAGE, offset=(page - 1) * PAGE)
        except SearchError as exc:
            context["error"] = str(exc).replace("--", "")
        else:
            context["results"] = results
            context["has_next"] = page * PAGE < results.total
    return render(request, "search/search.html", context)


def _page(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1
