"""The `letter` and import verbs as a user runs them: subprocesses on the bundled examples."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "UNIONWATCH_DATA_DIR": str(data_dir)}
    env.pop("UNIONWATCH_DATABASE_URL", None)  # each run gets its own SQLite store
    return subprocess.run([sys.executable, "-m", "unionwatch", *args], capture_output=True,
                          text=True, env=env, cwd=EXAMPLES.parents[1], timeout=300)


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> tuple[Path, int]:
    data = tmp_path_factory.mktemp("uw-advocacy")
    run(data, "demo", "--no-serve")  # init, ingest the examples, load the example directory
    cases = json.loads(run(data, "cases", "--json").stdout)
    kharkova = next(c for c in cases if "Kharkova" in c["title"])
    return data, kharkova["id"]


def test_kharkova_appeal_in_english_and_french(store, tmp_path):
    data, case_id = store
    out = tmp_path / "appeal.pdf"
    result = run(data, "letter", str(case_id), "--kind", "appeal", "--lang", "en", "--format", "pdf",
                 "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "example data" in result.stderr  # the demo directory is flagged
    text = pdf_text(out)
    assert "President of the Republic of Kazakhstan" in text
    assert "cc: " in text and "Prime Minister" in text
    assert "25 July 2017" in text and "Larisa Kharkova" in text
    assert "Convention No. 87" in text
    french = tmp_path / "appel.pdf"
    assert run(data, "letter", str(case_id), "--kind", "appeal", "--lang", "fr", "--format", "pdf",
               "-o", str(french)).returncode == 0
    assert "25 juillet 2017" in pdf_text(french)


def test_kharkova_docx_and_cfa(store, tmp_path):
    data, case_id = store
    out = tmp_path / "appeal.docx"
    assert run(data, "letter", str(case_id), "--kind", "appeal", "--lang", "en", "--format", "docx",
               "-o", str(out)).returncode == 0
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "25 July 2017" in text and "Convention No. 87" in text
    cfa = tmp_path / "cfa.md"
    assert run(data, "letter", str(case_id), "--kind", "cfa", "--lang", "en", "--format", "md",
               "-o", str(cfa)).returncode == 0
    assert "Convention No. 87" in cfa.read_text() and "Remedy sought" in cfa.read_text()


def test_bad_input_is_one_line_errors(store, tmp_path):
    data, _ = store
    missing = run(data, "letter", "99999", "--kind", "appeal", "-o", str(tmp_path / "x.pdf"))
    assert missing.returncode == 2 and "case 99999 does not exist" in missing.stderr
    assert "Traceback" not in missing.stderr
    nowhere = run(data, "letter", "1", "--kind", "appeal", "-o", "/no/such/dir/x.pdf")
    assert nowhere.returncode == 2 and "does not exist" in nowhere.stderr
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text("country_code,C87\nKZ,yes\n")
    result = run(data, "import-countries", str(bad_csv))
    assert result.returncode == 2 and "missing column(s) C98" in result.stderr


def test_import_verbs(store, tmp_path):
    data, _ = store
    countries = tmp_path / "countries.csv"
    countries.write_text("country_code,name,C87,C98,C105,C135,C151,C154\n"
                         "Guatemala,Guatemala,yes,yes,yes,no,no,no\nKZ,Kazakhstan,maybe,no,no,no,no,no\n")
    result = run(data, "import-countries", str(countries))
    assert result.returncode == 1
    assert "1 created, 0 updated, 1 rejected" in result.stdout
    assert f"{countries}:3 C87: expected yes/no" in result.stderr
    contacts = tmp_path / "contacts.csv"
    contacts.write_text("country_code,role,name,gender,title_en,title_fr,title_de,title_es,email\n"
                        "GT,head_of_state,Ana Example,f,President of Guatemala,,,,p@example.org\n")
    result = run(data, "import-contacts", str(contacts))
    assert result.returncode == 0 and "1 created" in result.stdout
