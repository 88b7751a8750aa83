"""The audit log for admins: a filterable list and a CSV download."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from unionwatch.accounts.permissions import admin_required
from unionwatch.audit.export import write_csv
from unionwatch.audit.log import record
from unionwatch.audit.models import AuditEntry


def _filtered(request: HttpRequest):
    entries = AuditEntry.objects.all()
    if request.GET.get("actor"):
        entries = entries.filter(actor=request.GET["actor"])
    if request.GET.get("action"):
        entries = entries.filter(action=request.GET["action"])
    return entries


@admin_required
def audit_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(_filtered(request), 100).get_page(request.GET.get("page"))
    return render(request, "audit/list.html", {"page": page, "query": request.GET})


@admin_required
def audit_export(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="unionwatch-audit.csv"'
    record("export", None, request=request, object_type="audit.auditentry", detail="csv")
    write_csv(response, _filtered(request).order_by("at", "id"))
    return response
