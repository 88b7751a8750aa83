"""PDF rendering with WeasyPrint: A4, letterhead, page numbers."""

from __future__ import annotations

from unionwatch.advocacy.compose import Draft
from unionwatch.advocacy.render_html import render_html


def render_pdf(draft: Draft) -> bytes:
    from weasyprint import HTML  # imported late: loading it takes a moment

    return HTML(string=render_html(draft)).write_pdf()
