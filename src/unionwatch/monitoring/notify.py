"""Email alerts through Django's email backend (SMTP when UNIONWATCH_EMAIL_HOST is set)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils import timezone

from unionwatch.monitoring.models import Alert


def recipients() -> list[str]:
    """Officers who can act on alerts: admins and editors with an email address."""
    users = get_user_model().objects.filter(is_active=True, role__in=["admin", "editor"])
    return sorted({u.email for u in users if u.email})


def email_alerts(alert_ids: list[int]) -> int:
    """Send one message listing the alerts not emailed yet; returns how many were sent."""
    alerts = list(Alert.objects.filter(pk__in=alert_ids, emailed_at=None)
                  .select_related("case").order_by("id"))
    to = recipients()
    if not alerts or not to:
        return 0
    subject = f"unionwatch: {len(alerts)} new alert{'s' if len(alerts) > 1 else ''}"
    body = "\n".join(f"- {a.case.title}: {a.get_kind_display()}: {a.message}" for a in alerts)
    send_mail(subject, body + "\n", settings.DEFAULT_FROM_EMAIL, to)
    Alert.objects.filter(pk__in=[a.pk for a in alerts]).update(emailed_at=timezone.now())
    return len(alerts)
