"""Facts and entities, each value traceable to the sentences that state it.

Modelled on followthemoney/nomenklatura: entities carry every spelling seen
(aliases), every fact is backed by `Evidence` rows (document + span + sentence),
and merge decisions between entities are recorded as `Judgement`s that can be undone.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models

from unionwatch.core import taxonomy
from unionwatch.documents.crypto import SealedTextField


class Precision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class ReviewStatus(models.TextChoices):
    UNREVIEWED = "unreviewed", "Unreviewed"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class Evidence(models.Model):
    """Ties one fact to one document, a character span and the sentence stating it."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    fact = GenericForeignKey("content_type", "object_id")
    document = models.ForeignKey(
        "documents.Document", on_delete=models.CASCADE, related_name="evidence"
    )
    role = models.CharField(max_length=40, default="statement", help_text="mention, statement, ...")
    start = models.PositiveIntegerField(default=0)
    end = models.PositiveIntegerField(default=0)
    # Quotes from documents, restricted ones included: encrypted at rest.
    sentence = SealedTextField(blank=True)
    value = SealedTextField(blank=True, help_text="The value as written here.")
    confidence = models.FloatField(default=1.0)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            models.Index(fields=["document", "start"]),
        ]
        ordering = ["document_id", "start"]

    def __str__(self) -> str:
        return f"{self.document_id}[{self.start}:{self.end}]"


class EntityBase(models.Model):
    name = models.CharField(max_length=300)
    aliases = models.JSONField(default=list, blank=True)
    country = models.CharField(max_length=100, blank=True)
    notes = models.TextField(blank=True)
    status = models.CharField(
        max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.UNREVIEWED
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def all_names(self) -> list[str]:
        return [self.name, *[a for a in self.aliases if a != self.name]]

    def add_alias(self, alias: str) -> bool:
        alias = alias.strip()
        if not alias or alias == self.name or alias in self.aliases:
            return False
        self.aliases = [*self.aliases, alias]
        return True


class Person(EntityBase):
    roles = models.JSONField(default=list, blank=True)
    protected = models.BooleanField(
        default=False, help_text="Family members, witnesses: redacted in public outputs."
    )
    evidence = GenericRelation(Evidence, related_query_name="person")


class OrgKind(models.TextChoices):
    UNION = "union", "Union"
    FEDERATION = "federation", "Federation"
    COMPANY = "company", "Company"
    COURT = "court", "Court"
    GOVERNMENT = "government", "Government"
    POLICE = "police", "Police / security"
    INTERGOVERNMENTAL = "intergovernmental", "Intergovernmental"
    NGO = "ngo", "NGO"
    OTHER = "other", "Other"


class Organization(EntityBase):
    kind = models.CharField(max_length=20, choices=OrgKind.choices, default=OrgKind.OTHER)
    evidence = GenericRelation(Evidence, related_query_name="organization")


class Place(EntityBase):
    kind = models.CharField(max_length=20, default="locality")
    country_code = models.CharField(max_length=2, blank=True)
    evidence = GenericRelation(Evidence, related_query_name="place")


EVENT_TYPE_CHOICES = [(key, t.label) for key, t in taxonomy.load_taxonomy().types.items()]
TERM_KIND_CHOICES = [
    (key, label.split(" (")[0]) for key, label in taxonomy.load_taxonomy().term_kinds.items()
]


class DatedFact(models.Model):
    """A fact with a possibly partial date: `date` sorts, `date_text` keeps what was known."""

    date = models.DateField(null=True, blank=True)
    date_text = models.CharField(max_length=10, blank=True, help_text="YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD")
    date_precision = models.CharField(max_length=8, choices=Precision.choices, blank=True)
    confidence = models.FloatField(default=0.5)
    status = models.CharField(
        max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.UNREVIEWED
    )
    conflicted = models.BooleanField(
        default=False, help_text="Sources disagree on a value (see ValueClaim)."
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def set_date(self, text: str | None, precision: str | None) -> None:
        self.date_text = text or ""
        self.date_precision = precision or ""
        self.date = parse_partial_date(text)


def parse_partial_date(text: str | None) -> dt.date | None:
    """First day of a partial ISO date; None for --MM-DD (no year) or junk."""
    if not text or text.startswith("--"):
        return None
    parts = text.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None


class Event(DatedFact):
    type = models.CharField(max_length=40, choices=EVENT_TYPE_CHOICES)
    place = models.ForeignKey(Place, null=True, blank=True, on_delete=models.SET_NULL)
    victim_persons = models.ManyToManyField(Person, blank=True, related_name="events")
    victim_organizations = models.ManyToManyField(
        Organization, blank=True, related_name="events_as_victim"
    )
    perpetrators = models.JSONField(default=list, blank=True)
    summary = models.TextField(blank=True)
    family_targeted = models.BooleanField(
        default=False, help_text="A relative of a trade unionist is among the targets."
    )
    evidence = GenericRelation(Evidence, related_query_name="event")
    claims = GenericRelation("ValueClaim", related_query_name="event")

    class Meta:
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["type"]), models.Index(fields=["date"])]

    def __str__(self) -> str:
        return f"{self.get_type_display()} {self.date_text or '(undated)'}"

    @property
    def category(self) -> str:
        spec = taxonomy.load_taxonomy().types.get(self.type)
        return spec.category if spec else ""

    def victim_names(self) -> list[str]:
        return [p.name for p in self.victim_persons.all()] + [
            o.name for o in self.victim_organizations.all()
        ]


class CourtDecision(DatedFact):
    defendant = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="decisions")
    court = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    court_name = models.CharField(max_length=300, blank=True)
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    evidence = GenericRelation(Evidence, related_query_name="court_decision")
    claims = GenericRelation("ValueClaim", related_query_name="court_decision")

    class Meta:
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"Decision on {self.defendant} {self.date_text}"


class Term(models.Model):
    decision = models.ForeignKey(CourtDecision, on_delete=models.CASCADE, related_name="terms")
    kind = models.CharField(max_length=40, choices=TERM_KIND_CHOICES)
    amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    unit = models.CharField(max_length=12, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["decision_id", "id"]

    def __str__(self) -> str:
        return self.describe()

    def describe(self) -> str:
        label = dict(TERM_KIND_CHOICES).get(self.kind, self.kind)
        if self.unit == "life":
            return f"{label}: life"
        if self.unit == "currency":
            return f"{label}: {self.amount:,.0f} {self.currency}"
        amount = f"{self.amount.normalize():f}" if self.amount is not None else "?"
        return f"{label}: {amount} {self.unit}"

    def end_date(self, start: dt.date | None = None) -> dt.date | None:
        """When this term ends, counted from `start` (default: the decision date)."""
        start = start or self.decision.date
        if start is None or self.amount is None or self.unit not in ("years", "months", "weeks", "days"):
            return None
        if self.unit in ("days", "weeks"):
            days = float(self.amount) * (7 if self.unit == "weeks" else 1)
            return start + dt.timedelta(days=round(days))
        months = float(self.amount) * (12 if self.unit == "years" else 1)
        whole = int(months)
        extra_days = round((months - whole) * 30)
        year, month = divmod(start.month - 1 + whole, 12)
        day = min(start.day, _days_in_month(start.year + year, month + 1))
        return dt.date(start.year + year, month + 1, day) + dt.timedelta(days=extra_days)


def _days_in_month(year: int, month: int) -> int:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


class Upcoming(DatedFact):
    what = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, default="hearing")  # hearing | appeal | term_end | deadline
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="upcoming"
    )
    decision = models.ForeignKey(
        CourtDecision, null=True, blank=True, on_delete=models.CASCADE, related_name="upcoming"
    )
    evidence = GenericRelation(Evidence, related_query_name="upcoming")
    claims = GenericRelation("ValueClaim", related_query_name="upcoming")

    class Meta:
        ordering = ["date", "id"]
        verbose_name_plural = "upcoming"

    def __str__(self) -> str:
        return f"{self.what} {self.date_text}"


class Judgement(models.Model):
    """A recorded decision that two entities are (or are not) the same, as nomenklatura does."""

    class Verdict(models.TextChoices):
        POSITIVE = "positive", "Same"
        NEGATIVE = "negative", "Different"
        UNSURE = "unsure", "Unsure"

    entity_type = models.CharField(max_length=20)  # person | organization | place
    left_id = models.PositiveBigIntegerField()
    right_id = models.PositiveBigIntegerField(
        null=True, blank=True, help_text="The other stored entity; empty when a new name was attached."
    )
    name = models.CharField(max_length=300, blank=True, help_text="The name that was matched.")
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.SET_NULL
    )
    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    score = models.FloatField(null=True, blank=True)
    reason = models.CharField(max_length=300, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    automatic = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="closes",
        help_text="For an unsure match: the judgement that settled it.",
    )
    data = models.JSONField(
        default=dict, blank=True, help_text="What a merge or split moved, so it can be undone."
    )

    class Meta:
        ordering = ["-created"]
        indexes = [models.Index(fields=["entity_type", "left_id", "right_id"])]

    def __str__(self) -> str:
        return f"{self.entity_type} {self.left_id}~{self.right_id}: {self.verdict}"


class ValueClaim(models.Model):
    """One source's value for one field of a fact; several disagreeing claims flag a conflict."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    fact = GenericForeignKey("content_type", "object_id")
    field = models.CharField(max_length=60, help_text="date, or term:<kind>")
    value = models.CharField(max_length=100)
    evidence = models.ForeignKey(Evidence, on_delete=models.CASCADE, related_name="claims")

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id"])]
        ordering = ["field", "id"]

    def __str__(self) -> str:
        return f"{self.field}={self.value}"
