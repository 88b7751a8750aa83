"""Markdown rendering of a draft: plain text a person can paste anywhere."""

from __future__ import annotations

from unionwatch.advocacy.compose import Draft, Line


def refs(line: Line) -> str:
    return "".join(f"[^{n}]" for n in line.notes)


def render_md(draft: Draft) -> str:
    out: list[str] = []
    s = draft.sender
    out.append(f"**{s.name}**" + (f" ({s.acronym})" if s.acronym else ""))
    out += [f"{line}  " for line in s.address_lines]
    if s.contact_line:
        out.append(s.contact_line)
    out.append("")
    for name, titles in s.officers:
        out.append(f"**{name}** — {' / '.join(titles)}  ")
    out.append("")
    if draft.addressee_lines:
        out += [f"{line}  " for line in draft.addressee_lines]
        out.append("")
    if draft.cc:
        out.append(f"{draft.cc_label} {'; '.join(draft.cc)}")
        out.append("")
    if draft.emails:
        out.append("e-mail: " + ", ".join(draft.emails))
        out.append("")
    out.append(f"{draft.reference}  ")
    out.append(draft.place_date)
    out.append("")
    out.append(f"# {draft.subject}" if draft.kind == "press" else f"**{draft.subject}**")
    out.append("")
    if draft.salutation:
        out += [draft.salutation, ""]
    for section in draft.sections:
        if section.heading:
            out += [f"## {section.heading}", ""]
        for block in section.blocks:
            if block.kind == "list":
                out += [f"- {line.text}{refs(line)}" for line in block.lines]
            else:
                out += [f"{line.text}{refs(line)}" for line in block.lines]
            out.append("")
    if draft.valediction:
        out += [draft.valediction, "", ""]
    name, title = draft.signatory
    if name and draft.kind != "press":
        out += [f"**{name}**  ", title, ""]
    if draft.notes:
        out += [f"## {draft.notes_heading}", ""]
        for note in draft.notes:
            quote = f" — “{note.quote}”" if note.quote else ""
            out.append(f"[^{note.number}]: {note.source}{quote}")
        out.append("")
    return "\n".join(out)
