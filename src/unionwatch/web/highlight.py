"""Cut a document's text into flat segments, each tagged with the facts that cover it.

Spans of different facts overlap (a name inside an event sentence), so instead of
nesting tags the text is split at every span boundary; each piece carries the CSS
classes of all the spans that cover it. The template renders one <span> per piece.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from unionwatch.facts.models import Evidence

_KIND_CLASS = {
    "person": "hl-person",
    "organization": "hl-org",
    "place": "hl-place",
    "event": "hl-event",
    "courtdecision": "hl-decision",
    "upcoming": "hl-upcoming",
}


@dataclass
class Segment:
    text: str
    classes: list[str] = field(default_factory=list)
    anchor: str = ""
    title: str = ""


def highlight_segments(text: str, evidence: list[Evidence], selected: int | None = None) -> list[Segment]:
    spans = []
    for ev in evidence:
        start, end = max(0, ev.start), min(len(text), ev.end)
        if end <= start:
            continue
        css = _KIND_CLASS.get(ev.content_type.model, "hl-other")
        spans.append((start, end, css, ev.pk))
    cuts = sorted({0, len(text), *[s for s, _, _, _ in spans], *[e for _, e, _, _ in spans]})
    segments: list[Segment] = []
    anchored = False
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in spans if s[0] <= left and s[1] >= right]
        classes = sorted({css for _, _, css, _ in covering})
        is_selected = selected is not None and any(pk == selected for *_, pk in covering)
        if is_selected:
            classes.append("hl-selected")
        segment = Segment(text=text[left:right], classes=classes)
        if is_selected and not anchored:
            segment.anchor = "selected"
            anchored = True
        if covering:
            segment.title = ", ".join(sorted({c.removeprefix("hl-") for c in classes if c != "hl-selected"}))
        segments.append(segment)
    return segments
