"""Persons (with honorifics and roles) and the linking of all later mentions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from unionwatch.core.names import fold_name, names_match
from unionwatch.core.stages.base import Claim, EntityMention, OrgRecord, PersonRecord
from unionwatch.core.stages.chunks import Chunk, Token, find_chunks, is_acronym
from unionwatch.core.stages.common import SpanMask, is_demonym, is_plain_word
from unionwatch.core.stages.fastre import compile_scan
from unionwatch.core.stages.vocab import alternation, vocab

if TYPE_CHECKING:
    from unionwatch.core.pipeline import PipelineState

_V = vocab()
MAX_NAME_WORDS = 5
_OFFICIAL_WORDS = frozenset(
    ["president", "vice-president", "minister", "prime", "judge", "justice", "prosecutor", "governor", "mayor", "king", "queen", "emir", "sultan", "ambassador", "excellency", "ayatollah", "senator", "chancellor", "premier", "commander", "colonel"]
)
_ROLE_BEFORE = re.compile(
    rf"((?:[\w'-]+[ ]){{0,3}}(?:{alternation(_V.role_nouns)}))[ ]*,?[ ]*$", re.IGNORECASE
)
_APPOSITION = re.compile(r",[ ]+((?:the |a |an )?[^,.;:\"\n]{3,90}?)(?=,|\.|;|$|\n)")
_ROLE_WORD = compile_scan(rf"\b(?:{alternation(_V.role_nouns)})\b", re.IGNORECASE)


class FindNameChunks:
    def __call__(self, state: PipelineState) -> None:
        state.chunks = find_chunks(state.norm, state.sentences)


@dataclass
class Candidate:
    name: str
    tokens: list[Token]
    start: int
    end: int
    honorific: str = ""
    title: str = ""  # role title just before the name ("President")
    org_title: bool = False  # the title is an organisation's ("ZCTU President", "President of the union")
    roles: list[str] = field(default_factory=list)
    alias: str = ""


_ROMAN = frozenset(["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"])  # regnal numbers: "Mswati III"
_ORG_SUFFIXES = ("-sen", "-iş", "-is")  # Turkish union names: "Eğitim-Sen", "Birleşik Metal-İş"


def _is_name_token(token: Token) -> bool:
    return _is_name_word(token.text)


@lru_cache(maxsize=65536)
def _is_name_word(text: str) -> bool:
    if text in _ROMAN:
        return True
    return (
        not any(c.isdigit() for c in text) and not is_acronym(text) and len(text) >= 2
        and not _NOMINAL.search(text.lower())
    )


# Abstract-noun endings no given name or surname has ("Protection", "Settlement", "Ceramics";
# "-ovics" is a Hungarian surname, "-ity" and "-ness" are left out: Charity, Furness).
_NOMINAL = re.compile(
    r"(?:.{2,}(?:tion|sion)|.{4,}ment|.{2,}ism|.{3,}(?<!v)ics|.{3,}ship|.{2,}ology)s?$"
    r"|.{2,}(?:ances|ences|ities|ories)$|.{3,}nance$"  # "Offences", "Authorities", "Ordinance"; not Florence
)
# "the El X prison", "the X fertiliser plant": a capitalised name followed by the noun it qualifies
# is a facility, never a person.
_FACILITY_AFTER = re.compile(
    r"[ ]+(?:(?!(?:and|or|of|in|on|at|to|for|with|from|by|the|a|an|was|were|is|are|his|her|their|its|as)[ ])[a-z]+[ ]+)?"
    r"(?:prison|prisons|jail|gaol|penitentiary|colony|detention|centre|center|barracks|hospital"
    r"|clinic|camp|factory|plant|mill|mine|estate|zone|terminal|port|market|school|university|college|compound"
    r"|headquarters|branch|district|village|neighbourhood|neighborhood|township|municipality|province|region)\b"
)


_SAINT_WORDS = frozenset({"san", "santo", "santa", "são", "sao", "saint", "sainte", "sankt", "st"})


def person_candidate(
    tokens: list[Token], text: str, headline: bool = False, initials_start: int | None = None, honorific_before: str = "",
    lone: bool = False, byline: bool = False,
) -> Candidate | None:
    """Strip honorifics, titles and plain words from a capitalised run; what is left may be a name.
    `initials_start`: where initials written just before the run begin ("K. A. Sandya Kumari");
    `honorific_before`: an honorific written with a full stop just before the run ("Ms. X Y");
    `lone`: one name may stand alone ("his brother X"); `byline`: "Editing by X" names a person."""
    i, honorific, title_start = 0, honorific_before, None
    while i < len(tokens):
        low = tokens[i].lower.rstrip(".")
        if low in _V.name_titles:
            break
        if low in _V.honorifics:
            honorific = tokens[i].text
        elif honorific and _name_after_honorific(tokens, i, honorific):
            break  # "Ms Nov X", "Mr May Y": a month or a common word opening a name
        elif low in _V.role_titles or _role_plural(low) or is_plain_word(tokens[i].text) or is_acronym(tokens[i].text):
            if title_start is None and (low in _V.role_titles or is_acronym(tokens[i].text)):
                title_start = i
        else:
            break
        i += 1
    # In running text a capitalised common word after a name is part of it ("Omar Said");
    # in a Title Case headline it is just another word ("... Kharkova Jailed").
    strip = is_plain_word if headline else _name_boundary_word
    j = len(tokens)
    while j > i and (strip(tokens[j - 1].text) or is_acronym(tokens[j - 1].text)):
        if tokens[j - 1].text in _ROMAN and j - 1 > i:
            break
        if tokens[j - 1].lower in _V.role_titles and not headline:
            return None  # "Chief Judicial Magistrate", "Nakuru County Commander": a post, no name
        if j == len(tokens) and j - i >= 3 and _kept_demonym(tokens[j - 1], text):
            break  # "Saeed Akhtar Baloch, organiser": an ethnic surname closing a full name
        j -= 1
    k = _last_inner_title(tokens, i, j) if j - i >= 2 else None
    if k is not None:  # "Senior Principal Magistrate Ann X", "Sub-County Police Commander Joe Y"
        title_start = i if title_start is None else title_start
        i = k + 1
    core = tokens[i:j]
    if core and core[-1].lower in _V.non_person_heads and not byline:
        return None  # "Governing Body", "Appeals Chamber", "X St"
    if not core or len(core) > MAX_NAME_WORDS or not all(
        _is_name_token(t) or (k == 0 and t.text == "U" and len(core) >= 3) for k, t in enumerate(core)
    ):
        return None
    if core[0].text in _ROMAN or core[0].lower in _SAINT_WORDS:
        return None  # "Santo Tomás de Castilla", "São Paulo": places named after saints
    if any(t.lower in _V.org_keyword_kind for t in core) or (core[-1].lower in _V.non_entity_heads and not byline):
        return None
    if core[0].lower in _PLACE_FIRST_WORDS or core[-1].lower in _V.place_cue_after:
        # "Lake Naivasha", "Mount Elgon", "Kurdistan Region": a place named by its kind
        return None
    if any(t.lower.endswith(_ORG_SUFFIXES) and "-" in t.lower for t in core):
        return None
    plain = sum(1 for t in core if is_plain_word(t.text))
    # running text: all plain ("Criminal Code"), or mostly plain in three words or more ("Decent Work Agenda")
    too_plain = plain * 2 >= len(core) if headline or len(core) >= 3 else plain == len(core)
    if too_plain and core[0].lower not in _V.name_titles:
        return None
    before = tokens[i - 1].lower.rstrip(".") if i else ""
    if i or is_plain_word(core[0].text):
        initials_start = None
    if len(core) == 1 and not (before in _V.role_titles or before in _V.honorifics or initials_start is not None or lone):
        return None
    start, end = (core[0].start if initials_start is None else initials_start), core[-1].end
    cand = Candidate(text[start:end], core, start, end, honorific)
    if honorific:
        cand.alias = text[tokens[0].start:end]
    elif i and before in _OFFICIAL_WORDS:
        cand.alias = text[tokens[i - 1].start:end]
    if title_start is not None:
        role = text[tokens[title_start].start:tokens[i - 1].end]
        cand.title = role
        cand.roles.append(role)
    return cand


# "K. A. Sandya Kumari", "P.K. Nair": initials before a name are part of it (not "U.S.", "U.N.")
# "Ye. G. Sokolova": a transliterated Cyrillic letter can make a two-letter initial
_INITIALS = re.compile(r"(?<![\w.])(?:(?:[A-Z]|Ye|Yu|Ya|Yo|Zh|Sh|Ch|Kh|Ts)\.[ ]?){1,3}[ ]*$")
_NOT_INITIALS = frozenset({"US", "UK", "UN", "EU", "USA"})


def _initials_before(norm: str, pos: int) -> int | None:
    if norm[pos - 2:pos] not in (". ", ".") and norm[pos - 1:pos] != ".":
        return None  # cheap test first: most names have no initials
    match = _INITIALS.search(norm, max(0, pos - 10), pos)
    if match is None or re.sub(r"[^A-Z]", "", match.group()) in _NOT_INITIALS:
        return None
    return match.start()


_DOTTED_HONORIFIC = re.compile(r"(?<![\w.])([A-Z][a-z]{1,8})\.[ ]$")


def _honorific_before(norm: str, pos: int) -> str:
    """ "Ms. X": an honorific with a full stop stands in a chunk of its own before the name (the
    caller has seen the ". " before `pos`)."""
    match = _DOTTED_HONORIFIC.search(norm, max(0, pos - 12), pos)
    return match.group(1) if match and match.group(1).lower() in _V.honorifics else ""


_PLACE_FIRST_WORDS = frozenset({"lake", "mount", "mt", "river", "gulf", "bay", "cape", "port", "fort", "isla", "lago", "monte"})


def _name_after_honorific(tokens: list[Token], i: int, honorific: str) -> bool:
    """ "Ms Nov X", "Mr May Y": right after an honorific, a month or common word before another
    name word opens the name (not a role title: "Mr Justice X", "Ms Deputy Minister Y")."""
    if not honorific or i + 1 >= len(tokens):
        return False
    if i and tokens[i - 1].lower.rstrip(".") not in _V.honorifics:
        return False
    low = tokens[i].lower
    return not (
        low in _V.role_titles or low in _V.honorifics or is_acronym(tokens[i].text) or _role_plural(low)
        or (low in _V.function_words and low not in _V.months)  # "May" is both
    ) and _is_name_word(tokens[i + 1].text)


def _last_inner_title(tokens: list[Token], i: int, j: int) -> int | None:
    """The last rank word inside a run that a name follows: "Principal Magistrate", "Police Commander"."""
    for k in range(j - 2, i - 1, -1):
        if tokens[k].lower in _V.role_titles and tokens[k].lower not in _WEAK_TITLES:
            return k
    return None


# Role titles that are also common name words, or that a name never follows inside one run
_WEAK_TITLES = frozenset(
    {"general", "major", "justice", "king", "queen", "prince", "senior", "vice", "member", "official", "sultan", "emir"}
)


def _kept_demonym(token: Token, text: str) -> bool:
    """ "Saeed Akhtar Baloch," : a demonym that ends a clause after two name words is a surname."""
    return is_demonym(token.text) and text[token.end:token.end + 1] in (",", ".", ";", ")", "\n")


def _role_plural(low: str) -> bool:
    """ "Organisers Ann Lee and ...", "the X Nurses' Federation": a plural role is no part of a name."""
    return low.endswith("s") and (low in _V.role_nouns or low[:-1] in _V.role_nouns)


def _name_boundary_word(word: str) -> bool:
    low = word.lower()
    return (
        low in _V.function_words or low in _V.months or low in _V.weekdays or low in _V.role_titles
        or low in _V.honorifics or is_demonym(word)
        or (low.endswith("s") and (low in _V.role_nouns or low[:-1] in _V.role_nouns))  # plural roles
        or (low.endswith("is") and is_demonym(word[:-1]))  # "for Overseas Pakistanis"
    )


def _roles_around(cand: Candidate, norm: str, text: str, line_start: int) -> None:
    lo = max(line_start, cand.start - 60)
    words = norm[lo:cand.start].rstrip(" ,").split(" ")
    if not cand.title and words and words[-1].lower() in _V.role_nouns:
        phrase = " ".join(words[-4:])
        before = _ROLE_BEFORE.search(phrase)
        if before:
            role = before.group(1).strip()
            if role and not role[0].isdigit() and role in text[lo:cand.start]:
                cand.roles.append(role)
    after = _APPOSITION.match(norm, cand.end)
    if after and _ROLE_WORD.search(after.group(1)):
        cand.roles.append(text[after.start(1):after.end(1)].strip())


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of `name` (plain str.find: no regex to compile per name)."""
    out = []
    start = text.find(name)
    while start != -1:
        end = start + len(name)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            out.append((start, end))
        start = text.find(name, end)
    return out


_ORG_BEFORE = re.compile(r"(?:\)|[A-Z]{2,}|[Uu]nion|[Ff]ederation|[Cc]onfederation|[Cc]ongress)['’]?s?[ ,]*$")


def _title_of_organisation(state: PipelineState, chunk: Chunk, cand: Candidate) -> bool:
    """ "ZCTU President Peter X", "(ZCTU) President X", "X, President of the union": a union office, not a state one."""
    title_start = cand.start - len(cand.title) - 1 if cand.title else cand.start
    if any(is_acronym(t.text) for t in chunk.tokens if t.end <= cand.start):
        return True
    if _ORG_BEFORE.search(state.norm, max(0, title_start - 30), max(0, title_start)):
        return True
    after = state.norm[cand.end:cand.end + 80].lower()
    return bool(re.match(r",? (?:\w+ ){0,3}of (?:the )?(?:[a-z-]+ ){0,4}(?:union|federation|confederation|congress|centre|committee)", after))


_LABEL = re.compile(r"^\W*(?:cc|to|from|attn|attention|copy|copies|by|dear|re|subject|contact)\b\W", re.IGNORECASE)


def _long_headline(chunk: Chunk) -> bool:
    """A title of five words or more ("cc: ..." and "To: ..." address lines are not titles)."""
    sentence = chunk.sentence
    return chunk.headline and sentence is not None and len(sentence.text.split()) >= 5 and not _LABEL.match(sentence.text)


def _same_person(record: PersonRecord, cand: Candidate) -> bool:
    folded = fold_name(cand.name)
    words = folded.split()
    if len(words) >= 2 and len(record.folded_words) >= 2:
        if names_match(record.name, cand.name):
            return True
        return _same_words(words, record.folded_words) or _same_words(_given_first(words, record.folded_words), record.folded_words)
    return False


def _same_words(words: list[str], other: list[str]) -> bool:
    """One name is the other with given names, a surname or a middle name (patronymic) left out."""
    shorter, longer = sorted([words, other], key=len)
    if longer[-len(shorter):] == shorter or (len(longer) >= 3 and longer[: len(shorter)] == shorter):
        return True
    # "Artyom Zhuravlev" for "Artyom Valeryevich Zhuravlev": first and last name, middle left out
    return len(shorter) == 2 and len(longer) >= 3 and shorter == [longer[0], longer[-1]]


def _given_first(words: list[str], other: list[str]) -> list[str]:
    """ "Zhuravlev Artyom Valeryevich" (surname first, as in court lists) in the order of `other`
    when its first word is the other's last (the surname); else `words` unchanged."""
    if len(words) >= 2 and words[0] == other[-1] and words[0] != other[0]:
        return words[1:] + words[:1]
    return words


def _initials_of(words: list[str], record: PersonRecord) -> bool:
    """ "A. V. Zhuravlev", "Ye. G. Sokolova" (folded "a v zhuravlev", "e g sokolova"): initials
    that begin the record's given names, in order, then its surname."""
    given, surname = record.folded_words[:-1], record.folded_words[-1]
    initials = words[:-1]
    if len(record.folded_words) < 2 or words[-1] != surname or not initials or len(initials) > len(given):
        return False
    return all(len(i) <= 2 and g.startswith(i) for i, g in zip(initials, given, strict=False))


_LOWER_WORD = re.compile(r"[a-z-]+")


def _is_official(cand: Candidate) -> bool:
    if cand.org_title:
        return False
    words = set(_LOWER_WORD.findall((cand.title + " " + cand.honorific).lower()))
    return bool(words & _OFFICIAL_WORDS) or (cand.tokens[0].lower in _V.name_titles)


# "(Reporting by X; Editing by Y)": a wire byline names persons, whatever their last word
_BYLINE = re.compile(
    r"\b(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Ww]ritten|[Ee]dited|[Pp]hotos?|[Pp]hotography|[Tt]ranslat(?:ion|ed)|[Cc]ompiled)"
    r"[ ]+by[ ]+$"
)


@lru_cache(maxsize=1)
def _kin_before() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?i:his|her|their|whose|the|a)[ ]+(?:(?:elder|eldest|younger|youngest|older|late|\d+-year-old)[ ]+)?"
        rf"(?:{alternation(_V.kinship_nouns)}),?[ ]+$"
    )


def _after_kin(norm: str, pos: int) -> bool:
    """ "his brother X", "her 17-year-old son Y": a relative the text names by one name."""
    space = norm.rfind(" ", pos - 20 if pos > 20 else 0, pos - 1)
    if norm[pos - 1:pos] != " " or norm[space + 1:pos - 1].rstrip(",").lower() not in _V.kinship_nouns:
        return False  # cheap test first: the word before is a relative
    return _kin_before().search(norm, max(0, pos - 45), pos) is not None


# The closing of a letter: the names under it sign it ("Yours sincerely,", "In solidarity,")
_CLOSING = re.compile(
    r"^[ \t*_]*(?:yours(?:[ ]+(?:sincerely|faithfully|respectfully|truly|in solidarity))?|sincerely(?:[ ]+yours)?|"
    r"in solidarity|with solidarity|(?:with )?(?:best |kind |warm )?regards|respectfully|fraternally)[ ]*[,.]?[ \t*_]*$",
    re.IGNORECASE | re.MULTILINE,
)
_CLOSING_WORDS = ("yours", "sincerely", "solidarity", "regards", "respectfully", "fraternally")


def _closing(state: PipelineState) -> re.Match[str] | None:
    """The first closing formula of a letter, if any."""
    found = [pos for pos in (state.lower.find(w) for w in _CLOSING_WORDS) if pos != -1]
    if not found:
        return None  # cheap test first: most documents are no letters
    return _CLOSING.search(state.norm, state.norm.rfind("\n", 0, min(found)) + 1)


# "Name, Role, Organisation" or "Observer: Name, Organisation": a signature or observer line
_SIGNATURE_LEAD = re.compile(r"[ \t*_-]*(?:[A-Z][a-z]+:?[ ]+)?$")


class _Signature:
    """The signature lines of a document: a name there is a person even where a place or a
    Title Case line would say otherwise."""

    def __init__(self, state: PipelineState):
        self.state = state
        closing = _closing(state)
        self.start = closing.end() if closing else len(state.norm)
        self.soft = SpanMask([], len(state.text))  # names of towns and regions (not countries)
        if closing:
            for place in state.places:
                if place.kind != "country":
                    for s, e in place.mentions:
                        self.soft.add(s, e)
            self.hard = SpanMask(state.claims, len(state.text), ("org", "court_place"))

    def movable(self, token: Token) -> bool:
        """A town's name in a name under the closing ("Carolina X" signing a letter)."""
        return (
            token.start >= self.start and self.soft.hit(token.start, token.end)
            and not self.hard.hit(token.start, token.end) and self._line_of_names(token.start)
        )

    def _line_of_names(self, pos: int) -> bool:
        norm = self.state.norm
        line_start = norm.rfind("\n", 0, pos) + 1
        line_end = norm.find("\n", pos)
        line = norm[line_start:line_end if line_end != -1 else len(norm)]
        return len(line.split()) <= 4 and "," not in line

    def line(self, chunk: Chunk, cand: Candidate) -> bool:
        """ "Name, Role, Organisation": a line that opens with a name set off by a comma (not a
        title's "Country: Workers Fired, ...")."""
        norm = self.state.norm
        if norm[chunk.end:chunk.end + 1] != "," or any(is_plain_word(t.text) for t in cand.tokens):
            return False  # cheap tests first
        line_start = norm.rfind("\n", 0, chunk.start) + 1
        return _SIGNATURE_LEAD.fullmatch(norm, line_start, chunk.start) is not None


_COMPANY_BEFORE = re.compile(
    r"\b(?:operated|owned|run|managed)[ ]+by[ ]+(?:the[ ]+)?$"
    r"|\b(?:workers|employees|staff|strike|strikers|dispute|stoppage|walkout|lockout|dismissals|layoffs|picket|sackings)"
    r"[ ]+(?:at|of)[ ]+(?:the[ ]+)?$",
    re.IGNORECASE,
)
_COMPANY_AFTER = re.compile(
    r"(?:'s)?[ ]+(?:general manager|managing director|management|chief executive|owners?|board of directors|"
    r"human resources|personnel manager|plant manager|farm manager|site manager)\b"
)
_COMPANY_LAST_LETTERS = frozenset({"y", "t", "f", "e"})


def _company_cue(norm: str, cand: Candidate) -> bool:
    """ "a dispute at X", "operated by X", "X management", "X general manager": an employer, not a person."""
    if cand.honorific or cand.title or len(cand.tokens) < 2:
        return False
    if _COMPANY_AFTER.match(norm, cand.end):
        return True
    if norm[cand.start - 2:cand.start - 1] not in _COMPANY_LAST_LETTERS:
        return False  # cheap test first: the word before ends like "by", "at", "of" or "the"
    return _COMPANY_BEFORE.search(norm, max(0, cand.start - 40), cand.start) is not None


def _without_companies(state: PipelineState, cands: list[Candidate]) -> list[Candidate]:
    """Candidates that name an employer (by a cue at any of their mentions) become companies; a name
    that only opens a company's full name ("X" of "X Garment Co.") is that company."""
    companies = {c.name for c in cands if _company_cue(state.norm, c)}
    prefixes = {o.name: o for o in state.orgs if o.kind == "company"}
    kept = []
    for cand in cands:
        owner = None if cand.name in companies or not prefixes else _company_named_by(cand, prefixes)
        if cand.name not in companies and owner is None:
            kept.append(cand)
            continue
        record = owner or next((o for o in state.orgs if o.name == cand.name), None)
        if record is None:
            record = OrgRecord(name=cand.name, kind="company")
            state.orgs.append(record)
        if cand.name != record.name and cand.name not in record.aliases:
            record.aliases.append(cand.name)
        record.mentions.append((cand.start, cand.end))
        state.claims.append(Claim(cand.start, cand.end, "org"))
    return kept


def _company_named_by(cand: Candidate, companies: dict[str, OrgRecord]) -> OrgRecord | None:
    """ "Golden X" when the text names "Golden X Garment Co.": the company by the first words of its name."""
    if len(cand.tokens) < 2 or cand.honorific or cand.title:
        return None
    head = cand.name + " "
    return next((o for name, o in companies.items() if name.startswith(head)), None)


class FindPersons:
    """Named natural persons; surname-only and titled references become aliases."""

    def __call__(self, state: PipelineState) -> None:
        cands, headline_cands = self._candidates(state)
        cands = _without_companies(state, cands)
        records: list[PersonRecord] = []
        singles = []
        for cand in cands:
            if len(cand.tokens) == 1:
                singles.append(cand)
                continue
            record = next((r for r in records if _same_person(r, cand)), None)
            if record is None:
                record = PersonRecord(cand.name, [t.text for t in cand.tokens])
                record.folded_words = fold_name(cand.name).split()
                records.append(record)
            elif len(cand.tokens) > len(record.tokens):
                record.aliases.append(record.name)
                record.name, record.tokens = cand.name, [t.text for t in cand.tokens]
                # matched in given-name-first order, so a surname-first name keeps its surname last
                record.folded_words = _given_first(fold_name(cand.name).split(), record.folded_words)
            self._merge(record, cand)
        # A name in a title counts only when the text names the same person too.
        for cand in headline_cands:
            folded = fold_name(cand.name).split()
            for record in records:
                if _same_person(record, cand) or (folded and folded[-1] == record.folded_words[-1]):
                    record.mentions.append((cand.start, cand.end))
                    break
        for cand in singles:
            folded = fold_name(cand.name)
            words = folded.split()
            matches = [
                r for r in records
                if folded and (
                    folded in (r.folded_words[:1] + r.folded_words[-1:])
                    or (len(r.folded_words) >= 4 and folded == r.folded_words[-2])  # paternal surname
                    # "Ms Lozano" for "Verónica Lozano Quiroga": with an honorific, the paternal surname
                    or (cand.honorific and len(r.folded_words) == 3 and folded == r.folded_words[1])
                    or (1 < len(words) < len(r.folded_words) and r.folded_words[-len(words):] == words)  # "Dlamini-Simelane"
                    or ("." in cand.name and len(words) > 1 and _initials_of(words, r))
                )
            ]
            if len(matches) == 1:
                record = matches[0]
            else:
                record = PersonRecord(cand.name, [cand.name], folded_words=[folded])
                records.append(record)
            self._merge(record, cand)
        state.persons = records

    @staticmethod
    def _candidates(state: PipelineState) -> tuple[list[Candidate], list[Candidate]]:
        """Name candidates of running text, and those of titles (they count only if the text names them too)."""
        cands: list[Candidate] = []
        headline_cands: list[Candidate] = []
        claimed = SpanMask(state.claims, len(state.text))
        signed = _Signature(state)
        for chunk in state.chunks:
            byline = state.norm[chunk.start - 3:chunk.start] == "by " and _BYLINE.search(
                state.norm, max(0, chunk.start - 30), chunk.start
            ) is not None
            if not byline and (chunk.tokens[-1].lower in _V.non_entity_heads or _FACILITY_AFTER.match(state.norm, chunk.end)):
                continue
            run: list[Token] = []
            for token in chunk.tokens + [None]:  # type: ignore[list-item]
                if token is not None and (
                    not claimed.hit(token.start, token.end) or (token.start >= signed.start and signed.movable(token))
                ):
                    run.append(token)
                    continue
                if run:
                    first = run[0] is chunk.tokens[0]
                    lead = _initials_before(state.norm, run[0].start) if first else None
                    dotted = _honorific_before(state.norm, run[0].start) if first and state.norm[
                        run[0].start - 2:run[0].start] == ". " else ""
                    cand = person_candidate(run, state.text, chunk.headline, lead, dotted, False, byline)
                    if cand is None and len(run) == 1 and state.norm[run[0].start - 2:run[0].start - 1].isalpha() and _after_kin(
                        state.norm, run[0].start
                    ):
                        cand = person_candidate(run, state.text, chunk.headline, lead, dotted, True, byline)
                    if cand is not None and cand.title:
                        cand.org_title = _title_of_organisation(state, chunk, cand)
                    titled = cand is not None and (cand.honorific or cand.tokens[0].lower in _V.name_titles)
                    if cand is not None and _long_headline(chunk) and not titled and not signed.line(chunk, cand):
                        headline_cands.append(cand)
                    elif cand is not None:
                        line_start = state.norm.rfind("\n", 0, cand.start) + 1
                        _roles_around(cand, state.norm, state.text, line_start)
                        cands.append(cand)
                run = []
        return cands, headline_cands

    @staticmethod
    def _merge(record: PersonRecord, cand: Candidate) -> None:
        record.mentions.append((cand.start, cand.end))
        for alias in (cand.name, cand.alias):
            if alias and alias != record.name and alias not in record.aliases:
                record.aliases.append(alias)
        for role in cand.roles:
            if role not in record.roles:
                record.roles.append(role)
        if cand.honorific and not record.honorific:
            record.honorific = cand.honorific
        record.official = record.official or _is_official(cand)


_REPORTS = re.compile(
    r"[ ]+(?:condemns|condemned|denounces|denounced|deplores|deplored|calls on|called on|urges|urged|"
    r"demands|demanded|welcomes|welcomed|slams|slammed|decries|decried)\b"
)


def _reporting_organisations(state: PipelineState, person_words: dict[str, set[int]]) -> None:
    """ "Karapatan condemns the killing ...": a lone name reporting a violation is an organisation."""
    claimed = SpanMask(state.claims, len(state.text))
    for chunk in state.chunks:
        if len(chunk.tokens) != 1 or chunk.sentence is None or chunk.start > chunk.sentence.start + 1:
            continue
        token = chunk.tokens[0]
        if is_plain_word(token.text) or is_acronym(token.text) or claimed.hit(token.start, token.end):
            continue
        if fold_name(token.text) in person_words or not _REPORTS.match(state.norm, token.end):
            continue
        record = next((o for o in state.orgs if o.name == token.text), None)
        if record is None:
            record = OrgRecord(name=token.text, kind="ngo")
            state.orgs.append(record)
        record.mentions.append((token.start, token.end))
        state.claims.append(Claim(token.start, token.end, "org"))


def _drop_places_in_names(state: PipelineState) -> None:
    """A town that shares its name with a word of a person's name ("Moyo") is that person."""
    words = {w for p in state.persons if len(p.folded_words) >= 2 for w in p.folded_words}
    kept = []
    for place in state.places:
        if place.kind != "country" and fold_name(place.name) in words:
            gone = set(place.mentions)
            state.claims = [c for c in state.claims if not (c.kind == "place" and (c.start, c.end) in gone)]
            continue
        kept.append(place)
    state.places = kept


class LinkMentions:
    """Surname-only, first-name and possessive references; every later mention of a known name."""

    def __call__(self, state: PipelineState) -> None:
        _drop_places_in_names(state)
        taken = SpanMask([], len(state.text))
        for person in state.persons:
            for s, e in person.mentions:
                taken.add(s, e)
        names = SpanMask(state.claims, len(state.text), ("org", "place"))
        words: dict[str, set[int]] = {}
        for idx, person in enumerate(state.persons):
            fw = person.folded_words
            # first name, surname, and the paternal surname of a four-part Hispanic name
            keys = {fw[0], fw[-1], fw[-2]} if len(fw) >= 4 else {fw[0], fw[-1]} if fw else set()
            for word in keys:
                if len(word) >= 2:
                    words.setdefault(word, set()).add(idx)
        # every capitalised word of the text is a token of some chunk: no second scan needed
        if words:  # (no persons, nothing to link)
            self._link_words(state, words, taken, names)
        _reporting_organisations(state, words)
        self._exact_mentions(state)
        mentions = []
        for kind, records in (("person", state.persons), ("org", state.orgs), ("place", state.places)):
            for idx, record in enumerate(records):
                record.mentions = sorted(set(record.mentions))
                mentions.extend(EntityMention(s, e, kind, idx) for s, e in record.mentions)
        mentions.sort(key=lambda m: (m.start, -m.end))
        state.mentions = mentions
        for person in state.persons:
            person.mentions.sort()

    @staticmethod
    def _link_words(state: PipelineState, words: dict[str, set[int]], taken: SpanMask, names: SpanMask) -> None:
        """Each capitalised word that is the first name or surname of exactly one person."""
        for chunk in state.chunks:
            for token in chunk.tokens:
                owners = words.get(fold_name(token.text))
                if not owners or len(owners) != 1 or is_demonym(token.text):
                    continue
                start, end = token.start, token.end
                if taken.hit(start, end) or names.hit(start, end):
                    continue
                person = state.persons[next(iter(owners))]
                person.mentions.append((start, end))
                surface = state.text[start:end]
                if surface != person.name and surface not in person.aliases:
                    person.aliases.append(surface)

    @staticmethod
    def _exact_mentions(state: PipelineState) -> None:
        occupied = SpanMask([], len(state.text))  # a mask, not a list scan per occurrence
        for recs in (state.persons, state.orgs, state.places):
            for r in recs:
                for s, e in r.mentions:
                    occupied.add(s, e)
        for records in (state.orgs, state.places):
            for record in records:
                names = {n for n in [record.name, *getattr(record, "aliases", [])] if len(n) >= 2}
                for name in names:
                    for s, e in _occurrences(state.text, name):
                        if not occupied.hit(s, e):
                            record.mentions.append((s, e))
                            occupied.add(s, e)
