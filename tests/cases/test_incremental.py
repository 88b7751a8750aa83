"""Rebuilding only the cases around a batch's events gives what a full rebuild gives."""

from __future__ import annotations

import pytest

from tests.facts.builders import event, ingest, org, person, report_person
from unionwatch.cases.builder import rebuild_cases
from unionwatch.cases.models import Case
from unionwatch.facts.models import Event

pytestmark = pytest.mark.django_db


def cases() -> list[tuple]:
    return sorted((c.country, c.title, tuple(sorted(c.victims.values_list("pk", flat=True))),
                   tuple(sorted(c.events.values_list("pk", flat=True)))) for c in Case.objects.all())


def test_incremental_rebuild_matches_a_full_one_and_leaves_other_cases_alone():
    report_person("Saule Nurova", date="2020-01-01")
    report_person("Paval Lashkevich", country="Belarus", date="2020-01-02")
    rebuild_cases()
    belarus = Case.objects.get(country="Belarus")
    before = belarus.updated
    # A new report links a second person to Saule Nurova's case through her union.
    text = "Erlan Baltabay, chair of the KNPRK union, was arrested. The KNPRK was raided."
    ingest(text, orgs=[org(text, "KNPRK")],
           persons=[person(text, "Erlan Baltabay", roles=["chair of the KNPRK union"])],
           events=[event(text, "arrest", ["Erlan Baltabay"], "2020-02-01"),
                   event(text, "raid", ["KNPRK"], "2020-02-01")])
    report_person("Saule Nurova", type_="dismissal", date="2020-03-01")
    new = set(Event.objects.filter(date_text__gte="2020-02-01").values_list("pk", flat=True))
    rebuild_cases(new)
    incremental = cases()
    assert Case.objects.get(country="Belarus").updated == before  # not rebuilt
    rebuild_cases()
    assert cases() == incremental


def test_an_event_of_nobody_rebuilds_nothing():
    text = "A strike was banned."
    ingest(text, events=[event(text, "strike_ban", [], "2020-01-01")])
    assert rebuild_cases(Event.objects.values_list("pk", flat=True)) == []


# --- rebuilds during an ingest: marked in the batch, rebuilt later ---------------------------


def _write_reports(folder, count: int) -> None:
    """Short reports on two organisers, in separate files (one arrest each)."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        name = ("Marta Quillon", "Ostap Verenko")[number % 2]
        (folder / f"report-{number:02d}.md").write_text(
            f"---\ntitle: Report {number}\ncountry: Kazakhstan\n---\n"
            f"On {number % 28 + 1} March 2021 the union organiser {name} was arrested by the "
            f"police in Almaty after a meeting of oil workers.\n", encoding="utf-8")


def test_a_batch_marks_its_events_and_the_next_run_rebuilds_what_an_interrupted_one_left(
        tmp_path, monkeypatch):
    from unionwatch.cases.models import PendingRebuild
    from unionwatch.documents import ingest as ingest_module

    _write_reports(tmp_path / "in", 6)
    # Stored with their marks, but no rebuild: as if the process died after the commit.
    with monkeypatch.context() as patch:
        patch.setattr(ingest_module, "_rebuild_cases", lambda summary: None)
        summary = ingest_module.ingest_paths([tmp_path / "in"], workers=1)
    assert summary.count("stored") == 6
    assert set(PendingRebuild.objects.values_list("event_id", flat=True)) == set(
        Event.objects.values_list("pk", flat=True))
    assert not Case.objects.exists()
    again = ingest_module.ingest_paths([tmp_path / "in"], workers=1)  # nothing new to store
    assert again.count("skipped") == 6
    assert not PendingRebuild.objects.exists()
    assert Case.objects.exists()
    incremental = cases()
    rebuild_cases()
    assert cases() == incremental


def test_a_failed_rebuild_keeps_its_marks(tmp_path, monkeypatch):
    from unionwatch.cases import builder
    from unionwatch.cases.models import PendingRebuild
    from unionwatch.documents.ingest import ingest_paths

    def broken(_events=None):
        raise RuntimeError("no rebuild today")

    _write_reports(tmp_path / "in", 4)
    with monkeypatch.context() as patch:
        patch.setattr(builder, "rebuild_cases", broken)
        summary = ingest_paths([tmp_path / "in"], workers=1)
    assert summary.count("stored") == 4
    assert any("no rebuild today" in note for note in summary.notes)
    marked = set(PendingRebuild.objects.values_list("event_id", flat=True))
    assert marked and marked == set(Event.objects.values_list("pk", flat=True))
    assert builder.rebuild_pending() == len(marked)
    assert not PendingRebuild.objects.exists() and Case.objects.exists()


def test_cases_are_rebuilt_every_so_many_documents_and_at_the_end(tmp_path, monkeypatch):
    from unionwatch.cases import builder
    from unionwatch.documents.ingest import ingest_paths

    _write_reports(tmp_path / "in", 7)
    rebuilt: list[int] = []
    real = builder.rebuild_pending

    def counted() -> int:
        rebuilt.append(real())
        return rebuilt[-1]

    monkeypatch.setattr(builder, "rebuild_pending", counted)
    summary = ingest_paths([tmp_path / "in"], workers=1, batch_size=2, rebuild_every=4)
    assert summary.count("stored") == 7
    # Once the batches reach 4 documents (after the second), then at the end with the
    # three documents since: every event once.
    assert len(rebuilt) == 2 and all(rebuilt)
    assert sum(rebuilt) == Event.objects.count()
