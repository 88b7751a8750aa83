"""The login page (429 while locked out) and the page setting a document's level."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render

from unionwatch.accounts.permissions import editor_required, get_document_for
from unionwatch.accounts.ratelimit import WINDOW, client_ip, is_locked
from unionwatch.documents.models import Confidentiality


class RateLimitedLoginView(LoginView):
    template_name = "accounts/login.html"

    def form_invalid(self, form):
        username = self.request.POST.get("username", "")
        if not is_locked(username, client_ip(self.request)):
            return super().form_invalid(form)
        minutes = int(WINDOW.total_seconds() // 60)
        context = self.get_context_data(
            form=form, locked_out=f"Too many failed logins. Try again in {minutes} minutes.")
        return self.render_to_response(context, status=429)


@editor_required
def document_confidentiality(request: HttpRequest, pk: int) -> HttpResponse:
    """Show and change one document's level (editors and admins)."""
    from unionwatch.accounts.cli import set_confidentiality

    document = get_document_for(request, pk)
    if request.method == "POST":
        level = request.POST.get("level", "")
        if level not in Confidentiality.values:
            return HttpResponseBadRequest("unknown confidentiality level")
        set_confidentiality(document, level)
        messages.success(request, f"{document} is now {level}.")
        return redirect("document-detail", pk=document.pk)
    return render(request, "accounts/confidentiality.html", {
        "document": document, "levels": Confidentiality.choices})
