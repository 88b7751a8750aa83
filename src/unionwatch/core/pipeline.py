"""The extraction pipeline: an ordered list of small stages sharing one state.

Like spaCy's `Language`, a `Pipeline` is a list of named callables. Each stage
does one job (sentences, dates, persons, events, ...) by reading and writing
the `PipelineState`; the last stage assembles the `Extraction`. Stages can be
listed, replaced or removed, so a caller can run a cheaper or a richer pipeline.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from unionwatch.core.stages.base import (
    Claim,
    DateMention,
    DecisionRecord,
    DocDate,
    EntityMention,
    EventRecord,
    OrgRecord,
    PersonRecord,
    PlaceRecord,
    Sentence,
    UpcomingRecord,
)
from unionwatch.core.stages.chunks import Chunk
from unionwatch.core.types import DocumentMeta, Extraction, SourceDocument

Stage = Callable[["PipelineState"], None]


@dataclass
class PipelineState:
    """Everything the stages know about one document while it is processed."""

    doc: SourceDocument
    meta: DocumentMeta
    text: str  # the document text; every offset counts into it
    norm: str = ""  # same length as text: quotes, dashes and spaces unified
    lower: str = ""  # norm.lower(), same length
    sentences: list[Sentence] = field(default_factory=list)
    doc_date: DocDate | None = None
    chunks: list[Chunk] = field(default_factory=list)  # capitalised phrases
    claims: list[Claim] = field(default_factory=list)  # spans already given to an entity
    dates: list[DateMention] = field(default_factory=list)
    persons: list[PersonRecord] = field(default_factory=list)
    orgs: list[OrgRecord] = field(default_factory=list)
    places: list[PlaceRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    decisions: list[DecisionRecord] = field(default_factory=list)
    upcoming: list[UpcomingRecord] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    mentions: list[EntityMention] = field(default_factory=list)  # every entity mention, by offset
    stopped: bool = False  # set by a stage when the rest must not run (e.g. unsupported language)
    result: Extraction | None = None

    @classmethod
    def from_document(cls, doc: SourceDocument) -> PipelineState:
        meta = DocumentMeta(**vars(doc.meta))
        return cls(doc=doc, meta=meta, text=doc.text or "")


class Pipeline:
    """An ordered list of `(name, stage)` pairs; calling it extracts one document."""

    def __init__(self, stages: Iterable[tuple[str, Stage]], final: Stage | None = None):
        self._stages: list[tuple[str, Stage]] = list(stages)
        self._final = final  # always runs, even after a stage stopped the pipeline

    @property
    def stage_names(self) -> list[str]:
        return [name for name, _ in self._stages]

    def get_stage(self, name: str) -> Stage:
        for stage_name, stage in self._stages:
            if stage_name == name:
                return stage
        raise KeyError(name)

    def replace_stage(self, name: str, stage: Stage) -> None:
        self._stages = [(n, stage if n == name else s) for n, s in self._stages]

    def remove_stage(self, name: str) -> None:
        self._stages = [(n, s) for n, s in self._stages if n != name]

    def run(self, doc: SourceDocument) -> PipelineState:
        state = PipelineState.from_document(doc)
        for _, stage in self._stages:
            if state.stopped:
                break
            stage(state)
        if self._final is not None:
            self._final(state)
        return state

    def __call__(self, doc: SourceDocument) -> Extraction:
        state = self.run(doc)
        if state.result is None:
            state.result = Extraction(document=state.meta, notices=list(state.notices))
        return state.result


def build_pipeline() -> Pipeline:
    """A fresh pipeline with the default stages (vocabularies are shared)."""
    from unionwatch.core.stages.assemble import Assemble
    from unionwatch.core.stages.court import FindCourtDecisions
    from unionwatch.core.stages.dates import FindDates, FindDocumentDate
    from unionwatch.core.stages.entities import FindNameChunks, FindPersons, LinkMentions
    from unionwatch.core.stages.events import FindEvents
    from unionwatch.core.stages.language import DetectLanguage
    from unionwatch.core.stages.organisations import FindOrganisations
    from unionwatch.core.stages.places import FindPlaces
    from unionwatch.core.stages.text import Normalise, SplitSentences
    from unionwatch.core.stages.upcoming import FindUpcoming

    return Pipeline(
        [
            ("normalise", Normalise()),
            ("sentences", SplitSentences()),
            ("language", DetectLanguage()),
            ("document_date", FindDocumentDate()),
            ("dates", FindDates()),
            ("name_chunks", FindNameChunks()),
            ("organisations", FindOrganisations()),
            ("places", FindPlaces()),
            ("persons", FindPersons()),
            ("coreference", LinkMentions()),
            ("court_decisions", FindCourtDecisions()),
            ("events", FindEvents()),
            ("upcoming", FindUpcoming()),
        ],
        final=Assemble(),
    )


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The shared default pipeline, built once per process.

    The vocabularies and the gazetteer (tens of thousands of objects) are
    loaded here and then frozen out of the garbage collector's sight, so that
    collections during extraction do not walk them again and again.
    """
    from unionwatch.core.stages.gazetteer import gazetteer

    pipeline = build_pipeline()
    gazetteer()
    pipeline(SourceDocument("Warm-up: police arrested Ana Ruiz in Lima on 2 May 2020.", DocumentMeta()))
    gc.collect()
    gc.freeze()
    return pipeline
