"""The login page, answering 429 while a username or address is locked out."""

from __future__ import annotations

from django.contrib.auth.views import LoginView

from unionwatch.accounts.ratelimit import WINDOW, client_ip, is_locked


class RateLimitedLoginView(LoginView):
    template_name = "unionwatch/login.html"

    def form_invalid(self, form):
        response = super().form_invalid(form)
        username = self.request.POST.get("username", "")
        if is_locked(username, client_ip(self.request)):
            minutes = int(WINDOW.total_seconds() // 60)
            form.errors.clear()
            form.add_error(None, f"Too many failed logins. Try again in {minutes} minutes.")
            response = self.render_to_response(self.get_context_data(form=form), status=429)
        return response
