from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key, []) if mapping else []


@register.simple_tag
def case_interventions(case):
    """Letters sent on a case, newest first, each with its replies and follow-ups."""
    return (case.interventions.filter(parent=None)
            .prefetch_related("follow_ups").order_by("-date", "-id"))
