"""Editing API: everything the review queue and the case page can change.

Persons, organisations and events; judgements (merge, split, undo, answer an unsure
match); review of facts (accept, correct, reject); cases (rename, merge, split,
add and remove events); alerts and deadlines. Reading follows the access rules;
changing needs the editor or admin role.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from unionwatch.accounts.permissions import (
    api_require,
    can_edit,
    get_visible_or_404,
    visible_cases,
    visible_facts,
)
from unionwatch.cases import edit as case_edit
from unionwatch.cases.models import Case
from unionwatch.facts import merge
from unionwatch.facts.conflicts import conflicts_of
from unionwatch.facts.models import Event, Judgement, Organization, OrgKind, Person, ReviewStatus
from unionwatch.facts.resolve import MODELS
from unionwatch.facts.review import (
    FACT_MODELS,
    ReviewError,
    accept_fact,
    correct_fact,
    reject_fact,
    review_queue,
)
from unionwatch.monitoring.deadlines import deadlines_for
from unionwatch.monitoring.models import Alert

router = Router(tags=["facts"])

EntityType = Literal["person", "organization", "place"]


# --- schemas ------------------------------------------------------------------------------


class EntityOut(Schema):
    id: int
    name: str
    aliases: list[str]
    country: str
    status: str


class PersonOut(EntityOut):
    roles: list[str]
    protected: bool


class OrganizationOut(EntityOut):
    kind: str


class PersonPatch(Schema):
    name: str | None = None
    aliases: list[str] | None = None
    country: str | None = None
    roles: list[str] | None = None
    protected: bool | None = None
    status: ReviewStatus | None = None


class OrganizationPatch(Schema):
    name: str | None = None
    aliases: list[str] | None = None
    country: str | None = None
    kind: OrgKind | None = None
    status: ReviewStatus | None = None


class ClaimOut(Schema):
    field: str
    value: str
    document_id: int
    evidence_id: int


class EventOut(Schema):
    id: int
    type: str
    date: str | None
    status: str
    confidence: float
    conflicted: bool
    family_targeted: bool
    victims: list[str]
    sources: int
    conflicts: list[ClaimOut]


class EventPatch(Schema):
    type: str | None = None
    date: str | None = None
    summary: str | None = None


class ReviewIn(Schema):
    answer: Literal["accept", "reject", "correct"]
    changes: dict[str, str] = {}


class JudgementOut(Schema):
    id: int
    entity_type: str
    left_id: int
    right_id: int | None
    name: str
    verdict: str
    score: float | None
    reason: str
    user: str | None
    automatic: bool
    created: dt.datetime
    undone_at: dt.datetime | None
    action: str | None


class MergeIn(Schema):
    entity_type: EntityType
    keep_id: int
    drop_id: int


class SplitIn(Schema):
    entity_type: EntityType
    entity_id: int
    document_ids: list[int]
    name: str = ""


class CasePatch(Schema):
    title: str


class CaseMergeIn(Schema):
    other_id: int


class CaseSplitIn(Schema):
    event_ids: list[int]
    title: str = ""


class CaseEventIn(Schema):
    event_id: int


class CaseOut(Schema):
    id: int
    title: str
    country: str
    automatic: bool
    events: list[int]
    victims: list[int]
    organizations: list[int]


class AlertOut(Schema):
    id: int
    kind: str
    case_id: int
    event_id: int | None
    message: str
    created: dt.datetime
    acknowledged_at: dt.datetime | None


class DeadlineOut(Schema):
    uid: str
    date: dt.date
    kind: str
    title: str
    case_id: int | None
    precise: bool


# --- helpers ------------------------------------------------------------------------------


def _editor(request) -> None:
    api_require(request, can_edit)


def _judgement_out(j: Judgement) -> dict:
    return {
        "id": j.pk, "entity_type": j.entity_type, "left_id": j.left_id, "right_id": j.right_id,
        "name": j.name, "verdict": j.verdict, "score": j.score, "reason": j.reason,
        "user": j.user.username if j.user_id else None, "automatic": j.automatic,
        "created": j.created, "undone_at": j.undone_at, "action": j.data.get("action"),
    }


def _event_out(e: Event) -> dict:
    claims = [c for found in conflicts_of(e).values() for c in found]
    return {
        "id": e.pk, "type": e.type, "date": e.date_text or None, "status": e.status,
        "confidence": e.confidence, "conflicted": e.conflicted, "family_targeted": e.family_targeted,
        "victims": e.victim_names(), "sources": e.evidence.count(),
        "conflicts": [{"field": c.field, "value": c.value, "document_id": c.evidence.document_id,
                       "evidence_id": c.evidence_id} for c in claims],
    }


def _case_out(c: Case) -> dict:
    return {
        "id": c.pk, "title": c.title, "country": c.country, "automatic": c.automatic,
        "events": list(c.events.values_list("id", flat=True)),
        "victims": list(c.victims.values_list("id", flat=True)),
        "organizations": list(c.organizations.values_list("id", flat=True)),
    }


def _patch_entity(entity, changes: dict) -> None:
    for field, value in changes.items():
        if value is None:
            continue
        if field == "name":
            value = value.strip()
            if not value:
                raise HttpError(422, "name: cannot be empty")
            if value != entity.name:  # the old name stays known as an alias
                entity.aliases = [a for a in [*entity.aliases, entity.name] if a != value]
        setattr(entity, field, value)
    entity.save()


def _guard(func, *args, **kwargs):
    """Domain errors become 422 with their one-line message."""
    try:
        return func(*args, **kwargs)
    except (merge.MergeError, case_edit.CaseEditError, ReviewError) as exc:
        raise HttpError(422, str(exc)) from exc


# --- persons and organisations --------------------------------------------------------------


@router.get("/persons", response=list[PersonOut])
def list_persons(request, q: str = "", limit: int = Query(100, ge=1, le=1000),
                 offset: int = Query(0, ge=0)):
    persons = visible_facts(Person, request.user).order_by("name")
    if q:
        persons = persons.filter(name__icontains=q)
    return persons[offset: offset + limit]


@router.get("/persons/{person_id}", response=PersonOut)
def get_person(request, person_id: int):
    return get_visible_or_404(visible_facts(Person, request.user), request, pk=person_id)


@router.patch("/persons/{person_id}", response=PersonOut)
def patch_person(request, person_id: int, payload: PersonPatch):
    _editor(request)
    person = get_object_or_404(Person, pk=person_id)
    _patch_entity(person, payload.dict(exclude_unset=True))
    return person


@router.get("/organizations/{org_id}", response=OrganizationOut)
def get_organization(request, org_id: int):
    return get_visible_or_404(visible_facts(Organization, request.user), request, pk=org_id)


@router.patch("/organizations/{org_id}", response=OrganizationOut)
def patch_organization(request, org_id: int, payload: OrganizationPatch):
    _editor(request)
    org = get_object_or_404(Organization, pk=org_id)
    _patch_entity(org, payload.dict(exclude_unset=True))
    return org


# --- events and review of facts --------------------------------------------------------------


@router.get("/events/{event_id}", response=EventOut)
def get_event(request, event_id: int):
    return _event_out(get_visible_or_404(visible_facts(Event, request.user), request, pk=event_id))


@router.patch("/events/{event_id}", response=EventOut)
def patch_event(request, event_id: int, payload: EventPatch):
    _editor(request)
    event = get_object_or_404(Event, pk=event_id)
    changes = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    _guard(correct_fact, event, changes, request.user)
    return _event_out(event)


@router.get("/review")
def get_review_queue(request):
    _editor(request)
    matches = [_judgement_out(j) for j in merge.pending_matches()[:500]]
    facts = [{"kind": kind, "id": f.pk, "label": str(f), "confidence": f.confidence,
              "conflicted": f.conflicted}
             for kind, model in FACT_MODELS.items() for f in review_queue(model)[:500]]
    return {"matches": matches, "facts": facts}


@router.post("/review/{kind}/{fact_id}")
def review_fact(request, kind: str, fact_id: int, payload: ReviewIn):
    _editor(request)
    model = FACT_MODELS.get(kind)
    if model is None:
        raise HttpError(404, f"unknown fact kind {kind!r} (one of: {', '.join(FACT_MODELS)})")
    fact = get_object_or_404(model, pk=fact_id)
    if payload.answer == "accept":
        accept_fact(fact, request.user)
    elif payload.answer == "reject":
        reject_fact(fact, request.user)
    else:
        _guard(correct_fact, fact, payload.changes, request.user)
    return {"kind": kind, "id": fact.pk, "status": fact.status, "date": fact.date_text or None}


# --- judgements --------------------------------------------------------------------------------


@router.get("/judgements", response=list[JudgementOut])
def list_judgements(request, pending: bool = False, limit: int = Query(100, ge=1, le=1000)):
    _editor(request)
    rows = merge.pending_matches() if pending else Judgement.objects.select_related("user")
    return [_judgement_out(j) for j in rows[:limit]]


@router.post("/judgements/merge", response=JudgementOut)
def merge_entities(request, payload: MergeIn):
    _editor(request)
    model = MODELS[payload.entity_type]
    keep = get_object_or_404(model, pk=payload.keep_id)
    drop = get_object_or_404(model, pk=payload.drop_id)
    return _judgement_out(_guard(merge.merge_entities, keep, drop, user=request.user))


@router.post("/judgements/split", response=JudgementOut)
def split_entity(request, payload: SplitIn):
    _editor(request)
    entity = get_object_or_404(MODELS[payload.entity_type], pk=payload.entity_id)
    return _judgement_out(_guard(merge.split_entity, entity, payload.document_ids, payload.name,
                                 user=request.user))


@router.post("/judgements/{judgement_id}/{answer}", response=JudgementOut)
def answer_judgement(request, judgement_id: int, answer: Literal["accept", "reject", "undo"]):
    _editor(request)
    judgement = get_object_or_404(Judgement, pk=judgement_id)
    action = {"accept": merge.accept_match, "reject": merge.reject_match,
              "undo": merge.undo_judgement}[answer]
    return _judgement_out(_guard(action, judgement, user=request.user))


# --- cases -------------------------------------------------------------------------------------


def _case(request, case_id: int) -> Case:
    return get_object_or_404(visible_cases(request.user), pk=case_id)


@router.get("/cases/{case_id}", response=CaseOut)
def get_case(request, case_id: int):
    return _case_out(_case(request, case_id))


@router.patch("/cases/{case_id}", response=CaseOut)
def rename_case(request, case_id: int, payload: CasePatch):
    _editor(request)
    return _case_out(_guard(case_edit.rename_case, _case(request, case_id), payload.title))


@router.post("/cases/{case_id}/merge", response=CaseOut)
def merge_case(request, case_id: int, payload: CaseMergeIn):
    _editor(request)
    other = _case(request, payload.other_id)
    return _case_out(_guard(case_edit.merge_cases, _case(request, case_id), other))


@router.post("/cases/{case_id}/split", response=CaseOut)
def split_case(request, case_id: int, payload: CaseSplitIn):
    _editor(request)
    return _case_out(_guard(case_edit.split_case, _case(request, case_id), payload.event_ids,
                            payload.title))


@router.post("/cases/{case_id}/events", response=CaseOut)
def add_case_event(request, case_id: int, payload: CaseEventIn):
    _editor(request)
    event = get_object_or_404(Event, pk=payload.event_id)
    return _case_out(_guard(case_edit.add_event, _case(request, case_id), event))


@router.delete("/cases/{case_id}/events/{event_id}", response=CaseOut)
def remove_case_event(request, case_id: int, event_id: int):
    _editor(request)
    event = get_object_or_404(Event, pk=event_id)
    return _case_out(_guard(case_edit.remove_event, _case(request, case_id), event))


# --- monitoring --------------------------------------------------------------------------------


@router.get("/alerts", response=list[AlertOut])
def list_alerts(request, open_only: bool = True):
    alerts = Alert.objects.filter(case__in=visible_cases(request.user))
    if open_only:
        alerts = alerts.filter(acknowledged_at=None)
    return alerts[:500]


@router.post("/alerts/{alert_id}/acknowledge", response=AlertOut)
def acknowledge_alert(request, alert_id: int):
    _editor(request)
    alert = get_object_or_404(Alert.objects.filter(case__in=visible_cases(request.user)), pk=alert_id)
    if alert.acknowledged_at is None:
        alert.acknowledged_at = timezone.now()
        alert.acknowledged_by = request.user
        alert.save(update_fields=["acknowledged_at", "acknowledged_by"])
    return alert


@router.get("/deadlines", response=list[DeadlineOut])
def list_deadlines(request, since: dt.date | None = None, case_id: int | None = None):
    case = _case(request, case_id) if case_id else None
    return [
        {"uid": d.uid, "date": d.date, "kind": d.kind, "title": d.title,
         "case_id": d.case.pk if d.case else None, "precise": d.precise}
        for d in deadlines_for(request.user, case=case, since=since)
    ]
