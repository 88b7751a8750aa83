"""The login page, answering 429 while a username or address is locked out."""

from __future__ import annotations

from django.contrib.auth.views import LoginView

from unionwatch.accounts.ratelimit import WINDOW, client_ip, is_locked


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
