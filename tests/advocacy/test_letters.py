"""Letters from a hand-built case file: content of every format and language."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from pypdf import PdfReader

from unionwatch.advocacy.compose import ComposeError, compose, demands_for
from unionwatch.advocacy.models import CountryProfile
from unionwatch.advocacy.render import render
from unionwatch.advocacy.render_md import render_md

pytestmark = pytest.mark.django_db
LETTER_DATE = dt.date(2017, 8, 1)


def pdf_text(data: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())  # line breaks fall anywhere in a PDF


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_english_appeal_pdf_has_addressee_cc_date_terms_and_convention(kz_case, examples):
    text = pdf_text(render(compose(kz_case, "appeal", "en", date=LETTER_DATE), "pdf"))
    assert "President of the Republic of Kazakhstan" in text
    assert "cc: Olzhas Bektenov, Prime Minister" in text
    assert "On 25 July 2017, the District Court of Shymkent sentenced Larisa Kharkova" in text
    for term in ("4 years of restriction of movement", "100 hours of forced labour",
                 "a ban on holding office for 5 years"):
        assert term in text
    assert "Convention No. 87" in text and "which Kazakhstan has ratified" in text
    assert "Dear Mr President," in text and "Yours sincerely," in text
    assert "HRD/MD/KZ/" in text and "Brussels, 1 August 2017" in text
    assert "Mireille Dufrasne" in text and "Secrétaire générale" in text  # officers in 4 languages


def test_facts_are_in_date_order_and_cite_their_sources(kz_case, examples):
    draft = compose(kz_case, "appeal", "en", date=LETTER_DATE)
    facts = next(b for b in draft.sections[0].blocks if b.kind == "list").lines
    assert [f.text[:17] for f in facts] == ["On 4 January 2017", "On 25 July 2017, ", "On 14 September 2"]
    assert all(f.notes for f in facts)
    quoted = {n.number: n for n in draft.notes}
    assert "liquidated by a court on 4 January 2017" in quoted[facts[0].notes[0]].quote
    # The arson report is restricted: cited by reference, never quoted.
    arson_note = quoted[facts[2].notes[0]]
    assert arson_note.quote == "" and "confidential" in arson_note.source
    md = render_md(draft)
    assert "[^1]:" in md and "https://example.org/" in md


def test_protected_relative_is_never_named(kz_case, examples):
    for lang in ("en", "fr"):
        for fmt in ("md", "html"):
            out = render(compose(kz_case, "appeal", lang, date=LETTER_DATE), fmt).decode()
            assert "Dmitri" not in out


def test_french_letter_writes_dates_and_salutation_in_french(kz_case, examples):
    draft = compose(kz_case, "appeal", "fr", date=LETTER_DATE)
    text = pdf_text(render(draft, "pdf"))
    assert "25 juillet 2017" in text and "Le 4 janvier 2017" in text
    assert "Monsieur le Président," in text
    assert "Président de la République du Kazakhstan" in text
    assert "4 ans de restriction" in text and "100 heures de travail forcé" in text
    assert "convention (nº 87)" in text
    assert "Brussels, le 1 août 2017" in text


@pytest.mark.parametrize(("lang", "expected"), [
    ("de", ["25. Juli 2017", "Sehr geehrter Herr Präsident,", "Übereinkommen Nr. 87", "100 Stunden Zwangsarbeit"]),
    ("es", ["25 de julio de 2017", "Señor Presidente:", "Convenio núm. 87", "100 horas de trabajo forzoso"]),
])
def test_german_and_spanish_letters(kz_case, examples, lang, expected):
    md = render_md(compose(kz_case, "appeal", lang, date=LETTER_DATE))
    for phrase in expected:
        assert phrase in md
    assert "Dear" not in md and "Yours sincerely" not in md


def test_docx_opens_and_has_the_same_facts(kz_case, examples):
    text = docx_text(render(compose(kz_case, "appeal", "en", date=LETTER_DATE), "docx"))
    assert "President of the Republic of Kazakhstan" in text
    assert "25 July 2017" in text and "100 hours of forced labour" in text
    assert "Convention No. 87" in text and "cc:" in text


def test_html_links_every_footnote(kz_case, examples):
    html = render(compose(kz_case, "appeal", "en", date=LETTER_DATE), "html").decode()
    assert '<sup class="ref"><a href="#note-1">1</a></sup>' in html
    assert 'id="note-1"' in html and "<h1 class=\"subject\">" in html


def test_cfa_complaint_has_what_a_receivable_complaint_needs(kz_case, examples):
    md = render_md(compose(kz_case, "cfa", "en", date=LETTER_DATE))
    assert "Convention No. 87" in md
    for heading in ("The complainant and its standing", "The Government concerned", "The facts",
                    "Conventions and national provisions at issue", "Remedy sought"):
        assert heading in md
    assert "Criminal Code, Article 250" in md  # national provision from the country profile
    assert "Kazakhstan has ratified Conventions C87, C98 and C105" in md
    assert "International Labour Office" in md and "25 July 2017" in md
    assert "restore the registration" in md


def test_press_release_has_dateline_and_no_salutation(kz_case, examples):
    draft = compose(kz_case, "press", "en", date=LETTER_DATE)
    md = render_md(draft)
    assert "Brussels, 1 August 2017 – The International Labour Solidarity Confederation" in md
    assert draft.salutation == "" and "Press contact: press@ilsc.example.org" in md


def test_ratified_conventions_are_obligations_others_principles(kz_case, examples):
    profile = CountryProfile.objects.get(country_code="KZ")
    profile.c87 = False
    profile.save()
    md = render_md(compose(kz_case, "appeal", "en", date=LETTER_DATE))
    assert "which Kazakhstan has ratified" not in md
    assert "the principles of ILO Convention No. 87" in md.lower() or "The principles of ILO Convention No. 87" in md
    assert "Kazakhstan has not ratified it" in md


def test_without_a_country_profile_conventions_are_cited_neutrally(kz_case, examples):
    CountryProfile.objects.filter(country_code="KZ").delete()
    draft = compose(kz_case, "appeal", "en", date=LETTER_DATE)
    md = render_md(draft)
    assert "ILO Convention No. 87 on freedom of association" in md and "ratified" not in md
    assert any("No country profile" in w for w in draft.warnings)


def test_demands_follow_the_violation_types():
    assert demands_for(["deregistration", "asset_freeze"]) == ["restore_registration", "unfreeze_assets"]
    assert "release" in demands_for(["arrest"]) and "drop_charges" in demands_for(["arrest"])
    assert demands_for(["ban_from_office", "travel_restriction"]) == ["lift_bans"]
    assert demands_for(["other"]) == []


def test_bad_kind_or_language_is_refused(kz_case, examples):
    with pytest.raises(ComposeError, match="unknown kind"):
        compose(kz_case, "tweet", "en")
    with pytest.raises(ComposeError, match="unknown language"):
        compose(kz_case, "appeal", "ru")


def test_missing_directory_entry_is_a_warning_in_the_users_language(kz_case, examples):
    from unionwatch.advocacy.models import GovernmentContact

    GovernmentContact.objects.filter(country_code="KZ").delete()
    draft = compose(kz_case, "appeal", "fr", date=LETTER_DATE)
    assert draft.addressee_lines == [] and draft.cc == []
    assert draft.salutation == "Excellence,"
    assert any("No government contact for Kazakhstan" in w for w in draft.warnings)
