"""A corpus of hostile and broken input files, generated at test time (nothing is stored).

`make_hostile_corpus(folder)` writes files that every reader must refuse with a
`ReadError` whose one-line message contains the expected reason, quickly and with
bounded memory. `make_readable_oddities(folder)` writes damaged-but-readable files that
must still give text. Both return {file name: expected substring}; the CLI tests reuse them.

The size-limit case assumes the default 25 MB limit (no UNIONWATCH_MAX_FILE_MB override).
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

ZIP_BOMB_MB = 200
BIG_FILE_MB = 50
NESTED_DIVS = 100_000


def make_hostile_corpus(folder: str | Path) -> dict[str, str]:
    """Write the hostile files into `folder`; return {name: expected reason substring}."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20240611)
    expected: dict[str, str] = {}

    def put(name: str, data: bytes, reason: str) -> None:
        (folder / name).write_bytes(data)
        expected[name] = reason

    put("random-bytes.pdf", b"\x89RND" + rng.randbytes(64 * 1024), "not a PDF (bad header)")
    pdf = minimal_pdf("The union condemns the dismissal of its elected leaders.")
    put("truncated.pdf", pdf[: len(pdf) // 3], "truncated or damaged PDF")
    put("scanned.pdf", minimal_pdf(None), "no text layer (scanned PDF?)")
    put("not-a-zip.docx", b"This is not a zip archive at all.\n" * 20,
        "docx is not a valid zip archive")  # fmt: skip
    write_zip_bomb(folder / "zip-bomb.docx", ZIP_BOMB_MB)
    expected["zip-bomb.docx"] = "docx expands beyond the 50 MB limit (zip bomb?)"
    write_ratio_bomb(folder / "ratio-bomb.docx")
    expected["ratio-bomb.docx"] = "(zip bomb?)"
    _write_zip(folder / "no-document.docx", {"hello.txt": b"not a word document"})
    expected["no-document.docx"] = "not a Word document"
    nested = "<html><body>" + "<div>" * NESTED_DIVS + "deep" + "</div>" * NESTED_DIVS
    put("deeply-nested.html", nested.encode(), "HTML nested too deeply")
    write_sparse(folder / "huge.txt", BIG_FILE_MB)
    expected["huge.txt"] = f"file is {BIG_FILE_MB} MB, over the 25 MB limit"
    put("binary-garbage.txt", rng.randbytes(32 * 1024), "binary data, not text")
    put("nul-bytes.md", b"\x00" * 4096, "binary data, not text")
    put("empty.txt", b"", "empty file")
    put("blank.md", b" \n\n\t \r\n", "no text found")
    put("header-only.md", b"---\ntitle: Only a header\n---\n", "no text found")
    put("unsupported.xyz", b"some content", "unsupported file type .xyz")
    put("many-parts.eml", _many_part_email(5000), "email has over 1000 MIME parts")
    put("headers-only.eml", b"From: a@example.org\nSubject: Nothing\n\n", "no text found")
    return expected


def make_readable_oddities(folder: str | Path) -> dict[str, str]:
    """Damaged but readable files; return {name: substring the text must contain}."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "invalid-utf8.txt": (
            b"Union statement: the strike continues.\n"
            b"Broken bytes follow: \xc3\x28 \xa0\xa1 \xf0\x28\x8c\x28 and the text goes on.\n"
            + "Grève générale à l’usine.\n".encode()
        ),
        "crlf-bom.txt": b"\xef\xbb\xbfFirst line of the letter\r\nSecond line\r\n",
        "mac-newlines.md": b"# Title\rThe federation protests.\r",
    }
    expected = {
        "invalid-utf8.txt": "the text goes on",
        "crlf-bom.txt": "First line of the letter\nSecond line",
        "mac-newlines.md": "The federation protests.",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return expected


def minimal_pdf(text: str | None) -> bytes:
    """A one-page PDF with `text` in Helvetica, or with no text at all (like a scan)."""
    content = b""
    if text:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        content = b"BT /F1 12 Tf 72 720 Td (" + escaped.encode("latin-1") + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _many_part_email(parts: int) -> bytes:
    """Thousands of tiny attachments: the email package parses ~1 ms per part."""
    lines = [
        b"From: a@example.org\nSubject: parts\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/mixed; boundary="X"\n\n'
    ]
    for number in range(parts):
        lines.append(b"--X\nContent-Type: text/plain\n\npart %d\n" % number)
    lines.append(b"--X--\n")
    return b"".join(lines)


def write_zip_bomb(path: Path, megabytes: int) -> None:
    """A .docx-shaped zip whose document.xml inflates to `megabytes` of zeros, written in
    1 MB chunks so building it costs no memory (the file itself is ~200 KB)."""
    chunk = b"\x00" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        with archive.open("word/document.xml", "w") as member:
            for _ in range(megabytes):
                member.write(chunk)


def write_ratio_bomb(path: Path) -> None:
    """Under the size limit, but one part compresses 1000:1: no real document does that."""
    _write_zip(
        path,
        {
            "[Content_Types].xml": _CONTENT_TYPES,
            "word/document.xml": _DOCUMENT_XML,
            "word/media/padding.bin": b"\x00" * (20 * 1024 * 1024),
        },
    )


def write_sparse(path: Path, megabytes: int) -> None:
    """A big file that takes no disk space and no time to write."""
    with path.open("wb") as handle:
        handle.truncate(megabytes * 1024 * 1024)


def _write_zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
)
_DOCUMENT_XML = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>"
)
