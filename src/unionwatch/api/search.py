"""API: full-text and faceted search (GET /api/search), filtered by what the caller may see."""

from __future__ import annotations

from ninja import Router, Schema
from ninja.errors import HttpError

from unionwatch.search.query import Filters, SearchError, search

router = Router(tags=["search"])


class EventRef(Schema):
    id: int
    type: str
    date: str | None


class HitOut(Schema):
    id: int
    title: str
    date: str | None
    country: str
    kind: str
    confidentiality: str
    snippet: str
    events: list[EventRef]


class FacetCount(Schema):
    value: str
    count: int


class SearchOut(Schema):
    total: int
    total_is_lower_bound: bool
    hits: list[HitOut]
    facets: dict[str, list[FacetCount]]


@router.get("/search", response=SearchOut)
def search_documents(request, q: str = "", country: str = "", type: str = "", since: str = "",
                     until: str = "", organization: str = "", person: str = "", case: str = "",
                     confidentiality: str = "", limit: int = 20, offset: int = 0,
                     facets: bool = True):
    try:
        filters = Filters.from_strings(country=country, type=type, since=since, until=until,
                                       organization=organization, person=person, case=case,
                                       confidentiality=confidentiality)
    except SearchError as exc:
        raise HttpError(400, str(exc).replace("--", "")) from None
    results = search(q, filters, user=request.user, limit=limit, offset=max(0, offset),
                     with_facets=facets)
    return results.to_dict()
