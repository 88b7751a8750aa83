"""Compose a letter, press release or ILO complaint from a case file.

`compose(case, kind, lang)` returns a `Draft`: a format-neutral structure (header
blocks, sections of paragraphs and lists, numbered source notes) with every string
already written in the letter's language. The renderers (md, html, pdf, docx) only
lay it out. Every fact carries the numbers of the source notes that back it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from unionwatch.advocacy import localize as loc
from unionwatch.advocacy.countries import country_code, country_name
from unionwatch.advocacy.models import (
    CONVENTIONS,
    LANGS,
    CountryProfile,
    GovernmentContact,
    SenderProfile,
)
from unionwatch.advocacy.phrases import (
    DEMAND_TEXTS,
    DOC_LABELS,
    EVENT_PHRASES,
    duration,
    salutation,
    term_phrase,
)
from unionwatch.advocacy.standards import citation, instruments_for
from unionwatch.cases.models import Case
from unionwatch.documents.models import Confidentiality
from unionwatch.facts.models import CourtDecision, Evidence, Person, Upcoming

KINDS = ("appeal", "press", "cfa")
DEMANDS_PATH = Path(__file__).parent / "data" / "demands.yaml"
ILO_ADDRESS = ["International Labour Office", "4 route des Morillons", "CH-1211 Geneva 22",
               "Switzerland"]


class ComposeError(ValueError):
    """The draft cannot be composed (unknown kind or language, no sender)."""


@dataclass
class Line:
    """A paragraph or list item, with the numbers of the source notes backing it."""

    text: str
    notes: list[int] = field(default_factory=list)


@dataclass
class Block:
    kind: str  # "p" (one paragraph) | "list" (bulleted items)
    lines: list[Line]


@dataclass
class Section:
    heading: str
    blocks: list[Block] = field(default_factory=list)

    def p(self, text: str, notes: list[int] | None = None) -> None:
        self.blocks.append(Block("p", [Line(text, notes or [])]))

    def items(self, lines: list[Line]) -> None:
        if lines:
            self.blocks.append(Block("list", lines))


@dataclass
class Note:
    number: int
    source: str  # title, date, address
    quote: str  # the sentence stating the fact; empty for non-public sources


@dataclass
class SenderBlock:
    name: str
    acronym: str
    address_lines: list[str]
    contact_line: str
    officers: list[tuple[str, list[str]]]  # name, titles in en/fr/de/es


@dataclass
class Draft:
    kind: str
    lang: str
    case_id: int
    doc_label: str
    sender: SenderBlock
    addressee_lines: list[str]
    emails: list[str]
    cc: list[str]
    cc_label: str
    reference: str
    place_date: str
    subject: str
    salutation: str
    sections: list[Section]
    valediction: str
    signatory: tuple[str, str]
    notes_heading: str
    notes: list[Note]
    addressees: list[str]  # recorded on the Intervention when sent
    warnings: list[str] = field(default_factory=list)


@dataclass
class Fact:
    """One dated fact of the case, before it is written out."""

    date: dt.date | None
    precision: str
    text_without_date: str
    evidence: list[Evidence]
    order: int = 0
    clause: bool = False


# --- entry point ----------------------------------------------------------------------


def compose(case: Case, kind: str, lang: str, *, date: dt.date | None = None,
            sender: SenderProfile | None = None) -> Draft:
    if kind not in KINDS:
        raise ComposeError(f"unknown kind {kind!r}; choose one of {', '.join(KINDS)}")
    if lang not in LANGS:
        raise ComposeError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    sender = sender or SenderProfile.objects.first()
    if sender is None:
        raise ComposeError("no sender profile: create one in the admin or run `unionwatch demo`")
    ui_lang = translation.get_language() or "en"  # warnings are for the user, not the addressee
    with translation.override(lang):
        return _Composer(case, kind, lang, date or dt.date.today(), sender, ui_lang).build()


class _Composer:
    def __init__(self, case: Case, kind: str, lang: str, date: dt.date, sender: SenderProfile,
                 ui_lang: str = "en"):
        self.case, self.kind, self.lang, self.date, self.sender = case, kind, lang, date, sender
        self.ui_lang = ui_lang
        self.code = country_code(case.country)
        self.country = country_name(self.code, lang) if self.code else case.country
        self.profile = CountryProfile.objects.filter(country_code=self.code).first() if self.code else None
        self.contacts = sorted(GovernmentContact.objects.filter(country_code=self.code),
                               key=lambda c: c.role_rank) if self.code else []
        self.notes: list[Note] = []
        self._note_keys: dict[tuple, int] = {}
        self.warnings: list[str] = []
        self.events = list(case.events.prefetch_related("victim_persons", "victim_organizations")
                           .select_related("place").order_by("date", "id"))

    # --- the whole draft ---------------------------------------------------------------

    def build(self) -> Draft:
        addressee, cc = self._addressee_and_cc()
        facts = self._fact_lines()
        sections = {"appeal": self._appeal, "press": self._press, "cfa": self._cfa}[self.kind](facts)
        signer = self.sender.signatory()
        with translation.override(self.ui_lang):
            self._example_warnings(addressee, cc)
        return Draft(
            kind=self.kind, lang=self.lang, case_id=self.case.pk,
            doc_label=str(DOC_LABELS[self.kind]),
            sender=self._sender_block(),
            addressee_lines=self._addressee_lines(addressee),
            emails=[c.email for c in [addressee, *cc] if c is not None and getattr(c, "email", "")],
            cc=[self._contact_label(c) for c in cc],
            cc_label=_("cc:"),
            reference=self._reference(),
            place_date=(_("%(city)s, %(date)s") % {"city": self.sender.city, "date": self._date()}
                        if self.sender.city else self._date()),
            subject=self._subject(),
            salutation=self._salutation(addressee),
            sections=sections,
            valediction="" if self.kind == "press" else _("Yours sincerely,"),
            signatory=(signer.name, signer.title_in(self.lang)) if signer else ("", ""),
            notes_heading=_("Sources"),
            notes=self.notes,
            addressees=self._recorded_addressees(addressee, cc),
            warnings=self.warnings,
        )

    def _date(self) -> str:
        return loc.long_date(self.date, self.lang)

    def _names(self, limit: int = 3) -> str:
        names = [p.name for p in self.case.victims.all() if not p.protected]
        names += [o.name for o in self.case.organizations.all()]
        names = list(dict.fromkeys(n for n in names if n))
        if len(names) > limit:
            names = [*names[:limit], _("others")]
        return loc.join_list(names, self.lang) or self.country

    def _person_name(self, person: Person) -> str:
        # Family members and witnesses are never named in what leaves the house.
        return _("[name withheld for protection]") if person.protected else person.name

    # --- header ------------------------------------------------------------------------

    def _sender_block(self) -> SenderBlock:
        s = self.sender
        contact = " · ".join(x for x in (s.email, s.phone, s.website) if x)
        return SenderBlock(
            name=s.name, acronym=s.acronym,
            address_lines=[line.strip() for line in s.address.splitlines() if line.strip()],
            contact_line=contact,
            officers=[(o.name, o.all_titles()) for o in s.officers.all()],
        )

    def _addressee_and_cc(self) -> tuple[GovernmentContact | None, list[GovernmentContact]]:
        if self.kind == "press":
            return None, []
        if self.kind == "cfa":
            return None, self.contacts[:2]
        if not self.contacts:
            with translation.override(self.ui_lang):
                self.warnings.append(_("No government contact for %(country)s in the directory: "
                                       "the letter has no addressee.") % {"country": self.case.country})
            return None, []
        return self.contacts[0], self.contacts[1:]

    def _contact_label(self, contact: GovernmentContact) -> str:
        title = contact.title_in(self.lang)
        return f"{contact.name}, {title}" if contact.name else title

    def _addressee_lines(self, addressee: GovernmentContact | None) -> list[str]:
        if self.kind == "cfa":
            return [_("The Director-General"), *ILO_ADDRESS]
        if addressee is None:
            return []
        lines = [addressee.name, addressee.title_in(self.lang)] if addressee.name else [
            addressee.title_in(self.lang)]
        return lines + [line for line in addressee.address.splitlines() if line.strip()]

    def _recorded_addressees(self, addressee, cc) -> list[str]:
        if self.kind == "cfa":
            return ["ILO Committee on Freedom of Association"]
        people = [addressee, *cc] if addressee else list(cc)
        return [f"{self._contact_label(c)} <{c.email}>" if c.email else self._contact_label(c)
                for c in people]

    def _salutation(self, addressee: GovernmentContact | None) -> str:
        if self.kind == "press":
            return ""
        if self.kind == "cfa":
            return salutation("director_general", "m")
        return salutation(addressee.role, addressee.gender) if addressee else _("Your Excellency,")

    def _reference(self) -> str:
        base = self.sender.reference_code or self.sender.short_name
        return f"{base}/{self.code or 'XX'}/{self.case.pk}"

    def _subject(self) -> str:
        values = {"country": self.country, "names": self._names(), "sender": self.sender.short_name}
        if self.kind == "press":
            return _("%(country)s: %(sender)s condemns violations of trade union rights against "
                     "%(names)s") % values
        if self.kind == "cfa":
            return _("Complaint against the Government of %(country)s for violations of freedom "
                     "of association") % values
        return _("Urgent appeal: violations of trade union rights in %(country)s – %(names)s") % values

    def _example_warnings(self, addressee, cc) -> None:
        if self.sender.is_example:
            self.warnings.append(_("The sender profile is example data."))
        if any(c is not None and c.is_example for c in [addressee, *cc]):
            self.warnings.append(_("The government contacts are example data: verify them "
                                   "before sending."))
        if self.profile is None:
            self.warnings.append(_("No country profile for %(country)s: conventions are cited "
                                   "without ratification status.") % {"country": self.country})
        elif self.profile.is_example:
            self.warnings.append(_("The ratifications of %(country)s are example data.")
                                 % {"country": self.country})

    # --- facts -------------------------------------------------------------------------

    def _fact_lines(self) -> list[Line]:
        facts = self._event_facts() + self._decision_facts()
        facts.sort(key=lambda f: (f.date or dt.date.max, f.order))
        return [Line(self._dated(f), self._cite(f.evidence)) for f in facts]

    def _dated(self, fact: Fact) -> str:
        if fact.date is None:
            lead = _("At a date not stated in the sources")
        elif fact.precision == "year":
            lead = pgettext("year", "In %(date)s") % {"date": fact.date.year}
        elif fact.precision == "month":
            lead = _("In %(date)s") % {"date": loc.partial_date(fact.date, "month", self.lang)}
        else:
            lead = _("On %(date)s") % {"date": loc.long_date(fact.date, self.lang)}
        if fact.clause:  # a full clause: "On 25 July 2017, the court sentenced X to ..."
            return _("%(when)s, %(what)s.") % {"when": lead, "what": fact.text_without_date}
        return _("%(when)s: %(what)s.") % {"when": lead, "what": fact.text_without_date}

    def _event_facts(self) -> list[Fact]:
        decided = set(self._decisions().exclude(event=None).values_list("event_id", flat=True))
        facts = []
        for event in self.events:
            if event.pk in decided:
                continue  # told with its court decision and terms
            victims = [self._person_name(p) for p in event.victim_persons.all()]
            victims += [o.name for o in event.victim_organizations.all()]
            phrase = str(EVENT_PHRASES.get(event.type, EVENT_PHRASES["other"])) % {
                "victims": loc.join_list(victims, self.lang) or _("trade unionists")}
            if event.place:
                phrase = _("%(what)s in %(place)s") % {"what": phrase, "place": event.place.name}
            facts.append(Fact(event.date, event.date_precision or "day", phrase,
                              _evidence(event), order=event.pk))
        return facts

    def _decisions(self):
        return CourtDecision.objects.filter(defendant__in=self.case.victims.all())

    def _decision_facts(self) -> list[Fact]:
        facts = []
        decisions = self._decisions().select_related("defendant", "court", "event").prefetch_related("terms")
        for decision in decisions.order_by("date", "id"):
            terms = [self._term_text(t) for t in decision.terms.all()]
            court = decision.court.name if decision.court else decision.court_name
            values = {"court": _("the %(court)s") % {"court": court} if court else _("a court"),
                      "person": self._person_name(decision.defendant),
                      "terms": loc.join_list(terms, self.lang)}
            text = (_("%(court)s sentenced %(person)s to %(terms)s") % values if terms
                    else _("%(court)s convicted %(person)s") % values)
            evidence = _evidence(decision) + (_evidence(decision.event) if decision.event else [])
            date = decision.date or (decision.event.date if decision.event else None)
            precision = decision.date_precision or (decision.event.date_precision if decision.event else "")
            facts.append(Fact(date, precision or "day", text, evidence, order=10**9 + decision.pk,
                              clause=True))
        return facts

    def _term_text(self, term) -> str:
        if term.unit == "life":
            return _("life imprisonment")
        if term.unit == "currency" and term.amount is not None:
            return term_phrase("fine", loc.money(term.amount, term.currency or "USD", self.lang))
        if term.amount is None:
            return term_phrase(term.kind, term.note or "?")
        length = duration(float(term.amount), term.unit, loc.number(term.amount, self.lang))
        return term_phrase(term.kind, length)

    def _cite(self, evidence: list[Evidence]) -> list[int]:
        numbers = []
        for ev in evidence:
            key = (ev.document_id, ev.sentence)
            if key not in self._note_keys:
                self._note_keys[key] = len(self.notes) + 1
                self.notes.append(self._note(len(self.notes) + 1, ev))
            if self._note_keys[key] not in numbers:
                numbers.append(self._note_keys[key])
        return numbers

    def _note(self, number: int, ev: Evidence) -> Note:
        doc = ev.document
        if doc.confidentiality != Confidentiality.PUBLIC:
            return Note(number, _("Information on file with the sender (document %(ref)s); the "
                                  "source is confidential and is not quoted.") % {"ref": f"D{doc.pk}"}, "")
        parts = [doc.title or doc.original_name or f"D{doc.pk}"]
        if doc.date:
            parts.append(loc.partial_date(doc.date, doc.date_precision or "day", self.lang))
        if doc.source_url:
            parts.append(doc.source_url)
        return Note(number, ", ".join(parts), ev.sentence.strip())

    def _upcoming_lines(self) -> list[Line]:
        lines = []
        items = Upcoming.objects.filter(person__in=self.case.victims.all(), date__gte=self.date)
        for item in items.select_related("person").order_by("date", "id"):
            values = {"person": self._person_name(item.person) if item.person else self._names(),
                      "date": loc.long_date(item.date, self.lang)}
            text = (_("An appeal hearing concerning %(person)s is scheduled for %(date)s.") % values
                    if item.kind == "appeal" else
                    _("A court hearing concerning %(person)s is scheduled for %(date)s.") % values)
            lines.append(Line(text, self._cite(_evidence(item))))
        return lines

    # --- standards and demands -----------------------------------------------------------

    def _standard_lines(self) -> list[Line]:
        lines = []
        for item in instruments_for(self._types()):
            ratified = self.profile.ratified(item.code) if self.profile else None
            lines.append(Line(_capital(citation(item, ratified, self.country))))
        return lines

    def _types(self) -> list[str]:
        types = list(dict.fromkeys(e.type for e in self.events))
        if self._decisions().exists() and "sentencing" not in types:
            types.append("sentencing")
        return types

    def _demand_lines(self) -> list[Line]:
        return [Line(str(DEMAND_TEXTS[key])) for key in demands_for(self._types())]

    def _figures(self) -> str:
        s = self.sender
        if not (s.members and s.countries and s.affiliates):
            return ""
        return _("%(members)s workers in %(countries)s countries and territories, through "
                 "%(affiliates)s affiliated organisations") % {
            "members": loc.number(s.members, self.lang), "countries": loc.number(s.countries, self.lang),
            "affiliates": loc.number(s.affiliates, self.lang)}

    def _follow_up(self) -> str:
        return _("We will continue to follow the situation closely, including any court "
                 "proceedings, and will keep the International Labour Organization informed. We "
                 "would be grateful to be told of the measures your Government takes.")

    # --- the three kinds -------------------------------------------------------------------

    def _appeal(self, facts: list[Line]) -> list[Section]:
        body = Section("")
        values = {"sender": self.sender.name, "figures": self._figures(), "country": self.country,
                  "names": self._names()}
        if values["figures"]:
            body.p(_("On behalf of the %(sender)s, which represents %(figures)s, I am writing to "
                     "express our deep concern about serious violations of trade union rights in "
                     "%(country)s affecting %(names)s.") % values)
        else:
            body.p(_("On behalf of the %(sender)s, I am writing to express our deep concern about "
                     "serious violations of trade union rights in %(country)s affecting %(names)s.")
                   % values)
        body.p(_("According to the information we have received, the facts are as follows:"))
        body.items(facts)
        for line in self._upcoming_lines():
            body.p(line.text, line.notes)
        body.p(_("These acts engage the following international standards:"))
        body.items(self._standard_lines())
        body.p(_("We therefore respectfully urge your Government to:"))
        body.items(self._demand_lines())
        body.p(self._follow_up())
        return [body]

    def _press(self, facts: list[Line]) -> list[Section]:
        short = self.sender.short_name
        lead = Section("")
        lead.p(_("%(place_date)s – The %(sender)s today condemned serious violations of trade union "
                 "rights in %(country)s affecting %(names)s.") % {
            "place_date": (_("%(city)s, %(date)s") % {"city": self.sender.city, "date": self._date()}
                           if self.sender.city else self._date()),
            "sender": self.sender.name, "country": self.country, "names": self._names()})
        facts_section = Section(_("The facts"))
        facts_section.items(facts)
        for line in self._upcoming_lines():
            facts_section.p(line.text, line.notes)
        standards = Section(_("International standards"))
        standards.items(self._standard_lines())
        demands = Section(_("Demands"))
        demands.p(_("The %(sender)s calls on the authorities of %(country)s to:") % {
            "sender": short, "country": self.country})
        demands.items(self._demand_lines())
        demands.p(_("The %(sender)s will continue to follow the case and will raise it with the "
                    "International Labour Organization.") % {"sender": short})
        about = Section(_("About the %(sender)s") % {"sender": short})
        figures = self._figures()
        about.p(_("The %(sender)s represents %(figures)s.") % {"sender": self.sender.name, "figures": figures}
                if figures else self.sender.name)
        if self.sender.press_email or self.sender.email:
            about.p(_("Press contact: %(email)s") % {"email": self.sender.press_email or self.sender.email})
        return [lead, facts_section, standards, demands, about]

    def _cfa(self, facts: list[Line]) -> list[Section]:
        values = {"sender": self.sender.name, "country": self.country, "short": self.sender.short_name}
        intro = Section("")
        intro.p(_("The %(sender)s hereby submits a complaint to the Committee on Freedom of "
                  "Association against the Government of %(country)s for violations of freedom of "
                  "association.") % values)
        standing = Section(_("1. The complainant and its standing"))
        standing.p(self._standing())
        government = Section(_("2. The Government concerned"))
        government.p(self._government())
        facts_section = Section(_("3. The facts"))
        facts_section.p(_("The facts, in date order, with the sources listed in the annex:"))
        facts_section.items(facts)
        for line in self._upcoming_lines():
            facts_section.p(line.text, line.notes)
        law = Section(_("4. Conventions and national provisions at issue"))
        law.p(_("The facts engage:"))
        law.items(self._standard_lines())
        provisions = self.profile.provisions() if self.profile else []
        if provisions:
            law.p(_("National provisions applied against the trade unionists concerned:"))
            law.items([Line(p) for p in provisions])
        else:
            law.p(_("[National provisions at issue: to be completed before submission.]"))
        remedy = Section(_("5. Remedy sought"))
        remedy.p(_("The complainant asks the Committee to examine this complaint and to urge the "
                   "Government of %(country)s to:") % values)
        remedy.items(self._demand_lines())
        remedy.p(_("The complainant also asks the Committee to request the Government to keep it "
                   "informed of the measures taken. The %(short)s will submit further information "
                   "as it becomes available.") % values)
        return [intro, standing, government, facts_section, law, remedy]

    def _standing(self) -> str:
        s = self.sender
        values = {"sender": s.name, "status": s.ilo_status or _("an organisation of workers"),
                  "figures": self._figures(), "country": self.country}
        text = _("The %(sender)s is %(status)s.") % values
        if values["figures"]:
            text += " " + _("It represents %(figures)s.") % values
        return text + " " + _("Its members include workers and trade unionists in %(country)s who are "
                              "directly affected by the facts below; it is therefore entitled to "
                              "submit this complaint.") % values

    def _government(self) -> str:
        values = {"country": self.country}
        text = _("The complaint is directed against the Government of %(country)s, a member State "
                 "of the International Labour Organization.") % values
        if self.profile is None:
            return text
        rats = self.profile.ratifications()
        yes = [f"C{c[1:]}" for c in CONVENTIONS if rats[c]]
        no = [f"C{c[1:]}" for c in CONVENTIONS if not rats[c]]
        if yes:
            text += " " + _("%(country)s has ratified Conventions %(list)s.") % {
                **values, "list": loc.join_list(yes, self.lang)}
        if no:
            text += " " + _("It has not ratified Conventions %(list)s.") % {
                "list": loc.join_list(no, self.lang)}
        return text


def _evidence(fact) -> list[Evidence]:
    ct = ContentType.objects.get_for_model(type(fact))
    return list(Evidence.objects.filter(content_type=ct, object_id=fact.pk, role="statement")
                .select_related("document").order_by("document__date", "document_id", "start"))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=1)
def _demand_table() -> dict:
    return yaml.safe_load(DEMANDS_PATH.read_text(encoding="utf-8"))


def demands_for(event_types: list[str]) -> list[str]:
    """Demand keys that follow from the violation types, in the mapping's order, once each."""
    table = _demand_table()
    wanted = {d for t in event_types for d in table["types"].get(t, [])}
    return [d for d in table["demands"] if d in wanted]
