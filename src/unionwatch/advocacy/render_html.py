"""HTML rendering of a draft (also the source of the PDF)."""

from __future__ import annotations

from pathlib import Path

from django.template.loader import render_to_string

from unionwatch.advocacy.compose import Draft

CSS_PATH = Path(__file__).parent / "templates" / "advocacy" / "letter.css"


def render_html(draft: Draft) -> str:
    return render_to_string("advocacy/letter.html", {"draft": draft, "css": CSS_PATH.read_text()})
