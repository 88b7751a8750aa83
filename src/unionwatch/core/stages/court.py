"""Court decisions: one per defendant, with the terms of the sentence.

Terms: "four years of restriction of movement", "100 hours of forced labour",
"a five-year ban", "two-and-a-half years", "2 1/2 years", "18-month",
"5 years and 9 months" (69 months), life, "75,000 Euros" / "€75,000" fines.
"X and Y ... two and three years respectively" distributes the amounts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from unionwatch.core.stages.base import DateMention, DecisionRecord, Sentence, TermRecord
from unionwatch.core.stages.fastre import Scanner, compile_scan
from unionwatch.core.stages.sentence_index import dates_in, last_person_before, mentions_in
from unionwatch.core.stages.vocab import alternation, load_yaml, vocab

if TYPE_CHECKING:
    from unionwatch.core.pipeline import PipelineState

_V = vocab()
_COURT_DATA = load_yaml("court.yaml")
# vocab.yaml's currency words and codes, with the ones only sentence terms need
_CURRENCY: dict[str, str] = {
    **_V.currency_by_word,
    **{str(word).lower(): str(code) for code, words in _COURT_DATA["currencies"].items() for word in words},
}
_NUMWORD = alternation([w for w in _V.number_words if w not in ("a", "an", "half")])
NUM = rf"(?:\d+(?:\.\d+)?(?:[ ]+1/2|½)?|(?:{_NUMWORD}|an?)(?:-and-a-half|[ ]+and[ ]+a[ ]+half)?)"
_DURATION = compile_scan(
    rf"(?<![\w.])(?<!\d,)(?P<nums>{NUM}(?:(?:[ ]*,[ ]*|[ ]+and[ ]+|[ ]+or[ ]+){NUM})*)[ -]+(?P<unit>years?|months?|weeks?|days?|hours?)\b(?![ -]old\b)"
    rf"(?:'s?)?(?P<half>[ ]+and[ ]+a[ ]+half\b)?(?:(?:[ ]+and|[ ]*,|(?<=s))[ ]+(?P<num2>{NUM})[ -]+(?P<unit2>months?|weeks?|days?)\b)?",
    re.IGNORECASE,
)
_UNIT_STEMS = ("year", "month", "week", "day", "hour")  # a duration needs one (lower case suffices: no folding quirks)
_DIGIT = re.compile(r"\d")  # the same digits as the amount patterns' \d
_LIST_SPLIT = re.compile(r"[ ]*,[ ]*|[ ]+and[ ]+(?!a[ ]+half)|[ ]+or[ ]+", re.IGNORECASE)
# Corporal punishment: "74 lashes", "twenty strokes of the cane": a count with no unit (the guide's units are
# years, months, days, hours, life and currency; the note says what is counted).
_LASHES = re.compile(rf"(?<![\w.])(?P<num>\d+|{_NUMWORD})[ ]+(?:lashes|strokes)\b", re.IGNORECASE)
# "a one-year term suspended for five years": the second duration is the probation, not a term
# ("suspended for a probation period of three years": the same)
_SUSPENDED_FOR = re.compile(
    r"\b(?:suspended|deferred)[ ]+for[ ]+(?:a[ ]+)?(?:(?:probation(?:ary)?|trial|test)[ ]+)?(?:period[ ]+of[ ]+)?$", re.IGNORECASE
)
# "twice a month", "three times a year": a frequency ("a month" is no duration there)
_FREQUENCY = re.compile(r"\b(?:once|twice|thrice|times)[ ]+$", re.IGNORECASE)
_LIFE = re.compile(r"\blife (?:imprisonment|sentences?|in prison|terms?)\b|\bimprisonment for life\b", re.IGNORECASE)
_DECISION_CUE_PATTERN = (
    r"\b(?:sentenced|sentences?|convicted|found (?:[^.;:]{1,80}? )?(?<!not )guilty|given|gave|dealt|handed|ordered to pay|fined"
    r"|condemned to|punished with"
    r"|received (?:[a-z]+[ -]+){0,3}?(?:sentences?|terms?|years?|months?|weeks?|days?|fines?)\b"
    r"|required to (?:live|reside|stay|report)"
    r"|banned from|barred from|jailed|imprisoned|serving|monitoring orders?|probation|verdict|judge's order|court order|ruled|ruling"
    r"|ordered|imposed|upheld|acquitted|overturned|annulled|quashed|(?:rejected|dismissed) (?:the|her|his|their) appeals?)\b"
)
# runs on the lower-cased text; the leading \b is checked in Python (see fastre)
_DECISION_CUE = re.compile(_DECISION_CUE_PATTERN)
_DECISION_SCAN = Scanner(_DECISION_CUE_PATTERN)
# (these two run on the lower-case text: case-sensitive matching is much faster)
_HYPOTHETICAL = compile_scan(
    r"\b(?:risks?|risking|faces? up to|facing up to|could|might|would|if convicted|demanded|requested|asked for|seeks?|seeking"
    # "the prosecutor asked the court to sentence X to three years": a request, not a ruling
    r"|(?:asked|urged|called on|called upon|invited) the (?:court|judges?|tribunal|bench) to|asked that"
    r"|call(?:ed|s|ing)? for [^.;]{0,60}?to be (?:sentenced|jailed|imprisoned|fined)"
    # "prosecutors sought six years in prison" (not "who sought asylum")
    r"|sought (?:an? )?(?:[\w-]+ ){0,3}?(?:years?|months?|sentences?|prison|jail|fines?|imprisonment))\b"
)
# "The prosecutor demanded five years, but the court sentenced her to two": the ruling after the request
# (lower-case text)
_RULED_INSTEAD = re.compile(
    r"\b(?:but|however|instead|while|whereas)\b[^.;]{0,50}?\b(?:sentenced|jailed|fined|gave|handed|imposed|ordered)\b"
)
# A ruling named without terms still gives a decision (terms may follow).
_RULING = compile_scan(
    r"\b(?:convicted|found (?:[^.;:]{1,80}? )?(?<!not )guilty|sentenced|acquitted|upheld|overturned|annulled|quashed"
    r"|(?:rejected|dismissed) (?:the|her|his|their) appeals?"
    # "Judge X handed down the sentences to Y and Z" (the terms were told before)
    r"|handed (?:down|out) (?:the |their |his |her )?(?:sentences?|verdicts?))\b"
)
CONTINUATION_SENTENCES = 2
_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)"
_PEOPLE = (
    r"(?:defendants|accused|men|women|leaders|members|activists|unionists|workers|organisers|organizers|strikers|employees"
    r"|protesters|demonstrators|people|teachers|nurses|drivers|miners|dockers|officials|stewards)"
)
_CONVICTED = re.compile(r"convicted|guilty|sentence", re.IGNORECASE)
_OTHER_PEOPLE = re.compile(
    r"\b(?:workers|members|activists|others|people|employees|strikers|protesters|each)\b", re.IGNORECASE
)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_COMPANY_ABBR = r"\b(?:Co|Ltd|Inc|Corp|Bros|Pty|Pvt|Plc)\."
_TITLE_BEFORE_NAME = r"(?:the|its|his|her|their)[ ]+(?:(?!(?:who|was|were|is|are|has|had|by|to)\b)[a-z][\w'-]*[ ]+){0,3}[a-z][\w'-]*[ ]*,[ ]*"
_LIST_GAP = re.compile(
    r"^(?:[ ]*,[ ]*(?:and[ ]+)?|[ ]+and[ ]+(?:of[ ]+)?|[ ]*,?[ ]+as well as[ ]+"
    # "treasurer X and press officer Y": a lower-case title (no verb) before the next name
    r"|[ ]+and[ ]+(?:(?!(?:who|was|were|is|are|has|had|by|to|of)\b)[a-z][a-z-]*(?<!ed)[ ]+){1,3}"
    # "X and the union's secretary, Y": a title in apposition before the next name
    rf"|[ ]*,?[ ]+and[ ]+{_TITLE_BEFORE_NAME}"
    # "X, 61, the federation's former chairman, and Y": appositions (no verb) between the names; they may
    # name an organisation with its acronym ("(SINTRALUG)") or a company ("Golden Lotus Garment Co.")
    rf"|[ ]*,(?:(?![ ]*(?:who|which|was|were|is|are|has|had|to|for|with|on)\b)[ ]*(?:[^,;.()]|\([^(),;.]{{1,20}}\)|{_COMPANY_ABBR}){{1,110}},)+[ ]*(?:and|as well as)[ ]+"
    rf"(?:{_TITLE_BEFORE_NAME})?)"
    # "Mr X and Mr Y", "Ms X, Mr Y and Dr Z": an honorific outside the next name's mention
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Mme)\.?[ ]+)?$"
)
_BAR = r"\b(?:bars?|barred|barring|bans?|banned|banning|prohibit\w*|forbid\w*|disqualif\w*|depriv\w*[ ]+(?:\w+[ ]+)?of[ ]+the[ ]+right)\b"
_LEAVING = r"(?:leaving|travel\w*|going[ ]+abroad|exiting|departing)\b"
# "barred X from holding any leadership post in public associations, including unions, for five years":
# a ban whose object (a post, an activity) runs longer than the window of _KIND_BEFORE
_BAR_LONG_OBJECT = re.compile(
    rf"{_BAR}[^;.]{{0,60}}?\bfrom[ ]+(?!{_LEAVING})\w+ing\b[^;.]{{0,140}}?\bfor[ ]+(?:about[ ]+)?$", re.IGNORECASE
)
_W = r"[\w'-]+[ ]+"  # one word of the gap; "general-regime" is one word
_RESTRICTION = (
    r"restrict\w*|freedom of movement|house arrest|home (?:confinement|detention)|limitation of (?:freedom|liberty)"
    r"|open[ -]type (?:correctional )?(?:facility|institution|colony)|(?:travel[ ]+|exit[ ]+)ban\b"
    r"|ban[ ]+on[ ]+(?:leaving|travel\w*|foreign[ ]+travel|exit\w*)"
    r"|(?:home[ ]+)?chemistry\b|khimi(?:ya|ia)\b"  # Belarus: restricted freedom, "(home) chemistry"
)
_KIND_AFTER = [
    # ("three years of deprivation of liberty, suspended"; not "three years in prison, two suspended")
    ("suspended", re.compile(
        r"^\W*(?:(?:of[ ]+|in[ ]+)?(?:imprisonment|prison|jail|deprivation[ ]+of[ ]+(?:liberty|freedom))\W+)?"
        r"(?:(?!(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|and|or|but|plus)\b)\w+\W+){0,2}(?:(?:fully|wholly|entirely)[ ]+)?(?:suspended|conditional)\b",
        re.IGNORECASE)),
    ("restriction_of_movement", re.compile(rf"^\W*(?:of[ ]+)?(?:{_W}){{0,3}}(?:{_RESTRICTION})", re.IGNORECASE)),
    ("forced_labour", re.compile(
        rf"^\W*(?:of[ ]+)?(?:{_W}){{0,2}}(?:(?:forced|compulsory|corrective|correctional|public|community|unpaid)[ ]+(?:labou?r|works?|service)"
        r"|re-?education[ ]+through[ ]+labou?r|labou?r[ ]+re-?education)", re.IGNORECASE)),
    # "a ban", "a five-year ban"; not "18 months and banned him from office for three years" (a new clause)
    ("ban_from_office", re.compile(r"^\W*(?:(?!and\b)\w+[ ]+){0,1}(?:ban|bans|banned|barred|prohibition|disqualification)\b", re.IGNORECASE)),
    # "two years' probation"; not "two years and a probation period of three" (the condition of a suspended term)
    ("other", re.compile(rf"^\W*(?:(?!and\b){_W}){{0,2}}(?:court[ ]+)?(?:monitoring|supervision|probation|supervised[ ]+release"
             # "two years of exile to a remote town", "internal exile"; not "five years in exile" (abroad)
             r"|internal[ ]+exile|(?<!\bin[ ])exile|banishment)", re.IGNORECASE)),
    ("prison", re.compile(
        rf"^\W*(?:{_W}){{0,3}}(?:prison|jail|gaol|imprisonment|(?:penal |labour |correctional |regime )?colony|behind bars|incarceration|in a labour camp"
        r"|administrative (?:detention|arrest))", re.IGNORECASE)),
    ("prison", re.compile(r"^[ -]*(?:custodial[ ]+)?(?:term|sentence)s?\b(?![ ]+(?:as|of office|in office|at)\b)", re.IGNORECASE)),
]
_KIND_BEFORE = [
    ("suspended", re.compile(r"\b(?:suspended|conditional)\b[^,;]{0,30}$", re.IGNORECASE)),
    # ("restricted freedom and banned him from office for four years": the ban is nearer, the span stops at it)
    ("restriction_of_movement", re.compile(
        rf"\b(?:required to (?:live|reside|stay)|restrict\w*|may not leave|house arrest)\b(?:(?!{_BAR})[^;]){{0,80}}$", re.IGNORECASE)),
    # "bars him from leaving Iran for two years", "banned from travelling abroad for"
    ("restriction_of_movement", re.compile(rf"{_BAR}[^;]{{0,40}}?\bfrom[ ]+{_LEAVING}[^;]{{0,50}}?\bfor[ ]+$", re.IGNORECASE)),
    # "a travel ban of five years", "an exit ban for two years"
    ("restriction_of_movement", re.compile(r"\b(?:travel|exit)[ ]+bans?[ ]+(?:of|for)[ ]+(?:about[ ]+)?$", re.IGNORECASE)),
    # "placed on probation for two years", "sentenced to probation of one year"
    ("other", re.compile(r"\b(?:(?:placed|put)[ ]+on[ ]+|to[ ]+)probation(?:ary[ ]+supervision)?[ ]+(?:for|of)[ ]+(?:about[ ]+)?$", re.IGNORECASE)),
    # "prohibited him from holding leadership positions in any public association for three years"
    ("ban_from_office", re.compile(rf"{_BAR}(?:(?!\b(?:jailed|sentenced|imprisoned|prison)\b)[^;]){{0,90}}(?:for|of)[ ]+$", re.IGNORECASE)),
    # "reduced the ban on holding office to two years", "cut his travel ban to a year"
    ("restriction_of_movement", re.compile(
        rf"\b(?:reduc|increas|cut|extend|lower|shorten)\w*[ ]+(?:[\w'-]+[ ]+){{0,3}}?(?:(?:travel|exit)[ ]+bans?|bans?[ ]+on[ ]+{_LEAVING})"
        r"[^.;]{0,60}?\bto[ ]+$", re.IGNORECASE)),
    ("ban_from_office", re.compile(
        r"\b(?:reduc|increas|cut|extend|lower|shorten)\w*[ ]+(?:[\w'-]+[ ]+){0,3}?(?:bans?|prohibition|disqualification)\b"
        r"[^.;]{0,60}?\bto[ ]+$", re.IGNORECASE)),
    # "the appeal court reduced his sentence from five years to three", "her term was cut to 18 months"
    ("prison", re.compile(
        r"\b(?:reduc|increas|commut|cut|lower|rais|extend|halv)\w*[ ]+(?:[\w'-]+[ ]+){0,6}?(?:sentences?|terms?|penalty|penalties|punishment)\b"
        r"[^.;]{0,80}?\bto[ ]+(?:about[ ]+)?$"
        r"|\b(?:sentences?|terms?|penalty|punishment)\b[^.;]{0,60}?\b(?:was|were|has[ ]+been|have[ ]+been)[ ]+"
        r"(?:reduced|increased|commuted|cut|lowered|raised|extended|halved)[ ]+(?:on[ ]+appeal[ ]+)?to[ ]+(?:about[ ]+)?$",
        re.IGNORECASE)),
    ("prison", re.compile(r"\b(?:sentenced|jailed|imprisoned|condemned)(?:[ ]+\w+){0,4}?[ ]+(?:to|for)[ ]+$", re.IGNORECASE)),
    # "sentenced union leaders X and Y to four and three years respectively": a longer object, names and titles
    ("prison", re.compile(r"\bsentenced(?:[ ]+(?!(?:to|for|ordered|fined|banned)\b)[\w'-]+,?){1,12}?[ ]+to[ ]+$")),
    ("prison", re.compile(r"\b(?:jailed|imprisoned|locked up)\b[^;.()]{0,70}?,[ ]+for[ ]+$", re.IGNORECASE)),
    ("prison", re.compile(r"\b(?:prison|jail|custodial)[ ]+(?:term|sentence)[ ]+of[ ]+(?:about[ ]+)?$", re.IGNORECASE)),
    # "sentenced to imprisonment of three years", "a term of imprisonment of", "deprivation of liberty for"
    ("prison", re.compile(
        r"\b(?:imprisonment|incarceration|deprivation[ ]+of[ ]+(?:liberty|freedom)|administrative[ ]+(?:detention|arrest))[ ]+(?:term[ ]+)?(?:of|for)[ ]+(?:about[ ]+)?$", re.IGNORECASE)),
    ("prison", re.compile(r"\b(?:received|receive|given|got|handed|serving|serve)[ ]+(?:a|an|the)[ ]+(?:\w+[ ]+)?(?:sentence|term)[ ]+of[ ]+(?:about[ ]+)?$", re.IGNORECASE)),
    # "the court gave Ivan X ten years": a bare duration right after the ruling verb and its object
    ("prison", re.compile(r"\b(?:gave|given|handed|sentenced)[ ]+(?:him|her|them|(?:[A-Z][\w'-]+[ ]+)*[A-Z][\w'-]+)[ ]+$")),
    ("prison", re.compile(r"\b(?:received|receives|got|was given|were given)[ ]+$")),  # "received six months"
]
# "four years' imprisonment, which the court replaced with a suspended sentence": the term is conditional
_REPLACED_BY_SUSPENDED = re.compile(
    r"[^.;]{0,40}?\b(?:replaced|converted|commuted|changed|turned)\b[^.;]{0,25}?\b(?:suspended|conditional)\b", re.IGNORECASE
)
# "fined ZiG 5,000, with 60 days' imprisonment in default of payment", "or, failing payment, six months in
# jail": a term served only if the fine is not paid is an alternative, not a term of the sentence
_IN_DEFAULT_AFTER = re.compile(r"^[^.;]{0,40}?\bin[ ]+(?:default\b|lieu\b(?![ ]+of[ ]+(?:a|the)[ ]+fine)|lieu[ ]+of[ ]+payment)", re.IGNORECASE)
_IN_DEFAULT_BEFORE = re.compile(
    r"\b(?:in[ ]+default|in[ ]+lieu[ ]+of[ ]+payment|failing[ ]+(?:which|payment|that|this)|(?:on|upon|for)[ ]+(?:non-?|failure[ ]+(?:of|to[ ]+))pay\w*"
    r"|if[ ]+(?:\w+[ ]+){0,4}?(?:unpaid|not[ ]+paid|fails?[ ]+to[ ]+pay|does[ ]+not[ ]+pay|do[ ]+not[ ]+pay|cannot[ ]+pay))\b[^.;]{0,50}$"
    # "fined him Sh100,000 or six months in jail": the amount, then the term as its alternative
    r"|\d(?:[ ]+[\w.]+){0,2}[ ]*,?[ ]+or(?:,[ ]*in[ ]+default,?)?[ ]+(?:(?:to[ ]+)?(?:serve|undergo|suffer|spend)[ ]+)?$",
    re.IGNORECASE,
)
_FINE_WORD = re.compile(r"\bfine[sd]?\b|\bpay\b", re.IGNORECASE)


def _may_be_in_default(low: str) -> bool:
    """A literal of every default-of-payment wording is there (written out: faster than a loop or a regex)."""
    return (" or " in low or "default" in low or "lieu" in low or "fail" in low or "paid" in low or "non-pay" in low
            or "not pay" in low or "cannot pay" in low)


def _may_be_pretrial(low: str) -> bool:
    return ("house arrest" in low or "trial" in low or "pending" in low or "preventive" in low or "restraint" in low
            or "investigation" in low)


def _in_default(text: str, start: int, end: int) -> bool:
    """The duration at text[start:end] is the term served if a fine named before it goes unpaid."""
    if not _FINE_WORD.search(text, 0, start):
        return False
    return bool(_IN_DEFAULT_AFTER.match(text[end:end + 60]) or _IN_DEFAULT_BEFORE.search(text, max(0, start - 90), start))


_SUSPENDED_SENTENCE_OF = re.compile(
    r"\b(?:suspended|conditional)[ ]+(?:prison[ ]+|jail[ ]+|custodial[ ]+)?(?:sentences?|terms?)[ ]+of[ ]+(?:about[ ]+)?$", re.IGNORECASE
)
# "placed under house arrest for two months pending trial", "as a preventive measure": a measure before
# the verdict, not a term of one
_PLACED_UNDER = re.compile(r"\b(?:placed|put|kept|held)[ ]+(?:[\w'-]+[ ]+){0,4}?under[ ]+house[ ]+arrest\b[^;.]{0,40}$", re.IGNORECASE)
_PRETRIAL = re.compile(
    r"\b(?:pre-?trial|pending[ ]+(?:trial|(?:the[ ]+|an[ ]+)?investigation|(?:the[ ]+|his[ ]+|her[ ]+|their[ ]+)?trial)"
    r"|preventive[ ]+measure|measure[ ]+of[ ]+restraint|during[ ]+the[ ]+investigation)\b",
    re.IGNORECASE,
)
_SENTENCED_WORD = re.compile(r"\bsentenc|\bconvict|\bguilty\b", re.IGNORECASE)


def _pretrial(text: str, start: int, end: int) -> bool:
    if _SENTENCED_WORD.search(text, 0, start):
        return False
    return bool(_PLACED_UNDER.search(text, max(0, start - 90), start) or _PRETRIAL.search(text[max(0, start - 60):end + 60]))


_BARE_FROM = len(_KIND_BEFORE) - 2  # the last two patterns: a bare duration after a giving verb
# "gave them thirty days to leave", "48 hours' notice": a deadline, not a term
_DEADLINE_AFTER = re.compile(r"^(?:['’]s?)?[ ]+(?:to[ ]+(?!be\b|serve\b|prison\b|jail\b|life\b)[a-z]+\b|notice\b|in[ ]+which\b)")
_NOTES = {"other": re.compile(r"(court monitoring order|judicial supervision|probation|monitoring order|exile|banishment)", re.IGNORECASE)}
_COURT_WORDS = re.compile(r"\b(?:(?:a|an|the)[ ]+)?(?:[A-Z][\w-]+[ ]+)?(?:[a-z]+[ ]+)?(?:court|judge|tribunal)\b")


@lru_cache(maxsize=1)
def _money() -> re.Pattern[str]:
    words = [w for w in _CURRENCY if not re.fullmatch(r"\W+", w)]
    symbols = [w for w in _CURRENCY if re.fullmatch(r"\W+|us\$", w)]
    return re.compile(
        # "HK$", "R$": a dollar sign after letters is another currency (see _LETTER_MONEY)
        rf"(?<![A-Za-z])(?P<sym>{alternation(symbols)})[ ]?(?P<amt>\d[\d,]*(?:\.\d+)?)(?:[ ]*(?P<mult>million|thousand|billion|bn)\b)?"
        rf"|(?<![\w.])(?P<amt2>\d[\d,]*(?:\.\d+)?)[ ]*(?P<mult2>million|thousand|billion|bn)?[ ]*(?P<cur>{alternation(words)})\b",
        re.IGNORECASE,
    )


# Generic currency words whose code depends on the country ("dinars" in Algeria are DZD).
_GENERIC_CURRENCY = {
    "dirham": {"morocco": "MAD", "united arab emirates": "AED", "uae": "AED"},
    "dinar": {"algeria": "DZD", "tunisia": "TND", "iraq": "IQD", "jordan": "JOD", "serbia": "RSD",
              "kuwait": "KWD", "bahrain": "BHD", "libya": "LYD"},
    "dollar": {"hong kong": "HKD", "canada": "CAD", "australia": "AUD", "taiwan": "TWD", "singapore": "SGD",
               "new zealand": "NZD", "liberia": "LRD", "fiji": "FJD", "jamaica": "JMD", "namibia": "NAD"},
    "peso": {"mexico": "MXN", "philippines": "PHP", "colombia": "COP", "argentina": "ARS", "chile": "CLP",
             "dominican republic": "DOP", "cuba": "CUP", "uruguay": "UYU"},
    "pound": {"egypt": "EGP", "sudan": "SDG", "lebanon": "LBP", "syria": "SYP", "south sudan": "SSP"},
    "rupee": {"india": "INR", "pakistan": "PKR", "sri lanka": "LKR", "nepal": "NPR", "mauritius": "MUR"},
    "shilling": {"kenya": "KES", "uganda": "UGX", "tanzania": "TZS", "somalia": "SOS"},
    "franc": {"switzerland": "CHF", "rwanda": "RWF", "burundi": "BIF", "guinea": "GNF", "dr congo": "CDF",
              "democratic republic of the congo": "CDF", "congo": "XAF", "cameroon": "XAF", "chad": "XAF",
              "gabon": "XAF", "senegal": "XOF", "mali": "XOF", "niger": "XOF", "benin": "XOF", "togo": "XOF",
              "burkina faso": "XOF", "cote d'ivoire": "XOF", "ivory coast": "XOF", "madagascar": "MGA"},
    "rial": {"iran": "IRR", "yemen": "YER", "oman": "OMR", "saudi arabia": "SAR", "qatar": "QAR"},
    "riyal": {"saudi arabia": "SAR", "qatar": "QAR", "yemen": "YER"},
    "kwacha": {"zambia": "ZMW", "malawi": "MWK"},
    "som": {"uzbekistan": "UZS"},
    "lei": {"moldova": "MDL"},
    "leu": {"moldova": "MDL"},
    "rouble": {"belarus": "BYN"},
    "ruble": {"belarus": "BYN"},
}
# Symbols written before the amount ("E3,000", "Rs 500", "HK$2,000"): case-sensitive, by country (data/court.yaml).
_LETTER_SYMBOLS: dict[str, dict[str, str]] = {
    str(sym): {str(country).lower(): str(code) for country, code in by_country.items()}
    for sym, by_country in _COURT_DATA["prefix_symbols"].items()
}
_LETTER_MONEY = compile_scan(
    rf"(?<![\w.$])(?P<sym>{'|'.join(re.escape(sym) for sym in sorted(_LETTER_SYMBOLS, key=len, reverse=True))})"
    # (not a case number: "Case No. S/2024/15")
    r"\.?[ ]?(?P<amt>\d[\d,]*(?:\.\d+)?)(?!\w|/\d)(?:[ ]*(?P<mult>million|thousand|billion|bn)\b)?"
)


def _country_code(word: str, code: str, country: str | None) -> str:
    """The code for a generic currency word in the document's country, else the default code."""
    if not country:
        return code
    stem = word.lower().rstrip("s")
    by_country = _GENERIC_CURRENCY.get(stem)
    return by_country.get(country.lower(), code) if by_country else code


def parse_number(text: str) -> float | None:
    text = text.strip().lower()
    half = 0.0
    for suffix in ("-and-a-half", " and a half", " 1/2", "½"):
        if text.endswith(suffix):
            text, half = text[: -len(suffix)].strip(), 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text) + half
    if text in _V.number_words:
        return _V.number_words[text] + half
    return None


def _clean(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


@dataclass
class TermMatch:
    start: int
    end: int
    amounts: list[float | int | None]
    unit: str | None
    kind: str
    currency: str | None = None
    note: str = ""


# "three years in prison, two of them suspended", "five years, of which three are suspended"
_PART_SUSPENDED = re.compile(
    rf"^(?:[ ]+(?:in[ ]+prison|in[ ]+jail|of[ ]+imprisonment|imprisonment))?[ ]*,[ ]*(?:(?P<num>{NUM})[ ]+(?:years?[ ]+|months?[ ]+)?of[ ]+(?:them|which)"
    rf"|of[ ]+which[ ]+(?P<num_b>{NUM})(?:[ ]+(?:years?|months?))?)(?:[ ]+(?:are|were|is|was))?[ ]+(?:suspended|conditional)\b",
    re.IGNORECASE,
)


def _unit(word: str) -> str:
    word = word.lower()
    return word if word.endswith("s") else word + "s"


def find_terms(norm: str, sentence: Sentence, country: str | None = None) -> list[TermMatch]:
    """Terms of a sentence, in text order."""
    s, e = sentence.start, sentence.end
    text = norm[s:e]
    low = text.lower()
    # cheap tests first: every duration names its unit, every written amount has a digit
    has_unit = any(unit in low for unit in _UNIT_STEMS)
    durations = list(_DURATION.finditer(text)) if has_unit else []
    # cheap tests for the rarer readings of a duration
    has_suspended = "suspended" in low or "conditional" in low
    has_default = bool(durations) and _may_be_in_default(low)
    has_pretrial = bool(durations) and _may_be_pretrial(low)
    terms: list[TermMatch] = []
    for k, m in enumerate(durations):
        nums = [parse_number(x) for x in _LIST_SPLIT.split(m.group("nums"))]
        if any(n is None for n in nums):
            continue
        if m.group("half") and len(nums) == 1:  # "a year and a half"
            nums = [nums[0] + 0.5]
        unit = _unit(m.group("unit"))
        second = None  # "18 months and 12 months": two terms, not one mixed term
        if m.group("num2"):
            extra = parse_number(m.group("num2")) or 0
            unit2 = _unit(m.group("unit2"))
            factor = {"years": {"months": 12, "weeks": 52, "days": 365}}.get(unit, {}).get(unit2)
            # ("two years and eighteen months ... respectively": a second term, as no mixed term has 18 months)
            if factor and len(nums) == 1 and extra < factor:
                nums, unit = [nums[0] * factor + extra], unit2
            else:
                second = (m.start("num2"), [_clean(extra)], unit2)
        if terms and _SUSPENDED_FOR.search(text, max(0, m.start() - 40), m.start()):
            continue
        if _FREQUENCY.search(text, max(0, m.start() - 8), m.start()):
            continue  # "report twice a month", "three times a week": how often, not how long
        limit = durations[k + 1].start() if k + 1 < len(durations) else len(text)
        after = text[m.end():min(limit, m.end() + 70)].replace('"', "")  # "restricted freedom" in quotes
        prev_end = terms[-1].end - s if terms else 0
        before = text[max(prev_end, m.start() - 90):m.start()]
        kind = "suspended" if _REPLACED_BY_SUSPENDED.match(after) else _kind(after, before, unit)
        if kind is None and _BAR_LONG_OBJECT.search(text, max(prev_end, m.start() - 200), m.start()):
            kind = "ban_from_office"  # "barred X from holding any post in ..., including ..., for five years"
        if kind in ("prison", None) and has_suspended and _SUSPENDED_SENTENCE_OF.search(before):
            kind = "suspended"  # "a suspended sentence of 18 months' imprisonment": the imprisonment is suspended
        if kind is None and terms and _SAME_KIND_GAP.fullmatch(text, terms[-1].end - s, m.start()):
            kind = terms[-1].kind  # "sentences of 18 months and 12 months", "X received 16 months and Y 14 months"
        if kind is None and terms and _FURTHER.fullmatch(text, terms[-1].end - s, m.start()):
            kind = terms[-1].kind  # "five years in prison and a further one year for ...": a second term of that kind
        if kind is None and terms and _AND_Y_TO.fullmatch(text, terms[-1].end - s, m.start()) and _SENTENCED_TO.search(text, 0, terms[-1].start - s):
            kind = terms[-1].kind  # "sentenced X to 14 months in prison, and Y to 10 months": the verb is shared
        if kind == "other" and terms and terms[-1].kind == "suspended" and "probation" in after[:40].lower():
            continue  # "a three-year suspended sentence and two years of probation": the condition of the suspended term
        if has_suspended and _suspended_part(text, s, terms, m, (nums, unit)):
            continue  # "a year in prison, six months of which were suspended": the part is told with its unit
        probation = _PROBATION_WITH.fullmatch(text, terms[-1].end - s, m.start()) if terms else None
        if probation and (kind == "other" or "period" in probation.group()):
            terms[-1].kind = "suspended"  # "two years with three years' probation": a conditional term
            continue
        if kind is None or (kind in ("prison", "forced_labour") and has_default and _in_default(text, m.start(), m.end())):
            continue
        if kind in ("prison", "restriction_of_movement") and has_pretrial and _pretrial(text, m.start(), m.end()):
            continue
        note = ""
        if kind in _NOTES:
            found = _NOTES[kind].search(after)
            note = found.group(1).lower() if found else ""
        part = _PART_SUSPENDED.match(after) if kind == "prison" and len(nums) == 1 else None
        held = parse_number(part.group("num") or part.group("num_b")) if part else None
        if held is not None and 0 < held < nums[0]:  # "three years, two of them suspended": 1 in prison + 2 suspended
            terms.append(TermMatch(s + m.start(), s + m.end(), [_clean(nums[0] - held)], unit, kind))
            terms.append(TermMatch(s + m.start(), s + m.end(), [_clean(held)], unit, "suspended"))
            continue
        terms.append(TermMatch(s + m.start(), s + m.end(), [_clean(n) for n in nums], unit, kind, note=note))
        if second is not None:
            terms.append(TermMatch(s + second[0], s + m.end(), second[1], second[2], kind, note=note))
    _same_period_terms(text, s, terms)
    for m in _LIFE.finditer(text) if "life" in low else ():
        terms.append(TermMatch(s + m.start(), s + m.end(), [None], "life", "prison"))
    for m in _UNCOUNTED_OTHER.finditer(text) if "death" in low or "citizenship" in low or "nationality" in low else ():
        terms.append(TermMatch(s + m.start(), s + m.end(), [None], None, "other", note=m.group().lower()))
    for m in _LASHES.finditer(text) if "lashes" in low or "strokes" in low else ():
        count = parse_number(m.group("num"))
        if count is not None:
            terms.append(TermMatch(s + m.start(), s + m.end(), [_clean(count)], None, "other", note=m.group().lower()))
    has_digit = _DIGIT.search(text) is not None
    for m in _money().finditer(text) if has_digit else ():
        word = m.group("sym") or m.group("cur") or ""
        code = _CURRENCY.get(word.lower())
        if code:
            code = _country_code(word, code, country)
        raw = (m.group("amt") or m.group("amt2") or "").replace(",", "")
        if not code or not raw:
            continue
        amount = float(raw) * {"million": 1e6, "thousand": 1e3, "billion": 1e9, "bn": 1e9}.get((m.group("mult") or m.group("mult2") or "").lower(), 1)
        around = text[m.end():m.end() + 30].lower()
        note = "compensation" if "compensation" in around else "damages" if "damages" in around else ""
        terms.append(TermMatch(s + m.start(), s + m.end(), [_clean(amount)], "currency", "fine", code, note))
    _word_money_terms(text, s, country, terms)
    if has_digit:
        _code_money_terms(text, s, terms)
    for m in _LETTER_MONEY.finditer(text) if has_digit else ():
        by_country = _LETTER_SYMBOLS[m.group("sym")]
        code = by_country.get((country or "").lower()) or by_country.get("")
        if not code or any(t.start <= s + m.start() < t.end for t in terms):
            continue
        amount = float(m.group("amt").replace(",", "")) * {"million": 1e6, "thousand": 1e3, "billion": 1e9, "bn": 1e9}.get(
            (m.group("mult") or "").lower(), 1
        )
        terms.append(TermMatch(s + m.start(), s + m.end(), [_clean(amount)], "currency", "fine", code))
    terms = [t for t in terms if t.unit != "currency" or not _NOT_A_FINE.search(norm, max(s, t.start - 30), t.start)
             or _FINE_IN_WAGES.search(norm, max(s, t.start - 90), t.start)]
    terms = [t for t in terms if not _converted_amount(norm, s, t, terms)]
    terms.sort(key=lambda t: t.start)
    return terms


# "two years in prison, of which eight months (are) suspended", "a year in prison, six months of which were
# suspended": a part of the prison term, with its own unit, is suspended
_PART_GAP = re.compile(r"(?:[ ]+(?:in[ ]+prison|in[ ]+jail|of[ ]+imprisonment|imprisonment))?[ ]*,[ ]*(?P<which>of[ ]+(?:which|them)[ ]+)?")
_PART_AFTER = re.compile(
    r"(?:['’]s?)?[ ]+(?P<which>of[ ]+(?:which|them)[ ]+)?(?:(?:are|were|is|was|to[ ]+be|being)[ ]+)?(?:suspended|conditional)\b"
)
_MONTHS_IN = {"years": 12, "months": 1}


def _suspended_part(text: str, s: int, terms: list[TermMatch], m: re.Match[str], told: tuple[list, str]) -> bool:
    """Split the prison term before `m` into the part served and the suspended part `m` tells; True when done."""
    nums, unit = told
    if not terms or terms[-1].kind != "prison" or len(nums) != 1 or len(terms[-1].amounts) != 1:
        return False
    prev = terms[-1]
    gap = _PART_GAP.fullmatch(text, prev.end - s, m.start())
    after = _PART_AFTER.match(text, m.end())
    if not gap or not after or not (gap.group("which") or after.group("which")):
        return False
    if prev.unit not in _MONTHS_IN or unit not in _MONTHS_IN or prev.amounts[0] is None:
        return False
    common = prev.unit if prev.unit == unit else "months"
    total = prev.amounts[0] * (_MONTHS_IN[prev.unit] if common == "months" else 1)
    part = nums[0] * (_MONTHS_IN[unit] if common == "months" else 1)
    if not 0 < part < total:
        return False
    prev.amounts, prev.unit = [_clean(total - part)], common
    terms.append(TermMatch(s + m.start(), s + m.end(), [_clean(part)], common, "suspended"))
    return True


_FURTHER = re.compile(r"[^;.()]{0,90}?,?[ ]+(?:and|plus)[ ]+(?:to[ ]+)?(?:a[ ]+|an[ ]+)?(?:further|another|additional|extra)[ ]+")
# "sentenced X to two years in jail, and his deputy, Y, 38, to one year": a second object of the same verb
# (or a list: "X to five years in prison, secretary Y to three years and Z to two"; "...; Y to three years; and Z")
_AND_Y_TO = re.compile(
    r"[^;.()]{0,40}?(?:,?[ ]+and[ ]+|[ ]*[,;][ ]*(?:and[ ]+)?)(?:(?!sentenced|fined|given|jailed)[^;.()]){1,80}?[ ]+to[ ]+"
)
_SENTENCED_TO = re.compile(r"\bsentenced\b")
# between two amounts of one kind: a list, or a second defendant ("and former treasurer Tsang Ho-yin")
# ("X received five years in prison, Y three years": the kind of the first may stand between them)
_SAME_KIND_GAP = re.compile(
    r"(?:[ ]+(?:in[ ]+(?:prison|jail)|of[ ]+imprisonment|imprisonment)|'[ ]+imprisonment)?"
    r"[ ]*(?:,|and|or|, and)[ ]*(?:(?:[a-z-]+[ ]+){0,3}(?:[A-Z][\w'-]+[ ]+){1,4})?"
)
_PROBATION_WITH = re.compile(
    r"(?:[ ]+\w+){0,3}?[ ]*,?[ ]+(?:with[ ]+(?:a[ ]+)?(?:(?:probation(?:ary)?|trial|test)[ ]+period[ ]+of[ ]+)?"
    r"|and[ ]+(?:a[ ]+)?(?:probation(?:ary)?|trial|test)[ ]+period[ ]+of[ ]+)"
)
# Terms with no amount: the death sentence, loss of citizenship ordered with the sentence.
_UNCOUNTED_OTHER = compile_scan(
    r"\b(?:(?:sentenced|condemned)[ ]+(?:\w+[ ]+){0,3}?to[ ]+death|death[ ]+sentences?"
    r"|(?:citizenship|nationality)[ ]+(?:\w+[ ]+){0,2}?(?:be[ ]+|was[ ]+|were[ ]+)?(?:revoked|withdrawn|stripped|removed)"
    r"|(?:revocation|withdrawal|deprivation|loss)[ ]+of[ ]+(?:\w+[ ]+)?(?:citizenship|nationality)"
    r"|stripped[ ]+(?:\w+[ ]+){0,2}?of[ ]+(?:\w+[ ]+){0,2}?(?:citizenship|nationality))\b",
    re.IGNORECASE,
)
_SAME_PERIOD = re.compile(r"\bfor[ ]+(?:the|a)[ ]+(?:same|like|similar)[ ]+(?:period|duration|length of time|term)\b", re.IGNORECASE)
_FROM_LEAVING = re.compile(rf"\bfrom[ ]+{_LEAVING}", re.IGNORECASE)
_FROM_DOING = re.compile(rf"\bfrom[ ]+\w+ing\b|{_BAR}", re.IGNORECASE)


def _same_period_terms(text: str, s: int, terms: list[TermMatch]) -> None:
    """"bars him from leaving for two years and from joining any group for the same period":
    the second ban repeats the amount of the term before it, with its own kind."""
    if "same" not in text and "like" not in text and "similar" not in text:
        return
    for m in _SAME_PERIOD.finditer(text):
        prev = [t for t in terms if t.end - s <= m.start() and t.unit in ("years", "months", "weeks", "days")]
        if not prev:
            continue
        gap = text[prev[-1].end - s:m.start()]
        kind = "restriction_of_movement" if _FROM_LEAVING.search(gap) else "ban_from_office" if _FROM_DOING.search(gap) else None
        if kind:
            terms.append(TermMatch(s + m.start(), s + m.end(), list(prev[-1].amounts), prev[-1].unit, kind))


@lru_cache(maxsize=1)
def _word_money() -> re.Pattern[str]:
    words = [w for w in _CURRENCY if not re.fullmatch(r"\W+|us\$", w)]
    number = rf"(?:{_NUMWORD}|hundred|a)"
    return re.compile(
        rf"(?<![\w.])(?P<num>{number}(?:[ -]+(?:and[ ]+)?{number})*)[ ]+(?P<mult>million|thousand|billion)?[ ]*(?P<cur>{alternation(words)})\b",
        re.IGNORECASE,
    )


def parse_number_words(text: str) -> float | None:
    """"two hundred", "twenty-five", "a hundred" as a number; None when a word is not a number."""
    total = 0.0
    for word in re.split(r"[ -]+", text.lower()):
        if word == "hundred":
            total = (total or 1) * 100
        elif word != "and":
            value = _V.number_words.get(word)
            if value is None:
                return None
            total += value
    return total or None


@lru_cache(maxsize=1)
def _code_money() -> re.Pattern[str]:
    """ "KZT 500,000", "BDT 10,000": an ISO code the vocabulary knows, written before the amount."""
    codes = sorted(set(_CURRENCY.values()) | {"RMB", "BYR"})  # codes in use beside the ISO ones
    return re.compile(rf"(?<![\w$])(?P<code>{'|'.join(codes)})[ ]?(?P<amt>\d[\d,]*(?:\.\d+)?)(?![\d\w])"
                      r"(?:[ ]*(?P<mult>million|thousand|billion|bn)\b)?")


def _code_money_terms(text: str, s: int, terms: list[TermMatch]) -> None:
    for m in _code_money().finditer(text):
        if any(t.start <= s + m.start() < t.end for t in terms):
            continue
        amount = float(m.group("amt").replace(",", "")) * {"million": 1e6, "thousand": 1e3, "billion": 1e9, "bn": 1e9}.get(
            (m.group("mult") or "").lower(), 1
        )
        code = _CURRENCY.get(m.group("code").lower(), m.group("code"))  # RMB is CNY
        terms.append(TermMatch(s + m.start(), s + m.end(), [_clean(amount)], "currency", "fine", code))


# "released on bail of KZT 500,000", "a monthly wage of 8,000 taka": money that is no penalty
_NOT_A_FINE = re.compile(r"\b(?:bail|bond|surety|sureties|salary|salaries|wages?|earns?|earning|donat\w+|loan)\b(?![^,;]*\bfine)[^,;]*$", re.IGNORECASE)
# "a fine of four minimum salaries (US$1,600)": a fine counted in wages, its sum in brackets
_FINE_IN_WAGES = re.compile(
    r"\b(?:fine[ds]?|ordered[ ]+to[ ]+pay)\b[^,;.()]{0,60}?\b(?:salary|salaries|wages?)[ ]*\([ ]*(?:about[ ]+|approximately[ ]+|some[ ]+)?$",
    re.IGNORECASE,
)
# "4 million riel (about US$1,000)": a conversion in brackets restates the fine before it
_EQUIVALENT = re.compile(r"\([ ]*(?:about|approximately|approx\.|around|roughly|some|nearly|almost|equivalent[ ]+to|i\.e\.)?[ ]*$", re.IGNORECASE)


def _converted_amount(norm: str, s: int, term: TermMatch, terms: list[TermMatch]) -> bool:
    if term.unit != "currency" or not _EQUIVALENT.search(norm, max(s, term.start - 20), term.start):
        return False
    return any(o.unit == "currency" and term.start - 25 <= o.end <= term.start for o in terms)


_WORDLIKE_CURRENCY = {"won", "sum", "som", "rand", "dong", "kip", "lari", "dram", "real", "lira"}


def _word_money_terms(text: str, s: int, country: str | None, terms: list[TermMatch]) -> None:
    """Fines written in words: "a fine of fifty thousand dinars", "two million tenge"."""
    low = text.lower()
    if "thousand" not in low and "million" not in low and "hundred" not in low and "billion" not in low:
        return  # cheap test first: fines in words name a large round sum
    for m in _word_money().finditer(text):
        value = parse_number_words(m.group("num"))
        code = _CURRENCY.get(m.group("cur").lower())
        if value is None or not code or (not m.group("mult") and (value == 1 or m.group("cur").lower() in _WORDLIKE_CURRENCY)):
            continue  # "a dollar" is no fine, "three won the case" no money
        value *= {"million": 1e6, "thousand": 1e3, "billion": 1e9}.get((m.group("mult") or "").lower(), 1)
        code = _country_code(m.group("cur"), code, country)
        terms.append(TermMatch(s + m.start(), s + m.end(), [_clean(value)], "currency", "fine", code))


def _kind(after: str, before: str, unit: str) -> str | None:
    for kind, pattern in _KIND_AFTER:
        if pattern.search(after):
            if kind == "prison" and unit == "hours":
                return None
            return kind
    if unit == "hours" and re.search(r"labou?r|work|service", after[:60], re.IGNORECASE):
        return "forced_labour"
    for k, (kind, pattern) in enumerate(_KIND_BEFORE):
        if pattern.search(before):
            # "gave them thirty days to leave": after a bare giving verb, a deadline is no term
            # ("sentenced to ten years to run concurrently" keeps its term)
            if k >= _BARE_FROM and _DEADLINE_AFTER.match(after):
                return None
            return kind
    return None


# a cued sentence that opens a list of sentences, one defendant per item
_ANNOUNCES_LIST = compile_scan(r"(?::|\bas follows\W*)[ ]*$")
_ITEM_MARK = re.compile(r"[ ]*(?:[-*•–][ ]+|\(?\w\)[ ]+|\d+\.[ ]+)?")


_A_COURT = re.compile(r"\b(?:court|judge|tribunal|magistrate)s?\b")


def _fines_a_body(state: PipelineState, sentence: Sentence, persons: list, term: TermMatch) -> bool:  # noqa: ANN001
    """"the Commission fined the union 1.4 billion won", "the District Governorate imposed administrative fines
    of N on 27 workers": money an authority other than a court imposed, no ruling. (A court ordering a union to
    pay damages stays a decision.)"""
    if _A_COURT.search(state.lower, sentence.start, sentence.end):
        return False
    if _EMPLOYER_FINES.search(state.lower, sentence.start, term.start):
        return True  # "the company fined X 500 rupees for missing a shift": a penalty at work, no ruling
    if any(m.end <= term.start for m in persons):
        return False
    bodies = mentions_in(state, sentence.start, term.start, "org")
    return any(state.orgs[m.index].kind != "court" for m in bodies)


_EMPLOYER_FINES = re.compile(
    r"\b(?:company|companies|employer|employers|management|factory|firm|owners?|managers?|supervisors?)\b[^.;]{0,40}?"
    r"\b(?:fined|docked|deducted|imposed)\b"
)


def _quoted(norm: str, sentence: Sentence) -> bool:
    """The sentence is inside a quotation opened earlier in its paragraph (or opens one)."""
    para = norm.rfind("\n", 0, sentence.start) + 1
    return norm.count('"', para, sentence.start) % 2 == 1 or norm.startswith('"', sentence.start)


def _opens_with_person(state: PipelineState, sentence: Sentence) -> bool:
    """A list item that names its defendant first ("- Ali Yusuf and Mahdi Abbas, board members: ... each")."""
    persons = mentions_in(state, sentence.start, sentence.end, "person")
    return bool(persons) and _ITEM_MARK.fullmatch(state.norm, sentence.start, persons[0].start) is not None


# An appeal ruling: "upheld the sentence", "reduced X's fine to ... on appeal", "the appeal court quashed"
# (run on the lower-case sentence, like _EARLIER).
_APPEAL_RULING = compile_scan(
    r"\b(?:upheld|uphold\w*|confirmed|reduced|increased|commuted|overturned|quashed|annulled|set[ ]+aside|halved|doubled)\b"
    r"[^.;]{0,80}?\b(?:sentences?|terms?|penalty|penalties|fines?|convictions?|verdicts?|punishment|ruling|judgment)\b"
    r"|\b(?:sentences?|terms?|penalty|fines?|convictions?|verdicts?|appeals?)[ ]+(?:was|were|has[ ]+been|have[ ]+been)[ ]+"
    r"(?:upheld|confirmed|reduced|increased|commuted|overturned|quashed|annulled|set[ ]+aside|rejected|dismissed)\b"
    r"|\b(?:rejected|dismissed)[ ]+(?:the|her|his|their)[ ]+appeals?\b|\bon[ ]+appeal\b"
    r"|\b(?:appeals?[ ]+court|appellate[ ]+court|court[ ]+of[ ]+(?:appeals?|cassation)|cassation[ ]+court)\b[^.;]{0,60}?"
    r"\b(?:upheld|confirmed|reduced|increased|commuted|overturned|quashed|annulled|acquitted|sentenced|rejected|dismissed)\b",
)
# A ruling told in the past perfect, after a later one: "Judge X had convicted the pair last month".
_EARLIER = compile_scan(r"\bhad[ ]+(?:been[ ]+)?(?:convicted|sentenced|found\b[^.;]{0,60}?\bguilty|jailed|fined)\b")
_UPHELD = re.compile(r"\b(?:upheld|uphold\w*|confirmed|maintained|(?:rejected|dismissed)[ ]+(?:the|her|his|their)[ ]+appeals?)\b", re.IGNORECASE)
# "upheld a sentence of N that a district court had imposed in 2023 on X": the first ruling is told too
_IMPOSED_BEFORE = compile_scan(
    r"\b(?:upheld|confirmed|maintained)\b[^.;]*?\b(?P<verb>imposed|handed[ ]+down|passed|pronounced)\b", re.IGNORECASE
)
# "imposed on X for a sit-in in 2021": the date of the act punished, not of the ruling
_DATE_OF_THE_ACT = re.compile(r"\bfor[ ]+(?:(?:a|an|the|his|her|their|its)[ ]+)?(?:[\w'-]+[ ]+){0,3}?(?:in|on|of)[ ]+(?:early[ ]+|late[ ]+|mid-?)?$")
# "... but confirmed the fine imposed on Y", "confirmed Y's sentence"
_CONFIRMED_OF = compile_scan(
    r"\b(?:upheld|confirmed|maintained)[ ]+(?:[^.;,]{0,40}?'s[ ]+)?(?:(?:the|his|her|their)[ ]+)?(?:[\w-]+[ ]+)?"
    r"(?P<what>sentences?|fines?|terms?|penalt(?:y|ies)|punishment)\b",
    re.IGNORECASE,
)
# "Judge X had convicted the pair", "acquitted them both": the defendants just named
_THEM_AFTER = re.compile(
    rf"[ ]+(?:the[ ]+pair|them(?:[ ]+(?:both|all))?|both(?:[ ]+{_PEOPLE})?|all[ ]+(?:{_COUNT}|of[ ]+them)|the[ ]+{_COUNT}(?:[ ]+{_PEOPLE})?)\b",
    re.IGNORECASE,
)
# "It acquitted ...", "The court also ...": the court of the ruling told just before
_SAME_COURT_SUBJECT = re.compile(r"\W*(?:it|the[ ]+(?:same[ ]+)?(?:appeals?[ ]+)?(?:court|judges?|panel|bench|chamber))\b", re.IGNORECASE)
_FROM_TERM = re.compile(r"\bfrom[ ]+(?:a[ ]+|an[ ]+)?$", re.IGNORECASE)
_ACQUITTED = re.compile(r"\bacquitt(?:ed|al[ ]+of)\b")
# "acquitted X", "acquitted the union's treasurer, X"; not "acquitted her in 2019, said X"
_ACQUITTED_GAP = re.compile(r"(?:[ ]+(?!(?:him|her|them|on|in|of|at|said|says|told|but|and)\b)[\w'-]+){0,4}?,?[ ]+")
_NOT_A_RULING_BEFORE = re.compile(r"\b(?:be|to)[ ]+$", re.IGNORECASE)


def _may_be_appeal(low: str) -> bool:
    """Every appeal wording has one of these literals: a cheap test before the long pattern."""
    return ("appeal" in low or "uph" in low or "confirm" in low or "reduc" in low or "increas" in low or "commut" in low
            or "overturn" in low or "quash" in low or "annul" in low or "aside" in low or "halved" in low
            or "doubled" in low or "cassation" in low or "rejected" in low or "dismissed" in low)


def _ruling_kind(low: str) -> str:
    """ "appeal", "earlier" (a ruling told in the past perfect) or "" for a lower-case sentence."""
    if _may_be_appeal(low) and _APPEAL_RULING.search(low):
        return "appeal"
    return "earlier" if "had " in low and _EARLIER.search(low) else ""


def _ruling_in(low: str) -> re.Match[str] | None:
    """The first ruling the sentence tells; not one demanded ("the fines must be annulled", "calls for them to be acquitted")."""
    found = _RULING.search(low)
    while found and _NOT_A_RULING_BEFORE.search(low, max(0, found.start() - 4), found.start()):
        found = _RULING.search(low, found.end())
    return found


class _Rulings:
    """Each defendant's decisions, the one being told last. A defendant may have several rulings: the
    first sentence and the appeal that upheld, reduced or quashed it, or a conviction told apart."""

    def __init__(self) -> None:
        self.by_person: dict[int, list[DecisionRecord]] = {}
        self.out: list[DecisionRecord] = []
        self.appeals: set[int] = set()  # id() of the appeal rulings

    def current(self, person: int) -> DecisionRecord | None:
        decisions = self.by_person.get(person)
        return decisions[-1] if decisions else None

    def is_appeal(self, decision: DecisionRecord) -> bool:
        return id(decision) in self.appeals

    def get(self, state: PipelineState, person: int, sentence: Sentence, pos: int, cue: str, kind: str) -> DecisionRecord:
        """The decision a sentence tells about `person`; `kind` is "appeal", "earlier" (a ruling told in
        the past perfect: "had convicted") or "" (any other)."""
        decisions = self.by_person.setdefault(person, [])
        date = _decision_date(state, sentence, pos)
        if kind == "appeal":
            if date is not None and date.start < sentence.start:
                date = None  # the date of the sentence before is the first ruling's, not the appeal's
            appeals = [d for d in decisions if self.is_appeal(d)]
            if appeals and (sentence.index in appeals[-1].sentences or _compatible(appeals[-1].date, date)):
                return appeals[-1]
            return self.new(state, person, sentence, cue, True, date)
        if not decisions:
            return self.new(state, person, sentence, cue, False, date)
        current = decisions[-1]
        if sentence.index in current.sentences or not self._earlier_ruling(current, date, kind):
            return current
        court = FindCourtDecisions._court(state, sentence)
        for decision in decisions:  # told before ("upheld the sentence imposed on X"), now with its details
            if not self.is_appeal(decision) and _same_ruling(decision, date, court):
                decisions.remove(decision)
                decisions.append(decision)
                decision.date = decision.date or date
                decision.court = decision.court or court
                return decision
        return self.new(state, person, sentence, cue, False, date)

    def _earlier_ruling(self, current: DecisionRecord, date: DateMention | None, kind: str) -> bool:
        """Whether the sentence tells a ruling before `current`: in the past perfect after the appeal ("The
        three had been convicted in January"), or with another date after the appeal or after a later ruling."""
        if self.is_appeal(current):
            return kind == "earlier" or not _compatible(current.date, date)
        return kind == "earlier" and not _compatible(current.date, date)

    def new(self, state: PipelineState, person: int, sentence: Sentence, cue: str, appeal: bool,  # noqa: PLR0913
            date: DateMention | None) -> DecisionRecord:
        decision = DecisionRecord(state.persons[person].name, FindCourtDecisions._court(state, sentence), date, [], sentence, cue)
        self.by_person.setdefault(person, []).append(decision)
        self.out.append(decision)
        if appeal:
            self.appeals.add(id(decision))
        return decision

    def first(self, state: PipelineState, person: int, sentence: Sentence) -> DecisionRecord:
        """The ruling an appeal was against: the one known, else one the appeal sentence implies (its
        court and date unknown until a sentence tells them); the appeal stays the one being told."""
        decisions = self.by_person.setdefault(person, [])
        known = [d for d in decisions if not self.is_appeal(d)]
        if known:
            return known[-1]
        decision = DecisionRecord(state.persons[person].name, None, None, [], sentence, "sentencing")
        decisions.insert(0, decision)
        self.out.insert(self.out.index(decisions[-1]) if len(decisions) > 1 else len(self.out), decision)
        return decision


def _compatible(a: DateMention | None, b: DateMention | None) -> bool:
    """Two dates that may name the same day ("2024-05", "2024-05-13"), or a date not known."""
    if a is None or b is None or not a.iso or not b.iso:
        return True
    return a.iso.startswith(b.iso) or b.iso.startswith(a.iso)


def _same_ruling(decision: DecisionRecord, date: DateMention | None, court: str | None) -> bool:
    return _compatible(decision.date, date) and (not court or not decision.court or court.lower() == decision.court.lower())


def _add_term(decision: DecisionRecord, record: TermRecord) -> None:
    if not any((t.kind, t.amount, t.unit) == (record.kind, record.amount, record.unit) for t in decision.terms):
        decision.terms.append(record)


class FindCourtDecisions:
    """Rulings, one per defendant and ruling, with their terms; hypothetical sentences left out."""

    def __call__(self, state: PipelineState) -> None:
        rulings = _Rulings()
        last_index, last_group = -10, []
        block: list[int] = []  # the defendants of the ruling being told ("Both were also fined ...")
        last_kind = ""
        pending: tuple[int, list[TermMatch]] | None = None
        cued = _cued_sentences(state)
        for sentence in state.sentences:
            if sentence.headline or (sentence.index not in cued and sentence.index - last_index > CONTINUATION_SENTENCES):
                continue
            text = state.norm[sentence.start:sentence.end]
            cue = _DECISION_CUE.search(state.lower, sentence.start, sentence.end) if sentence.index in cued else None
            floor = sentence.start  # terms before it are only requested ("demanded five years, but ...")
            hypothetical = _HYPOTHETICAL.search(state.lower, sentence.start, sentence.end)
            if hypothetical:
                ruled = _RULED_INSTEAD.search(state.lower, hypothetical.end(), sentence.end)
                if ruled is None:
                    continue
                floor = ruled.start()
            continuation = (
                cue is None
                and sentence.index - last_index <= CONTINUATION_SENTENCES
                and (not _OTHER_PEOPLE.search(text) or _opens_with_person(state, sentence))
            )
            if cue is None and not continuation:
                continue
            terms = find_terms(state.norm, sentence, state.meta.country)
            if floor > sentence.start:
                terms = [t for t in terms if t.start >= floor]
                if not terms:
                    continue
            if not terms and cue is not None and _ANNOUNCES_LIST.search(text):
                last_index, last_group = sentence.index, []  # "The sentences handed down are as follows:"
                continue
            recent = block if sentence.index - last_index <= CONTINUATION_SENTENCES else []
            if not terms:
                ruling = _ruling_in(state.lower[sentence.start:sentence.end])
                if ruling:
                    kind = self._kind(state, sentence, text, last_kind, recent)
                    span = (sentence.start + ruling.start(), sentence.start + ruling.end())
                    context = last_group if sentence.index - last_index <= CONTINUATION_SENTENCES else []
                    group = self._ruling_without_terms(state, sentence, span, rulings, (recent, context), kind)
                    if group:
                        block = _extend_block(recent, group)
                        last_index, last_group, last_kind = sentence.index, group, kind
                        if pending and sentence.index - pending[0] <= CONTINUATION_SENTENCES and _CONVICTED.search(ruling.group()):
                            self._give_pending(pending[1], group, rulings)
                        pending = None
                continue
            kind = self._kind(state, sentence, text, last_kind, recent)
            assigned = list(self._assign(state, sentence, terms, last_group if continuation else [], recent))
            # "A court jailed the head of a union for a year. X, its leader, was convicted ...":
            # terms given to nobody named wait for the defendant the next sentences name
            pending = None if assigned else (sentence.index, terms)
            for person, term, amount in assigned:
                if kind == "appeal" and _FROM_TERM.search(state.norm, max(sentence.start, term.start - 12), term.start):
                    decision = rulings.first(state, person, sentence)  # "reduced X's sentence from two years to one"
                else:
                    decision = rulings.get(state, person, sentence, term.start, "sentencing", kind)
                decision.sentences.add(sentence.index)
                _add_term(decision, TermRecord(term.kind, amount, term.unit, term.currency, term.note, term.start))
            if assigned:
                people = [p for p, _, _ in assigned]
                if kind == "appeal":
                    self._first_ruling_told(state, sentence, people, rulings)
                    people += self._confirmed_without_terms(state, sentence, people, rulings)
                people += self._acquitted_beside(state, sentence, people, rulings, kind)
                block = _extend_block(recent, people)
                last_index, last_group, last_kind = sentence.index, sorted(set(people)), kind
        state.decisions = rulings.out

    @staticmethod
    def _kind(state: PipelineState, sentence: Sentence, text: str, last_kind: str, recent: list[int]) -> str:
        kind = _ruling_kind(state.lower[sentence.start:sentence.end])
        if not kind and last_kind == "appeal" and recent and _SAME_COURT_SUBJECT.match(text):
            kind = "appeal"  # "The appeal court reduced ... It acquitted the third defendant"
        return kind

    @staticmethod
    def _give_pending(terms: list[TermMatch], group: list[int], rulings: _Rulings) -> None:
        for person in group:
            decision = rulings.current(person)
            if decision is None:
                continue
            decision.cue = "sentencing"
            for term in terms:
                if not any(t.kind == term.kind and t.unit == term.unit for t in decision.terms):
                    decision.terms.append(TermRecord(term.kind, term.amounts[0], term.unit, term.currency, term.note, term.start))

    def _ruling_without_terms(self, state, sentence, span, rulings, told, kind) -> list[int]:  # noqa: ANN001, PLR0913
        pos, end = span
        recent, context = told
        persons = [m for m in mentions_in(state, sentence.start, sentence.end, "person") if not state.persons[m.index].official]
        group = _group_before(state.norm, persons, pos + 200) if persons else []
        if not group and recent and (_ALL_OF_THEM.match(state.norm, sentence.start, pos) or _THEM_AFTER.match(state.norm, end)):
            group = list(recent)  # "The three had been convicted in January", "Judge X had convicted the pair"
        if not group and kind == "appeal" and context:
            group = list(context)  # "The sentence was upheld on appeal", "the appeal court overturned the conviction"
        for person in group:
            previous = rulings.current(person)
            decision = rulings.get(state, person, sentence, pos, "ruling", kind)
            decision.sentences.add(sentence.index)
            if decision is not previous and previous is not None and kind == "appeal" and _UPHELD.search(state.norm, pos, sentence.end):
                for term in previous.terms:  # "the appeal court upheld the sentence of X": the same terms
                    _add_term(decision, replace(term))
        return group

    @staticmethod
    def _first_ruling_told(state: PipelineState, sentence: Sentence, people: list[int], rulings: _Rulings) -> None:
        """ "upheld a sentence of N that a district court had imposed in 2023 on X": the first ruling,
        with the same terms, is told too."""
        found = _IMPOSED_BEFORE.search(state.norm, sentence.start, sentence.end)
        if not found:
            return
        lo = max(found.start("verb") - 40, found.start())  # "... that a district court had imposed in 2023 on X"
        courts = [m for m in mentions_in(state, lo, sentence.end, "org") if state.orgs[m.index].kind == "court"]
        court = _COURT_WORDS.search(state.norm, lo, sentence.end)
        court_name = state.orgs[courts[0].index].name if courts else (
            re.sub(r"^(?:a|an|the)[ ]+", "", court.group(), flags=re.IGNORECASE) if court else None)
        date = next((d for d in dates_in(state, sentence) if d.iso and d.start >= found.start("verb") and not d.future
                     and not _DATE_OF_THE_ACT.search(state.norm, max(sentence.start, d.start - 40), d.start)), None)
        if court_name is None and date is None:
            return  # "upheld the sentence imposed on X for a strike in 2021": the first ruling is only alluded to
        for person in dict.fromkeys(people):
            appeal = rulings.current(person)
            if appeal is None or not rulings.is_appeal(appeal) or len(rulings.by_person[person]) > 1:
                continue  # the first ruling is already known
            first = rulings.first(state, person, sentence)
            first.court, first.date = court_name, date
            first.sentences.add(sentence.index)
            first.terms = [replace(t) for t in appeal.terms]

    @staticmethod
    def _acquitted_beside(state: PipelineState, sentence: Sentence, people: list[int], rulings: _Rulings, kind: str) -> list[int]:
        """ "The court acquitted X but sentenced Y to two years": X's acquittal is a ruling too."""
        found = _ACQUITTED.search(state.lower, sentence.start, sentence.end) if "acquitt" in state.lower[sentence.start:sentence.end] else None
        if not found:
            return []
        after = [m for m in mentions_in(state, found.end(), sentence.end, "person") if not state.persons[m.index].official]
        if not after or not _ACQUITTED_GAP.fullmatch(state.norm, found.end(), after[0].start):
            return []
        listed = [after[0]]  # the list right after the verb: "acquitted X and Y", "acquitted the treasurer, X"
        for m in after[1:]:
            if not _LIST_GAP.match(state.norm[listed[-1].end:m.start]):
                break
            listed.append(m)
        out = []
        for m in listed:
            if m.index in people or m.index in out:
                continue
            decision = rulings.get(state, m.index, sentence, found.start(), "ruling", kind)
            decision.sentences.add(sentence.index)
            out.append(m.index)
        return out

    @staticmethod
    def _confirmed_without_terms(state: PipelineState, sentence: Sentence, people: list[int], rulings: _Rulings) -> list[int]:
        """ "reduced X's fine to N on appeal but confirmed the fine imposed on Y": Y's appeal ruling keeps
        Y's terms of that kind."""
        found = _CONFIRMED_OF.search(state.norm, sentence.start, sentence.end)
        if not found:
            return []
        out = []
        for m in mentions_in(state, found.start(), sentence.end, "person"):
            previous = rulings.current(m.index)
            if m.index in people or previous is None or rulings.is_appeal(previous):
                continue
            decision = rulings.get(state, m.index, sentence, found.start(), "ruling", "appeal")
            decision.sentences.add(sentence.index)
            what = found.group("what").lower()
            for term in previous.terms:
                if not what.startswith("fine") or term.kind == "fine":
                    _add_term(decision, replace(term))
            out.append(m.index)
            break  # the person the clause names first
        return out

    @staticmethod
    def _assign(state: PipelineState, sentence: Sentence, terms: list[TermMatch], context: list[int], recent: list[int]):  # noqa: ANN205
        persons = [m for m in mentions_in(state, sentence.start, sentence.end, "person") if not state.persons[m.index].official]
        respectively = _RESPECTIVELY.search(state.norm, sentence.start, sentence.end)
        if respectively and len(terms) > 1 and all(len(t.amounts) == 1 for t in terms):
            group = _group_before(state.norm, persons, terms[0].start)
            if len(group) == len(terms):  # "X and Y ... 18 months and 12 months respectively"
                for person, term in zip(group, terms, strict=True):
                    yield person, term, term.amounts[0]
                return
        for term in terms:
            if term.unit == "currency" and _fines_a_body(state, sentence, persons, term):
                continue
            group = _group_before(state.norm, persons, term.start)
            referred = _block_reference(state.norm, sentence, persons, term.start, recent) if recent else []
            group = referred or group
            if group and not referred and _other_group_between(state.norm, persons, term.start, terms):
                continue
            if not group and persons and ";" not in state.norm[term.end:persons[0].start]:
                group = [persons[0].index]  # (not across a semicolon: "Each of 12 workers was fined N; their leader X ...")
            if not group and context:
                group = list(context)
            if (not group and not _quoted(state.norm, sentence) and not _UNNAMED_GROUP.match(state.norm, sentence.start, term.start)
                    and not _UNNAMED_OBJECT.match(state.norm, term.end)
                    and not _UNNAMED_PEOPLE.search(state.norm, max(sentence.start, term.start - 60), term.start)):
                # a quoted comment ("A life sentence for a union leader is ...") is no ruling on its speaker
                antecedent = last_person_before(state, sentence.start)
                group = [antecedent] if antecedent is not None else []
            if respectively and len(term.amounts) == len(group) > 1:
                for person, amount in zip(group, term.amounts, strict=True):
                    yield person, term, amount
                continue
            for person in group:
                yield person, term, term.amounts[0]

    @staticmethod
    def _court(state: PipelineState, sentence: Sentence) -> str | None:
        for m in mentions_in(state, sentence.start, sentence.end, "org"):
            if state.orgs[m.index].kind == "court":
                return state.orgs[m.index].name
        if re.search(r"\b(?:the court|it)\b", state.norm[sentence.start:sentence.end], re.IGNORECASE):
            for m in reversed(mentions_in(state, max(0, sentence.start - 600), sentence.start, "org")):
                if state.orgs[m.index].kind == "court":
                    return state.orgs[m.index].name
        found = _COURT_WORDS.search(state.norm, sentence.start, sentence.end)
        if found:
            return re.sub(r"^(?:a|an|the)[ ]+", "", state.text[found.start():found.end()], flags=re.IGNORECASE)
        return None


_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def _decision_date(state: PipelineState, sentence: Sentence, pos: int):  # noqa: ANN202
    """The most precise date of the sentence, nearest to `pos`; else one from the sentence before."""
    dates = [d for d in dates_in(state, sentence) if d.iso and not d.dateline and not d.reporting
             and not _SINCE.search(state.lower, max(0, d.start - 12), d.start)]  # "in exile since 2019" dates no ruling
    if dates:
        return min(dates, key=lambda d: (_PRECISION_RANK.get(d.precision or "", 3), abs(d.start - pos)))
    if sentence.index > 0:
        previous = state.sentences[sentence.index - 1]
        if not previous.headline:
            dates = [d for d in dates_in(state, previous) if d.iso and not d.dateline and not d.reporting and not d.future]
            if dates and _DECISION_CUE.search(state.lower, previous.start, previous.end):
                return dates[-1]
    return None


_SINCE = re.compile(r"\b(?:since|from|until|till)[ ]+(?:early[ ]+|late[ ]+|mid-?)?$")


def _cued_sentences(state: PipelineState) -> set[int]:
    """Indices of sentences with a decision cue, from one scan of the whole text."""
    starts = [s.start for s in state.sentences]
    return {bisect_right(starts, m.start()) - 1 for m in _DECISION_SCAN.finditer(state.lower)}


# "the two others each received ...", "the other three were fined": the rest of the ruling's defendants
_OTHERS = re.compile(rf"\bthe[ ]+(?:{_COUNT}[ ]+others|other[ ]+{_COUNT}(?:[ ]+{_PEOPLE})?|others|rest)\b", re.IGNORECASE)
# "Both were also ordered to pay ...", "All three received ...", "The two defendants were each fined ...": all of them
_ALL_OF_THEM = re.compile(
    rf"\W*(?:both|all[ ]+(?:{_COUNT}|of[ ]+them)|each(?:[ ]+of[ ]+them)?|the[ ]+pair|the[ ]+{_COUNT}(?:[ ]+{_PEOPLE})?|they[ ]+(?:both|all))\b",
    re.IGNORECASE,
)


# "Two former leaders of the union were jailed for ...": an unnamed group, not the person named before
_UNNAMED_GROUP = re.compile(
    rf"\W*(?:the[ ]+)?(?:{_COUNT}|several|both)[ ]+(?:[\w'-]+[ ]+){{0,8}}?(?:were|have[ ]+been|had[ ]+been|are)\b", re.IGNORECASE
)


# "fines of N on each of the 27 workers": terms of an unnamed group
_UNNAMED_OBJECT = re.compile(
    rf"[^.;]{{0,15}}?\b(?:on|to|against)[ ]+(?:each[ ]+of[ ]+)?(?:the[ ]+)?(?:{_COUNT}|several|dozens[ ]+of|all)[ ]+(?:[\w'-]+[ ]+){{0,3}}?{_PEOPLE}\b",
    re.IGNORECASE,
)


# "It fined all 40 strikers 500 lira": the terms of an unnamed group named just before them
# "fined X 500 lari, and four other members 200 lari each": the terms after it are an unnamed group's
_OTHER_GROUP = re.compile(
    rf"\b(?:{_COUNT}|several|some|many|dozens[ ]+of)[ ]+other[ ]+(?:[\w'-]+[ ]+){{0,2}}?{_PEOPLE}\b", re.IGNORECASE
)


_UNNAMED_PEOPLE = re.compile(
    rf"\b(?:{_COUNT}|several|dozens[ ]+of|all(?:[ ]+{_COUNT})?)[ ]+(?:[\w'-]+[ ]+){{0,3}}?{_PEOPLE}\b[^.;]{{0,12}}$", re.IGNORECASE
)


def _other_group_between(norm: str, persons: list, pos: int, terms: list[TermMatch]) -> bool:  # noqa: ANN001
    """True when "N other <people>" stands between the last person named, once given a term, and `pos`
    ("fined X 900 euros and three other members 300 euros each"; not "X and three other members were fined")."""
    before = [m for m in persons if m.end <= pos]
    start = before[-1].end if before else 0
    if " other " not in norm[start:pos]:
        return False
    found = _OTHER_GROUP.search(norm, start, pos)
    return found is not None and any(start <= t.start and t.end <= found.start() for t in terms)


def _extend_block(block: list[int], people: list[int]) -> list[int]:
    return block + [p for p in dict.fromkeys(people) if p not in block]


def _block_reference(norm: str, sentence: Sentence, persons: list, pos: int, recent: list[int]) -> list[int]:  # noqa: ANN001
    """The defendants of the ruling told in the sentences before, when the words before `pos` point at
    all of them or at the ones this sentence does not name; else []."""
    before = [m for m in persons if m.end <= pos]
    start = before[-1].end if before else sentence.start
    if _OTHERS.search(norm, start, pos):
        named = {m.index for m in persons}
        return [p for p in recent if p not in named]
    if not before and _ALL_OF_THEM.match(norm, sentence.start, pos):
        return list(recent)
    return []


_RELATIVE = re.compile(r",[ ]*(?:who|which)\b")
_PLURAL_RELATIVE = re.compile(r"^[ ]*,[ ]*who[ ]+(?:were|are|have|had[ ]+both|both)\b")


def _group_before(norm: str, persons: list, pos: int) -> list[int]:  # noqa: ANN001
    """The list of persons ("X, Y and Z") that ends with the last person named before `pos`."""
    before = [m for m in persons if m.end <= pos]
    if not before:
        return []
    group = [before[-1]]
    # "X, who was ..." ends the list at X; "X and Y, who were ..." (a plural verb) refers to the whole list
    if _RELATIVE.search(norm[before[-1].end:pos]) and not _PLURAL_RELATIVE.search(norm[before[-1].end:pos]):
        return [before[-1].index]
    for m in reversed(before[:-1]):
        if _LIST_GAP.match(norm[m.end:group[0].start]):
            group.insert(0, m)
        else:
            break
    seen, out = set(), []
    for m in group:
        if m.index not in seen:
            seen.add(m.index)
            out.append(m.index)
    return out
