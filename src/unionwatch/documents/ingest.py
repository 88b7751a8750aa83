"""Ingest: read a file, extract its facts and store both, atomically per document.

A consumer pipeline in the spirit of paperless-ngx: small steps in a fixed order,
each with one job. Reading and extraction happen outside the transaction (they are
pure and may be slow); storing happens inside one, so a crash leaves no partial
document behind.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from unionwatch.core import ReadError, SourceDocument, extract, iter_input_files, read_path
from unionwatch.core.types import Extraction
from unionwatch.documents.models import Confidentiality, Document, DocumentKind
from unionwatch.facts.models import parse_partial_date


@dataclass
class IngestOutcome:
    path: str
    status: str  # stored | skipped | failed
    reason: str = ""
    document_id: int | None = None


@dataclass
class IngestSummary:
    outcomes: list[IngestOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[IngestOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def line(self) -> str:
        return (
            f"{self.count('stored')} stored, {self.count('skipped')} skipped (already stored), "
            f"{self.count('failed')} failed"
        )


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def ingest_paths(
    paths: Iterable[str | Path],
    confidentiality: str = Confidentiality.INTERNAL,
    user=None,
    on_progress: Callable[[IngestOutcome], None] | None = None,
    rebuild: bool = True,
) -> IngestSummary:
    """Ingest files and folders; a failing file is reported and the batch goes on."""
    summary = IngestSummary()
    try:
        files = list(iter_input_files(paths))
    except ReadError as exc:
        summary.outcomes.append(IngestOutcome(exc.path, "failed", exc.reason))
        files = []
    for path in files:
        outcome = ingest_file(path, confidentiality=confidentiality, user=user)
        summary.outcomes.append(outcome)
        if on_progress:
            on_progress(outcome)
    if rebuild and summary.count("stored"):
        from unionwatch.cases.builder import rebuild_cases

        rebuild_cases()
    return summary


def ingest_file(path: Path, confidentiality: str = Confidentiality.INTERNAL, user=None) -> IngestOutcome:
    name = str(path)
    try:
        digest = sha256_of(path)
    except OSError as exc:
        return IngestOutcome(name, "failed", exc.strerror or "cannot be opened")
    existing = Document.objects.filter(sha256=digest).values_list("id", flat=True).first()
    if existing:
        return IngestOutcome(name, "skipped", "already stored", existing)
    try:
        source = read_path(path)
        extraction = extract(source)
    except ReadError as exc:
        return IngestOutcome(name, "failed", exc.reason)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
        return IngestOutcome(name, "failed", f"extraction failed: {type(exc).__name__}: {exc}")
    try:
        document = store_document(source, extraction, confidentiality, user)
    except IntegrityError:
        # Another worker stored the same bytes between our check and our insert.
        return IngestOutcome(name, "skipped", "already stored")
    return IngestOutcome(name, "stored", "", document.pk)


def store_document(
    source: SourceDocument, extraction: Extraction, confidentiality: str, user=None
) -> Document:
    from unionwatch.facts.store import store_extraction

    meta = source.meta
    with transaction.atomic():
        document = Document(
            original_name=Path(meta.path).name,
            sha256=meta.sha256,
            text=source.text,
            title=(meta.title or Path(meta.path).stem)[:500],
            date=parse_partial_date(extraction.document.date or meta.date),
            date_precision=_precision(extraction.document.date or meta.date),
            kind=meta.kind if meta.kind in DocumentKind.values else DocumentKind.OTHER,
            language=extraction.document.language or meta.language or "en",
            source_url=meta.source_url[:1000],
            country=meta.country or _main_country(extraction),
            confidentiality=confidentiality,
            media_type=meta.media_type,
            notices=list(extraction.notices),
            extraction=extraction.to_dict(),
            ingested_by=user if getattr(user, "pk", None) else None,
        )
        if source.raw:
            document.file.save(Path(meta.path).name or "document", ContentFile(source.raw), save=False)
        document.save()
        store_extraction(document, extraction)
    return document


def _precision(date_text: str | None) -> str:
    if not date_text or date_text.startswith("--"):
        return ""
    return {1: "year", 2: "month", 3: "day"}.get(len(date_text.split("-")), "")


def _main_country(extraction: Extraction) -> str:
    countries = [p for p in extraction.places if p.kind == "country"]
    if not countries:
        return ""
    return max(countries, key=lambda p: len(p.mentions)).name
