"""Who writes (sender profile), to whom (government directory), and the standards a
country is bound by (country profile with its ratifications)."""

from __future__ import annotations

from django.db import models

from unionwatch.advocacy.countries import country_name

LANGS = ("en", "fr", "de", "es")

# The conventions a country profile records, in citation order.
CONVENTIONS = ("C87", "C98", "C105", "C135", "C151", "C154")


class Gender(models.TextChoices):
    FEMALE = "f", "Female"
    MALE = "m", "Male"
    NEUTRAL = "x", "Not stated"


class MultilingualTitle(models.Model):
    """A title written in the four working languages; English is the fallback."""

    title_en = models.CharField("title (English)", max_length=200)
    title_fr = models.CharField("title (French)", max_length=200, blank=True)
    title_de = models.CharField("title (German)", max_length=200, blank=True)
    title_es = models.CharField("title (Spanish)", max_length=200, blank=True)

    class Meta:
        abstract = True

    def title_in(self, lang: str) -> str:
        return getattr(self, f"title_{lang}", "") or self.title_en

    def all_titles(self) -> list[str]:
        return [self.title_in(lang) for lang in LANGS]


class SenderProfile(models.Model):
    """The organisation that signs letters and complaints."""

    name = models.CharField(max_length=300)
    acronym = models.CharField(max_length=30, blank=True)
    address = models.TextField(blank=True, help_text="Postal address, one line per row.")
    city = models.CharField(max_length=100, blank=True, help_text="Where letters are dated from.")
    email = models.EmailField(blank=True)
    press_email = models.EmailField(blank=True)
    phone = models.CharField(max_length=50, blank=True)
    website = models.URLField(blank=True)
    reference_code = models.CharField(max_length=40, blank=True, help_text='e.g. "HRD/MD"')
    members = models.PositiveBigIntegerField(null=True, blank=True, help_text="Workers represented.")
    countries = models.PositiveIntegerField(null=True, blank=True)
    affiliates = models.PositiveIntegerField(null=True, blank=True)
    ilo_status = models.CharField(
        max_length=300, blank=True,
        help_text="Standing before the ILO, e.g. general consultative status.",
    )
    is_default = models.BooleanField(default=False, help_text="Used when no sender is chosen.")
    is_example = models.BooleanField(default=False, help_text="Demo data, not a real organisation.")

    class Meta:
        ordering = ["-is_default", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def short_name(self) -> str:
        return self.acronym or self.name

    def signatory(self) -> Officer | None:
        return self.officers.filter(signs=True).first() or self.officers.first()


class Officer(MultilingualTitle):
    sender = models.ForeignKey(SenderProfile, on_delete=models.CASCADE, related_name="officers")
    name = models.CharField(max_length=200)
    gender = models.CharField(max_length=1, choices=Gender.choices, default=Gender.NEUTRAL)
    signs = models.BooleanField(default=False, help_text="Signs letters on behalf of the sender.")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.name}, {self.title_en}"


class ContactRole(models.TextChoices):
    HEAD_OF_STATE = "head_of_state", "Head of state"
    HEAD_OF_GOVERNMENT = "prime_minister", "Prime minister / head of government"
    LABOUR_MINISTER = "labour_minister", "Minister of labour"
    JUSTICE_MINISTER = "justice_minister", "Minister of justice"
    FOREIGN_MINISTER = "foreign_minister", "Minister of foreign affairs"
    INTERIOR_MINISTER = "interior_minister", "Minister of the interior"
    PROSECUTOR = "prosecutor", "Prosecutor general"
    MINISTER = "minister", "Other minister"
    EMBASSY = "embassy", "Embassy / permanent mission"
    OTHER = "other", "Other"


# Who a letter is addressed to first, and the order of the cc list.
ROLE_ORDER = [c.value for c in ContactRole]


class GovernmentContact(MultilingualTitle):
    """One entry of the directory of government contacts, per country."""

    country_code = models.CharField(max_length=2, help_text="ISO 3166 alpha-2, e.g. KZ")
    role = models.CharField(max_length=20, choices=ContactRole.choices)
    name = models.CharField(max_length=200, blank=True)
    gender = models.CharField(max_length=1, choices=Gender.choices, default=Gender.NEUTRAL)
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True)
    is_example = models.BooleanField(default=False, help_text="Demo data: verify before sending.")
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["country_code", "role", "name"]

    def __str__(self) -> str:
        return f"{self.country_code}: {self.name or self.get_role_display()} ({self.title_en})"

    @property
    def role_rank(self) -> int:
        return ROLE_ORDER.index(self.role) if self.role in ROLE_ORDER else len(ROLE_ORDER)

    @property
    def country_name(self) -> str:
        return country_name(self.country_code)


class CountryProfile(models.Model):
    """A country's ratifications of the core freedom-of-association conventions."""

    country_code = models.CharField(max_length=2, unique=True, help_text="ISO 3166 alpha-2")
    name = models.CharField(max_length=100, help_text="As cases name the country.")
    c87 = models.BooleanField("C87 ratified", default=False)
    c98 = models.BooleanField("C98 ratified", default=False)
    c105 = models.BooleanField("C105 ratified", default=False)
    c135 = models.BooleanField("C135 ratified", default=False)
    c151 = models.BooleanField("C151 ratified", default=False)
    c154 = models.BooleanField("C154 ratified", default=False)
    national_provisions = models.TextField(
        blank=True, help_text="Laws and articles at issue, one per line (cited in CFA complaints)."
    )
    rule_of_law_breakdown = models.BooleanField(
        default=False, help_text="Rights cannot be guaranteed because of a breakdown of the rule of law (rating 5+).",
    )
    is_example = models.BooleanField(default=False, help_text="Demo data: verify before use.")
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.country_code})"

    def ratified(self, convention: str) -> bool | None:
        """True/False for a tracked convention ('C87'); None for anything else."""
        field = convention.strip().lower()
        if field.upper() not in CONVENTIONS:
            return None
        return bool(getattr(self, field))

    def ratifications(self) -> dict[str, bool]:
        return {c: bool(getattr(self, c.lower())) for c in CONVENTIONS}

    def provisions(self) -> list[str]:
        return [line.strip() for line in self.national_provisions.splitlines() if line.strip()]
