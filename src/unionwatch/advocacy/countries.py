"""Country names ↔ ISO 3166 alpha-2 codes, and localised country names (Babel).

Cases store a country as free text ("Kazakhstan"); the directory and the country
profiles key on the ISO code so that spellings do not matter.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry
from babel import Locale


@lru_cache(maxsize=512)
def country_code(name_or_code: str) -> str:
    """'Kazakhstan', 'kz', 'Republic of Kazakhstan' → 'KZ'; '' when unknown."""
    text = (name_or_code or "").strip()
    if not text:
        return ""
    if len(text) == 2 and pycountry.countries.get(alpha_2=text.upper()):
        return text.upper()
    try:  # exact names only: a fuzzy guess could address a letter to the wrong government
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        return ""


def country_name(code: str, lang: str = "en") -> str:
    """The country's name in `lang` ('KZ', 'fr' → 'Kazakhstan'); the code if unknown."""
    if not code:
        return ""
    name = Locale.parse(lang).territories.get(code.upper())
    if name:
        return name
    found = pycountry.countries.get(alpha_2=code.upper())
    return found.name if found else code
