"""Encryption at rest: restricted text and stored files, key file, rotation, level changes."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from types import SimpleNamespace

import pytest
from cryptography.fernet import Fernet
from django.core.files.base import ContentFile
from django.db import connection

from unionwatch.documents import crypto
from unionwatch.documents.models import Document

pytestmark = pytest.mark.django_db

SECRET = "The witness Olga Quietova lives at 12 Hidden Lane."


@pytest.fixture(autouse=True)
def own_key(tmp_path, settings, monkeypatch):
    settings.DATA_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "files"
    monkeypatch.delenv(crypto.ENV_KEY, raising=False)


def _raw_row(pk: int) -> tuple[str, bytes | None]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT text, text_encrypted FROM documents_document WHERE id = %s", [pk])
        text, blob = cursor.fetchone()
    return text, bytes(blob) if blob is not None else None


def _doc(level: str, text: str = SECRET) -> Document:
    doc = Document(sha256=hashlib.sha256(text.encode() + level.encode()).hexdigest(),
                   text=text, confidentiality=level)
    doc.file.save("letter.txt", ContentFile(text.encode()), save=False)
    doc.save()
    return doc


def test_restricted_text_is_stored_encrypted_and_read_back(tmp_path):
    doc = _doc("restricted")
    text, blob = _raw_row(doc.pk)
    assert text == "" and blob and b"Quietova" not in blob
    assert Document.objects.get(pk=doc.pk).plain_text == SECRET
    key_file = tmp_path / "encryption_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_public_text_stays_plain():
    doc = _doc("public")
    assert _raw_row(doc.pk) == (SECRET, None)


def test_stored_file_is_encrypted_on_disk_and_decrypted_on_open():
    doc = _doc("restricted")
    on_disk = Path(doc.file.path).read_bytes()
    assert b"Quietova" not in on_disk
    with Document.objects.get(pk=doc.pk).file.open("rb") as handle:
        assert handle.read().decode() == SECRET


def test_changing_the_level_encrypts_and_decrypts():
    doc = _doc("public")
    doc.confidentiality = "restricted"
    doc.save(update_fields=["confidentiality"])
    assert _raw_row(doc.pk)[0] == ""
    loaded = Document.objects.get(pk=doc.pk)
    loaded.confidentiality = "internal"
    loaded.save(update_fields=["confidentiality"])
    assert _raw_row(doc.pk) == (SECRET, None)


def test_rotation_reencrypts_and_old_key_no_longer_works(tmp_path):
    doc = _doc("restricted")
    old_key = (tmp_path / "encryption_key").read_text().strip().encode()
    texts, files, _ = crypto.rotate_keys()
    assert (texts, files) == (1, 1)
    new_keys = (tmp_path / "encryption_key").read_text().split()
    assert new_keys != [old_key.decode()] and len(new_keys) == 1
    _, blob = _raw_row(doc.pk)
    with pytest.raises(Exception):  # noqa: B017 - InvalidToken
        Fernet(old_key).decrypt(blob)
    fresh = Document.objects.get(pk=doc.pk)
    assert fresh.plain_text == SECRET
    with fresh.file.open("rb") as handle:
        assert handle.read().decode() == SECRET


def test_key_from_environment(monkeypatch, tmp_path):
    key = Fernet.generate_key().decode()
    monkeypatch.setenv(crypto.ENV_KEY, key)
    doc = _doc("restricted")
    assert not (tmp_path / "encryption_key").exists()
    assert Fernet(key.encode()).decrypt(_raw_row(doc.pk)[1]).decode() == SECRET
    with pytest.raises(crypto.EncryptionKeyError):
        crypto.rotate_keys()  # env keys need the new key passed in


def test_bad_key_gives_a_clear_error(monkeypatch):
    monkeypatch.setenv(crypto.ENV_KEY, "not-a-key")
    with pytest.raises(crypto.EncryptionKeyError, match=crypto.ENV_KEY):
        crypto.load_keys()


def test_key_file_loosened_permissions_are_tightened(tmp_path):
    crypto.load_keys()
    path = tmp_path / "encryption_key"
    os.chmod(path, 0o644)
    crypto.load_keys()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_restricted_extraction_output_is_sealed_too():
    doc = Document(sha256="e" * 64, text=SECRET, confidentiality="restricted",
                   extraction={"persons": [{"name": "Olga Quietova"}]})
    doc.save()
    with connection.cursor() as cursor:
        cursor.execute("SELECT extraction, extraction_encrypted FROM documents_document "
                       "WHERE id = %s", [doc.pk])
        extraction, blob = cursor.fetchone()
    assert "Quietova" not in str(extraction) and b"Quietova" not in bytes(blob)
    loaded = Document.objects.get(pk=doc.pk)
    loaded.confidentiality = "public"
    loaded.save(update_fields=["confidentiality"])
    assert Document.objects.get(pk=doc.pk).extraction["persons"][0]["name"] == "Olga Quietova"


def test_restricted_text_is_searchable_by_those_who_may_read_it(django_user_model):
    from unionwatch.accounts.permissions import search_restricted_text

    doc = _doc("restricted")
    _doc("public", "The witness Olga Quietova spoke in public.")
    editor = django_user_model.objects.create(username="ed", role="editor")
    viewer = django_user_model.objects.create(username="vi", role="viewer")
    assert search_restricted_text(editor, ["quietova", "HIDDEN lane"]) == [doc.pk]
    assert search_restricted_text(editor, ["quietova", "nowhere"]) == []
    assert search_restricted_text(viewer, ["quietova"]) == []


def test_making_a_document_restricted_removes_its_text_from_the_search_index():
    from unionwatch.accounts.cli import set_confidentiality
    from unionwatch.search.backends import ParsedQuery, get_backend
    from unionwatch.search.index import index_documents
    from unionwatch.search.models import SearchEntry

    doc = _doc("public", "Quietova spoke at the rally in Gomel.")
    index_documents([doc.pk])
    backend = get_backend()

    def found() -> bool:
        return backend.matching(SearchEntry.objects.all(), ParsedQuery.parse("rally")).exists()

    assert found()
    set_confidentiality(doc, "restricted")
    assert not found()
    set_confidentiality(doc, "public")
    assert found()


def _raw_evidence(pk: int) -> tuple[str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT sentence, value FROM facts_evidence WHERE id = %s", [pk])
        return cursor.fetchone()


def _evidence(doc: Document):
    from unionwatch.facts.models import Evidence, Person

    person = Person.objects.create(name="Olga Quietova")
    return Evidence.objects.create(fact=person, document=doc, start=12, end=25,
                                   sentence=SECRET, value="Olga Quietova")


def test_evidence_quotes_are_never_stored_in_clear():
    from unionwatch.facts.models import Evidence

    ev = _evidence(_doc("restricted"))
    sentence, value = _raw_evidence(ev.pk)
    assert "Quietova" not in sentence and "Quietova" not in value
    assert sentence.startswith(crypto.SEALED_PREFIX)
    loaded = Evidence.objects.get(pk=ev.pk)
    assert (loaded.sentence, loaded.value) == (SECRET, "Olga Quietova")
    assert list(Evidence.objects.values_list("sentence", flat=True)) == [SECRET]


def test_text_that_looks_sealed_is_sealed_again():
    from unionwatch.facts.models import Evidence, Person

    hostile = crypto.SEALED_PREFIX + "not a token"
    ev = Evidence.objects.create(fact=Person.objects.create(name="X"), document=_doc("public"),
                                 sentence=hostile)
    assert Evidence.objects.get(pk=ev.pk).sentence == hostile


def test_a_value_sealed_in_advance_is_written_once_and_reads_back():
    from unionwatch.facts.models import Evidence, Person

    sentence = "The organiser Pavel Quietov was detained at the gate."
    ev = Evidence.objects.create(fact=Person.objects.create(name="X"), document=_doc("public"),
                                 sentence=crypto.presealed(sentence))
    with connection.cursor() as cursor:
        cursor.execute("SELECT sentence FROM facts_evidence WHERE id = %s", [ev.pk])
        stored = cursor.fetchone()[0]
    assert stored.startswith(crypto.SEALED_PREFIX) and "Quietov" not in stored
    assert crypto.open_str(stored) == sentence  # sealed once, not twice
    assert Evidence.objects.get(pk=ev.pk).sentence == sentence
    assert crypto.prepare_sealed(sentence) != sentence
    assert crypto.prepare_sealed(crypto.Sealed(stored)) == stored


def test_a_plain_copy_of_a_sealed_value_is_sealed_again():
    token = crypto.seal_str("a quote")
    assert crypto.open_str(crypto.open_str(crypto.prepare_sealed(str(token)))) == "a quote"


def test_file_content_encrypted_in_advance_is_not_encrypted_twice():
    doc = Document(sha256="f" * 64, text=SECRET, confidentiality="internal")
    doc.file.save("letter.txt", crypto.SealedContent(crypto.encrypt(SECRET.encode())), save=False)
    doc.save()
    assert b"Quietova" not in Path(doc.file.path).read_bytes()
    with Document.objects.get(pk=doc.pk).file.open("rb") as handle:
        assert handle.read().decode() == SECRET


def test_rotation_reencrypts_evidence(tmp_path):
    from unionwatch.facts.models import Evidence

    ev = _evidence(_doc("restricted"))
    old_key = (tmp_path / "encryption_key").read_text().strip().encode()
    before = _raw_evidence(ev.pk)[0]
    crypto.rotate_keys()
    after = _raw_evidence(ev.pk)[0]
    assert after != before and after.startswith(crypto.SEALED_PREFIX)
    with pytest.raises(Exception):  # noqa: B017 - InvalidToken
        Fernet(old_key).decrypt(after[len(crypto.SEALED_PREFIX):].encode())
    assert Evidence.objects.get(pk=ev.pk).sentence == SECRET


def test_legacy_plain_rows_are_sealed_by_the_migration(tmp_path):
    from importlib import import_module

    from django.apps import apps
    from django.db import connection as conn

    ev = _evidence(_doc("restricted"))
    with conn.cursor() as cursor:
        cursor.execute("UPDATE facts_evidence SET sentence = %s, value = %s WHERE id = %s",
                       [SECRET, "Olga Quietova", ev.pk])
    migration = import_module("unionwatch.facts.migrations.0004_sealed_evidence")
    migration.seal(apps, SimpleNamespace(connection=conn))  # the data step only uses this
    assert "Quietova" not in _raw_evidence(ev.pk)[0]
    from unionwatch.facts.models import Evidence
    assert Evidence.objects.get(pk=ev.pk).value == "Olga Quietova"


def test_document_title_and_file_name_are_sealed_and_the_audit_log_keeps_only_the_id():
    from unionwatch.audit.log import record
    from unionwatch.audit.models import AuditEntry

    doc = Document(sha256="f" * 64, text=SECRET, confidentiality="restricted",
                   title="Letter from Olga Quietova", original_name="quietova-letter.eml")
    doc.save()
    with connection.cursor() as cursor:
        cursor.execute("SELECT title, original_name FROM documents_document WHERE id = %s",
                       [doc.pk])
        title, name = cursor.fetchone()
    assert "Quietova" not in title and "quietova" not in name
    loaded = Document.objects.get(pk=doc.pk)
    assert (loaded.title, loaded.original_name) == ("Letter from Olga Quietova",
                                                    "quietova-letter.eml")
    record("view", loaded)
    assert not AuditEntry.objects.filter(object_repr__icontains="quietova").exists()


def test_restricted_text_is_found_through_a_blind_index_that_follows_the_key(django_user_model):
    from unionwatch.accounts.permissions import search_restricted_text
    from unionwatch.documents.models import SealedWord

    doc = _doc("restricted")
    editor = django_user_model.objects.create(username="ed", role="editor")
    rows = SealedWord.objects.filter(document=doc)
    assert rows.count() == len(set(SECRET.lower().replace(".", "").split()))
    assert all(isinstance(d, int) for d in rows.values_list("digest", flat=True))
    before = set(rows.values_list("digest", flat=True))
    crypto.rotate_keys()
    assert search_restricted_text(editor, ["Quietova", "lane"]) == [doc.pk]  # reindexed lazily
    assert set(rows.values_list("digest", flat=True)).isdisjoint(before)
    doc.refresh_from_db()
    doc.confidentiality = "public"
    doc.save(update_fields=["confidentiality"])
    assert not rows.exists() and doc.sealed_index_key == ""
