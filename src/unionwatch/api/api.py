"""REST API (django-ninja, OpenAPI at /api/docs). Session or token auth comes with roles."""

from __future__ import annotations

from ninja import NinjaAPI, Schema

from unionwatch.accounts.permissions import case_rows_for, get_document_for, visible_documents
from unionwatch.accounts.tokens import api_auth

api = NinjaAPI(title="unionwatch API", version="1", auth=api_auth)
api.add_router("/", "unionwatch.accounts.api.router")
api.add_router("/advocacy", "unionwatch.api.advocacy.router")
api.add_router("/", "unionwatch.api.facts.router")
api.add_router("/", "unionwatch.api.search.router")
api.add_router("/", "unionwatch.jobs.api.router")


class VictimOut(Schema):
    id: int
    name: str
    type: str


class CaseOut(Schema):
    id: int
    title: str
    country: str
    victims: list[VictimOut]
    events: int
    last_event_date: str | None
    next_deadline: str | None


class DocumentOut(Schema):
    id: int
    title: str
    sha256: str
    kind: str
    country: str
    language: str
    confidentiality: str


@api.get("/cases", response=list[CaseOut])
def list_cases(request):
    return case_rows_for(request.user)


@api.get("/documents", response=list[DocumentOut])
def list_documents(request, limit: int = 100, offset: int = 0):
    limit, offset = max(1, min(limit, 1000)), max(0, offset)
    return visible_documents(request.user).order_by("-id")[offset: offset + limit]


@api.get("/documents/{document_id}", response=DocumentOut)
def get_document(request, document_id: int):
    return get_document_for(request, document_id)
