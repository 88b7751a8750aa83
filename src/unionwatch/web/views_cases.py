"""Case edits from the case page: rename, merge, split, add and remove events."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from unionwatch.accounts.permissions import editor_required
from unionwatch.cases.edit import (
    CaseEditError,
    add_event,
    merge_cases,
    remove_event,
    rename_case,
    split_case,
)
from unionwatch.cases.models import Case
from unionwatch.facts.models import Event


def _ids(values: list[str]) -> list[int]:
    return [int(v) for v in values if v.isdigit()]


def _int(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0


@require_POST
@editor_required
def case_edit(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    target = case
    try:
        if action == "rename":
            rename_case(case, request.POST.get("title", ""))
        elif action == "merge":
            merge_cases(case, get_object_or_404(Case, pk=_int(request.POST.get("other"))))
        elif action == "split":
            target = split_case(case, _ids(request.POST.getlist("events")),
                                request.POST.get("title", ""))
        elif action == "add-event":
            add_event(case, get_object_or_404(Event, pk=_int(request.POST.get("event"))))
        elif action == "remove-event":
            remove_event(case, get_object_or_404(Event, pk=_int(request.POST.get("event"))))
        else:
            return HttpResponse(f"unknown case action {action!r}", status=404)
    except CaseEditError as exc:
        messages.error(request, str(exc))
    return redirect("case-detail", target.pk)
