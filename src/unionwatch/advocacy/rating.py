"""A suggested country rating (1-5+) in the style of the ITUC Global Rights Index.

The rules live in data/rating_rules.yaml. Input: the events recorded for the country
in a window (default 12 months) ending at `as_of`, categorised by the taxonomy.
The suggestion is the highest rating among the rules that hold; each rule that holds
lists the events that made it hold, so every point links to its evidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.db.models import Max, Q

from unionwatch.advocacy.countries import country_name
from unionwatch.advocacy.models import CountryProfile
from unionwatch.core.taxonomy import load_taxonomy
from unionwatch.facts.models import Event

RULES_PATH = Path(__file__).parent / "data" / "rating_rules.yaml"
RATING_ORDER = ["1", "2", "3", "4", "5", "5+"]


@lru_cache(maxsize=1)
def load_rules(path: Path = RULES_PATH) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@dataclass
class RuleOutcome:
    id: str
    rating: str
    description: str
    holds: bool
    events: list[Event] = field(default_factory=list)


@dataclass
class CategoryCount:
    key: str
    label: str
    events: list[Event]

    @property
    def count(self) -> int:
        return len(self.events)


@dataclass
class Rating:
    country_code: str
    start: dt.date
    end: dt.date
    rating: str | None  # None: no violation recorded in the window
    label: str
    rules: list[RuleOutcome]
    categories: list[CategoryCount]
    events: list[Event]

    @property
    def rules_held(self) -> list[RuleOutcome]:
        return [r for r in self.rules if r.holds]


def country_events(profile: CountryProfile):
    """Events whose case, victims or place belong to the country."""
    names = {n for n in (profile.name, country_name(profile.country_code, "en")) if n}
    query = Q(place__country_code__iexact=profile.country_code)
    for name in names:
        query |= (Q(cases__country__iexact=name) | Q(victim_persons__country__iexact=name)
                  | Q(victim_organizations__country__iexact=name))
    return Event.objects.filter(query).distinct()


def latest_event_date(profile: CountryProfile) -> dt.date | None:
    return country_events(profile).aggregate(last=Max("date"))["last"]


def compute_rating(profile: CountryProfile, as_of: dt.date | None = None,
                   rules: dict[str, Any] | None = None) -> Rating:
    rules = rules or load_rules()
    end = as_of or latest_event_date(profile) or dt.date.today()
    start = end - dt.timedelta(days=int(rules.get("window_days", 365)))
    events = list(country_events(profile).filter(date__gt=start, date__lte=end)
                  .exclude(status="rejected").order_by("date", "id"))
    outcomes = [_evaluate(rule, events, profile) for rule in rules["rules"]]
    held = [o.rating for o in outcomes if o.holds]
    rating = max(held, key=RATING_ORDER.index) if held else None
    return Rating(
        country_code=profile.country_code, start=start, end=end, rating=rating,
        label=rules["ratings"].get(rating, "") if rating else "",
        rules=outcomes, categories=_categories(events), events=events,
    )


def _evaluate(rule: dict[str, Any], events: list[Event], profile: CountryProfile) -> RuleOutcome:
    outcome = RuleOutcome(rule["id"], str(rule["rating"]), rule.get("description", ""), False)
    if "profile_flag" in rule:
        outcome.holds = bool(getattr(profile, rule["profile_flag"], False))
        return outcome
    matching = [e for e in events if _matches(rule, e)]
    categories = {e.category for e in matching}
    outcome.holds = (len(matching) >= int(rule.get("min_events", 1))
                     and len(categories) >= int(rule.get("min_categories", 0)))
    outcome.events = matching if outcome.holds else []
    return outcome


def _matches(rule: dict[str, Any], event: Event) -> bool:
    if "types" in rule and event.type not in rule["types"]:
        return False
    return not ("categories" in rule and event.category not in rule["categories"])


def _categories(events: list[Event]) -> list[CategoryCount]:
    taxonomy = load_taxonomy()
    return [CategoryCount(key, label, [e for e in events if e.category == key])
            for key, label in taxonomy.categories.items()]


def bar_chart(categories: list[CategoryCount], width: int = 640, bar: int = 22) -> dict[str, Any]:
    """Geometry of a horizontal bar chart of events per category, for an inline SVG."""
    top = max([c.count for c in categories] + [1])
    label_w, gap = 290, 8
    rows = []
    for i, cat in enumerate(categories):
        length = round((width - label_w - 40) * cat.count / top)
        rows.append({"key": cat.key, "label": f"{cat.key}. {cat.label}", "count": cat.count,
                     "y": i * (bar + gap), "x": label_w, "w": length, "text_x": label_w + length + 6,
                     "text_y": i * (bar + gap) + bar * 0.7})
    return {"rows": rows, "width": width, "height": len(categories) * (bar + gap), "bar": bar,
            "label_x": label_w - 8}
