"""Encryption at rest: restricted documents' text and every stored document file.

Keys are Fernet keys (AES-128-CBC + HMAC-SHA256). They come from the environment
variable `UNIONWATCH_ENCRYPTION_KEY` (comma-separated, newest first) or else from the
file `DATA_DIR/encryption_key` (one key per line, newest first, mode 0600), created on
first use. Several keys make a MultiFernet: data under an older key still decrypts,
which is what lets `rotate-key` re-encrypt step by step and survive a crash midway.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db import models

ENV_KEY = "UNIONWATCH_ENCRYPTION_KEY"
KEY_FILE = "encryption_key"


class EncryptionKeyError(RuntimeError):
    """The key material is missing or malformed (message names where it came from)."""


def key_path() -> Path:
    return Path(settings.DATA_DIR) / KEY_FILE


def _write_private(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    path.chmod(0o600)


def _parse_keys(raw: str, origin: str) -> list[bytes]:
    keys = [k.strip().encode() for k in raw.replace(",", "\n").splitlines() if k.strip()]
    if not keys:
        raise EncryptionKeyError(f"{origin}: no encryption key found")
    for key in keys:
        try:
            Fernet(key)
        except (ValueError, TypeError) as exc:
            raise EncryptionKeyError(f"{origin}: not a valid Fernet key ({exc})") from exc
    return keys


def load_keys() -> list[bytes]:
    """The keys, newest first; creates the key file (0600) when there is none."""
    from_env = os.environ.get(ENV_KEY, "")
    if from_env.strip():
        return _parse_keys(from_env, ENV_KEY)
    path = key_path()
    if not path.exists():
        _write_private(path, Fernet.generate_key().decode() + "\n")
    if path.stat().st_mode & 0o077:
        path.chmod(0o600)  # never leave the key readable by others
    return _parse_keys(path.read_text(), str(path))


_cached: tuple[tuple, MultiFernet] | None = None
_checked: tuple[tuple, float] | None = None  # (where keys come from, when last stat'ed)
RECHECK_SECONDS = 2.0


def _key_source() -> tuple:
    """Where the keys come from, cheaply: the env value, or the data dir as configured
    (no Path built: this runs for every sealed value)."""
    from_env = os.environ.get(ENV_KEY, "")
    return ("env", from_env) if from_env.strip() else ("file", settings.DATA_DIR)


def _key_source_stamp() -> tuple:
    """The source plus, for a key file, its identity and mtime (a rotation replaces it)."""
    source = _key_source()
    if source[0] == "env":
        return source
    try:
        st = key_path().stat()
    except FileNotFoundError:
        return (*source, None)
    return (*source, st.st_ino, st.st_mtime_ns, st.st_size)


def forget_keys() -> None:
    """Drop the cached keys (after this process rewrote the key file)."""
    global _cached, _checked
    _cached = _checked = None


def fernet() -> MultiFernet:
    """The keys as a MultiFernet, cached.

    Sealed fields encrypt every evidence sentence, so even a stat of the key file per
    value shows in ingest profiles: the file is re-checked at most every couple of
    seconds (another process's rotation), the cheap source (env value, path) every call,
    and this process's own rotation calls `forget_keys()`.
    """
    global _cached, _checked
    source, now = _key_source(), time.monotonic()
    if (_cached is not None and _checked is not None and _checked[0] == source
            and now - _checked[1] < RECHECK_SECONDS):
        return _cached[1]
    stamp = _key_source_stamp()
    if _cached is None or _cached[0] != stamp:
        multi = MultiFernet([Fernet(k) for k in load_keys()])
        _cached = (_key_source_stamp(), multi)  # re-stamp: load_keys may create the file
    _checked = (source, now)
    return _cached[1]


def encrypt(data: bytes) -> bytes:
    return fernet().encrypt(data)


def decrypt(token: bytes) -> bytes:
    try:
        return fernet().decrypt(bytes(token))
    except InvalidToken as exc:
        raise EncryptionKeyError("encrypted data cannot be decrypted with the configured key(s)") from exc


# --- short sealed strings (database fields) ---------------------------------------------

SEALED_PREFIX = "enc1:"


def seal_str(value: str) -> str:
    """Encrypt a string for a text column; empty stays empty (nothing to hide)."""
    if not value:
        return value
    return SEALED_PREFIX + fernet().encrypt(value.encode("utf-8")).decode("ascii")


class Sealed(str):
    """A value `seal_str` already sealed (in an ingest worker process), passed on so a
    sealed field writes it as it is. Only code makes one: document text and anything
    read back arrive as plain `str` and are sealed, even when they look sealed."""

    __slots__ = ()


def presealed(value: str) -> Sealed:
    """`value` sealed now, marked so the field does not seal it a second time."""
    return Sealed(seal_str(value))


def prepare_sealed(value: str | None) -> str | None:
    """What a sealed column stores for `value`: sealed, unless a `Sealed` already is."""
    if value is None or type(value) is Sealed:
        return value
    return seal_str(value)


def open_str(value: str) -> str:
    """Decrypt what `seal_str` wrote; a value without the prefix is legacy plain text."""
    if not value or not value.startswith(SEALED_PREFIX):
        return value
    return decrypt(value[len(SEALED_PREFIX):].encode("ascii")).decode("utf-8")


# --- the document text -----------------------------------------------------------------


def seal_text(document) -> None:
    """Before saving: a restricted document's text goes encrypted; others stay plain.

    Called from Document.save(). The in-memory `text` is left for the caller (the store
    still needs it to cut evidence sentences); `db_text` is what is written.
    """
    from unionwatch.documents.models import Confidentiality

    plain = document.plain_text
    extraction = open_extraction(document)
    if document.confidentiality == Confidentiality.RESTRICTED:
        document.text_encrypted = encrypt(plain.encode("utf-8")) if plain else None
        document._db_text = ""
        # The raw extractor output quotes the text: it is sealed with it.
        document.extraction_encrypted = (
            encrypt(json.dumps(extraction).encode("utf-8")) if extraction else None)
        document.extraction = {}
    else:
        document.text_encrypted = None
        document._db_text = plain
        document.extraction_encrypted = None
        document.extraction = extraction


def open_extraction(document) -> dict:
    if document.extraction:
        return document.extraction
    if document.extraction_encrypted:
        return json.loads(decrypt(document.extraction_encrypted))
    return {}


def open_text(document) -> str:
    if document.text:
        return document.text
    if document.text_encrypted:
        return decrypt(document.text_encrypted).decode("utf-8")
    return ""


WORD = re.compile(r"\w+")


def _fold_words(text: str) -> set[str]:
    from anyascii import anyascii

    return set(WORD.findall(anyascii(text).lower()))


def _index_key() -> tuple[bytes, str]:
    """(key, fingerprint) for the blind index, derived from the newest Fernet key."""
    primary = load_keys()[0]
    key = hmac.new(primary, b"unionwatch blind word index v1", hashlib.sha256).digest()
    return key, hashlib.sha256(key).hexdigest()[:16]


def _digest(key: bytes, word: str) -> int:
    raw = hmac.new(key, word.encode("utf-8"), hashlib.sha256).digest()
    return int.from_bytes(raw[:8], "big", signed=True)


def index_sealed_words(document) -> None:
    """Rebuild `document`'s blind word index, or drop it when its text is not sealed."""
    from unionwatch.documents.models import Document, SealedWord

    SealedWord.objects.filter(document_id=document.pk).delete()
    fingerprint = ""
    if document.text_encrypted:
        key, fingerprint = _index_key()
        words = _fold_words(f"{document.title}\n{open_text(document)}")
        SealedWord.objects.bulk_create(
            [SealedWord(document_id=document.pk, digest=d)
             for d in {_digest(key, w) for w in words}], batch_size=1000)
    Document.objects.filter(pk=document.pk).update(sealed_index_key=fingerprint)
    document.sealed_index_key = fingerprint


def sealed_text_matches(words: list[str], documents) -> list[int]:
    """Ids of the encrypted documents among `documents` whose text has every word.

    Restricted text is never put into a search index in clear: it is looked up in the
    blind index (keyed word hashes). Documents not indexed under the current key yet
    (stored before the index existed, or after a key rotation) are indexed first, once.
    Matching is by whole word, case- and accent-insensitive, like the full-text index;
    callers must already be allowed to read what they pass (see permissions).
    """
    from django.db.models import Count

    from unionwatch.documents.models import SealedWord

    folded = set().union(*(_fold_words(w) for w in words)) if words else set()
    if not folded:
        return []
    key, fingerprint = _index_key()
    sealed = documents.exclude(text_encrypted=None)
    for document in sealed.exclude(sealed_index_key=fingerprint).only(
            "id", "title", "text", "text_encrypted").iterator(chunk_size=200):
        index_sealed_words(document)
    digests = {_digest(key, w) for w in folded}
    hits = (SealedWord.objects.filter(document__in=sealed.values("pk"), digest__in=digests)
            .values("document_id").annotate(n=Count("digest", distinct=True))
            .filter(n=len(digests)).values_list("document_id", flat=True))
    return sorted(hits)


# --- the stored files --------------------------------------------------------------------


class SealedContent(ContentFile):
    """File content already encrypted with `encrypt` (in an ingest worker process): the
    storage writes it as it is. Any other content is encrypted on save."""


class EncryptedFileSystemStorage(FileSystemStorage):
    """Files are written encrypted and read back decrypted; the disk never holds plaintext."""

    def _save(self, name, content):
        if isinstance(content, SealedContent):
            return super()._save(name, content)
        content.seek(0) if hasattr(content, "seek") else None
        sealed = ContentFile(encrypt(content.read()))
        return super()._save(name, sealed)

    def _open(self, name, mode="rb"):
        with super()._open(name, "rb") as handle:
            data = handle.read()
        return ContentFile(decrypt(data), name=name)


def document_storage() -> EncryptedFileSystemStorage:
    return EncryptedFileSystemStorage()


# --- rotation ----------------------------------------------------------------------------


def _sealed_columns() -> list[tuple[str, list[str]]]:
    """(table, [columns]) of every SealedTextField in the installed models."""
    from django.apps import apps

    found = []
    for model in apps.get_models():
        names = [f.column for f in model._meta.concrete_fields if isinstance(f, SealedTextField)]
        if names:
            found.append((model._meta.db_table, names))
    return found


def _sealed_file_names() -> list[str]:
    """Stored names of every file kept in the encrypted storage (documents, uploads, letters)."""
    from django.apps import apps

    names: list[str] = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField) and isinstance(field.storage,
                                                                  EncryptedFileSystemStorage):
                names += model.objects.exclude(**{field.name: ""}).values_list(field.name,
                                                                               flat=True)
    return list(dict.fromkeys(names))


def rewrite_columns(connection, table: str, columns: list[str],
                    transform: Callable[[str | None], str | None], chunk: int = 2000) -> None:
    """Apply `transform` to every value of `columns` in `table`, in id order and chunks.

    Plain SQL with parameters, so it serves migrations (sealing legacy rows) and key
    rotation alike without loading models.
    """
    listed = ", ".join(columns)
    assignments = ", ".join(f"{c} = %s" for c in columns)
    last = 0
    while True:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id, {listed} FROM {table} WHERE id > %s "
                           f"ORDER BY id LIMIT %s", [last, chunk])
            rows = cursor.fetchall()
            if not rows:
                return
            cursor.executemany(f"UPDATE {table} SET {assignments} WHERE id = %s",
                               [(*[transform(v) for v in row[1:]], row[0]) for row in rows])
        last = rows[-1][0]


def seal_legacy(value: str | None) -> str | None:
    """For migrations: seal a value written in clear (already sealed ones are resealed)."""
    return value if value is None else seal_str(open_str(value))


def unseal(value: str | None) -> str | None:
    return value if value is None else open_str(value)


def _rotate_sealed_columns(multi: MultiFernet) -> None:
    """Re-encrypt sealed columns under the newest key."""
    from django.db import connection

    def rotated(value: str | None) -> str | None:
        if not value or not value.startswith(SEALED_PREFIX):
            return value
        token = multi.rotate(value[len(SEALED_PREFIX):].encode("ascii"))
        return SEALED_PREFIX + token.decode("ascii")

    for table, columns in _sealed_columns():
        rewrite_columns(connection, table, columns, rotated)


def rotate_keys(
    new_key: bytes | None = None, on_progress: Callable[[str], None] | None = None
) -> tuple[int, int, str]:
    """Re-encrypt everything under a new key. Returns (texts, files, where the key is).

    The new key is added in front of the old ones first, so data already re-encrypted
    and data not yet reached both decrypt if the run is interrupted; only at the end are
    the old keys dropped. With the key in the environment the operator must make and
    keep the new key first and pass it in (a process cannot change its parent's
    environment, and a new key shown only once could be lost).
    """
    from django.db import transaction

    from unionwatch.documents.models import Document

    old_keys = load_keys()
    from_env = bool(os.environ.get(ENV_KEY, "").strip())
    if from_env and not new_key:
        raise EncryptionKeyError(
            f"{ENV_KEY} is set: generate a key, keep it safe and pass it with --new-key-file")
    new_key = new_key or Fernet.generate_key()
    _parse_keys(new_key.decode(), "the new key")
    keys = [new_key, *old_keys]
    if from_env:
        os.environ[ENV_KEY] = ",".join(k.decode() for k in keys)
    else:
        _write_private(key_path(), "\n".join(k.decode() for k in keys) + "\n")
    forget_keys()
    multi = MultiFernet([Fernet(k) for k in keys])
    texts = files = 0
    with transaction.atomic():
        sealed = Document.objects.exclude(text_encrypted=None, extraction_encrypted=None)
        for doc in sealed.only("id", "text_encrypted", "extraction_encrypted"):
            Document.objects.filter(pk=doc.pk).update(**{
                name: multi.rotate(bytes(getattr(doc, name)))
                for name in ("text_encrypted", "extraction_encrypted") if getattr(doc, name)})
            texts += 1
        _rotate_sealed_columns(multi)
    storage = document_storage()
    for name in _sealed_file_names():
        path = Path(storage.path(name))
        if path.exists():
            _write_private(path, multi.rotate(path.read_bytes()).decode())
            files += 1
            if on_progress:
                on_progress(name)
    if from_env:
        os.environ[ENV_KEY] = new_key.decode()
        where = f"the new key you passed; set {ENV_KEY} to it before the next run"
    else:
        _write_private(key_path(), new_key.decode() + "\n")
        where = str(key_path())
    forget_keys()
    return texts, files, where


# --- a model field that is never written in clear -----------------------------------------


class SealedTextField(models.TextField):
    """A text column encrypted at rest (Fernet, fresh IV per value), clear in Python.

    Used for evidence sentences and values: they quote documents, restricted ones
    included, and the database must not hold those quotes in clear. Every row is
    sealed, whatever its document's level, so changing a document's level later needs
    no re-encryption and the column does not reveal which rows are restricted. The
    price: no lookups or ordering on the column (ciphertexts never compare equal).
    """

    description = "Text encrypted at rest"

    def from_db_value(self, value, expression, connection):
        return value if value is None else open_str(value)

    def get_prep_value(self, value):
        if type(value) is Sealed:
            return value  # sealed by the ingest worker (see `Sealed`)
        value = super().get_prep_value(value)
        # Always sealed, even text that looks sealed: document text is hostile input.
        return value if value is None else seal_str(value)
