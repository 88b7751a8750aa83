"""A hand-built case file (own wording, fictionalised) so composition does not depend on
the extraction pipeline; and the example sender, directory and ratifications."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from unionwatch.advocacy.demo import load_example_data
from unionwatch.cases.models import Case
from unionwatch.documents.models import Document
from unionwatch.facts.models import (
    CourtDecision,
    Event,
    Evidence,
    Organization,
    Person,
    Term,
    Upcoming,
)

PRESS = (
    "On 25 July 2017 a district court in Shymkent handed Larisa Kharkova four years of restricted "
    "freedom, 100 hours of compulsory labour and a five-year ban on union office. "
    "Her appeal is due to be heard on 27 September 2017. "
    "The confederation she chaired had been liquidated by a court on 4 January 2017."
)
NEWS = "A relative of the union leader saw his car burnt outside the family house on 14 September 2018."


def document(text: str, title: str, date: str, confidentiality: str = "public") -> Document:
    return Document.objects.create(
        sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, title=title, date=date,
        country="Kazakhstan", confidentiality=confidentiality, kind="news",
        source_url="https://example.org/" + hashlib.md5(title.encode()).hexdigest()[:8],
    )


def cite(fact, doc: Document, phrase: str) -> Evidence:
    start = doc.text.index(phrase)
    return Evidence.objects.create(fact=fact, document=doc, role="statement", start=start,
                                   end=start + len(phrase), sentence=phrase, value=phrase)


def event(type_: str, date: str, precision: str = "day", persons=(), orgs=()) -> Event:
    e = Event(type=type_, confidence=0.9)
    e.set_date(date, precision)
    e.save()
    e.victim_persons.add(*persons)
    e.victim_organizations.add(*orgs)
    return e


@pytest.fixture
def kz_case(db) -> Case:
    press = document(PRESS, "Verdict against a union leader", "2017-07-26")
    news = document(NEWS, "Arson at a unionist's home", "2018-09-20", confidentiality="restricted")
    leader = Person.objects.create(name="Larisa Kharkova", country="Kazakhstan",
                                   roles=["Chairperson of CNTUK"])
    son = Person.objects.create(name="Dmitri Kharkov", country="Kazakhstan", protected=True)
    union = Organization.objects.create(name="Confederation of Independent Trade Unions of Kazakhstan",
                                        aliases=["CNTUK"], kind="federation", country="Kazakhstan")
    dereg = event("deregistration", "2017-01-04", orgs=[union])
    cite(dereg, press, "liquidated by a court on 4 January 2017")
    sentencing = event("sentencing", "2017-07-25", persons=[leader])
    cite(sentencing, press, "On 25 July 2017 a district court in Shymkent handed Larisa Kharkova")
    decision = CourtDecision(defendant=leader, court_name="District Court of Shymkent", event=sentencing)
    decision.set_date("2017-07-25", "day")
    decision.save()
    for kind, amount, unit in [("restriction_of_movement", 4, "years"), ("forced_labour", 100, "hours"),
                               ("ban_from_office", 5, "years")]:
        Term.objects.create(decision=decision, kind=kind, amount=Decimal(amount), unit=unit)
    cite(decision, press, "four years of restricted freedom, 100 hours of compulsory labour")
    arson = event("property_damage", "2018-09-14", persons=[son])
    cite(arson, news, "saw his car burnt outside the family house")
    hearing = Upcoming(what="appeal hearing", kind="appeal", person=leader)
    hearing.set_date("2017-09-27", "day")
    hearing.save()
    cite(hearing, press, "Her appeal is due to be heard on 27 September 2017")
    case = Case.objects.create(title="Kazakhstan: Larisa Kharkova and others", country="Kazakhstan",
                               automatic=False)
    case.victims.add(leader, son)
    case.organizations.add(union)
    case.events.add(dereg, sentencing, arson)
    return case


@pytest.fixture
def examples(db) -> None:
    load_example_data()
