"""Advocacy API: country profiles with their suggested rating, the government directory,
and letter drafts (Markdown) from a case."""

from __future__ import annotations

import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError

from unionwatch.accounts.permissions import api_require, can_edit, visible_cases
from unionwatch.advocacy.compose import ComposeError, compose
from unionwatch.advocacy.models import CountryProfile, GovernmentContact
from unionwatch.advocacy.rating import compute_rating
from unionwatch.advocacy.render_md import render_md

router = Router(tags=["advocacy"])


class CountryOut(Schema):
    country_code: str
    name: str
    ratifications: dict[str, bool]
    is_example: bool


class RuleOut(Schema):
    id: str
    rating: str
    description: str
    holds: bool
    events: list[int]


class RatingOut(Schema):
    country_code: str
    start: dt.date
    end: dt.date
    rating: str | None
    label: str
    categories: dict[str, int]
    rules: list[RuleOut]


class ContactOut(Schema):
    id: int
    country_code: str
    role: str
    name: str
    title_en: str
    email: str
    is_example: bool


class LetterOut(Schema):
    kind: str
    lang: str
    subject: str
    markdown: str
    warnings: list[str]


@router.get("/countries", response=list[CountryOut])
def list_countries(request):
    return [{"country_code": p.country_code, "name": p.name, "ratifications": p.ratifications(),
             "is_example": p.is_example} for p in CountryProfile.objects.all()]


@router.get("/countries/{code}/rating", response=RatingOut)
def country_rating(request, code: str, as_of: dt.date | None = None):
    profile = get_object_or_404(CountryProfile, country_code=code.upper())
    r = compute_rating(profile, as_of=as_of)
    return {"country_code": r.country_code, "start": r.start, "end": r.end, "rating": r.rating,
            "label": r.label, "categories": {c.key: c.count for c in r.categories},
            "rules": [{"id": o.id, "rating": o.rating, "description": o.description, "holds": o.holds,
                       "events": [e.pk for e in o.events]} for o in r.rules]}


@router.get("/contacts", response=list[ContactOut])
def list_contacts(request, country: str | None = None):
    contacts = GovernmentContact.objects.all()
    if country:
        contacts = contacts.filter(country_code=country.upper())
    return contacts


@router.get("/cases/{case_id}/letter", response=LetterOut)
def case_letter(request, case_id: int, kind: str = "appeal", lang: str = "en",
                date: dt.date | None = None):
    api_require(request, can_edit)
    case = visible_cases(request.user).filter(pk=case_id).first()
    if case is None:
        raise HttpError(404, "not found")
    try:
        draft = compose(case, kind, lang, date=date)
    except ComposeError as exc:
        raise HttpError(400, str(exc)) from exc
    return {"kind": kind, "lang": lang, "subject": draft.subject, "markdown": render_md(draft),
            "warnings": draft.warnings}
