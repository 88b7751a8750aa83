"""Blocking keys: every pair of names the matcher could merge or queue must share a key."""

from __future__ import annotations

import random
import sys

import pytest

from tests.conftest import REPO
from unionwatch.facts.keys import candidates, lookup_keys, stored_keys
from unionwatch.facts.matching import best_score
from unionwatch.facts.models import Organization, Person
from unionwatch.facts.resolve import REVIEW_AT

sys.path.insert(0, str(REPO / "bench"))
from generate import Generator  # noqa: E402


def variants(name: str, rng: random.Random) -> list[str]:
    """Spellings a report might use: one letter changed, dropped or doubled, reversed order,
    the bare surname, a title, initial of the given name."""
    words = name.split()
    out = [" ".join(reversed(words)), words[-1], f"Ms {name}", f"{words[0][0]}. {words[-1]}"]
    for _ in range(6):
        word_index = rng.randrange(len(words))
        word = words[word_index]
        i = rng.randrange(len(word))
        edit = rng.choice(["change", "drop", "double"])
        if edit == "change":
            word = word[:i] + rng.choice("aeiouy") + word[i + 1:]
        elif edit == "drop":
            word = word[:i] + word[i + 1:]
        else:
            word = word[:i] + word[i] + word[i:]
        out.append(" ".join(words[:word_index] + [word] + words[word_index + 1:]))
    return out


def test_person_pairs_that_score_share_a_key():
    rng = random.Random(4)
    names = sorted({v for case in Generator(seed=9, cases=300).cases for v in case.victims})
    checked = 0
    for stored in names:
        for new in variants(stored, rng) + rng.sample(names, 5):
            if best_score("person", [new], [stored])[0] >= REVIEW_AT:
                checked += 1
                assert lookup_keys("person", [new]) & stored_keys("person", [stored]), (new, stored)
    assert checked > 1000


@pytest.mark.parametrize("stored,new", [
    ("Confederation of Independent Trade Unions of Kazakhstan", "CITUK"),
    ("CITUK", "Confederation of Independent Trade Unions of Kazakhstan"),
    ("Independent Union of Miners of Karaganda", "Independent Union of the Miners of Karaganda"),
    ("Independent Union of Miners of Karaganda", "independent union of miners of karaganda"),
])
def test_organisation_pairs_that_score_share_a_key(stored, new):
    assert best_score("organization", [new], [stored])[0] >= REVIEW_AT
    assert lookup_keys("organization", [new]) & stored_keys("organization", [stored])


@pytest.mark.django_db
def test_candidates_follow_saves_renames_and_deletes():
    person = Person.objects.create(name="Petra Zelenkova", country="Belarus")
    Person.objects.create(name="Anna Dorenko", country="Belarus")
    assert candidates(Person, ["Zelenkova"]) == [person]
    assert candidates(Person, ["Petra Zelenkowa"]) == [person]  # one letter apart
    assert candidates(Person, ["Olga Smirnova"]) == []
    person.aliases = ["Pietra Zielenkova"]
    person.save()
    assert candidates(Person, ["Zielenkova"]) == [person]
    person.delete()
    assert candidates(Person, ["Zelenkova"]) == []
    org = Organization.objects.create(name="Independent Union of Miners of Karaganda")
    assert candidates(Organization, ["IUMK"]) == [org]


def test_keys_of_a_name_are_kept_and_callers_cannot_change_them():
    first = lookup_keys("person", ["Tomas Ardelean"])
    first.add("l:changed by a caller")
    again = lookup_keys("person", ["Tomas Ardelean"])
    assert "l:changed by a caller" not in again and "l:ardelean" in again
    stored = stored_keys("organization", ["Free Union of Dock Workers"])
    stored.clear()
    assert stored_keys("organization", ["Free Union of Dock Workers"])
    both = lookup_keys("person", ["Tomas Ardelean", "Mirela Ardelean"])
    assert both == lookup_keys("person", ["Tomas Ardelean"]) | lookup_keys("person", ["Mirela Ardelean"])
