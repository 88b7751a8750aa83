"""Dates, numbers and lists written the way each working language writes them (Babel)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal

# English letters follow British usage: "25 July 2017", not "July 25, 2017".
BABEL_LOCALES = {"en": "en_GB", "fr": "fr_FR", "de": "de_DE", "es": "es_ES"}


def babel_locale(lang: str) -> str:
    return BABEL_LOCALES.get(lang, lang)


def long_date(value: dt.date, lang: str) -> str:
    """25 July 2017 / 25 juillet 2017 / 25. Juli 2017 / 25 de julio de 2017."""
    return format_date(value, format="long", locale=babel_locale(lang))


def partial_date(value: dt.date | None, precision: str, lang: str) -> str:
    """A date written as precisely as it is known (day, month or year)."""
    if value is None:
        return ""
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return format_skeleton("yMMMM", value, locale=babel_locale(lang))
    return long_date(value, lang)


def number(value: int | float | Decimal, lang: str) -> str:
    if isinstance(value, Decimal):
        value = value.normalize()
    return format_decimal(value, locale=babel_locale(lang))


def money(amount: Decimal | float, currency: str, lang: str) -> str:
    return format_currency(amount, currency, locale=babel_locale(lang), format_type="standard")


def join_list(items: list[str], lang: str) -> str:
    """'A, B and C' / 'A, B et C' / 'A, B und C' / 'A, B y C'."""
    return format_list(items, locale=babel_locale(lang)) if items else ""
