"""Storing extractions: entities resolve across spellings, reports of one incident merge."""

from __future__ import annotations

import hashlib

import pytest
from django.contrib.contenttypes.models import ContentType

from unionwatch.cases.builder import rebuild_cases
from unionwatch.cases.models import Case
from unionwatch.core import types as x
from unionwatch.documents.models import Document
from unionwatch.facts.models import CourtDecision, Event, Evidence, Person
from unionwatch.facts.store import sentence_around, store_extraction

pytestmark = pytest.mark.django_db


def make_document(text: str, country: str = "Kazakhstan") -> Document:
    return Document.objects.create(
        sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, title=text[:30], country=country
    )


def sentenced(name: str, text: str, date: str | None, country: str = "Kazakhstan", terms=()) -> Document:
    doc = make_document(text, country)
    start = text.index(name)
    extraction = x.Extraction(
        document=x.DocumentMeta(),
        persons=[x.Person(name=name, mentions=[(start, start + len(name))])],
        events=[x.Event(type="sentencing", date=date, date_precision="day" if date else None,
                       victims=[name], evidence=text, span=(0, len(text)), confidence=0.9)],
        court_decisions=[x.CourtDecision(defendant=name, date=date, terms=list(terms), evidence=text,
                                   span=(0, len(text)))],
    )
    store_extraction(doc, extraction)
    return doc


def test_spelling_variants_resolve_to_one_person_and_one_event():
    sentenced("Larisa Kharkova", "On 25 July 2017 a court sentenced Larisa Kharkova.", "2017-07-25",
              terms=[x.Term("restriction_of_movement", 4, "years")])
    sentenced("Larissa Kharkova", "Larissa Kharkova was sentenced by a court.", None,
              terms=[x.Term("restriction_of_movement", 4, "years"), x.Term("forced_labour", 100, "hours")])
    assert Person.objects.count() == 1
    person = Person.objects.get()
    assert person.name == "Larisa Kharkova" and "Larissa Kharkova" in person.aliases
    event = Event.objects.get()
    assert event.date_text == "2017-07-25"
    assert Evidence.objects.filter(event=event).count() == 2
    decision = CourtDecision.objects.get()
    assert sorted(t.kind for t in decision.terms.all()) == ["forced_labour", "restriction_of_movement"]


def test_same_name_in_different_countries_stays_apart():
    sentenced("Maria Ivanova", "Maria Ivanova was sentenced in one country.", None, country="Kazakhstan")
    sentenced("Maria Ivanova", "Maria Ivanova was sentenced elsewhere.", None, country="Belarus")
    assert Person.objects.count() == 2
    assert Event.objects.count() == 2


def test_incompatible_dates_do_not_merge_events():
    sentenced("Amin Yeleusinov", "Amin Yeleusinov was sentenced on 8 May 2017.", "2017-05-08")
    sentenced("Amin Yeleusinov", "Amin Yeleusinov was sentenced again on 2 June 2019.", "2019-06-02")
    assert Event.objects.count() == 2


def test_cases_group_victims_per_country_and_rebuild_is_idempotent():
    sentenced("Larisa Kharkova", "Larisa Kharkova was sentenced.", None)
    sentenced("Nurbek Kushakbayev", "Nurbek Kushakbayev was sentenced.", None)
    sentenced("Paval Lashkevich", "Paval Lashkevich was sentenced.", None, country="Belarus")
    rebuild_cases()
    first = sorted(Case.objects.values_list("id", "country"))
    rebuild_cases()
    assert sorted(Case.objects.values_list("id", "country")) == first
    assert {c for _, c in first} == {"Kazakhstan", "Belarus"}


def test_sentence_around_finds_the_sentence():
    text = "First one. The second sentence is here! Third?"
    start = text.index("second")
    left, right = sentence_around(text, start, start + 6)
    assert text[left:right] == "The second sentence is here!"


# --- prepared rows and quotes sealed in advance ---------------------------------------------


def test_prepared_rows_store_what_the_orm_stores():
    from django.db import connection

    from unionwatch.facts.models import Event
    from unionwatch.facts.store import insert_objects, insert_rows

    doc = make_document("The organiser Lidia Farrow was detained on 3 May 2022 in Karaganda.")
    person = Person.objects.create(name="Lidia Farrow")
    new = Event(type="detention", perpetrators=["police", "KNB"], confidence=0.75)
    new.set_date("2022-05-03", "day")
    orm = Event(type="detention", perpetrators=["police", "KNB"], confidence=0.75)
    orm.set_date("2022-05-03", "day")
    Event.objects.bulk_create([orm])
    assert insert_objects([new]) == [new] and new.pk and not new._state.adding
    fields = ["type", "date", "date_text", "date_precision", "perpetrators", "confidence",
              "conflicted", "family_targeted", "status", "place_id"]
    assert (Event.objects.filter(pk=new.pk).values(*fields).get()
            == Event.objects.filter(pk=orm.pk).values(*fields).get())
    quote = "Lidia Farrow was detained on 3 May 2022"
    ids = insert_rows(Evidence, ["content_type_id", "object_id", "document_id", "role", "start",
                                 "end", "sentence", "value", "confidence", "created"],
                      [(ContentType.objects.get_for_model(Person).pk, person.pk, doc.pk, "mention",
                        14, 26, quote, "Lidia Farrow", 1.0, new.created)], returning=True)
    evidence = Evidence.objects.get(pk=ids[0])
    assert (evidence.fact, evidence.sentence, evidence.value) == (person, quote, "Lidia Farrow")
    with connection.cursor() as cursor:  # written sealed, as the field writes it
        cursor.execute("SELECT sentence, value FROM facts_evidence WHERE id = %s", ids)
        assert all(v.startswith("enc1:") and "Farrow" not in v for v in cursor.fetchone())


def test_many_prepared_rows_come_back_with_their_own_ids():
    from unionwatch.facts.store import insert_rows

    rows = [(f"Trade union number {n}", [], "", "", "unreviewed", "union", timezone_now(),
             timezone_now()) for n in range(1200)]  # several statements on any backend
    from unionwatch.facts.models import Organization

    ids = insert_rows(Organization, ["name", "aliases", "country", "notes", "status", "kind",
                                     "created", "updated"], rows, returning=True)
    assert len(set(ids)) == 1200
    names = dict(Organization.objects.filter(pk__in=ids).values_list("pk", "name"))
    assert [names[pk] for pk in ids] == [row[0] for row in rows]


def timezone_now():
    from django.utils import timezone

    return timezone.now()


def test_quotes_sealed_in_advance_are_the_quotes_the_store_would_cut():
    from unionwatch.documents.crypto import open_str
    from unionwatch.facts.store import quote_text, seal_quotes

    text = ("Workers walked out at the smelter. The union leader Bora Vessel was fired on Monday. "
            "Bora Vessel has appealed.")
    first, second = text.index("Bora Vessel"), text.rindex("Bora Vessel")
    extraction = x.Extraction(
        document=x.DocumentMeta(),
        persons=[x.Person(name="Bora Vessel", mentions=[(first, first + 11), (second, second + 11)])],
        events=[x.Event(type="dismissal", victims=["Bora Vessel"], evidence="fired on Monday",
                        span=(first, first + 40))])
    book = seal_quotes(text, extraction)
    for (start, end, given), quotes in book.items():
        for sentence, value in quotes:
            assert (open_str(sentence), open_str(value)) == quote_text(text, start, end, given)
    assert open_str(book[(first, first + 11, "")][0][0]) == "The union leader Bora Vessel was fired on Monday."
    assert len(book) == 3


def test_a_session_writes_the_quotes_sealed_in_advance_and_cuts_the_others(monkeypatch):
    from unionwatch.documents import crypto
    from unionwatch.facts.store import StoreSession, seal_quotes

    text = "The docker Ivo Marlow was arrested at the port. Ivo Marlow was released a day later."
    first, later = text.index("Ivo Marlow"), text.rindex("Ivo Marlow")
    known = x.Person(name="Ivo Marlow", mentions=[(first, first + 10)])
    book = seal_quotes(text, x.Extraction(document=x.DocumentMeta(), persons=[known]))
    both = x.Person(name="Ivo Marlow", mentions=[(first, first + 10), (later, later + 10)])
    doc = make_document(text)
    sealed_here: list[str] = []
    real = crypto.seal_str
    monkeypatch.setattr(crypto, "seal_str", lambda v: sealed_here.append(v) or real(v))
    session = StoreSession()
    session.add(doc, x.Extraction(document=x.DocumentMeta(), persons=[both]), quotes=book)
    session.flush()
    # The quote from the book is written as it is; the other one is cut and sealed here.
    assert sealed_here == ["Ivo Marlow was released a day later.", "Ivo Marlow"]
    assert sorted(Evidence.objects.filter(document=doc).values_list("start", "sentence")) == [
        (first, "The docker Ivo Marlow was arrested at the port."),
        (later, "Ivo Marlow was released a day later.")]


def test_a_session_reads_an_entitys_other_event_types_when_a_later_document_needs_them():
    from unionwatch.facts.store import StoreSession

    def report(kind: str, verb: str, date: str, source: str = "a") -> tuple[Document, x.Extraction]:
        text = f"The welder Nia Castell was {verb} on {date}, source {source}."
        start = text.index("Nia Castell")
        doc = make_document(text)
        return doc, x.Extraction(
            document=x.DocumentMeta(),
            persons=[x.Person(name="Nia Castell", mentions=[(start, start + 11)])],
            events=[x.Event(type=kind, date=date, date_precision="day", victims=["Nia Castell"],
                            evidence=text, span=(0, len(text)), confidence=0.8)])

    first = StoreSession()
    for kind, verb, date in (("arrest", "arrested", "2021-03-02"), ("dismissal", "dismissed", "2021-04-09")):
        first.add(*report(kind, verb, date))
    first.flush()
    assert Event.objects.count() == 2
    later = StoreSession()  # one document per type: the second needs what the first did not read
    for kind, verb, date in (("arrest", "arrested", "2021-03-02"), ("dismissal", "dismissed", "2021-04-09")):
        later.add(*report(kind, verb, date, source="b"))
    later.flush()
    assert Event.objects.count() == 2  # both merged with the stored events
    assert all(e.evidence.count() == 2 for e in Event.objects.all())


def test_rows_read_back_as_plain_sql_are_the_rows_the_orm_reads():
    from unionwatch.facts.models import Term
    from unionwatch.facts.store import as_object, quoted, read_rows

    sentenced("Oren Tallis", "On 2 June 2020 a court sentenced Oren Tallis to 3 years.", "2020-06-02",
              terms=[x.Term("imprisonment", 3, "years", note="suspended")])
    for model in (Event, CourtDecision, Term, Person):
        q = quoted(model)
        rows = read_rows(model, f"ORDER BY {q['id']}", [])
        mine = [as_object(model, values) for _, values in rows]
        theirs = list(model.objects.order_by("id"))
        fields = [f.attname for f in model._meta.concrete_fields]
        assert [[getattr(o, f) for f in fields] for o in mine] == \
               [[getattr(o, f) for f in fields] for o in theirs]
        assert all(not o._state.adding for o in mine)
    event = as_object(Event, read_rows(Event, "", [])[0][1])
    assert event.perpetrators == [] and event.date.isoformat() == "2020-06-02"


def test_victim_links_written_twice_are_stored_once():
    from unionwatch.facts.store import insert_rows

    person = Person.objects.create(name="Kasia Brendt")
    event = Event.objects.create(type="arrest")
    through = Event.victim_persons.through
    insert_rows(through, ["event_id", "person_id"], [(event.pk, person.pk)], ignore_conflicts=True)
    insert_rows(through, ["event_id", "person_id"], [(event.pk, person.pk), (event.pk, person.pk)],
                ignore_conflicts=True)
    assert list(event.victim_persons.all()) == [person]


def test_judgements_written_as_rows_are_logged_as_the_model_describes_them():
    from unionwatch.audit.models import AuditEntry
    from unionwatch.facts.models import Judgement

    sentenced("Tamsin Orvell", "Tamsin Orvell was sentenced on 4 May 2021.", "2021-05-04")
    sentenced("Tamsin Orvell", "A court sentenced Tamsin Orvell on 4 May 2021.", "2021-05-04")
    sentenced("Tamsin Orvell", "Tamsin Orvell was sentenced in another country.", None, country="Belarus")
    judgements = list(Judgement.objects.order_by("id"))
    first, other = Person.objects.order_by("id")
    assert [(j.verdict, j.left_id, j.right_id) for j in judgements] == [
        ("positive", first.pk, None), ("unsure", first.pk, other.pk)]
    assert all(j.automatic and j.document_id and j.created and j.data == {} and j.reason
               for j in judgements)
    logged = dict(AuditEntry.objects.filter(object_type="facts.judgement", action="create")
                  .values_list("object_id", "object_repr"))
    assert logged == {str(j.pk): str(j) for j in judgements}
