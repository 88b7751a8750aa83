"""API operations of the protection layer: who am I, and setting a document's level."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from unionwatch.accounts.permissions import (
    api_require,
    can_edit,
    get_case_for,
    get_document_for,
    role_of,
)
from unionwatch.documents.models import Confidentiality

router = Router(tags=["access"])


class MeOut(Schema):
    username: str
    role: str
    organization: str
    can_edit: bool


class LevelIn(Schema):
    level: Confidentiality


class LevelOut(Schema):
    id: int
    confidentiality: str


@router.get("/me", response=MeOut)
def me(request: HttpRequest):
    user = request.user
    return {"username": user.get_username(), "role": role_of(user) or "",
            "organization": user.organization, "can_edit": can_edit(user)}


@router.put("/documents/{document_id}/confidentiality", response=LevelOut)
def set_document_level(request: HttpRequest, document_id: int, payload: LevelIn):
    api_require(request, can_edit)
    from unionwatch.accounts.cli import set_confidentiality

    document = get_document_for(request, document_id)
    if payload.level not in Confidentiality.values:
        raise HttpError(422, "unknown level")
    set_confidentiality(document, payload.level)
    return {"id": document.pk, "confidentiality": document.confidentiality}


class SharingIn(Schema):
    organizations: list[str]


class SharingOut(Schema):
    id: int
    shared_with: list[str]


@router.put("/cases/{case_id}/shared-with", response=SharingOut)
def set_case_sharing(request: HttpRequest, case_id: int, payload: SharingIn):
    """Which partner organisations may see this case (editors and admins)."""
    api_require(request, can_edit)
    case = get_case_for(request, case_id)
    names = [n.strip()[:200] for n in payload.organizations if n.strip()]
    case.shared_with = list(dict.fromkeys(names))
    case.save(update_fields=["shared_with", "updated"])
    return {"id": case.pk, "shared_with": case.shared_with}
