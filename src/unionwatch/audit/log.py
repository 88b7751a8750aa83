"""Recording audit entries: explicit `record()` calls plus signals for every change.

The middleware remembers the current request in a context variable so that signal
handlers, which only see the saved object, know who made the change. Outside a request
(the CLI, workers) the actor is `cli:<system user>`.
"""

from __future__ import annotations

import contextvars
import getpass
from collections.abc import Callable

from django.db.models import Model
from django.db.models.signals import post_delete, post_save, pre_save
from django.http import HttpRequest, HttpResponse

_request: contextvars.ContextVar[HttpRequest | None] = contextvars.ContextVar(
    "unionwatch_audit_request", default=None
)

# Models whose every change is logged. Evidence rows are part of a document's ingest
# (logged as the document's creation) and would multiply the log by a hundred.
AUDITED_MODELS = (
    "documents.Document",
    "facts.Person", "facts.Organization", "facts.Place", "facts.Event",
    "facts.CourtDecision", "facts.Term", "facts.Upcoming", "facts.Judgement",
    "cases.Case", "actions.Intervention",
    "accounts.User", "accounts.ApiToken",
)


def _system_actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _actor(user, request: HttpRequest | None) -> tuple[object | None, str, str]:
    request = request or _request.get()
    if user is None and request is not None:
        user = getattr(request, "user", None)
    ip = (request.META.get("REMOTE_ADDR") or "")[:45] if request is not None else ""
    if user is not None and getattr(user, "is_authenticated", False):
        return user, user.get_username(), ip
    return None, ("anonymous" if request is not None else _system_actor()), ip


def record(action: str, obj: Model | None = None, *, user=None,
           request: HttpRequest | None = None, detail: str = "",
           object_type: str = "") -> None:
    from unionwatch.audit.models import AuditEntry

    who, actor, ip = _actor(user, request)
    AuditEntry.objects.create(
        user=who if who is not None and who.pk else None,
        actor=actor[:150],
        action=action[:20],
        object_type=(object_type or (obj._meta.label_lower if obj is not None else ""))[:60],
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        object_repr=_repr(obj),
        detail=detail,
        ip=ip,
    )


def _repr(obj: Model | None) -> str:
    if obj is None:
        return ""
    if getattr(obj, "confidentiality", "") == "restricted":
        # A restricted document's title may name people: the log keeps only its id.
        return f"{obj._meta.verbose_name} #{obj.pk} (restricted)"
    try:
        return str(obj)[:300]
    except Exception:  # noqa: BLE001 - a broken __str__ must not block the change
        return ""


# Values never written into the log: secrets, and text that may be restricted.
SECRET_FIELDS = {"password", "digest", "text", "text_encrypted", "extraction",
                 "extraction_encrypted", "notes", "summary", "sentence", "value", "title",
                 "original_name"}
SKIPPED_FIELDS = {"updated", "created", "last_used"}


def _values(instance: Model) -> dict[str, object]:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields
            if f.attname not in SKIPPED_FIELDS}


def _on_pre_save(sender, instance, raw=False, **kwargs) -> None:
    if raw or instance.pk is None or instance._state.adding:
        return
    old = sender._default_manager.filter(pk=instance.pk).first()
    instance._audit_old = _values(old) if old is not None else None


def _changes(instance: Model) -> str:
    """'field: old -> new' for what changed (secret fields by name only)."""
    old = getattr(instance, "_audit_old", None)
    if not old:
        return ""
    parts = []
    for name, new_value in _values(instance).items():
        if name not in old or old[name] == new_value:
            continue
        if name in SECRET_FIELDS:
            parts.append(f"{name}: changed")
        else:
            parts.append(f"{name}: {_short(old[name])} -> {_short(new_value)}")
    return "; ".join(parts)


def _short(value: object, limit: int = 80) -> str:
    text = repr(value) if isinstance(value, (str, list, dict)) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _on_save(sender, instance, created, update_fields=None, raw=False, **kwargs) -> None:
    if raw:
        return  # fixtures loading
    if sender._meta.label == "accounts.User" and update_fields == frozenset({"last_login"}):
        record("login", instance, user=instance)
        return
    detail = "" if created else _changes(instance)
    if not created and not detail and update_fields:
        detail = f"fields: {', '.join(sorted(update_fields))}"
    record("create" if created else "update", instance, detail=detail)


def _on_delete(sender, instance, **kwargs) -> None:
    record("delete", instance)


def connect_signals() -> None:
    from django.apps import apps

    for label in AUDITED_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        pre_save.connect(_on_pre_save, sender=model, dispatch_uid=f"audit-pre-{label}")
        post_save.connect(_on_save, sender=model, dispatch_uid=f"audit-save-{label}")
        post_delete.connect(_on_delete, sender=model, dispatch_uid=f"audit-delete-{label}")


class AuditMiddleware:
    """Makes the request (hence the user) known to the signal handlers."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)
