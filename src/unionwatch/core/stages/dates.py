"""Dates: the document's own date, then every date expression resolved against it.

A small hand-written grammar (much faster than dateparser): numeric day-first
dates, "25 July 2017", "July 25, 2017", "18 and 19 April", "December 2021",
"in April", "in early 2017", "today", "last Saturday", "on Tuesday".
Relative and partial dates are resolved against the document date only when
that gives one certain answer; a day and month with no certain year is
written "--MM-DD".
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from unionwatch.core.stages.base import DateMention, DocDate, Sentence
from unionwatch.core.stages.fastre import compile_scan, trie_regex
from unionwatch.core.stages.vocab import alternation, vocab

if TYPE_CHECKING:
    from unionwatch.core.pipeline import PipelineState

_V = vocab()
_MONTH = rf"(?P<month>{alternation(list(_V.months))})\.?"
_MONTH2 = rf"(?P<month2>{alternation(list(_V.months))})\.?"
_DAY = r"(?<![\d/.,])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?![\d/])"
_WEEKDAY = rf"(?P<weekday>{alternation(list(_V.weekdays))})"
_FLAGS = 0  # patterns run on the lower-cased text: case-sensitive matching is much faster

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)")),
    ("numeric", re.compile(r"(?<![\d/.])(?P<day>[0-3]?\d)[/.](?P<month>[0-3]?\d)[/.](?P<year>(?:19|20)\d{2})(?![\d/])")),
    (
        "dmy",
        re.compile(
            _DAY + r"(?:\s*(?:-|to|and|&)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?\s+(?:of\s+)?" + _MONTH
            + r"(?:,?\s+" + _YEAR + r")?\b",
            _FLAGS,
        ),
    ),
    (
        "mdy",
        re.compile(
            r"\b" + _MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])(?:\s*(?:-|to|and)\s*(?P<day2>[0-3]?\d)(?![\d:]))?"
            + r"(?:,?\s+" + _YEAR + ")?",
            _FLAGS,
        ),
    ),
    ("mmy", re.compile(r"\b" + _MONTH2 + r"\s+(?:and|to|-)\s+" + _MONTH + r",?\s+" + _YEAR, _FLAGS)),
    ("my", re.compile(r"\b" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR, _FLAGS)),
    (
        "m",
        re.compile(r"\b" + _MONTH + r"(?![\w-])"),
    ),
    (
        "y",
        re.compile(r"(?<![\d.,/-])" + _YEAR),
    ),
    ("rel", re.compile(r"\b(?P<rel>today|yesterday|tomorrow|tonight)\b", _FLAGS)),
    ("wd", re.compile(r"\b" + _WEEKDAY + r"\b")),
    # "last month", "earlier this month", "next month": the month before, of or after the document
    ("relm", re.compile(r"\b(?P<relm>last|this|next|previous)\s+month\b")),
]
# The word just before a bare month, year or weekday that makes it a date ("in April", "last Saturday").
_LEAD_MONTH = re.compile(
    # ("its May session", "their June sitting": a possessive before a court's session month)
    r"\b(?P<lead>in|since|until|till|by|from|early|late|mid-?|last|next|this|of|during|a|the|its|their|before|after)\s+"
    r"(?:(?:early|late|mid-?)\s*)?$"
)
_LEAD_YEAR = re.compile(
    r"\b(?:in|since|from|until|by|during|early|late|mid-?|of|before|after|around|throughout)\s+(?:(?:early|late|mid-?)\s*)?$"
)
_LEAD_WEEKDAY = re.compile(r"\b(?P<lead>last|next|this|on|late on|early on|late|early|for|until|by)\s+$")
_LEAD_WINDOW = 24
_MONTHS_ALT = alternation(list(_V.months))
_DATE_AFTER_WEEKDAY = re.compile(
    rf"\.?,?[ ]+(?:the[ ]+)?(?:[0-3]?\d(?:st|nd|rd|th)?[ ]+(?:of[ ]+)?(?:{_MONTHS_ALT})\b|(?:{_MONTHS_ALT})\.?[ ]+[0-3]?\d\b)"
)
_CASE_SENSITIVE_MONTHS = {"may", "march"}  # verbs too: only capitalised forms are months
_FUTURE = compile_scan(
    r"\b(?:will|shall|scheduled|is due|are due|set to|set for|is set|are set|expected to|postponed|adjourned|upcoming|next"
    r"|must appear|to appear|remanded (?:\w+ )*?(?:to|until|till)"
    # "is to be heard on", "summoned to report to prison on", "to begin serving"
    r"|(?:is|are) to be|(?:summoned|ordered|due|told) to (?:report|surrender|present)|to begin serving"
    # "her trial opens on 3 July", "is listed for hearing on", "in custody until his trial on", "detention ends on"
    r"|(?:trial|hearing|case|appeal|session)s? (?:opens|resumes|reopens|begins|starts|continues)"
    r"|(?:is|are) listed for|(?:is|are) expected (?:on|by|in)|remains? in (?:custody|detention|prison|jail) until (?:his|her|their|the) (?:trial|hearing)"
    r"|(?:term|detention|sentence|custody|ban|restriction|arrest|remand) (?:ends|expires|runs out))\b",
)

# Rarer cues, kept apart behind a test for their literals (a longer alternation slows every search):
# "the court has set the appeal hearing for", "must present herself to the inspectorate by", "are to stand
# trial on", "when it expires on"
_MORE_FUTURE = compile_scan(
    r"\b(?:set (?:a|the|its|his|her|their) (?:[\w'-]+ ){0,3}?(?:hearing|trial|session|appeal|sentencing|arraignment|date)"
    r"|must (?:present|report|surrender)|(?:present|report|surrender)s? (?:himself|herself|themselves)"
    r"|(?:to|will) (?:stand|face|go on) trial|(?:expires|lapses)"
    # deadlines: "appeals must be lodged by", "the union must file its reply by"
    r"|must (?:be )?(?:lodged?|filed?|submit(?:ted)?)|deadline (?:for|to) [^.;]{0,40}?(?:is|expires|falls)"
    r"|(?:has|have) until)\b",
)


def _more_future(text: str) -> bool:
    """Whether the rarer future cues may occur in `text`: one of their literals is there (case as written:
    "Set" is rare at a sentence start). Written out: faster than a loop or a regex."""
    return ("set " in text or "must " in text or "self" in text or "selves" in text or "stand trial" in text
            or "face trial" in text or "on trial" in text or "expires" in text or "lapses" in text
            or "deadline" in text or "until" in text)
_PAST_BEFORE = compile_scan(r"\b(?:announced|said|was|were|had|did|took place|happened|held)\b[\w ]*$", re.IGNORECASE)
_REPORTED_ON = compile_scan(
    r"\b(?:said|says|announced|reported|stated|added|told (?:\w+ ){0,2}|wrote|tweeted)\s+(?:on\s+|late\s+(?:on\s+)?|early\s+(?:on\s+)?)?$"
)  # case-sensitive: "Omar Said on 3 May" is a name
_UNTIL_BEFORE = compile_scan(
    r"\b(?:until|till|through|postponed (?:to|until)|adjourned (?:to|until)|rescheduled (?:to|for)|deferred (?:to|until))\s+(?:on\s+)?$",
    re.IGNORECASE,
)


def parse_iso(value: str | None) -> DocDate | None:
    """A DocDate from "YYYY", "YYYY-MM" or "YYYY-MM-DD"; None otherwise."""
    if not value:
        return None
    match = re.fullmatch(r"((?:1[89]|20)\d{2})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    return DocDate(int(year), int(month) if month else None, int(day) if day else None)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def resolve_day_month(month: int, day: int, doc: DocDate | None, future: bool) -> tuple[str | None, str | None]:
    """Year for a day and month without one, from the document date."""
    if doc is None:
        return (f"--{month:02d}-{day:02d}", "day") if _valid(2000, month, day) else (None, None)
    ref = (doc.month or 12, doc.day or 31) if not future else (doc.month or 1, doc.day or 1)
    if doc.month is None:
        year = doc.year
    elif future:
        year = doc.year if (month, day) >= ref else doc.year + 1
    else:
        year = doc.year if (month, day) <= ref else doc.year - 1
    if not _valid(year, month, day):
        return None, None
    return f"{year:04d}-{month:02d}-{day:02d}", "day"


def resolve_month(month: int, doc: DocDate | None, future: bool, lead: str) -> tuple[str | None, str | None]:
    if doc is None or doc.month is None:
        return None, None
    lead = lead.lower()
    if lead == "next" or future:
        year = doc.year if month >= doc.month else doc.year + 1
    elif lead == "last":
        year = doc.year if month < doc.month else doc.year - 1
    else:
        year = doc.year if month <= doc.month else doc.year - 1
    return f"{year:04d}-{month:02d}", "month"


def resolve_weekday(weekday: int, lead: str, doc: DocDate | None, future: bool, known_days: list[dt.date]) -> dt.date | None:
    lead = (lead or "").lower()
    if doc is not None and doc.day and doc.month:
        ref = dt.date(doc.year, doc.month, doc.day)
        if future or lead == "next":
            delta = (weekday - ref.weekday()) % 7
            return ref + dt.timedelta(days=delta or (7 if lead == "next" else 0))
        delta = (ref.weekday() - weekday) % 7
        if lead == "last" and delta == 0:
            delta = 7
        return ref - dt.timedelta(days=delta)
    # No day-precise document date: a day named in the text may fix it.
    candidates = {d for d in known_days if d.weekday() == weekday}
    if doc is not None:
        candidates = {d for d in candidates if d.year == doc.year and (doc.month is None or d.month == doc.month)}
    return candidates.pop() if len(candidates) == 1 else None


FUTURE_BEFORE = 110
_PAST_BETWEEN = re.compile(r"\b(?:was|were|had|did|took place|happened|ended|began|started)\b", re.IGNORECASE)
FUTURE_AFTER = 40
_PAST_AUX = re.compile(r"\b(?:was|were|had been)[ ]+$")
_ORDER_CUE = re.compile(r"(?:summoned|ordered|told)\b")


def _past_cue(before: str, cue: re.Match[str]) -> bool:
    """ "was expected to close by 4 May": an expectation of the past; but "was summoned to report
    on 8 December" orders a step still to come."""
    return bool(_PAST_AUX.search(before, 0, cue.start())) and not _ORDER_CUE.match(cue.group())
_CLAUSE_END = re.compile(r";|, (?:and|but|while|whereas) ")


def _is_future(norm: str, sentence: Sentence | None, start: int) -> bool:
    """Future when "until" precedes the date or a future cue is close to it in the same clause
    (`norm` in lower case: the cues are matched case-sensitively)."""
    if _UNTIL_BEFORE.search(norm, max(0, start - 14), start):
        return True
    if sentence is None:
        return False
    lo = max(sentence.start, start - FUTURE_BEFORE)
    before = norm[lo:start]
    cut = max(before.rfind(";"), before.rfind(". "))
    if _PAST_BEFORE.search(before[-20:]):
        return False
    cues = list(_FUTURE.finditer(before, cut + 1))
    if _more_future(before):
        cues = sorted(cues + list(_MORE_FUTURE.finditer(before, cut + 1)), key=lambda c: c.start())
    # "is due to be heard by Branch 36 of the X Court of Appeal on 4 September": a long clause,
    # unless a past verb comes between the cue and the date, or the cue itself is past ("was expected to")
    if cues and not _PAST_BETWEEN.search(before, cues[-1].end()) and not _past_cue(before, cues[-1]):
        return True
    after = norm[start:min(sentence.end, start + FUTURE_AFTER)]
    clause = _CLAUSE_END.search(after)  # "lodged on 9 June, and the matter is to be called": another clause
    after = after[: clause.start() if clause else len(after)]
    cue = _FUTURE.search(after) or (_MORE_FUTURE.search(after) if _more_future(after) else None)
    # "on 3 March he was summoned to appear": the cue is the past act of that day
    return bool(cue) and not _PAST_BETWEEN.search(after, 0, cue.start())


def safe_lower(text: str) -> str:
    """text.lower() with the same length (a few characters lower-case to two)."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower()[:1] or c for c in text)


class _Lead:
    """The lead word found before a bare month or weekday, shaped like a regex match."""

    def __init__(self, match: re.Match[str], lead: str):
        self._match, self._lead = match, lead

    def group(self, name: str | int = 0) -> str:
        return self._lead if name == "lead" else self._match.group(name)

    def groupdict(self) -> dict[str, str | None]:
        return {**self._match.groupdict(), "lead": self._lead}

    def start(self, name: str | int = 0) -> int:
        return self._match.start(name)


_DIGIT_KINDS = ("iso", "numeric", "dmy", "y")
_WORD_KINDS = ("mmy", "mdy", "my", "m", "rel", "wd")
_PRIORITY = {kind: i for i, (kind, _) in enumerate(PATTERNS)}
_PATTERN = dict(PATTERNS)
_NUMBER = re.compile(r"\d+")
_DATE_WORD = re.compile(
    r"\b(?:" + trie_regex(set(_V.months) | set(_V.weekdays) | {"today", "yesterday", "tomorrow", "tonight"}) + r")\b"
)


_MONTH_LITERAL = re.compile(r"month\b")  # a literal: found fast; the word before is checked only there
_RELATIVE_MONTH_LEAD = re.compile(r"\b(?:last|this|next|previous)\s+$")


def _relative_month_starts(lower: str) -> list[int]:
    """Where "last month", "this month" or "next month" starts."""
    out = []
    for hit in _MONTH_LITERAL.finditer(lower):
        lead = _RELATIVE_MONTH_LEAD.search(lower, max(0, hit.start() - 10), hit.start())
        if lead:
            out.append(lead.start())
    return out


def _number_kinds(digits: int, after: str) -> tuple[str, ...]:
    """Which date patterns can start at a number of this length followed by this character."""
    if digits == 4:
        return ("iso", "y") if after == "-" else ("y",)
    if digits <= 2:
        return ("numeric", "dmy") if after in "./" else ("dmy",)
    return ()


def _candidates(lower: str) -> list[tuple[int, int, int, str, re.Match[str]]]:
    """Every pattern tried only where a date can start: at a number or at a month, day or relative word."""
    out = []
    for pos in _relative_month_starts(lower):
        match = _PATTERN["relm"].match(lower, pos)
        if match:
            out.append((_PRIORITY["relm"], pos, match.end(), "relm", match))
    for anchor, kinds in ((_NUMBER, _DIGIT_KINDS), (_DATE_WORD, _WORD_KINDS)):
        for hit in anchor.finditer(lower):
            pos = hit.start()
            if anchor is _NUMBER:
                kinds = _number_kinds(hit.end() - pos, lower[hit.end():hit.end() + 1])
            for kind in kinds:
                match = _PATTERN[kind].match(lower, pos)
                if match:
                    out.append((_PRIORITY[kind], pos, match.end(), kind, match))
    return out


def _raw_matches(norm: str, lower: str | None = None) -> list[tuple[int, int, str, re.Match[str]]]:
    """Non-overlapping date matches, earlier patterns winning over later ones."""
    lower = safe_lower(norm) if lower is None else lower
    taken = bytearray(len(norm) + 1)
    found = []
    for _, start, end, kind, match in sorted(_candidates(lower), key=lambda c: (c[0], c[1])):
        month = match.groupdict().get("month")
        if month and month in _CASE_SENSITIVE_MONTHS and not norm[match.start("month")].isupper():
            continue
        if kind == "m" and lower.startswith(" day", end):  # "May Day" is a holiday, not a month
            continue
        if kind == "wd" and _DATE_AFTER_WEEKDAY.match(lower, end):  # "Thursday, 17 June": one date, the day's
            continue
        if kind in ("m", "y", "wd"):
            lead_re = {"m": _LEAD_MONTH, "y": _LEAD_YEAR, "wd": _LEAD_WEEKDAY}[kind]
            lead = lead_re.search(lower, max(0, start - _LEAD_WINDOW), start)
            if lead is None and kind != "wd":
                continue
            match = _Lead(match, lead.group("lead") if lead is not None and kind != "y" else "")  # type: ignore[assignment]
            if kind == "wd" and lead is not None and lead.group("lead") in ("last", "next", "this", "on", "late on", "early on"):
                start = lead.start()
        if taken.find(1, start, end) != -1:
            continue
        taken[start:end] = b"\x01" * (end - start)
        found.append((start, end, kind, match))
    found.sort(key=lambda item: item[0])
    return found


def find_dates(norm: str, sentences: list[Sentence], doc: DocDate | None) -> list[DateMention]:
    """Every date expression of the text, resolved against the document date."""
    starts = [s.start for s in sentences]

    def sentence_at(pos: int) -> Sentence | None:
        i = bisect_right(starts, pos) - 1
        return sentences[i] if i >= 0 and pos < sentences[i].end else None

    lower = safe_lower(norm)  # the future cues run on it: case-sensitive matching is much faster
    raw = _raw_matches(norm, lower)
    mentions: list[DateMention] = []
    known_days: list[dt.date] = []
    pending_weekdays = []
    for start, end, kind, match in raw:
        future = _is_future(lower, sentence_at(start), start)
        mention = _resolve(norm, start, end, kind, match, doc, future, known_days)
        if mention is None:
            if kind == "wd":
                pending_weekdays.append((start, end, match, future))
            continue
        mentions.append(mention)
    for start, end, match, future in pending_weekdays:
        weekday = _V.weekdays[match.group("weekday").lower()]
        day = resolve_weekday(weekday, match.group("lead") or "", doc, future, known_days)
        iso = day.isoformat() if day else None
        mentions.append(DateMention(start, end, norm[start:end], iso, "day" if day else None, True, future))
    mentions.sort(key=lambda m: m.start)
    mentions = _days_from_the_day_before(norm, lower, mentions)
    for mention in mentions:
        mention.dateline = _is_dateline(norm, mention.start, mention.end)
        mention.reporting = bool(_REPORTED_ON.search(norm, max(0, mention.start - 30), mention.start))
    return mentions


# "the following day", "the next morning", "two days later", "the day before": a day counted from the
# day told just before (in the same or a recent sentence)
_DAY_AFTER_DAY = re.compile(
    r"\b(?:the[ ]+(?P<which>following|next|previous|preceding)[ ]+(?:day|morning|afternoon|evening|night)"
    r"|the[ ]+day[ ]+(?P<ba>after|before)(?![ ]+(?:the|his|her|their|a|an|yesterday|tomorrow)\b)"
    r"|(?P<count>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[ ]+(?P<unit>days?|weeks?)[ ]+(?P<dir>later|earlier))\b"
)
_DAY_AFTER_LITERALS = ("following ", "next ", "previous ", "preceding ", "day after", "day before", " later", " earlier")
_ANCHOR_CHARS = 400  # how far back the day counted from may be
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _days_from_the_day_before(norm: str, lower: str, mentions: list[DateMention]) -> list[DateMention]:
    """Mentions with the days counted from an earlier day added, in text order."""
    if not any(literal in lower for literal in _DAY_AFTER_LITERALS):
        return mentions
    days = [m for m in mentions if m.precision == "day" and m.iso and not m.iso.startswith("--")]
    starts = [m.start for m in days]
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for found in _day_after_matches(lower):
        i = bisect_right(starts, found.start()) - 1
        if i < 0 or found.start() - days[i].end > _ANCHOR_CHARS or any(a < found.end() and found.start() < b for a, b in taken):
            continue
        offset = _day_offset(found)
        day = dt.date.fromisoformat(days[i].iso) + dt.timedelta(days=offset)  # type: ignore[arg-type]
        added.append(DateMention(found.start(), found.end(), norm[found.start():found.end()], day.isoformat(), "day", True, offset > 0))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _day_after_matches(lower: str) -> list[re.Match[str]]:
    """The pattern tried only around its literals (a scan of the whole text would try it at every "the")."""
    found: dict[int, re.Match[str]] = {}
    for literal in _DAY_AFTER_LITERALS:
        i = lower.find(literal)
        while i != -1:
            match = _DAY_AFTER_DAY.search(lower, max(0, i - 24), i + 48)
            if match and match.end() < i + 48:
                found[match.start()] = match
            i = lower.find(literal, i + 1)
    return [found[start] for start in sorted(found)]


def _day_offset(found: re.Match[str]) -> int:
    if found.group("which"):
        return 1 if found.group("which") in ("following", "next") else -1
    if found.group("ba"):
        return 1 if found.group("ba") == "after" else -1
    count = _COUNTS.get(found.group("count")) or int(found.group("count"))
    count *= 7 if found.group("unit").startswith("week") else 1
    return count if found.group("dir") == "later" else -count


# precompiled: tried on the line of every date candidate
_WEEKDAY_PREFIX = re.compile(r"\W*(?:[A-Za-z]+day,?\s*)?")
_DATELINE_END = re.compile(r"\s*(?:[:\-]|$)")
_DATELINE_COLON = re.compile(r"\s*[:\-]")
_NOTHING_AFTER = re.compile(r"[\s:.*_-]*")


def _is_dateline(norm: str, start: int, end: int) -> bool:
    line_start = norm.rfind("\n", 0, start) + 1
    line_end = norm.find("\n", end)
    line_end = len(norm) if line_end < 0 else line_end
    before, after = norm[line_start:start], norm[end:line_end]
    if not (_DATELINE.match(before) or _WEEKDAY_PREFIX.fullmatch(before)):
        return False
    return bool(_DATELINE_END.match(after))


def _resolve(norm, start, end, kind, match, doc, future, known_days) -> DateMention | None:  # noqa: ANN001, PLR0911
    text = norm[start:end]
    groups = match.groupdict()
    if kind in ("iso", "numeric", "dmy", "mdy"):
        month_raw = groups["month"]
        month = int(month_raw) if month_raw.isdigit() else _V.months[month_raw.lower()]
        day = int(groups["day"])
        if kind == "numeric" and month > 12 and day <= 12:  # a month-first date
            day, month = month, day
        if not (1 <= month <= 12):
            return None
        year = groups.get("year") or _year_after(norm, end, doc)
        if year:
            if not _valid(int(year), month, day):
                return None
            iso, precision = f"{int(year):04d}-{month:02d}-{day:02d}", "day"
        else:
            iso, precision = resolve_day_month(month, day, doc, future)
        if iso and not iso.startswith("--"):
            known_days.append(dt.date.fromisoformat(iso))
            if groups.get("day2") and _valid(int(iso[:4]), month, int(groups["day2"])):
                known_days.append(dt.date(int(iso[:4]), month, int(groups["day2"])))
        return DateMention(start, end, text, iso, precision, not year, future)
    if kind in ("my", "mmy"):
        month = _V.months[groups["month"].lower()]
        return DateMention(start, end, text, f"{int(groups['year']):04d}-{month:02d}", "month", False, future)
    if kind == "m":
        month = _V.months[groups["month"].lower()]
        year = _year_after(norm, end, doc)
        if year:
            return DateMention(start, end, text, f"{year:04d}-{month:02d}", "month", True, future)
        iso, precision = resolve_month(month, doc, future, groups.get("lead") or "")
        return DateMention(start, end, text, iso, precision, True, future)
    if kind == "relm":
        return _relative_month(start, end, text, groups["relm"], doc, future)
    if kind == "y":
        return DateMention(start, end, text, groups["year"], "year", False, future)
    if kind == "rel":
        return _relative(start, end, text, groups["rel"].lower(), doc, future)
    return None  # weekdays are resolved once all absolute days are known


_YEAR_AFTER = re.compile(r",?\s+(?P<which>last|this|next|previous)\s+year\b", re.IGNORECASE)
_YEAR_OFFSET = {"last": -1, "previous": -1, "this": 0, "next": 1}


def _year_after(norm: str, end: int, doc: DocDate | None) -> int | None:
    """ "in March last year", "on 6 June last year": the year the words name, from the document's."""
    found = _YEAR_AFTER.match(norm, end)
    if found is None or doc is None:
        return None
    return doc.year + _YEAR_OFFSET[found.group("which").lower()]


def _relative_month(start: int, end: int, text: str, word: str, doc: DocDate | None, future: bool) -> DateMention:
    if doc is None or doc.month is None:
        return DateMention(start, end, text, None, None, True, future)
    index = doc.year * 12 + doc.month - 1 + _YEAR_OFFSET[word.lower()]
    return DateMention(start, end, text, f"{index // 12:04d}-{index % 12 + 1:02d}", "month", True, word.lower() == "next")


def _relative(start: int, end: int, text: str, word: str, doc: DocDate | None, future: bool) -> DateMention:
    if doc is None or not (doc.day and doc.month):
        return DateMention(start, end, text, None, None, True, future)
    ref = dt.date(doc.year, doc.month, doc.day)
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    return DateMention(start, end, text, (ref + dt.timedelta(days=offset)).isoformat(), "day", True, offset > 0)


# ---------------------------------------------------------------- document date
_TOP_CHARS = 1500
_DATELINE = re.compile(r"^\W*(?:[A-Z][\w' .-]{1,40},\s*)?$")
_PLACE_PREFIX = re.compile(r"\W*[A-Z][\w'.-]+(?:[ -][A-Z][\w'.-]+){0,3},\s*(?:the\s+)?")  # "Oslo, 14 October 2024"
_LABEL_PREFIX = re.compile(r"\W*(?:date|dated|sent|issued|published|posted)\s*:?\s*(?:on\s+)?", re.IGNORECASE)  # "Date: 11.03.2024"


_HEAD_CHARS = 90


def _line_heads(top: str) -> str:
    """The first characters of each line, the rest of a long line replaced by one word.

    A letter date or dateline stands at the start of its line, so only line heads are
    scanned; the stand-in word keeps "nothing after the date" false on a cut line.
    """
    lines = top.split("\n")
    return "\n".join(line if len(line) <= _HEAD_CHARS else line[:_HEAD_CHARS] + " x" for line in lines)


def find_document_date(norm: str, sentences: list[Sentence]) -> DocDate | None:
    """A dateline or letter date near the top: a full date alone on its line or after a place."""
    limit = min(len(norm), max(_TOP_CHARS, len(norm) // 4 if len(norm) < 4000 else _TOP_CHARS))
    top = _line_heads(norm[:limit] + (" x" if limit < len(norm) and norm[limit] != "\n" else ""))
    for start, end, kind, match in _raw_matches(top):
        if kind not in ("iso", "numeric", "dmy", "mdy") or not match.groupdict().get("year"):
            continue
        line_start = top.rfind("\n", 0, start) + 1
        line_end = top.find("\n", end)
        line_end = len(top) if line_end < 0 else line_end
        before, after = top[line_start:start], top[end:line_end]
        weekday_prefix = _WEEKDAY_PREFIX.fullmatch(before)
        nothing_after = _NOTHING_AFTER.fullmatch(after) is not None
        alone = nothing_after and (
            weekday_prefix is not None or _PLACE_PREFIX.fullmatch(before) is not None or _LABEL_PREFIX.fullmatch(before) is not None
        )
        dateline = _DATELINE.match(before) is not None and _DATELINE_COLON.match(after) is not None
        if alone or dateline:
            mention = _resolve(top, start, end, kind, match, None, False, [])
            if mention and mention.iso and not mention.iso.startswith("--"):
                return parse_iso(mention.iso)
    return None


class FindDocumentDate:
    """meta.date from the header when present, else a dateline or letter date at the top."""

    def __call__(self, state: PipelineState) -> None:
        doc_date = parse_iso(state.meta.date)
        if doc_date is None:
            doc_date = find_document_date(state.norm, state.sentences)
            if doc_date is not None:
                state.meta.date = doc_date.iso
        state.doc_date = doc_date


class FindDates:
    def __call__(self, state: PipelineState) -> None:
        state.dates = find_dates(state.norm, state.sentences, state.doc_date)
