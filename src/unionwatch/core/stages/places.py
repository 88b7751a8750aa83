"""Places: countries, regions and cities from the offline gazetteer, plus text cues."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from unionwatch.core.names import fold_name
from unionwatch.core.stages.base import Claim, PlaceRecord
from unionwatch.core.stages.chunks import UP, Chunk, Token
from unionwatch.core.stages.common import SpanMask, is_demonym, is_plain_word, overlaps
from unionwatch.core.stages.gazetteer import GazetteerEntry, lookup, place_key
from unionwatch.core.stages.vocab import alternation, vocab

if TYPE_CHECKING:
    from unionwatch.core.pipeline import PipelineState

_V = vocab()
MAX_PLACE_WORDS = 4
MIN_SUBSPAN_CITY_POPULATION = 100000
MIN_UNCUED_CITY_POPULATION = 100000
_PLACE_PREP = re.compile(r"\b(?:in|at|near|from|of|to|outside|across|between)[ ]+(?:the[ ]+)?(?:nearby[ ]+)?$", re.IGNORECASE)
_PREMISES_IN = re.compile(
    r"\b(?:house|home|homes|office|offices|factory|plant|mill|farm|headquarters|premises|village|town|district|"
    r"township|suburb|area|station|march|rally|protest|strike|sit-in|secretariat|compound|yard|depot|workshop|site)"
    r"(?:\W+[A-Z][\w'-]*){0,4}[ ]+in[ ]+$"
)
# "workers in X.", "a march near X, on Monday": an unknown one-word name ending a clause after a
# lower-case word and a locative preposition.
_BARE_BEFORE = re.compile(r"[a-z][a-z,]*[ ]+(?:in|near|outside)[ ]+$")
_CLAUSE_END = re.compile(
    r"[ ]*(?:[,.;:)]|$)|[ ]+(?:on|and|where|before|after|last|this|since|when|during|until|was|were|is|are|has|had|to"
    r"|with|at|for|only)\b"
)
# "a lock-up at X", "the police station at X": "at" names a place only after a building (not "a strike at X",
# where X is the employer)
_PREMISES_AT = re.compile(
    r"\b(?:house|home|homes|office|offices|lock-up|station|camp|cell|cells|jail|prison|barracks|depot|yard|compound|"
    r"quarters|residence|hospital|clinic|checkpoint|camp)[ ]+at[ ]+$"
)
# natural features named by a prefix: "Lake X" is not the town of X
_FEATURE_PREFIXES = frozenset({"lake", "mount", "mt"})
_JOIN_ENDS = frozenset({",", "d", "r"})  # the character before the space in ", X", "and X", "or X"
_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower"})
_REGION_END = re.compile(r"[ ]*(?:[,.;:)]|$)")
# "in Y and X", "between Y, Z and X": the list before a name, up to the locative word that opens it
_LIST_JOIN = re.compile(r"(?:,|[ ](?:and|or))[ ]+$")
_LISTED = re.compile(
    rf"\b(?:in|at|near|from|to|between|outside|across|around)[ ]+(?:the[ ]+)?"
    rf"(?:{UP}[\w'-]*(?:[ ]+{UP}[\w'-]*){{0,3}}(?:,[ ]+|,?[ ]+(?:and|or)[ ]+)){{0,4}}{UP}[\w'-]*(?:[ ]+{UP}[\w'-]*){{0,3}}$"
)
# after a listed name: the clause goes on with a lower-case word or ends (not "Ruiz said", "X was")
_LIST_END = re.compile(r"[ ]*(?:[,.;:)]|$)|[ ]+(?:on|and|or|at|in|near|where|before|after|last|this|since|when|during|until|to|with|for|over|as)\b")
_ORDINAL_OF = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)[ ]+of[ ]+$")
_CUE_LAST = frozenset({"of", "in", "at", "near", "from", "to", "outside", "across", "the"})
_CUE_PHRASE_LAST = frozenset({"of", "to", "from"})  # the last words of place_cue_before ("city of", "road to")
_PLACE_AFTER = re.compile(r",[ ]+[A-Z][\w-]+")
# "MBABANE – The court...", "Kisumu — Police...": a dateline set off by a dash
_DATELINE_DASH = re.compile(r"[ ]+[–—-][ ]+[A-Z]")


def _dateline(norm: str, start: int, end: int) -> bool:
    return (start == 0 or norm[start - 1] == "\n") and _DATELINE_DASH.match(norm, end) is not None


# Plain words that open place names: "South Africa", "Western Cape", "New Delhi", "Upper Nile"
# words that make a known name part of another one ("Federal Capital Territory", "Autonomous Region of X")
_QUALIFIERS = frozenset({"federal", "national", "autonomous", "special", "metropolitan"})
_PLACE_OPENERS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                            "upper", "lower", "new", "greater", "great", "middle", "united", "democratic", "republic"})
# "the union's X branch", "its X regional office"
_BRANCH_WORDS = frozenset({"branch", "branches", "chapter", "regional", "provincial"})
_BRANCH_AFTER = re.compile(r"[ ]+(?:branch|branches|chapter|(?:regional|provincial)[ ]+(?:office|branch|chapter))\b")
# "the X sector of Y", "X valley", "X sub-city": parts of a place named by a lower-case noun
_AREA_AFTER = frozenset({"sector", "neighbourhood", "neighborhood", "suburb", "quarter", "sub-city", "valley", "ward", "commune", "sub-county", "subdistrict", "sub-district"})
_REGION_AFTER = frozenset({"region", "province", "oblast", "governorate", "prefecture", "krai", "canton", "township", "district", "county"}) | _AREA_AFTER
_BARE_AFTER = frozenset({"township", "district", "county"}) | _AREA_AFTER
_REGIONS_AFTER = frozenset({"regions", "provinces", "oblasts", "governorates", "prefectures", "townships", "districts", "counties"})
# "the Chui and Naryn regions": every name of the list before the plural cue
_LIST_BEFORE = re.compile(r"([A-Z][\w'-]+(?:[ ]+[A-Z][\w'-]+)?)(?:,[ ]+|,?[ ]+and[ ]+)$")
# Continents and world regions: places only after a locative word ("affiliates in Europe"), never
# in a role ("Director for Eastern Europe") or a body's name ("Council of Europe").
_WORLD_REGIONS = frozenset({"europe", "asia", "africa", "latin america", "south america", "north america", "central america",
                            "the americas", "the middle east", "middle east", "central asia", "south asia", "southeast asia",
                            "south-east asia", "east asia", "west africa", "east africa", "southern africa", "north africa",
                            "the caribbean", "caribbean", "oceania", "the balkans", "balkans", "the gulf"})
_WORLD_LEAD = re.compile(r"\b(?:in|across|throughout|around|from|to|into)[ ]+(?:the[ ]+)?$")


@lru_cache(maxsize=1)
def _cue_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(list(_V.place_cue_before))})[ ]+$", re.IGNORECASE)


# precompiled: region_cues tries it after every capitalised chunk
_NEXT_LOWER_WORD = re.compile(r"[ ]+([a-z]+(?:-[a-z]+)?)\b")


class PlaceBuilder:
    def __init__(self, state: PipelineState):
        self.state = state
        self.by_key: dict[str, PlaceRecord] = {}
        self.surfaces: dict[str, Counter[str]] = {}
        self.claims: list[Claim] = []
        # masks instead of scans of the claim lists: one check per chunk costs O(chunk), not O(claims)
        self.taken = SpanMask([], len(state.text))
        self.org_mask = SpanMask(state.claims, len(state.text), ("org",))

    def add(self, start: int, end: int, entry: GazetteerEntry | None, kind: str = "locality") -> None:
        surface = self.state.text[start:end]
        if surface.isupper():
            surface = surface.title()
        key = entry.key if entry else f"cue:{place_key(surface)}"
        record = self.by_key.get(key)
        if record is None:
            record = PlaceRecord(surface, entry.kind if entry else kind, entry.country_code if entry else "", key)
            self.by_key[key] = record
            self.surfaces[key] = Counter()
        self.surfaces[key][surface] += 1
        record.mentions.append((start, end))
        self.claims.append(Claim(start, end, "place"))
        self.taken.add(start, end)

    def from_chunk(self, tokens: list[Token], allow_cities: bool = True) -> None:
        n = len(tokens)
        i = 0
        while i < n:
            if is_demonym(tokens[i].text) or (is_plain_word(tokens[i].text) and not lookup(tokens[i].text)):
                # "South Africa", "Western Cape", "New Delhi": a plain word can open a longer name
                j = self._plain_led(tokens, i)
                if j:
                    i = j
                    continue
                i += 1
                continue
            for j in range(min(n, i + MAX_PLACE_WORDS), i, -1):
                start, end = tokens[i].start, tokens[j - 1].end
                entry = lookup(self.state.norm[start:end])
                if entry and self._accept(entry, tokens, i, j, allow_cities):
                    self.add(start, end, entry)
                    i = j
                    break
            else:
                i += 1

    def _plain_led(self, tokens: list[Token], i: int) -> int:
        """The end of a country, region or city name opened by a plain word at `i`, else 0: after
        an opener ("South Africa", "New Delhi"), or any plain word after a locative cue ("in General X")."""
        if i + 1 >= len(tokens):
            return 0
        # "the Russian Federation", "the Czech Republic": a demonym opens only a country's name
        demonym_led = tokens[i].lower not in _PLACE_OPENERS and is_demonym(tokens[i].text)
        if tokens[i].lower not in _PLACE_OPENERS and not demonym_led:
            return self._plain_led_town(tokens) if i == 0 else 0
        for j in range(min(len(tokens), i + MAX_PLACE_WORDS), i + 1, -1):
            start, end = tokens[i].start, tokens[j - 1].end
            entry = lookup(self.state.norm[start:end])
            if entry and (not demonym_led or entry.kind == "country") and self._accept(entry, tokens, i, j, True):
                self.add(start, end, entry)
                return j
        return 0

    def _plain_led_town(self, tokens: list[Token]) -> int:
        """ "in nearby General X": a whole run the gazetteer knows, opened by any plain word, after a cue."""
        if len(tokens) > MAX_PLACE_WORDS:
            return 0
        start, end = tokens[0].start, tokens[-1].end
        entry = lookup(self.state.norm[start:end])  # cheap test first: a dict look-up
        if entry is None or entry.kind == "country" or not _PLACE_PREP.search(self.state.norm, max(0, start - 20), start):
            return 0
        if not self._accept(entry, tokens, 0, len(tokens), True):
            return 0
        self.add(start, end, entry)
        return len(tokens)

    def _accept(self, entry: GazetteerEntry, tokens: list[Token], i: int, j: int, allow_cities: bool) -> bool:
        if i and tokens[i - 1].lower in _QUALIFIERS:
            return False  # "the Federal Capital Territory": a qualified name is another place than the known one
        rest = tokens[:i] + tokens[j:]
        if entry.kind == "country" and not _name_neighbour(tokens, i, j):
            return True
        if entry.kind == "city" and entry.population < MIN_UNCUED_CITY_POPULATION and not self._cued(tokens[i].start, tokens[j - 1].end):
            return False
        if all(is_plain_word(t.text) for t in rest):
            return True
        # "Nadia Bensalem": a city's alternate name beside another capitalised word is a given name
        surface = self.state.norm[tokens[i].start:tokens[j - 1].end]
        if entry.kind == "city" and fold_name(surface) != fold_name(entry.name) and not all(t.text.isupper() for t in rest):
            return False
        # "Larisa Kharkova", "Tarek Amara", "Michael Jordan": a place next to a name-like word is part of a name
        if _name_neighbour(tokens, i, j):
            return False
        if entry.kind == "region":
            return True
        if not allow_cities:
            return False
        if entry.population < MIN_UNCUED_CITY_POPULATION and not self._cued(tokens[i].start, tokens[j - 1].end):
            return False
        return entry.population >= MIN_SUBSPAN_CITY_POPULATION

    def _cued(self, start: int, end: int) -> bool:
        """ "in X", "near X", "X, Region", "in Y and X": small towns need such a cue (many share a
        name with a person)."""
        norm = self.state.norm
        return bool(
            _PLACE_PREP.search(norm, max(0, start - 20), start) or _PLACE_AFTER.match(norm, end)
            or self._listed(start, end) or _dateline(norm, start, end)
        )

    def _listed(self, start: int, end: int) -> bool:
        """ "in Y and X", "near Y, Z and X": a name joined to a list of places that a locative word
        opens, and the clause goes on with a lower-case word or ends (not "in Y and X said")."""
        norm = self.state.norm
        join = _LIST_JOIN.search(norm, max(0, start - 6), start)  # cheap tests first
        if join is None or not self.taken.hit(join.start() - 1, join.start()) or not _LIST_END.match(norm, end):
            return False
        return _LISTED.search(norm, max(0, join.start() - 80), join.start()) is not None

    def region_cues(self, chunks: list[Chunk]) -> None:
        """ "the South-X region": the name with its cue word, as written."""
        norm = self.state.norm
        for chunk in chunks:
            match = _NEXT_LOWER_WORD.match(norm[chunk.end:chunk.end + 20])
            if match is None:
                continue
            cue = match.group(1)
            if cue in _BRANCH_WORDS and self._branch_place(chunk):
                continue
            if cue in _REGIONS_AFTER and not self.org_mask.hit(chunk.start, chunk.end):
                self._region_list(chunk, cue)
                continue
            if cue in _REGION_AFTER and not self.org_mask.hit(chunk.start, chunk.end):
                nxt = re.match(r"[ ]+(\w+)", norm[chunk.end + match.end():chunk.end + match.end() + 20])
                if nxt and nxt.group(1).lower() in _V.org_keyword_kind:
                    continue
                words = [t for t in chunk.tokens if not is_plain_word(t.text)]
                if words and not _area_adjective(words):
                    entry = lookup(self.state.norm[words[0].start:chunk.end])
                    known = entry if entry and entry.kind != "country" else None
                    # "X township", "Y district", a region the gazetteer knows: the name alone; an unknown
                    # region keeps its cue word, as written ("the South-X region")
                    bare = cue in _BARE_AFTER or known is not None
                    self.add(words[0].start, chunk.end if bare else chunk.end + match.end(), known, "region")

    def _branch_place(self, chunk: Chunk) -> bool:
        """ "the union's X branch", "its X regional office": a branch is named after where it is."""
        if len(chunk.tokens) != 1 or self.org_mask.hit(chunk.start, chunk.end) or not _BRANCH_AFTER.match(
            self.state.norm, chunk.end
        ):
            return False
        entry = lookup(chunk.text)  # a known town, or a name that can stand for an unknown one
        if not (_single_name(chunk.text) or (entry is not None and entry.kind != "country")):
            return False
        self.add(chunk.start, chunk.end, entry, "region")
        return True

    def _region_list(self, chunk: Chunk, cue: str) -> None:
        """ "the Chui and Naryn regions": the last name and those listed before it."""
        norm = self.state.norm
        nxt = re.match(r"[ ]+\w+[ ]+(\w+)", norm[chunk.end:chunk.end + 40])
        if nxt and nxt.group(1).lower() in _V.org_keyword_kind:
            return  # "the Chui and Naryn regions union"
        spans = [(chunk.start, chunk.end)]
        pos = chunk.start
        while (found := _LIST_BEFORE.search(norm, max(0, pos - 50), pos)) is not None:
            spans.insert(0, (found.start(1), found.end(1)))
            pos = found.start(1)
        for start, end in spans:
            words = norm[start:end].split()
            if any(is_plain_word(w) or is_demonym(w) for w in words) or self.org_mask.hit(start, end):
                continue
            entry = lookup(norm[start:end])
            self.add(start, end, entry if entry and entry.kind != "country" else None, "region")

    def world_regions(self, chunks: list[Chunk]) -> None:
        """ "affiliates in Europe", "across Central Asia": a continent or world region after a locative word."""
        norm = self.state.norm
        for chunk in chunks:
            name = chunk.text.lower()
            if name not in _WORLD_REGIONS or self.taken.hit(chunk.start, chunk.end) or self.org_mask.hit(chunk.start, chunk.end):
                continue
            if _WORLD_LEAD.search(norm, max(0, chunk.start - 20), chunk.start):
                self.add(chunk.start, chunk.end, None, "region")

    def city_cues(self, chunks: list[Chunk]) -> None:
        """ "the city of X": X is a place even when the gazetteer does not know it."""
        pattern = _cue_before()
        norm = self.state.norm
        for chunk in chunks:
            previous = norm[max(0, chunk.start - 12):chunk.start].split()
            last = previous[-1].lower() if previous else ""
            if last not in _CUE_LAST:  # cheap test first: "of X", "in X", "at X"...
                continue
            if self.taken.hit(chunk.start, chunk.end) or self.org_mask.hit(chunk.start, chunk.end):
                continue
            cued = last in _CUE_PHRASE_LAST and pattern.search(norm, max(0, chunk.start - 30), chunk.start)
            if cued and not is_plain_word(chunk.tokens[0].text):
                self.add(chunk.start, chunk.end, lookup(chunk.text), "city")
            elif self._locality_before_region(chunk) or self._house_in_locality(chunk) or self._bare_locality(chunk):
                self.add(chunk.start, chunk.end, lookup(chunk.text), "locality")

    def places_after_places(self, chunks: list[Chunk]) -> None:
        """Names that follow a place: "in Y and X", "between Y and X" (an unknown one-word name listed
        after it), "in Y, West X, ..." (a compass-named region set off by commas)."""
        norm = self.state.norm
        for chunk in chunks:
            start = chunk.start
            if norm[start - 2:start - 1] not in _JOIN_ENDS:
                continue  # cheap test first: ", X", "and X", "or X"
            if len(chunk.tokens) == 1:
                if norm[start - 2:start] == ", " or norm[start - 5:start] == " and " or norm[start - 4:start] == " or ":
                    self._listed_locality(chunk)
            elif norm[start - 2:start] == ", " and chunk.tokens[0].lower in _COMPASS:
                self._region_after_place(chunk)

    def _listed_locality(self, chunk: Chunk) -> None:
        start, end = chunk.start, chunk.end
        if self.taken.hit(start, end) or self.org_mask.hit(start, end) or not _single_name(chunk.text):
            return
        if self._listed(start, end):
            self.add(start, end, None, "locality")

    def _region_after_place(self, chunk: Chunk) -> None:
        start, end, norm = chunk.start, chunk.end, self.state.norm
        if not self.taken.hit(start - 3, start - 2) or self.taken.hit(start, end) or self.org_mask.hit(start, end):
            return
        if not _REGION_END.match(norm, end) or any(is_plain_word(t.text) or is_demonym(t.text) for t in chunk.tokens[1:]):
            return
        entry = lookup(chunk.text)
        self.add(start, end, entry if entry and entry.kind != "country" else None, "region")

    def _bare_locality(self, chunk: Chunk) -> bool:
        """ "workers in X." : an unknown one-word name closing a clause after "in", "near" or "outside"."""
        # (a title too: "leader murdered in X, ..." keeps its lower-case words)
        if len(chunk.tokens) != 1 or not _single_name(chunk.tokens[0].text):
            return False
        norm = self.state.norm
        if not _BARE_BEFORE.search(norm, max(0, chunk.start - 30), chunk.start):
            return False
        return bool(_CLAUSE_END.match(norm, chunk.end))

    def named_localities(self, chunks: list[Chunk]) -> None:
        """ "Barangay X", "in X City", "in Y Island", "10th of Ramadan City": a locality word names the place."""
        norm = self.state.norm
        for chunk in chunks:
            tokens = chunk.tokens
            if len(tokens) < 2 or chunk.headline or self.org_mask.hit(chunk.start, chunk.end):
                continue
            if tokens[0].lower in _V.locality_prefixes:
                rest = tokens[1:]
            elif tokens[-1].lower in _V.locality_heads and (self._cued(chunk.start, chunk.end) or _the_region(norm, chunk)):
                rest = tokens[:-1]
            else:
                continue
            start = chunk.start
            ordinal = _ORDINAL_OF.search(norm, max(0, start - 16), start) if rest[0] is tokens[0] else None
            if ordinal:  # "6th of October City": the ordinal makes even a month a name
                start = ordinal.start()
            elif all(is_plain_word(t.text) for t in rest) or any(is_demonym(t.text) for t in rest):
                continue
            entry = lookup(norm[start:chunk.end]) or lookup(chunk.text)
            if entry is None and tokens[0].lower not in _FEATURE_PREFIXES:
                entry = lookup(norm[rest[0].start:rest[-1].end])
            self.add(start, chunk.end, entry, "locality")

    def _house_in_locality(self, chunk: Chunk) -> bool:
        """ "his house in X", "the factory in X, on the outskirts": an unknown one-word name after a premises noun."""
        if len(chunk.tokens) != 1 or chunk.headline:
            return False
        word = chunk.tokens[0].text
        if is_plain_word(word) or is_demonym(word) or word.isupper() or lookup(word):
            return False
        norm = self.state.norm
        before_in = chunk.start - 4  # the character before " in "
        after_org = norm[before_in:chunk.start] == " in " and self.org_mask.hit(before_in - 1, before_in)
        window = max(0, chunk.start - 40)
        if not (after_org or _PREMISES_IN.search(norm, window, chunk.start) or _PREMISES_AT.search(norm, window, chunk.start)):
            return False
        return bool(_CLAUSE_END.match(self.state.norm, chunk.end))

    def _locality_before_region(self, chunk: Chunk) -> bool:
        """ "in Puerto X, Santander": an unknown name before a known region is a locality."""
        norm = self.state.norm
        if not _PLACE_PREP.search(norm, max(0, chunk.start - 12), chunk.start) or len(chunk.tokens) > 3:
            return False
        if any(is_plain_word(t.text) for t in chunk.tokens) or lookup(chunk.text):
            return False
        after = re.match(r",[ ]+(?:in[ ]+)?([A-Z][\w-]+(?:[ ]+[A-Z][\w-]+)?)", norm[chunk.end:chunk.end + 40])
        entry = lookup(after.group(1)) if after else None
        return entry is not None and entry.kind in ("region", "country")

    def records(self) -> list[PlaceRecord]:
        out = []
        for key, record in self.by_key.items():
            counts = self.surfaces[key]
            record.name = sorted(counts, key=lambda s: (-counts[s], -len(s)))[0]  # ties: the fuller form
            out.append(record)
        out.sort(key=lambda r: r.mentions[0][0])
        return out


_REGION_HEADS = frozenset({"region", "province", "state", "governorate", "oblast", "prefecture", "township"})


def _the_region(norm: str, chunk: Chunk) -> bool:
    """ "leaving the X Region": a capitalised region word after "the" names the place by itself."""
    return chunk.tokens[-1].lower in _REGION_HEADS and norm[max(0, chunk.start - 4):chunk.start].lower() == "the "


def _area_adjective(words: list[Token]) -> bool:
    """ "the Andean region", "the EPZ sector": an adjective or an acronym, not the name of a place."""
    if len(words) != 1:
        return False
    word = words[0].text
    return word.isupper() or (word.lower().endswith(("ean", "ian")) and lookup(word) is None)


def _single_name(word: str) -> bool:
    """A capitalised word that can name an unknown locality by itself."""
    low = word.lower()
    return not (
        is_plain_word(word) or is_demonym(word) or word.isupper() or lookup(word) is not None
        or low in _V.org_keyword_kind or low in _V.languages or low in _V.known_orgs or len(word) < 4
    )


def _name_neighbour(tokens: list[Token], i: int, j: int) -> bool:
    neighbours = tokens[i - 1:i] + tokens[j:j + 1]
    if any(t.text.isupper() for t in tokens[i:j]):
        return False  # "RUSSIA Kirill X": a shouted country tag
    return any(not is_plain_word(t.text) and not t.text.isupper() and _name_like(t.text) for t in neighbours)


def _name_like(word: str) -> bool:
    """A word the gazetteer does not know, or knows only as a small town or by a city's alternate
    name: beside a place it makes a person's name ("Kong Dara", "Jericho Palma", "Luz Marina X")."""
    entry = lookup(word)
    if entry is None:
        return True
    return entry.kind == "city" and (
        entry.population < MIN_UNCUED_CITY_POPULATION or fold_name(word) != fold_name(entry.name)
    )


def _tag_only(state: PipelineState, place: PlaceRecord) -> bool:
    """ "RUSSIA Kirill X appeal hearing": a shouted country tag in a title, named nowhere else."""
    for start, end in place.mentions:
        if not state.text[start:end].isupper():  # cheap test first: most places are not shouted
            return False
        sentence = next((s for s in state.sentences if s.start <= start < s.end), None)
        if not (sentence is not None and sentence.headline and start == sentence.start):
            return False
    return True


def _prefixed(norm: str, chunk: Chunk) -> bool:
    """ "pro-X newspapers", "anti-X protests": an adjective made of a place's name, not the place."""
    return norm[chunk.start - 1:chunk.start] == "-" and norm[chunk.start - 2:chunk.start - 1].islower()


def _building(norm: str, chunk: Chunk) -> bool:
    """ "Stanley Prison", "X Street": a building or an address, not a place (but "X Bay", a town
    the gazetteer knows by that whole name, is one)."""
    if chunk.tokens[-1].lower in _V.non_entity_heads:
        return len(chunk.tokens) < 2 or lookup(chunk.text) is None
    return _BUILDING_AFTER.match(norm, chunk.end) is not None


_BUILDING_AFTER = re.compile(
    r"[ ]+(?:prison|jail|street|square|avenue|road|colony"
    r"|(?:custodial|correctional|detention|remand|rehabilitation)[ ]+(?:centre|center|facility|home|camp))\b"
)


def _only_inside(place: PlaceRecord, orgs: SpanMask) -> bool:
    """ "the Revolutionary Court of X" and nothing else: a place named only inside an organisation's name."""
    return all(orgs.hit(start, end) for start, end in place.mentions)


# "a London-based network", "the Lagos-born organiser": the place before the hyphen
_PLACE_COMPOUND = re.compile(r"([A-Z][^\W\d_]+)-(?:based|born|registered|headquartered|bound)$")


def _compound_heads(tokens: list[Token], norm: str) -> list[Token]:
    """Tokens with "X-based" cut to "X", a dateline's "X-Y," cut in two; the list itself when there
    is none (the usual case)."""
    if not any("-" in t.text for t in tokens):
        return tokens
    out = []
    for t in tokens:
        m = _PLACE_COMPOUND.match(t.text)
        if m:
            out.append(Token(t.start, t.start + m.end(1), m.group(1)))
        else:
            out.extend(_place_pair(t, norm))
    return out


def _place_pair(token: Token, norm: str) -> list[Token]:
    """ "Paris-Geneva, 5 May": a statement issued from two places. Only before a comma or the end of
    a line: "the X-Y highway" names a road, and a double-barrelled surname seldom joins two known
    places (a small town is no proof)."""
    parts = token.text.split("-")
    if len(parts) != 2 or norm[token.end:token.end + 1] not in (",", "\n", "") or lookup(token.text) is not None:
        return [token]
    if not all(_known_place(p) for p in parts):
        return [token]
    cut = token.start + len(parts[0])
    return [Token(token.start, cut, parts[0]), Token(cut + 1, token.end, parts[1])]


def _known_place(word: str) -> bool:
    entry = lookup(word) if len(word) >= 4 and word[:1].isupper() else None
    return entry is not None and (entry.kind != "city" or entry.population >= MIN_UNCUED_CITY_POPULATION)


class FindPlaces:
    """Distinct place names; not demonyms, not places that only name part of an organisation."""

    def __call__(self, state: PipelineState) -> None:
        builder = PlaceBuilder(state)
        builder.region_cues(state.chunks)
        builder.named_localities(state.chunks)
        builder.city_cues(state.chunks)
        builder.world_regions(state.chunks)
        court_places = [c for c in state.claims if c.kind == "court_place"]
        orgs = builder.org_mask
        for chunk in state.chunks:
            if builder.taken.hit(chunk.start, chunk.end) or _building(state.norm, chunk):
                continue
            if state.norm[chunk.start - 1] == "-" and _prefixed(state.norm, chunk):
                continue
            if orgs.hit(chunk.start, chunk.end):
                inside = [t for t in chunk.tokens if overlaps(court_places, t.start, t.end)]
                if inside:
                    builder.from_chunk(inside)
                continue
            builder.from_chunk(_compound_heads(chunk.tokens, state.norm))
        builder.places_after_places(state.chunks)  # after the gazetteer: lists often open with a known place
        places = [p for p in builder.records() if not _tag_only(state, p)]
        state.places = [p for p in places if not _only_inside(p, orgs)]
        gone = {span for p in places if p not in state.places for span in p.mentions}
        state.claims.extend(c for c in builder.claims if (c.start, c.end) not in gone)
