"""Events: one per incident and type, from violation cues in each sentence.

Calls, demands, releases and hypotheses are left out (a negation word just
before the cue), so are aggregate statements ("the 72nd victim"). Parts of a
court sentence are terms of the decision, not events of their own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from unionwatch.core.names import any_names_match
from unionwatch.core.stages.base import DateMention, DecisionRecord, EventRecord, Sentence
from unionwatch.core.stages.events_frames import NAME_CHAR, frame_cues, people_words, thing_words
from unionwatch.core.stages.fastre import Gated, Scanner, compile_scan, trie_regex
from unionwatch.core.stages.sentence_index import (
    dates_in,
    mentions_in,
)
from unionwatch.core.stages.vocab import load_yaml

if TYPE_CHECKING:
    from unionwatch.core.pipeline import PipelineState

TERM_TYPES = frozenset({"travel_restriction", "forced_labour", "ban_from_office", "fine"})
# Acts that happen again and again to the same person: a new date is a new incident.
DISCRETE_TYPES = frozenset({"arrest", "detention", "raid", "interrogation", "assault", "threat", "dismissal"})
DECISION_TYPES = frozenset({"sentencing", "travel_restriction", "fine"})
_VICTIM_ORG_KINDS = frozenset({"union", "federation"})
_TARGET_ORG_KINDS = frozenset({"union", "federation", "company", "ngo", "other"})
_PERPETRATOR_ORG_KINDS = frozenset({"police", "court", "government", "company"})
_GENERIC_PERPETRATORS = Gated(compile_scan(
    r"\b(?:(?:state )?security (?:forces|services|officials|officers|operatives|agents)|police(?: officers)?|"
    r"authorities|gunmen|armed men|soldiers|army|military|prosecutors?|government|employer|management|"
    r"enforcement agencies|court|courts|judge|unknown (?:men|assailants|persons))\b",
))
# Detention cues that report a holding of its own, beside the arrest ("arrested ... and held for five days").
_HELD = re.compile(
    r"sent to|(?:refused|denied|rejected) |bail |remand|spen[dt] |and (?:then |later )?(?:held|kept) |"
    r"(?:is|are|was|were|been) (?:\w+ )?(?:held|kept)\b|(?:held|kept|detained) \w+ (?:overnight|incommunicado|without|for)\b|detained overnight\b"
    r"|(?:was|were|been|being) (?:\w+ )?(?:taken|driven|brought|transferred|moved) to (?:a |an |the )?(?:[\w-]+ ){0,2}(?:interrogation|detention|holding)\b"
)
# A measure before the trial ("before being placed under house arrest") is no term of the sentence.
_PRE_TRIAL = compile_scan(
    r"\bpre-?trial\b|\bpending (?:trial|investigation|appeal)\b|\bbefore (?:being|the trial|(?:his|her|their) trial)\b"
    r"|\bjudicial control\b|\bwhile (?:the|her|his|their) (?:case|appeal) is\b",
    re.I,
)

# Acts on relatives that are the family's ordeal, not a second event of their own type.
_FAMILY_ACTS = ("interrogation", "threat", "dismissal", "surveillance", "harassment")
_STATE_OF_BEING_HELD = re.compile(r"behind bars|(?:\w+ )*in (?:jail|prison)")
_NOT_A_VIOLATION = re.compile(
    r"\b(?:acquitt\w*|cleared|overturned|quashed|annulled|set aside|not guilty|walked free)\b", re.IGNORECASE
)
_PRONOUN = compile_scan(r"\b(?:he|she|him|her|his)\b")
_PLACE_RANK = {"locality": 0, "city": 0, "region": 1, "country": 2}


@lru_cache(maxsize=1)
def _rules() -> tuple[dict[str, list[str]], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    raw = load_yaml("events.yaml")
    # Cues run on the lower-cased text, so they are compiled case-sensitive; every
    # alternative starts with \b, which the Scanner checks in Python (much faster).
    cues = {kind: [str(p) for p in patterns] for kind, patterns in raw["cues"].items()}  # scanners: _units
    neg = re.compile(r"(?:^|\W)(?:" + trie_regex({str(w) for w in raw["negation_before"]}) + r")(?:\W|$)")
    neg_after = re.compile("|".join(re.escape(w) for w in raw["negation_after"]), re.IGNORECASE)
    aggregate = re.compile("|".join(raw["aggregate_cues"]))
    # "not arrested", "have not put me behind bars", "no trade unionist is prosecuted"
    immediate = re.compile(
        r"\b(?:(?:" + "|".join(re.escape(w) for w in raw["negation_immediate"]) + r")\s+(?:\w+\s+){0,2}"
        r"|no (?:[\w'-]+ ){1,6}?(?:is|are|was|were|has been|have been|had been|will be|can be) (?:\w+ )?)$"
    )
    return cues, neg, neg_after, aggregate, immediate


def _scanner(patterns: list[str], stems: frozenset[str] = frozenset()) -> Scanner:
    """One scanner of alternative cue patterns; given the trigger stems its windows are found by,
    it first looks for the literals every match needs, where those tell more than the stems."""
    pattern = "\\b(?:" + "|".join(f"(?:{p[2:] if p.startswith(chr(92) + 'b') else p})" for p in patterns) + ")"
    return Scanner(pattern, stems=stems or None)


def masked_text(state: PipelineState) -> str:
    """The lower-cased text with each person name written as one run of NAME_CHAR (same length),
    so that frames see "seized ṗṗṗṗṗṗ" as a verb with a person object."""
    cached = state.__dict__.get("_event_masked")
    if cached is not None:
        return cached
    parts: list[str] = []
    last = 0
    for m in state.mentions:
        if m.kind == "person" and m.start >= last:
            parts.append(state.lower[last:m.start])
            parts.append(NAME_CHAR * (m.end - m.start))
            last = m.end
    parts.append(state.lower[last:])
    masked = "".join(parts)
    state.__dict__["_event_masked"] = masked
    return masked


NEGATION_WINDOW = 45
PRONOUN_REACH = 90  # characters before a cue (half as many after) where a pronoun names its victim
# "Brother Ghribi was arrested", "sister Amel Jaziri": a union's form of address before a name, with
# no possessive before it ("his brother Ali" is kin)
_COMRADE = re.compile(r"(?<!his )(?<!her )(?<!their )(?<!'s )\b[Bb]rother (?=[A-Z])|(?<!his )(?<!her )(?<!their )(?<!'s )\b[Ss]ister (?=[A-Z])")
_AND_VERB = re.compile(r" and (?:(?:was|were|then|later|also) )?$")
_RELEASE_WORD = re.compile(r"\b(?:releas\w*|freed|free)\b")


def first_cue(
    matches: Iterable[re.Match[str]], lower: str, floor: int, blocked: list[tuple[int, int]], kind: str = ""
) -> re.Match[str] | None:
    """The first cue match that no negation word just before (or after) cancels.

    Positions are absolute; `floor` is the sentence start (negations do not
    reach across sentences). `blocked` are name spans: "Criminal Investigation
    Group" is an organisation, not a criminal investigation.
    """
    _, neg, neg_after, _, immediate = _rules()
    for match in matches:
        start = match.start()
        if blocked and any(s <= start < e for s, e in blocked):
            continue
        window = lower[max(floor, start - NEGATION_WINDOW):start]
        # a negation reaches to the end of its clause: "ordered their release, banning them from ..."
        cut = max(window.rfind(","), window.rfind(";"), window.rfind(":"), window.rfind(" - "))
        if cut >= 0:
            window = window[cut + 1:]
        # "freed under judicial control and barred from travelling": a release does not reach past "and <verb>ed"
        # nor past "but" ("released them on bail but charged them"); an acquittal does ("acquitted but convicted")
        conj = _AND_VERB.search(window)
        if conj:
            window = window[conj.start() + 1:]
        elif window.endswith(" but ") and _RELEASE_WORD.search(window):
            window = window[-4:]
        if (neg.search(window) and not _not_negating(lower, floor, window, match)) or neg_after.match(lower, match.end()):
            continue
        # "Those who were not deported immediately were held": a finite verb opens a clause of its own
        if _AUXILIARY.match(match.group()):
            if _NO_SUBJECT.search(window[-64:]):
                continue  # "no member of the security forces has been tried"
        elif immediate.search(window[-64:]) and not match.group().startswith(("and ", "then ")):
            continue  # "questioned without a lawyer and slapped": a conjunct of its own is not negated
        head = match.start() + match.group().rfind(" ") + 1  # "threatened her with arrest": the noun frame holds "her with"
        if kind != "threat" and _THREATENED_WITH.search(lower, max(floor, match.start() - 60), head):
            continue  # "threatened her with arrest": the sanction held out, not carried out
        if kind in _REFERRING_TYPES and _is_attributive(lower, match, floor):
            continue  # "all five arrested strikers were freed on bail": the act told before, named again
        if kind in _OFFENCE_TYPES and _ACCUSED_OF.search(lower, max(floor, match.start() - ACCUSATION_REACH), match.start()):
            continue  # "a case against them for vandalism": the authorities' accusation, not an act done to them
        if kind == "arrest" and _thing_before().search(lower, max(floor, match.start() - 40), match.start()):
            continue  # "computers and the union's archives were taken away": things, not people
        if kind in _HOLDING_TYPES and _IN_HOSPITAL.search(lower, match.start(), min(len(lower), match.end() + 20)):
            continue  # "kept in hospital for four days": treated for injuries, not held
        if kind == "raid" and _UNKNOWN_INTRUDERS.search(lower, max(floor, match.start() - 80), match.start()):
            continue  # "unknown persons broke into the office": a break-in by intruders is damage, not a search
        if kind == "raid" and _PEOPLE_SEIZED.search(lower, max(floor, match.start() - 40), match.start()):
            continue  # "the four were seized": people taken are arrested, the arrest cue has it
        if kind in _HOLDING_TYPES and _gathering_held(lower, max(floor, match.start() - 60), match.start()):
            continue  # "the rally was held in front of parliament": a gathering takes place
        if kind == "surveillance" and _FOLLOWED_BY_EVENT.match(lower, match.end()):
            continue  # "was followed by a press conference": what came next
        if kind == "surveillance" and _EVENT_FOLLOWED.search(lower, max(floor, match.start() - 40), match.start()):
            continue  # "a wave of detentions that followed sit-ins by teachers": one event after another
        if kind in _CUSTODY_TYPES and _RELEASE_OF.search(lower, floor, match.start()):
            continue  # "calls for the release of X and Y, imprisoned after ...": the call, not a report
        if kind in _CUSTODY_TYPES and _SUSPECTS_AFTER.match(lower, match.end()):
            continue  # "police arrested two suspects in the killing": the culprits, not the victims
        if _DEMANDED.search(lower, floor, match.start()) or (
            _is_verb(match) and _in_demand(lower, floor, match.start()) and not _purpose_of_subject(lower, floor, match)
        ):
            continue  # "we urge ... that the sentence is quashed, that the harassment ends": a wish, not a report
        if _DENIED_ANY.search(lower, max(floor, match.start() - DENIAL_REACH), match.start()):
            continue  # "denied that any of the leaders had been assaulted": the authorities' denial
        if kind == "killing" and _ACCIDENT_BEFORE.search(lower, max(floor, match.start() - 80), match.start()):
            continue  # "an explosion at a mine killed 301 workers": a disaster, not a killing of unionists
        if kind == "imprisonment" and lower.count('"', floor, match.start()) % 2:
            continue  # '"Our colleague is in jail for ..."': a speaker's words about a known custody
        if kind == "charges" and _WITHDRAWN_AFTER.match(lower, match.end()):
            continue  # "the criminal case against the three was withdrawn on 3 March": the end of charges told before
        if kind == "charges" and _WEAPONS_AFTER.match(lower, match.end()):
            continue  # "charged the crowd with batons": a police charge, an assault
        if _MONTH_MARCH.search(match.group()) or (match.group().endswith("march") and _DAY_AFTER.match(lower, match.end())):
            continue  # "removed from the payroll in March": the month, not a march
        if _since_the_act(lower, floor, match):
            continue  # "since the murder he has seen the same truck": the act told before, a point in time
        if _came_after(lower, floor, match):
            continue  # "The killing came two weeks after ...": the act told before, named to date the next one
        if _hypothetical_or_principle(lower, floor, match):
            continue
        if kind == "imprisonment" and _TO_REPORT.search(lower, max(floor, match.start() - 70), match.start()):
            continue  # "summoned to report to Evin prison on 15 November to begin serving": custody still to come
        if kind == "intimidation_of_family" and _SOURCE_BEFORE.search(lower, max(floor, match.start() - 40), match.start()):
            continue  # "according to relatives, 23 people were detained": the family tells, it is not the target
        if kind == "interrogation" and _WITNESS_BEFORE.search(lower, max(floor, match.start() - 40), match.start()):
            continue  # "two witnesses were questioned in closed session": evidence heard at a trial
        if kind == "deregistration" and _defunct_body(lower, floor, match):
            continue  # "two former leaders of a disbanded union": the body named by its fate, told elsewhere
        return match
    return None


# "called on the Government ... to ensure that those who ordered the murder are identified and prosecuted"
_DEMAND_VERB = Gated(compile_scan(
    r"\b(?:calls? (?:on|upon)|called (?:on|upon)|calling (?:on|upon)|urges?|urged|urging|demands?|demanded|demanding|"
    r"asks?|asked|asking|requests?|requested|requesting)\b"
))
_REPORTED_CLAUSE = re.compile(r"\b(?:was|were|had|has been|have been|after|since|when|following|because)\b")
_IRREALIS_BEFORE = re.compile(r"\b(?:be|is|are|to|being)\b (?:[\w'-]+ ){0,3}$")
DEMAND_REACH = 200


def _is_verb(match: re.Match[str]) -> bool:
    """A participle or a finite verb ("prosecuted", "were held"); a noun ("the ban") names a thing that exists."""
    word = match.group().split(" ", 1)[0]
    return word.endswith(("ed", "en")) or bool(_AUXILIARY.match(word))


def _in_demand(lower: str, floor: int, start: int) -> bool:
    """A cue in the present or infinitive inside what a demand asks for, not in a clause that reports."""
    lo = max(floor, start - DEMAND_REACH)
    verbs = list(_DEMAND_VERB.finditer(lower, lo, start))
    if not verbs or not _IRREALIS_BEFORE.search(lower, max(lo, start - 40), start):
        return False
    return not _REPORTED_CLAUSE.search(lower, verbs[-1].end(), start)


DENIAL_REACH = 120
_DENIED_ANY = Gated(compile_scan(r"\bden(?:y|ies|ied|ying) that (?:[\w'-]+ ){0,3}?(?:any|anyone|anybody|no)\b[^.;:]*$"))
_ACCIDENT_BEFORE = Gated(re.compile(
    r"\b(?:explosions?|blasts?|fires?|collapses?|accidents?|crash(?:es)?|floods?|landslides?|disasters?|earthquakes?|"
    r"storms?|diseases?|covid(?:-19)?|virus|stampedes?|cave-ins?|gas leaks?)\b[^.;,]{0,60}$"
))
_WITHDRAWN_AFTER = re.compile(
    r"[^.;,]{0,60}?\b(?:was|were|had been|has been|have been) (?:\w+ )?(?:withdrawn|dropped|dismissed|closed|discontinued|quashed|annulled)\b"
)
_WEAPONS_AFTER = re.compile(r"\s+(?:batons|sticks|clubs|truncheons|rattan|canes|horses|whips|lathis)\b")
# "released after giving a statement", "freed on condition that he surrender his passport": the release tells of the act
_RELEASE_REPORTS = re.compile(
    r"\b(?:released|freed|free)\b[^,;]*?\b(?:after|following|on (?:strict )?conditions?|on condition|under (?:strict )?conditions?"
    r"|under (?:an? |the )?(?:[\w-]+ )?(?:undertaking|pledge|recogni[sz]ance)|with (?:the |an? )?(?:obligation|duty|requirement)|subject to)\b"
)
NOT_NEGATING_REACH = 120
_ATTEMPTED = re.compile(r"\b(?:attempted|tried|sought) to $")
# "granted a prosecution request to keep them in pre-trial detention": the request was granted
_GRANTED = re.compile(r"\bgrant(?:ed|s|ing)? (?:a |an |the )?(?:[\w'-]+ ){0,2}(?:request|motion|application|demand)\b")
# "workers who had stopped work to demand the minimum wage were baton-charged": the demand is the
# purpose of the subject's own act, and the finite verb of the cue opens the main clause
_PURPOSE_CLAUSE = re.compile(r"\bwho (?:had |have |has |were |was )?\w+ (?:[\w'-]+ ){0,3}?to (?:demand|call for|press for|ask for|protest)\b")


def _not_negating(lower: str, floor: int, window: str, match: re.Match[str]) -> bool:
    """Whether the negation word found in `window` does not govern the cue after it."""
    if _RELEASE_REPORTS.search(window + match.group()):
        return True
    if "confess" in match.group() and _ATTEMPTED.search(window):
        return True  # "attempted to make him sign a false confession": the pressure is the ill-treatment
    before = lower[max(floor, match.start() - NOT_NEGATING_REACH):match.start()]
    if _GRANTED.search(before):
        return True
    return _purpose_of_subject(lower, floor, match)


def _purpose_of_subject(lower: str, floor: int, match: re.Match[str]) -> bool:
    """ "Workers who walked out to demand pay were beaten": the demand is the subject's purpose, the cue the main verb."""
    before = lower[max(floor, match.start() - NOT_NEGATING_REACH):match.start()]
    return bool(_AUXILIARY.match(match.group()) and _PURPOSE_CLAUSE.search(before))


# Intruders nobody names: a break-in is no search by the authorities (the taxonomy's raid).
_UNKNOWN_INTRUDERS = Gated(re.compile(
    r"\b(?:unknown|unidentified|masked|hooded) (?:persons|people|men|individuals|assailants|attackers|intruders)\b"
    r"|\b(?:intruders|burglars|thieves|vandals)\b"
))
_AUXILIARY = re.compile(r"(?:is|are|was|were|has|have|had|been|being)\b")
_NO_SUBJECT = compile_scan(
    r"\b(?:no (?:[\w'-]+ ){1,6}|nobody |no one |none (?:of [\w'-]+ )?)$"
    # "has not been charged", "hasn't been tried": the auxiliary itself is negated
    r"|\b(?:not|never|n't|nor) (?:yet |even |formally |officially )?$|n't $"
)
_THREATENED_WITH = Gated(re.compile(r"\b(?:threat\w*|warn\w*|risk\w*)\b (?:[\w'-]+ ){0,3}?(?:with|of) (?:[\w-]+ ){0,2}$"))
_REFERRING_TYPES = frozenset({"arrest", "detention", "imprisonment", "dismissal", "sentencing"})
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|these|those|all|both|his|her|their|its|our|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|several|many|other|dozens of|hundreds of|a handful of|a few|a number of|some) $"
)


def _is_attributive(text: str, match: re.Match[str], floor: int) -> bool:
    """A bare participle between a determiner and a people noun ("the jailed leaders") names
    persons by what was done to them earlier; it reports no act of its own."""
    # an object frame holds its object: "the ten dismissed workers" is read from the participle
    word = match.group().split(" ", 1)[0]
    if not word.endswith(("ed", "ted")):
        return False
    if not _DETERMINER_BEFORE.search(text, max(floor, match.start() - 14), match.start()):
        return False
    return bool(_people_after().match(text, match.start() + len(word)))


@lru_cache(maxsize=1)
def _people_after() -> re.Pattern[str]:
    return re.compile(r" (?:[\w-]+ )?(?:" + trie_regex(set(people_words())) + r"|" + NAME_CHAR + r"+)\b")


@lru_cache(maxsize=1)
def _thing_before() -> re.Pattern[str]:
    """A seizable thing just before a cue: the subject of a passive like "were taken away"."""
    return re.compile(r"\b(?:" + trie_regex(set(thing_words())) + r")(?:'s)? $")


# The offence named by an accusation ("charged with arson", "a case ... for vandalism").
_OFFENCE_TYPES = frozenset({"property_damage", "killing", "assault", "threat", "harassment"})
ACCUSATION_REACH = 120
_ACCUSED_OF = Gated(re.compile(
    r"\b(?:accus\w*|charg\w*|convict\w*|case|cases|suspicion|suspected|guilty|indict\w*|prosecut\w*|complaint)\b"
    r"[^;.]*?\b(?:of|with|for|over)[ ](?:(?!and\b)[\w-]+[ ]){0,3}$"
))
_PEOPLE_SEIZED = compile_scan(
    rf"(?:\b(?:he|she|they|we)|{NAME_CHAR}+|\bthe (?:two|three|four|five|six|seven|eight|nine|ten|\d+|others?|men|women)) "
    r"(?:was|were|had been|have been|has been) (?:\w+ )?$"
)
_IN_HOSPITAL = Gated(re.compile(r"\b(?:held|kept) (?:in |at )?(?:the |a )?(?:hospital|intensive care|clinic)\b"))
_HOLDING_TYPES = frozenset({"detention", "arrest", "imprisonment", "disappearance"})
# Events and gatherings are "held" too: the subject right before the cue is a meeting, not a person.
_GATHERING_HELD = Gated(re.compile(
    r"\b(?:meetings?|conferences?|congress(?:es)?|elections?|strikes?|rall(?:y|ies)|protests?|votes?|ballots?|hearings?|"
    r"trials?|talks|sessions?|ceremon(?:y|ies)|events?|assembl(?:y|ies)|march(?:es)?|demonstrations?|vigils?|funerals?|"
    r"negotiations|consultations|seminars?|workshops?|forums?|celebrations?|referendums?|polls?|gatherings?|pickets?|sit-ins?)"
    r"(?:,? (?:which|that))?(?: (?:will|would|had|has|have|is|was|were|are|to))? (?:be |been |being )?$"
))
# "arrested at the march and held at a police station": the march is no subject
_PREPOSITION = re.compile(r"\b(?:at|during|after|before|from|in|to|of|outside|near|and) (?:the |a |an |their |its |his |her )?(?:[\w-]+ )?$")


def _gathering_held(text: str, lo: int, hi: int) -> bool:
    """Whether the subject of a "held" cue ending at `hi` is a meeting or a gathering."""
    match = _GATHERING_HELD.search(text, lo, hi)
    return match is not None and not _PREPOSITION.search(text, lo, match.start())


_EVENT_FOLLOWED = Gated(re.compile(
    r"\b(?:detentions?|arrests?|strikes?|protests?|sit-ins?|raids?|events?|days?|weeks?|months?|years?|meetings?|waves?|"
    r"period|crackdown|rall(?:y|ies)|march(?:es)?|dismissals?|clashes|violence|unrest)(?:,? (?:that|which))? $"
))
_FOLLOWED_BY_EVENT = re.compile(
    r" by (?:a|an|the) (?:[\w-]+ )?(?:press|meeting|conference|statement|debate|discussion|strike|march|rally|vote|series|"
    r"period|wave|decision|announcement|protest|demonstration|sit-in|round|number)"
)
# An apposition to the persons whose release is called for ends right before the cue.
# ("..., two activists imprisoned after"); a relative clause ("who was arrested on 3 May") reports.
# "Should the organisers be convicted, they would face ...", "Had the police not ...": an inverted condition
_CONDITIONAL_OPENING = re.compile(r"\W*(?:should|were|had) (?!been\b)(?:[\w'-]+ ){1,8}?(?:be|been|to be|to|not)\b")
# "The Committee recalls that the dismissal of union leaders ... constitutes": a principle, not a report
_PRINCIPLE_OPENING = re.compile(
    r"\W*(?:the committee|it) (?:once again |again |also |further |nevertheless |however |must |would |wishes to )?"
    r"(?:recalls?|emphasi[sz]es|stresses|underlines|reiterates|considers|wishes to (?:recall|emphasi[sz]e|point out)|draws (?:the government's )?attention to the (?:principle|fact)) that\b"
)
_MONTH_MARCH = Gated(compile_scan(r"\b(?:in|since|until|till|by|of|early|late|mid|last|next|from|on|\d{1,2}(?:st|nd|rd|th)?)[ -]march$"))
_DAY_AFTER = re.compile(r",? \d{1,4}\b")
# "two were killed and dozens injured": the wounded are an assault beside the killing
_ALSO_INJURED = re.compile(
    r"\b(?:killed|dead|died)\b,? and (?:at least |more than |over |some |nearly )?(?:\d+|dozens|scores|hundreds|many|"
    r"several|two|three|four|five|six|seven|eight|nine|ten|others|more)(?: (?:more|others|other|people|workers|protesters|"
    r"strikers))? (?:were |others )?(?:injured|wounded|hurt)\b"
)
# "The killing came two weeks after ...", "The raid on the office took place days after ...": the subject
# names an act told before, to date what comes next
_CAME_AFTER = re.compile(
    r"\W*(?:the|this|these|that|those) (?:[\w'-]+ ){1,6}?(?:came|comes|come|followed|follows|follow|happened|occurred|took place) "
    r"(?:[\w'-]+ ){0,3}?(?:after|amid|as|days|weeks|months|hours|shortly|just|only|barely)\b"
)


_OF_AFTER = re.compile(r"\s+of\b")


_DATED_AFTER = re.compile(
    r" (?:on|in) (?:\d{1,4}\b|(?:early |late |mid-?)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"
)
_SINCE = re.compile(r"(?:^|\W)since (?:the )?$")
_POSSESSIVE_CUE = re.compile(r"(?:the|his|her|their) ")


def _since_the_act(lower: str, floor: int, match: re.Match[str]) -> bool:
    """ "since the murder", "since their arrest": a bare noun after "since the" (or a possessive) refers
    to an act told before, to date what follows; "since the arrest of X" may be the only report and is kept."""
    start = match.start()
    window = lower[max(floor, start - 11):start]
    if "since " not in window:  # a literal test first: most cues have none
        return False
    return (
        bool(_SINCE.search(window))
        and (window.endswith("since the ") or bool(_POSSESSIVE_CUE.match(match.group())))
        and not _is_verb(match)
        and not match.group().endswith(" of")
        and not _OF_AFTER.match(lower, match.end())
        and not _DATED_AFTER.match(lower, match.end())  # "since their arrest in October 2023": the act's own date told
    )


def _came_after(lower: str, floor: int, match: re.Match[str]) -> bool:
    """The cue is the subject of a sentence that dates it against something else."""
    opening = _CAME_AFTER.match(lower, floor)
    return bool(opening) and not _is_verb(match) and match.end() <= opening.end() - len(opening.group().rsplit(" ", 1)[-1])


_WITNESS_BEFORE = Gated(re.compile(r"\bwitness(?:es)?\b[^.;,]{0,30}$"))
_DETERMINER_END = re.compile(r"\b(?:a|an|the|its|their|now)[ -]$")
_BODY_AFTER = re.compile(r"(?:[ -][\w'’-]+){0,4}?[ ](?:unions?|federations?|confederations?|associations?|groups?|organi[sz]ations?)\b")


def _defunct_body(lower: str, floor: int, match: re.Match[str]) -> bool:
    """ "a disbanded union", "the now-dissolved federation": a participle before the body's noun."""
    return (
        match.group().endswith("ed")
        and bool(_DETERMINER_END.search(lower, max(floor, match.start() - 5), match.start()))
        and bool(_BODY_AFTER.match(lower, match.end()))
    )


_TO_REPORT = Gated(re.compile(r"\b(?:summoned|ordered|told|due|required|called) to (?:report|present (?:himself|herself|themselves)|surrender)\b"))
_SOURCE_BEFORE = Gated(re.compile(r"\baccording to (?:[\w'-]+ ){0,4}$"))


def _hypothetical_or_principle(lower: str, floor: int, match: re.Match[str]) -> bool:
    """A cue in a sentence that states a condition or a general principle reports no act."""
    if _CONDITIONAL_OPENING.match(lower, floor):
        return True
    return not _is_verb(match) and bool(_PRINCIPLE_OPENING.match(lower, floor))


_RELEASE_OF = Gated(re.compile(r"\brelease of\b[^.;]*,[ ](?!who\b|whose\b)(?:[\w'-]+[ ]){0,4}$"))
_CUSTODY_TYPES = frozenset({"arrest", "detention", "charges", "sentencing", "imprisonment"})
_SUSPECTS_AFTER = re.compile(
    r"\W+(?:[\w-]+ ){0,2}(?:suspects?|(?:alleged |suspected )?(?:killers?|murderers?|attackers?|assailants?|perpetrators?))\b"
)
# A "that" clause governed by a demand, up to the cue: "We urge you to ensure ..., that the harassment".
_DEMANDED = Gated(re.compile(
    r"\b(?:urge|urges|call on|calls on|call upon|ask|asks|request|requests|demand|demands|ensure)\b[^.;]*?"
    r"(?:,|\band)[ ]that[ ](?:[\w'-]+[ ]){0,4}$"
))


@dataclass(frozen=True)
class _Unit:
    """A scanner of one type: all hand-written cues of the type, or one verb frame."""

    kind: str
    scanner: Scanner


@lru_cache(maxsize=1)
def _units() -> tuple[re.Pattern[str], list[_Unit], dict[str, frozenset[int]]]:
    """The scanners, one literal alternation of all their trigger stems, and the scanners each
    stem (or a stem inside it: the trie finds the longest) serves."""
    cues = _rules()[0]
    units: list[_Unit] = []
    by_stem: dict[str, set[int]] = {}
    for kind, stems in load_yaml("events.yaml")["triggers"].items():
        units.append(_Unit(kind, _scanner(cues[kind], frozenset(str(stem) for stem in stems))))
        for stem in stems:
            by_stem.setdefault(str(stem), set()).add(len(units) - 1)
    for kind, pattern, stems in frame_cues():
        units.append(_Unit(kind, _scanner([pattern], stems)))
        for stem in stems:
            by_stem.setdefault(stem, set()).add(len(units) - 1)
    serves = {
        stem: frozenset(u for other, ids in by_stem.items() if other in stem for u in ids) for stem in by_stem
    }
    return re.compile(r"\b" + trie_regex(set(by_stem))), units, serves


CUE_REACH = 200  # cue patterns span less than this on either side of their trigger stem


def _windows(positions: list[int], lo: int, hi: int) -> list[tuple[int, int]]:
    """Merged text windows around trigger positions, inside the sentence [lo, hi)."""
    out: list[tuple[int, int]] = []
    for pos in positions:
        start, end = max(lo, pos - CUE_REACH), min(hi, pos + CUE_REACH)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def cue_matches(
    state: PipelineState, skip: Callable[[Sentence], bool] | None = None
) -> dict[int, dict[str, list[re.Match[str]]]]:
    """Cue matches by sentence and type, in text order: a fast scan for trigger stems picks
    the sentences, then only the scanners triggered there run, around their triggers.
    Sentences with a trigger for which `skip` holds are left out before any scanner runs."""
    trigger, units, serves = _units()
    sentences = state.sentences
    starts = [s.start for s in sentences]
    text = masked_text(state)
    kinds, scans, unit_keys = _unit_calls()
    # units by sentence, in the order first triggered, each with its trigger positions (None in a
    # short sentence: there every window around a trigger is the whole sentence)
    wanted: dict[int, dict[int, list[int] | None]] = {}
    for match in trigger.finditer(text):
        start = match.start()
        i = bisect_right(starts, start) - 1
        if i < 0:
            continue
        sentence = sentences[i]
        if start >= sentence.end or sentence.headline:
            continue
        by_unit = wanted.get(i)
        if by_unit is None:
            by_unit = wanted[i] = {}
        if sentence.end - sentence.start <= CUE_REACH:
            by_unit.update(unit_keys[match.group()])
            continue
        for unit in serves[match.group()]:
            positions = by_unit.get(unit)
            if positions is None:
                by_unit[unit] = [start]
            else:
                positions.append(start)
    found: dict[int, dict[str, list[re.Match[str]]]] = {}
    for i, by_unit in wanted.items():
        sentence = sentences[i]
        if skip is not None and skip(sentence):
            continue
        lo, hi = sentence.start, sentence.end
        by_kind: dict[str, list[re.Match[str]]] = {}
        found[i] = by_kind
        for unit, positions in by_unit.items():
            matches = by_kind.setdefault(kinds[unit], [])
            scan = scans[unit]
            if positions is None:
                matches.extend(scan(text, lo, hi))
                continue
            for w_lo, w_hi in _windows(positions, lo, hi):
                matches.extend(scan(text, w_lo, w_hi))
        for matches in by_kind.values():
            if len(matches) > 1:  # a stable sort, as before; shorter lists are in order already
                matches.sort(key=_match_start)
    return found


@lru_cache(maxsize=1)
def _unit_calls() -> tuple[
    list[str], list[Callable[[str, int, int], list[re.Match[str]]]], dict[str, dict[int, None]]
]:
    """The type and the bound scan of each unit, looked up once (cue_matches calls them per window),
    and the units each stem serves as dict keys in the same order (one dict.update per trigger)."""
    units, serves = _units()[1:]
    keys = {stem: dict.fromkeys(ids) for stem, ids in serves.items()}
    return [u.kind for u in units], [u.scanner.scan for u in units], keys


_match_start = re.Match.start  # the sort key of cue matches, without a lambda per call


@lru_cache(maxsize=1)
def _aggregate_scanner() -> Scanner:
    cues = load_yaml("events.yaml")["aggregate_cues"]
    # with the literal prefilter: most sentences hold none of the words an aggregate cue needs
    return Scanner("\\b(?:" + "|".join(c[2:] if c.startswith(chr(92) + "b") else c for c in cues) + ")", prefilter=True)


HEADING_WORDS = 12
_SUBJECT_LINE = ("Subject:", "Re:", "RE:", "SUBJECT:", "Object:", "Concerning:")
_LIST_ITEM = re.compile(r"(?:[-*•–]|\d{1,2}[.)])\s")
_TERMINAL = ".!?\"'”’:;)"


def _is_heading(text: str, sentence: Sentence) -> bool:
    """A short line of its own with no closing punctuation ("Urgent appeal: threats against
    trade unionists"): a heading names a topic, the incidents are told below it."""
    stripped = sentence.text.rstrip()
    # closing punctuation first: the common case, with no split of the sentence
    if not stripped or stripped[-1] in _TERMINAL:
        return False
    if len(sentence.text.split()) > HEADING_WORDS:
        # a letter's subject line, however long, names the topic: "Re: Arrest and threats against ..."
        return stripped.startswith(_SUBJECT_LINE) and text.rfind("\n", 0, sentence.start) + 1 == sentence.start
    before = text.rfind("\n", 0, sentence.start) + 1
    after = text.find("\n", sentence.end)
    line = text[before:after if after >= 0 else len(text)].strip()
    # a list item tells an incident even without a full stop ("- 3 May: police arrested 12 dockers")
    return line == sentence.text.strip() and not _LIST_ITEM.match(line)


AGGREGATE_REACH = 0  # cues end inside their sentence (none crosses a full stop)


def _is_aggregate(state: PipelineState, sentence: Sentence) -> bool:
    """A sentence about figures or groups in general ("the 72nd victim", "a number of ...").

    Checked only for sentences with a cue: scanning the whole document for these
    patterns (most start with a number word) cost a third of the stage."""
    openings = _aggregate_openings()
    if state.lower[sentence.start:sentence.start + 20].lstrip(" \"'(-").startswith(openings):
        return True
    end = min(len(state.lower), sentence.end + AGGREGATE_REACH)
    return _aggregate_scanner().first(state.lower, sentence.start, end) is not None


@lru_cache(maxsize=1)
def _aggregate_openings() -> tuple[str, ...]:
    return tuple(load_yaml("events.yaml")["aggregate_openings"])


# "one year in prison", "five years' imprisonment": the length of a sentence, not a term being served
_TERM_LENGTH_BEFORE = re.compile(r"\b(?:years?|months?|weeks?|days?|life)(?:'s?|’s?)? (?:[\w-]+ )?$")
# "spent two years in prison", "had served three years in jail": time served, not a sentence handed down
_SERVED_BEFORE = re.compile(r"\b(?:spen[dt]|spends|spending|served|serves|serving)\b[^,;]*$")
# "was tried with him and received six months": the trial is told with its outcome
# in a sentence that tells the verdict, the trial and the article of the conviction are parts of it:
# "found him guilty under Article 12", "convicted under article 30 after a two-day trial"
_TRIED = re.compile(r"(?:was |were |been |being |are |is )?tried\b|\w+ trial\b|under article\b")
_OPENED_FIRE = re.compile(r"opened fire")
_STRIKE_CONTEXT = re.compile(r"\b(?:strik(?:e|es|ers?|ing)|stoppage|walkout|walk-out|downed tools|down tools|sit-in|pickets?)\b")
# "X and his brother were detained": the unionist is among the subjects, so the act is theirs too
_AND_RELATIVE_BEFORE = re.compile(f"(?:{NAME_CHAR}+|\\b(?:he|she)) and (?:his|her|their) (?:[\\w-]+ )?$")


def _is_term(event: EventRecord, decisions: list[DecisionRecord]) -> bool:
    """Whether a ban or a fine on a defendant is a part of their sentence: not when it comes before
    the trial, nor when the text dates it on a day other than the ruling's ("In June 2021 he was
    prevented from boarding a flight")."""
    if _PRE_TRIAL.search(event.sentence.text):
        return False
    rulings = [d for d in decisions if d.defendant in event.victims]
    if any(event.sentence.index in d.sentences for d in rulings):
        return True
    own = event.date.iso if event.date else None
    return bool(rulings) and (not own or any(d.date is not None and _same_day(own, d.date.iso) for d in rulings))


def _defendant_here(state: PipelineState, sentence: Sentence) -> bool:
    """Whether a measure in a sentence of a ruling belongs to that ruling: yes when a defendant
    is named or pronounced there ("It also ordered 100 hours of forced labour"), no when the
    sentence names another body it could fall on ("the commission fined the KFCTW")."""
    defendants = {d.defendant for d in state.decisions if sentence.index in d.sentences}
    mentions = mentions_in(state, sentence.start, sentence.end)
    if any(m.kind == "person" and state.persons[m.index].name in defendants for m in mentions):
        return True
    if _PRONOUN.search(state.lower, sentence.start, sentence.end):
        return True
    return not any(m.kind == "org" and state.orgs[m.index].kind in _TARGET_ORG_KINDS for m in mentions)


def _org_target(event: EventRecord, orgs: frozenset[str]) -> bool:
    """ "The commission fined the KFCTW": a measure on an organisation is no term of a person's sentence."""
    return bool(event.victims) and all(v in orgs for v in event.victims)


def _names_a_term(jailed: re.Match[str], text: str) -> bool:
    """ "four years in a penal colony", "life imprisonment", but not "spent two years in prison"."""
    return (
        jailed.group().startswith(("in ", "imprisonment"))
        and bool(_TERM_LENGTH_BEFORE.search(text, max(0, jailed.start() - 24), jailed.start()))
        and not _SERVED_BEFORE.search(text, max(0, jailed.start() - 40), jailed.start())
    )


def _retype(found: dict[str, re.Match[str]], text: str, sentence: str) -> None:
    """A prison cue that follows a length of time names the sentence handed down ("four years
    in a penal colony", "life imprisonment"); so does a detention of so many days beside a
    sentencing ("sentenced to 10 days of administrative detention")."""
    jailed = found.get("imprisonment")
    if jailed is not None and _names_a_term(jailed, text):
        found.pop("imprisonment")
        found.setdefault("sentencing", jailed)
    held = found.get("detention")
    if held is not None and "sentencing" in found and _TERM_LENGTH_BEFORE.search(text, max(0, held.start() - 24), held.start()):
        found.pop("detention")
    jailed = found.get("imprisonment")
    if jailed is not None and jailed.group().startswith("sent") and _PRE_TRIAL.search(sentence):
        found.pop("imprisonment")  # "sent to prison pending trial": a remand
        found.setdefault("detention", jailed)


_PASSPORT_BEFORE = re.compile(r"\bpassports? (?:was |were |had been |has been |have been )?$")
_SEIZED_UNION_THINGS = re.compile(
    r"(?:confiscat|seiz)\w*\s+(?:[\w'-]+\s+){0,2}?(?:the\s+(?:union|federation|association|confederation)'s|its)\b"
)
_FORCED_ENTRY = re.compile(r"(?:burst|barged|broke|forced|stormed|storming|forcing|breaking|bursting)\b")
_SEARCH_WORD = re.compile(r"\b(?:search\w*|ransack\w*|confiscat\w*|seiz\w*)\b")
_SEARCHED = re.compile(r"\b(?:search\w*|raid\w*|storm\w*|entered|broke into|burst into|barged into|way into|ransack\w*)\b")


def _drop_contained(found: dict[str, re.Match[str]], text: str, sentence: str) -> None:
    """Cues that are part of a larger act told in the same sentence."""
    if "sentencing" in found:
        if not _PRE_TRIAL.search(sentence):
            for kind in TERM_TYPES:  # "received six months, suspended, and a fine": parts of the sentence
                found.pop(kind, None)
        charged = found.get("charges")
        if charged is not None and _TRIED.match(charged.group()):
            found.pop("charges")
    jailed, held = found.get("imprisonment"), found.get("detention")
    if jailed is not None and held is not None and (jailed.group().startswith("in ") or "sent to" in jailed.group()):
        # "held in solitary confinement in Evin prison for 41 days", "refused bail and sent to jail": a remand
        found.pop("imprisonment")
    charged = found.get("charges")
    if charged is not None and "dismissal" in found and charged.group().startswith("accus"):
        found.pop("charges")  # "sent dismissal letters ..., accusing them of misconduct": the employer's reason
    taken = found.get("raid")
    if taken is not None and _SEIZED_UNION_THINGS.match(text, taken.start()) and not _SEARCHED.search(sentence.lower()):
        found.pop("raid")  # "confiscated the union's loudhailer" with no search: the union's property seized
        found.setdefault("asset_freeze", taken)
    if taken is not None and "killing" in found and _FORCED_ENTRY.match(taken.group()) and not _SEARCH_WORD.search(sentence.lower()):
        found.pop("raid")  # "barged into the house ... and gunned him down": the way in was part of the killing
    if taken is not None and "travel_restriction" in found and _PASSPORT_BEFORE.search(text, max(0, taken.start() - 30), taken.start()):
        found.pop("raid")  # "his passport was confiscated": the document seized is the travel ban
    deported = found.get("other")
    if deported is not None and _STRIKE_CONTEXT.search(sentence.lower()):
        found.pop("other")  # strikers sent out of the country: the strike is punished
        found.setdefault("strike_suppression", deported)
    coerced = found.get("interference")
    fired = found.get("dismissal")
    if coerced is not None and fired is not None and fired.start() < coerced.end() and coerced.start() < fired.end():
        found.pop("dismissal")  # "forced to resign from the union": the membership, not the job
    shot, killed = found.get("assault"), found.get("killing")
    if shot is not None and killed is not None and not _ALSO_INJURED.search(sentence.lower()) and (
        _OPENED_FIRE.match(shot.group()) or (killed.start() <= shot.start() < killed.end())
    ):
        found.pop("assault")  # "was killed when soldiers opened fire", "stabbed him to death": the killing is the act
    family = found.get("intimidation_of_family")
    if family is not None and not _AND_RELATIVE_BEFORE.search(text, max(0, family.start() - 30), family.start()):
        for kind in ("arrest", "detention", "assault", "disappearance"):
            # "his elder brother was detained for a week": the relative's ordeal is the family's event
            if kind in found and family.start() <= found[kind].start() < family.end():
                found.pop(kind)


def _drop_fatal_shootings(events: list[EventRecord], text: str, orgs: frozenset[str] = frozenset()) -> list[EventRecord]:
    """ "Gunmen opened fire on him": when the same victim was killed that day, the shooting is the killing
    (the same person: a union named beside both is no sign that the shot and the killed are one)."""
    killed = [e for e in events if e.type == "killing"]

    def fatal(event: EventRecord) -> bool:
        return any(
            any_names_match([v for v in event.victims if v not in orgs], [v for v in k.victims if v not in orgs])
            and (event.date is None or k.date is None or _same_day(event.date.iso, k.date.iso))
            for k in killed
        )

    return [
        e for e in events
        if not (e.type == "assault" and e.victims and _OPENED_FIRE.match(text, e.cue_start) and fatal(e))
    ]


_MISSING = re.compile(r"[^.;]*\bmissing\b")


def _drop_missing_before_death(events: list[EventRecord], text: str) -> list[EventRecord]:
    """ "Her body was found on 2 February. She had been missing since the evening before": the hours
    before a killing is found are part of the killing, not an enforced disappearance."""
    deaths = {e.sentence.index for e in events if e.type == "killing"}
    return [
        e for e in events
        if not (
            e.type == "disappearance"
            and _MISSING.match(text, e.cue_start)
            and deaths & {e.sentence.index - 1, e.sentence.index, e.sentence.index + 1}
        )
    ]


_SAME_DAY = compile_scan(
    r"\b(?:(?:on )?the same (?:day|morning|afternoon|evening|night)|(?:later )?that (?:same )?(?:day|morning|afternoon|evening|night))\b",
    re.IGNORECASE,
)


def _last_date(events: list[EventRecord], event: EventRecord) -> DateMention | None:
    """The date of the last dated act told before `event`."""
    before = [e for e in events if e.date is not None and e.sentence.start < event.sentence.start]
    return max(before, key=lambda e: (e.sentence.start, e.cue_start)).date if before else None


_LIST_HEAD = re.compile(r"\s*(?:[-*•–]|\d{1,2}[.)]|\([a-z0-9]{1,3}\))\s")
_DEMAND_LEAD = re.compile(
    r"\b(?:call\w*|urg\w*|ask\w*|demand\w*|request\w*|recommend\w*|appeal\w*|write|writing|send|sending|invites?|expects?)\b",
    re.IGNORECASE,
)
LEAD_REACH = 12  # lines back to the line that introduces a list


def list_lead(state: PipelineState, sentence: Sentence) -> str | None:
    """The line that introduces the list item holding `sentence` ("... asking them to:"), if any."""
    line = state.text.rfind("\n", 0, sentence.start) + 1
    if not _LIST_HEAD.match(state.text, line):
        return None
    end = line - 1
    for _ in range(LEAD_REACH):
        if end <= 0:
            return None
        start = state.text.rfind("\n", 0, end) + 1
        text = state.text[start:end]
        if text.strip() and not _LIST_HEAD.match(text):
            return text.strip()
        end = start - 1
    return None


def _demand_item(state: PipelineState, sentence: Sentence) -> bool:
    """ "SALDN calls on the authorities to: ... 2. return the property seized on 26 March;": the items ask, they do not report."""
    lead = list_lead(state, sentence)
    return lead is not None and lead.endswith(":") and bool(_DEMAND_LEAD.search(lead))


def _ruling_item(state: PipelineState, sentence: Sentence) -> bool:
    """ "The court ruled as follows: - X: three years; - Y: ...": an item of a list that spells out one ruling."""
    lead = list_lead(state, sentence)
    return lead is not None and lead.endswith(":")


class FindEvents:
    def __call__(self, state: PipelineState) -> None:
        decision_sentences = {i for d in state.decisions for i in d.sentences}
        events: list[EventRecord] = []
        orgs = frozenset(o.name for o in state.orgs)
        masked = masked_text(state)
        # headings and the items of a list of demands report no incident: not even scanned
        # nor does the summary line of a complaints committee case ("Allegations: the complainant alleges
        # the arrest of ..."): the incidents are told in the report's body
        skip = lambda sentence: (  # noqa: E731
            _is_heading(state.text, sentence) or _demand_item(state, sentence) or sentence.text.startswith("Allegations:")
        )
        for index, by_kind in sorted(cue_matches(state, skip).items()):
            sentence = state.sentences[index]
            blocked = [(m.start, m.end) for m in mentions_in(state, sentence.start, sentence.end, "org")]
            found: dict[str, re.Match[str]] = {}
            for kind, matches in by_kind.items():
                match = first_cue(matches, masked, sentence.start, blocked, kind) if matches else None
                if match:
                    found[kind] = match
            if not found or _is_aggregate(state, sentence):
                continue
            family = found.get("intimidation_of_family")
            if family is not None and _COMRADE.search(state.text, family.start(), family.end() + 2):
                found.pop("intimidation_of_family")  # "Brother Ghribi", "sister Amel": comrades addressed, no kin
            _retype(found, masked, sentence.text)
            if "sentencing" in found and _REQUESTED_SENTENCE.search(sentence.text):
                found.pop("sentencing")  # "the prosecutor asked the court to sentence X": a request, no ruling
            self._drop_overlaps(found, index in decision_sentences, by_kind)
            _drop_contained(found, masked, sentence.text)
            for kind, match in found.items():
                event = self._event(state, sentence, kind, match.start(), events)
                if kind in TERM_TYPES and (
                    _is_term(event, state.decisions) or (index in decision_sentences and not _org_target(event, orgs) and _defendant_here(state, sentence))
                ):
                    continue  # a part of the sentence handed down: a term of the decision
                events.append(event)
        events.extend(self._decision_events(state, events))
        events.sort(key=lambda e: (e.sentence.start, e.cue_start))
        events = _drop_missing_before_death(events, masked)
        items = frozenset(e.sentence.index for e in events if e.type == "sentencing" and _ruling_item(state, e.sentence))
        state.events = _drop_fatal_shootings(dedupe(events, lambda e: _scene_date(state, e.sentence), orgs, items), masked, orgs)
        _retype_decisions(state.events, state.decisions)  # after merging: the ruling told twice is one event
        dates = {d.defendant: d.date for d in state.decisions if d.date is not None}
        for event in state.events:  # "were each sentenced": the ruling's date, told in the sentence before
            if event.type in DECISION_TYPES and event.date is None:
                event.date = next((dates[v] for v in event.victims if v in dates), None)
            if event.date is None and _SAME_DAY.search(event.sentence.text):
                event.date = _last_date(state.events, event)  # "searched the same morning": the day of the act before
            if event.date is None:  # only now: a borrowed date must not split one incident in two
                event.date = _scene_date(state, event.sentence)

    @staticmethod
    def _drop_overlaps(
        found: dict[str, re.Match[str]], decision_sentence: bool, by_kind: dict[str, list[re.Match[str]]]
    ) -> None:
        if decision_sentence:
            jailed = found.get("imprisonment")
            if jailed is not None and jailed.group().startswith(("jailed", "imprison")):
                found.pop("imprisonment")  # "a magistrate jailed X for 18 months": the ruling's own verb
        if "sentencing" in found:
            found.pop("imprisonment", None)
        family = found.get("intimidation_of_family")
        if family is not None:  # "his wife was summoned and warned": the relatives' ordeal
            for kind in _FAMILY_ACTS:
                if kind in found and found[kind].start() >= family.start():
                    found.pop(kind)
        threat = found.get("threat")
        if threat is not None and any(
            m.start() <= threat.start() < m.end() or threat.start() <= m.start() < threat.end()
            for m in by_kind.get("strike_suppression", [])
        ):
            found.pop("threat")  # "strikers were told they would be dealt with": the strike's, not a threat of its own
        jailed = found.get("imprisonment")
        if jailed is not None and ("arrest" in found or by_kind.get("arrest")) and _STATE_OF_BEING_HELD.match(jailed.group()):
            # "seized ... and has been behind bars ever since", "held in prison since their arrest" (the arrest
            # told before): held since the arrest, no term served
            found.pop("imprisonment")
            found.setdefault("detention", jailed)
        elif "arrest" in found and "detention" in found and not _HELD.match(found["detention"].group()):
            found.pop("detention")

    @staticmethod
    def _event(
        state: PipelineState, sentence: Sentence, kind: str, pos: int, earlier: list[EventRecord] | None = None
    ) -> EventRecord:
        ctx = _context(state, sentence)
        victims = list(ctx.persons)
        clause = _clause_persons(state, sentence, ctx, pos)
        if clause is not None:
            victims = clause
        nominal = _nominal_scope(state, sentence, pos)
        if nominal is not None:  # "condemns the abduction of X, and the arrest of four members": each act its own persons
            victims = [name for start, name in ctx.spans if nominal[0] <= start < nominal[1]]
        if kind == "intimidation_of_family":
            victims = [v for v in victims if v not in ctx.relatives]  # the unionist, not the relative
        for start, name, reporting in ctx.orgs:
            if name not in victims and not (start < pos and reporting):
                victims.append(name)
        # "The three spent two nights in the cells before a magistrate granted bail to Mridha":
        # names after the act do not stop a plural subject from naming the group
        if not victims or not ctx.named_person or ctx.first_person > pos:
            group = _plural_antecedent(sentence, earlier or [])
            if group:  # "They were held incommunicado": the group of the last event
                victims = group + [v for v in victims if v not in group]
            elif ctx.antecedent and ctx.antecedent not in victims and _PRONOUN.search(
                state.lower, max(sentence.start, pos - PRONOUN_REACH), min(sentence.end, pos + PRONOUN_REACH // 2)
            ):  # the pronoun is the act's subject or object, not "what he called" far from it
                victims.insert(0, ctx.antecedent)
        date = _event_date(state, sentence, pos, kind)
        confidence = 0.5 + (0.2 if victims else 0) + (0.1 if date else 0)
        return EventRecord(kind, sentence, victims, list(ctx.perpetrators), date, ctx.place, round(confidence, 2), pos)

    @staticmethod
    def _quoted_defendant(state: PipelineState, decision: DecisionRecord) -> bool:
        """A ruling whose "defendant" is only the person quoted around it ("A life sentence for a union
        president is not justice," said X): the speaker is no defendant."""
        sentence = decision.sentence
        names = [state.persons[m.index].name for m in mentions_in(state, sentence.start, sentence.end, "person")]
        if decision.defendant in names or _PRONOUN.search(state.lower, sentence.start, sentence.end):
            return False
        lo = state.sentences[max(0, sentence.index - 1)].start
        hi = state.sentences[min(len(state.sentences) - 1, sentence.index + 1)].end
        return any(
            state.persons[m.index].name == decision.defendant and _is_speaker(state, m.start, m.end)
            for m in mentions_in(state, lo, hi, "person")
        )

    def _decision_events(self, state: PipelineState, events: list[EventRecord]) -> list[EventRecord]:
        """A decision not already reported as an event gives one (sentencing, or its whole measure)."""
        out = []
        claimed: dict[tuple[int, str], str | None] = {}  # (event, defendant) -> the date of the ruling it covers
        for decision in state.decisions:
            kind = decision_kind(decision)
            if not decision.terms and _NOT_A_VIOLATION.search(decision.sentence.text):
                continue  # an acquittal or an annulled verdict is a decision, not a violation
            if _REQUESTED_SENTENCE.search(decision.sentence.text):
                continue  # "the prosecutor asked the court to sentence X to three years": a request, no ruling
            if self._quoted_defendant(state, decision):
                continue
            cover = next(
                (
                    e for e in events + out
                    if e.type in DECISION_TYPES and decision.defendant in e.victims and not _other_ruling(e, decision)
                    and not _other_day(claimed.get((id(e), decision.defendant)), decision)
                ),
                None,
            )
            if cover is not None:
                # an undated report covers one ruling of the defendant, not also their appeal
                claimed.setdefault((id(cover), decision.defendant), decision.date.iso if decision.date else None)
                continue
            event = self._event(state, decision.sentence, kind, decision.sentence.start)
            if decision.defendant not in event.victims:
                event.victims.insert(0, decision.defendant)
            if decision.court and decision.court not in event.perpetrators:
                event.perpetrators.insert(0, decision.court)
            event.date = decision.date or event.date
            out.append(event)
        return out


def _other_ruling(event: EventRecord, decision: DecisionRecord) -> bool:
    """An event dated otherwise than the ruling tells another ruling on the same defendant (the first
    verdict and the appeal): each ruling gives its own event (the annotation guide)."""
    return _other_day(event.date.iso if event.date else None, decision)


def _other_day(iso: str | None, decision: DecisionRecord) -> bool:
    """Whether a date (of an event, or of the ruling an event already covers) is not the ruling's day."""
    b = decision.date.iso if decision.date else None
    return bool(iso and b) and not (iso == b or _same_day(iso, b))


def decision_kind(decision: DecisionRecord) -> str:
    """The event type a ruling gives: `sentencing`, or its whole measure when that is only a fine
    or only a restriction of movement (the annotation guide's rule)."""
    kinds = {t.kind for t in decision.terms}
    if not kinds or kinds & {"prison", "suspended", "forced_labour", "other"}:
        return "sentencing"
    if "restriction_of_movement" in kinds:
        return "travel_restriction"
    return "fine" if kinds == {"fine"} else "sentencing"


# What the prosecution asks for is no ruling: "asked the court to sentence", "sought a sentence of",
# "requested five years' imprisonment for"
_REQUESTED_SENTENCE = re.compile(
    r"\b(?:ask\w*|request\w*|sought|seek\w*|demand\w*|call\w* for|urg\w*)\b (?:the (?:court|judge|tribunal) to sentence"
    r"|(?:a |an )?(?:prison |jail )?sentences? of|(?:a |an )?(?:[\w'-]+ ){0,2}(?:years?|months?)'? (?:of )?(?:imprisonment|prison|jail)\b)",
    re.IGNORECASE,
)


def _retype_decisions(events: list[EventRecord], decisions: list[DecisionRecord]) -> None:
    """ "X was convicted and ordered to pay a fine": a ruling whose whole measure is a fine is a `fine` event."""
    by_defendant: dict[str, set[str]] = {}
    for decision in decisions:
        by_defendant.setdefault(decision.defendant, set()).add(decision_kind(decision))
    for event in events:
        if event.type != "sentencing":
            continue
        kinds = set().union(*(by_defendant[v] for v in event.victims if v in by_defendant))
        # only a fine: a "restricted freedom" sentence is still told as a sentencing by the writers
        if kinds == {"fine"}:
            event.type = "fine"


def _event_date(state: PipelineState, sentence: Sentence, pos: int, kind: str = "") -> DateMention | None:
    """The date nearest the cue, leaving out steps still to come ("charged ... and due in court on
    20 May"): an act already done is not dated by the hearing it leads to. Nor is it dated by an
    aside about someone ("X, who has led the union since 2019, was abducted"), by the day a
    statement is issued, or by the day of the protest an offence is about."""
    dates = [d for d in dates_in(state, sentence) if d.iso and _may_date(state, sentence, d, pos, kind)]
    if not dates:
        return None
    date = min(dates, key=lambda d: abs(d.start - pos))
    if not _later(state, date):
        return date
    past = [d for d in dates if not _later(state, d)]
    return min(past, key=lambda d: abs(d.start - pos)) if past else None


def _later(state: PipelineState, date: DateMention) -> bool:
    """A step still to come, or the end of a span; "until September 2023, when ..." is the day of an act."""
    if _WHEN_AFTER.match(state.norm, date.end):
        return False
    return date.future or _until(state, date)


# ", who has led EAPSU since 2019,": a relative clause tells of the person, not of the act
_RELATIVE_CLAUSE = Gated(re.compile(r", (?:who|whose|which|where)\b[^,;:()]*"))
# "Brussels / Geneva, 5 September 2023 - ...": a dateline the date stage did not mark
# "ANKARA, June 5 (Example Wire) - ", "(Jakarta, November 9, 2021) - ": the agency or a closing bracket between
_DATELINE_DASH = re.compile(r"\s*\)?\s*(?:\([^()\n]{1,40}\)\s*)?[-–—]\s")
_STATEMENT_DAY = re.compile(
    r"\s+(?:\w+\s+)?(?:condemn|denounc|call|urg|announc|issu|welcom|express|demand|publish|releas|launch|said|says|stat)\w*\b",
    re.I,
)
# "convicted ... in connection with a stoppage in October 2023": the date of the offence, not of the ruling
_OFFENCE_DATE = re.compile(
    r"\b(?:for|over|in connection with|because of|role in|part in|organi[sz]ing|leading|calling)\b(?:\W+[\w'-]+){0,8}?\W+"
    r"(?:strikes?|stoppages?|protests?|march(?:es)?|rall(?:y|ies)|demonstrations?|sit-ins?|walkouts?|unrest|riots?)\b[^,;.]{0,60}$",
    re.I,
)


_LETTER_DATE = re.compile(
    r"\b(?:communications?|letters?|reply|replies|submissions?|observations|report|note|email|e-mail)\s+(?:dated|of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# a grievance named by those who protest it: the act was told, or happened, before the protest's day
_GRIEVANCE = re.compile(r"\bprotest(?:s|ed|ing)?\s+(?:at|against|over)\s+(?:the\s+)?$")


# "months after he told police he had received threats": what follows happened at another time
_TIME_SHIFT = re.compile(
    r"\b(?:days|weeks|months|years|a (?:day|week|month|year)|shortly|soon|long) (?:after|before)\b", re.IGNORECASE
)


def _shifted(text: str, lo: int, hi: int) -> bool:
    """Whether a time shift stands between a date (ending at `lo`) and the cue (at `hi`) in the cue's own clause."""
    shifts = list(_TIME_SHIFT.finditer(text, lo, hi))
    return bool(shifts) and "," not in text[shifts[-1].end():hi]


# the items of an enumeration "(i) ...; (ii) ...; and (iii) ..." tell separate incidents
_ITEM_BREAK = re.compile(r";\s+(?:and\s+)?\((?:[ivx]{1,4}|[a-h]|\d{1,2})\)\s")


def _may_date(state: PipelineState, sentence: Sentence, date: DateMention, pos: int, kind: str) -> bool:
    if date.reporting:
        return False
    if date.dateline or (date.start - sentence.start < 90 and _DATELINE_DASH.match(state.text, date.end)):
        return date.start in _entry_heads(state)  # a report's dated entries date their incidents
    if date.relative and date.text.lower() == "today" and _STATEMENT_DAY.match(state.text, date.end):
        return False
    if _LETTER_DATE.search(state.text, max(sentence.start, date.start - 40), date.start):
        return False  # "In its communication dated 30 May 2024, the Government states ...": the day of the reply
    if _GRIEVANCE.search(state.lower, max(sentence.start, pos - 40), pos):
        return False  # "gathered since 27 May to protest against the dismissal of ...": the protest's day, not the act's
    for clause in _RELATIVE_CLAUSE.finditer(state.text, sentence.start, sentence.end):
        if clause.start() <= date.start < clause.end() and not clause.start() <= pos < clause.end():
            return False
    if date.end <= pos and _shifted(state.text, date.end, pos):
        return False  # "shot dead on Wednesday, months after he had received death threats": another time
    if _ITEM_BREAK.search(state.text, min(date.end, pos), max(date.start, pos)):
        return False  # "(iv) ... in May 2021; and (v) both were convicted": another item's date
    return not (
        kind in ("sentencing", "charges")
        and date.start > pos
        and _OFFENCE_DATE.search(state.text, max(sentence.start, date.start - 160), date.start)
    )


# "Karachi, 4 August 2021 - X was abducted ..." paragraph after paragraph: entries of a report, not datelines
_ENTRY_HEAD = re.compile(r"[A-Z][\w'. -]{1,40}, (?:[\w ,]{3,25})\s*[-–—]\s+\S")
ENTRY_MIN = 2


def _entry_heads(state: PipelineState) -> frozenset[int]:
    """Starts of the dates that open two or more paragraphs as "Place, date - text": each dates its entry."""
    cached = state.__dict__.get("_entry_heads")
    if cached is not None:
        return cached
    heads = []
    for date in state.dates:
        line = state.text.rfind("\n", 0, date.start) + 1
        if date.start - line < 45 and _ENTRY_HEAD.match(state.text, line) and _DATELINE_DASH.match(state.text, date.end):
            heads.append(date.start)
    found = frozenset(heads) if len(heads) >= ENTRY_MIN else frozenset()
    state.__dict__["_entry_heads"] = found
    return found


_UNTIL = re.compile(r"\b(?:until|till|to)\s+$", re.I)
_WHEN_AFTER = re.compile(r",?\s+when\b", re.I)


def _until(state: PipelineState, date: DateMention) -> bool:
    """ "held until 25 June": the end of a span, not the day of the act."""
    # "continued to operate until September 2023, when the registry cancelled it": the day of the act
    return bool(_UNTIL.search(state.norm, max(0, date.start - 8), date.start)) and not _WHEN_AFTER.match(state.norm, date.end)


# A plural subject of a passive or of a state: "They were held", "Both were arrested", "The three spent".
_PLURAL_SUBJECT = re.compile(
    r"\W*(?:(?:this|that|on|in|by|later|the next|the following|yesterday|earlier|last) (?:[\w'-]+ ){0,2}?)?(?:they|both(?: men| women)?|all (?:two|three|four|five|six|seven)|the (?:two|three|four|five|six|seven|eight|nine|ten)"
    r"(?: [\w-]+){0,2}|the (?:defendants|accused))(?: \w+)? (?:were|have been|had been|are|remain|remained|spent|was)\b"
    r"|.*?\b(?:against|of) (?:the (?:two|three|four|five|six)|both|all (?:two|three|four|five|six))\b(?! \w+ (?:of|who)\b)",
    re.IGNORECASE,
)
ANAPHOR_REACH = 4  # sentences back to the group a plural subject names


def _plural_antecedent(sentence: Sentence, earlier: list[EventRecord]) -> list[str]:
    """The victims of the last sentences with events, gathered back until two or more,
    when the sentence opens with a plural subject ("Both were arrested")."""
    if not _PLURAL_SUBJECT.match(sentence.text):
        return []
    group: list[str] = []
    for event in reversed(earlier):
        if sentence.index - event.sentence.index > ANAPHOR_REACH:
            break
        group.extend(v for v in event.victims if v not in group)
        if len(group) >= 2 and event.sentence.index != sentence.index:
            return group
    return group if len(group) >= 2 else []


# Dates that bound a span ("since April") rather than date the scene.
_BOUNDING = re.compile(r"\b(?:since|until|till|before|by|from|after|as of|dated|of)\s+$", re.IGNORECASE)
SCENE_REACH = 2  # sentences back, in the same paragraph, that may date an undated act


def _scene_date(state: PipelineState, sentence: Sentence) -> DateMention | None:
    """The date of the scene an undated sentence continues: "On 14 August, guards gathered ...
    Police arrived ..." (same paragraph, at most SCENE_REACH sentences back)."""
    index = sentence.index
    for back in range(1, SCENE_REACH + 1):
        if index - back < 0:
            return None
        prev, nxt = state.sentences[index - back], state.sentences[index - back + 1]
        if "\n" in state.text[prev.end:nxt.start] or prev.headline:
            return None
        for date in dates_in(state, prev):
            scene = date.iso and not (date.dateline or date.reporting or date.future)
            if scene and not _BOUNDING.search(state.norm, max(0, date.start - 12), date.start):
                return date
    return None


_SAID_AFTER = re.compile(
    r"(?:,[^,]{0,140},|,|[ ]+(?:union|federation|confederation|group|organisation|organization))?[ ]+"
    r"(?:said|says|told|added|stated|noted|explained|wrote|declared)\b",
    re.IGNORECASE,
)
# "The ILSC condemns ...", "The ITUC has lodged ...": the reporting organisation.
_REPORTING = re.compile(
    r"\)?(?:[ ]*\([^)]{1,20}\))?[ ]+(?:\w+[ ]+){0,2}(?:condemn|denounce|call|urge|express|demand|welcome|lodge|reiterate|"
    r"protest|deplore|want|wish|ha[sv]e? (?:condemned|lodged|called|urged|expressed|written|received|learned|been informed))",
    re.IGNORECASE,
)
# "..., said X, General Secretary of the ILSC": the organisation of the person quoted
_SAID_EARLIER = Gated(re.compile(r"\b(?:said|says|told|added)\b[^.;]*$"))
# "said BAWF President Taslima Khatun": titles and capitalised words between the verb and the name
_SAID_BEFORE = Gated(re.compile(
    r"\b(?:said|says|according to)[ ]+(?:(?:[A-Z][\w.&-]*|president|secretary|general|lawyer|leader|chair\w*|"
    r"spokes\w+|director|head|the|of|union|federation)[ ]+){0,4}$"
))


# "X told the Courier that", "X said he", "X, 41, recalled that": a report of the speaker's own ordeal follows
_SPEAKER_THAT = re.compile(
    r"(?:,[^,]{0,60},)?\s+(?:\w+\s+){0,2}(?:said|says|told|tells|recalled|explained|stated|added|described|recounted|testified)\b",
    re.IGNORECASE,
)


def _is_speaker(state: PipelineState, start: int, end: int) -> bool:
    """ "X, Director of Y, said": the person quoted, not a victim."""
    return bool(_SAID_AFTER.match(state.norm, end) or _SAID_BEFORE.search(state.norm, max(0, start - 50), start))


_ADDRESSEE = re.compile(r"\b(?:told|tells|telling|informed|assured)\s+$")
_RELATIVE_BEFORE = Gated(re.compile(
    r"\b(?:his|her|their|ṗ+'s) (?:[\w-]+ )?(?:wife|husband|son|daughter|brother|sister|mother|father|spouse|partner|nephew|niece|"
    r"cousin|uncle|aunt|parents?|children|child)(?:,\s*|\s+)$"
))
# "By Lucas Moreira" on its own line; an agency in brackets before the dateline dash
_BYLINE = re.compile(r"(?:^|\n)[ \t]*(?:by|reporting by|written by|text:?)[ \t]+$", re.IGNORECASE)
_AGENCY = re.compile(r"\)\s*[-–—]\s")


def _is_source(state: PipelineState, start: int, end: int) -> bool:
    if _BYLINE.search(state.text, max(0, start - 20), start):
        return True
    return state.text[start - 1:start] == "(" and bool(_AGENCY.match(state.text, end))


def _antecedent_before(state: PipelineState, pos: int, window: int = 1500) -> int | None:
    """The last non-official person mentioned before `pos`, leaving out bylines and agencies."""
    for m in reversed(mentions_in(state, max(0, pos - window), pos, "person")):
        if not state.persons[m.index].official and not _is_source(state, m.start, m.end):
            return m.index
    return None


# Clauses with subjects of their own: "X was shot dead; several other marchers suffered wounds",
# "Y received 18 months, while a fourth, Z, was released"
_CLAUSE_BREAK = Gated(compile_scan(r";|,? while |, whereas |, but "))
_ANY_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|they|them|their|both)\b")


def _clause_persons(state: PipelineState, sentence: Sentence, ctx: _SentenceContext, pos: int) -> list[str] | None:
    """The persons named in the clause of the cue at `pos`, when the sentence has several clauses
    and the clause names or pronounces no one of its own, nobody; None when the whole sentence counts."""
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(state.lower, sentence.start, sentence.end)]
    if not breaks:
        return None
    lo = max([b for b in breaks if b <= pos], default=sentence.start)
    hi = min([b for b in breaks if b > pos], default=sentence.end)
    names = [name for start, name in ctx.spans if lo <= start < hi]
    if names:
        return list(dict.fromkeys(names))
    return None if _ANY_PRONOUN.search(state.lower, lo, hi) else []


# "the abduction and torture of X, ..., and the arrest of the union's president": acts named one after another
_NOMINAL_AT = re.compile(r"(?:the|his|her|their|its) (?:[\w-]+ ){0,3}?[\w-]+ of |(?!\w+ed\b)[\w-]+(?: and [\w-]+)? of ")
_NOMINAL_BREAK = re.compile(r",? and (?:the|his|her|their|its) (?:[\w-]+ ){0,2}?[\w-]+ (?:of|on|against)\b|;")


def _nominal_scope(state: PipelineState, sentence: Sentence, pos: int) -> tuple[int, int] | None:
    """The span of the "of" phrase of a nominal cue, when the sentence coordinates several such acts."""
    head = _NOMINAL_AT.match(state.lower, pos, sentence.end)
    if head is None or " of " not in state.lower[pos:head.end() + 1] or not _NOMINAL_BREAK.search(state.lower, sentence.start, sentence.end):
        return None
    end = _NOMINAL_BREAK.search(state.lower, head.end(), sentence.end)
    return pos, end.start() if end else sentence.end


@dataclass
class _SentenceContext:
    """What every event of one sentence shares: named victims, perpetrators, place."""

    persons: list[str]
    orgs: list[tuple[int, str, bool]]  # (start, name, is the reporting subject)
    perpetrators: list[str]
    place: str | None
    named_person: bool
    antecedent: str | None
    first_person: int  # where the first victim's name starts (the sentence end when none)
    spans: list[tuple[int, str]]  # (start, name) of each victim's mention
    relatives: list[str]  # persons named as a unionist's relative ("his wife, Maryam Ahmadi,")


def _context(state: PipelineState, sentence: Sentence) -> _SentenceContext:
    cache = state.__dict__.setdefault("_event_contexts", {})
    ctx = cache.get(sentence.index)
    if ctx is not None:
        return ctx
    persons: list[str] = []
    orgs: list[tuple[int, str, bool]] = []
    perpetrators: list[str] = []
    places = []
    first_person = sentence.end
    speakers: list[tuple[int, str]] = []
    spans: list[tuple[int, str]] = []
    relatives: list[str] = []
    for m in mentions_in(state, sentence.start, sentence.end):
        if _is_source(state, m.start, m.end):
            continue  # "By Lucas Moreira", "ALGIERS (Maghreb Wire) -": who reports, not who suffers
        if m.kind == "person":
            person = state.persons[m.index]
            if person.official:
                continue
            if _is_speaker(state, m.start, m.end):
                speakers.append((m.end, person.name))
                continue
            if _ADDRESSEE.search(state.lower, max(sentence.start, m.start - 12), m.start):
                continue  # "Mammadli told Guliyev that officers punched him": the one told, not the victim
            if _RELATIVE_BEFORE.search(state.lower, max(sentence.start, m.start - 40), m.start):
                relatives.append(person.name)
            spans.append((m.start, person.name))
            first_person = min(first_person, m.start)
            if person.name not in persons:
                persons.append(person.name)
        elif m.kind == "org":
            org = state.orgs[m.index]
            if org.kind in _PERPETRATOR_ORG_KINDS and org.name not in perpetrators:
                perpetrators.append(org.name)
            elif (
                org.kind in _VICTIM_ORG_KINDS
                and not _is_speaker(state, m.start, m.end)
                and not _SAID_EARLIER.search(state.lower, max(sentence.start, m.start - 90), m.start)
            ):
                orgs.append((m.start, org.name, bool(_REPORTING.match(state.norm, m.end))))
        else:
            places.append(state.places[m.index])
    antecedent = None
    own = [p for p in persons if p not in relatives]
    pronoun = _PRONOUN.search(state.lower, sentence.start, sentence.end) if not own else None
    if pronoun is not None:
        # "Ouma told the Courier that an officer slapped him": the speaker tells of what was done to them
        told = [name for end, name in speakers if end <= pronoun.start() and _SPEAKER_THAT.match(state.norm, end)]
        index = _antecedent_before(state, sentence.start)
        antecedent = told[-1] if told else state.persons[index].name if index is not None else None
    for match in _GENERIC_PERPETRATORS.finditer(state.lower, sentence.start, sentence.end):
        word = match.group()
        if word not in (p.lower() for p in perpetrators):
            perpetrators.append(word)
    place = min(places, key=lambda p: _PLACE_RANK.get(p.kind, 0)).name if places else None
    ctx = _SentenceContext(persons, orgs, perpetrators, place, bool(persons), antecedent, first_person, spans, relatives)
    cache[sentence.index] = ctx
    return ctx


_OTHER_VICTIMS = re.compile(r"\W*(?:other|another|several other|more)\b", re.IGNORECASE)
_SEPARATE = compile_scan(r"\b(?:a|the) separate (?:case|trial|ruling|judgment|hearing|proceedings?|prosecution|investigation)\b", re.I)
_SAME_INCIDENT = compile_scan(
    r"\b(?:also|as well|too|same (?:day|morning|evening|night|afternoon|sweep|raid|operation|crackdown)|(?:along )?with (?:them|him|her)"
    # "A fourth member, X, was briefly detained", "X was among those held": one more victim of the act told
    r"|an? (?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) (?:[\w-]+ )?(?:member|leader|worker|activist|unionist|"
    r"organi[sz]er|official|person|man|woman|teacher|nurse|miner|driver|delegate|representative)"
    r"|among (?:those|the (?:[\w-]+ )?(?:people|workers|persons|protesters|strikers|miners|leaders|members|marchers)) "
    r"(?:who were )?(?:held|arrested|detained|taken|seized|rounded up))\b",
    re.IGNORECASE,
)


# "Two days later, a fourth activist was taken": one more victim, but on another day
_DAYS_LATER = compile_scan(
    r"\b(?:(?:\w+|a) (?:days?|weeks?|months?) later|the (?:next|following) (?:day|morning|week|month))\b", re.I
)
_AGAIN = compile_scan(r"\b(?:again|re-?arrest\w*|once more|another|second time|third time|new (?:arrest|raid|search|attack))\b", re.I)
_STATE = compile_scan(r"\b(?:currently|still|remains?|remained|(?:is|are) (?:being )?held)\b", re.I)


def _same_day(a: str | None, b: str | None) -> bool:
    """Equal dates, or one a finer form of the other ("2022-08" and "2022-08-14")."""
    if not a or not b:
        return False
    return a == b or (len(a) != len(b) and (a.startswith(b + "-") or b.startswith(a + "-")))


def _iso(date: DateMention | None) -> str | None:
    return date.iso if date is not None else None


def _finer(date: DateMention, than: DateMention) -> bool:
    a, b = date.iso or "", than.iso or ""
    return len(a) > len(b) and _same_day(a, b)


_DETERMINED_NOUN = re.compile(r"\b(?:the|his|her|their|its|this|that)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _nominal(event: EventRecord) -> bool:
    """ "condemns the raid on X", "the violent attack on Y": the act named as a noun, as a summary names it."""
    offset = event.cue_start - event.sentence.start
    word = event.sentence.text[offset:].split(" ", 1)[0].lower()
    return not word.endswith(("ed", "en")) and bool(_DETERMINED_NOUN.search(event.sentence.text, max(0, offset - 30), offset))


def _is_twin(
    event: EventRecord, other: EventRecord, scene: Callable[[EventRecord], DateMention | None], orgs: frozenset[str]
) -> bool:
    """Whether `event` reports the same incident as the earlier `other` (same type).

    An organisation stands for its unnamed members ("the arrest of three of the union's
    leaders"): beside named persons it counts as no name."""
    date_e = event.date.iso if event.date else None
    date_o = other.date.iso if other.date else None
    victims_e = [v for v in event.victims if v not in orgs]
    victims_o = [v for v in other.victims if v not in orgs]
    if not victims_e and not victims_o:
        victims_e, victims_o = event.victims, other.victims
    if victims_e and not victims_o and date_e and not date_o:
        # named victims after a general mention: the same act unless the mention's scene had another day
        borrowed = scene(other)
        return borrowed is None or _same_day(date_e, borrowed.iso)
    if victims_e and victims_o:
        if not any_names_match(victims_e, victims_o):
            return bool(date_e and date_e == date_o)
        # a new date for a repeated act (arrest, raid...) is a new incident
        # an undated state ("currently in pre-trial detention") and the dated act that began it are one
        # an undated mention and the dated account of the same act ("condemns the raid on X ... On 12 July
        # officers forced their way into X's office") are one, unless the later act is told as a new one
        if date_o is None and (event.type not in DISCRETE_TYPES or _STATE.search(other.sentence.text)):
            return True
        if date_o is None and date_e and _nominal(other) and not _AGAIN.search(event.sentence.text):
            borrowed = scene(other)  # the undated mention's scene had another day: another act
            return borrowed is None or _same_day(date_e, borrowed.iso)
        return date_e is None or _same_day(date_e, date_o)
    if not victims_e:
        if date_e is None:
            # "Nineteen people were detained overnight" in a paragraph dated 1 May: another act than January's
            borrowed, earlier = scene(event), date_o or _iso(scene(other))
            return borrowed is None or not earlier or _same_day(borrowed.iso, earlier)
        return date_e is None or _same_day(date_e, date_o)
    # named victims after a general mention of the same act
    return date_e is None or date_o is None or _same_day(date_e, date_o)


def dedupe(
    events: list[EventRecord],
    scene: Callable[[EventRecord], DateMention | None] | None = None,
    orgs: frozenset[str] = frozenset(),
    ruling_items: frozenset[int] = frozenset(),
) -> list[EventRecord]:
    """One event per incident and type: same victims or same date means the same incident.

    `scene` gives the date an undated event borrows from the sentences before it; it
    refines the date of the incident the event is merged into ("in August" ->
    "on 14 August"), and tells apart only acts with no victim named and no date.
    `ruling_items` are the sentences of a list that spells out one ruling ("The court
    ruled as follows: - X: three years; - Y: a fine"): their sentencings are that ruling's.
    """
    kept: list[EventRecord] = []
    scene = scene or (lambda _: None)
    for event in events:
        twin = None
        # "Other activists ...": new victims, new incident; "In a separate case, ...": another case
        others = _OTHER_VICTIMS.match(event.sentence.text) or _SEPARATE.search(event.sentence.text)
        # "was tried with him and received six months": each defendant has a ruling of their own
        if (
            not others and event.date is None and event.type != "sentencing"
            and _SAME_INCIDENT.search(event.sentence.text) and not _DAYS_LATER.search(event.sentence.text)
        ):
            twin = next((o for o in reversed(kept) if o.type == event.type), None)
        if event.type == "sentencing" and event.sentence.index in ruling_items:
            twin = next((o for o in reversed(kept) if o.type == "sentencing"), None)
        if twin is None and not others:
            twin = next((o for o in kept if o.type == event.type and _is_twin(event, o, scene, orgs)), None)
        if twin is None:
            kept.append(event)
            continue
        date = event.date or (scene(event) if twin.date is not None else None)
        if date is not None and (twin.date is None or _finer(date, twin.date)):
            twin.date = date  # the finer date of the same incident
        for victim in event.victims:
            if victim not in twin.victims:
                twin.victims.append(victim)
    return kept
