"""Case summaries for `unionwatch cases` and the case list page."""

from __future__ import annotations

import datetime as dt

from django.db.models import Max

from unionwatch.cases.builder import case_upcoming
from unionwatch.cases.models import Case


def case_rows(today: dt.date | None = None, cases=None) -> list[dict]:
    """One summary per case; `cases` narrows the rows (e.g. to those a user may see)."""
    today = today or dt.date.today()
    rows = []
    cases = (Case.objects.all() if cases is None else cases).prefetch_related("victims", "organizations").annotate(
        last_event=Max("events__date")
    )
    for case in cases.order_by("title"):
        upcoming = case_upcoming(case).filter(date__gte=today).first()
        rows.append({
            "id": case.pk,
            "title": case.title,
            "country": case.country,
            "victims": [{"id": p.pk, "name": p.name, "type": "person"} for p in case.victims.all()]
            + [{"id": o.pk, "name": o.name, "type": "organization"} for o in case.organizations.all()],
            "events": case.events.count(),
            "last_event_date": case.last_event.isoformat() if case.last_event else None,
            "next_deadline": upcoming.date.isoformat() if upcoming else None,
            "next_deadline_what": upcoming.what if upcoming else None,
        })
    return rows
