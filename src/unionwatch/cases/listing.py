"""Case summaries for `unionwatch cases` and the case list page."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Max, Q

from unionwatch.cases.models import Case


def case_rows(today: dt.date | None = None, cases=None, user=None) -> list[dict]:
    """One summary per case; `cases` narrows the rows (e.g. to those a user may see);
    with `user`, the next deadline is one stated in a source that user may see."""
    from unionwatch.monitoring.deadlines import deadlines, deadlines_for

    today = today or dt.date.today()
    rows = []
    cases = (Case.objects.all() if cases is None else cases).prefetch_related(
        "victims", "organizations").annotate(
        last_event=Max("events__date"),
        open_alerts=Count("alerts", filter=Q(alerts__acknowledged_at=None), distinct=True),
    )
    for case in cases.order_by("title"):
        # Hearings, appeals and the computed end of sentences alike.
        ahead = (deadlines_for(user, case=case, since=today) if user is not None
                 else deadlines(case=case, since=today))
        upcoming = ahead[0] if ahead else None
        rows.append({
            "id": case.pk,
            "title": case.title,
            "country": case.country,
            "victims": [{"id": p.pk, "name": p.name, "type": "person"} for p in case.victims.all()]
            + [{"id": o.pk, "name": o.name, "type": "organization"} for o in case.organizations.all()],
            "events": case.events.count(),
            "last_event_date": case.last_event.isoformat() if case.last_event else None,
            "next_deadline": upcoming.date.isoformat() if upcoming else None,
            # Without the person's name: the row may be shown with protected names redacted.
            "next_deadline_what": upcoming.what if upcoming else None,
            "open_alerts": case.open_alerts,
        })
    return rows
