"""Merge and split entities, each recorded as a Judgement that can be undone.

A merge re-points every row that refers to the dropped entity (evidence, events,
decisions, cases, and any other app's foreign keys, found through Django's model
metadata) to the kept one, then deletes the dropped entity. The judgement keeps a
snapshot of the dropped entity and the ids of every moved row, so undo re-creates
it with its old id and moves those rows back.
"""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from unionwatch.facts.conflicts import close_dates, dates_compatible, refresh_conflict
from unionwatch.facts.models import Event, Evidence, Judgement, ValueClaim
from unionwatch.facts.resolve import MODELS, kind_of


class MergeError(ValueError):
    """A merge, split or undo that cannot be done; the message says why."""


def _label(model: type[Model]) -> str:
    return model._meta.label


def _snapshot(obj: Model) -> dict:
    """The row's own editable columns, JSON-ready, to re-create it on undo."""
    data = {}
    for field in obj._meta.concrete_fields:
        if field.primary_key or not field.editable:
            continue
        value = field.value_from_object(obj)
        if isinstance(value, dt.date):
            value = value.isoformat()
        data[field.attname] = value
    return data


def _move_references(old: Model, new: Model, only_ids: dict[str, set[int]] | None = None) -> list[dict]:
    """Point the rows referring to `old` at `new`; returns what moved.

    `only_ids` limits each relation (keyed by "label.field") to those row ids; a
    relation missing from it is left alone.
    """
    moves = []
    for rel in type(old)._meta.related_objects:
        key = f"{_label(rel.related_model)}.{rel.field.name}"
        allowed = None if only_ids is None else only_ids.get(key)
        if only_ids is not None and not allowed:
            continue
        if rel.many_to_many:
            moves.append(_move_m2m(rel, old, new, allowed))
        elif rel.one_to_many or rel.one_to_one:
            rows = rel.related_model._default_manager.filter(**{rel.field.name: old})
            if allowed is not None:
                rows = rows.filter(pk__in=allowed)
            ids = list(rows.values_list("pk", flat=True))
            rows.update(**{rel.field.name: new})
            moves.append({"kind": "fk", "model": _label(rel.related_model),
                          "field": rel.field.name, "ids": ids})
    moves.append(_move_evidence(old, new, None if only_ids is None else only_ids.get("evidence")))
    return [m for m in moves if m.get("ids") or m.get("others") or m.get("dropped")]


def _m2m_columns(rel) -> tuple[type[Model], str, str]:
    through = rel.through
    mine = rel.field.m2m_reverse_field_name()  # the column pointing at our entity
    other = rel.field.m2m_field_name()  # the column pointing at the owner (Event, Case)
    return through, f"{mine}_id", f"{other}_id"


def _move_m2m(rel, old: Model, new: Model, allowed: set[int] | None) -> dict:
    through, mine, other = _m2m_columns(rel)
    rows = through.objects.filter(**{mine: old.pk})
    if allowed is not None:
        rows = rows.filter(**{f"{other}__in": allowed})
    others = list(rows.values_list(other, flat=True))
    already = set(through.objects.filter(**{mine: new.pk, f"{other}__in": others})
                  .values_list(other, flat=True))
    rows.filter(**{f"{other}__in": already}).delete()
    rows.update(**{mine: new.pk})
    return {"kind": "m2m", "model": _label(rel.related_model), "field": rel.field.name,
            "others": [o for o in others if o not in already], "dropped": sorted(already)}


def _move_evidence(old: Model, new: Model, allowed: set[int] | None) -> dict:
    ct = ContentType.objects.get_for_model(type(old))
    rows = Evidence.objects.filter(content_type=ct, object_id=old.pk)
    if allowed is not None:
        rows = rows.filter(pk__in=allowed)
    ids = list(rows.values_list("pk", flat=True))
    rows.update(object_id=new.pk)
    claims = ValueClaim.objects.filter(content_type=ct, object_id=old.pk, evidence_id__in=ids)
    claim_ids = list(claims.values_list("pk", flat=True))
    claims.update(object_id=new.pk)
    return {"kind": "evidence", "ids": ids, "claims": claim_ids}


def _move_back(moves: list[dict], model: type[Model], current_pk: int, target_pk: int) -> None:
    """Reverse `_move_references`: the recorded rows go from `current_pk` to `target_pk`."""
    ct = ContentType.objects.get_for_model(model)
    for move in moves:
        if move["kind"] == "evidence":
            Evidence.objects.filter(pk__in=move["ids"], content_type=ct).update(object_id=target_pk)
            ValueClaim.objects.filter(pk__in=move.get("claims", []), content_type=ct).update(
                object_id=target_pk)
            continue
        owner = apps.get_model(move["model"])
        if move["kind"] == "fk":
            owner._default_manager.filter(pk__in=move["ids"]).update(**{move["field"]: target_pk})
            continue
        rel_field = owner._meta.get_field(move["field"])
        through = rel_field.remote_field.through
        mine, other = f"{rel_field.m2m_reverse_field_name()}_id", f"{rel_field.m2m_field_name()}_id"
        through.objects.filter(**{mine: current_pk, f"{other}__in": move["others"]}).update(
            **{mine: target_pk})
        existing = set(through.objects.filter(**{mine: target_pk}).values_list(other, flat=True))
        through.objects.bulk_create([
            through(**{mine: target_pk, other: o}) for o in move["dropped"] if o not in existing
        ])


@transaction.atomic
def merge_entities(keep: Model, drop: Model, user=None, reason: str = "",
                   automatic: bool = False) -> Judgement:
    """`drop` becomes part of `keep`: its names, roles and every reference."""
    if type(keep) is not type(drop) or keep.pk == drop.pk:
        raise MergeError("merge needs two different entities of one type")
    keep_before = _snapshot(keep)
    drop_before = _snapshot(drop)
    moves = _move_references(drop, keep)
    for name in drop.all_names():
        keep.add_alias(name)
    if hasattr(keep, "roles"):
        keep.roles = list(dict.fromkeys([*keep.roles, *drop.roles]))
        keep.protected = keep.protected or drop.protected
    keep.country = keep.country or drop.country
    keep.save()
    drop_pk = drop.pk
    drop.delete()
    event_merges = _merge_duplicate_events(keep)
    _rebuild_cases_later()
    return Judgement.objects.create(
        entity_type=kind_of(type(keep)), left_id=keep.pk, right_id=drop_pk,
        name=drop_before.get("name", "")[:300], verdict=Judgement.Verdict.POSITIVE,
        reason=reason[:300] or "merged", user=_user(user), automatic=automatic,
        data={"action": "merge", "keep_before": _jsonable(keep_before),
              "drop_before": _jsonable(drop_before), "moves": moves,
              "event_merges": event_merges},
    )


def _merge_duplicate_events(entity: Model) -> list[dict]:
    """Once two entities are one, their reports of one incident are one event too:
    same type and compatible dates, as the store merges them at ingest."""
    relation = _VICTIM_FIELDS.get(type(entity).__name__)
    if relation is None:
        return []
    merges = []
    events = list(Event.objects.filter(**{relation: entity}).order_by("id"))
    absorbed: set[int] = set()
    for i, keep in enumerate(events):
        for other in events[i + 1:]:
            if keep.pk in absorbed or other.pk in absorbed or other.type != keep.type:
                continue
            if dates_compatible(keep.date_text, other.date_text) or close_dates(
                    keep.date_text, other.date_text):
                merges.append(_absorb_event(keep, other))
                absorbed.add(other.pk)
    return merges


_VICTIM_FIELDS = {"Person": "victim_persons", "Organization": "victim_organizations"}


def _absorb_event(keep: Event, other: Event) -> dict:
    """`other` becomes part of `keep`; returns what undo needs."""
    record = {
        "keep": keep.pk, "other": other.pk, "snapshot": _jsonable(_snapshot(other)),
        "keep_before": [keep.date_text, keep.date_precision, keep.confidence],
        "victims": {f: list(getattr(other, f).values_list("pk", flat=True))
                    for f in _VICTIM_FIELDS.values()},
    }
    record["added"] = {
        field: [pk for pk in ids if not getattr(keep, field).filter(pk=pk).exists()]
        for field, ids in record["victims"].items()
    }
    for field, ids in record["added"].items():
        getattr(keep, field).add(*ids)
    record["moves"] = _move_references(other, keep)
    if len(other.date_text) > len(keep.date_text) and dates_compatible(keep.date_text,
                                                                       other.date_text):
        keep.set_date(other.date_text, other.date_precision)
    keep.confidence = max(keep.confidence, other.confidence)
    keep.save()
    other.delete()
    refresh_conflict(keep)
    return record


def _undo_event_merges(merges: list[dict]) -> None:
    for record in reversed(merges):
        keep = Event.objects.filter(pk=record["keep"]).first()
        if keep is None or Event.objects.filter(pk=record["other"]).exists():
            continue  # changed since: nothing safe to restore
        other = Event(pk=record["other"], **record["snapshot"])
        other.save(force_insert=True)
        for field, ids in record["victims"].items():
            getattr(other, field).set(ids)
        for field, ids in record["added"].items():
            getattr(keep, field).remove(*ids)
        _move_back(record["moves"], Event, keep.pk, other.pk)
        keep.date_text, keep.date_precision, keep.confidence = record["keep_before"]
        keep.set_date(keep.date_text, keep.date_precision)
        keep.save()
        refresh_conflict(keep)
        refresh_conflict(other)


@transaction.atomic
def split_entity(entity: Model, document_ids: list[int], name: str = "", user=None,
                 reason: str = "") -> Judgement:
    """What these documents say about `entity` becomes a new, separate entity.

    Mentions in those documents move, and so do the facts (events, decisions, ...)
    whose every source is one of those documents.
    """
    docs = set(document_ids)
    model = type(entity)
    ct = ContentType.objects.get_for_model(model)
    evidence = Evidence.objects.filter(content_type=ct, object_id=entity.pk, document_id__in=docs)
    if not evidence.exists():
        raise MergeError(f"no mention of {entity.name!r} in documents {sorted(docs)}")
    name = name or _most_common_value(evidence) or entity.name
    new = model.objects.create(name=name, country=entity.country, **_copy_fields(entity))
    only = {"evidence": set(evidence.values_list("pk", flat=True))}
    only.update(_facts_only_in(entity, docs))
    moves = _move_references(entity, new, only)
    before = entity.aliases
    entity.aliases = [a for a in entity.aliases if a != name]
    if entity.name == name and entity.aliases:
        entity.name, entity.aliases = entity.aliases[0], entity.aliases[1:]
    entity.save()
    _rebuild_cases_later()
    return Judgement.objects.create(
        entity_type=kind_of(model), left_id=entity.pk, right_id=new.pk, name=name[:300],
        verdict=Judgement.Verdict.NEGATIVE, reason=reason[:300] or "split", user=_user(user),
        data={"action": "split", "documents": sorted(docs), "moves": moves,
              "aliases_before": before, "name_before": _snapshot(entity).get("name")},
    )


def _copy_fields(entity: Model) -> dict:
    fields = {}
    for attr in ("kind", "roles", "protected", "country_code"):
        if hasattr(entity, attr):
            fields[attr] = getattr(entity, attr)
    return fields


def _most_common_value(evidence) -> str:
    values = [v for v in evidence.values_list("value", flat=True) if v]
    return max(set(values), key=values.count) if values else ""


def _facts_only_in(entity: Model, docs: set[int]) -> dict[str, set[int]]:
    """Per relation, the ids of facts about `entity` sourced only from `docs`."""
    only: dict[str, set[int]] = {}
    for rel in type(entity)._meta.related_objects:
        owner = rel.related_model
        if not hasattr(owner, "evidence"):
            continue
        rows = owner._default_manager.filter(**{rel.field.name: entity}).prefetch_related("evidence")
        ids = {
            row.pk for row in rows
            if (sources := {e.document_id for e in row.evidence.all()}) and sources <= docs
        }
        if ids:
            only[f"{_label(owner)}.{rel.field.name}"] = ids
    return only


@transaction.atomic
def undo_judgement(judgement: Judgement, user=None) -> Judgement:
    """Reverse a merge (re-create the dropped entity) or a split (fold it back)."""
    if judgement.undone_at:
        raise MergeError(f"judgement {judgement.pk} was already undone")
    action = judgement.data.get("action")
    model = MODELS[judgement.entity_type]
    if action == "merge":
        _undo_merge(model, judgement)
    elif action == "split":
        _undo_split(model, judgement)
    elif action == "reject":
        pass  # reopening the question below is all there is to undo
    elif judgement.verdict == Judgement.Verdict.POSITIVE and judgement.document_id:
        # An automatic attach of a name from one document: undo = split that document off.
        entity = model.objects.filter(pk=judgement.left_id).first()
        if entity is None:
            raise MergeError(f"{judgement.entity_type} {judgement.left_id} no longer exists")
        split_entity(entity, [judgement.document_id], judgement.name, user=user,
                     reason=f"undo of judgement {judgement.pk}")
    else:
        raise MergeError(f"judgement {judgement.pk} changed nothing that could be undone")
    judgement.undone_at = timezone.now()
    judgement.undone_by = _user(user)
    judgement.save(update_fields=["undone_at", "undone_by"])
    # A review answer that is taken back puts its question in the queue again.
    Judgement.objects.filter(closed_by=judgement).update(closed_by=None)
    _rebuild_cases_later()
    return judgement


def _rebuild_cases_later() -> None:
    """Cases are built from who the victims are: refresh them once this change commits."""
    from unionwatch.tasks import enqueue

    enqueue("unionwatch.cases.builder.rebuild_cases")


def _undo_merge(model: type[Model], judgement: Judgement) -> None:
    keep = model.objects.filter(pk=judgement.left_id).first()
    if keep is None:
        raise MergeError(f"{judgement.entity_type} {judgement.left_id} no longer exists")
    if model.objects.filter(pk=judgement.right_id).exists():
        raise MergeError(f"{judgement.entity_type} {judgement.right_id} exists again")
    _undo_event_merges(judgement.data.get("event_merges", []))
    drop = model(pk=judgement.right_id, **judgement.data["drop_before"])
    drop.save(force_insert=True)
    _move_back(judgement.data["moves"], model, keep.pk, drop.pk)
    before = judgement.data["keep_before"]
    added = set(drop.all_names()) - set([before["name"], *before.get("aliases", [])])
    keep.aliases = [a for a in keep.aliases if a not in added]
    for attr in ("name", "roles", "protected", "country"):
        if attr in before:
            setattr(keep, attr, before[attr])
    keep.save()


def _undo_split(model: type[Model], judgement: Judgement) -> None:
    entity = model.objects.filter(pk=judgement.left_id).first()
    new = model.objects.filter(pk=judgement.right_id).first()
    if entity is None or new is None:
        raise MergeError(f"{judgement.entity_type} {judgement.left_id} or {judgement.right_id} is gone")
    _move_back(judgement.data["moves"], model, new.pk, entity.pk)
    # Anything attached to the split-off entity since then follows it back.
    _move_references(new, entity)
    entity.aliases = judgement.data.get("aliases_before", entity.aliases)
    entity.name = judgement.data.get("name_before") or entity.name
    entity.add_alias(new.name)
    entity.save()
    new.delete()


def _jsonable(data: dict) -> dict:
    return {k: v for k, v in data.items() if isinstance(v, str | int | float | bool | list | dict | type(None))}


def _user(user):
    return user if getattr(user, "pk", None) else None


# --- the review queue of unsure matches ---------------------------------------------------


def pending_matches():
    return Judgement.objects.filter(
        verdict=Judgement.Verdict.UNSURE, closed_by=None, undone_at=None
    ).order_by("-score", "id")


@transaction.atomic
def accept_match(judgement: Judgement, user=None) -> Judgement:
    """The two entities are one: merge the newer into the stored one."""
    model = MODELS[judgement.entity_type]
    _check_open(judgement)
    keep = model.objects.filter(pk=judgement.left_id).first()
    drop = model.objects.filter(pk=judgement.right_id).first()
    if keep is None or drop is None:
        raise MergeError(f"judgement {judgement.pk}: one of the entities no longer exists")
    decision = merge_entities(keep, drop, user=user,
                              reason=f"review of judgement {judgement.pk}: same")
    _close(judgement, decision)
    return decision


@transaction.atomic
def reject_match(judgement: Judgement, user=None) -> Judgement:
    """Different entities: never propose this name for that entity again."""
    _check_open(judgement)
    decision = Judgement.objects.create(
        entity_type=judgement.entity_type, left_id=judgement.left_id, right_id=judgement.right_id,
        name=judgement.name, document=judgement.document, verdict=Judgement.Verdict.NEGATIVE,
        reason=f"review of judgement {judgement.pk}: different", user=_user(user),
        data={"action": "reject"},
    )
    _close(judgement, decision)
    return decision


def _check_open(judgement: Judgement) -> None:
    if judgement.verdict != Judgement.Verdict.UNSURE or judgement.closed_by_id:
        raise MergeError(f"judgement {judgement.pk} is not an open question")


def _close(judgement: Judgement, decision: Judgement) -> None:
    judgement.closed_by = decision
    judgement.save(update_fields=["closed_by"])
    # Other proposals about the same pair are settled too.
    Judgement.objects.filter(
        entity_type=judgement.entity_type, verdict=Judgement.Verdict.UNSURE, closed_by=None,
        left_id=judgement.left_id, right_id=judgement.right_id,
    ).update(closed_by=decision)
