"""Shared fixtures: paths to the real documents, and a store filled with the examples."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "documents"
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
DEV_CORPUS = SHARED / "dev-corpus"

needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared is not beside the repo")


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture
def seed_paths() -> list[Path]:
    if not SEEDS.is_dir():
        pytest.skip("../shared is not beside the repo")
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def ingested_examples(db):
    """The bundled examples, ingested as public documents."""
    from unionwatch.documents.ingest import ingest_paths

    summary = ingest_paths([EXAMPLES], confidentiality="public")
    assert not summary.failed, [(o.path, o.reason) for o in summary.failed]
    return summary


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_user("editor", password="a-long-test-password", role="editor")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
