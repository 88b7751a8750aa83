"""Records the stages pass to each other through the pipeline state."""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    headline: bool = False  # a title or heading line: entities are read, events are not
    index: int = 0


@dataclass
class DocDate:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def iso(self) -> str:
        if self.day and self.month:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    iso: str | None  # resolved ISO value, "--MM-DD", or None when uncertain
    precision: str | None
    relative: bool = False
    future: bool = False
    dateline: bool = False  # "Brussels, 30 April 2008 -": the document's date, not an event's
    reporting: bool = False  # "the union said on Thursday": when it was said, not when it happened


@dataclass
class PersonRecord:
    name: str
    tokens: list[str]
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    honorific: str = ""
    official: bool = False  # head of state, judge, minister...: not a victim
    folded_words: list[str] = field(default_factory=list)


@dataclass
class OrgRecord:
    name: str
    kind: str = "other"
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    generic: bool = False


@dataclass
class PlaceRecord:
    name: str
    kind: str
    country_code: str
    key: str
    mentions: list[Span] = field(default_factory=list)


@dataclass
class TermRecord:
    kind: str
    amount: float | int | None
    unit: str | None
    currency: str | None = None
    note: str = ""
    start: int = 0


@dataclass
class DecisionRecord:
    defendant: str
    court: str | None
    date: DateMention | None
    terms: list[TermRecord]
    sentence: Sentence
    cue: str = "sentencing"
    sentences: set[int] = field(default_factory=set)  # every sentence that states part of it


@dataclass
class EventRecord:
    type: str
    sentence: Sentence
    victims: list[str]
    perpetrators: list[str]
    date: DateMention | None
    place: str | None
    confidence: float
    cue_start: int = 0


@dataclass
class UpcomingRecord:
    what: str
    date: DateMention
    sentence: Sentence


@dataclass
class Claim:
    """A span of text already read as an entity (or as a non-entity like an address)."""

    start: int
    end: int
    kind: str  # person | org | place | other


@dataclass
class EntityMention:
    start: int
    end: int
    kind: str  # person | org | place
    index: int  # position in state.persons / state.orgs / state.places
