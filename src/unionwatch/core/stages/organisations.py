"""Organisations: keyword-headed names, courts, cue nouns, acronyms and their definitions."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from unionwatch.core.names import fold_name, names_match
from unionwatch.core.stages.base import Claim, OrgRecord
from unionwatch.core.stages.chunks import ACRONYM, UP, Chunk, is_acronym
from unionwatch.core.stages.common import SpanMask, initials, is_demonym, is_plain_word, overlaps
from unionwatch.core.stages.fastre import trie_regex
from unionwatch.core.stages.gazetteer import lookup
from unionwatch.core.stages.vocab import alternation, load_yaml, vocab

if TYPE_CHECKING:
    from unionwatch.core.pipeline import PipelineState

_V = vocab()
_DATA = load_yaml("organisations.yaml")
# vocab.yaml's head words plus this stage's own ("Campaign", "Command")
_ORG_KIND: dict[str, str] = {
    **_V.org_keyword_kind,
    **{word: kind for kind, words in _DATA["extra_keywords"].items() for word in words},
}
_GROUP_NOUNS = frozenset(_DATA["group_nouns"])
_NOT_ORGS = frozenset(_DATA["not_organisations"])
_CUSTODY_WORDS = frozenset(_DATA["custody_words"])
_CAUSE_WORDS = frozenset(_DATA["cause_words"])
_PORTFOLIO_WORDS = frozenset(_DATA["portfolio_words"])
_LEGAL_FORMS = frozenset(_DATA["legal_forms"])
_KIND_PRIORITY = ["court", "police", "government", "intergovernmental", "federation", "union", "company", "ngo", "other"]
_HEAD_FIRST = frozenset(
    ["confederation", "federation", "congress", "union", "ministry", "office", "committee", "council", "centre", "center", "association", "organisation", "organization", "court", "department", "agency", "authority", "commission", "bureau", "compañía", "compania", "company", "bank", "institute", "foundation", "syndicate", "sindicato", "league", "party", "movement", "front", "registry", "service", "secretariat", "board", "frente", "ejército", "ejercito"]
)
_NOT_TAIL_HEADS = frozenset({"central", "secretariat"})  # heads only first: "Secretariat of Labour"
# Words that end a complete name (not a sector word like "Plantation" in "X Plantation and Y Workers' Union")
_NAME_ENDS = frozenset({"network", "consortium", "alliance", "coalition", "foundation", "campaign", "institute", "initiative",
                        "forum", "league", "society", "watch", "trust", "ltd", "inc", "corp", "corporation", "plc", "llc",
                        "group", "holdings", "industries", "enterprises", "electronics", "motors", "airlines", "airways", "company", "ministry", "commission", "council", "court", "police"})
_POSSESSIVE_NAME = re.compile(r"['’]s[ ]+[A-Z]")
_HEAD_WORDS = frozenset(_ORG_KIND) | _HEAD_FIRST | {"international"}
_SUB_ORG_KINDS = frozenset({"police", "government", "court", "company"})
_CONNECTOR = re.compile(r"[ ]+(of the|for the|of|for|and|&|to|on|de la|de|del|des|du)[ ]+|('s)[ ]+")
_COURT_AFTER = re.compile(
    r"((?:[ ]+(?:district|city|regional|municipal|military|appeals?|appellate|supreme|high|provincial|county|criminal"
    r"|civil|administrative|economic|inter-district|interdistrict|town|magistrates'?|labour|labor))*[ ]+court"
    # "the Laghouat court of first instance": the court's formal name
    r"(?:[ ]+of[ ]+(?:first[ ]+instance|appeals?|cassation)(?![ ]+of\b))?)\b"
)
_OF_CHUNK = re.compile(r"[ ]+of[ ]+")
_INDEFINITE = re.compile(r"(?<![\w'])(?:a|an|A|An)[ ]+$")
_NEXT_WORD = re.compile(r"[ ]+([A-Za-z]+)")
_CAPS = r"[A-Z][\w'’-]*(?:[ ]+(?:of[ ]+the[ ]+|of[ ]+|and[ ]+)?[A-Z][\w'’-]*)*"
_MISSION = re.compile(
    rf"\b(?:(?:Permanent|Diplomatic)[ ]+Mission|Embassy|Consulate(?:[ ]+General)?)[ ]+of[ ]+(?:the[ ]+)?{_CAPS}"
    rf"(?:[ ]+to[ ]+(?:the[ ]+)?{_CAPS}(?:[ ]+(?:at|in)[ ]+{_CAPS})?|[ ]+in[ ]+{_CAPS})?"
)
_FIELDS = (
    r"(?:labou?r|interior|justice|foreign affairs|foreign|defen[cs]e|education|health|finance|home affairs|manpower"
    r"|employment|agriculture|mines|mining|energy|transport|trade|industry|economy|information|culture)"
)
_LOWER_MINISTRY = re.compile(rf"\b[Tt]he[ ]+({_FIELDS}[ ]+ministry|ministry[ ]+of[ ]+(?:the[ ]+)?{_FIELDS})\b")


_MINISTRY_LAST = re.compile(r"(.+) (ministr[iy])")  # folding turns y into i


@lru_cache(maxsize=65536)
def _ministry_key(folded: str) -> str:
    """ "labour ministry" and "ministry of labour" are one name (cached: `find` asks for every record)."""
    match = _MINISTRY_LAST.fullmatch(folded)
    return f"{match.group(2)} of {match.group(1)}" if match else folded
# "Ministry of Labour, Employment and Social Security", "Ministry of Labour and Social Protection of the
# Population": a list of portfolios (commas, or an inner "of the") that keyword_phrases would cut
_PORTFOLIO = r"[A-Z][a-z'’-]+(?:[ ]+(?:(?:of|from|for)[ ]+the[ ]+)?[A-Z][a-z'’-]+)*"
_PORTFOLIO_BODY = re.compile(
    rf"\b(?:Ministry|Department|Secretariat)[ ]+of[ ]+(?:the[ ]+)?{_PORTFOLIO}(?:(?:[ ]*,[ ]*(?:and[ ]+)?|[ ]+(?:and|&)[ ]+){_PORTFOLIO})*"
)
_PORTFOLIO_WORD = re.compile(r"[A-Za-z'’-]+")
# "Criminal Court No. 2 of Isfahan", "City Court No. 2": a numbered court (the chunk stops at "No")
_NUMBERED_COURT = re.compile(
    r"\b(?:[A-Z][\w'’-]*[ ]+){1,5}?(?:Court|Tribunal)[ ]+No\.?[ ]?\d{1,3}\b(?P<seat>[ ]+of[ ]+[A-Z][\w'’-]+(?:[ ]+[A-Z][\w'’-]+)?)?"
)
_CALLED = re.compile(
    r"\b(union|trade union|federation|confederation|association|company|firm|group|movement|party|network|coalition)"
    r",?[ ]+(?:(?:which|that|now)[ ]+(?:is[ ]+|was[ ]+)?)?(?:called|named|known[ ]+as)[ ]+[\"“]?$"
)
_AGENCY_AFTER = re.compile(r"\)[ ]*(?:-{1,2}|–|—)[ ]")
_BRANCH_OF = re.compile(r"\bBranch[ ]+\d{1,3}[ ]+of[ ]+(?:the[ ]+)?$")
_SEAT_AFTER = re.compile(r"[ ]+(?:in|at)[ ]+([A-Z][\w'’-]+(?:[ ]+[A-Z][\w'’-]+)?)")
_ORDINAL_LEAD = re.compile(r"(?:\b([A-Z][\w'-]+)[ ]+)?\b(\d{1,3}(?:st|nd|rd|th))[ ]+$")
_COURT_OF = re.compile(
    r"\b[Tt]he[ ]+((?:(?:district|city|regional|municipal|military|provincial|county|criminal|civil|administrative"
    r"|economic|labou?r|magistrates'?|first-instance)[ ]+)?court[ ]+of[ ]+)$"
)
_ACRONYM_STOP = frozenset(
    ["COVID", "AIDS", "HIV", "CEO", "CEOS", "PDF", "URL", "TV", "OK", "AM", "PM", "NB", "PS", "CC", "RE", "FYI", "USD", "EUR", "GBP", "ID", "VAT", "GDP", "NGO", "NGOS", "HQ", "LGBT", "LGBTI", "LGBTQ", "SMS", "GPS", "DNA", "ATM", "FAQ", "PR", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XX", "XXI", "BC", "AD", "TBC",
     # documents and things, not bodies: a First Information Report, a public interest litigation
     "FIR", "PIL", "MLA", "CCTV", "ICU", "PPE", "SUV", "OTP", "SIM", "GPS", "PIN"]
)
_POSSESSIVE_CITY = re.compile(r"\b([A-Z][\w-]+)'s[ ]+$")
_PAREN = re.compile(r"\s*\(\s*([^()\n]{1,90}?)\s*\)")
_CUE_KIND = {
    "company": "company", "companies": "company", "firm": "company", "concern": "company", "corporation": "company",
    "employer": "company", "subsidiary": "company", "factory": "company", "plant": "company", "farm": "company",
    "plantation": "company", "mine": "company", "brand": "company", "retailer": "company", "supplier": "company",
    "manufacturer": "company", "contractor": "company", "operator": "company", "casino": "company", "hotel": "company",
    "chain": "company", "union": "union", "trade union": "union", "federation": "federation",
    "confederation": "federation", "group": "ngo", "ngo": "ngo", "network": "ngo", "association": "ngo",
    "movement": "other", "party": "other", "watchdog": "ngo", "collective": "ngo", "foundation": "ngo",
    "coalition": "ngo", "alliance": "ngo", "initiative": "ngo", "human rights centre": "ngo",
    "human rights center": "ngo", "rights centre": "ngo", "rights center": "ngo", "mobile operator": "company",
    "network operator": "company", "port operator": "company", "telecom operator": "company",
    "telecoms operator": "company", "tour operator": "company", "terminal operator": "company",
    "estate": "company", "mill": "company", "refinery": "company", "brewery": "company",
}


@lru_cache(maxsize=1)
def _cue_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]:
    before = re.compile(rf"\b({alternation(_V.org_cue_before)})(?P<comma>,)?[ ]+[\"“']?$", re.IGNORECASE)
    # "the Azot fertiliser plant": one lower-case modifier may stand between the name and its noun
    after = re.compile(rf"^[\"”']?[ ]+(?:(?P<mod>[a-z]{{3,}})[ ]+)??({alternation(_V.org_cue_after)})\b(?![-'])")
    names = [name for key, (name, _) in _V.known_orgs.items() if not is_acronym(name)]
    known = re.compile(rf"\b(?:{trie_regex(set(names))})(?!\w)") if names else None
    return before, after, known


@lru_cache(maxsize=1)
def _known_first_words() -> frozenset[str]:
    return frozenset(name.split()[0] for name, _ in _V.known_orgs.values() if not is_acronym(name))


def segment_kind(tokens: list[str], followed_by_connector: bool, inner_particle: bool = False) -> str | None:
    """The organisation kind of a capitalised segment, from its head word.

    "Oil Construction Company" (head last), "Confederation of ..." or
    "Compañía de ..." (head first, then a connector); a lone keyword
    ("Center", "Prosecutors") is not a name.
    """
    lowers = [t.lower() for t in tokens]
    if not lowers:
        return None
    if lowers[-1] in _V.non_entity_heads or lowers[0] in _V.weekdays or lowers[0] in _V.months:
        return None
    kinds = [_ORG_KIND[w] for w in lowers if w in _ORG_KIND]
    head = (len(lowers) >= 2 and lowers[-1] in _ORG_KIND) or (
        lowers[0] in _HEAD_FIRST and (followed_by_connector or inner_particle)
    )
    if lowers[-1] in ("centre", "center") and len(lowers) >= 2 and lowers[-2] in _CUSTODY_WORDS:
        return None  # "X Detention Centre", "Correctional Centre 1": a place of custody, not a body
    if lowers[-1] == "international" and len(lowers) >= 2:  # "X International"
        return "ngo"
    if lowers[-1] in _NOT_TAIL_HEADS and len(lowers) >= 2:  # "Mashonaland Central", "Java Central": regions
        head = lowers[0] in _HEAD_FIRST and (followed_by_connector or inner_particle)
    if not head or not kinds:
        return None
    return min(kinds, key=_KIND_PRIORITY.index)


class OrgBuilder:
    def __init__(self, state: PipelineState):
        self.state = state
        self.norm = state.norm
        self.orgs: list[OrgRecord] = []
        self.claims: list[Claim] = []
        self.spans: list[tuple[int, int, OrgRecord]] = []
        self.mask = SpanMask([], len(state.norm))

    # ------------------------------------------------------------ records
    def add(self, start: int, end: int, kind: str, name: str | None = None) -> OrgRecord | None:
        dotted = _DOTTED_FORM.match(self.norm, end) if name is None and self.norm[end - 2:end - 1] == " " else None
        if dotted:  # "X del Norte S" + ".A.": the chunk stopped inside a dotted legal form
            end = dotted.end()
        text = self.state.text[start:end]
        name = (name or text).strip()
        lead = _LEADING_THE.match(name)
        if lead:
            name = name[lead.end():]
            start += lead.end()
        if len(name) < 2 or self.mask.hit(start, end) or _is_country(name):
            return None  # "the Russian Federation", "the Swiss Confederation": a country, not a body
        record = self.find(name)
        if record is None:
            record = OrgRecord(name=name, kind=kind)
            self.orgs.append(record)
        elif name != record.name and name not in record.aliases:
            record.aliases.append(name)
        record.mentions.append((start, end))
        self.claims.append(Claim(start, end, "org"))
        self.mask.add(start, end)
        self.spans.append((start, end, record))
        return record

    def add_inner(self, start: int, end: int, kind: str) -> None:
        """A body named inside the name just added ("... of the Philippine National Police"): a record of
        its own, though its words are already claimed by the outer name."""
        name = self.state.text[start:end].strip()
        if len(name) < 2 or _is_country(name):
            return
        record = self.find(name)
        if record is None:
            record = OrgRecord(name=name, kind=kind)
            self.orgs.append(record)
        elif name != record.name and name not in record.aliases:
            record.aliases.append(name)
        record.mentions.append((start, end))
        self.spans.append((start, end, record))

    def find(self, name: str) -> OrgRecord | None:
        folded = _ministry_key(fold_name(name))
        for record in self.orgs:
            for other in [record.name, *record.aliases]:
                if _ministry_key(fold_name(other)) == folded:
                    return record
        if " " in name and not is_acronym(name):
            for record in self.orgs:
                if " " in record.name and names_match(record.name, name) and not _other_head(record.name, name):
                    return record
            for record in self.orgs:  # "X Otomotiv" for "X Otomotiv Yan Sanayi A.Ş.": the full name's first words
                if record.kind == "company" and record.name.startswith(name + " ") and _legal_form_last(record.name):
                    return record
            for record in self.orgs:  # "Board of Investment" for "Board of Investment of Sri Lanka"
                rest = record.name[len(name):]
                if record.name.startswith(name) and rest.startswith(" of ") and lookup(rest[4:]) is not None:
                    return record
        return None

    def alias(self, record: OrgRecord, alias: str, start: int, end: int) -> None:
        if alias != record.name and alias not in record.aliases:
            record.aliases.append(alias)
        if not self.mask.hit(start, end):
            record.mentions.append((start, end))
            self.claims.append(Claim(start, end, "org"))
            self.mask.add(start, end)
            self.spans.append((start, end, record))

    def merge(self, keep: OrgRecord, gone: OrgRecord) -> None:
        for alias in [gone.name, *gone.aliases]:
            if alias != keep.name and alias not in keep.aliases:
                keep.aliases.append(alias)
        keep.mentions.extend(gone.mentions)
        self.spans = [(s, e, keep if r is gone else r) for s, e, r in self.spans]
        self.orgs = [o for o in self.orgs if o is not gone]

    def record_ending_at(self, end: int) -> OrgRecord | None:
        for _s, e, record in self.spans:
            if e == end:
                return record
        return None

    # ------------------------------------------------------------ finders
    def known_names(self, chunks: list[Chunk]) -> None:
        known = _cue_regexes()[2]
        if known is None:
            return
        firsts = _known_first_words()
        for chunk in chunks:
            for token in chunk.tokens:
                if token.text not in firsts:
                    continue
                match = known.match(self.norm, token.start)
                if match:
                    name, kind = _V.known_orgs[match.group().lower()]
                    if kind == "company" and (
                        match.end() < chunk.end or _POSSESSIVE_NAME.match(self.norm, match.end())
                        or self.norm[max(0, match.start() - 4):match.start()] in ("the ", "The ")
                    ):
                        continue  # "Samsung Electronics", "Glencore's Mopani Copper Mines", "the Amazon basin"
                    self.add(match.start(), match.end(), kind)

    def possessive_companies(self, chunks: list[Chunk]) -> None:
        """ "X Heavy Industries' Y shipyard": a company's name ending in a plural keyword, written in
        the possessive before another name; the chunk ran on across the apostrophe."""
        for chunk in chunks:
            cut = chunk.text.find("' ")  # cheap test first: most chunks have no apostrophe
            if cut < 0:
                continue
            left = [t for t in chunk.tokens if t.end <= chunk.start + cut]
            if len(left) < 2 or _ORG_KIND.get(left[-1].lower) != "company" or not left[-1].lower.endswith("s"):
                continue
            if all(is_plain_word(t.text) for t in left[:-1]):
                continue  # "Heavy Industries' ...": no name before the keyword
            self.add(chunk.start, left[-1].end, "company")

    def keyword_phrases(self, chunks: list[Chunk]) -> None:
        i = 0
        while i < len(chunks):
            group, connectors = [chunks[i]], [""]
            while i + len(group) < len(chunks):
                prev, nxt = group[-1], chunks[i + len(group)]
                match = _CONNECTOR.fullmatch(self.norm, prev.end, nxt.start)
                if not match:
                    break
                conn = (match.group(1) or match.group(2)).lower()
                if conn == "'s" and (
                    nxt.tokens[-1].lower not in _ORG_KIND or lookup(prev.text) is not None
                ):
                    break
                group.append(nxt)
                connectors.append(conn)
            if any(t.lower in _HEAD_WORDS for seg in group for t in seg.tokens):
                self._phrase(group, connectors)
            i += len(group)

    def _phrase(self, segs: list[Chunk], conns: list[str]) -> None:
        n = len(segs)
        tokens = [_words(s) for s in segs]
        kinds = [segment_kind(tokens[k], k + 1 < n, _inner_particle(segs[k])) for k in range(n)]
        for k in range(1, n):  # "Attorney General's Office": the possessor is part of the name
            if conns[k] == "'s" and kinds[k] is None and segs[k].tokens[-1].lower in _ORG_KIND:
                kinds[k] = _ORG_KIND[segs[k].tokens[-1].lower]
            if conns[k] == "'s" and kinds[k - 1] is None:
                kinds[k - 1] = kinds[k]
        k = 0
        while k < n:
            starts_here = kinds[k] is not None or (
                k + 1 < n and conns[k + 1] in ("and", "&") and kinds[k + 1] is not None
                # "Search and Follow-Up Department": one plain word joins; one name does not ("Ivo and ...")
                and (len(tokens[k]) >= 2 or conns[k + 1] == "&" or (len(tokens[k]) == 1 and _joining_word(tokens[k][0])))
            )
            if not tokens[k]:
                k += 1
                continue
            headline_ok = not segs[k].headline or len(tokens[k]) == 1 or (
                tokens[k][-1].lower() in _ORG_KIND
                and kinds[k] is not None
                and not all(is_plain_word(t) or t.lower() in _ORG_KIND for t in tokens[k])
            )
            if not starts_here or not tokens[k]:
                k += 1
                continue
            end, complement = k, False
            while end + 1 < n:
                conn, nxt_kind = conns[end + 1], kinds[end + 1]
                if conn.startswith("of") and tokens[end][-1:] == ["Board"] and all(_role_plural(t) for t in tokens[end + 1]):
                    ok = False  # "Board of Directors", "Board of Governors" name members, not a body
                elif conn in ("of the", "for the"):
                    ok = nxt_kind is not None or (len(tokens[end]) == 1 and kinds[end] is not None) or (
                        # "Trade Union Congress of the Philippines": a country or region closes the name
                        conn == "of the" and kinds[end] is not None and _is_region(segs[end + 1].text)
                    )
                elif conn == "and":
                    ok = (nxt_kind is not None or complement) and not (
                        # "the X Network and Y Consortium": two complete names
                        not complement and len(tokens[end]) >= 2 and tokens[end][-1].lower() in _NAME_ENDS and nxt_kind is not None
                    )
                elif conn == "'s":
                    ok = True
                elif conn in ("on", "to") and (
                    segs[end + 1].tokens[0].lower in _V.weekdays or segs[end + 1].tokens[0].lower in _V.months
                ):  # "... Courts on January 9": a date, not part of the name
                    ok = False
                elif conn == "to":
                    ok = bool(tokens[end]) and tokens[end][-1].lower() in _ORG_KIND
                else:
                    ok = True
                if not ok:
                    break
                complement = complement or conn != "and"
                end += 1
            if not headline_ok and not self._label_item(segs[k].start, segs[end].end):
                k += 1
                continue
            if _post(tokens[k]) and not (end > k and conns[k + 1] == "'s"):
                k = end + 1  # "Chief Public Prosecutor of Istanbul": a post, held by a person
                continue
            if end == k and len(tokens[k]) == 1 and tokens[k][0].lower() in _HEAD_FIRST:
                k += 1  # "the Board of Directors": a lone head word names no body
                continue
            organ = self._organ_of_a_body(segs, tokens, kinds, conns, (k, end))
            if organ is not None:
                k, owner_kind = organ  # "the ILO's Committee on Freedom of Association": the organ, without its owner
            phrase_kinds = [kd for kd in kinds[k:end + 1] if kd]
            start = segs[k].tokens[len(segs[k].tokens) - len(tokens[k])].start
            owner = _POSSESSIVE_CITY.search(self.norm, max(0, start - 40), start)
            if owner and len(tokens[k]) == len(segs[k].tokens):
                entry = lookup(owner.group(1))
                if entry is not None and entry.kind == "city":
                    start = owner.start(1)
            kind = min(phrase_kinds, key=_KIND_PRIORITY.index) if organ is None or owner_kind is None else owner_kind
            if self._indefinite(start, segs[end].end, kind):
                k = end + 1
                continue
            start = self._ordinal_start(start)
            lead_known = _V.known_orgs.get(tokens[k][0].lower()) if is_acronym(tokens[k][0]) else None
            self.add(start, segs[end].end, lead_known[1] if lead_known else kind)
            # (not a union named after its employer: "Union of Workers of the X Company" names no company)
            outer_union = kind in ("union", "federation")
            if end > k and conns[end] == "of the" and kinds[end] in _SUB_ORG_KINDS and len(tokens[end]) >= 2 and not outer_union:
                self.add_inner(segs[end].start, segs[end].end, kinds[end])
            parent = self._parent_body(tokens, kinds, conns, k, end)
            if parent is not None and not outer_union:  # "the X Directorate of the Ministry of Labour and Y"
                self.add_inner(segs[parent].start, segs[end].end, kinds[parent])
            if kinds[k] == "court" or any(kd == "court" for kd in kinds[k:end + 1]):
                for j in range(k + 1, end + 1):
                    if conns[j] in ("of", "of the"):
                        self.state.claims.append(Claim(segs[j].start, segs[j].end, "court_place"))
            k = end + 1

    def _organ_of_a_body(self, segs: list[Chunk], tokens: list[list[str]], kinds: list[str | None], conns: list[str],
                         bounds: tuple[int, int]) -> tuple[int, str | None] | None:
        """The segment after "'s" when the possessor is a body already known and the possessed part
        names an organ of its own ("Committee on X", "Office of Y"): that organ's first segment, and
        the owner's kind (an organ of the ILO is intergovernmental too) when known."""
        k, end = bounds
        j = next((i for i in range(k + 1, end + 1) if conns[i] == "'s"), None)
        if j is None or not any(kinds[j:end + 1]) or not tokens[j]:
            return None
        if j == end and all(is_plain_word(t) or t.lower() in _ORG_KIND for t in tokens[j]):
            return None  # "Amnesty International's Regional Office": a generic part, not a name
        start, stop = segs[k].tokens[len(segs[k].tokens) - len(tokens[k])].start if tokens[k] else segs[k].start, segs[j - 1].end
        owner = self.state.text[start:stop]
        record = self.find(owner)
        known = _V.known_orgs.get(owner.lower())
        if record is not None or known is not None or self.mask.hit(start, stop):
            return j, record.kind if record is not None else known[1] if known is not None else None
        return None

    @staticmethod
    def _parent_body(tokens: list[list[str]], kinds: list[str | None], conns: list[str], k: int, end: int) -> int | None:
        """The segment that opens a ministry named after "of the" inside a longer name, when the
        ministry's own name runs over several segments ("... of the Ministry of Labour and Social Welfare")."""
        for j in range(k + 1, end):
            if (conns[j] == "of the" and len(tokens[j]) == 1 and tokens[j][0].lower() in ("ministry", "ministries")
                    and conns[j + 1].startswith("of")):
                return j
        return None

    def _label_item(self, start: int, end: int) -> bool:
        """A name that is a whole item of a label line, not words of a Title Case headline: one
        entry of a list set off by separators ("X Forum · Y Network", "Name, Director, X Forum")
        or a whole line inside a block of short lines (an address or a signature)."""
        norm = self.norm
        line_start = norm.rfind("\n", 0, start) + 1
        line_end = norm.find("\n", end)
        line_end = len(norm) if line_end < 0 else line_end
        before, after = norm[line_start:start].rstrip(" \t\"“"), norm[end:line_end].lstrip(" \t\"”")
        if (before and before[-1] not in _LABEL_SEPARATORS) or (after and after[0] not in _LABEL_SEPARATORS):
            return False
        if before or after:
            return True
        previous = norm[max(0, line_start - 2):line_start]
        following = norm[line_end:line_end + 2]
        # an address block: the lines above or below are not blank
        return (len(previous) == 2 and previous[0] != "\n") or (len(following) == 2 and following[1] != "\n")

    def _indefinite(self, start: int, end: int, kind: str) -> bool:
        """ "A Revolutionary Court in Tehran", "a Minsk court": a kind of body, not a named one
        (but "a Hyundai Motor Company subcontractor" names the company)."""
        if not _INDEFINITE.search(self.norm, max(0, start - 4), start):
            return False
        if kind == "court" or all(is_plain_word(w.strip("'’")) for w in self.norm[start:end].split()):
            return True  # "a Workers' Council set up by the company": a kind of body
        after = _NEXT_WORD.match(self.norm, end)
        return after is None or after.group(1).lower() in _V.function_words

    def _ordinal_start(self, start: int) -> int:
        """ "the Istanbul 27th High Criminal Court": a numbered body keeps its number and seat."""
        if not self.norm[max(0, start - 3):start].endswith(("th ", "st ", "nd ", "rd ")):
            return start
        lead = _ORDINAL_LEAD.search(self.norm, max(0, start - 40), start)
        if lead is None:
            return start
        seat = lead.group(1)
        if seat and not is_plain_word(seat) and seat.lower() not in _ORG_KIND:
            return lead.start()
        return lead.start(2)

    def portfolio_ministries(self) -> None:
        """ "Ministry of Labour, Employment and Social Security": a ministry named by a list of its
        portfolios, or with an "of the" inside them; every word must be a portfolio word."""
        if "Ministry of " not in self.norm and "Department of " not in self.norm and "Secretariat of " not in self.norm:
            return
        for match in _PORTFOLIO_BODY.finditer(self.norm):
            text = match.group()
            items = text.split(" of ", 1)[1]
            if "," not in items and " of the " not in items and " from the " not in items:
                continue  # a plain "Ministry of Labour and Social Welfare": keyword_phrases reads it
            words = [w.lower() for w in _PORTFOLIO_WORD.findall(items)]
            if all(w in _PORTFOLIO_WORDS or w in ("and", "of", "the", "from", "for") for w in words):
                self.add(match.start(), match.end(), "government")

    def numbered_courts(self) -> None:
        """ "Criminal Court No. 2 of Isfahan", "Anti-Terrorism Court No. 9": a court with its number."""
        if "Court No" not in self.norm and "Tribunal No" not in self.norm:
            return  # cheap test first: the pattern tries every capitalised word
        for match in _NUMBERED_COURT.finditer(self.norm):
            start = match.start()
            lead = _LEADING_THE.match(self.norm, start)
            if lead:
                start = lead.end()
            if match.group("seat"):
                self.state.claims.append(Claim(match.start("seat") + 4, match.end("seat"), "court_place"))
            self.add(start, match.end(), "court")

    def branches_and_seats(self) -> None:
        """ "Branch 1 of the Revolutionary Court of X": the branch is the court's full name; "the Basic
        Court in Novi Sad": the seat after "in"/"at" gives a fuller name. The shorter name stays an alias."""
        for start, end, record in list(self.spans):
            if record.kind not in ("court", "police", "government"):
                continue
            branch = _BRANCH_OF.search(self.norm, max(0, start - 20), start) if record.kind == "court" else None
            if branch:
                self._fuller_name(record, branch.start(), end)
                self.mentions_add(record, branch.start(), start)
            seat = _SEAT_AFTER.match(self.norm, end) if " of " not in record.name else None  # "court of X" has its seat
            if seat:
                entry = lookup(seat.group(1))
                if entry is not None and entry.kind in ("city", "region"):
                    self._fuller_name(record, start, seat.end())  # the seat stays a place: no mention over it

    def _fuller_name(self, record: OrgRecord, start: int, end: int) -> None:
        full = self.state.text[start:end]
        if full == record.name or full in record.aliases:
            return
        if full.startswith(record.name) or full.endswith(record.name):
            record.aliases.append(record.name)
            record.name = full
        else:
            record.aliases.append(full)

    def mentions_add(self, record: OrgRecord, start: int, end: int) -> None:
        """The words a name grew by ("Branch 1 of the") are part of its mention."""
        if not self.mask.hit(start, end):
            record.mentions.append((start, end))
            self.claims.append(Claim(start, end, "org"))
            self.mask.add(start, end)

    def called_names(self, chunks: list[Chunk]) -> None:
        """ "the union, which is called X", "a company known as Y": the name given to a body just described."""
        if " called " not in self.norm and " named " not in self.norm and " known as " not in self.norm:
            return
        for chunk in chunks:
            cue = _CALLED.search(self.norm, max(0, chunk.start - 60), chunk.start)
            words = _words(chunk)
            if cue is None or chunk.headline or not words or words[0] != chunk.tokens[0].text or all(map(is_plain_word, words)):
                continue
            self.add(chunk.start, chunk.end, _CUE_KIND.get(cue.group(1).lower(), "other"))

    def dateline_agencies(self, chunks: list[Chunk]) -> None:
        """ "HARARE, 12 June (Nile Wire) - ...": the news agency credited in a dateline is a body (media)."""
        for chunk in chunks:
            if self.norm[chunk.start - 1:chunk.start] != "(" or not _AGENCY_AFTER.match(self.norm, chunk.end):
                continue  # cheap test first: a whole bracketed run followed by a dash
            line_start = self.norm.rfind("\n", 0, chunk.start) + 1
            before = self.norm[line_start:chunk.start - 1]
            if len(before) > 80 or "," not in before or not before[:1].isupper() or is_acronym(chunk.text):
                continue
            entry = lookup(chunk.text)  # a country or region there is a case title's ("Case No 3 (Chile) - ")
            if (entry is None or entry.kind == "city") and not chunk.headline:
                self.add(chunk.start, chunk.end, "other")

    def courts(self, chunks: list[Chunk]) -> None:
        """Courts written with lower-case words: "the Savelovsky court", "X district court of Y"."""
        for idx, chunk in enumerate(chunks):
            match = _COURT_AFTER.match(self.norm, chunk.end)
            if not match or chunk.headline:
                continue
            words = _words(chunk)
            if not words or (lookup(" ".join(words)) and " " not in match.group(1).strip()) or all(map(is_plain_word, words)):
                continue
            if any(is_demonym(w) for w in words):
                continue
            end = match.end()
            of = _OF_CHUNK.match(self.norm, end)
            if of and idx + 1 < len(chunks) and chunks[idx + 1].start == of.end():
                self.state.claims.append(Claim(chunks[idx + 1].start, chunks[idx + 1].end, "court_place"))
                end = chunks[idx + 1].end
            start = chunk.tokens[len(chunk.tokens) - len(words)].start
            if not self._indefinite(start, end, "court"):
                self.add(start, end, "court")

    def diplomatic_missions(self) -> None:
        """ "Permanent Mission of X to the United Nations Office at Geneva", "Embassy of X in Y":
        the addressees of urgent appeals, named in full."""
        if "Mission" not in self.norm and "Embassy" not in self.norm:
            return
        for match in _MISSION.finditer(self.norm):
            self.add(match.start(), match.end(), "government")

    def lower_ministries(self) -> None:
        """ "the labour ministry", "the ministry of interior": a ministry named by its field, in lower case."""
        if "ministry" not in self.norm:
            return
        for match in _LOWER_MINISTRY.finditer(self.norm):
            start, end = match.span(1)
            self.add(start, end, "government")

    def group_causes(self, chunks: list[Chunk]) -> None:
        """ "Lawyers for Labour Rights", "Doctors for Peace": a capitalised group of people, then
        "for" and a capitalised cause, names an association (not "Lawyers for Ms Kaya")."""
        if " for " not in self.norm:
            return
        for idx in range(len(chunks) - 1):
            chunk, cause = chunks[idx], chunks[idx + 1]
            if len(chunk.tokens) != 1 or chunk.tokens[0].lower not in _GROUP_NOUNS:
                continue
            if self.norm[chunk.end:cause.start] != " for ":
                continue
            if not all(_cause_word(t.text) for t in cause.tokens):
                continue
            if chunk.headline and not self._label_item(chunk.start, cause.end):
                continue
            self.add(chunk.start, cause.end, "ngo")

    def regional_governments(self, chunks: list[Chunk]) -> None:
        """ "the Government of Sindh": the government of a province or city is a named body
        (the "Government of <country>" of ILO reports is the state itself)."""
        if "Government of " not in self.norm:
            return
        for chunk in chunks:
            if self.norm[max(0, chunk.start - 14):chunk.start] != "Government of ":
                continue
            entry = lookup(chunk.text)
            if entry is not None and entry.kind in ("region", "city") and not chunk.headline:
                self.add(chunk.start - 14, chunk.end, "government")

    def courts_of_places(self, chunks: list[Chunk]) -> None:
        """ "the court of Es-Senia", "the administrative court of Oran": a court named by its seat."""
        if "court of " not in self.norm:
            return
        for chunk in chunks:
            lead = _COURT_OF.search(self.norm, max(0, chunk.start - 40), chunk.start)
            words = _words(chunk)
            if not lead or chunk.headline or not words or words[0] != chunk.tokens[0].text or is_plain_word(words[0]):
                continue
            self.state.claims.append(Claim(chunk.start, chunk.end, "court_place"))
            self.add(lead.start(1), chunk.end, "court")

    def cue_names(self, chunks: list[Chunk]) -> None:
        before_re, after_re, _ = _cue_regexes()
        for chunk in chunks:
            if self.mask.hit(chunk.start, chunk.end):
                continue
            words = _words(chunk)
            if not words or all(map(is_plain_word, words)) or lookup(" ".join(words)) or is_demonym(words[0]):
                continue
            if words[-1].lower().endswith(_DESCRIBING_SUFFIXES):
                continue  # "the London-based group X", "a Dubai-registered firm": the noun's modifier
            start = chunk.tokens[len(chunk.tokens) - len(words)].start
            before = before_re.search(self.norm, max(0, chunk.start - 40), chunk.start) if _previous_word(
                self.norm, chunk.start
            ) in _CUE_LAST_WORDS else None
            after = after_re.match(self.norm[chunk.end:chunk.end + 40])
            if after and after.group("mod") and not _modifier_ok(after.group("mod"), after.group(2)):
                after = None
            if before and before.group("comma") and (
                not self._company_apposition(before.group(1), chunk, words)
                or _ROLE_AT_CUE.search(self.norm, max(0, before.start() - 40), before.start())
            ):
                before = None  # "a spokesman for the company, X Y, said": the apposition names the person
            if before and not chunk.headline:
                self.add(start, chunk.end, _CUE_KIND.get(before.group(1).lower(), "other"))
            elif after and not is_acronym(" ".join(words)) and not _sentence_initial(chunk) and not _plural_possessive(
                self.norm, chunk, words
            ):
                record = self.add(start, chunk.end, _CUE_KIND.get(after.group(2).lower(), "other"))
                if record is not None and after.group(2).lower() in ("union", "trade union") and not after.group("mod"):
                    record.kind = "union"
                    alias = self.state.text[start:chunk.end + after.end()]
                    if alias not in record.aliases:
                        record.aliases.append(alias)
            elif not chunk.headline and len(words) == 1 and not is_acronym(words[0]):
                described = _DESCRIBED_AFTER.match(self.norm, chunk.end)
                if described:  # "Sintrainal, the food workers' union, ..."
                    self.add(start, chunk.end, _CUE_KIND.get(described.group(1).lower(), "other"))

    def quoted_names(self, chunks: list[Chunk]) -> None:
        """ 'the union of ambulance workers "X" (Y)': a quoted name after a body described in lower
        case is that body; a capitalised gloss in brackets right after it is its translation."""
        for chunk in chunks:
            if self.norm[chunk.start - 1:chunk.start] not in _OPEN_QUOTES or self.norm[chunk.end:chunk.end + 1] not in _CLOSE_QUOTES:
                continue  # cheap test first: only a whole quoted run
            if self._generic_before_quote(chunk):
                continue
            cue = _DESCRIBED_BODY.search(self.norm, max(0, chunk.start - 80), chunk.start)
            if cue is None or chunk.headline:
                continue
            record = self.add(chunk.start, chunk.end, _CUE_KIND.get(cue.group(1).lower(), "other"))
            gloss = _PAREN.match(self.norm, chunk.end + 1)
            if record is not None and gloss and _GLOSS.fullmatch(gloss.group(1)):
                self.alias(record, gloss.group(1), gloss.start(1), gloss.end(1))

    def _generic_before_quote(self, chunk: Chunk) -> bool:
        """ 'the Independent Trade Union "X"': a body named only by common words, then its quoted
        name; the two are one name, the quoted part its alias."""
        found = next(((s, e, r) for s, e, r in self.spans if e == chunk.start - 2), None)
        if found is None or self.norm[chunk.start - 2] != " ":
            return False
        start, _end, record = found
        generic = self.state.text[start:found[1]]
        if record.name != generic or not all(map(is_plain_word, generic.split())):
            return False
        record.name = self.state.text[start:chunk.end + 1]
        quoted = self.record_ending_at(chunk.end)
        if quoted is not None and quoted is not record:
            self.merge(record, quoted)  # the quoted name alone was taken after its noun ("Union")
        self.alias(record, chunk.text, chunk.start, chunk.end)
        return True

    def _company_apposition(self, cue: str, chunk: Chunk, words: list[str]) -> bool:
        """ "the terminal operator, X Y, ...": a company noun, then the name set off by commas."""
        return (
            (cue.lower() in _APPOSITION_CUES or cue.lower().endswith(" operator"))
            and len(words) >= 2
            and words[0].lower() not in _V.honorifics
            and re.match(r"[,.;]", self.norm[chunk.end:chunk.end + 1]) is not None
        )

    def legal_forms(self, chunks: list[Chunk]) -> None:
        """ "PT Freeport Indonesia", "JSC Ozenmunaigas": a legal-form prefix names a company."""
        for chunk in chunks:
            if len(chunk.tokens) >= 2 and chunk.tokens[0].text in _V.company_prefixes:
                self.add(chunk.start, chunk.end, "company")

    def dotted_suffixes(self, chunks: list[Chunk]) -> None:
        """ "Minera X S.A.C.", "Y Enerji A.Ş.": a dotted legal form after a name ends a company's name.
        The chunk stops at the form's first letter, so only chunks ending in one capital are read."""
        for chunk in chunks:
            last = chunk.tokens[-1]
            mixed = _MIXED_CASE_FORM.match(self.norm, chunk.end)
            if mixed and len(_words(chunk)) >= 2:  # "X d.o.o.", "Y S.p.A.": the chunk stopped before the form
                self.add(chunk.tokens[len(chunk.tokens) - len(_words(chunk))].start, mixed.end(), "company")
                continue
            if len(chunk.tokens) < 2 or len(last.text) != 1:
                continue
            dotted = _DOTTED_TAIL.match(self.norm, chunk.end)
            form = (last.text + dotted.group()).lower() if dotted else ""
            words = _words(chunk)
            if form and _ORG_KIND.get(form) == "company" and len(words) >= 2:
                self.add(chunk.tokens[len(chunk.tokens) - len(words)].start, dotted.end(), "company")

    def camel_case(self, chunks: list[Chunk]) -> None:
        camel = re.compile(r"[A-Z][a-z]+[A-Z]\w*")
        for chunk in chunks:
            for token in chunk.tokens:
                if (
                    camel.fullmatch(token.text)
                    and not _NAME_PREFIX.match(token.text)
                    and not is_plain_word(token.text)
                    and token.text.lower() not in _V.currency_by_word  # "fined ZiG 5,000": a currency
                    and not _NUMBER_AFTER.match(self.norm, token.end)
                ):
                    self.add(token.start, token.end, "company")

    def definitions(self, chunks: list[Chunk]) -> None:
        """ "Full Name (ACR)": the acronym is an alias; a name whose initials spell it is an organisation."""
        for idx, chunk in enumerate(chunks):
            end = chunk.end
            dotted = _DOTTED_FORM.match(self.norm, end) if self.norm[end - 2:end - 1] == " " else None
            if dotted:  # "X del Pacífico S.A. (XDP)": the name took the rest of its legal form
                end = dotted.end()
            paren = _PAREN.match(self.norm, end)
            if not paren:
                continue
            record = self.record_ending_at(end)
            inner_start = paren.start(1)
            acronyms = [m for m in ACRONYM.finditer(paren.group(1)) if _acronym_ok(m.group())]
            # "Union of Sugarcane Workers of the X Valley (Sintracaña)": a union's short name in mixed case
            short = paren.group(1) if not acronyms and _short_name(paren.group(1)) else None
            if record is None and (acronyms or short):
                record = self._of_tail(chunks, idx, end, unions_only=not acronyms)
            if short and record is not None and record.kind in ("union", "federation"):
                self.alias(record, short, inner_start, paren.end(1))
            if record is None:
                start = self._spelled_start(chunks, idx, acronyms[0].group()) if acronyms else None
                if start is None:
                    continue
                record = self.add(start, chunk.end, "other")
                if record is None:
                    continue
            for s, e, other in list(self.spans):
                if other is not record and inner_start <= s and e <= paren.end(1):
                    self.merge(record, other)
            for m in acronyms:
                self.alias(record, m.group(), inner_start + m.start(), inner_start + m.end())
            if "-" in paren.group(1) and acronyms[:1] != [] and len(paren.group(1).split("-")[0].split()) >= 2:
                name = paren.group(1).split("-")[0].strip()
                if name and name not in record.aliases:
                    record.aliases.append(name)

    def _of_tail(self, chunks: list[Chunk], idx: int, end: int, unions_only: bool = False) -> OrgRecord | None:
        """ "Trade Union Confederation of the Americas (TUCA)", "Federation of X Workers of the Coast
        (FX)": a short place-like tail after "of (the)", confirmed by the acronym that follows, belongs
        to the name found just before it; the record takes the whole name. Up to three tails may follow
        one another ("... of Workers of the Agro-Industry of Peru (FX)")."""
        span = None
        for k in range(idx, max(-1, idx - 3), -1):
            chunk = chunks[k]
            of = _OF_THE_BEFORE.search(self.norm, max(0, chunk.start - 9), chunk.start)
            # (a keyword may stand in a middle tail: "of the Agro-Industry of Peru", "of the Textile Sector of X")
            if of is None or len(chunk.tokens) > 3 or (k == idx and any(t.lower in _ORG_KIND for t in chunk.tokens)):
                return None
            span = next(((s, e, r) for s, e, r in self.spans if e == of.start()), None)
            if span is not None or k == 0 or chunks[k - 1].end != of.start():
                break
        if span is None or (unions_only and span[2].kind not in ("union", "federation")):
            return None
        start, short_end, record = span
        full = self.state.text[start:end]
        if record.name == self.state.text[start:short_end]:
            record.name = full  # the cut name was only ever this text's truncation
        elif full not in record.aliases:
            record.aliases.append(full)
        record.mentions.append((start, end))
        self.claims.append(Claim(start, end, "org"))
        self.mask.add(short_end, end)
        self.spans.append((start, end, record))
        return record

    def _spelled_start(self, chunks: list[Chunk], idx: int, acronym: str) -> int | None:
        """Start of the name whose capitalised initials spell `acronym`, reaching back across
        short lower-case particles ("Nagkakaisang Manggagawa ng Sunrise Circuits (NMSC)")."""
        letters = _caps(acronym)
        words = _words(chunks[idx])
        if not words:
            return None
        spelled = initials(" ".join(words))
        start = chunks[idx].tokens[len(chunks[idx].tokens) - len(words)].start
        j = idx
        while len(spelled) < len(letters) and letters.endswith(spelled) and j > 0:
            prev = chunks[j - 1]
            if not _PARTICLE_GAP.fullmatch(self.norm, prev.end, chunks[j].start):
                break
            prev_words = _words(prev)
            if not prev_words:
                break
            spelled = initials(" ".join(prev_words)) + spelled
            start = prev.tokens[len(prev.tokens) - len(prev_words)].start
            j -= 1
        if spelled != letters or (j == idx and len(words) < 2):
            return None
        return start

    def legal_suffixes(self, chunks: list[Chunk]) -> None:
        """ "X Lanka (Pvt) Ltd": a bracketed legal form ends a company name."""
        if "(P" not in self.norm:  # cheap test first: most texts have none
            return
        for chunk in chunks:
            match = _PAREN_LEGAL.match(self.norm, chunk.end)
            words = _words(chunk)
            if match and words and not all(map(is_plain_word, words)):
                start = chunk.tokens[len(chunk.tokens) - len(words)].start
                self.add(start, match.end(), "company")

    def repeated_names(self, chunks: list[Chunk]) -> None:
        """Later mentions of a name already found, and a company named without its legal or
        keyword tail ("Falcon X" for "Falcon X Security Services"), before persons are read."""
        names: dict[str, OrgRecord] = {}
        for record in self.orgs:
            for name in (record.name, *record.aliases):
                if " " in name:
                    names.setdefault(name, record)
            if record.kind in _SHORTENED_KINDS:
                words = record.name.split()
                for k in range(2, len(words)):
                    if all(_tail_word(w) for w in words[k:]):
                        names.setdefault(" ".join(words[:k]), record)
                        break
        if not names:
            return
        firsts = {name.split(" ", 1)[0] for name in names}
        for chunk in chunks:
            if not any(t.text in firsts for t in chunk.tokens[:3]):  # cheap test first
                continue
            words = _words(chunk)
            if not words:
                continue
            start = chunk.tokens[len(chunk.tokens) - len(words)].start
            record = names.get(self.norm[start:chunk.end])
            if record is not None and not self.mask.hit(start, chunk.end):
                self.alias(record, self.state.text[start:chunk.end], start, chunk.end)

    def acronyms(self, chunks: list[Chunk]) -> None:
        """All-capital tokens: aliases of named organisations, known bodies, or organisations of their own."""
        norm = self.norm
        for chunk in chunks:
            for token in chunk.tokens:
                word, start, end = token.text, token.start, token.end
                if not is_acronym(word) or not _acronym_ok(word) or self.mask.hit(start, end):
                    continue
                nxt, nxt2 = norm[end:end + 1], norm[end + 1:end + 2]
                if (start and norm[start - 1] in "/&.-") or nxt in ("/", "-") or (nxt == "." and nxt2.isalnum()):
                    continue  # "HTUR/JB", "U.S."
                if overlaps(self.state.claims, start, end) or _in_caps_run(norm, start, end) or lookup(word) or word in _currency_codes():
                    continue
                if word in _NOT_ORGS:
                    continue
                record = self._acronym_owner(word)
                if record is not None:
                    self.alias(record, word, start, end)
                    continue
                known = _V.known_orgs.get(word.lower())
                if known:
                    self.add(start, end, known[1])
                elif len(_caps(word)) >= 3 and not _REFERENCE_AFTER.match(norm, end):  # "KHM 006 / 0924", "CASE No. 3": a reference
                    after = norm[end:end + 20].lower()
                    kind = "union" if _UNION_AFTER.match(after) else "other"
                    self.add(start, end, kind)

    def _acronym_owner(self, word: str) -> OrgRecord | None:
        for record in self.orgs:
            if word == record.name or word in record.aliases:
                return record
        letters = _caps(word)
        for record in self.orgs:
            if " " in record.name and initials(record.name) == letters:
                return record
        return None


# company nouns whose name may follow after a comma; not workplaces ("at the factory, Ma X" is a person)
_OPEN_QUOTES = frozenset('"“«')
_CLOSE_QUOTES = frozenset('"”»')
# "union of emergency medical workers «", "association of domestic workers \"": a body's noun,
# its lower-case description, then the opening quote of its name
_DESCRIBED_BODY = re.compile(
    r"\b(trade union|union|association|federation|confederation|organisation|organization|movement|company)"
    r"(?:[ ]+(?:of|for)(?:[ ]+[a-z][a-z'’-]*){1,5})?[ ]+[\"“«]$"
)
_GLOSS = re.compile(r"[A-Z][\w'’-]*(?:[ ]+(?:of|for|and|the|[A-Z][\w'’-]*)){0,5}")
# "a spokesman for the company, X": a role held at the body just named, so X is a person
_ROLE_AT_CUE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|manager|director|lawyer|representative|owner|chairman|chairwoman|"
    r"chairperson|head|official|officer|executive|president)[ ]+(?:for|of|at)[ ]+(?:the|a|an)[ ]+$",
    re.IGNORECASE,
)
_OF_THE_BEFORE = re.compile(r"[ ]+of(?:[ ]+the)?[ ]+$")
_DESCRIBING_SUFFIXES = ("-based", "-born", "-registered", "-owned", "-listed", "-headquartered", "-run")
_APPOSITION_CUES = frozenset({"company", "firm", "corporation", "subsidiary", "contractor", "supplier", "manufacturer", "retailer"})
_LABEL_SEPARATORS = frozenset(",;|·•–—/")
_CUE_LAST_WORDS = frozenset(w.split()[-1] for w in _V.org_cue_before)


# "X, the food workers' union,": a lower-case description that ends in an organisation noun
_DESCRIBED_AFTER = re.compile(
    r",[ ]+(?:the|a|an)[ ]+(?:(?!(?:with|of|at|for|in|from|to|on|by|the|and|or|who|which|its|his|her|their)\b)[a-z'’-]+[ ]+){1,4}"
    r"(union|federation|confederation|company|firm|employer|association|network|ngo)(?=[,.;)])"
)


def _previous_word(norm: str, pos: int) -> str:
    words = norm[max(0, pos - 30):pos].replace('"', " ").replace("“", " ").split()
    return words[-1].lower().rstrip(",") if words else ""


_DOTTED_FORM = re.compile(rf"(?:\.{UP})+\.(?=[ ,;:)]|$)")
_DOTTED_TAIL = re.compile(r"(?:\.\w)+\.(?=[ ,;:)]|$)")
_MIXED_CASE_FORM = re.compile(r"[ ]+(?:d\.o\.o|s\.r\.o|S\.p\.A|S\.r\.l|s\.r\.l|s\.a|e\.V)\.(?=[ ,;:)]|$)")
_PARTICLE_GAP = re.compile(r"[ ]+(?:[a-z]{1,3}[ ]+){1,2}")
_PAREN_LEGAL = re.compile(r"[ ]*\((?:Pvt|Pte|Pty|Private|Proprietary)\.?\)[ ]*(?:Ltd|Limited)\b")
_SHORTENED_KINDS = frozenset({"company", "police"})


def _tail_word(word: str) -> bool:
    """A word that can be left off a company's name: a legal form, a keyword, a country."""
    low = word.strip("(),").lower()
    if low in _ORG_KIND or low.rstrip(".") in _ORG_KIND or word.strip("().,") in _V.company_prefixes:
        return True
    entry = lookup(word)
    return entry is not None and entry.kind == "country"


_SHORT_NAME = re.compile(r"[A-Z][a-zà-ÿ]{3,}(?:[A-Z][a-zà-ÿ]+)?")


def _short_name(text: str) -> bool:
    """A one-word short name in mixed case ("Sintracaña"), not a place, a month or a common word."""
    return bool(_SHORT_NAME.fullmatch(text)) and not is_plain_word(text) and lookup(text) is None


def _other_head(a: str, b: str) -> bool:
    """ "General Labour Inspectorate" and "General Labour Directorate": alike, but their head words
    name two different bodies."""
    head_a, head_b = a.rsplit(" ", 1)[-1].lower(), b.rsplit(" ", 1)[-1].lower()
    if head_a.rstrip("s.") == head_b.rstrip("s.") or head_a in _LEGAL_FORMS or head_b in _LEGAL_FORMS:
        return False  # "Union"/"Unions", "Company"/"Co.": one body
    return head_a in _ORG_KIND and head_b in _ORG_KIND


def _legal_form_last(name: str) -> bool:
    """The name ends in a legal form ("... Sanayi A.Ş.", "... Pvt Ltd")."""
    return name.rsplit(" ", 1)[-1].lower() in _LEGAL_FORMS


def _modifier_ok(modifier: str, noun: str) -> bool:
    """ "the Azot fertiliser plant": a product word between a company name and its noun, not "for union"."""
    return (
        _CUE_KIND.get(noun.lower()) == "company"
        and modifier not in _V.function_words
        and modifier not in _V.common_words
        and not modifier.endswith(("ed", "ly"))
    )


_NUMBER_AFTER = re.compile(r"[ ]+\d")
_REFERENCE_AFTER = re.compile(r"[ ]+(?:No\.?|NO\.?|Nos\.?|Ref\.?|REF\.?)?[ ]*\d")
_NAME_PREFIX = re.compile(r"(?:Mc|Mac|De|Di|La|Le|Van|Von|O)[A-Z]")
_UNION_AFTER = re.compile(r"\s+(?:trade )?union\b")
_LEADING_THE = re.compile(r"(?:the|The|THE)\s+")
_ROMAN = re.compile(r"[IVXLC]+")
_CAPS_BEFORE = re.compile(r"([A-Z]{2,})[ ]+$")
_CAPS_AFTER = re.compile(r"[ ]+([A-Z]{2,})\b")


@lru_cache(maxsize=1)
def _currency_codes() -> frozenset[str]:
    """ "ZWL 50,000": ISO currency codes (and the vocabulary's own) are not organisations."""
    import pycountry

    codes = {c.alpha_3 for c in pycountry.currencies}
    codes.update(w.upper() for w in _V.currency_by_word if re.fullmatch(r"[a-z]{3}", w))
    return frozenset(codes)


def _caps(word: str) -> str:
    return "".join(c for c in word if "A" <= c <= "Z")


def _plural_possessive(norm: str, chunk: Chunk, words: list[str]) -> bool:
    """ "Miners' union", "Teachers' union": one plural noun in the possessive describes the members."""
    return len(words) == 1 and words[0].endswith("s") and norm[chunk.end:chunk.end + 1] in ("'", "’")


def _sentence_initial(chunk: Chunk) -> bool:
    return chunk.sentence is not None and chunk.start <= chunk.sentence.start + 1 and len(chunk.tokens) == 1


def _cause_word(word: str) -> bool:
    low = word.lower().rstrip("'’")
    return low in _CAUSE_WORDS or (is_plain_word(word) and low not in _V.role_titles and low not in _V.honorifics)


def _inner_particle(chunk: Chunk) -> bool:
    """ "Compañía de X", "Frente Armado del Sur": a Romance particle inside the chunk."""
    return len(chunk.tokens) > 1 and bool(_INNER_PARTICLE.search(chunk.text, len(chunk.tokens[0].text)))


_INNER_PARTICLE = re.compile(r"[ ](?:de|del|des|du|di|da)[ ]")


def _post(words: list[str]) -> bool:
    """ "Chief Public Prosecutor", "Prosecutor General": a title between two role words names a post."""
    return len(words) >= 2 and words[0].lower() in _V.role_titles and words[-1].lower() in _V.role_titles


def _is_country(name: str) -> bool:
    if " " not in name:
        return False  # one-word country names are never taken for bodies; spare the lookup
    entry = lookup(name)
    return entry is not None and entry.kind == "country"


def _is_region(text: str) -> bool:
    entry = lookup(text)
    return entry is not None and entry.kind in ("country", "region")


def _role_plural(word: str) -> bool:
    low = word.lower()
    return low.endswith("s") and (low[:-1] in _V.role_titles or low[:-1] in _V.role_nouns)


def _joining_word(word: str) -> bool:
    """A word that joins an organisation's name by "and": a common noun ("Port and Dock Workers'
    Union", "Road and Transport ..."), not a name ("Ivo and ...")."""
    low = word.lower()
    # (a portfolio word too: "Employment and Labour Relations Court")
    return is_plain_word(word) or low in _V.non_entity_heads or low in _ORG_KIND or low in _PORTFOLIO_WORDS


def _words(chunk: Chunk) -> list[str]:
    """The chunk's words without leading function words, computed once per chunk (callers must not change it)."""
    words = chunk.words
    if words is None:
        words = chunk.words = _strip_leading([t.text for t in chunk.tokens])
    return words


def _strip_leading(words: list[str]) -> list[str]:
    i = 0
    while i < len(words) and words[i].lower() in _V.function_words:
        i += 1
    return words[i:]


def _acronym_ok(word: str) -> bool:
    letters = _caps(word)
    if word in _ACRONYM_STOP or len(letters) < 2 or len(word) > 12:
        return False
    if len(letters) == 2 and word.lower() not in _V.known_orgs:
        return False
    return not _ROMAN.fullmatch(word)


def _in_caps_run(norm: str, start: int, end: int) -> bool:
    """Part of a shouted heading ("MEXICO CITY", "BREAKING NEWS")."""
    before = _CAPS_BEFORE.search(norm, max(0, start - 30), start)
    after = _CAPS_AFTER.match(norm, end)
    return bool(before or after)


class FindOrganisations:
    """Named organisations and state bodies; generic mentions ("the police") stay out."""

    def __call__(self, state: PipelineState) -> None:
        builder = OrgBuilder(state)
        chunks = state.chunks
        builder.diplomatic_missions()
        builder.known_names(chunks)
        builder.legal_forms(chunks)
        builder.legal_suffixes(chunks)
        builder.dotted_suffixes(chunks)
        builder.possessive_companies(chunks)
        builder.portfolio_ministries()
        builder.numbered_courts()
        builder.keyword_phrases(chunks)
        builder.courts(chunks)
        builder.courts_of_places(chunks)
        builder.branches_and_seats()
        builder.regional_governments(chunks)
        builder.called_names(chunks)
        builder.dateline_agencies(chunks)
        builder.group_causes(chunks)
        builder.lower_ministries()
        builder.definitions(chunks)
        builder.cue_names(chunks)
        builder.quoted_names(chunks)
        builder.camel_case(chunks)
        builder.acronyms(chunks)
        builder.repeated_names(chunks)
        state.orgs = builder.orgs
        state.claims.extend(builder.claims)
