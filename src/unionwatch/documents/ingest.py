"""Ingest: read files, extract their facts and store both, in batches.

A consumer pipeline in the spirit of paperless-ngx, built for volume:

1. file paths are streamed (never listed in full), hashed, and checked against the
   store in chunks, so a rerun skips what is already stored without re-extracting;
2. reading and extraction (pure, CPU-bound) run in a pool of worker processes,
   with a bounded number of documents in flight, so memory stays flat. The workers
   also do what storing needs no database for (`StoreAids`: evidence quotes cut and
   sealed, the file encrypted and written to the storage, the title sealed, the
   extractor output as a dict, the text folded for the search index): the main
   process, which alone writes to the database, is the bottleneck;
3. the main process stores `batch_size` documents per transaction, each as it
   arrives (only outcomes are kept until the commit). Each document sits in its own
   savepoint, so one that fails to store is rolled back alone and the rest of its
   batch is kept; a batch that cannot commit is reported as failed file by file, and
   a rerun picks those files up again.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, connections, transaction

from unionwatch.core import ReadError, SourceDocument, extract, iter_input_files, read_path
from unionwatch.core.types import Extraction
from unionwatch.documents.crypto import (
    Sealed,
    SealedContent,
    encrypt,
    fernet,
    index_sealed_words,
    seal_str,
    seal_text,
)
from unionwatch.documents.models import Confidentiality, Document, DocumentKind
from unionwatch.facts.models import parse_partial_date
from unionwatch.facts.store import QuoteBook, insert_objects, seal_quotes

DEFAULT_BATCH = 200
# Cases are rebuilt after this many stored documents, and at the end of a run. A batch
# marks its events in its own transaction (cases.PendingRebuild), so nothing is lost
# between rebuilds; rebuilding less often saves rebuilding the same cases batch after
# batch (a case is reported on again and again during a bulk import).
REBUILD_EVERY = 2000
GC_THRESHOLD = 100_000  # allocations between young collections while ingesting (default 700)
POOL_MIN_DOCUMENTS = 24  # below this, starting worker processes costs more than it saves


@dataclass
class IngestOutcome:
    path: str
    status: str  # stored | skipped | failed
    reason: str = ""
    document_id: int | None = None


@dataclass
class IngestSummary:
    """Counts of every outcome; only failures are kept in full (memory stays bounded)."""

    counts: dict[str, int] = field(default_factory=lambda: {"stored": 0, "skipped": 0, "failed": 0})
    failed: list[IngestOutcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, outcome: IngestOutcome) -> None:
        self.counts[outcome.status] = self.counts.get(outcome.status, 0) + 1
        if outcome.status == "failed":
            self.failed.append(outcome)

    def count(self, status: str) -> int:
        return self.counts.get(status, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def line(self) -> str:
        return (
            f"{self.count('stored')} stored, {self.count('skipped')} skipped (already stored), "
            f"{self.count('failed')} failed"
        )


@dataclass
class StoreAids:
    """The pure part of storing one document, done by the worker process that extracted
    it. Every field is what the main process would otherwise compute itself."""

    title: str
    sealed_title: Sealed
    sealed_name: Sealed
    file_name: str  # the file, written encrypted to the document storage ("": none)
    extraction: dict  # Extraction.to_dict()
    quotes: QuoteBook  # evidence quotes, cut and sealed (facts.store.seal_quotes)
    folded: str  # title and text folded for the search index (search.index)


@dataclass
class Prepared:
    """One file after reading and extraction (built in a worker process)."""

    path: str
    digest: str
    source: SourceDocument | None = None
    extraction: Extraction | None = None
    error: str = ""
    aids: StoreAids | None = None


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
    batch_size: int = DEFAULT_BATCH,
    workers: int | None = None,
    index: bool = True,
    rebuild_every: int = REBUILD_EVERY,
) -> IngestSummary:
    """Ingest files and folders; a failing file is reported and the others go on.

    `workers` extraction processes (default: one per CPU; 1 = in this process).
    `rebuild` re-proposes the cases of the stored documents' events, and runs the alert
    rules on them, every `rebuild_every` stored documents and at the end (with what
    earlier runs left marked); `index` updates the search index in each batch's
    transaction.
    """
    summary = IngestSummary()

    def report(outcome: IngestOutcome) -> None:
        summary.add(outcome)
        if on_progress:
            on_progress(outcome)

    batch_size = max(1, batch_size)
    unrebuilt = 0  # documents stored since cases were last rebuilt

    def report_batch(outcome: IngestOutcome) -> None:
        nonlocal unrebuilt
        report(outcome)
        unrebuilt += outcome.status == "stored"

    in_flight: set[str] = set()  # digests on their way to the store, not stored yet

    def after_batch(items: list[Prepared]) -> None:
        nonlocal unrebuilt
        in_flight.difference_update(i.digest for i in items)
        if rebuild and unrebuilt >= max(1, rebuild_every):
            _rebuild_cases(summary)
            unrebuilt = 0

    # One stream from the files to the store: the workers extract the next batch while
    # this process stores the current one (at most about a batch ahead).
    with _quiet_gc(), _Extractor(workers, ahead=batch_size) as extractor:
        new = (item for chunk in chunked(stream_files(paths, report), batch_size)
               for item in _new_files(chunk, report, in_flight))
        _store_prepared(extractor.stream(new), confidentiality, user, report_batch, batch_size,
                        index, after_batch, mark_cases=rebuild)
    if rebuild:
        _rebuild_cases(summary)  # the rest, and what an interrupted run left marked
    return summary


@contextlib.contextmanager
def _quiet_gc() -> Iterator[None]:
    """Fewer garbage collections while ingesting: storing makes and drops many
    thousands of small objects per batch, so the young generation fills every few
    hundred allocations and older ones get walked again and again. Restored after."""
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], GC_THRESHOLD), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def _rebuild_cases(summary: IngestSummary) -> None:
    """Re-propose the cases of the marked events (batches mark theirs when they commit),
    and run the alert rules on those cases. A failure here is reported as a note, not as
    lost documents: the marks stay, and the next rebuild catches up."""
    from unionwatch.cases.builder import rebuild_pending

    try:
        rebuild_pending()
    except Exception as exc:  # noqa: BLE001 - the stored documents stay stored
        note = f"cases were not rebuilt: {type(exc).__name__}: {exc}"
        if note not in summary.notes:
            summary.notes.append(note)


def stream_files(paths: Iterable[str | Path], report: Callable[[IngestOutcome], None]) -> Iterator[Path]:
    """Every input file in a stable order; a missing path is reported, the others go on."""
    for path in paths:
        try:
            yield from iter_input_files([path])
        except ReadError as exc:
            report(IngestOutcome(exc.path, "failed", exc.reason))


def count_files(paths: Iterable[str | Path]) -> int:
    """How many input files there are (for a progress bar); lists nothing in memory."""
    return sum(1 for _ in stream_files(paths, lambda _outcome: None))


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Lists of up to `size` items, read lazily (memory stays bounded)."""
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _new_files(chunk: list[Path], report: Callable[[IngestOutcome], None],
               in_flight: set[str] | None = None) -> list[tuple[str, str]]:
    """(path, sha256) of the files in this chunk not stored yet: one query per chunk.
    `in_flight`: digests already passed on and not stored yet (the same bytes in an
    earlier chunk); those of this chunk are added to it."""
    hashed: list[tuple[str, str]] = []
    for path in chunk:
        try:
            hashed.append((str(path), sha256_of(path)))
        except OSError as exc:
            report(IngestOutcome(str(path), "failed", exc.strerror or "cannot be opened"))
    stored = set(
        Document.objects.filter(sha256__in=[d for _, d in hashed]).values_list("sha256", flat=True)
    )
    stored |= in_flight if in_flight is not None else set()
    new: list[tuple[str, str]] = []
    for path, digest in hashed:
        if digest in stored:
            report(IngestOutcome(path, "skipped", "already stored"))
        else:
            stored.add(digest)  # the same bytes twice in one chunk: keep the first
            new.append((path, digest))
    if in_flight is not None:
        in_flight.update(digest for _, digest in new)
    return new


def prepare(path: str, digest: str) -> Prepared:
    """Read and extract one file. Runs in a worker process: no database here."""
    try:
        source = read_path(path)
    except ReadError as exc:
        return Prepared(path, digest, error=exc.reason)
    except OSError as exc:
        return Prepared(path, digest, error=exc.strerror or "cannot be read")
    try:
        extraction = extract(source)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
        return Prepared(path, digest, error=f"extraction failed: {type(exc).__name__}: {exc}")
    source.meta.sha256 = source.meta.sha256 or digest
    return Prepared(path, digest, source, extraction, aids=_store_aids(source, extraction))


def _store_aids(source: SourceDocument, extraction: Extraction) -> StoreAids | None:
    """The pure part of storing (see `StoreAids`); None if it fails: the main process
    then does it all itself, as it would for any document."""
    from unionwatch.search.index import fold_body

    try:
        title = _title(source)
        aids = StoreAids(
            title=title, sealed_title=Sealed(seal_str(title)),
            sealed_name=Sealed(seal_str(Path(source.meta.path).name)), file_name="",
            extraction=extraction.to_dict(), quotes=seal_quotes(source.text, extraction),
            folded=fold_body(title, source.text))
        aids.file_name = _write_file(source)  # last: nothing after it can fail
    except Exception:  # noqa: BLE001 - storing does the same work itself and reports
        return None
    source.raw = b""  # stored already: not sent back through the pipe
    return aids


def _write_file(source: SourceDocument) -> str:
    """Write the document's file, encrypted, where `FieldFile.save` would; its name.
    A document that is then not stored has its file deleted (`_drop_files`)."""
    if not source.raw:
        return ""
    field = Document._meta.get_field("file")
    name = field.generate_filename(None, Path(source.meta.path).name or "document")
    return field.storage.save(name, SealedContent(encrypt(source.raw)), max_length=field.max_length)


def _prepare_many(items: list[tuple[str, str]]) -> list[Prepared]:
    return [prepare(path, digest) for path, digest in items]


class _Extractor:
    """Runs `prepare` in worker processes, started lazily once there is enough work.

    Results come back in input order; at most about `ahead` documents (at least a few
    tasks per worker) are in flight, so memory does not grow with the size of the input.
    """

    CHUNK = 8  # documents per task sent to a worker: fewer round trips

    def __init__(self, workers: int | None, ahead: int = 0):
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self.window = max(self.workers * 4, -(-ahead // self.CHUNK))  # tasks in flight
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> _Extractor:
        return self

    def __exit__(self, *_exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            gc.unfreeze()

    def _can_fork(self) -> bool:
        # Celery pool processes are daemons and may not have children; inside a
        # transaction (tests) the connection must not be closed for the fork.
        return (
            self.workers > 1
            and not multiprocessing.current_process().daemon
            and not connection.in_atomic_block
        )

    def map(self, items: list[tuple[str, str]]) -> Iterator[Prepared]:
        """Prepare these items (a list: its length decides whether to start the pool)."""
        if self.pool is None and len(items) >= POOL_MIN_DOCUMENTS and self._can_fork():
            self._start()
        if self.pool is None:
            return (prepare(path, digest) for path, digest in items)
        return self._pooled(iter(items))

    def stream(self, items: Iterable[tuple[str, str]]) -> Iterator[Prepared]:
        """Prepare items as they are read, keeping the workers busy ahead of the reader."""
        items = iter(items)
        head = list(islice(items, POOL_MIN_DOCUMENTS))
        if self.pool is None and len(head) >= POOL_MIN_DOCUMENTS and self._can_fork():
            self._start()
        if self.pool is None:
            return (prepare(path, digest) for path, digest in chain(head, items))
        return self._pooled(chain(head, items))

    def _start(self) -> None:
        _warm_up()
        # The pipeline and vocabularies just loaded live as long as the process: frozen,
        # the collector no longer walks them on each full collection here (a tenth of
        # this process's time), and the children do not copy the pages it would touch.
        gc.freeze()
        connections.close_all()  # children must not inherit open database sockets
        self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"),
                                        initializer=_exit_with_parent, initargs=(os.getpid(),))

    def _pooled(self, items: Iterator[tuple[str, str]]) -> Iterator[Prepared]:
        assert self.pool is not None
        pending: deque[Future] = deque()
        for task in chunked(items, self.CHUNK):
            pending.append(self.pool.submit(_prepare_many, task))
            if len(pending) >= self.window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _exit_with_parent(parent: int) -> None:
    """In a worker: exit once the process that started it is gone. A killed ingest
    cannot tell its workers, and they would wait for work forever."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _warm_up() -> None:
    """Load the extraction pipeline and the keys once before forking: children share
    them (and a child never creates a key file of its own)."""
    fernet()
    try:
        from unionwatch.core.pipeline import default_pipeline

        default_pipeline()
    except Exception:  # noqa: BLE001, S110 - each child reports its own failure per file
        pass


def _store_prepared(prepared: Iterable[Prepared], confidentiality: str, user,
                    report: Callable[[IngestOutcome], None], batch_size: int, index: bool,
                    after_batch: Callable[[list[Prepared]], None] = lambda _items: None,
                    mark_cases: bool = False) -> None:
    stream = iter(prepared)
    while True:
        batch = list(islice(stream, batch_size))
        if not batch:
            return
        store_batch(batch, confidentiality, user, report, index, mark_cases)
        after_batch(batch)


def store_batch(batch: Iterable[Prepared], confidentiality: str, user,
                report: Callable[[IngestOutcome], None], index: bool = True,
                mark_cases: bool = False) -> int:
    """Store these documents in one transaction. Outcomes are reported once the batch
    has committed. Returns how many items the batch had. `mark_cases`: mark the
    stored events for the next case rebuild (cases.builder.rebuild_pending), in the
    same transaction.

    Fast path: every document of the batch goes through one `StoreSession` (entity
    resolution in memory, rows written in bulk). If anything in it fails, that work is
    rolled back and the batch is stored again one document per savepoint, so a document
    that cannot be stored is rolled back alone and the rest of its batch is kept.
    """
    items = list(batch)
    outcomes: list[IngestOutcome] = []
    try:
        with transaction.atomic():
            _bulk_cache()
            outcomes = _store_fast(items, confidentiality, user)
            if outcomes is None:
                outcomes = [_store_one(item, confidentiality, user) for item in items]
            ids = [o.document_id for o in outcomes if o.status == "stored" and o.document_id]
            if index and ids:
                _index(ids, {o.document_id: i.aids.folded for o, i in zip(outcomes, items, strict=True)
                             if o.document_id and i.aids is not None})
            if mark_cases and ids:
                from unionwatch.cases.builder import mark_for_rebuild

                mark_for_rebuild(ids)
    except Exception as exc:  # noqa: BLE001 - report every file of the batch, then go on
        reason = f"not stored, the batch could not be committed: {type(exc).__name__}: {exc}"
        outcomes = [o if o.status == "failed" else IngestOutcome(o.path, "failed", reason)
                    for o in outcomes] or [IngestOutcome(i.path, "failed", reason) for i in items]
    _drop_files(items, outcomes)
    for outcome in outcomes:
        report(outcome)
    return len(items)


# SQLite page cache of the connection that stores (KiB; SQLite's default is 2 MB): a
# batch updates the indexes of the evidence, event and audit tables all over, and at
# tens of thousands of documents those no longer fit in the default cache.
SQLITE_CACHE_KIB = 65536


def _bulk_cache() -> None:
    """A larger page cache for this connection while it stores (SQLite only; the
    setting lasts as long as the connection and changes nothing on disk)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")


def _drop_files(items: list[Prepared], outcomes: list[IngestOutcome]) -> None:
    """Files the workers wrote for documents that were not stored after all."""
    for item, outcome in zip(items, outcomes, strict=True):
        if outcome.status != "stored" and item.aids is not None and item.aids.file_name:
            with contextlib.suppress(Exception):
                Document._meta.get_field("file").storage.delete(item.aids.file_name)


def _store_fast(items: list[Prepared], confidentiality: str, user) -> list[IngestOutcome] | None:
    """The whole batch in one session and one savepoint; None when it failed (rolled back)."""
    from unionwatch.facts.store import StoreSession

    session = StoreSession()
    session.prefetch(i.extraction for i in items if not i.error and i.extraction is not None)
    stored: list[tuple[IngestOutcome, Document]] = []
    outcomes: list[IngestOutcome] = []
    try:
        with transaction.atomic():
            for item in items:
                if item.error:
                    outcomes.append(IngestOutcome(item.path, "failed", item.error))
                    continue
                assert item.source is not None and item.extraction is not None
                document = _unsaved_document(item.source, item.extraction, confidentiality, user,
                                             item.aids)
                session.add(document, item.extraction, item.aids.quotes if item.aids else None)
                outcomes.append(IngestOutcome(item.path, "stored", ""))
                stored.append((outcomes[-1], document))
            documents = [d for _, d in stored]
            _write_documents(documents, [i.aids for i in items if not i.error])
            session.flush(audited=documents)
    except Exception:  # noqa: BLE001 - retried document by document, each in a savepoint
        return None
    for outcome, document in stored:
        outcome.document_id = document.pk
    return outcomes


def _store_one(item: Prepared, confidentiality: str, user) -> IngestOutcome:
    if item.error:
        return IngestOutcome(item.path, "failed", item.error)
    assert item.source is not None and item.extraction is not None
    try:
        document = store_document(item.source, item.extraction, confidentiality, user, item.aids)
    except IntegrityError as exc:
        if Document.objects.filter(sha256=item.digest).exists():
            # The same bytes twice in this run, or a concurrent worker stored them first.
            return IngestOutcome(item.path, "skipped", "already stored")
        return IngestOutcome(item.path, "failed", f"could not be stored: {type(exc).__name__}: {exc}")
    except Exception as exc:  # noqa: BLE001 - its savepoint is rolled back; the batch goes on
        return IngestOutcome(item.path, "failed", f"could not be stored: {type(exc).__name__}: {exc}")
    return IngestOutcome(item.path, "stored", "", document.pk)


def _index(document_ids: list[int], folded: dict[int, str]) -> None:
    from unionwatch.search.index import index_documents

    index_documents(document_ids, folded)


def ingest_file(path: Path, confidentiality: str = Confidentiality.INTERNAL, user=None) -> IngestOutcome:
    """Ingest one file, now, in this process (no case rebuild)."""
    outcomes: list[IngestOutcome] = []
    ingest_paths([path], confidentiality, user, on_progress=outcomes.append, rebuild=False, workers=1)
    return outcomes[-1] if outcomes else IngestOutcome(str(path), "failed", "no input file")


def store_document(
    source: SourceDocument, extraction: Extraction, confidentiality: str, user=None,
    aids: StoreAids | None = None,
) -> Document:
    """Store one document and its facts (a savepoint inside a batch's transaction)."""
    from unionwatch.facts.store import StoreSession

    with transaction.atomic():
        document = _unsaved_document(source, extraction, confidentiality, user, aids)
        document.save()
        session = StoreSession()
        session.add(document, extraction, aids.quotes if aids else None)
        session.flush()
    return document


def _title(source: SourceDocument) -> str:
    return (source.meta.title or Path(source.meta.path).stem)[:500]


def _unsaved_document(source: SourceDocument, extraction: Extraction, confidentiality: str,
                      user=None, aids: StoreAids | None = None) -> Document:
    """The document row, not saved yet; its file is (encrypted, as the storage does),
    by the worker when it could."""
    meta = source.meta
    document = Document(
        original_name=Path(meta.path).name,
        sha256=meta.sha256,
        text=source.text,
        title=_title(source),
        date=parse_partial_date(extraction.document.date or meta.date),
        date_precision=_precision(extraction.document.date or meta.date),
        kind=meta.kind if meta.kind in DocumentKind.values else DocumentKind.OTHER,
        language=extraction.document.language or meta.language or "en",
        source_url=meta.source_url[:1000],
        country=meta.country or _main_country(extraction),
        confidentiality=confidentiality,
        media_type=meta.media_type,
        notices=list(extraction.notices),
        extraction=aids.extraction if aids else extraction.to_dict(),
        ingested_by=user if getattr(user, "pk", None) else None,
    )
    name = Path(meta.path).name or "document"
    if aids is not None and aids.file_name:
        document.file = aids.file_name
    elif source.raw:
        document.file.save(name, ContentFile(source.raw), save=False)
    return document


def _write_documents(documents: list[Document], aids: list[StoreAids | None]) -> None:
    """Insert these new documents in one statement, as `Document.save` would store each
    (restricted text sealed, the blind index built); the title and file name sealed in
    advance by the worker are taken as they are. Audit entries: the caller's (flush)."""
    clear: list[tuple[str, str, str]] = []
    for document, aid in zip(documents, aids, strict=True):
        clear.append((document.text, document.title, document.original_name))
        seal_text(document)
        document.text = document._db_text
        if aid is not None and aid.title == document.title:
            document.title = aid.sealed_title
            document.original_name = aid.sealed_name
    try:
        insert_objects(documents)
    finally:
        for document, (text, title, name) in zip(documents, clear, strict=True):
            document.text, document.title, document.original_name = text, title, name
    for document in documents:
        if document.text_encrypted:
            index_sealed_words(document)


def _precision(date_text: str | None) -> str:
    if not date_text or date_text.startswith("--"):
        return ""
    return {1: "year", 2: "month", 3: "day"}.get(len(date_text.split("-")), "")


def _main_country(extraction: Extraction) -> str:
    countries = [p for p in extraction.places if p.kind == "country"]
    if not countries:
        return ""
    return max(countries, key=lambda p: len(p.mentions)).name
