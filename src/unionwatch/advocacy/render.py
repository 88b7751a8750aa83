"""One entry point for every output format."""

from __future__ import annotations

from unionwatch.advocacy.compose import Draft

MEDIA_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def render(draft: Draft, fmt: str) -> bytes:
    if fmt == "md":
        from unionwatch.advocacy.render_md import render_md

        return render_md(draft).encode("utf-8")
    if fmt == "html":
        from unionwatch.advocacy.render_html import render_html

        return render_html(draft).encode("utf-8")
    if fmt == "pdf":
        from unionwatch.advocacy.render_pdf import render_pdf

        return render_pdf(draft)
    if fmt == "docx":
        from unionwatch.advocacy.render_docx import render_docx

        return render_docx(draft)
    raise ValueError(f"unknown format {fmt!r}")


def filename(draft: Draft, fmt: str) -> str:
    return f"case{draft.case_id}-{draft.kind}-{draft.lang}.{fmt}"
