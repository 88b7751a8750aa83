"""Security headers Django 5.2 does not set itself: a Content-Security-Policy and a
Permissions-Policy. Pages load nothing from other origins and run no inline script."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
# The interactive API docs page (Swagger UI) runs an inline bootstrap script.
CSP_EXEMPT_PREFIXES = ("/api/docs",)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(CSP_EXEMPT_PREFIXES):
            response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.user.is_authenticated if hasattr(request, "user") else False:
            # Pages about people at risk must not linger in shared caches or browsers.
            response.headers.setdefault("Cache-Control", "no-store, private")
        return response
