"""The suggested country rating on hand-built facts: rules, window and evidence links."""

from __future__ import annotations

import datetime as dt

import pytest

from unionwatch.advocacy.models import CountryProfile
from unionwatch.advocacy.rating import bar_chart, compute_rating, load_rules
from unionwatch.facts.models import Event, Organization, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile(db) -> CountryProfile:
    return CountryProfile.objects.create(country_code="BY", name="Belarus", c87=True)


def add(type_: str, date: str, victim) -> Event:
    event = Event(type=type_)
    event.set_date(date, "day")
    event.save()
    (event.victim_persons if isinstance(victim, Person) else event.victim_organizations).add(victim)
    return event


def rule(rating, rule_id):
    return next(r for r in rating.rules if r.id == rule_id)


def test_no_events_means_no_rating(profile):
    rating = compute_rating(profile, as_of=dt.date(2022, 12, 31))
    assert rating.rating is None and not rating.rules_held


def test_one_arrest_is_sporadic(profile):
    person = Person.objects.create(name="Ana Unionist", country="Belarus")
    arrest = add("arrest", "2022-04-19", person)
    rating = compute_rating(profile, as_of=dt.date(2022, 12, 31))
    assert rating.rating == "1"
    assert rule(rating, "any-violation").events == [arrest]


def test_prosecutions_make_it_systematic_and_dissolution_gives_five(profile):
    person = Person.objects.create(name="Ana Unionist", country="Belarus")
    union = Organization.objects.create(name="Free Union", country="Belarus")
    arrest = add("arrest", "2022-04-19", person)
    charges = add("charges", "2022-05-02", person)
    assert compute_rating(profile, as_of=dt.date(2022, 12, 31)).rating == "4"
    dissolution = add("deregistration", "2022-07-18", union)
    rating = compute_rating(profile, as_of=dt.date(2022, 12, 31))
    assert rating.rating == "5" and rating.label == "No guarantee of rights"
    assert rule(rating, "unions-dissolved").events == [dissolution]
    assert rule(rating, "leaders-prosecuted").events == [arrest, charges]
    assert rule(rating, "regular").holds is False  # only categories I and II
    by_key = {c.key: c.count for c in rating.categories}
    assert by_key == {"I": 2, "II": 1, "III": 0, "IV": 0, "V": 0}


def test_window_is_twelve_months_and_other_countries_do_not_count(profile):
    person = Person.objects.create(name="Ana Unionist", country="Belarus")
    other = Person.objects.create(name="Juan Sindicalista", country="Colombia")
    add("killing", "2020-01-10", person)  # outside the window
    add("killing", "2022-06-01", other)  # another country
    add("dismissal", "2022-06-01", person)
    rating = compute_rating(profile, as_of=dt.date(2022, 12, 31))
    assert rating.start == dt.date(2021, 12, 31)  # 365 days, start exclusive
    assert [e.type for e in rating.events] == ["dismissal"]
    assert rating.rating == "1"


def test_window_bounds(profile):
    person = Person.objects.create(name="Ana Unionist", country="Belarus")
    add("arrest", "2021-12-31", person)  # exactly 365 days before: outside
    add("threat", "2022-12-31", person)  # the last day: inside
    add("fine", "2023-01-01", person)  # after as_of: outside
    rating = compute_rating(profile, as_of=dt.date(2022, 12, 31))
    assert [e.type for e in rating.events] == ["threat"]


def test_rule_of_law_breakdown_flag_gives_five_plus(profile):
    person = Person.objects.create(name="Ana Unionist", country="Belarus")
    add("arrest", "2022-04-19", person)
    profile.rule_of_law_breakdown = True
    profile.save()
    assert compute_rating(profile, as_of=dt.date(2022, 12, 31)).rating == "5+"


def test_default_window_ends_at_the_latest_event(profile):
    person = Person.objects.create(name="Ana Unionist", country="Belarus")
    add("arrest", "2019-03-03", person)
    rating = compute_rating(profile)
    assert rating.end == dt.date(2019, 3, 3) and rating.rating == "1"


def test_rules_file_is_well_formed():
    rules = load_rules()
    for item in rules["rules"]:
        assert str(item["rating"]) in rules["ratings"], item["id"]


def test_chart_scales_bars_to_the_largest_category(profile):
    person = Person.objects.create(name="Ana Unionist", country="Belarus")
    add("arrest", "2022-04-19", person)
    add("dismissal", "2022-04-20", person)
    add("threat", "2022-04-21", person)
    chart = bar_chart(compute_rating(profile, as_of=dt.date(2022, 12, 31)).categories)
    widths = {row["key"]: row["w"] for row in chart["rows"]}
    assert widths["I"] == 2 * widths["III"] and widths["IV"] == 0
