"""iCal feeds: RFC 5545 details, and `unionwatch export --format ics` run as a user runs it."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from unionwatch.monitoring.deadlines import Deadline
from unionwatch.monitoring.ical import calendar, escape, fold

REPO = Path(__file__).resolve().parents[2]


def test_escape_and_fold_follow_rfc5545():
    assert escape("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"
    line = "SUMMARY:" + "Харькова " * 20
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join([parts[0], *(p[1:] for p in parts[1:])]) == line


def test_calendar_has_one_all_day_event_per_deadline():
    items = [Deadline(uid="term-1", date=dt.date(2021, 7, 25), kind="term_end",
                      title="End of term, restriction of movement", person=None, case=None,
                      precise=True)]
    text = calendar(items, "Test", now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert text.count("BEGIN:VEVENT") == 1
    assert "DTSTART;VALUE=DATE:20210725\r\n" in text and "DTEND;VALUE=DATE:20210726\r\n" in text
    assert "UID:term-1@unionwatch\r\n" in text and "DTSTAMP:20260101T000000Z\r\n" in text
    assert "SUMMARY:End of term\\, restriction of movement\r\n" in text


POPULATE = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {repo!r})
    os.environ["DJANGO_SETTINGS_MODULE"] = "unionwatch.settings"
    import django
    django.setup()
    from unionwatch.core import types as x
    from unionwatch.cases.builder import rebuild_cases
    from tests.facts.builders import decision, event, ingest, person
    text = "Marta Quell was sentenced on 3 March 2020 to two years of restricted movement."
    ingest(text, country="Valdoria", persons=[person(text, "Marta Quell")],
           events=[event(text, "sentencing", ["Marta Quell"], "2020-03-03")],
           decisions=[decision(text, "Marta Quell", "2020-03-03",
                               [x.Term("restriction_of_movement", 2, "years")])],
           upcoming=[x.Upcoming(what="appeal hearing of Marta Quell", date="2031-05-14",
                                date_precision="day", evidence=text, span=(0, len(text)))])
    rebuild_cases()
""")


def run(args: list[str], data_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "UNIONWATCH_DATA_DIR": str(data_dir)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("UNIONWATCH_DATABASE_URL", None)
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env,
                          timeout=120)


@pytest.mark.slow
def test_export_ics_from_the_command_line(tmp_path):
    assert run(["-m", "unionwatch", "init", "--quiet"], tmp_path).returncode == 0
    populated = run(["-c", POPULATE.format(repo=str(REPO))], tmp_path)
    assert populated.returncode == 0, populated.stderr
    out = tmp_path / "deadlines.ics"
    result = run(["-m", "unionwatch", "export", "--format", "ics", "-o", str(out)], tmp_path)
    assert result.returncode == 0, result.stderr
    body = out.read_bytes().decode("utf-8")
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert "DTSTART;VALUE=DATE:20310514" in body  # the hearing
    assert "DTSTART;VALUE=DATE:20220303" in body  # two years from the decision
    printed = run(["-m", "unionwatch", "export", "--format", "ics"], tmp_path)
    assert printed.stdout.count("BEGIN:VEVENT") == 2
    bad = run(["-m", "unionwatch", "export", "--format", "ics", "-o", str(tmp_path / "no" / "x.ics")],
              tmp_path)
    assert bad.returncode == 2 and "x.ics" in bad.stderr and "Traceback" not in bad.stderr
