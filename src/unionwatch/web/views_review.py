"""The review queue: unsure entity matches, low-confidence and conflicting facts, and
the history of merges and splits with undo."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from unionwatch.accounts.permissions import can_edit, editor_required
from unionwatch.facts.conflicts import conflicts_of
from unionwatch.facts.merge import (
    MergeError,
    accept_match,
    pending_matches,
    reject_match,
    undo_judgement,
)
from unionwatch.facts.models import EVENT_TYPE_CHOICES, Judgement
from unionwatch.facts.resolve import MODELS
from unionwatch.facts.review import (
    FACT_MODELS,
    ReviewError,
    accept_fact,
    correct_fact,
    reject_fact,
    review_queue,
)


def _pair(judgement: Judgement) -> dict | None:
    model = MODELS[judgement.entity_type]
    left = model.objects.filter(pk=judgement.left_id).first()
    right = model.objects.filter(pk=judgement.right_id).first() if judgement.right_id else None
    if left is None or right is None:
        return None  # one side was merged or deleted since: nothing left to decide
    return {"judgement": judgement, "left": left, "right": right}


@editor_required
def review(request: HttpRequest) -> HttpResponse:
    pairs = [p for p in (_pair(j) for j in pending_matches()[:200]) if p]
    facts = []
    for kind, model in FACT_MODELS.items():
        for fact in review_queue(model)[:200]:
            facts.append({"kind": kind, "fact": fact, "conflicts": conflicts_of(fact),
                          "sources": fact.evidence.select_related("document")})
    history = Judgement.objects.filter(automatic=False).exclude(data={}).select_related("user")[:50]
    # Names attached automatically (score above the merge threshold): undo splits the
    # document off again, for the rare wrong one.
    attached = (Judgement.objects.filter(automatic=True, verdict=Judgement.Verdict.POSITIVE,
                                         undone_at=None)
                .exclude(document=None).select_related("document")[:50])
    return render(request, "unionwatch/review.html", {
        "pairs": pairs, "facts": facts, "history": history, "attached": attached,
        "event_types": EVENT_TYPE_CHOICES,
        "can_edit": can_edit(request.user),
    })


@require_POST
@editor_required
def review_match(request: HttpRequest, pk: int, answer: str) -> HttpResponse:
    judgement = get_object_or_404(Judgement, pk=pk)
    try:
        (accept_match if answer == "accept" else reject_match)(judgement, user=request.user)
    except MergeError as exc:
        messages.error(request, str(exc))
    return redirect("review")


@require_POST
@editor_required
def undo(request: HttpRequest, pk: int) -> HttpResponse:
    judgement = get_object_or_404(Judgement, pk=pk)
    try:
        undo_judgement(judgement, user=request.user)
        messages.success(request, f"Judgement {pk} undone.")
    except MergeError as exc:
        messages.error(request, str(exc))
    return redirect(request.POST.get("next") or "review")


@require_POST
@editor_required
def review_fact(request: HttpRequest, kind: str, pk: int, answer: str) -> HttpResponse:
    model = FACT_MODELS.get(kind)
    if model is None:
        return HttpResponse(f"unknown fact kind {kind!r}", status=404)
    fact = get_object_or_404(model, pk=pk)
    try:
        if answer == "accept":
            accept_fact(fact, request.user)
        elif answer == "reject":
            reject_fact(fact, request.user)
        else:
            fields = [f for f in ("type", "date", "summary", "court_name", "what", "kind")
                      if f in request.POST]
            correct_fact(fact, {f: request.POST[f] for f in fields}, request.user)
    except ReviewError as exc:
        messages.error(request, str(exc))
    return redirect(request.POST.get("next") or "review")
