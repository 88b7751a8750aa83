"""Deadlines, alerts and the iCal feeds."""

from __future__ import annotations

import datetime as dt
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from unionwatch.accounts.permissions import editor_required, visible_cases
from unionwatch.accounts.tokens import user_for_token
from unionwatch.monitoring.deadlines import deadlines_for
from unionwatch.monitoring.ical import calendar
from unionwatch.monitoring.models import Alert


def _visible_deadlines(request: HttpRequest, case=None, since=None):
    return deadlines_for(request.user, case=case, since=since)


@login_required
def deadline_list(request: HttpRequest) -> HttpResponse:
    show_past = request.GET.get("past") == "1"
    today = dt.date.today()
    items = _visible_deadlines(request, since=None if show_past else today)
    return render(request, "unionwatch/deadlines.html", {
        "items": items, "today": today, "show_past": show_past,
    })


def _ics(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar_login(view):
    """Calendar apps cannot log in: besides the session, accept a calendar token as
    `?token=` (revocable, feeds only: `unionwatch token create USER --calendar`), and
    answer 401 to anyone else. API tokens are refused here: they must not sit in URLs."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            user = user_for_token(request.GET.get("token", ""), scope="calendar")
            if user is None:
                if "token" in request.GET:
                    return HttpResponse("invalid or revoked token\n", status=401,
                                        content_type="text/plain")
                return redirect_to_login(request.get_full_path())
            request.user = user
        return view(request, *args, **kwargs)

    return wrapper


@calendar_login
def deadlines_ics(request: HttpRequest) -> HttpResponse:
    return _ics(calendar(_visible_deadlines(request), "unionwatch deadlines"), "deadlines.ics")


@calendar_login
def case_ics(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(visible_cases(request.user), pk=pk)
    return _ics(calendar(_visible_deadlines(request, case=case), case.title), f"case-{pk}.ics")


@login_required
def alert_list(request: HttpRequest) -> HttpResponse:
    alerts = (Alert.objects.filter(case__in=visible_cases(request.user))
              .select_related("case", "event", "acknowledged_by"))
    if request.GET.get("all") != "1":
        alerts = alerts.filter(acknowledged_at=None)
    return render(request, "unionwatch/alerts.html", {
        "alerts": alerts[:500], "show_all": request.GET.get("all") == "1",
    })


@require_POST
@editor_required
def alert_acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    Alert.objects.filter(pk=pk, acknowledged_at=None).update(
        acknowledged_at=timezone.now(), acknowledged_by=request.user)
    return redirect("alert-list")
