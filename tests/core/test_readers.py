"""The file readers: every supported format, legacy encodings, and a hostile corpus.

All inputs are written at test time into tmp_path; the texts are written for these tests.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import resource
import time
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.core.hostile import make_hostile_corpus, make_readable_oddities, minimal_pdf
from unionwatch.core import ReadError, iter_input_files, read_path
from unionwatch.core.readers import limits
from unionwatch.core.readers.eml import safe_label
from unionwatch.core.readers.frontmatter import normalize_date
from unionwatch.core.readers.html import html_to_text

HEADER = (
    "---\n"
    "source_url: https://example.org/news/union-chair-sentenced\n"
    "title: Northland: Union Chair Sentenced, Federation Appeals\n"
    "published: 2019-07-19\n"
    "kind: press_release\n"
    "country: Northland\n"
    "language: en\n"
    "confidentiality: internal\n"
    "---\n"
)
BODY = (
    "Northland: Union Chair Sentenced\n\n"
    "On 18 July 2019 a district court sentenced Anna Example, chair of the Northland "
    "Federation of Miners, to four years of restricted freedom.\n"
)

ARTICLE_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Dockworkers' leader detained | Example Daily</title>
<meta property="article:published_time" content="2021-03-04">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/subscribe">Subscribe to our newsletter</a></li></ul></nav>
<article>
<h1>Dockworkers' leader detained</h1>
<p>The chair of the Eastport Dockworkers Union, Maria Example, was detained by police on
3 March 2021 after a meeting with members about unpaid wages at the container terminal.</p>
<p>The union said the arrest was an attempt to break the strike. Her lawyer has not been
allowed to see her, and a court hearing is scheduled for 10 March.</p>
<p>International federations called for her immediate release and for all charges to be
dropped, saying that organising a strike is not a crime.</p>
</article>
<footer><p>Copyright 2021 Example Daily. All rights reserved. Privacy policy.</p></footer>
</body></html>
"""


def write(path: Path, data: str | bytes) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def assert_one_line_error(error: ReadError, path: Path, reason: str) -> None:
    message = str(error)
    assert "\n" not in message and "Traceback" not in message
    assert path.name in message
    assert reason in message, message


# --- plain text and front matter -------------------------------------------------------


def test_txt_front_matter_is_metadata_and_offsets_start_after_it(tmp_path: Path) -> None:
    path = write(tmp_path / "sentence.txt", HEADER + BODY)
    doc = read_path(path)
    assert doc.text == BODY  # the header is not text: offset 0 is the first body character
    start = doc.text.index("Anna Example")
    assert doc.text[start : start + len("Anna Example")] == "Anna Example"
    meta = doc.meta
    assert meta.title == "Northland: Union Chair Sentenced, Federation Appeals"
    assert meta.date == "2019-07-19"
    assert meta.kind == "press_release"
    assert meta.country == "Northland"
    assert meta.source_url == "https://example.org/news/union-chair-sentenced"
    assert meta.language == "en"
    assert meta.path == str(path)
    assert meta.media_type == "text/plain"
    assert doc.raw == (HEADER + BODY).encode()
    assert meta.sha256 == hashlib.sha256(doc.raw).hexdigest()


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2019-07-19", "2019-07-19"), ("2022-04", "2022-04"), ("2015", "2015"),
     ("unknown", None), ("", None), ("2020-13-01", None), ("2018-09-21T10:00:00Z", "2018-09-21")],
)  # fmt: skip
def test_published_forms(tmp_path: Path, published: str, expected: str | None) -> None:
    assert normalize_date(published) == expected
    doc = read_path(write(tmp_path / "a.md", f"---\npublished: {published}\n---\nText.\n"))
    assert doc.meta.date == expected


def test_header_with_crlf_and_bom_still_counts_from_the_body(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + (HEADER + BODY).replace("\n", "\r\n").encode()
    doc = read_path(write(tmp_path / "windows.txt", data))
    assert doc.text == BODY
    assert doc.meta.kind == "press_release"


def test_markdown_without_header_takes_title_from_first_line(tmp_path: Path) -> None:
    text = "\n\n# Federation demands release of   strike leaders\n\nThe federation wrote.\n"
    doc = read_path(write(tmp_path / "note.md", text))
    assert doc.text == text
    assert doc.meta.title == "Federation demands release of strike leaders"
    assert doc.meta.media_type == "text/markdown"
    assert doc.meta.kind == "other" and doc.meta.date is None


def test_a_horizontal_rule_is_not_a_header(tmp_path: Path) -> None:
    text = "---\nThis is prose, not a header at all.\n---\nMore prose.\n"
    assert read_path(write(tmp_path / "rule.md", text)).text == text


def test_long_first_line_title_is_trimmed(tmp_path: Path) -> None:
    doc = read_path(write(tmp_path / "long.txt", "word " * 200))
    assert 100 < len(doc.meta.title) <= 201


# --- encodings -------------------------------------------------------------------------

RUSSIAN = (
    "Профсоюз работников нефтяной отрасли заявил о давлении на своих членов.\n"
    "Председателя профсоюза задержали у проходной предприятия «Северный Нефтегаз».\n"
)


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1251", RUSSIAN),
        ("koi8_r", RUSSIAN.replace("«", '"').replace("»", '"')),
        (
            "cp1252",
            "Le syndicat dénonce l'arrestation de son secrétaire général — «inacceptable».\n",
        ),
        (
            "latin-1",
            "Der Gewerkschaftsführer wurde in Düsseldorf festgenommen; die Behörden schweigen.\n",
        ),
        ("cp1250", "Związek zawodowy potępił zatrzymanie przewodniczącego. Władze milczą.\n"),
        ("cp1254", "Sendika başkanı gözaltına alındı; işçiler grev yaptı.\n"),
        ("utf-8", "Қазақстан кәсіподақтар конфедерациясы жабылды.\n"),
    ],
)
def test_legacy_encodings_decode_to_the_right_text(
    tmp_path: Path, encoding: str, text: str
) -> None:
    doc = read_path(write(tmp_path / f"{encoding}.txt", text.encode(encoding)))
    assert doc.text == text


def test_cp1251_with_crlf_and_header(tmp_path: Path) -> None:
    data = ("---\ntitle: Давление на профсоюз\ncountry: Россия\n---\n" + RUSSIAN).replace(
        "\n", "\r\n"
    )
    doc = read_path(write(tmp_path / "ru.txt", data.encode("cp1251")))
    assert doc.text == RUSSIAN
    assert doc.meta.title == "Давление на профсоюз"
    assert doc.meta.country == "Россия"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(tmp_path: Path, encoding: str) -> None:
    text = "Union statement\r\nПрофсоюз заявляет протест.\r\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    doc = read_path(write(tmp_path / "wide.txt", data))
    assert doc.text == "Union statement\nПрофсоюз заявляет протест.\n"


def test_utf16_without_bom(tmp_path: Path) -> None:
    text = "The union leader was released on bail.\n"
    assert read_path(write(tmp_path / "le.txt", text.encode("utf-16-le"))).text == text


# --- HTML ------------------------------------------------------------------------------


def test_html_keeps_the_article_and_drops_navigation(tmp_path: Path) -> None:
    doc = read_path(write(tmp_path / "page.html", ARTICLE_HTML))
    assert "Maria Example, was detained by police" in doc.text
    assert "a court hearing is scheduled for 10 March" in doc.text
    assert "Subscribe to our newsletter" not in doc.text
    assert "All rights reserved" not in doc.text
    assert doc.meta.title.startswith("Dockworkers' leader detained")
    assert doc.meta.date == "2021-03-04"
    assert doc.meta.media_type == "text/html"


def test_html_in_a_legacy_charset(tmp_path: Path) -> None:
    page = ARTICLE_HTML.replace('charset="utf-8"', 'charset="windows-1251"').replace(
        "Maria Example", "Мария Пример"
    )
    doc = read_path(write(tmp_path / "ru.htm", page.encode("cp1251")))
    assert "Мария Пример" in doc.text


def test_html_fallback_strips_tags_when_no_main_text(tmp_path: Path) -> None:
    page = "<html><body><p>Strike&nbsp;ends.</p><script>var x = '<p>no</p>';</script></body></html>"
    doc = read_path(write(tmp_path / "tiny.html", page))
    assert "Strike" in doc.text and "ends." in doc.text
    assert "var x" not in doc.text


def test_tag_stripper_blocks_and_entities() -> None:
    text = html_to_text(
        "<h1>Title</h1><p>One &amp; two<br>three</p><!-- hidden --><style>p{}</style>"
    )
    assert text == "Title\n\nOne & two\nthree"


@pytest.mark.parametrize(
    "hostile", ["<!--" * 200_000, "<a" * 200_000, "<" * 500_000, "<p>Union " * 200_000]
)
def test_html_pathological_markup_is_read_in_linear_time(tmp_path: Path, hostile: str) -> None:
    path = write(tmp_path / "odd.html", "<p>Known text</p>" + hostile)
    started = time.monotonic()
    try:
        read_path(path)
    except ReadError as error:
        assert_one_line_error(error, path, "")
    assert time.monotonic() - started < 15


# --- PDF, DOCX, EML --------------------------------------------------------------------


def test_pdf_made_with_weasyprint(tmp_path: Path) -> None:
    weasyprint = pytest.importorskip("weasyprint")
    path = tmp_path / "appeal.pdf"
    weasyprint.HTML(
        string="<h1>Urgent appeal</h1><p>The federation calls for the release of the "
        "imprisoned union organiser Tomas Example.</p><p style='page-break-before: always'>"
        "Second page: the hearing is set for 2 May.</p>"
    ).write_pdf(path)
    doc = read_path(path)
    assert "Urgent appeal" in doc.text
    assert "release of the imprisoned union organiser Tomas Example" in " ".join(doc.text.split())
    assert "Second page" in doc.text
    assert doc.meta.title == "Urgent appeal"
    assert doc.meta.media_type == "application/pdf"


def test_handmade_pdf(tmp_path: Path) -> None:
    doc = read_path(write(tmp_path / "tiny.pdf", minimal_pdf("Strike committee statement")))
    assert doc.text == "Strike committee statement"


def test_docx_paragraphs_tables_and_core_properties(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Letter of protest", level=1)
    document.add_paragraph("We protest against the dismissal of twelve union members.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Name"
    table.cell(0, 1).text = "Position"
    table.cell(1, 0).text = "Ivan Example"
    table.cell(1, 1).text = "Treasurer"
    document.add_paragraph("Signed by the general secretary.")
    document.core_properties.title = "Protest letter to the Ministry of Labour"
    document.core_properties.created = dt.datetime(2020, 5, 17, 9, 30)
    path = tmp_path / "letter.docx"
    document.save(path)

    doc = read_path(path)
    assert doc.text.index("Letter of protest") < doc.text.index("Ivan Example | Treasurer")
    assert doc.text.index("Treasurer") < doc.text.index("Signed by the general secretary.")
    assert doc.meta.title == "Protest letter to the Ministry of Labour"
    assert doc.meta.date == "2020-05-17"


def test_eml_body_and_a_path_traversal_attachment_name(tmp_path: Path) -> None:
    message = EmailMessage()
    message["From"] = "Federation <office@example.org>"
    message["To"] = "desk@example.org"
    message["Subject"] = "Urgent: organiser arrested in Southport"
    message["Date"] = "Tue, 14 Sep 2021 10:15:00 +0200"
    message.set_content("Dear colleagues,\n\nour organiser was arrested this morning.\n")
    message.add_attachment(
        b"Timeline: arrested at 7:00, released at 19:00.\n",
        maintype="text", subtype="plain", filename="../../evil.txt",
    )  # fmt: skip
    message.add_attachment(b"%PDF-1.4 binary", maintype="application", subtype="pdf",
                           filename="scan.pdf")  # fmt: skip
    before = sorted(p.name for p in tmp_path.parent.iterdir())
    doc = read_path(write(tmp_path / "alert.eml", message.as_bytes()))

    assert doc.text.startswith("Dear colleagues,\n\nour organiser was arrested this morning.")
    assert "--- Attachment: evil.txt ---" in doc.text
    assert "Timeline: arrested at 7:00, released at 19:00." in doc.text
    assert doc.meta.attachments == ["evil.txt", "scan.pdf"]
    assert doc.meta.title == "Urgent: organiser arrested in Southport"
    assert doc.meta.date == "2021-09-14"
    assert doc.meta.media_type == "message/rfc822"
    assert sorted(p.name for p in tmp_path.parent.iterdir()) == before  # nothing written


def test_eml_html_only_body(tmp_path: Path) -> None:
    message = EmailMessage()
    message["Subject"] = "Solidarity"
    message.set_content("<html><body><p>We stand with the <b>strikers</b>.</p></body></html>",
                        subtype="html")  # fmt: skip
    doc = read_path(write(tmp_path / "html.eml", message.as_bytes()))
    assert doc.text == "We stand with the strikers."


@pytest.mark.parametrize(
    ("name", "label"),
    [("../../etc/passwd", "passwd"), ("..\\..\\boot.ini", "boot.ini"), ("", "attachment-3"),
     ("..", "attachment-3"), ("a\nb.txt", "ab.txt"), (".hidden", "hidden")],
)  # fmt: skip
def test_attachment_labels_are_sanitised(name: str, label: str) -> None:
    assert safe_label(name, 3) == label


# --- the hostile corpus ----------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("hostile")
    return folder, make_hostile_corpus(folder)


def test_hostile_corpus_gives_one_line_read_errors(
    hostile: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(limits.ENV_MAX_FILE_MB, raising=False)
    folder, expected = hostile
    read_path(write(folder.parent / "warm-up.html", ARTICLE_HTML))  # load the libraries first
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    for name, reason in expected.items():
        path = folder / name
        started = time.monotonic()
        with pytest.raises(ReadError) as caught:
            read_path(path)
        assert_one_line_error(caught.value, path, reason)
        assert caught.value.reason in str(caught.value)
        assert time.monotonic() - started < 10, name
    growth_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - baseline) / 1024
    assert growth_mb < 300


def test_readable_oddities_still_give_text(tmp_path: Path) -> None:
    for name, fragment in make_readable_oddities(tmp_path).items():
        assert fragment in read_path(tmp_path / name).text, name


def test_size_limit_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "medium.txt", "union " * 50_000)  # 300 KB
    monkeypatch.setenv(limits.ENV_MAX_FILE_MB, "0.1")
    with pytest.raises(ReadError) as caught:
        read_path(path)
    assert_one_line_error(caught.value, path, "file is 0.29 MB, over the 0.1 MB limit")
    monkeypatch.setenv(limits.ENV_MAX_FILE_MB, "1")
    assert read_path(path).text.startswith("union")


def test_docx_limit_is_a_module_constant(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docx = pytest.importorskip("docx")
    path = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_paragraph("Short.")
    document.save(path)
    monkeypatch.setattr(limits, "MAX_DOCX_UNCOMPRESSED_MB", 0.1)
    with pytest.raises(ReadError) as caught:
        read_path(path)
    assert_one_line_error(caught.value, path, "docx expands beyond the 0.1 MB limit (zip bomb?)")


def test_file_name_with_a_newline_keeps_the_error_on_one_line(tmp_path: Path) -> None:
    path = write(tmp_path / "two\nlines.txt", b"")
    with pytest.raises(ReadError) as caught:
        read_path(path)
    assert "\n" not in str(caught.value) and "empty file" in str(caught.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file or directory"):
        read_path(tmp_path / "missing.txt")
    with pytest.raises(ReadError, match="is a directory"):
        read_path(tmp_path)


def test_library_exceptions_never_escape(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from unionwatch.core import readers

    def explode(raw: bytes, meta: object) -> str:
        raise ValueError("boom\nwith a second line")

    monkeypatch.setitem(readers._READERS, "text/plain", explode)
    path = write(tmp_path / "x.txt", "text")
    with pytest.raises(ReadError) as caught:
        read_path(path)
    assert_one_line_error(
        caught.value, path, "could not read (ValueError: boom with a second line)"
    )


def test_damaged_docx_member(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<not-closed")
    with pytest.raises(ReadError) as caught:
        read_path(path)
    assert_one_line_error(caught.value, path, "docx")


def test_files_without_extension_are_sniffed(tmp_path: Path) -> None:
    assert read_path(write(tmp_path / "LETTER", "Dear Minister,\nwe write.\n")).meta.media_type == (
        "text/plain"
    )
    pdf = read_path(write(tmp_path / "scan", minimal_pdf("Sniffed PDF")))
    assert pdf.meta.media_type == "application/pdf" and pdf.text == "Sniffed PDF"


# --- iter_input_files ------------------------------------------------------------------


def test_iter_input_files_walks_folders_in_sorted_order(tmp_path: Path) -> None:
    for name in [
        "b.txt",
        "a.md",
        "sub/c.html",
        "sub/deeper/d.pdf",
        "z.eml",
        "y.docx",
        "ignored.xyz",
        ".hidden.txt",
        ".git/config.txt",
        "~$lock.docx",
        "sub/e.HTM",
    ]:
        target = tmp_path / "in" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("x")  # fmt: skip
    single = write(tmp_path / "single.odd", "x")
    found = list(iter_input_files([single, tmp_path / "in"]))
    relative = [p.relative_to(tmp_path).as_posix() for p in found]
    assert relative == [
        "single.odd", "in/a.md", "in/b.txt", "in/sub/c.html", "in/sub/deeper/d.pdf",
        "in/sub/e.HTM", "in/y.docx", "in/z.eml",
    ]  # fmt: skip


def test_iter_input_files_missing_path(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as caught:
        iter_input_files([tmp_path / "nowhere"])
    assert str(caught.value).endswith("nowhere: no such file or directory")
