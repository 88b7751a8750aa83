"""A small hand-built store with one fact per confidentiality level, and a user per role.

Texts are invented here; facts are stored through the real store from hand-made
Extractions, so these tests do not depend on the extraction pipeline.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password

from unionwatch.accounts.models import User
from unionwatch.cases.models import Case
from unionwatch.core import types as x
from unionwatch.documents.models import Document
from unionwatch.facts.models import Event, Person
from unionwatch.facts.store import store_extraction

PASSWORD = "a-long-test-password"
PARTNER_ORG = "Friendly Federation"

TEXTS = {
    "public": "Police arrested Ana Openova in Minsk on 3 May 2021.",
    "internal": "Boris Insidov was dismissed in Minsk on 4 May 2021.",
    "restricted": "Police arrested Ana Openova in Minsk on 3 May 2021. "
                  "Her sister Vera Hiddenova was questioned on 5 May 2021. "
                  "A court fined Vera Hiddenova on 9 May 2021. "
                  "Her appeal hearing is set for 1 June 2031.",
}

# Titles name the people too, so a list of titles can leak as much as a text.
TITLES = {"public": "Arrest of Ana Openova", "internal": "Dismissal of Boris Insidov",
          "restricted": "Questioning of Vera Hiddenova"}


@dataclass
class World:
    docs: dict[str, Document]
    users: dict[str, User]
    shared_case: Case
    other_case: Case | None


def _document(level: str, text: str) -> Document:
    return Document.objects.create(
        sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, title=TITLES[level],
        country="Belarus", confidentiality=level,
    )


def _person(text: str, name: str, roles=()) -> x.Person:
    start = text.index(name)
    return x.Person(name=name, mentions=[(start, start + len(name))], roles=list(roles))


def _event(text: str, type_: str, date: str, victim: str, sentence: str) -> x.Event:
    start = text.index(sentence)
    return x.Event(type=type_, date=date, date_precision="day", victims=[victim],
                   evidence=sentence, span=(start, start + len(sentence)), confidence=0.9)


def store(level: str) -> Document:
    text = TEXTS[level]
    doc = _document(level, text)
    persons, events = [], []
    if "Ana Openova" in text:
        persons.append(_person(text, "Ana Openova"))
        events.append(_event(text, "arrest", "2021-05-03", "Ana Openova",
                             "Police arrested Ana Openova in Minsk on 3 May 2021."))
    if "Boris Insidov" in text:
        persons.append(_person(text, "Boris Insidov"))
        events.append(_event(text, "dismissal", "2021-05-04", "Boris Insidov", text))
    if "Vera Hiddenova" in text:
        persons.append(_person(text, "Vera Hiddenova", roles=["sister"]))
        events.append(_event(text, "interrogation", "2021-05-05", "Vera Hiddenova",
                             "Her sister Vera Hiddenova was questioned on 5 May 2021."))
    decisions, upcoming = [], []
    if "fined Vera" in text:
        sentence = "A court fined Vera Hiddenova on 9 May 2021."
        start = text.index(sentence)
        decisions.append(x.CourtDecision(
            defendant="Vera Hiddenova", date="2021-05-09", date_precision="day",
            terms=[x.Term("fine", 500, "currency", "EUR")], evidence=sentence,
            span=(start, start + len(sentence))))
        sentence = "Her appeal hearing is set for 1 June 2031."
        start = text.index(sentence)
        upcoming.append(x.Upcoming(what="appeal hearing of Vera Hiddenova", date="2031-06-01",
                                   date_precision="day", evidence=sentence,
                                   span=(start, start + len(sentence))))
    store_extraction(doc, x.Extraction(document=x.DocumentMeta(), persons=persons, events=events,
                                       court_decisions=decisions, upcoming=upcoming))
    return doc


@functools.cache
def _password_hash() -> str:
    return make_password(PASSWORD)  # Argon2 is slow on purpose: hash once per run


def make_users() -> dict[str, User]:
    users = {}
    for role in ("admin", "editor", "viewer", "partner"):
        user = User(username=role, role=role,
                    organization=PARTNER_ORG if role == "partner" else "")
        user.is_staff = user.is_superuser = role == "admin"
        user.password = _password_hash()
        user.save()
        users[role] = user
    return users


def build_world() -> World:
    docs = {level: store(level) for level in ("public", "internal", "restricted")}
    users = make_users()
    # Cases by hand: one shared with the partner organisation, one not.
    ana = Person.objects.get(name="Ana Openova")
    shared = Case.objects.create(title="Ana Openova", country="Belarus", automatic=False,
                                 shared_with=[PARTNER_ORG])
    shared.victims.add(ana)
    shared.events.add(*Event.objects.filter(victim_persons=ana))
    other = Case.objects.create(title="Boris Insidov", country="Belarus", automatic=False)
    other.victims.add(Person.objects.get(name="Boris Insidov"))
    other.events.add(*Event.objects.filter(victim_persons__name="Boris Insidov"))
    secret = Case.objects.create(title="Vera Hiddenova", country="Belarus", automatic=False)
    vera = Person.objects.get(name="Vera Hiddenova")
    secret.victims.add(vera)
    secret.events.add(*Event.objects.filter(victim_persons=vera))
    # A shared case may hold facts the partner must still not see: restricted ones.
    shared.victims.add(vera)
    shared.events.add(*Event.objects.filter(victim_persons=vera))
    return World(docs=docs, users=users, shared_case=shared, other_case=other)
