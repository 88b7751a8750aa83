"""Server-rendered pages. Every page requires login."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from unionwatch.accounts.permissions import (
    case_rows_for,
    get_case_for,
    get_document_for,
    visible_documents,
)
from unionwatch.facts.models import Evidence
from unionwatch.web.case_page import case_context
from unionwatch.web.highlight import highlight_segments


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return redirect("case-list")


@login_required
def document_list(request: HttpRequest) -> HttpResponse:
    documents = visible_documents(request.user).only(
        "id", "title", "date", "kind", "country", "language", "confidentiality", "original_name"
    ).order_by("-date", "-id")
    page = Paginator(documents, 50).get_page(request.GET.get("page"))
    return render(request, "unionwatch/document_list.html", {"page": page})


@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_document_for(request, pk)
    evidence = list(Evidence.objects.filter(document=document).select_related("content_type"))
    selected = _int(request.GET.get("hl"))
    segments = highlight_segments(document.plain_text, evidence, selected)
    facts = _facts_of(evidence)
    return render(request, "unionwatch/document_detail.html", {
        "document": document, "segments": segments, "facts": facts, "selected": selected,
    })


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _facts_of(evidence: list[Evidence]) -> list[dict]:
    """One row per fact stated in this document, in text order."""
    rows = []
    seen: set[tuple[int, int]] = set()
    for ev in sorted(evidence, key=lambda e: e.start):
        key = (ev.content_type_id, ev.object_id)
        if key in seen:
            continue
        seen.add(key)
        fact = ev.fact
        if fact is None:
            continue
        rows.append({"kind": ev.content_type.model, "label": str(fact), "evidence": ev, "fact": fact})
    return rows


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    return render(request, "unionwatch/case_list.html",
                  {"rows": case_rows_for(request.user)})


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for(request, pk)
    page = request.GET.get("page", "1")
    return render(request, "unionwatch/case_detail.html",
                  case_context(case, request.user, page=int(page) if page.isdigit() else 1))

