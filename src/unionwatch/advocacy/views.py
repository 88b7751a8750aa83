"""Pages: letter drafting on a case, the government directory, country profiles with
their suggested rating."""

from __future__ import annotations

import datetime as dt
import mimetypes
import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from unionwatch.accounts.permissions import (
    can_edit,
    can_see_restricted,
    editor_required,
    get_case_for,
)
from unionwatch.actions.models import Intervention
from unionwatch.advocacy.compose import ComposeError, compose
from unionwatch.advocacy.forms import (
    ContactForm,
    CountryProfileForm,
    CsvForm,
    FollowUpForm,
    LetterForm,
)
from unionwatch.advocacy.importer import ImportError_, import_contacts, import_countries
from unionwatch.advocacy.models import CountryProfile, GovernmentContact
from unionwatch.advocacy.rating import bar_chart, compute_rating
from unionwatch.advocacy.render import MEDIA_TYPES, filename
from unionwatch.advocacy.render import render as render_draft
from unionwatch.facts.models import Evidence

# --- letters ---------------------------------------------------------------------------


@editor_required
def letter(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the form and an HTML preview. POST: download, or record as sent."""
    case = get_case_for(request, pk)
    form = LetterForm(request.POST or request.GET or None)
    draft = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            draft = compose(case, data["kind"], data["lang"], date=data["date"])
        except ComposeError as exc:
            messages.error(request, str(exc))
            return redirect("advocacy-letter", pk=pk)
        if request.method == "POST":
            content = render_draft(draft, data["format"])
            if request.POST.get("action") == "record":
                return _record(request, case, draft, data, content)
            response = HttpResponse(content, content_type=MEDIA_TYPES[data["format"]])
            response["Content-Disposition"] = f'attachment; filename="{filename(draft, data["format"])}"'
            return response
    return render(request, "advocacy/letter_form.html",
                  {"case": case, "form": form, "draft": draft})


def _record(request, case, draft, data, content: bytes) -> HttpResponse:
    intervention = Intervention(
        case=case, kind=draft.kind, date=data["date"], language=draft.lang, subject=draft.subject[:300],
        addressees=draft.addressees, cc=draft.cc, created_by=request.user,
    )
    intervention.file.save(filename(draft, data["format"]), ContentFile(content), save=False)
    intervention.save()
    messages.success(request, f"Recorded as sent: {intervention.get_kind_display()} of {data['date']}.")
    return redirect(case.get_absolute_url() + "#interventions")


@editor_required
def follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    """Attach a reply received, or a follow-up sent, to an intervention."""
    parent = get_object_or_404(Intervention, pk=pk)
    case = get_case_for(request, parent.case_id)
    form = FollowUpForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        item = Intervention(case=case, parent=parent, kind=data["kind"], direction=form.direction(),
                            date=data["date"], correspondent=data["correspondent"],
                            subject=data["subject"], notes=data["notes"], language=parent.language,
                            created_by=request.user)
        if data["file"]:
            item.file.save(data["file"].name, data["file"], save=False)
        item.save()
        return redirect(case.get_absolute_url() + "#interventions")
    return render(request, "advocacy/follow_up_form.html", {"parent": parent, "case": case, "form": form})


@login_required
def intervention_file(request: HttpRequest, pk: int) -> HttpResponse:
    """The recorded letter or reply, decrypted from storage, for those who may read it.

    Files are never served from the media folder: a letter drafted from restricted facts
    is as sensitive as they are, so it takes the case's visibility and the right to see
    restricted material, and each download is in the audit log.
    """
    item = get_object_or_404(Intervention, pk=pk)
    get_case_for(request, item.case_id)
    if not item.file or not can_see_restricted(request.user):
        raise Http404("no file you may open")
    from unionwatch.audit.log import record

    with item.file.open("rb") as handle:
        content = handle.read()
    record("download", item, user=request.user, request=request, detail=item.file.name)
    name = Path(item.file.name).name
    media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = HttpResponse(content, content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --- directory ----------------------------------------------------------------------------


@login_required
def directory(request: HttpRequest) -> HttpResponse:
    contacts = sorted(GovernmentContact.objects.all(), key=lambda c: (c.country_code, c.role_rank, c.name))
    return render(request, "advocacy/directory.html",
                  {"contacts": contacts, "can_edit": can_edit(request.user), "csv_form": CsvForm()})


@editor_required
def contact_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    contact = get_object_or_404(GovernmentContact, pk=pk) if pk else None
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Contact saved.")
        return redirect("advocacy-directory")
    return render(request, "advocacy/contact_form.html", {"form": form, "contact": contact})


@editor_required
def csv_import(request: HttpRequest) -> HttpResponse:
    form = CsvForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Choose what to import and a CSV file.")
        return redirect(request.POST.get("next") or "advocacy-directory")
    what = form.cleaned_data["what"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / Path(form.cleaned_data["file"].name).name
        path.write_bytes(form.cleaned_data["file"].read())
        try:
            result = (import_countries if what == "countries" else import_contacts)(path)
        except ImportError_ as exc:
            messages.error(request, str(exc).replace(str(Path(tmp)) + "/", ""))
            return redirect("advocacy-countries" if what == "countries" else "advocacy-directory")
    for error in result.errors[:20]:
        messages.error(request, error.replace(tmp + "/", ""))
    messages.success(request, f"Imported {what}: {result.created} created, {result.updated} updated, "
                              f"{len(result.errors)} rejected.")
    return redirect("advocacy-countries" if what == "countries" else "advocacy-directory")


# --- countries ----------------------------------------------------------------------------


@login_required
def countries(request: HttpRequest) -> HttpResponse:
    rows = [{"profile": p, "rating": compute_rating(p)} for p in CountryProfile.objects.all()]
    return render(request, "advocacy/countries.html",
                  {"rows": rows, "can_edit": can_edit(request.user), "csv_form": CsvForm()})


@login_required
def country(request: HttpRequest, code: str) -> HttpResponse:
    profile = get_object_or_404(CountryProfile, country_code=code.upper())
    form = None
    if can_edit(request.user):
        form = CountryProfileForm(request.POST or None, instance=profile)
        if request.method == "POST" and form.is_valid():
            form.save()
            messages.success(request, "Country profile saved.")
            return redirect("advocacy-country", code=profile.country_code)
    as_of = _date(request.GET.get("as_of"))
    rating = compute_rating(profile, as_of=as_of)
    evidence = _evidence_by_event(rating.events, can_see_restricted(request.user))
    return render(request, "advocacy/country.html", {
        "profile": profile, "rating": rating, "chart": bar_chart(rating.categories),
        "evidence": evidence, "form": form,
        "contacts": sorted(GovernmentContact.objects.filter(country_code=profile.country_code),
                           key=lambda c: c.role_rank),
        "ratifications": profile.ratifications().items(),
    })


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _evidence_by_event(events, restricted: bool) -> dict[int, list[Evidence]]:
    from django.contrib.contenttypes.models import ContentType

    from unionwatch.facts.models import Event

    ct = ContentType.objects.get_for_model(Event)
    out: dict[int, list[Evidence]] = {}
    rows = Evidence.objects.filter(content_type=ct, object_id__in=[e.pk for e in events],
                                   role="statement").select_related("document")
    if not restricted:
        rows = rows.exclude(document__confidentiality="restricted")
    for ev in rows:
        out.setdefault(ev.object_id, []).append(ev)
    return out
