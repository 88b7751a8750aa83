"""The standards a case engages, from the taxonomy, and how a letter cites them:
ratified conventions as obligations, the others as principles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from unionwatch.advocacy.phrases import CONVENTION_TITLES, FUNDAMENTAL
from unionwatch.core.taxonomy import load_taxonomy

_CODE = re.compile(r"^(C\d+|CFA|ICCPR)(?:\s+Art\.?\s*(.+))?$")
_ORDER = ["C87", "C98", "C105", "C135", "C151", "C154", "CFA", "ICCPR"]


@dataclass
class Instrument:
    """One instrument (C87, CFA, ICCPR...) and the articles of it the facts engage."""

    code: str
    articles: list[str] = field(default_factory=list)
    event_types: list[str] = field(default_factory=list)

    @property
    def is_convention(self) -> bool:
        return self.code.startswith("C") and self.code[1:].isdigit()

    @property
    def number(self) -> str:
        return self.code[1:] if self.is_convention else ""


def instruments_for(event_types: list[str]) -> list[Instrument]:
    """Group `taxonomy.types[t].standards` of the given types by instrument."""
    taxonomy = load_taxonomy()
    found: dict[str, Instrument] = {}
    for type_key in event_types:
        spec = taxonomy.types.get(type_key)
        for raw in spec.standards if spec else ():
            match = _CODE.match(raw.strip())
            if not match:
                continue
            code, article = match.group(1), match.group(2)
            item = found.setdefault(code, Instrument(code))
            if article and article not in item.articles:
                item.articles.append(article)
            if type_key not in item.event_types:
                item.event_types.append(type_key)
    for item in found.values():
        item.articles.sort(key=_article_key)
    return sorted(found.values(), key=lambda i: _ORDER.index(i.code) if i.code in _ORDER else 99)


def _article_key(article: str) -> tuple[int, str]:
    digits = re.match(r"\d+", article)
    return (int(digits.group()) if digits else 0, article)


def articles_text(articles: list[str]) -> str:
    if not articles:
        return ""
    return ngettext("Article %(list)s", "Articles %(list)s", len(articles)) % {
        "list": ", ".join(articles)
    }


def citation(item: Instrument, ratified: bool | None, country: str) -> str:
    """The sentence citing one instrument, in the active language.

    `ratified` is True/False from the country profile, None when nothing is known.
    """
    articles = articles_text(item.articles)
    if item.code == "CFA":
        return _("the principles of freedom of association established by the ILO Committee on "
                 "Freedom of Association, which apply to every member State of the ILO")
    if item.code == "ICCPR":
        return _("the International Covenant on Civil and Political Rights (%(articles)s)") % {
            "articles": articles}
    values = {"number": item.number, "title": str(CONVENTION_TITLES.get(item.code, item.code)),
              "country": country, "articles": articles or _("as a whole")}
    if ratified is True:
        return _("ILO Convention No. %(number)s on %(title)s, which %(country)s has ratified and is "
                 "therefore bound to apply (%(articles)s)") % values
    if ratified is False and item.code in FUNDAMENTAL:
        return _("the principles of ILO Convention No. %(number)s on %(title)s (%(articles)s): "
                 "%(country)s has not ratified it, but as a member of the ILO it is bound to respect "
                 "these fundamental principles, as the 1998 ILO Declaration on Fundamental "
                 "Principles and Rights at Work recalls") % values
    if ratified is False:
        return _("the principles of ILO Convention No. %(number)s on %(title)s (%(articles)s), "
                 "which %(country)s has not ratified") % values
    return _("ILO Convention No. %(number)s on %(title)s (%(articles)s)") % values
