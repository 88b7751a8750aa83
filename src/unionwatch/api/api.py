"""REST API (django-ninja, OpenAPI at /api/docs). Session or token auth comes with roles."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Schema
from ninja.security import django_auth

from unionwatch.cases.listing import case_rows
from unionwatch.documents.models import Document

api = NinjaAPI(title="unionwatch API", version="1", auth=django_auth)
api.add_router("/advocacy", "unionwatch.api.advocacy.router")
api.add_router("/", "unionwatch.api.facts.router")


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
    return case_rows()


@api.get("/documents", response=list[DocumentOut])
def list_documents(request, limit: int = 100, offset: int = 0):
    limit = max(1, min(limit, 1000))
    return Document.objects.order_by("-id")[offset: offset + limit]


@api.get("/documents/{document_id}", response=DocumentOut)
def get_document(request, document_id: int):
    return get_object_or_404(Document, pk=document_id)
