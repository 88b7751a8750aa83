"""Word rendering with python-docx: A4, the same letterhead and structure as the PDF."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor

from unionwatch.advocacy.compose import Draft, Line

ACCENT = RGBColor(0xB3, 0x26, 0x1E)
MUTED = RGBColor(0x55, 0x55, 0x55)


def render_docx(draft: Draft) -> bytes:
    doc = Document()
    _page_setup(doc)
    _letterhead(doc, draft)
    _head(doc, draft)
    for section in draft.sections:
        if section.heading:
            doc.add_heading(section.heading, level=2)
        for block in section.blocks:
            for line in block.lines:
                style = "List Bullet" if block.kind == "list" else None
                _line(doc.add_paragraph(style=style), line)
    if draft.valediction:
        doc.add_paragraph(draft.valediction)
        signer = doc.add_paragraph()
        signer.paragraph_format.space_before = Pt(28)
        signer.add_run(draft.signatory[0]).bold = True
        signer.add_run(f"\n{draft.signatory[1]}\n{draft.sender.name}")
    _notes(doc, draft)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _page_setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(22), Mm(20)
    section.top_margin, section.bottom_margin = Mm(18), Mm(20)
    normal = doc.styles["Normal"]
    normal.font.name = "DejaVu Serif"
    normal.font.size = Pt(10.5)


def _letterhead(doc, draft: Draft) -> None:
    s = draft.sender
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    title = left.paragraphs[0].add_run(s.acronym or s.name)
    title.bold, title.font.size, title.font.color.rgb = True, Pt(22), ACCENT
    left.add_paragraph(s.name)
    contact = right.paragraphs[0]
    contact.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = contact.add_run("\n".join([*s.address_lines, s.contact_line]))
    run.font.size, run.font.color.rgb = Pt(7.5), MUTED
    if s.officers:
        officers = doc.add_table(rows=1, cols=len(s.officers))
        for cell, (name, titles) in zip(officers.rows[0].cells, s.officers, strict=True):
            para = cell.paragraphs[0]
            para.add_run(name).bold = True
            para.add_run("\n" + "\n".join(titles))
            for r in para.runs:
                r.font.size = Pt(7.5)
    label = doc.add_paragraph()
    label.paragraph_format.space_before = Pt(12)
    run = label.add_run(draft.doc_label.upper())
    run.bold, run.font.size, run.font.color.rgb = True, Pt(8), ACCENT


def _head(doc, draft: Draft) -> None:
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    for i, text in enumerate(draft.addressee_lines):
        run = (left.paragraphs[0] if i == 0 else left.add_paragraph()).add_run(text)
        run.bold = i == 0
    ref = right.paragraphs[0]
    ref.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    ref.add_run(f"{draft.reference}\n{draft.place_date}")
    if draft.cc:
        cc = doc.add_paragraph()
        cc.add_run(draft.cc_label + " ").bold = True
        cc.add_run("; ".join(draft.cc))
    if draft.emails:
        doc.add_paragraph("e-mail: " + ", ".join(draft.emails))
    subject = doc.add_paragraph()
    subject.paragraph_format.space_before = Pt(10)
    run = subject.add_run(draft.subject)
    run.bold, run.font.size = True, Pt(13 if draft.kind == "press" else 11.5)
    if draft.salutation:
        doc.add_paragraph(draft.salutation)


def _line(paragraph, line: Line) -> None:
    paragraph.add_run(line.text)
    if line.notes:
        ref = paragraph.add_run(",".join(str(n) for n in line.notes))
        ref.font.superscript = True
        ref.font.color.rgb = ACCENT


def _notes(doc, draft: Draft) -> None:
    if not draft.notes:
        return
    doc.add_heading(draft.notes_heading, level=2)
    for note in draft.notes:
        para = doc.add_paragraph()
        run = para.add_run(f"{note.number}. {note.source}")
        run.font.size = Pt(8)
        if note.quote:
            quote = para.add_run(f"\n“{note.quote}”")
            quote.italic, quote.font.size = True, Pt(8)
