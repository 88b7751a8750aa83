"""THE single place for access rules. Views, the API, search, exports and letters ask here.

Rules:
- admin and editor see everything (restricted included); only they edit.
- viewer sees public and internal material; facts known only from restricted sources
  stay hidden.
- partner sees only the cases shared with their organisation (Case.shared_with), and
  within those public and internal material; protected persons are redacted for them.
- A fact takes the most open level among the documents that state it (its evidence).
- Protected persons are redacted in public outputs and for partners.
Objects a user may not see answer 404, not 403, so their existence does not leak.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404, HttpRequest

from unionwatch.accounts.models import Role
from unionwatch.documents.models import CONFIDENTIALITY_ORDER, Confidentiality, Document

REDACTED = "[protected person]"

_LEVELS: dict[str, tuple[str, ...]] = {
    Role.ADMIN: (Confidentiality.PUBLIC, Confidentiality.INTERNAL, Confidentiality.RESTRICTED),
    Role.EDITOR: (Confidentiality.PUBLIC, Confidentiality.INTERNAL, Confidentiality.RESTRICTED),
    Role.VIEWER: (Confidentiality.PUBLIC, Confidentiality.INTERNAL),
    Role.PARTNER: (Confidentiality.PUBLIC, Confidentiality.INTERNAL),
}


# --- who is who ----------------------------------------------------------------------------


def _authenticated(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active)


def role_of(user) -> str | None:
    if not _authenticated(user):
        return None
    return Role.ADMIN if user.is_superuser else user.role


def is_admin(user) -> bool:
    return role_of(user) == Role.ADMIN


def can_edit(user) -> bool:
    return role_of(user) in (Role.ADMIN, Role.EDITOR)


def is_partner(user) -> bool:
    return role_of(user) == Role.PARTNER


def allowed_levels(user) -> tuple[str, ...]:
    return _LEVELS.get(role_of(user) or "", ())


def can_see_restricted(user) -> bool:
    return Confidentiality.RESTRICTED in allowed_levels(user)


# --- what they see -------------------------------------------------------------------------


def visible_cases(user) -> QuerySet:
    from unionwatch.cases.models import Case

    role = role_of(user)
    if role is None:
        return Case.objects.none()
    if role == Role.PARTNER:
        return Case.objects.filter(pk__in=_shared_case_ids(user))
    if can_see_restricted(user):
        return Case.objects.all()
    from unionwatch.facts.models import Event, Organization, Person

    shown = Q(events__in=_visible_ids(Event, user)) | Q(victims__in=_visible_ids(Person, user))
    shown |= Q(organizations__in=_visible_ids(Organization, user))
    return Case.objects.filter(pk__in=Case.objects.filter(shown).values("pk"))


def _shared_case_ids(user) -> list[int]:
    # JSON list membership, checked in Python: `contains` on JSON differs between backends.
    from unionwatch.cases.models import Case

    org = (user.organization or "").strip().casefold()
    if not org:
        return []
    rows = Case.objects.values_list("pk", "shared_with")
    return [pk for pk, shared in rows if org in {str(s).strip().casefold() for s in shared or []}]


def visible_documents(user) -> QuerySet:
    documents = Document.objects.filter(confidentiality__in=allowed_levels(user))
    if is_partner(user):
        documents = documents.filter(pk__in=_case_document_ids(visible_cases(user)))
    return documents


def _case_document_ids(cases: QuerySet) -> QuerySet:
    from unionwatch.facts.models import Event, Evidence, Organization, Person

    cts = ContentType.objects.get_for_models(Event, Person, Organization)
    linked = (
        Q(content_type=cts[Event], object_id__in=cases.values("events"))
        | Q(content_type=cts[Person], object_id__in=cases.values("victims"))
        | Q(content_type=cts[Organization], object_id__in=cases.values("organizations"))
    )
    return Evidence.objects.filter(linked).values("document_id")


def _visible_ids(model: type[Model], user) -> QuerySet:
    from unionwatch.facts.models import Evidence

    return Evidence.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        document__in=visible_documents(user),
    ).values("object_id")


def visible_facts(model: type[Model], user) -> QuerySet:
    """Facts of `model` (Person, Event, CourtDecision, ...) stated in a visible document."""
    facts = model.objects.filter(pk__in=_visible_ids(model, user))
    if is_partner(user):
        facts = facts.filter(pk__in=_partner_fact_ids(model, user))
    return facts


def _partner_fact_ids(model: type[Model], user) -> QuerySet | list:
    from unionwatch.facts.models import CourtDecision, Event, Organization, Person, Upcoming

    cases = visible_cases(user)
    persons = cases.values("victims")
    return {
        Event: cases.values("events"),
        Person: persons,
        Organization: cases.values("organizations"),
        CourtDecision: CourtDecision.objects.filter(defendant__in=persons).values("pk"),
        Upcoming: Upcoming.objects.filter(person__in=persons).values("pk"),
    }.get(model, model.objects.none().values("pk"))


def visible_events(user) -> QuerySet:
    from unionwatch.facts.models import Event

    return visible_facts(Event, user)


def visible_persons(user) -> QuerySet:
    from unionwatch.facts.models import Person

    return visible_facts(Person, user)


def case_rows_for(user) -> list[dict]:
    """The case list rows (cases/listing.py) this user may see, each naming only the
    victims they may see, protected persons redacted where they must be."""
    from unionwatch.cases.listing import case_rows
    from unionwatch.facts.models import Organization, Person

    rows = case_rows(cases=visible_cases(user))
    if can_see_restricted(user):
        return rows
    persons = dict(visible_facts(Person, user).values_list("pk", "protected"))
    orgs = set(visible_facts(Organization, user).values_list("pk", flat=True))
    for row in rows:
        shown = []
        for victim in row["victims"]:
            if victim["type"] == "person" and victim["id"] in persons:
                if persons[victim["id"]]:  # protected: only restricted readers see the name
                    victim = {**victim, "name": REDACTED}
                shown.append(victim)
            elif victim["type"] != "person" and victim["id"] in orgs:
                shown.append(victim)
        hidden = {v["name"] for v in row["victims"]} - {v["name"] for v in shown}
        if any(name and name in row["title"] for name in hidden):
            row["title"] = f"Case {row['id']}" + (f" ({row['country']})" if row["country"] else "")
        row["victims"] = shown
    return rows


def can_view(user, obj: Model) -> bool:
    """Whether `user` may see this one object (document, case or fact)."""
    from unionwatch.cases.models import Case

    if isinstance(obj, Document):
        return visible_documents(user).filter(pk=obj.pk).exists()
    if isinstance(obj, Case):
        return visible_cases(user).filter(pk=obj.pk).exists()
    return visible_facts(type(obj), user).filter(pk=obj.pk).exists()


def search_restricted_text(user, words: list[str]) -> list[int]:
    """Restricted documents whose (encrypted) text has every word, for users who may
    read restricted text; an empty list for everyone else. For the search to merge."""
    if not can_see_restricted(user):
        return []
    from unionwatch.documents.crypto import sealed_text_matches

    return sealed_text_matches(words, visible_documents(user))


# --- confidentiality of facts ---------------------------------------------------------------


def fact_confidentiality(fact: Model) -> str:
    """The most open level among the documents stating `fact`; restricted when none does."""
    from unionwatch.facts.models import Evidence

    levels = set(
        Evidence.objects.filter(
            content_type=ContentType.objects.get_for_model(type(fact)), object_id=fact.pk
        ).values_list("document__confidentiality", flat=True)
    )
    return most_open(levels)


def most_open(levels) -> str:
    for level in CONFIDENTIALITY_ORDER:
        if level in levels:
            return level
    return Confidentiality.RESTRICTED


def must_redact(person, user=None, public: bool = False) -> bool:
    return bool(getattr(person, "protected", False)) and (public or not can_see_restricted(user))


def redact_person(person, user=None, public: bool = False) -> str:
    """The name to show for `person`: the redaction mark where it must not be named."""
    return REDACTED if must_redact(person, user, public) else person.name


# --- views -------------------------------------------------------------------------------


def role_required(check: Callable[[Any], bool]) -> Callable:
    """Login first, then `check(user)`; 403 when it fails."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            if not check(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return login_required(wrapper)

    return decorator


editor_required = role_required(can_edit)
admin_required = role_required(is_admin)


def get_visible_or_404(queryset: QuerySet, request: HttpRequest, **lookup) -> Model:
    """One object from a visible_* queryset; a view of restricted material is audited."""
    obj = queryset.filter(**lookup).first()
    if obj is None:
        raise Http404("not found")
    record_restricted_view(request, obj)
    return obj


def get_document_for(request: HttpRequest, pk: int) -> Document:
    return get_visible_or_404(visible_documents(request.user), request, pk=pk)


def get_case_for(request: HttpRequest, pk: int):
    return get_visible_or_404(visible_cases(request.user), request, pk=pk)


def record_restricted_view(request: HttpRequest, obj: Model) -> None:
    # Only those allowed to see restricted material can be shown it (pages filter it out
    # for everyone else), so only their views need the check and the log line.
    if can_see_restricted(request.user) and shows_restricted(obj):
        from unionwatch.audit.log import record

        record("view", obj, user=request.user, request=request, detail=request.get_full_path())


def shows_restricted(obj: Model) -> bool:
    """Whether showing `obj` shows restricted material (a restricted source or fact)."""
    from unionwatch.cases.models import Case
    from unionwatch.facts.models import Evidence

    if isinstance(obj, Document):
        return obj.confidentiality == Confidentiality.RESTRICTED
    if isinstance(obj, Case):
        docs = _case_document_ids(Case.objects.filter(pk=obj.pk))
        return Document.objects.filter(
            pk__in=docs, confidentiality=Confidentiality.RESTRICTED).exists()
    ct = ContentType.objects.get_for_model(type(obj))
    return Evidence.objects.filter(
        content_type=ct, object_id=obj.pk, document__confidentiality=Confidentiality.RESTRICTED
    ).exists()


# --- API (django-ninja) ----------------------------------------------------------------------


def api_require(request: HttpRequest, check: Callable[[Any], bool]) -> None:
    """Inside an API operation: 403 unless `check(request.user)` holds."""
    from ninja.errors import HttpError

    if not check(getattr(request, "user", None)):
        raise HttpError(403, "forbidden for your role")
