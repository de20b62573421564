"""Stage 2: find manufacturers, brands, models, plants, places, people and facts in an article.

The extractor scans the article's text (title, summary and body) once with an Aho-Corasick
automaton over every name in the reference data, adds what patterns find beyond it (models such as
"Polestar 4" or "the ID.3", plants described as "the Volvo plant in Ridgeville", towns named with
their state or country, people named with their organisation), and then reads facts sentence by
sentence: who produces what where, with which status and dates; which strategies the article
discusses, and whose they are.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, cached_property, lru_cache
from itertools import pairwise

import ahocorasick

from .articles import title_case
from .errors import InputError
from .link import COMPANY_TYPES, Linker, closure
from .model import (
    Affiliation,
    Article,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Mention,
    ProductionFact,
    Span,
    Status,
    StrategyFact,
)
from .reference import (
    Reference,
    capitals,
    city_subdivisions,
    fold,
    geonames_towns,
    slug,
)
from .resources import home, lexicon, strategies_file

_STATUS_RANK = {Status.CANCELLED: 0, Status.ENDED: 1, Status.PLANNED: 2, Status.ACTIVE: 3}
_MONTHS = {name: number for number, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_DATE = re.compile(
    r"\b(?:(?P<half>first|second) half of|(?P<h>h[12])|(?P<q>q[1-4])|(?P<quarter>first|second|third|fourth) "
    r"quarter of|(?P<part>early|mid|late|end of|the end of|start of|the start of)[- ]?|(?P<month>"
    + "|".join(_MONTHS) + r"))?\s*(?P<year>(?:19|20)\d\d)\b|\b(?P<rel>next year|this year|last year)\b",
    re.IGNORECASE,
)
_DATE_PREFIX = re.compile(r"(?:\b(?:in|from|by|until|starting|since|during|before|after)\s+(?:the\s+)?)$",
                          re.IGNORECASE)
_WORD = re.compile(r"[\w’'.\-]+")
#: Upper- and lower-case Latin letters, accented ones included ("Košice", "Łódź", "Gölcük"), for the
#: character classes of names.
_UP = "".join(c for c in map(chr, range(0x41, 0x250)) if c.isupper())
_LOW = "".join(c for c in map(chr, range(0x61, 0x250)) if c.islower())
#: (a Korean given name's second syllable is in lower case: "Chung Mong-koo", "Moon Jae-in")
_NAME_WORD = (rf"(?:Mc|Mac|O['’]|D['’])?[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+|-[{_LOW}]{{2,4}})?\b(?!['’])")
#: a name's last word may take a possessive: "Chief executive Oliver Blume’s company"
_LAST_NAME_WORD = _NAME_WORD.replace(r"(?!['’])", r"(?!['’](?!s\b))")
#: (the words of a name stand on one line: a headline's last word is no first name of the
#: standfirst's person)
_PERSON = re.compile(rf"{_NAME_WORD}(?:[ \u00a0]+(?:van der|van|von|de|del|da|di|le|la|bin|al)\b)?"
                     rf"(?:[ \u00a0]+{_NAME_WORD}){{0,1}}[ \u00a0]+{_LAST_NAME_WORD}"
                     # ("M.K. Stalin", "N. Chandrababu Naidu": initials, taken only beside a role)
                     rf"|(?<![\w.])(?:[{_UP}]\.){{1,3}}[ \u00a0]?(?:{_NAME_WORD}[ \u00a0]+)?{_LAST_NAME_WORD}")
_MODEL_CODE = re.compile(
    r"(?:Model [A-Z0-9]\b|ID\.\s?[A-Za-z0-9]+|[A-Za-z]{0,4}-?\d{1,3}[A-Za-z]{0,3}\b(?:-[A-Za-z]+)?"
    r"|[a-z][A-Z]+\d*[A-Za-z]*\b|[A-Z][a-z]+-[A-Z][A-Za-z]*\b)"
)
_STANDALONE_MODEL = re.compile(
    r"\b(?:the|its|new|and|or|,)\s+(?P<model>ID\.\s?\d+[A-Za-z]*|[A-Z]{1,3}\d{1,3}[A-Za-z]?|[a-z][A-Z]{1,3}\d{1,3}|"
    r"Model [SXY3])\b"
)
_VEHICLE_NOUNS = (r"(?:SUV|sedan|saloon|hatchback|crossover|pickup|pick-up|van|estate|coupe|model|EV|minivan|MPV|wagon|"
                  r"roadster|supercar|scooter|motorcycle|motorbike|truck|tractor|bus|coache?)s?\b")
_NAMED_MODEL = re.compile(
    r"(?:\b(?:the|its|new|all-new|electric|a|an|and|or)\s+(?P<model>[A-Z][a-z]+[A-Za-z0-9-]*(?:\s[A-Z0-9][\w-]*)?)"
    rf"\s+{_VEHICLE_NOUNS})"
    r"|(?:\b(?:start|starts|started|begin|begins|began|end|ends|ended|halt|halts|halted|stop|stops|stopped)"
    r"\s+(?P<model2>[A-Z][a-z]+[A-Za-z0-9-]*)\s+(?:production|assembly|output)\b)"
)
#: the first of two names before a vehicle noun: "Actros | and Accelo trucks", "Falcon | and Oyster buses"
_PAIRED_MODEL = re.compile(rf"\b(?P<model>[A-Z][a-z]+[A-Za-z0-9-]*)\s+(?:and|or)\s+[A-Z][a-z]+[A-Za-z0-9-]*\s+{_VEHICLE_NOUNS}")
#: "moved production of the crossover from Born to its Saxon plant": production ends at the first
#: place and goes on (or will) at the second.
_RELOCATION = re.compile(
    r"\b(?:mov|transferr?|shift|relocat)\w*\b(?:(?!\.\s).){0,60}?(?:\bfrom\b(?P<source>(?:(?!\.\s).)+?))?"
    r"\bto\b(?P<target>[^,;]*?)(?=,|;|\band\b|\bbut\b|$)", re.IGNORECASE)
_CLAUSE = re.compile(r",\s*(?:and|but|while|whereas|will|would)\b|;|\bbut\b|\band (?:said|says|will|would|is|are)\b"
                     # ("..., a month after Nissan closed Changzhou and a year after Mitsubishi stopped")
                     r"|(?:,|\band)\s+(?:just\s+|only\s+)?(?:a|an|one|two|three|four|five|six|several|a few|\d+)\s+"
                     r"(?:days?|weeks?|fortnight|months?|years?|decades?)\s+(?:after|before)\b"
                     # ("Honda ends the Acura ZDX as GM keeps building the Prologue in Mexico")
                     r"|\bas(?=\s+(?:[\w’'-]+\s+){1,3}?(?:keeps?|winds?|shuts?|closes?|ends?|starts?|builds?|opens?|"
                     r"cuts?|moves?|drops?|stops?|halts?|plans?|prepares?|takes?|adds?|makes?|leaves?|quits?|exits?|"
                     r"pulls?)\b)")
#: right after a cancellation, the plant or plan a sentence has named before, and no other place:
#: "gave up on the plant", "scrapped the project" (not "cancelled the plant in Mexico")
_BACK_TO_PLAN = re.compile(r"\s+(?:on\s+)?(?:the|its|their|that)\s+(?:[\w-]+\s+)?(?:plant|factory|project|plans?|"
                           r"site|idea|investment)\b(?!\s+(?:in|at|near|for)\s)")
#: a maker's regional division after its name: "Ford | of Europe", "Nissan | Europe", "Ford | ASEAN"
_DIVISION = re.compile(r"\s+(?:of\s+)?(?:Europe|Asia|Asia[- ]Pacific|ASEAN|Africa|South America|Latin America|"
                       r"North America|Middle East)(?![\w-])")
_FUTURE = re.compile(r"\b(?:will|plans?|planned|to move|to transfer|to shift|to relocate|is moving|are moving|to close|to end)\b",
                     re.IGNORECASE)
#: a word of a town's name, with capitals after its hyphens too ("Aulnay-sous-Bois")
_TOWN_WORD = rf"[{_UP}][{_LOW}'’]+(?:-[{_UP}{_LOW}][{_LOW}'’]*)*"
#: an abbreviated word that starts a town's name ("St. Thomas", "Ste. Thérèse", "Ft Worth")
_TOWN_PREFIX = r"(?:(?:St|Ste|Mt|Ft)\.?\s)?"
#: a second town and a plural plant noun after a first town: "Chennai | and Sanand plants"
_AND_TOWN_PLANTS = rf"and\s+(?:{_TOWN_WORD}\s)?{_TOWN_WORD}\s+(?:plants|factories|sites|works)\b"
_TOWN_CONTEXT = re.compile(
    rf"\b(?:in|at|near|outside|from|(?:north|south|east|west)(?:-?(?:east|west))? of"
    # ("moves its light and medium trucks to Kraków")
    r"|(?:moves?|moving|moved|shifts?|shifted|transfers?|transferred|relocates?|relocated)\s+(?:[\w’'-]+\s+){0,6}?to"
    # ("Volvo Group picks Monterrey for ...")
    r"|picks|picked|chooses|chose|selects|selected"
    # ("the last Lancia Ypsilon leaves Termini Imerese", "a month after Nissan closed Changzhou")
    r"|leaves|closes|closed|shuts|shut|idles|idled)\s+"
    rf"(?P<after>{_TOWN_PREFIX}{_TOWN_WORD}(?:\s{_TOWN_WORD})?)\b"
    rf"|\b(?P<before>{_TOWN_PREFIX}(?:{_TOWN_WORD}\s)?{_TOWN_WORD})\s+"
    # ("its Chennai | and Sanand plants": the first of two towns before a plural)
    rf"(?:(?={_AND_TOWN_PLANTS})"
    r"|plants?|factory|factories|facility|works|site|assembly plant|assembly line|lines?"
    r"|(?:truck|van|bus|car|vehicle|motorcycle|scooter) (?:plant|factory)"
    # ("the Cologne Electric Vehicle Center")
    r"|(?:[Ee]lectric [Vv]ehicle|[Aa]ssembly) (?:[Cc]ent(?:er|re)|[Cc]omplex))\b"
)
#: where a sentence's own verb follows a relative clause: "..., which makes the Swift, | will close"
_RESUMED = re.compile(r",\s+(?=(?:will|would|is|are|was|were|has|have|had)\b)")
#: what follows the first of two towns before a plural plant noun: "Chennai| and Sanand plants"
_TOWN_AND_PLANTS = re.compile(rf"\s+{_AND_TOWN_PLANTS}")
#: a model's name listed right after another model's: "the Suzuki Vitara and S-Cross"
_LISTED_MODEL = re.compile(r"(?:,\s+|\s+(?:and|or)\s+)(?P<model>(?:[A-Z][a-z]*-?[A-Z0-9][\w-]*|[A-Z][a-z]+\d*)"
                           r"(?:\s[A-Z0-9][\w-]*)?)\b(?!['’])")
#: between a maker's name and a country's in the name of its national company: "Nissan Motor
#: Manufacturing | UK", "Volkswagen de | Mexico", "Isuzu | East Africa"
_SUBSIDIARY_BETWEEN = re.compile(r"\s+(?:(?:Motor|Motors|Manufacturing|Automotive|Assembly|Car|Cars|Vehicles|"
                                 r"Commercial|Trucks|Corporation)\s+){0,3}"
                                 r"(?:(?:of|de|do|da)\s+)?(?:(?:East|West|North|South|Central)\s+)?")
#: a town listed right after another: "St Petersburg, and Naberezhnye Chelny"
_LISTED_TOWN = re.compile(rf",?\s+(?:and|or)\s+(?P<name>[{_UP}][{_LOW}'’\-]+(?:\s[{_UP}][{_LOW}'’\-]+)?)\b")
#: "the former GM plant", "bought the factory from General Motors", "a platform from Geely",
#: "its majority stake in Avtovaz", "components licensed from BMW"
#: verbs of a change of owner
_BUYS = (r"bought|buying|buys|buy|acquired|acquiring|acquires|purchased|purchasing|purchases|took over|"
         r"taking over|takes over|take over|taken over")
#: the rest of a list of companies up to its last one: "Koç Holding and " (before Fiat Chrysler)
_LIST_UP_TO_LAST = r"(?:(?:(?![.;,]).){0,50}?\s(?:and|&)\s+(?:the\s+)?)?"
_NOT_PRODUCER_BEFORE = re.compile(
    r"(?:\b(?:former|ex-)\s*"
    rf"|\b(?:{_BUYS}|leased|leasing)\b(?:(?![.;]).){{0,60}}?\bfrom\s+(?:the\s+)?"
    # (or parts: "with cabs from DAF", "a battery pack from BYD", "technology from its partner BYD")
    r"|\b(?:platform|platforms|architecture|technology|technologies|engines?|licen[cs]e|designs?|cabs?|"
    r"batter(?:y|ies)|cells|parts|components|chassis|axles|gearboxes|transmissions|bodywork|seats|chips)\s+"
    r"(?:\w+\s+){0,2}?(?:from|of|by|(?:co-)?developed (?:by|with)|supplied by)\s+"
    r"(?:the\s+|(?:its|their)\s+(?:[\w-]+\s+)?(?:partner|supplier|sister company)\s+)?"
    r"|\b(?:stake|stakes|shareholding|holding|interest|shares)\s+in\s+(?:the\s+)?"
    # "bought in 2004 after the collapse of Daewoo Motor": a company that is gone
    r"|\b(?:collapse|bankruptcy|demise|insolvency|break-?up)\s+of\s+(?:the\s+)?"
    r"|\b(?:licen[cs]ed|sourced|supplied)\s+(?:\w+\s+){0,2}?(?:from|by)\s+(?:the\s+)?"
    # "The truck maker, not to be confused with Volvo Cars"
    r"|\bnot\s+to\s+be\s+confused\s+with\s+(?:the\s+)?"
    # a rival: "to take it nationwide against Ola Electric and Ather Energy"
    r"|\b(?:against|rivals?|competitors?|competing\s+with|competes?\s+with)\s+(?:the\s+likes\s+of\s+)?"
    r"(?:[\w-]+(?:\s+[\w-]+){0,2}(?:,|\s+and|\s+or)\s+)?"
    # the buyer of a plant a maker sells: "sell its car plant in Rayong, Thailand, to Great Wall Motor"
    r"|\bsell(?:s|ing)?\s+(?:its|the|their)\s+(?:[\w-]+\s+){0,2}(?:plants?|factory|factories|works)\b"
    r"(?:(?![.;]).){0,60}?\bto\s+(?:the\s+)?)$",
    re.IGNORECASE)
#: a customer of the plant a sentence is about: "Mercedes-Benz and Scania have signed up as
#: customers of the plant rising in Boden"
_CUSTOMER_AFTER = re.compile(r"(?:\s+(?:and|&)\s+(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*)?\s+(?:(?:have|has|had)\s+)?"
                             r"(?:signed\s+(?:up|on)\s+)?as\s+(?:(?:a|the|its|their|first|anchor|launch|main)\s+)*"
                             r"(?:customers?|clients?)\b")
#: "Ford Sollers, Ford's joint venture with Sollers": an owner of the joint venture named before
_VENTURE_OF_AFTER = re.compile(r"['’]s?\s+(?:[\w-]+\s+)?joint[\s-]+venture\b", re.IGNORECASE)
#: "Tofaş, a joint venture of Koç Holding and Fiat Chrysler": the owners of a joint venture
_OWNER_NAME = rf"[{_UP}0-9][\w&.'’-]*(?:\s+[{_UP}0-9][\w&.'’-]*){{0,3}}"
_VENTURE_OF_BEFORE = re.compile(r"(?:\b(?i:joint venture|jv|venture|subsidiary|affiliate)\s+(?i:of|between|owned by)"
                                # (or a company's owners after its name: "Automotive Cells Company, owned
                                # by Stellantis, Mercedes-Benz and Saft")
                                r"|,\s+(?:jointly\s+)?(?:owned|controlled)\s+by)\s+"
                                # (its owners listed with commas: "of Renault Group, Volvo Group and the
                                # shipping line CMA CGM"; not "of Koç Holding and Stellantis, builds cars
                                # in Bursa, and Ford Otosan")
                                rf"(?i:the\s+)?(?:(?:{_OWNER_NAME},\s+)*{_OWNER_NAME},?\s+(?:and|&)\s+(?:the\s+)?"
                                rf"(?:[a-z][\w-]*\s+){{0,3}}|(?:{_OWNER_NAME},\s+)+)?$")
#: a person's charge, not production: "Lyle Watters, who runs Ford's South American operations"
_ROLE_OVER = re.compile(r"\b(?:runs|ran|run|running|heads|headed|head|chief|boss|president|director|manager|"
                        r"in charge|oversees|oversaw|overseeing|responsible for)\b[^.;,]{0,40}?\boperations\b")
#: a country spoken of again: "plans to build electric cars in the kingdom"
_COUNTRY_ANAPHOR = re.compile(r"\b(?:in|across|within|throughout)\s+(the\s+(?:country|kingdom|republic))\b(?!['’])")
#: "Output of the electric SUV is due to begin": a vehicle named by its kind alone stands for the one
#: model named before it (not "the SUV market", nor "the SUV, the Ioniq 5")
_MODEL_ANAPHOR = re.compile(
    r"\b(the\s+(?:(?:new|latest|electric|battery-powered|battery-electric|all-electric|hybrid|plug-in|"
    r"compact|small|mid-size|midsize|full-size|large|seven-seat|three-row|updated|facelifted|outgoing|"
    r"next-generation|second-generation|third-generation|revived|rebadged|luxury|electric-only)\s+){0,2}"
    r"(?:suv|pickup|pick-up|saloon|sedan|hatchback|hatch|crossover|coupé|coupe|minivan|mpv|roadster|estate|"
    r"wagon|sports car|supercar|city car|microcar|van|minibus|bus|truck|motorcycle|scooter|e-scooter))\b"
    r"(?!['’]|\s+(?:market|segment|sales|buyers|demand|class|range|platform|line-?up|boom|makers?|brands?|"
    r"plants?|factory|factories|lines?|business|unit|division|operations|production|output)\b"
    r"|,?\s+(?:the\s+)?(?-i:[A-Z0-9]))", re.IGNORECASE)
#: "in the town", "in the city": the town named last before it
_TOWN_ANAPHOR = re.compile(r"\b(?:in|at)\s+(the\s+(?:town|city))\b(?!['’])")
#: after a first-level subdivision's name: "Kocaeli province", "São Paulo state"
_SUBDIVISION_NOUN = re.compile(r"\s+(?:province|state|prefecture|region|county|governorate|oblast|krai|"
                               r"department|land)\b", re.IGNORECASE)
#: a town that opens a sentence as its maker would: "Sanand makes the Ford Figo", "Chennai also builds"
#: (after a clause about it: "Pontedera, where the first Vespa was made in 1946, now builds", or as
#: a plant: "Nošovice is Hyundai's first European plant to build")
_TOWN_BUILDS = re.compile(r"(?:,[^,.;]{1,90},)?\s+(?:(?:now\s+|also\s+|still\s+|will\s+|currently\s+|already\s+|soon\s+)?"
                          r"(?:makes?|builds?|produces?|assembles?|manufactures?|turns?\s+out|rolls?\s+out|is\s+to\s+build)"
                          r"|(?:is|was|becomes|became)\s+(?:\S+['’]s?\s+)?(?:\S+\s+){0,3}?(?:plant|factory|works))\b")
#: a maker's possessive before the place it builds at: "Renault's Maubeuge line", "Renault’s plant"
_OWN_PLACE = re.compile(rf"['’]s?\s+(?:[{_UP}][\w-]+\s+){{0,2}}(?:line|plant|factory|works)\b")
#: a model another is made from, or is not made beside: "Based on the D-Max", "derived from the
#: Mazda2", "shares its underpinnings with the D-Max ... rather than next to the Ford Ranger"
_MODEL_ORIGIN_BEFORE = re.compile(r"\b(?:based on|derived from|relative of|twin of|(?:underpinnings|platform) with|"
                                  r"rather than (?:next to|beside|alongside))\s+(?:the\s+|its\s+)?$", re.IGNORECASE)
#: what keeps a status cue from being a model's own ("The plant shut in 2014 when the Mondeo's ...")
_CUE_AND_MODEL_APART = re.compile(r"[,;]|\b(?:when|as|while|and|but|because|since|until|after|before|in \d{4})\b")
#: a plan whose fate a later cancellation tells
_PLAN_NOUN = re.compile(r"\b(?:plans?|proposal|project|agreement|deal|bid)\b")
#: what kind of maker a company is, between its nationality and "carmaker"
_MAKER_KINDS = frozenset({"electric", "electric-vehicle", "ev", "state-owned", "premium", "luxury", "truck",
                          "bus", "two-wheeler", "motorcycle", "scooter", "sports-car", "start-up", "national"})
#: a capitalised word right before a name, as a first name would stand
_FIRST_NAME_BEFORE = re.compile(rf"(?<![\w.])([{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)\s$")
#: a town that opens a sentence as the place that builds: "Pontedera, where the first Vespa was made,
#: now builds the scooter", "Nošovice is Hyundai's first European plant to build ..."
_TOWN_SUBJECT = re.compile(rf"(?:(?<=\n)|(?<=[.!?] )|^)(?P<subject>{_TOWN_PREFIX}{_TOWN_WORD}(?:\s{_TOWN_WORD})?)"
                           rf"(?={_TOWN_BUILDS.pattern})")


@cache
def _role_after_name() -> re.Pattern[str]:
    """A role after a name and a comma: ", the company's vice-chairperson", ", its chief executive"."""
    return re.compile(r",\s+(?:the|its|a|an)\s+(?:[\w’'-]+\s+){0,3}?" + _pattern("roles").pattern, re.IGNORECASE)


@cache
def _role_before_name() -> re.Pattern[str]:
    """A role in lower case right before a name: "premier ", "chief executive "."""
    return re.compile(r"(?<![\w'’])(?:" + _pattern("roles").pattern + r")\s+$")




@cache
def _speech_after() -> re.Pattern[str]:
    """A verb of speech after a name, which makes a first name and a maker's name a person
    ("James Dyson told staff")."""
    return re.compile(r"[ \t]+" + _pattern("speech-verbs").pattern)


@cache
def _title_before() -> re.Pattern[str]:
    """A role in any case right before a name: "Chief Minister M.K. Stalin"."""
    return re.compile(_role_before_name().pattern, re.IGNORECASE)

#: a company supplied with what another makes: "Maruti Suzuki supplies | Toyota with the Glanza"
_SUPPLIED_BEFORE = re.compile(r"\bsuppl(?:y|ies|ied|ying)\s+$")
#: what stands between two models of one list: "the i10, i20 and Bayon", "the Kangoo and the Townstar"
_MODEL_LIST = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)(?:the\s+)?")
#: a relative clause about the place before it: ", which will stop making cars"
_RELATIVE = re.compile(r",\s*(?:which|where production)\s+")
#: a model brought in from elsewhere: "imported models such as the Mustang", "imports of the Tiguan"
_IMPORTED_BEFORE = re.compile(r"\bimport(?:s|ed|ing)?\b(?:(?![.;,]|\bbut\b|\band\b).)*$", re.IGNORECASE)
#: "in a joint venture with Mahindra", "in partnership with CATL"
_ALLY_BEFORE = re.compile(r"\b(?i:joint venture|jv|venture|partnership|alliance|tie-up|agreed|agreement|deal|"
                          r"teamed up|teams up|signed)\s+(?i:with)\s+(?:the\s+)?"
                          + _LIST_UP_TO_LAST +
                          # "with the state-owned Uzavtosanoat", "with Chinese carmaker Leapmotor"
                          r"(?:[a-z]+(?:-[a-z]+)+\s+|[A-Z][a-z]+(?:ese|an|ish|i)\s+|(?:state|local|domestic|"
                          r"government|carmaker|automaker|company|group|firm|partner)\s+){0,3}$")
#: "took over General Motors' business in Vietnam", "bought Ford's plant": the seller builds nothing here
_TAKEN_OVER_BEFORE = re.compile(rf"\b(?:{_BUYS})\s+(?:the\s+)?$", re.IGNORECASE)
#: "General Motors' former factory", "Geely also holds about a third of Renault Korea"
_NOT_PRODUCER_AFTER = re.compile(
    r"(?:['’]s?\s+(?:former|old|disused|defunct|closed)\b"
    # a platform whose name starts with the maker's: "on the same Smart Car platform"
    r"|\s+(?:[A-Z][\w-]*\s+){1,2}(?:platform|architecture)\b"
    r"|\s+(?:also\s+|still\s+|now\s+|already\s+)?(?:holds|owns|held|owned|took|takes|bought|"
    r"acquired|sold|sells|selling)\s+(?:a|an|about|around|roughly|nearly|almost|some|its|the|\d)(?:(?![.;]).){0,40}?"
    r"\b(?:stake|shareholding|share|shares|third|half|quarter|per ?cent|%)(?!\w)"
    # "after Mahindra & Mahindra gave up control"
    r"|\s+(?:gave|gives|give|giving)\s+up\s+(?:control|its\s+stake|ownership)\b"
    # a part it supplies: "a Toyota built in Tianjin with a BYD battery" (not its battery plant)
    r"|\s+(?:battery|batteries|battery\s+cells|battery\s+packs?|cells|chips|semiconductors)(?![\w-])"
    r"(?!\s+(?:plant|plants|factory|factories|gigafactory|joint|venture|maker|unit|arm|business|division))"
    r"(?!['’]))",
    re.IGNORECASE)
#: an owner, or a maker that has gone, in a relative clause: "the former SsangYong that KG Group
#: rescued in 2022", "the Zona Franca site, which Nissan left in 2021"
_OWNER_IN_CLAUSE = (re.compile(r"\b(?:that|which|whom)\s+$"),
                    re.compile(r"\s+(?:rescued|bought|acquired|took\s+over|owns|controls|bailed\s+out|left|quit|"
                               r"exited|abandoned|vacated|closed|shut|sold)\b"))
#: "on Volkswagen's MEB", "using Geely's SEA architecture": the platform's maker builds nothing here
_ON_PLATFORM_BEFORE = re.compile(r"\b(?:on|using|uses|use|based on|underpinned by)\s+(?:the\s+)?$",
                                 re.IGNORECASE)
#: nouns that make a demonym the nationality of a company: "the Korean carmaker"
_COMPANY_NOUN = re.compile(
    r"(?:car|auto|truck|ev|battery|bus|van)?-?(?:maker|makers|manufacturer|manufacturers)(?:['’]s?)?|"
    r"(?:company|group|firm|brand|rival|partner|giant|start-up|startup|supplier|owner|conglomerate|"
    r"government|investor)(?:['’]s?|s)?")
#: a plant described by its place: "the new factory in Jawor", "its plant at Kolin"
_DESCRIBED_PLANT = re.compile(r"\b(?:the|its|their|a|this|that)\s+(?:[\w-]+\s+){0,2}?(?:plant|factory|works|"
                              rf"assembly plant|gigafactory)\s+(?:in|at|near|outside)\s+[{_UP}]", re.IGNORECASE)
#: a place that houses something other than production: "its first showroom in Mumbai",
#: "a design studio in Barcelona", "its headquarters in Wolfsburg"
_NOT_A_WORKS_BEFORE = re.compile(
    r"\b(?:showrooms?|stores?|shops?|dealerships?|offices?|headquarters|hq|studios?|(?:r&d|research|design|"
    r"development|technical|engineering|innovation|training|distribution|logistics|service|sales|test(?:ing)?|"
    r"data)\s+(?:centres?|centers?|hubs?|sites?|facilit(?:y|ies)|campus(?:es)?|tracks?)|"
    # ("a new steel mill in Donaldsonville, which is to supply the group's car plants")
    r"(?:steel\s+|paper\s+|rolling\s+)?mills?|refiner(?:y|ies)|smelters?|mines?|foundr(?:y|ies))\s+(?:in|at|near)\s+(?:the\s+)?$",
    re.IGNORECASE)
#: before a town that shares a maker's name ("in Lincoln"), not before a company ("a stake in Ford")
_TOWN_NOT_MAKER = re.compile(r"(?<!stake )(?<!shares )(?<!invested )(?<!investment )(?<!interest )(?<!invest )"
                             r"\b(?:in|at|near)\s+$")
_TOWN_END = re.compile(r"\s*(?:[,.;]|and\b|or\b|$)"
                       # ("in Lincoln in May 2016": a date may follow the town)
                       r"|\s+(?:in|since|from|until)\s+(?:[A-Z][a-z]+\s+)?\d{4}\b")
#: between a maker and its place: "Hyundai in Montgomery", "Toyota at Georgetown"
_PAIRED = re.compile(r"(?:['’]s?)?(?:\s+(?:[A-Z][\w-]*\s+)?(?:plant|factory|complex|works|site))?\s+(?:in|at)\s+(?:the\s+)?")
#: after a maker's possessive, one of its companies: "Tata Motors' Korean subsidiary"
_UNIT_AFTER = re.compile(r"['’]s?\s+(?:[\w-]+\s+)?(?:subsidiary|unit|affiliate|arm)\b")
#: a place named again, or meant: "its factory in the same town", "built there", "at the site", "a
#: Mazda crossover will follow"
_SAME_PLACE = re.compile(r"\b(?:the\s+same\s+(?:town|city|site|plant|factory|place|area)|there"
                         r"|(?:at|on)\s+the\s+(?:site|plant|factory)|follow|follows|join|joins)\b")
#: before a place: leaving it ("moving away from", "pulls out of"): production there ends
_EXIT_BEFORE = re.compile(r"(?:moving away from|mov(?:e|es|ed|ing) (?:[\w-]+ ){0,4}(?:out of|away from|from)|"
                          r"exit(?:s|ed|ing)?|pull(?:s|ed|ing)? out of|withdr(?:aw|aws|awn|awing|ew) from|"
                          r"leav(?:e|es|ing))\s+(?:the\s+)?$", re.IGNORECASE)
#: before a place: what makes it no production site (a market, an import source, a supplier's seat)
_NOT_SITE_BEFORE = re.compile(r"(?:imports?|imported|importing|exports?|exported|exporting|shipped|sourced|"
                              r"sourcing|sell|sells|sold|selling|sales|markets?|demand|customers|launch(?:ed|es)?|"
                              r"deliveries|registrations|dependence on|reliance on|headquartered|based|"
                              # "a shortage of parts from a supplier in Slovenia": the supplier's place
                              r"suppliers?)\s+"
                              r"(?:\w+\s+){0,2}(?:from|in|to|into)\s+(?:the\s+)?$"
                              # "one of the largest car plants in North America": a comparison
                              r"|\bone\s+of\s+the\s+(?:[\w-]+\s+){0,5}?(?:in|across)\s+(?:the\s+)?$"
                              # "its manufacturing base for Southeast Asia": the market it serves
                              r"|\b(?:base|hub)\s+for\s+(?:the\s+)?$"
                              # "the brand engineers cars in China but builds them where they are sold"
                              r"|\b(?:engineers?|engineered|designs?|designed|develops?|developed)\s+"
                              r"(?:[\w-]+\s+){0,2}in\s+(?:the\s+)?$", re.IGNORECASE)
#: "will arrive fully built from its plant in Madrid": where imports come from, also a known plant
_ARRIVES_FROM = re.compile(r"\b(?:arriv(?:e|es|ed|ing)|imported|shipped|sourced)\s+(?:[\w-]+\s+){0,3}?from\s+"
                           r"(?:(?:its|their|the)\s+(?:(?:[\w-]+\s+)?(?:plant|factory|works)\s+(?:in|at)\s+)?)?$",
                           re.IGNORECASE)
#: a place that vehicles are shipped to: "exports most of the cars to Europe", "sends Hilux pickups
#: from its Prospecton plant in Durban to Europe"
_SHIPPED_TO = re.compile(r"\b(?:exports?|exported|exporting|ships|shipped|shipping|sends?|sent|sending)\b"
                         r"[^.;:]{0,100}?\b(?:to|into)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
#: "imported from China rather than built in India", "is not made in Germany"
_NEGATED_BEFORE = re.compile(r"\b(?:rather than|instead of|not|never)\s+(?:being\s+)?(?:built|made|produced|"
                             r"assembled|manufactured)\s+(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
#: between two places of one list: ", and ", " or ", ", Indiana, and "
_COORDINATED = re.compile(rf"(?:,\s*[{_UP}][\w'’.\- ]{{0,30}})?,?\s+(?:and|or)\s+(?:the\s+)?")
#: a change of owner, whose date is no start of production ("which bought the Gujarat factory from
#: General Motors in 2017, began building the Hector there in 2019")
_CHANGED_HANDS = re.compile(rf"\b(?:{_BUYS}|sold|sells)\b", re.IGNORECASE)
#: "there" as a place ("builds the Puma there"), not "there is", "there were"
_THERE = re.compile(r"\bthere\b(?!\s+(?:is|are|was|were|will|would|has|have|had|may|might|could|should|must|"
                    r"remains?|seems?|appears?)\b)")
#: a maker's name as the make of the vehicles another builds: "assembles Kia and Mazda cars",
#: "builds Chevrolet cars under licence" (a producer only where no other maker is named)
_PRODUCT_AFTER = re.compile(rf"(?:\s*(?:,|and|&)\s+[{_UP}][\w-]*(?:\s+[{_UP}][\w-]*)?)*\s+(?:cars|vehicles|models|"
                            r"trucks|pickups|SUVs|buses|vans|motorcycles|EVs|saloons|sedans|crossovers)\b")
#: the client of a contract manufacturer: "assembles the SUV for Honda", "under contract for Maruti Suzuki"
_CLIENT_BEFORE = re.compile(r"(?:\b(?:builds?|built|building|makes?|made|making|assembles?|assembled|assembling|"
                            r"produces?|produced|producing|manufactures?|manufactured|manufacturing)\b[^.;:]{0,60}?"
                            r"|\bunder contract |\bon behalf of )\bfor\s+(?:the\s+)?" + _LIST_UP_TO_LAST + "$")
#: a sentence that names a client: "will build electric vans for the Flexis joint venture"
_CLIENT_IN = re.compile(r"\b(?:build|builds|building|make|makes|making|assemble|assembles|assembling|produce|produces|"
                        r"producing)\b[^.;:]{0,60}?\bfor\b")
#: between a maker's possessive and its model: "NIO's ES8", "Mazda's new BT-50"
_OWN_MODEL_BETWEEN = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}")
#: the name of a maker the reference data may not know: "Ebro EV Motors", "Hindustan Motors"
_MAKER_NAME = re.compile(rf"\b((?:[{_UP}][\w&.’'-]*\s+){{1,3}}(?:Motors|Motor\s+Company|Motor\s+Corporation|"
                         r"Automobiles|Trucks|Motorcycles|Motor\s+Works))\b(?!\s+[A-Z0-9])")
#: what an article calls the maker it is about, before a role: "the carmaker's chief executive"
_SELF_NOUN = r"company|carmaker|automaker|car maker|maker|group|firm|manufacturer|start-up|startup"
#: the name of a supplier the reference data may not know: "Kojima Industries", "NextStar Energy"
_SUPPLIER_NAME = re.compile(rf"\b((?:[{_UP}][\w&’'-]*\s+){{1,3}}(?:Industries|Energy|Steel|Materials|Chemicals?|"
                            r"Batteries|Battery|Electronics|Components|Metals|Plastics|Tyres|Tires|Aluminium|Aluminum|"
                            r"Lithium|Mining|Minerals))\b(?!\s+[A-Z0-9])")
#: before a country or region that is a market: "for buyers in the United States", "for sale in Japan"
_MARKET_NOUNS = r"(?:buyers|customers|drivers|motorists|consumers|dealers|fleets|sale|export)"
_MARKET_BEFORE = re.compile(rf"\b(?:for|to)\s+(?:[\w-]+\s+)?{_MARKET_NOUNS}\s+(?:in|to|across)\s+(?:the\s+)?$",
                            re.IGNORECASE)
#: whether a text may name a market that way at all (most do not: no search before every place)
_MARKET_WORD = re.compile(rf"\b{_MARKET_NOUNS}\b", re.IGNORECASE)
#: the uses of "electric" and "EV" that are no cue of electrification: a kind of company ("the
#: Vietnamese EV maker"), one drive among others ("electric and combustion versions", "petrol,
#: hybrid and electric"), what cells are for ("cells for electric vehicles")
_DRIVES = r"(?:petrol|diesel|combustion|hybrid|plug-in hybrid|plug-in|ice|gasoline|mild-hybrid|full-hybrid)"
_NOT_ELECTRIFICATION = re.compile(
    r"\b(?:ev|electric[- ]vehicle|electric[- ]car|electric[- ]bus|electric)\s+(?:maker|manufacturer|start-?up|"
    r"specialist|company|pioneer|rival|upstart|newcomer|joint venture|venture)s?\b"
    r"|\b(?:maker|makers|manufacturer|producer|builder)s?\s+of\s+(?:[\w-]+\s+)?(?:electric|evs?)\b"
    r"|\bto\s+supply\s+(?:[\w’'-]+\s+){0,3}?(?:electric|evs?)\b"
    rf"|\b(?:battery[- ])?(?:electric|ev)(?:-only)?(?:\s*,\s*(?:[\w-]+\s+){{0,2}}?|\s+(?:and|or)\s+(?:[\w-]+\s+)?){_DRIVES}\b"
    rf"|\b{_DRIVES}(?:-engined|-powered)?(?:\s*,\s*(?:[\w-]+\s*,\s*)?(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
    r"(?:fully\s+|all-|battery[- ])?electric\b"
    r"|\b(?:cells?|batter(?:y|ies)|packs?)\s+for\s+(?:[\w-]+\s+){0,4}?(?:electric|evs?)\b")
#: a sum of money or an adjective of origin, which take a model's place ("the RM790m factory",
#: "the Geely-based SUV") but name none
_NOT_A_MODEL = re.compile(r"(?:RM|Rs\.?|US\$|[$€£¥])\d[\d.,]*(?:m|bn|k|tn|mn|crore)?|R\d[\d.,]*(?:m|bn|tn|mn)"
                          r"|[\w-]+-(?:based|owned|built|made|powered|engined|backed|led|style)|[A-Z][a-z]+(?:ish|ese)",
                          re.IGNORECASE)
#: a kind of vehicle between a place and a production noun ("its Ontario car plant")
_VEHICLE_KINDS = frozenset(("car", "cars", "truck", "van", "bus", "vehicle", "motorcycle", "scooter", "pickup", "suv"))
#: what makes a maker's plans in another country a move abroad, not one more plant among many:
#: "its first European plant", "its first factory outside China", "overseas"
_ABROAD = re.compile(r"\b(?:first|overseas|abroad|outside|foreign|international|global|expan(?:d|ds|sion))\b",
                     re.IGNORECASE)
#: a plant that opens: "opens its first North American plant", "inaugurated the factory"
_OPENS = re.compile(r"\b(?:opens?|opened|opening|inaugurat\w*)\b", re.IGNORECASE)
#: the agent of a passive production verb, before its name: "is built by", "are assembled by"
_BY_AGENT = re.compile(r"\b(?:built|made|assembled|produced|manufactured)\s+by\s+(?:the\s+)?$")
#: words that open a sentence before a name: "When Hindustan Motors stopped ..."
_OPENERS = frozenset(("when", "both", "their", "once", "whether", "although", "though", "unlike", "like", "as"))
#: a plant spoken of without its place: "The plant makes the Vito", "its home plant", "the same lines"
_PLANT_BACK = re.compile(r"\b(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:plant|factory|works|lines?|facility)\b"
                         r"(?!\s+(?:in|at|near|outside)\b)", re.IGNORECASE)
#: "the Slovak capital" (not "capital markets", "capital spending", ...)
_CAPITAL = re.compile(r"\s+capital\b(?!\s+(?:market|spending|expenditure|investment|goods|gains?|ratio|"
                      r"increase|injection|raising|allocation|budget|costs?|outlays?)s?\b)")
#: "in the Slovak capital", "in the Mexican state"
_PLACE_NOUNS = frozenset({"capital", "city", "town", "region", "province", "state", "port", "village"})
#: titles of public office, which do not tie a person to the article's manufacturer
#: after a person's name: the clause that says they took a post ("who became chief executive",
#: ", an industry veteran, took over as chief executive", "after he became chief executive")
_BECAME_ROLE = (r"(?:(?:,\s+who\s+|,\s+(?:an?|the)\s+[^,.]{1,60},\s+|\s+(?:after|when|since)\s+(?:he|she)\s+)"
                r"(?:(?:later|then|previously|had|has)\s+)?(?:became|was|took over as|was named|was appointed|"
                r"been)\s+(?:the\s+)?(?:(?:company|carmaker|group)['’]s\s+)?"
                # ("who succeeded Makoto Uchida as chief executive")
                r"|\s+as\s+(?:the\s+|its\s+)?)")
#: after a person's name: the start of the company they work for ("Akio Toyoda, Toyota's president",
#: "Lyle Watters, who runs Ford's operations", "an engineer who previously led Honda's research");
#: group 1 is the verb that says so without a possessive ("who runs GM International")
#: a person's charge: "who runs", "who previously led"
_RUNS_VERB = (r"(?:(?:previously|formerly|now|also|currently)\s+)?(runs|heads|leads|led|ran|headed|chairs|chaired|"
              r"oversees|oversaw|manages|managed)\s+")
_OWNER_AFTER = re.compile(rf",\s+(?:the\s+)?(?:then\s+)?(?:(?:an?\s+[\w\s-]{{1,40}}?\s+)?who\s+{_RUNS_VERB})?")
_RUNS = rf",\s+who\s+{_RUNS_VERB}"
#: "Luciano Biondo, who runs ElectriCity for Renault": the company after "for" or "at"
_RUNS_FOR = re.compile(_RUNS + r"[^,.;]{1,50}?\s(?:for|at)\s+(?:the\s+)?")
#: "Harald Gottsche, who heads the San Luis Potosí plant": the plant's operator
_RUNS_PLANT = re.compile(_RUNS + r"(?:the|its)\s+")
#: "Ernie Kim, who heads the plant", "who leads the X3 project at the plant": the plant's operator
_RUNS_BARE_PLANT = re.compile(_RUNS + r"(?:[^,.;]{0,40}?\s(?:at|of|in)\s+)?the\s+(?:plant|factory|works)\b(?!\s+council)")
#: "Samir Cherfan, who runs the group's Middle East region": the company the article is about
_RUNS_OWN = re.compile(_RUNS + rf"(?:the|its)\s+(?:{_SELF_NOUN})['’]s\s")
_PUBLIC_OFFICES = frozenset({"president", "prime minister", "chief minister", "premier", "minister", "chancellor",
                             "governor", "mayor", "secretary"})
#: "Rwanda's first car plant": a place's own plant
_PLACE_OWNS_PLANT = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,3}?(?:plant|factory|car plant|assembly plant|facility|works|gigafactory)\b")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


# ---------------------------------------------------------------------------------------------
# Lexicons


@cache
def _status_cues() -> tuple[tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], Status, str], ...]], ...]:
    """The status cues, grouped by status (the file lists the strongest first), each group with one
    pattern matching any of its cues: most sentences have no cue of most statuses."""
    path = home() / "data" / "lexicon" / "status.csv"
    numbered = [(number, line) for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if line and not line.startswith("#")]
    cues: dict[Status, list[str]] = {}
    for (number, _), row in zip(numbered, csv.reader([line for _, line in numbered])):
        if number == numbered[0][0]:
            continue  # the header
        try:
            if len(row) != 2:
                raise ValueError(f"expected a cue and a status, found {len(row)} cells "
                                 "(quote a cue that contains a comma)")
            status = Status(row[1])
            re.compile(row[0])
        except (ValueError, re.error) as error:
            raise InputError(str(error), path=path, line=number) from None
        cues.setdefault(status, []).append(row[0])
    return tuple(
        (re.compile(r"\b(?:" + "|".join(f"(?:{c})" for c in group) + r")\b"),
         tuple((re.compile(rf"\b(?:{c})\b"), status, _leading_literal(c)) for c in group))
        # (strongest first, whatever the file's order: a tie in distance goes to the stronger cue)
        for status, group in sorted(cues.items(), key=lambda item: -_STRENGTH[item[0]]))


_REGEX_SYNTAX = re.compile(r"[\\()\[\]{}?*+|.^$]")


def _leading_literal(cue: str) -> str:
    """The plain text every match of a cue pattern starts with ("" if none is sure): a sentence
    without it needs no search for that cue."""
    if "|" in re.sub(r"\((?:[^()]|\([^()]*\))*\)", "", cue):
        return ""  # an alternative at the top level
    found = _REGEX_SYNTAX.search(cue)
    if found is None:
        return cue
    literal = cue[:found.start()]
    if cue[found.start()] in "?*{":
        literal = literal[:-1]  # the quantifier makes the last character optional
    return literal


def _parent_or_child(a: Entity, b: Entity) -> bool:
    """The same company, or one the direct parent of the other."""
    return a == b or (a.type.is_company and b.type.is_company
                      and (a.parent == b.key or b.parent == a.key))


#: which status a cue of two gives way to: "will stop" ends, "plans ... dropped" cancels
_STRENGTH = {Status.ACTIVE: 0, Status.PLANNED: 1, Status.ENDED: 2, Status.CANCELLED: 3}


def _clause_bounds(lowered: str, position: int) -> tuple[int, int]:
    """Where the clause around ``position`` of a sentence begins and ends (see ``_CLAUSE``)."""
    low, high = 0, len(lowered)
    for match in _CLAUSE.finditer(lowered):
        if match.end() <= position:
            low = match.end()
        elif match.start() >= position:
            high = match.start()
            break
    return low, high


@lru_cache(maxsize=1024)
def _status_matches(lowered: str) -> tuple[tuple[int, int, Status], ...]:
    """Where a sentence (lower-cased) has status cues, in cue order (cached: asked per fact)."""
    return tuple((m.start(), m.end(), status) for any_cue, group in _status_cues() if any_cue.search(lowered)
                 for pattern, status, literal in group if literal in lowered for m in pattern.finditer(lowered))


@cache
def _pattern(name: str) -> re.Pattern[str]:
    """One regular expression matching any entry of a lexicon (entries may be patterns)."""
    return re.compile(r"\b(?:" + "|".join(sorted(lexicon(name), key=len, reverse=True)) + r")\b")


@cache
def _non_vehicle_plant() -> re.Pattern[str]:
    """"battery cell plant", "recycling factory": a plant that makes no vehicles, in lower case."""
    return re.compile(rf"\b(?:{_pattern('non-vehicle-plant-words').pattern})\s+(?:[\w-]+\s+)?"
                      r"(?:plant|factory|gigafactory)|\b(?:refiner(?:y|ies)|smelters?|steel\s+mills?)\b")


@cache
def _strategy_cues() -> tuple[tuple[re.Pattern[str], str], ...]:
    from rdflib import Graph
    from rdflib.namespace import SKOS

    graph = Graph().parse(strategies_file())
    cues: dict[str, list[str]] = {}
    for concept, notation in graph.subject_objects(SKOS.notation):
        for label in graph.objects(concept, SKOS.hiddenLabel):
            text = str(label).lower()
            body = re.escape(text.rstrip("*")).replace(r"\ ", r"[\s-]+")
            tail = r"\w*" if text.endswith("*") else r"\b"
            cues.setdefault(str(notation), []).append(rf"{body}{tail}")
    # one pattern per strategy: a sentence is searched once per strategy, not once per cue
    return tuple((re.compile(r"\b(?:" + "|".join(sorted(bodies)) + ")"), code)
                 for code, bodies in sorted(cues.items()))


@cache
def _any_strategy_cue() -> re.Pattern[str]:
    """Whether a sentence has a cue of any strategy: most have none, and need no further search."""
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _strategy_cues()))


# ---------------------------------------------------------------------------------------------
# Text helpers


_SPACES = str.maketrans({c: " " for c in "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"})


def _fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold text like :func:`reference.fold` does, keeping each folded character's source index."""
    out: list[str] = []
    offsets: list[int] = []
    position = 0
    for match in _NON_ASCII.finditer(text):  # ASCII runs fold one character for one
        start = match.start()
        out.append(text[position:start].translate(_SPACES).lower())
        offsets.extend(range(position, start))
        char = match.group()
        if char.isspace():
            piece = " "
        else:
            decomposed = unicodedata.normalize("NFKD", char.replace("’", "'"))
            piece = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        out.append(piece)
        offsets.extend([start] * len(piece))
        position = start + 1
    out.append(text[position:].translate(_SPACES).lower())
    offsets.extend(range(position, len(text)))
    return "".join(out), offsets


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


#: Between a site and the place it is described by: "Vsevolozhsk, near St Petersburg", "its São
#: Bernardo do Campo plant near São Paulo".
_NEAR_BEFORE = re.compile(r"(?:\s+(?:car\s+|assembly\s+)?(?:plant|factory|works|site))?,?\s+"
                          r"(?:near|outside|close\s+to|not\s+far\s+from)\s+(?:the\s+city\s+of\s+)?")
#: between a town and the wider area it is in: "at El Palomar, in Greater Buenos Aires"
_IN_AREA_BEFORE = re.compile(r",\s+in\s+(?:the\s+)?(?:greater\s+|metropolitan\s+)?", re.IGNORECASE)
#: ... unless the area is a list's next item: "in Toluca, in Saltillo and in Hermosillo"
_LIST_GOES_ON = re.compile(r",?\s+(?:and|or)\s+(?:in|at)\b|,\s+in\b")
#: right after a place: what sells there ("in Europe the Passat sells mainly as an estate")
_SOLD_AFTER = re.compile(r"\s+(?:the\s+|its\s+)?(?:(?!(?:and|or|to|will|would)\b)[\w-]+\s+){0,3}?"
                         r"(?:sells|is\s+sold|are\s+sold)\b")
#: What a plant that makes no vehicles is for: "to supply packs for", "to produce cells for".
_SUPPLY_PURPOSE = re.compile(r"\bto\s+(?:supply|make|produce|provide)\s+(?:[\w-]+\s+){0,3}?"
                             r"(?:battery\s+)?(?:packs|cells|batteries|engines|components|parts)\s+(?:for|to)\b"
                             # "a steel mill ... to supply the group's American car plants"
                             r"|\bto\s+supply\s+(?:[\w’'-]+\s+){0,4}?(?:car\s+|assembly\s+|vehicle\s+)?"
                             r"(?:plants|factories)\b"
                             # "started producing cells in Commerce, Georgia, for the Ford F-150 Lightning"
                             # "built its last engine in September 2020"
                             r"|\b(?:produc(?:e|es|ed|ing)|mak(?:e|es|ing)|made|manufactur(?:e|es|ed|ing)|"
                             r"assembl(?:e|es|ed|ing)|buil(?:d|ds|ding|t))\s+(?:(?:its|the|their)\s+)?"
                             r"(?:(?:last|first|final)\s+)?(?:battery\s+)?"
                             r"(?:cells?|batteries|battery\s+packs?|engines?)\b(?![\s-]+(?:electric|powered))",
                             re.IGNORECASE)
#: Where a new clause starts: ", which", ", where", ";", ", and" before a verb's subject.
_CLAUSE_BREAK = re.compile(r",\s+(?:which|where|while|and|but)\b|;")
#: Model-family prefixes written with a full stop, which does not end the sentence.
_MODEL_PREFIXES = frozenset({"ID."})


def sentences(text: str) -> Iterator[Span]:
    """Sentence spans of a text whose paragraphs are separated by blank lines.

    >>> t = "Polestar starts US production\\n\\nIt has begun. Output rises in the U.S. this year."
    >>> [t[s.start:s.end] for s in sentences(t)]
    ['Polestar starts US production', 'It has begun.', 'Output rises in the U.S. this year.']
    """
    abbreviations = lexicon("abbreviations")
    offset = 0
    for paragraph in text.split("\n\n"):
        start = 0
        for match in _SENTENCE_BREAK.finditer(paragraph):
            before = paragraph[start : match.start()].split()
            if before and before[-1] in abbreviations and not before[-1].isupper():
                continue
            if before and before[-1] in abbreviations and before[-1].endswith("S."):
                continue
            if before and before[-1] in _MODEL_PREFIXES:
                continue  # "builds the ID. UNYX in Hefei"
            yield Span(offset + start, offset + match.start())
            start = match.end()
        if paragraph[start:].strip():
            end = len(paragraph.rstrip())
            yield Span(offset + start, offset + end)
        offset += len(paragraph) + 2


def _person_candidates(text: str, stop: frozenset[str]) -> Iterator[re.Match[str]]:
    """Runs of capitalised words that may be a person's name; a title starts the search again at
    the next word ("Prime Minister Narendra Modi"); a run that starts with another word that is no
    name is left out ("At Gläserne Manufaktur")."""
    titles = _title_words()
    position = 0
    while True:
        match = _PERSON.search(text, position)
        if match is None:
            return
        words = list(re.finditer(r"\S+", match.group(0)))
        # (also a title inside the run: "Dammam Commerce and Industry Minister | Tawfiq Al-Rabiah",
        # "Tamil Nadu Chief | Minister M.K. Stalin")
        titled = [w for w in words[:-1] if w.group(0) in titles]
        if titled:
            position = match.start() + titled[-1].end()
            continue
        yield match
        position = match.end()


@cache
def _title_words() -> frozenset[str]:
    """Capitalised words of the job titles in the roles lexicon, and forms of address."""
    words = {word.capitalize() for role in lexicon("roles") for word in role.split()}
    return frozenset(words | {"Mr", "Mrs", "Ms", "Dr", "Prof", "Sir", "Dame", "King", "Queen", "Premier"})


def _opens_sentence(text: str, index: int) -> bool:
    """Whether the word at ``index`` starts the text, a paragraph, or a sentence."""
    before = text[:index].rstrip(" ")
    return not before or before.endswith("\n") or re.search(r"[.!?:]['’\"”]?$", before) is not None


def _words_before(text: str, index: int, count: int) -> list[str]:
    return _WORD.findall(text[max(0, index - 60) : index])[-count:]


def _word_after(text: str, index: int) -> str:
    found = _WORD.match(text[index:].lstrip())
    return found.group(0) if found else ""


# ---------------------------------------------------------------------------------------------
# Found things


@dataclass
class _Found:
    entity: Entity
    start: int
    end: int
    demonym: bool = False
    #: the organisation only describes a plant ("the Volvo plant"): not a producer by itself
    plant_descriptor: bool = False
    former: bool = False
    #: an owner of the joint venture the sentence names ("Tofaş, a joint venture of Koç Holding
    #: and Fiat Chrysler"): it makes nothing there, but partners in it
    partner: bool = False
    #: the company another works with ("at first in a joint venture with Mahindra"): a producer
    #: only where the sentence names no other maker
    ally: bool = False
    #: the town a described plant is in, when the linker found it outside the reference data
    town: Entity | None = None
    #: the place of a supplier's or a battery plant: never a vehicle production site
    not_site: bool = False
    #: the company the name stands for as a maker: "Tata Motors' Korean subsidiary" (Tata Daewoo)
    stands_for: Entity | None = None
    #: a customer of the plant the sentence is about: it builds nothing there, but what the
    #: sentence says of strategy is its own
    customer: bool = False


@dataclass
class _Sentence:
    span: Span
    text: str
    found: list[_Found] = field(default_factory=list)
    #: the makers it names and the one that builds the others' models (see
    #: :meth:`Extractor._sentence_makers`), once worked out
    makers: tuple[list[_Found], Entity | None] | None = None

    @cached_property
    def relocation(self) -> re.Match[str] | None:
        """Where the sentence moves production from one place to another, if it does."""
        return _RELOCATION.search(self.text)


#: the gazetteer of each set of reference data (one per process in practice): built once, since
#: it holds every name and model spelling
_GAZETTEERS: dict[int, tuple[Reference, ahocorasick.Automaton, set[str]]] = {}


def _gazetteer_index(reference: Reference) -> tuple[ahocorasick.Automaton, set[str]]:
    """The automaton over every folded name and model spelling, and the folded model names that
    are no other name (found only as spelt, and only where the article names the model's maker)."""
    cached = _GAZETTEERS.get(id(reference))
    if cached is not None and cached[0] is reference:
        return cached[1], cached[2]
    automaton = ahocorasick.Automaton()
    spellings: dict[str, set[str]] = {}
    for entity in reference:
        if entity.type is EntityType.MODEL:
            continue  # below
        for name in (entity.label, *entity.aliases):
            spellings.setdefault(fold(name), set()).add(name)
    for name in reference.demonyms:
        spellings.setdefault(name, set())
    model_only: set[str] = set()
    for key, model_spellings in reference.model_spellings.items():
        if key not in spellings:
            model_only.add(key)
        spellings.setdefault(key, set()).update(model_spellings)
    for key, names in spellings.items():
        if len(key) >= 2:
            automaton.add_word(key, (key, frozenset(names)))
    automaton.make_automaton()
    _GAZETTEERS[id(reference)] = (reference, automaton, model_only)
    return automaton, model_only


class Extractor:
    """Finds mentions and facts in articles, against one set of reference data."""

    def __init__(self, reference: Reference):
        self.reference = reference
        self.linker = Linker(reference)
        self._automaton, self._model_only = _gazetteer_index(reference)

    def warm(self) -> None:
        """Read now the tables and lexicons extraction otherwise reads at first use, so that
        worker processes forked afterwards share them instead of each reading its own."""
        _status_cues(), _strategy_cues(), _any_strategy_cue(), _title_words(), _non_vehicle_plant()
        for path in (home() / "data" / "lexicon").glob("*.txt"):
            lexicon(path.stem)
        for name in ("coreference", "non-vehicle-plant-words", "plant-nouns", "production-triggers", "roles"):
            _pattern(name)
        city_subdivisions(), capitals(), geonames_towns()

    # -- the gazetteer -----------------------------------------------------------------------

    def _gazetteer(self, text: str) -> list[tuple[int, int, str]]:
        folded, offsets = _fold_with_offsets(text)
        hits: list[tuple[int, int, str]] = []
        for end, (key, spellings) in self._automaton.iter(folded):
            start = end - len(key) + 1
            if start > 0 and (folded[start - 1].isalnum() or folded[start - 1] in "-"):
                continue
            if end + 1 < len(folded) and (folded[end + 1].isalnum() or (
                    folded[end + 1] == "-" and end + 2 < len(folded) and folded[end + 2].isalnum())):
                continue
            a, b = offsets[start], offsets[end] + 1
            surface = text[a:b]
            exact = any(s == surface for s in spellings)
            if key in self._model_only and not exact:
                continue
            short_or_acronym = any(len(s) <= 3 or s.isupper() for s in spellings)
            if short_or_acronym and not exact:
                continue
            if not spellings and not surface[0].isupper():  # demonyms are capitalised
                continue
            if spellings and not exact and not surface[0].isupper() and not surface[0].isdigit():
                continue
            # a name spelt in lower case ("smart") after an indefinite article is the common word
            if surface.islower() and re.search(r"\b(?:a|an)\s+$", text[max(0, a - 4):a], re.IGNORECASE):
                continue
            # ... and so is one before a word in lower case ("smart homes", "smart manufacturing"; the
            # marque's models are names of their own: "smart fortwo")
            if surface.islower() and key not in self._model_only and surface.isalpha() and (
                    following := re.match(r" ([a-z]+)\b", text[b:b + 30])) is not None \
                    and following.group(1) not in lexicon("auxiliaries") and following.group(1) not in lexicon(
                        "function-words"):
                continue  # (but "the new smart is made in Xi’an": the car)
            hits.append((a, b, key))
        hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
        taken: list[tuple[int, int, str]] = []
        for hit in hits:
            if all(hit[1] <= t[0] or hit[0] >= t[1] for t in taken):
                taken.append(hit)
        return sorted(taken)

    # -- the article -------------------------------------------------------------------------

    def extract(self, article: Article) -> Extraction:
        text = article.content
        hits = self._gazetteer(text)
        # (a market, "for buyers in the United States", says nothing of where the towns named are)
        hits_of_places = [h for h in hits if not _MARKET_BEFORE.search(text, max(0, h[0] - 40), h[0])] \
            if _MARKET_WORD.search(text) else hits
        countries = self._context_countries(hits_of_places)
        makers, unit_brands = self._context_makers(hits)
        found: list[_Found] = []
        for a, b, key in hits:
            if key in self.reference.demonyms and key not in self.reference.names:
                found.append(_Found(self.reference.demonyms[key], a, b, demonym=True))
                continue
            entity = self.linker.resolve(text[a:b], countries=countries, makers=makers)
            if entity is not None and entity.type is EntityType.LOCALITY and not any(
                    makers & self.linker.family(p.operator)
                    for p in self.reference.plants_by_locality.get(fold(entity.label), [])):
                # "Vitória, Brazil": a plant's town in a country the article does not name
                # otherwise, where no maker it names has a plant, is the town of that name in a
                # country it names
                others = self._context_countries([h for h in hits_of_places if h[2] != key])
                if others and entity.country not in others:
                    entity = self._town_of(text[a:b], others) or entity
            if entity is not None and entity.type is EntityType.PLANT:
                # "Ford closed its São Bernardo do Campo plant": a plant named only by its town and
                # run by none of the companies the article names is another's plant in that town
                town = self._town_of_plant_name(text[a:b], entity, makers)
                if town is not None:
                    found.append(_Found(town, a, a + len(town.label)))
                    continue
            if entity is not None and entity.type in (EntityType.BRAND, EntityType.MANUFACTURER) and \
                    _TOWN_NOT_MAKER.search(text, max(0, a - 40), a) and _TOWN_END.match(text, b):
                # "Honda in Lincoln": a maker's name after "in" and before a pause is a town, where
                # the article's countries have one of that name
                entity = self._town_of(text[a:b], countries) or entity
            if entity is not None and entity.type is EntityType.SUBDIVISION and entity.key in city_subdivisions():
                # "in Busan", "in Tianjin": a city that is also a first-level subdivision is the city
                entity = self.linker.locality(text[a:b], country=entity.country) or entity
            elif entity is not None and entity.type is EntityType.SUBDIVISION and not _SUBDIVISION_NOUN.match(text, b):
                # "build cars in Bursa": a province named after a city of half a million or more is
                # the city, unless the text says province or state ("in Kocaeli province"); named,
                # not known by it as another name ("Pernambuco" for Recife)
                city = max((t for t in geonames_towns().get(fold(text[a:b]))
                            if t.country == entity.country and t.population >= 500_000
                            and fold(t.name) == fold(text[a:b])),
                           key=lambda t: t.population, default=None)
                if city is not None:
                    entity = self.linker.locality(city.name, country=city.country) or entity
            if entity is None:
                entity = self._bare_model(text, a, b, key, makers, unit_brands)
            if entity is None:
                continue
            found.append(_Found(entity, a, b))
        found = self._add_subsidiaries(text, found)
        found = self._shared_marques(found)
        found = self._add_named_makers(text, found)
        found = self._add_models(text, found)
        found = self._add_localities(text, found)
        found = self._add_capitals(text, found)
        found = self._add_country_anaphora(text, found)
        found = self._add_towns(text, found, countries)
        # "Fort Wayne, Indiana" is not also Wayne, Michigan: a town inside a longer town's name goes
        towns = [f for f in found if f.entity.type is EntityType.LOCALITY]
        found = [f for f in found if f.entity.type is not EntityType.LOCALITY or not any(
            t.start <= f.start and f.end <= t.end and t.end - t.start > f.end - f.start for t in towns)]
        found = self._add_town_anaphora(text, found)
        found = self._add_model_anaphora(text, found)
        found = self._add_plants(text, found, makers)
        found = self._short_names(text, found)
        found = self._possessed_units(text, found)
        found = self._surnames(text, found)
        self._mark_roles(text, found)
        spans = list(sentences(text))
        people, affiliations = self._people(article, text, found, spans)
        found.extend(people)
        found.sort(key=lambda f: f.start)

        sents = [_Sentence(s, text[s.start : s.end],
                           [f for f in found if s.start <= f.start < s.end]) for s in spans]
        production = self._production(article, text, sents)
        strategies = self._strategies(article, text, sents, production)

        mentions = tuple(Mention(f.entity, Span(f.start, f.end), text[f.start:f.end]) for f in found)
        return Extraction(
            article=article,
            mentions=mentions,
            production=production,
            strategies=strategies,
            affiliations=tuple(affiliations),
            entities=closure(self.linker, [f.entity for f in found]
                             + [p.site for p in production]
                             + [e for p in production for e in (p.manufacturer, p.model) if e]
                             + [s.actor for s in strategies if s.actor]
                             + [e for s in strategies for e in s.places]
                             + [x for a in affiliations for x in (a.person, a.organisation)]
                             + ([self.linker.person(article.author)] if article.author else [])
                             + self._localities_of(found)),
        )

    def _localities_of(self, found: Iterable[_Found]) -> list[Entity]:
        return [f.town for f in found if f.town is not None]

    def _context_makers(self, hits: list[tuple[int, int, str]]) -> tuple[set[str], set[str]]:
        """The companies an article names, with the companies behind the brands it names, also
        inside a model's full name ("Toyota Corolla"; a bare "Corolla" names no maker); and the
        brands whose models a company with no brands of its own builds, where its name opens
        with the brand's: "Ford Motor Company of Southern Africa builds the Ranger" (Ford's)."""
        keys: set[str] = set()
        brands: set[str] = set()
        for _, _, key in hits:
            named = list(self.reference.names.get(key, []))
            named.extend(m for m in self.reference.models.get(key, ()) if key.startswith(
                fold(self.reference.brand_label(m)) + " "))
            for entity in named:
                company = self.linker.company(entity)
                if company is None:
                    continue
                keys.add(company.key)
                if entity.type in COMPANY_TYPES and not self.reference.brands_of(company.key):
                    name = fold(company.label)
                    brands.update(brand.key for owner in self.linker.family(company.key)
                                  for brand in self.reference.brands_of(owner)
                                  if name.startswith(fold(brand.label) + " "))
        return keys, brands

    def _national_parent(self, unit: Entity) -> Entity | None:
        """The parent of a company in another country than its own ("Ford Australia" -> Ford Motor
        Company), if the company is such a national unit."""
        if unit.type not in COMPANY_TYPES or not unit.parent or not unit.country:
            return None
        parent = self.reference.org(unit.parent)
        return parent if parent is not None and parent.country != unit.country else None

    def _context_countries(self, hits: list[tuple[int, int, str]]) -> set[str]:
        codes: set[str] = set()
        for _, _, key in hits:
            demonym = self.reference.demonyms.get(key)
            if demonym is not None and demonym.type is EntityType.COUNTRY:
                codes.add(demonym.key)  # "its first Indonesian plant in Subang": Subang, Indonesia
            for entity in self.reference.names.get(key, []):
                if entity.type is EntityType.COUNTRY:
                    codes.add(entity.key)
                elif entity.type in (EntityType.SUBDIVISION, EntityType.LOCALITY, EntityType.PLANT) and \
                        len(self.reference.names[key]) == 1:
                    codes.add(entity.country or "")
                elif self._national_parent(entity) is not None:
                    codes.add(entity.country or "")  # "Ford Australia ... leaves Broadmeadows": a national company's country
        return codes

    # -- models ------------------------------------------------------------------------------

    def _add_models(self, text: str, found: list[_Found]) -> list[_Found]:
        stop = lexicon("model-stopwords")
        result: list[_Found] = []
        taken_until = -1
        for item in found:
            if item.start < taken_until:
                continue
            entity = item.entity
            maker = self.linker.brand_for(entity) if (entity.type is EntityType.BRAND or entity.type in COMPANY_TYPES) else None
            if maker is not None and not item.demonym:
                model_end, name = self._model_after(text, item.end, stop, maker)
                if name:
                    model = self.linker.model(name, entity)
                    result.append(_Found(model, item.start, model_end))
                    taken_until = model_end
                    continue
            result.append(item)
        # Bare model codes ("the ID.3 and ID.4", "the T03") and names before a vehicle noun ("the
        # Taycan sedan", "starts Taycan production") belong to the brand named before them.
        covered = [(f.start, f.end) for f in result]
        for match in [*_STANDALONE_MODEL.finditer(text), *_NAMED_MODEL.finditer(text), *_PAIRED_MODEL.finditer(text)]:
            group = "model" if match.groupdict().get("model") else "model2"
            a, b = match.span(group)
            if any(a < e and b > s for s, e in covered):
                continue
            maker = self._maker_before(result, a)
            name = match.group(group)
            if maker is None or name in stop or name.split()[0] in stop or self.reference.name_kind(name):
                continue
            if self.reference.name_kind(name.split()[0]) == "maker":
                continue  # "the Maserati Levante SUV": another brand's model, not the maker's before it
            # (a model code such as "Model Y" may start with a word that is no name on its own)
            if match.re is not _STANDALONE_MODEL and name.split()[0] in lexicon("name-stopwords"):
                continue
            if name.lower().split()[0] in lexicon("function-words") or _NOT_A_MODEL.fullmatch(name) \
                    or fold(name) in self.reference.demonyms:
                continue  # (nor an adjective of a place: "the Flemish bus maker")
            result.append(_Found(self.linker.model(name, maker), a, b))
            covered.append((a, b))
        # "Hyundai builds the Santa Cruz": after "the", a place's name that is a model of the maker
        # named just before is that model, not the Argentine province
        for item in [f for f in result if f.entity.type.is_place and not f.demonym]:
            if not re.search(r"\bthe\s+$", text[max(0, item.start - 5):item.start], re.IGNORECASE):
                continue
            before = self._maker_before([f for f in result if item.start - f.end <= 60], item.start)
            its_brand = self.linker.brand_for(before) if before is not None else None
            its_model = (self.reference.model_named(text[item.start:item.end], its_brand)
                         if its_brand is not None else None)
            if its_model is not None:
                result = [f for f in result if f is not item] + [_Found(its_model, item.start, item.end)]
                covered.append((item.start, item.end))
        # "the Suzuki Vitara and S-Cross": a name listed right after a model is the same brand's
        for item in sorted((f for f in result if f.entity.type is EntityType.MODEL), key=lambda f: f.start):
            listed = _LISTED_MODEL.match(text, item.end)
            brand = self.reference.get(EntityType.BRAND, item.entity.parent or "")
            if listed is None or brand is None:
                continue
            a, b = listed.span("model")
            name = listed.group("model")
            # ("the Tucson, Santa Fe, Sonata and Elantra": the brand's model, not the Argentine province)
            place = next((f for f in result if f.start == a and f.end == b and f.entity.type.is_place), None)
            known = self.reference.model_named(name, brand) if place is not None else None
            if place is not None and known is not None:
                result = [f for f in result if f is not place]
                result.append(_Found(known, a, b))
                covered.append((a, b))
                continue
            if any(a < e and b > s for s, e in covered) or name in stop or name.split()[0] in stop \
                    or name.split()[0] in lexicon("name-stopwords") or self.reference.name_kind(name) \
                    or self.reference.name_kind(name.split()[0]):
                continue
            result.append(_Found(self.linker.model(name, brand), a, b))
            covered.append((a, b))
        result.sort(key=lambda f: f.start)
        return self._brand_and_model(text, result)

    def _brand_and_model(self, text: str, found: list[_Found]) -> list[_Found]:
        """A brand's name right before a known model of a brand of that name is part of the
        model's name ("the Volvo FH Electric" of Volvo Trucks is not a Volvo car): one mention."""
        result: list[_Found] = []
        for item in found:
            last = result[-1] if result else None
            if (last is not None and item.entity.type is EntityType.MODEL and last.entity.type is EntityType.BRAND
                    and text[last.end:item.start] == " " and item.entity.parent != last.entity.key):
                brand = self.reference.get(EntityType.BRAND, item.entity.parent or "")
                if brand is not None and fold(brand.label).startswith(fold(last.entity.label) + " "):
                    result[-1] = replace(item, start=last.start)
                    continue
            result.append(item)
        return result

    def _bare_model(self, text: str, start: int, end: int, key: str, makers: set[str],
                    brands: set[str]) -> Entity | None:
        """A known model named without its brand ("the Passat", "its last Mondeo"): only where the
        article names its maker (or a company that builds its brand's models), and one maker's
        only; a one-word name opening a sentence may be the common word ("Focus", "Semi")."""
        models = [m for m in self.reference.models.get(key, ())
                  if makers & self.linker.family(m.operator) or m.parent in brands]
        if len(models) != 1:
            return None
        surface = text[start:end]
        if " " not in surface and not any(c.isdigit() for c in surface) and _opens_sentence(text, start):
            return None
        if key in _MONTHS:
            return None  # "halted the line in March 2022": a month, not the Nissan March
        return models[0]

    def _maker_before(self, found: list[_Found], index: int) -> Entity | None:
        for item in reversed([f for f in found if f.end <= index]):
            entity = item.entity
            if entity.type is EntityType.MODEL:
                return (self.reference.get(EntityType.BRAND, entity.parent or "")
                        or self.reference.org(entity.operator or ""))
            if entity.type is EntityType.BRAND or entity.type in COMPANY_TYPES:
                return entity
        return None

    def _model_after(self, text: str, index: int, stop: frozenset[str],
                     brand: Entity | None = None) -> tuple[int, str | None]:
        """A model name right after a brand: "Polestar 4", "Kia EV9", "Tesla Model Y", "Toyota
        Yaris Cross", "BYD Song Plus": model codes, and capitalised words that are neither a
        known name, a place, nor a word that follows brands for other reasons ("BMW Group");
        or the brand's known model, when that is longer ("Suzuki e Vitara", "Hyundai Santa Fe")."""
        rest = text[index:]
        if not rest.startswith(" "):
            return index, None
        known = self._known_model_after(rest, brand) if brand is not None else None
        end, name = self._generic_model_after(rest, index, stop)
        if known is not None and (name is None or len(known) >= len(name)):
            return index + 1 + len(known), known
        return end, name

    def _known_model_after(self, rest: str, brand: Entity) -> str | None:
        words = re.match(r" (\S+)(?: (\S+))?(?: (\S+))?(?: (\S+))?", rest)
        if words is None:
            return None
        tokens = [w for w in words.groups() if w]
        for size in range(len(tokens), 0, -1):
            candidate = " ".join(tokens[:size])
            for bare in (candidate, candidate.rstrip(".,;:!?)’'\"”")):
                if bare and self.reference.model_named(bare, brand) is not None and \
                        bare in self.reference.model_spellings.get(fold(bare), ()):
                    return bare
        return None

    def _generic_model_after(self, rest: str, index: int, stop: frozenset[str]) -> tuple[int, str | None]:
        words: list[str] = []
        position = 1
        while len(words) < 3:
            code = _MODEL_CODE.match(rest, position)
            word = re.match(r"[A-Z][a-z]+(?:-[A-Za-z]+)?\b(?!['’])", rest[position:])
            token = code.group(0) if code else (word.group(0) if word else None)
            if token is None or token in stop or token.split()[0] in stop or token in lexicon("name-stopwords"):
                break
            if not code and (self.reference.name_kind(token) is not None):
                break
            if code and re.match(r"\s*(?:%|per\s?cent\b|percent\b)", rest[position + len(token):]):
                break  # "Hyundai 30%": a share, not a model
            words.append(token)
            position += len(token)
            if not rest[position:].startswith(" "):
                break
            position += 1
        if not words:
            return index, None
        name = " ".join(words)
        return index + 1 + len(name), name

    # -- places ------------------------------------------------------------------------------

    def _add_localities(self, text: str, found: list[_Found]) -> list[_Found]:
        """Towns named with their state or country: "in Ridgeville, South Carolina", "Szeged, Hungary"."""
        result = list(found)
        for item in found:
            if item.entity.type not in (EntityType.SUBDIVISION, EntityType.COUNTRY) or item.demonym:
                continue
            before = text[max(0, item.start - 60) : item.start]
            match = re.search(r"((?:[A-ZÀ-Ý][\w'’\-]+\s){0,2}[A-ZÀ-Ý][\w'’\-]+),\s*$", before)
            if not match:
                continue
            name = match.group(1)
            start = item.start - len(before) + match.start(1)
            if any(f.start <= start < f.end for f in result):
                # Already a known name (a plant's town, or a state "Georgia, US"): link it to its place.
                continue
            words = name.split()
            for cut in range(len(words)):
                candidate = " ".join(words[cut:])
                country = item.entity.country or item.entity.key
                subdivision = item.entity.key if item.entity.type is EntityType.SUBDIVISION else None
                town = self.linker.locality(candidate, country=country, subdivision=subdivision)
                if town is not None:
                    a = start + len(" ".join(words[:cut])) + (1 if cut else 0)
                    result.append(_Found(town, a, a + len(candidate)))
                    break
        result.sort(key=lambda f: f.start)
        return result

    def _town_of(self, name: str, countries: set[str], *, sizeable_only: bool = True) -> Entity | None:
        """The GeoNames town called ``name``: the largest of 15,000 or more in a country the
        article names; unless ``sizeable_only``, else a city of 100,000 or more anywhere, else a
        smaller town of such a country."""
        towns = geonames_towns().get(fold(name))
        local = [t for t in towns if t.country in countries]
        sizeable = [t for t in local if t.population >= 15_000]
        # A village of the article's country loses to a city elsewhere ("Ghent" in an
        # article about a US plant is the Belgian city, not Ghent, New York).
        rest = [] if sizeable_only else [t for t in towns if t.population >= 100_000] or local
        # (a town of that name before one that only has it among its other names: "Zaragoza" is the
        # Spanish city, not Tijuana, which GeoNames also calls so)
        pick = max(sizeable or rest, key=lambda t: (fold(t.name) == fold(name), t.population), default=None)
        return self.linker.locality(pick.name, country=pick.country) if pick is not None else None

    def _add_capitals(self, text: str, found: list[_Found]) -> list[_Found]:
        """"the Slovak capital" is Bratislava: a country's demonym before "capital" names the
        country's capital (GeoNames), not the country ("capital markets" and the like excepted)."""
        result = []
        for item in found:
            if item.demonym and item.entity.type is EntityType.COUNTRY and \
                    text[max(0, item.start - 4):item.start].lower() == "the ":
                match = _CAPITAL.match(text, item.end)
                capital = capitals().get(item.entity.key)
                town = self.linker.locality(capital, country=item.entity.key) if match and capital else None
                if town is not None:
                    result.append(_Found(town, item.start, match.end()))  # type: ignore[union-attr]
                    continue
            result.append(item)
        return result

    def _makes_own(self, maker: Entity, company: Entity | None) -> bool:
        """Whether a model of ``company`` is one of ``maker``'s own: the same company's, or a
        subsidiary's (Hyundai Motor Group and the Ioniq 5 of Hyundai Motor Company; not FCA US and
        the Fiat 600 of its parent Stellantis)."""
        if company is None or company == maker:
            return True
        return maker.key in self.linker.family(company.key)

    def _short_names(self, text: str, found: list[_Found]) -> list[_Found]:
        """"Hyundai" in an article that names Hyundai Motor India is Hyundai Motor India: a company's
        short name stands for the one company of its family that the article names in full with
        it ("Hyundai Motor India", "Hyundai Motor Group"), not for another of the family."""
        companies = [f for f in found if f.entity.type in COMPANY_TYPES]
        result = []
        for item in found:
            short = text[item.start:item.end]
            longer = {f.entity for f in companies if f.entity != item.entity
                      and text[f.start:f.end].startswith(short + " ")} if item.entity.type in COMPANY_TYPES else set()
            # (not a national company minted from the name, "Isuzu East Africa": "Isuzu" is the parent;
            # nor a joint venture named with its partner, "BMW Brilliance Automotive": "BMW" is BMW)
            related = {e for e in longer if _parent_or_child(item.entity, e) and e.linked
                       and self._national_or_unit(e, short)}
            result.append(replace(item, entity=next(iter(related))) if len(related) == 1 else item)
        return result

    @staticmethod
    def _surnames(text: str, found: list[_Found]) -> list[_Found]:
        """A maker's name that is a person's surname, with a first name before it and a role after it
        ("Manasi Tata, the company's vice-chairperson") or before the first name ("premier Doug
        Ford"), is no mention of the maker."""
        stop = lexicon("name-stopwords")
        result = []
        for item in found:
            if item.entity.type in COMPANY_TYPES or item.entity.type is EntityType.BRAND:
                first = _FIRST_NAME_BEFORE.search(text, max(0, item.start - 30), item.start)
                if first is not None and first.group(1) not in stop and not any(f.end == first.end(1) for f in found) \
                        and (_role_after_name().match(text, item.end) or _role_before_name().search(
                            text, max(0, first.start(1) - 40), first.start(1)) or _speech_after().match(text, item.end)):
                    continue  # (also "Ontario premier Doug Ford says")
            result.append(item)
        return result

    def _shared_marques(self, found: list[_Found]) -> list[_Found]:
        """A bare marque two companies use, in an article that names the other one ("Volvo Group
        ... Volvo and Mack trucks": the Volvo of Volvo Trucks, not of Volvo Cars), stands for the
        company named: one whose name and marques of its own begin with that name."""
        named = {f.entity for f in found if f.entity.type in (EntityType.GROUP, EntityType.MANUFACTURER)}
        # (or a brand of another company: "Volvo Trucks ... a battery plant Volvo is completing")
        named_brands = {f.entity for f in found if f.entity.type is EntityType.BRAND and f.entity.parent}
        if not named and not named_brands:
            return found
        result = []
        for item in found:
            if item.entity.type is EntityType.BRAND and item.entity.parent:
                bare = fold(item.entity.label)
                owner = self.linker.family(item.entity.parent)
                others = [c for c in named if not (self.linker.family(c.key) & owner)
                          and fold(c.label).startswith(bare + " ") and any(
                              fold(b.label).startswith(bare + " ") for b in self.reference.brands_of(c.key))]
                others = others or [b for b in named_brands if not (self.linker.family(b.parent) & owner)
                                    and fold(b.label).startswith(bare + " ")]
                if len(others) == 1:
                    item = replace(item, entity=others[0])
            result.append(item)
        return result

    def _possessed_units(self, text: str, found: list[_Found]) -> list[_Found]:
        """"Tata Motors' Korean subsidiary" stands for the subsidiary the article names ("Tata Daewoo"),
        where it names one of that maker's units: the maker is named (and mentioned), the unit builds."""
        companies = [f.entity for f in found if f.entity.type in COMPANY_TYPES and not f.demonym]
        result = []
        for item in found:
            if item.entity.type in COMPANY_TYPES and not item.demonym and _UNIT_AFTER.match(text, item.end):
                units = list(dict.fromkeys(c for c in companies if c.parent == item.entity.key))
                if len(units) == 1:
                    item = replace(item, stands_for=units[0])
            result.append(item)
        return result

    def _add_named_makers(self, text: str, found: list[_Found]) -> list[_Found]:
        """Makers the reference data does not know, named as one: "Ebro EV Motors", "Hindustan
        Motors" (a name that ends in Motors, Automobiles, Trucks and the like), and suppliers the
        same way ("Kojima Industries", "NextStar Energy"). They are minted and not linked; a known
        company's name is never taken apart ("General Motors", "Geely Auto")."""
        stop = lexicon("name-stopwords")
        result = list(found)
        # (a headline in Title Case capitalises every word: "Toyota Bets on Solid-State Batteries")
        headline_in_title_case = title_case(text.split("\n", 1)[0].split())
        for match in [*_MAKER_NAME.finditer(text), *_SUPPLIER_NAME.finditer(text)]:
            if match.re is _SUPPLIER_NAME and headline_in_title_case and "\n" not in text[:match.start()]:
                continue
            words = match.group(1).split()
            # (not the sentence's first word: "When Hindustan Motors ...", "Both Tata Motors ...")
            while words and (words[0] in stop or words[0].lower() in lexicon("function-words")
                             or words[0].lower() in _OPENERS):
                words = words[1:]
            if len(words) < 2:
                continue
            label = " ".join(words)
            b = match.end(1)
            a = b - len(label)
            inside = [f for f in result if a < f.end and f.start < b]
            named = [f for f in inside if not (f.entity.type.is_place or f.demonym)]
            if named:
                if not self._licensee_name(text, b, named):
                    continue  # a known company, brand or plant is named there
                # ("via Karachi | Kia Lucky Motors assembles": a place before the name is no part of it)
                a, label = named[0].start, text[named[0].start:b]
                inside = [f for f in inside if f.start >= a]
            result = [f for f in result if f not in inside]
            # ("owned by the distributor Astana Motors": a seller of cars, not a maker)
            seller = re.search(r"\b(?:distributor|importer|dealer|dealership|retailer)s?\s+(?:the\s+)?$",
                               text[max(0, a - 30):a], re.IGNORECASE)
            kind = (EntityType.ORGANISATION if seller else
                    EntityType.SUPPLIER if match.re is _SUPPLIER_NAME else EntityType.MANUFACTURER)
            result.append(_Found(self.linker.organisation(label, kind), a, b))
        result.sort(key=lambda f: f.start)
        return result

    @staticmethod
    def _licensee_name(text: str, b: int, named: list[_Found]) -> bool:
        """Whether a name ending at ``b`` in which known names stand is another company's all the
        same: a maker's name, then words no one knows, then the suffix ("Kia Lucky Motors", a
        licensee)."""
        if any(f.entity.type not in COMPANY_TYPES and f.entity.type is not EntityType.BRAND for f in named):
            return False
        known_end = max(f.end for f in named)
        between = text[known_end:b].split()[:-1]  # (the words before the suffix)
        return any(w[:1].isupper() and w not in lexicon("company-words") for w in between)

    def _national_or_unit(self, company: Entity, short: str) -> bool:
        """Whether a company's name is a short name and only company words or places: "Hyundai
        Motor India", "Hyundai Motor Group" (not "BMW Brilliance Automotive")."""
        return any(self._unit_name(name, short, lambda words: self.reference.name_kind(words) in ("country", "place"))
                   for name in (company.label, *company.aliases))

    def _unit_name(self, name: str, short: str, is_place: Callable[[str], bool], longest: int = 1) -> bool:
        """Whether ``name`` is ``short`` followed only by company words and places (runs of up to
        ``longest`` words that ``is_place`` accepts)."""
        if not name.startswith(short + " "):
            return False
        words = name[len(short) + 1:].replace(",", " ").split()
        i = 0
        while i < len(words):
            size = next((n for n in range(min(longest, len(words) - i), 0, -1)
                         if is_place(" ".join(words[i:i + n]))), 0)
            if not size and words[i] not in lexicon("company-words"):
                return False
            i += size or 1
        return True

    def _plant_builder(self, sentence: _Sentence, text: str, *, company_only: bool = False) -> _Found | None:
        """The builder at a known plant named as a sentence's subject, where the sentence names no
        maker ("Mercedes-Benz India assembles the EQS in Chakan", "The Chakan plant builds the
        EQS"): the company the plant's name names, or else its operator. A plant known by its
        operating company's name ("Hyundai Motor Manufacturing Alabama", "Mercedes-Benz India")
        stands for that company, a unit of the operator; "BMW Munich" is the plant's name only (a
        town is no part of a company's). With ``company_only``, only such a company (or none)."""
        operated = self._opening_plant(sentence)
        if operated is None:
            return None
        operator = self.reference.org(operated.entity.operator or "")
        if operator is None:
            return None
        surface = text[operated.start:operated.end]
        known = self.reference.org(slug(surface))
        short = surface.split()[0]
        if known is not None and known.type in COMPANY_TYPES:
            builder = known
        elif fold(short) == fold(operator.label.split()[0]) and self._company_unit(surface, short):
            builder = replace(self.linker.organisation(surface, EntityType.MANUFACTURER), parent=operator.key,
                              country=operated.entity.country)
        elif company_only:
            return None
        else:
            builder = operator
        return _Found(builder, operated.start, operated.start)

    def _kin(self, company: Entity) -> set[str]:
        """A company's key with those of its parents, also for a company minted from the text."""
        return {company.key} | self.linker.family(company.key if company.linked else company.parent)

    @staticmethod
    def _opening_plant(sentence: _Sentence) -> _Found | None:
        """The known plant a sentence opens with ("The Chakan plant builds ..."), or names as the
        agent of a passive ("The pickup is built by Mitsubishi Motors Thailand")."""
        base = sentence.span.start
        passive = " by " in sentence.text
        return next((f for f in sentence.found if f.entity.type is EntityType.PLANT and f.entity.operator
                     and (f.start - base <= 4 or (passive and _BY_AGENT.search(sentence.text, 0, f.start - base)))),
                    None)

    def _company_unit(self, name: str, short: str) -> bool:
        """Whether ``name`` is ``short`` followed by company words and the names of countries,
        regions or first-level subdivisions (or a country's adjective): "Mercedes-Benz South Africa",
        "Hyundai Motor Manufacturing Alabama", "Subaru of Indiana Automotive", "Hyundai Motor
        Manufacturing Czech"; not "BMW Munich" (a town is no part of a company's name)."""
        places = (EntityType.COUNTRY, EntityType.REGION, EntityType.SUBDIVISION)

        def is_place(words: str) -> bool:
            key = fold(words)
            return key in self.reference.demonyms or any(e.type in places for e in self.reference.names.get(key, ()))

        return self._unit_name(name, short, is_place, longest=3)

    @staticmethod
    def _add_anaphora(text: str, found: list[_Found], pattern: re.Pattern[str], antecedents: Iterable[_Found],
                      resolve: Callable[[Entity], Entity | None] = lambda entity: entity) -> list[_Found]:
        """Mentions for the phrases ``pattern`` finds (its group 1) that stand for the antecedent
        named last before them, as ``resolve`` gives it (nothing where it gives ``None``)."""
        named = sorted(antecedents, key=lambda f: f.start)
        result = list(found)
        for match in pattern.finditer(text):
            a, b = match.span(1)
            before = [f for f in named if f.end <= a]
            if not before or any(f.start < b and a < f.end for f in found):
                continue
            entity = resolve(before[-1].entity)
            if entity is not None:
                result.append(_Found(entity, a, b))
        return result

    def _add_country_anaphora(self, text: str, found: list[_Found]) -> list[_Found]:
        """"plans to build electric cars in the kingdom": the country named last before it (by
        name, not by a demonym such as "the Chinese carmaker")."""
        return self._add_anaphora(text, found, _COUNTRY_ANAPHOR, (
            f for f in found if f.entity.type is EntityType.COUNTRY and not f.demonym))

    def _add_town_anaphora(self, text: str, found: list[_Found]) -> list[_Found]:
        """"builds the Vitara ... in the town on the Danube": the town named last before it, or the
        town of the plant named last before it."""
        return self._add_anaphora(
            text, found, _TOWN_ANAPHOR,
            (f for f in found if f.entity.type in (EntityType.LOCALITY, EntityType.PLANT)),
            lambda last: last if last.type is EntityType.LOCALITY
            else self.reference.get(EntityType.LOCALITY, last.locality or ""))

    def _add_model_anaphora(self, text: str, found: list[_Found]) -> list[_Found]:
        """"Hyundai readies the Ioniq 5 for Montgomery | Output of the electric SUV is due to begin":
        the model named before it, where the text names one model only before it."""
        models = [f for f in found if f.entity.type is EntityType.MODEL]
        if not models:
            return found
        result = list(found)
        for match in _MODEL_ANAPHOR.finditer(text):
            a, b = match.span(1)
            before = {f.entity for f in models if f.end <= a}
            if len(before) == 1 and not any(f.start < b and a < f.end for f in found):
                result.append(_Found(next(iter(before)), a, b))
        return result

    def _town_of_plant_name(self, surface: str, plant: Entity, makers: set[str]) -> Entity | None:
        """The town of a plant named "<town> plant" (or factory, works), where the article names
        companies and none of them is the plant's operator or its owner."""
        town = self.reference.get(EntityType.LOCALITY, plant.locality or "")
        if town is None or not makers or makers & self.linker.family(plant.operator):
            return None
        if not surface.startswith(town.label) or fold(surface[len(town.label):]).strip() not in (
                "plant", "factory", "works", "assembly plant", "car plant"):
            return None
        return town

    def _add_subsidiaries(self, text: str, found: list[_Found]) -> list[_Found]:
        """A maker's national company the reference data does not know, named as the maker and its
        country, region or state: "Isuzu East Africa", "Nissan Motor Manufacturing UK",
        "Volkswagen de Mexico". It is taken as the maker's subsidiary, minted and not linked."""
        result: list[_Found] = []
        minted: list[_Found] = []
        for item in found:
            last = result[-1] if result else None
            between = text[last.end:item.start] if last is not None else ""
            # (not across a paragraph, and not twice: "Toyota Motor East Japan Miyagi" is no
            # subsidiary of a "Toyota Motor East Japan" that the graph does not describe)
            # "Hyundai Trans Kazakhstan": a maker's name, words no one knows and a country is also a
            # company in that country, not a model called "Trans", but nothing says whose
            unknown = (last is not None and item.entity.type is EntityType.COUNTRY
                       and re.fullmatch(r"(?: [A-Z][\w-]*){1,2} ", between) is not None
                       and not any(self.reference.name_kind(w) or w.lower() in lexicon("function-words")
                                   for w in between.split()))
            if (last is not None and not last.demonym and not item.demonym and "\n" not in between
                    and not any(last is m for m in minted)
                    and (last.entity.type in COMPANY_TYPES or last.entity.type is EntityType.BRAND)
                    and item.entity.type in (EntityType.COUNTRY, EntityType.REGION, EntityType.SUBDIVISION)
                    and (_SUBSIDIARY_BETWEEN.fullmatch(between) or unknown)
                    and not re.match(r"\w|['’]s?\s+(?:plant|factory)", text[item.end:item.end + 12])):
                parent = None if unknown else self.linker.company(last.entity)
                label = text[last.start:item.end]
                known = self.reference.org(slug(label))
                if known is None and _DIVISION.fullmatch(text, last.end, item.end):
                    # "Ford of Europe", "Nissan Europe", "Ford ASEAN": a maker's regional division,
                    # not a company that builds; the maker is named (but "Isuzu West Africa" is a
                    # national company)
                    result.append(item)
                    continue
                subsidiary = known or replace(self.linker.organisation(label, EntityType.MANUFACTURER),
                                              parent=parent.key if parent else None,
                                              country=item.entity.country or (
                                                  item.entity.key if item.entity.type is EntityType.COUNTRY else None))
                result[-1] = _Found(subsidiary, last.start, item.end)
                if known is None:
                    minted.append(result[-1])
                continue
            result.append(item)
        return result

    def _add_towns(self, text: str, found: list[_Found], countries: set[str]) -> list[_Found]:
        """Towns named where production happens without their country: "in Leipzig", "its Gunsan
        plant". A GeoNames town counts if it is a town of 15,000 or more in a country the article
        names, else a city of 100,000 or more anywhere, else a smaller town of such a country."""
        result = list(found)
        stop = lexicon("name-stopwords")
        matches = list(_TOWN_CONTEXT.finditer(text))
        # Twice, if the first pass finds towns in other countries: the countries of the towns,
        # states and plants found count too ("in Aulnay-sous-Bois, near Paris"). Last, a town of
        # 15,000 or more in a named company's home country ("StreetScooter ... in Düren").
        homes = {f.entity.country for f in found if f.entity.country and f.entity.type in COMPANY_TYPES}

        def one_pass(known: set[str], sizeable_only: bool) -> None:
            for match in matches:
                group = next(g for g in ("before", "after", "subject") if match.re.groupindex.get(g)
                             and match.group(g))
                a, b = match.span(group)
                name = match.group(group)
                # a name of two words, then its last word alone before "plant" ("The Chennai plant")
                tries = [(a, b)] + ([(b - len(name.split()[-1]), b)] if group == "before" and " " in name else [])
                for start, end in tries:
                    if any(f.start < end and start < f.end for f in result):
                        continue
                    town = self._town_of(text[start:end], known, sizeable_only=sizeable_only)
                    first = name.split()[0]
                    if town is not None and town.country not in known and (group == "subject" or (
                            (start, end) != (a, b) and not first.endswith(("’s", "'s"))
                            and first.lower() not in lexicon("function-words") and first not in lexicon("sentence-openers"))):
                        # (nor the last word of a longer name: "the Zona Franca site" is no Brazilian city;
                        # but "Ford’s Valencia factory", "The Chennai plant")
                        town = None
                    if town is not None and group == "before":
                        # "made at the Santa Isabel plant" in an article about Córdoba: the known plant of
                        # that name in a country the article speaks of, not a town of another country
                        named_plants = [p for p in self.reference.plants_by_place.get(fold(text[start:end]), [])
                                        if p.country in known and p.country != town.country]
                        if len(named_plants) == 1:
                            result.append(_Found(named_plants[0], start, end))
                            break
                    # (a stopword may start a town's name of two words: "Port Elizabeth", not "Port" alone)
                    if town is not None and (text[start:end].split()[0] not in stop or " " in text[start:end]):
                        result.append(_Found(town, start, end))
                        break
                    # "its plant in Rosslyn": a place GeoNames does not list, known as the name of a
                    # plant that a company the article names runs
                    plant = self._plant_by_place(text[start:end], start, result) \
                        if town is None and text[start:end].split()[0] not in stop else None
                    if plant is not None:
                        result.append(_Found(plant, start, end))
                        break

        # (a town that opens a sentence only in a country the article names or a named company's
        # home: not "Production builds", nor a town of a country the article does not speak of)
        matches += list(_TOWN_SUBJECT.finditer(text))
        used: set[str] = set()
        for round_ in range(2):
            known = countries | {f.entity.country for f in result if f.entity.country and f.entity.type in (
                EntityType.LOCALITY, EntityType.SUBDIVISION, EntityType.PLANT)}
            if round_ and known == used:
                break
            used = known
            one_pass(known, sizeable_only=False)
        # (unless a place found lies in another country: "at Ellesmere Port in Cheshire" is not
        # the Cheshire of a US company the article names)
        placed = {f.entity.country if f.entity.type is not EntityType.COUNTRY else f.entity.key for f in result
                  if f.entity.type in (EntityType.LOCALITY, EntityType.SUBDIVISION, EntityType.PLANT,
                                       EntityType.COUNTRY)}
        if homes - used and not placed - homes:
            one_pass(homes - used, sizeable_only=True)
        # "in Vsevolozhsk, near St Petersburg, and Naberezhnye Chelny": a town listed after another
        for item in [f for f in result if f.entity.type is EntityType.LOCALITY]:
            listed = _LISTED_TOWN.match(text, item.end)
            if listed is None or listed.group("name").split()[0] in stop:
                continue
            a, b = listed.span("name")
            if any(f.start < b and a < f.end for f in result):
                continue
            # (a town of the same country: "in Aachen and Düren")
            town = self._town_of(listed.group("name"), countries | {item.entity.country or ""}, sizeable_only=False)
            if town is not None and town.country == item.entity.country:
                result.append(_Found(town, a, b))
        result.sort(key=lambda f: f.start)
        return result

    def _clients(self, sentence: _Sentence) -> set[Entity]:
        """The companies a sentence names as another's clients or allies ("for Honda")."""
        return {c for f in sentence.found if f.ally and (c := self.linker.company(f.entity)) is not None}

    def _plant_by_place(self, name: str, at: int, found: list[_Found]) -> Entity | None:
        """The plant known by a place's name ("Rosslyn plant", "Nissan Rosslyn") that the company
        named last before ``at`` runs, or else the one plant of that name a company named runs."""
        plants = self.reference.plants_by_place.get(fold(name))
        if not plants:
            return None
        companies = [(f.start, company) for f in found if f.entity.type in COMPANY_TYPES or f.entity.type is EntityType.BRAND
                     if (company := self.linker.company(f.entity)) is not None]
        before = [c for start, c in companies if start < at]
        if before:
            run = [p for p in plants if before[-1].key in self.linker.family(p.operator)
                   or p.operator in self.linker.family(before[-1].key)]
            if len(run) == 1:
                return run[0]
        named = {key for _, c in companies for key in self.linker.family(c.key)}
        run = [p for p in plants if self.linker.family(p.operator) & named]
        return run[0] if len(run) == 1 else None

    def _add_plants(self, text: str, found: list[_Found], makers: set[str]) -> list[_Found]:
        """Plants described rather than named: "the Volvo plant in Ridgeville", "its Tychy plant";
        a plant in a town is taken for one run by a company the article names (``makers``)."""
        plant_nouns = _pattern("plant-nouns")
        result = list(found)
        for match in re.finditer(plant_nouns.pattern, text, re.IGNORECASE):
            a, b = match.span()
            if any(f.start <= a < f.end for f in result if f.entity.type is EntityType.PLANT):
                continue
            preceding = [f for f in result if f.end <= a and a - f.end <= 30]
            following = [f for f in result if f.start >= b and f.start - b <= 12]
            owner = next((f for f in reversed(preceding) if f.entity.type in COMPANY_TYPES or f.entity.type in (
                EntityType.BRAND, EntityType.SUPPLIER, EntityType.ORGANISATION)), None)
            suppliers = owner is not None and owner.entity.type in (EntityType.SUPPLIER, EntityType.ORGANISATION)
            if _pattern("non-vehicle-plant-words").search(text[max(0, a - 25):a].lower()) or (
                    suppliers and re.fullmatch(r"[\s'’s]*[\w\s-]{0,25}", text[owner.end:a])):
                # "CATL's battery cell plant in Debrecen" is neither a vehicle plant nor a site
                for place in following:
                    if place.entity.type.is_place and re.fullmatch(r"\s+(?:in|at|near)\s+", text[b:place.start]):
                        place.not_site = True
                continue
            operator = next((f for f in reversed(preceding) if f.entity.type in COMPANY_TYPES
                             or f.entity.type is EntityType.BRAND), None)
            if operator is not None and not re.fullmatch(r"[\s'’s]*(?:former\s+|new\s+|main\s+|own\s+)?",
                                                         text[operator.end:a]):
                operator = None
            town_item = next((f for f in reversed(preceding) if f.entity.type is EntityType.LOCALITY
                              and re.fullmatch(r"\s*", text[f.end:a])), None)
            if town_item is None and following and re.fullmatch(r"\s+(?:in|at|near)\s+", text[b:following[0].start]):
                if following[0].entity.type is EntityType.LOCALITY:
                    town_item = following[0]
            if town_item is None:
                bare = re.search(r"([A-ZÀ-Ý][\w'’\-]+)\s+$", text[max(0, a - 40):a])
                if bare:
                    guess = bare.group(1)
                    plants = self.reference.plants_by_locality.get(fold(guess), [])
                    if plants:
                        locality = self.reference.get(EntityType.LOCALITY, plants[0].locality or "")
                        if locality is not None:
                            start = a - len(bare.group(0))
                            town_item = _Found(locality, start, start + len(guess))
                            result.append(town_item)
            if town_item is None:
                continue
            plant = self.linker.plant(locality=town_item.entity,
                                      operator=operator.entity if operator else None, makers=makers)
            if plant is None:
                continue
            if operator is not None:
                operator.plant_descriptor = True
                operator.former = bool(re.search(r"former", text[operator.end:a]) or
                                       re.search(r"former\s+$", text[max(0, operator.start - 10):operator.start]))
            start = min(a, operator.start if operator else a, town_item.start)
            end = max(b, town_item.end)
            result.append(_Found(plant, start, end, town=town_item.entity))
        result.sort(key=lambda f: f.start)
        return result

    def _mark_roles(self, text: str, found: list[_Found]) -> None:
        """Companies named in a sentence that do not make anything there: the former owner of a
        plant, the seller of one, the maker whose platform another uses, a shareholder."""
        for item in found:
            if item.entity.type not in COMPANY_TYPES and item.entity.type is not EntityType.BRAND:
                continue
            before = text[max(0, item.start - 80):item.start]
            after = text[item.end:item.end + 80]
            lowered = before.lower()  # (cheap tests first: most names have none of these words before them)
            if _NOT_PRODUCER_BEFORE.search(before) or _NOT_PRODUCER_AFTER.match(after) or (
                    _OWNER_IN_CLAUSE[0].search(before[-8:]) and _OWNER_IN_CLAUSE[1].match(after)) or (
                    (_ON_PLATFORM_BEFORE.search(before) or _TAKEN_OVER_BEFORE.search(before))
                    and re.match(r"['’]s?\s", after)):
                item.former = True
            elif _CUSTOMER_AFTER.match(after):
                item.former = item.customer = True
            elif (any(w in lowered for w in ("venture", "jv", "subsidiary", "affiliate", "owned by", "controlled by"))
                  and _VENTURE_OF_BEFORE.search(before)) or _VENTURE_OF_AFTER.match(after):
                item.former = item.partner = True
            elif (" with " in lowered and _ALLY_BEFORE.search(before)) or _PRODUCT_AFTER.match(after) or (
                    self._employer_of_named(after)) or (
                    " for " in lowered and _CLIENT_BEFORE.search(before)) or (
                    after[1:2] == "s" and self._names_own_model(text, item, found)) or (
                    _SUPPLIED_BEFORE.search(before) and re.match(r"\s+with\b", after)):
                # a partner; a contract manufacturer's client ("assembles the SUV for Honda", "supplies
                # Toyota with the Glanza"); a maker named only as its model's owner ("JAC builds NIO's ES8")
                item.ally = True

    def _operator_of(self, plant: _Found | None) -> _Found | None:
        """The operator of a plant mention, where the reference data knows it, at the mention's place."""
        operator = self.reference.org(plant.entity.operator or "") if plant is not None else None
        return _Found(operator, plant.start, plant.end) if plant is not None and operator is not None else None

    @staticmethod
    def _employer_of_named(after: str) -> bool:
        """Whether a company's name is followed by a role and a person's name: "Kia Australia chief
        executive Damien Meredith says" names whom the person works for, not who builds."""
        # (also past a regional division's name: "Ford of Europe president Stephen Odell")
        division = _DIVISION.match(after)
        start = division.end() + 1 if division else 1
        role = _pattern("roles").match(after, start) if after[start - 1:start] == " " else None
        return role is not None and re.match(rf"\s+[{_UP}][{_LOW}]", after[role.end():]) is not None

    def _names_own_model(self, text: str, item: _Found, found: list[_Found]) -> bool:
        """Whether a maker's possessive is followed by one of its own models ("Mazda's new BT-50")."""
        company = self.linker.company(item.entity)
        return company is not None and any(
            m.entity.type is EntityType.MODEL and item.end < m.start <= item.end + 30
            and _OWN_MODEL_BETWEEN.fullmatch(text, item.end, m.start) is not None
            and self.linker.company(m.entity) == company for m in found)

    # -- people ------------------------------------------------------------------------------

    def _people(self, article: Article, text: str, found: list[_Found],
                spans: list[Span]) -> tuple[list[_Found], list[Affiliation]]:
        stop = lexicon("name-stopwords")
        roles = _pattern("roles")
        people: list[_Found] = []
        affiliations: list[Affiliation] = []
        occupied = [(f.start, f.end) for f in found]
        # the maker the article is about: the first company or brand it names ("Renault's plant")
        makers = [f for f in found if (f.entity.type in COMPANY_TYPES or f.entity.type is EntityType.BRAND)
                  and not f.demonym]
        # (an article about a supplier, "Chief executive Florent Menegaux’s group", is about that one)
        main_maker = makers[0] if makers else next(
            (f for f in found if f.entity.type in (EntityType.SUPPLIER, EntityType.ORGANISATION) and not f.demonym), None)
        for match in _person_candidates(text, stop):
            a, b = match.span()
            words = match.group(0).split()
            if any(w in stop for w in words):
                continue
            if any(a < e and b > s for s, e in occupied):
                continue
            # (a role right before a name makes it a person's: "premier Doug Ford", "prime minister
            # Pedro Sánchez", whatever company or town shares the name)
            role_before = _role_before_name().search(text, max(0, a - 40), a)
            if not role_before and re.match(rf"[ \t]+(?:{roles.pattern})[ \t]+[{_UP}]", text[b:b + 60]):
                # "Deutsche Post chief executive Frank Appel": a name before a role and a person's name
                # is their employer's
                employer = _Found(self.linker.organisation(match.group(0)), a, b)
                found.append(employer)
                found.sort(key=lambda f: f.start)
                occupied.append((a, b))
                continue
            if "." in words[0] and not (role_before or _role_after_name().match(text, b)
                                        or _title_before().search(text, max(0, a - 40), a)):
                continue  # (initials name a person only beside a role: not "U.S. Steel said")
            if any(fold(w) in self.reference.names or fold(w) in self.reference.demonyms for w in words) and not (
                    len(words) == 2 and fold(words[0]) not in self.reference.names
                    and (_role_after_name().match(text, b) or role_before or _speech_after().match(text, b))):
                continue  # (but "Manasi Tata, the company's vice-chairperson": a maker's name as a surname)
            if self.reference.name_kind(match.group(0)) is not None and not role_before:
                continue  # a town or a company the gazetteer did not take here ("and Naberezhnye Chelny")
            if geonames_towns().get(fold(match.group(0))) and not role_before:
                continue  # a smaller town's name ("Oued Tlelat", "Laem Chabang"), not a person's
            if re.search(r"\b(?:the|a|an)\s+$", text[max(0, a - 5):a]):
                continue  # "the contract manufacturer of the Lordstown Endurance": a thing, not a person
            before = text[max(0, a - 80):a]
            after = text[b:b + 80]
            org: _Found | None = None
            role: str | None = None
            possessive = [f for f in found if f.end <= a and re.fullmatch(r"['’]s\s+", text[f.end:a])]
            if possessive:
                org = possessive[-1]
            # ("Nvidia’s chief executive, Jensen Huang": with a comma too)
            titled = re.search(rf"({roles.pattern}),?\s*$", before.lower())
            office = False  # a place's officeholder ("Brazil’s vice-president, Michel Temer")
            if titled and org is None:
                prefix_end = a - len(titled.group(0))
                # (a place just before is no employer: "Toyota's European president", "... from
                # Mexico | Chief executive Mark Fields"; and "Brazil’s vice-president" holds an office)
                # (next to it: "Ford chief executive", "Nvidia’s chief executive"; not a name that
                # ends the sentence before, "... the Peugeot e-Partner. | Chief executive Carlos Tavares")
                adjacent = next((f for f in reversed(found) if f.end <= prefix_end and prefix_end - f.end <= 3
                                 and re.fullmatch(r"(?:['’]s?)?[ \t]+", text[f.end:prefix_end])), None)
                office = adjacent is not None and adjacent.entity.type.is_place and bool(
                    re.fullmatch(r"['’]s\s+", text[adjacent.end:prefix_end]))
                org = (adjacent if adjacent is not None and not adjacent.entity.type.is_place else None) or \
                    next((f for f in reversed(found) if f.end <= prefix_end and (
                        f.entity.type in COMPANY_TYPES or f.entity.type is EntityType.BRAND)
                          and re.fullmatch(r"['’]s\s+(?:[\w-]+\s+){1,3}", text[f.end:prefix_end])), None)
                # ("Leapmotor’s founder and chief executive Zhu Jiangming")
                role = titled.group(1)
            # ("president Dan Ammann said": a company's president is written in lower case, a head
            # of state's title, "President Joko Widodo", in capitals)
            lower_president = titled is not None and titled.group(1) == "president" and \
                before[titled.start(1):titled.end(1)].islower()
            appositive = re.match(rf",\s+(?:the\s+)?(?:then\s+)?(?:[\w-]+\s+){{0,2}}?({roles.pattern})[\w\s]*?\s(?:of|at)\s+"
                                  r"(?:the\s+)?", after.lower())  # "Olivier François, head of the Fiat brand"
            # (also with a word before the role: "Euisun Chung, executive chair of Hyundai Motor Group")
            if appositive and org is None:
                start = b + appositive.end()
                # (a place's adjective there is no employer: "director of the Chinese brand")
                org = next((f for f in found if f.start == start and not f.demonym), None)
                role = appositive.group(1)
                if org is None and main_maker is not None and re.match(
                        rf"(?:[\w-]+\s+){{0,2}}?(?:{_SELF_NOUN}|brand)\b", after[appositive.end():].lower()):
                    org = main_maker  # "Eduardo Pincigher, corporate affairs director of the Chinese brand"
            # "Akio Toyoda, Toyota's president", "Lyle Watters, who runs Ford's operations", "an
            # engineer who previously led Honda's research", "Julian Blissett, who runs GM International"
            owner = _OWNER_AFTER.match(after)
            if org is None and owner:
                start = b + owner.end()
                named = next((f for f in found if f.start == start), None)
                possessed = named is not None and re.match(r"['’]s?\s", text[named.end:named.end + 3])
                if named is not None and (possessed or (owner.group(1) and (
                        named.entity.type in COMPANY_TYPES or named.entity.type is EntityType.BRAND))):
                    org = named
                    role_after = re.match(rf"['’]s?\s+({roles.pattern})\b", text[named.end:named.end + 60].lower())
                    role = role_after.group(1) if role_after else None
            if org is None and (runs := _RUNS_FOR.match(after)) is not None:
                org = next((f for f in found if f.start == b + runs.end() and not f.entity.type.is_place), None)
            if org is None and (runs := _RUNS_PLANT.match(after)) is not None:
                # "Harald Gottsche, who heads the San Luis Potosí plant": the plant's operator
                org = self._operator_of(next((f for f in found if f.start == b + runs.end()
                                              and f.entity.type is EntityType.PLANT), None))
            if org is None and _RUNS_OWN.match(after) and main_maker is not None:
                org = main_maker
            if org is None and _RUNS_BARE_PLANT.match(after):
                # (the plant named last before the person)
                org = self._operator_of(next((f for f in reversed(found) if f.end <= a and f.entity.type
                                              is EntityType.PLANT and f.entity.operator), None)) or main_maker
            # "Jim Farley, the chief executive," / "under chief executive Jim Farley": the article's maker
            # (a head of state or government is nobody's employee: "President Joko Widodo")
            # ("Lei Jun, the smartphone maker's founder and chief executive,"; "Jim Rowan, who became
            # chief executive in March 2022"; "Edward Hightower, an industry veteran, took over as
            # chief executive"; "launched by Luca de Meo after he became chief executive")
            became = re.match(rf"{_BECAME_ROLE}({roles.pattern})\b", after.lower())
            if became and org is None:  # "who became head of production of Constellium": that company
                of = re.match(r"(?:\s+for\s+[\w\s]{1,30}?)?\s+(?:of|at)\s+(?:the\s+)?", after[became.end():])
                named = next((f for f in found if of and f.start == b + became.end() + of.end()), None)
                if named is not None:
                    org, role, became = named, became.group(1), None
            # (", senior vice-president for sales and marketing, said": also with no article)
            bare_role = re.match(rf",\s+(?:then\s+)?(?:(?:the|its)\s+(?:(?:[\w-]+\s+){{0,2}}?(?:{_SELF_NOUN}|plant|factory)['’]s\s+)?)?"
                                 rf"(?:[\w-]+\s+)??({roles.pattern})"
                                 rf"(?:\s+and\s+(?:{roles.pattern}))?"
                                 # ("the management board member responsible for production,")
                                 rf"(?:\s+(?:responsible\s+for|in\s+charge\s+of|for|of)\s+[\w\s&]{{1,40}}?)?\s*[,.]",
                                 after.lower()) or (
                titled if titled and org is None and not office and (
                    titled.group(1) not in _PUBLIC_OFFICES or lower_president)
                else None) or (
                became if became and became.group(1) not in _PUBLIC_OFFICES else None)
            # "The Chinese company’s chairman, Wang Chuanfu,": the article's maker
            described_role = re.search(rf"\b(?:the|its)\s+(?:[\w-]+\s+){{0,2}}?(?:{_SELF_NOUN}|joint venture)['’]s\s+"
                                       rf"(?:[\w-]+\s+)??({roles.pattern}),\s+$", before.lower())
            if org is None and described_role and main_maker is not None:
                org, role = main_maker, described_role.group(1)
            # ("founded by the engineering professor Günther Schuh": a description may come between)
            founded = None if org is not None else re.search(
                r"\b(?:founded|co-founded|set\s+up|established)\s+(?:in\s+\d{4}\s+)?by\s+"
                rf"(?:(?:the|an?)\s+(?-i:[a-z][\w-]*\s+){{1,3}}|its\s+(?:[\w-]+\s+){{0,2}}?(?:{roles.pattern}),\s+)?$",
                before, re.IGNORECASE)
            if founded:
                # "Founded in 2019 by Carl-Magnus Norden and based in Stockholm, Volta designed ...";
                # "Ola Electric, the company founded by Bhavish Aggarwal": the company just named
                start = a - (len(before) - founded.start())
                named_before = next((f for f in reversed(makers) if f.end <= start and re.fullmatch(
                    rf",\s+(?:the\s+(?:[\w-]+\s+){{0,2}}?(?:{_SELF_NOUN})\s+|which\s+was\s+)?",
                    text[f.end:start])), None)
                org = named_before or next((f for f in makers if b <= f.start <= b + 80), None) or main_maker
                role = "founder"
            # the company named last before the person ("The company, led by ...", "its president")
            last_named = next((f for f in reversed(makers) if f.end <= a), None)
            led = None if org is not None else re.search(r",\s+(?:led|run|headed|chaired)\s+by\s+$", before)
            if led:
                # "Piaggio, chaired by Roberto Colaninno,": the company just before; "The company, led
                # by Ola Källenius since 2019, says ...": the company named last
                start = a - (len(before) - led.start())
                org = next((f for f in makers if f.end == start), None)
                if org is None and main_maker is not None and re.search(
                        rf"\b(?:(?:the\s+)?(?:{_SELF_NOUN})|it)$", before[:led.start()], re.IGNORECASE):
                    org = last_named or main_maker
            owned = None if org is not None else re.search(
                r",\s+which\s+(?:is|was)\s+(?:led|run|headed|chaired|owned|controlled)\s+by\s+$", before)
            if owned:
                # "Art-Finance, which is owned by Andrei Pavlovich": the company just before, if known
                start = a - (len(before) - owned.start())
                org = next((f for f in found if f.end == start and (
                    f.entity.type in COMPANY_TYPES or f.entity.type in (EntityType.SUPPLIER, EntityType.ORGANISATION))),
                    None)
            if bare_role is not None and bare_role.group(1) in _PUBLIC_OFFICES and not (
                    bare_role is titled and lower_president) and (
                    bare_role.group(1) != "president"
                    or not re.match(r",\s+(?:then\s+)?(?:the|its)\s", bare_role.group(0))):
                # "Fumio Kishida, the prime minister, said", "Donald Trump, then US president,":
                # nobody's employee ("the president" after a name is more often the company's:
                # "Akio Toyoda, the company's president")
                bare_role = None
            if org is None and titled and main_maker is not None and re.search(
                    rf"\b(?:its|the\s+(?:{_SELF_NOUN})['’]s)\s+(?:[\w-]+\s+)??{re.escape(titled.group(0))}$", before.lower()):
                # "said its president, Jeff Tomko": the company named last
                org = last_named or main_maker
                role = titled.group(1)
            # "Bhavish Aggarwal's scooter company": the article's maker is the person's
            if org is None and main_maker is not None and re.match(
                    rf"['’]s\s+(?:[\w-]+\s+){{0,2}}?(?:{_SELF_NOUN})\b", after):
                org = main_maker
            if org is None and bare_role and main_maker is not None:
                # "the chief executive" is the article's maker's; "its chief executive" that of the
                # company named last ("... it said it would stop ..., that Jochen Zeitz, its chief
                # executive, drew up")
                recent = last_named if bare_role.group(0).lstrip(", ").removeprefix("then ").startswith("its") else None
                org = recent or main_maker
                role = bare_role.group(1)
            listed = re.match(r"(?:,\s|\s(?:and|&)\s)", after) or re.search(r"(?:,\s|\s(?:and|&)\s)$", before)
            speech = re.match(r"\s+(?:said|says|told|added|explained|emphasised|emphasized|discuss|discussed)", after) \
                or re.search(r"(?:said|says|according to)\s+$", before)
            if org is None and not (listed or speech or titled):
                continue
            if org is None and speech and not titled and main_maker is not None:
                # "Elon Musk says the Cybertruck will follow", "Ola Källenius said ... that
                # Mercedes-Benz would cut its range": a speaker with no title speaks for the company
                # the sentence goes on to name, or else the one the article is about
                sentence = next((sp for sp in spans if sp.start <= a < sp.end + 1), None)
                end = sentence.end if sentence is not None else b + 200
                org = next((f for f in makers if b < f.start < end), None) or main_maker
            if org is not None and org.entity.type in (EntityType.COUNTRY, EntityType.REGION,
                                                         EntityType.SUBDIVISION, EntityType.LOCALITY):
                org = None
            person = self.linker.person(match.group(0))
            item = _Found(person, a, b)
            people.append(item)
            occupied.append((a, b))
            if org is not None:
                organisation = org.entity
                if organisation.type is EntityType.BRAND:
                    organisation = self.reference.owner(organisation)
                if organisation.type is EntityType.PLANT:  # "head of production at Toyota Karawang"
                    organisation = self.reference.org(organisation.operator or "") or organisation
                if organisation.type in (EntityType.MODEL, EntityType.PLANT):
                    continue
                s = next(sp for sp in spans if sp.start <= a < sp.end + 1)
                affiliations.append(Affiliation(person, organisation,
                                                Evidence(article.key, s, text[s.start:s.end]), role))
        return people, affiliations

    # -- production facts --------------------------------------------------------------------

    def _makers_in(self, sentence: _Sentence) -> list[_Found]:
        makers = []
        for item in sentence.found:
            if item.former or item.demonym:
                continue
            company = item.stands_for or self.linker.company(item.entity)
            if company is not None:
                makers.append(replace(item, entity=company))
        if any(not m.ally for m in makers):
            makers = [m for m in makers if not m.ally]
        producers = [m for m in makers if not m.plant_descriptor]
        return producers or makers

    def _sentence_makers(self, sentence: _Sentence) -> tuple[list[_Found], Entity | None]:
        """The makers a sentence names, and the one of them that builds the others' models, worked
        out once for the production and the strategy passes."""
        if sentence.makers is None:
            makers = self._makers_in(sentence)
            sentence.makers = (makers, self._model_builder(sentence, makers))
        return sentence.makers

    def _named_makers(self, sentence: _Sentence) -> set[Entity]:
        """The manufacturers a sentence names by themselves (not in a model's name, not as a former
        owner, a nationality, a plant's description or a partner in a joint venture)."""
        named = {self.linker.company(f.entity) for f in sentence.found if f.entity.type is not EntityType.MODEL
                 and not (f.former or f.demonym or f.plant_descriptor or f.ally)}
        named.discard(None)
        return named  # type: ignore[return-value]

    def _model_builder(self, sentence: _Sentence, makers: list[_Found]) -> Entity | None:
        """The one manufacturer a sentence names by itself, where the other makers in it are only
        the makers of the models it names: "Volkswagen builds the Skoda Superb in Bratislava",
        "Ford Otosan builds the Ford Puma in Craiova" (a sister company or a joint venture builds
        the model). ``None`` where the sentence names no such maker, or several."""
        named = self._named_makers(sentence)
        if len(named) != 1:
            return None
        builder = next(iter(named))
        others = {m.entity for m in makers} - {builder}
        if not others:
            return None
        # the builder is the subject: named before the other makers' models ("... builds the
        # Toyota Corolla Cross, and a Mazda crossover will follow" names no builder)
        models = [f for f in sentence.found if f.entity.type is EntityType.MODEL
                  and self.linker.company(f.entity) in others]
        return builder if self._builds_models(sentence, builder, models) else None

    def _builds_models(self, sentence: _Sentence, builder: Entity, models: list[_Found], *, first: bool = True) -> bool:
        """Whether a maker named by itself (with ``first``, before them) is the builder of other
        makers' ``models``: not where its name starts the name of a model or of its brand ("Volvo"
        and the FH of Volvo Trucks), which was more likely taken for the wrong one of two makers."""
        mentions = [f for f in sentence.found if f.entity.type is not EntityType.MODEL
                    and self.linker.company(f.entity) == builder]
        base = sentence.span.start
        if not models or not mentions or (first and mentions[0].start > models[0].start and not any(
                _OWN_PLACE.match(sentence.text, f.end - base) for f in mentions)):
            # (named after the models, only as the owner of the place: "Mercedes-Benz Citan comes
            # off Renault's Maubeuge line")
            return False
        names = {fold(sentence.text[f.start - base:f.end - base]) for f in mentions}
        return not any(any(fold(other) == n or fold(other).startswith(n + " ") for n in names)
                       for m in models
                       for other in (sentence.text[m.start - base:m.end - base], self.reference.brand_label(m.entity)))

    def _site_candidates(self, sentence: _Sentence, *, headline: bool = False) -> list[tuple[_Found, Status | None]]:
        """The places a sentence gives for production, each with the status its wording forces
        (an exit means ended); ``headline``: the sentence is the article's headline, where a town
        that opens it stands for the plant there ("Eisenach builds the new Grandland")."""
        text = sentence.text
        base = sentence.span.start
        non_site = lexicon("non-site-nouns")
        production_nouns = lexicon("production-nouns")
        relocation = sentence.relocation
        supplying = [m.span() for m in _SUPPLY_PURPOSE.finditer(text)]
        markets = _MARKET_WORD.search(text) is not None
        near_end: int | None = None
        described_end: int | None = None  # where a place that only says where a known plant is ends
        candidates: list[tuple[_Found, Status | None]] = []
        for item in sentence.found:
            entity = item.entity
            local_start = item.start - base
            local_end = item.end - base
            if any(self._in_supply_clause(text, local_start, span) for span in supplying):
                continue  # "The factory in Woodstock opened to supply packs for ...": no vehicles
            if (entity.type is EntityType.PLANT or entity.type.is_place) and _ARRIVES_FROM.search(
                    text, max(0, local_start - 80), local_start):
                continue
            if entity.type is EntityType.PLANT:
                candidates.append((item, None))
                continue
            if not entity.type.is_place or item.not_site:
                continue
            clause_start = local_start == 0 or bool(
                not headline and re.search(r"(?:,\s*(?:and|while|whereas)|;|\band)\s+$", text[max(0, local_start - 12):local_start]))
            if clause_start and entity.type is EntityType.LOCALITY and (
                    (_word_after(text, local_end)[:1].islower() or text.startswith(":", local_end))
                    if headline and local_start == 0 else _TOWN_BUILDS.match(text, local_end)):
                candidates.append((item, None))  # "Sanand makes the Ford Figo hatchback", "Tychy: ..."
                continue
            before = text[max(0, local_start - 40):local_start]
            next_word = _word_after(text, local_end).rstrip(".,;:")
            if next_word in non_site or next_word.lower() in non_site:
                continue
            if self._coordinated_with_non_site(text[local_end:], non_site):
                continue
            if next_word.lower() in ("vehicle", "car", "auto", "automotive", "ev") and \
                    _word_after(text, local_end + 1 + len(next_word)).lower() in (
                        "makers", "manufacturers", "brands", "market", "markets", "industry", "sales"):
                continue
            if _NOT_SITE_BEFORE.search(before) or _NOT_A_WORKS_BEFORE.search(before) or _NEGATED_BEFORE.search(before):
                continue
            if entity.type in (EntityType.COUNTRY, EntityType.REGION) and markets and _MARKET_BEFORE.search(before):
                continue  # "makes its twin for buyers in the United States": a market
            if _SHIPPED_TO.search(text, max(0, local_start - 120), local_start):
                continue  # "ships the Ranger from its plant in Pretoria to Europe": where it goes
            if _SOLD_AFTER.match(text, local_end):
                continue  # "in Europe the Passat sells mainly as an estate": a market
            if candidates and (_NEAR_BEFORE.fullmatch(text, candidates[-1][0].end - base, local_start) or (
                    described_end is not None and _NEAR_BEFORE.fullmatch(text, described_end, local_start))):
                # "in Vsevolozhsk, near St Petersburg": where the last site is, not a second one (a town
                # listed after it is: "..., near St Petersburg, and Naberezhnye Chelny")
                near_end = local_end
                continue
            if (candidates and entity.type in (EntityType.LOCALITY, EntityType.SUBDIVISION)
                    and candidates[-1][0].entity.type is EntityType.PLANT
                    and entity.key not in (candidates[-1][0].entity.locality, candidates[-1][0].entity.subdivision)
                    and re.fullmatch(r"\s+in\s+", text[candidates[-1][0].end - base:local_start])
                    and not _LIST_GOES_ON.match(text, local_end)):
                # "its Sayama car plant in Saitama": where the known plant is, not a second site
                # (nor is a place near it: "the Ayrton Senna Complex in São José dos Pinhais, near Curitiba")
                described_end = local_end
                continue
            if (candidates and entity.type is EntityType.LOCALITY
                    and candidates[-1][0].entity.type in (EntityType.LOCALITY, EntityType.PLANT)
                    # ("at Woking, in Surrey": a county GeoNames lacks is no town of another country)
                    and _IN_AREA_BEFORE.fullmatch(text, candidates[-1][0].end - base, local_start)
                    and not _LIST_GOES_ON.match(text, local_end)
                    and not _IN_AREA_BEFORE.search(text, max(0, candidates[-1][0].start - base - 12),
                                                   candidates[-1][0].start - base)):
                continue  # "at El Palomar, in Greater Buenos Aires": the area the town is in
            exit_match = _EXIT_BEFORE.search(before)
            in_source = relocation is not None and relocation.group("source") is not None and \
                relocation.start("source") <= local_start < relocation.end("source")
            if exit_match or in_source:  # "moving away from", "the transfer of production from"
                candidates.append((item, Status.ENDED))
                continue
            if item.demonym:
                # "European production", "the Czech joint venture plant"; not "the Korean carmaker's
                # plant", which is the maker's nationality; "in the Slovak capital" is a place
                following = [w.strip(".,;:").lower() for w in text[local_end:local_end + 40].split()[:3]]
                if following and (_COMPANY_NOUN.fullmatch(following[0]) or (
                        len(following) > 1 and following[0] in _MAKER_KINDS and _COMPANY_NOUN.fullmatch(following[1]))):
                    continue  # (also "the Vietnamese electric carmaker's factory")
                if following and following[0] in _PLACE_NOUNS and re.search(r"\b(?:in|at|near)\s+the\s+$", before):
                    candidates.append((item, None))
                    continue
                if any(w in production_nouns for w in following) and not any(
                        w in non_site for w in following):
                    candidates.append((item, None))
                continue
            if next_word.lower() in production_nouns or (
                    next_word.lower() in _VEHICLE_KINDS and entity.type in (EntityType.LOCALITY, EntityType.SUBDIVISION)
                    and _word_after(
                        text, local_end + 1 + len(next_word)).rstrip(".,;:").lower() in production_nouns):
                candidates.append((item, None))  # (also "its Ontario car plant")
                continue
            if entity.type is EntityType.LOCALITY and _TOWN_AND_PLANTS.match(text, local_end):
                candidates.append((item, None))  # "its Chennai and Sanand plants"
                continue
            # "Rwanda's first car plant", not "Indonesia's first battery cell plant"
            possessive = _PLACE_OWNS_PLANT.match(text, local_end)
            if possessive and not _pattern("non-vehicle-plant-words").search(possessive.group(0).lower()):
                candidates.append((item, None))
                continue
            # (not "for": "made the Civic for Europe" names a market)
            if re.search(r"\b(?:in|at|near|to|into)\s+(?:the\s+)?(?:[\w-]+\s+)?$", before):
                candidates.append((item, None))
                continue
            # "in Fort Wayne, Indiana, and Silao, Mexico": a town coordinated with the last site
            # (not a country: "in Thailand and New Zealand" lists markets as often as plants)
            if entity.type is EntityType.LOCALITY and candidates and (
                    _COORDINATED.fullmatch(text, candidates[-1][0].end - base, local_start)
                    or (near_end is not None and _COORDINATED.fullmatch(text, near_end, local_start))):
                candidates.append((item, candidates[-1][1]))
        return candidates

    @staticmethod
    def _in_supply_clause(text: str, index: int, span: tuple[int, int]) -> bool:
        """Whether a place at ``index`` belongs to the clause of a plant that supplies parts (the
        ``span`` of "to supply packs"): before it, or after it up to the next clause ("..., which
        the carmaker builds at its plant in Vance" is another clause)."""
        a, b = span
        between = text[index:a] if index < a else text[b:index]
        return not _CLAUSE_BREAK.search(between)

    @staticmethod
    def _coordinated_with_non_site(rest: str, non_site: frozenset[str]) -> bool:
        """"in the North American and domestic South Korean markets": the list ends in a market."""
        words = re.match(r"[^.,;:!?]*", rest)
        previous = ""
        for word in (words.group(0) if words else "").split()[:6]:
            bare = word.strip("'’\"")
            # (the noun that ends the list, not a verb after "and": "in Rayong and exports it to ...")
            if bare.lower() in non_site and previous.lower() not in ("", "and", "or", "&"):
                return True
            if not (bare[:1].isupper() or bare.lower() in ("and", "or", "&", "domestic", "local", "home",
                                                           "overseas", "export", "key", "major")):
                return False
            previous = bare
        return False

    def _contains(self, outer: Entity, inner: Entity) -> bool:
        if outer.ref == inner.ref:
            return False
        if outer.type is EntityType.REGION:
            return inner.country in outer.members if inner.country else False
        if outer.type is EntityType.COUNTRY:
            return inner.country == outer.key and inner.type is not EntityType.COUNTRY
        if outer.type is EntityType.SUBDIVISION:
            return inner.subdivision == outer.key and inner.type in (EntityType.LOCALITY, EntityType.PLANT)
        if outer.type is EntityType.LOCALITY:
            return inner.type is EntityType.PLANT and inner.locality == outer.key
        return False

    @staticmethod
    def _models_by_site(sites: list[tuple[_Found, Status | None]], model_at: dict[tuple[EntityType, str], int],
                        base: int, text: str = "") -> dict[tuple[EntityType, str], tuple[EntityType, str]] | None:
        """Which site each model of a sentence goes to, where models and sites take turns ("makes
        the Fiat Cronos in Córdoba and the Peugeot 208 at El Palomar"): each model to the site named
        after it. ``None`` where they do not, and every model goes to every site."""
        order = sorted({(found.start - base, found.entity.ref) for found, _ in sites})
        if len({ref for _, ref in order}) < 2 or len(model_at) < 2:
            return None
        assigned: dict[tuple[EntityType, str], tuple[EntityType, str]] = {}
        previous = -1
        for position, ref in order:
            inside = [model for model, at in model_at.items() if previous < at < position]
            if not inside:
                break  # a site with no model of its own before it
            assigned.update((model, ref) for model in inside)
            previous = position
        else:
            if len(assigned) == len(model_at):
                return assigned
        # or each site named before its models: "Wayne builds the Ranger and Toledo turns out the Wrangler"
        assigned = {}
        for index, (position, ref) in enumerate(order):
            following = order[index + 1][0] if index + 1 < len(order) else 1 << 30
            inside = [model for model, at in model_at.items() if position < at < following]
            if not inside:
                break
            assigned.update((model, ref) for model in inside)
        else:
            if len(assigned) == len(model_at):
                return assigned
        # or, where a model stands between any two sites (not "the Polo and the Golf in Wolfsburg and
        # Zwickau"), each model to the site its phrase names, else the last shortly before it in its
        # part of the sentence: "... which builds the Opel Corsa, ...; its other factories make small
        # vans in Vigo and the Citroën C4 in Madrid"
        starts = sorted({position for position, _ in order})
        if not text or _RELOCATION.search(text) or any(
                not any(a < at < b for at in model_at.values()) for a, b in pairwise(starts)):
            return None  # (models that move go with both places: "... moving to Aguascalientes")
        assigned = {}
        for model, at in model_at.items():
            part = (text.rfind(";", 0, at), text.find(";", at) % (len(text) + 1))
            # (the site its own phrase names, "the Citroën C4 in Madrid", else the last before it)
            after = [ref for position, ref in order if at < position < part[1]
                     and re.fullmatch(r"[^,;]{1,30}?\s(?:in|at)\s+(?:the\s+)?", text[at:position])]
            # (a model named far after the last site speaks of something else: "..., because they
            # serve other segments than the Titano")
            before = [ref for position, ref in order if part[0] < position < at and at - position <= 60]
            if after or before:
                assigned[model] = (after or before[-1:])[0]
        return assigned or None

    def _referent(self, described: re.Match[str], last: Entity, seen: list[Entity]) -> Entity:
        """The maker a description refers back to: the last one named, or where the description
        gives a nationality ("the Chinese carmaker"), the last one named from that country."""
        for word in described.group(0).split():
            country = self.reference.demonyms.get(fold(word))
            if country is not None:
                return next((m for m in reversed(seen) if m.country == country.key), last)
        return last

    def _status(self, sentence: _Sentence, position: int) -> Status | None:
        best: tuple[float, Status] | None = None
        given_up = False
        lowered = sentence.text.lower()
        matches = _status_matches(lowered)
        # "plans to build a prototype city on the site of its Higashi-Fuji plant in Susono, Shizuoka
        # prefecture, which will stop making cars": a relative clause right after the place says
        # what becomes of it, unless a cue just before the place does ("has restarted production at
        # its plant in Oshawa, which it shut in 2019")
        relative = _RELATIVE.search(lowered, position, position + 60)
        near = any(end <= position and position - end <= 40 for _, end, _ in matches)
        if relative is not None and not near and not _CLAUSE.search(lowered, position, relative.start()):
            # ("Its plant at Pluak Daeng, which makes the Swift, Ciaz and Celerio, will close": the
            # sentence's own verb after the relative clause says what becomes of the place)
            resumed = _RESUMED.search(lowered, relative.end(), relative.end() + 100) \
                if "which" in relative.group(0) else None
            main = [status for start, _, status in matches if resumed is not None and start == resumed.end()]
            if main:
                return max(main, key=lambda status: _STRENGTH[status])
            next_clause = _CLAUSE.search(lowered, relative.end())
            told = [(start, status) for start, stop, status in matches
                    if relative.end() <= start < min(relative.end() + 30,
                                                     next_clause.start() if next_clause else len(lowered))
                    and not any(s == stop + 1 and _STRENGTH[o] > _STRENGTH[status] for s, _, o in matches)]
            if told:
                return min(told, key=lambda t: t[0])[1]
        for start, end, status in matches:
            if any(s == end + 1 and _STRENGTH[o] > _STRENGTH[status] for s, _, o in matches):
                continue  # "will stop building": the modal is part of the stronger cue after it
            if ";" in lowered[min(end, position):max(start, position)] and self._other_site_by(sentence, start):
                continue  # "where Nikola built its Tre trucks until it went bust, ...; ... joins the Air at
                # Casa Grande": a cue beyond a semicolon speaks of a place of its own part
            distance = position - end if end <= position else 2 * (start - position)
            # a cancellation covers its whole clause ("dropped plans to build the 4x4 in Bridgend"),
            # not the next one ("..., and will make it in Hambach")
            if status is Status.CANCELLED and end <= position and not _CLAUSE.search(lowered, end, position):
                distance = -1
            elif (status is Status.CANCELLED and start >= position and not _CLAUSE.search(lowered, position, start)
                  and _PLAN_NOUN.search(lowered, _clause_bounds(lowered, position)[0], position)):
                distance = -1  # ("plan to buy the plant near Pune and build cars there lapsed")
            elif status is Status.CANCELLED and start >= position and _BACK_TO_PLAN.match(lowered, end):
                given_up = True
            if best is None or distance < best[0]:
                best = (distance, status)
        if given_up and best is not None and best[1] is Status.PLANNED:
            # "A foundation stone went down in Camaçari in 2012, but JAC gave up on the plant": a
            # later clause that gives up the plant or plan it speaks of again cancels a plan (not
            # "builds the Model Y in Fremont, but shelved the plant")
            return Status.CANCELLED
        return best[1] if best else None

    @staticmethod
    def _own_cue(lowered: str, position: int, at: int, status: Status) -> bool:
        """Whether a model at ``at``, after a site at ``position``, has a status cue of its own right
        before it ("built its last Focus at Michigan Assembly Plant, started making the Ranger ...
        and added the Bronco"); not a purpose ("opened in 2019 to build the E-Class"), nor a relative
        clause after a site that ends ("closing the Elizabeth plant, where it makes the Commodore").
        A ``position`` of -1 asks about a model before the site ("A year after the last Phaeton,
        Volkswagen has begun assembling the e-Golf at its Transparent Factory")."""
        if status is Status.ENDED and position >= 0 and re.search(r",\s*(?:which|where)\b", lowered[position:at]):
            # (unless it goes on there: "has left the Heilbronn site, which keeps building the e-tron GT")
            return re.search(r"\b(?:keeps?|keeping|continues?|continuing|still)\b", lowered[position:at]) is not None
        return any(position < s and e <= at and at - e <= 25 and cue is not status
                   and not lowered.startswith("to ", s) and not _CUE_AND_MODEL_APART.search(lowered, e, at)
                   for s, e, cue in _status_matches(lowered))

    @staticmethod
    def _later_clause_without(sentence: _Sentence, mention: _Found, site: Entity, after: int) -> bool:
        """Whether a maker's mention stands in a clause that begins at or after ``after`` and does not
        name ``site`` again ("TVS ..., which comes from its factory in the same town" does)."""
        lowered = sentence.text.lower()
        low, high = _clause_bounds(lowered, mention.start - sentence.span.start)
        return low >= after and not any(f.entity == site and low <= f.start - sentence.span.start < high
                                        for f in sentence.found) and not _SAME_PLACE.search(lowered, low, high)

    @staticmethod
    def _other_site_by(sentence: _Sentence, index: int) -> bool:
        """Whether the part of a sentence between semicolons around ``index`` names a place or plant."""
        low = sentence.text.rfind(";", 0, index) + 1
        high = sentence.text.find(";", index)
        high = len(sentence.text) if high < 0 else high
        return any((f.entity.type.is_place and not f.demonym) or f.entity.type is EntityType.PLANT
                   for f in sentence.found if low <= f.start - sentence.span.start < high)

    def _dates(self, article: Article, sentence: _Sentence) -> list[tuple[int, str, str]]:
        triggers = _pattern("production-triggers")
        lowered = sentence.text.lower()
        first_trigger = triggers.search(lowered)
        cues = [start for start, _, _ in _status_matches(lowered)]
        anchors = sorted(([first_trigger.start()] if first_trigger else []) + cues)
        found = []
        for match in _DATE.finditer(sentence.text):
            # (the pattern may take the space before a bare year: " 2026")
            begin = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
            prefix = _DATE_PREFIX.search(sentence.text[:begin])
            at_start = begin <= 6
            if not (any(a < begin for a in anchors) or at_start):
                continue
            if not (prefix or match.group("half") or match.group("q") or match.group("h") or
                    match.group("quarter") or match.group("month") or match.group("part") or match.group("rel")):
                continue
            value = _date_value(match, article.published)
            if value:
                phrase = (prefix.group(0) if prefix else "") + match.group(0)
                found.append((match.start(), value, " ".join(phrase.split())))
        return found

    def _date_for(self, sentence: _Sentence, dates: list[tuple[int, str, str]], position: int,
                  status: Status) -> tuple[str, str] | None:
        """The date nearest ``position`` that fits a fact of this status, with its phrase: not a
        date that an end or a cancellation just before it speaks of, for a fact that starts ("has
        restarted production at its plant, which it shut at the end of 2019"), nor a start's date
        for a fact that ends; none for a cancellation."""
        if status is Status.CANCELLED:
            return None
        matches = _status_matches(sentence.text.lower())
        hands = [m.end() for m in _CHANGED_HANDS.finditer(sentence.text)]
        fitting = []
        for at, value, phrase in dates:
            before = [(at - end, cue) for start, end, cue in matches if end <= at and at - end <= 40]
            cue = min(before, key=lambda b: b[0])[1] if before else None
            sold = [at - end for end in hands if end <= at and at - end <= 60]
            if sold and (not before or min(sold) < min(b[0] for b in before)):
                continue  # the date of a sale, the nearest verb before it
            ends = cue in (Status.ENDED, Status.CANCELLED)
            if status is Status.ENDED and phrase.lower().startswith(("from ", "since ")) and (
                    any(p.lower().startswith(("until ", "till ")) for _, _, p in dates)
                    or re.search(r"\b(?:until|till)\b", sentence.text[at:])):
                continue  # "had built the Cruze there from 2010 until March 2019": a start
                # ("... from 2014 until the agreement ran out in 2020")
            if cue is None or ends == (status is Status.ENDED):
                fitting.append((at, value, phrase))
        if not fitting:
            return None
        _, value, phrase = min(fitting, key=lambda d: abs(d[0] - position))
        return value, phrase

    def _production(self, article: Article, text: str, sents: list[_Sentence]) -> tuple[ProductionFact, ...]:
        triggers = _pattern("production-triggers")
        coref = _pattern("coreference")
        facts: dict[tuple[object, ...], ProductionFact] = {}
        last_maker: Entity | None = None
        seen: list[Entity] = []  # the makers named so far, in order
        # a headline about a battery, cell or engine plant: "the factory" of its standfirst is that one
        non_vehicle_headline = bool(article.title) and bool(_non_vehicle_plant().search(article.title.lower()))
        undated: list[tuple[Entity, Entity | None, list[tuple[int, str, str]], Status | None]] = []
        untold: set[tuple[object, ...]] = set()  # the headline's facts with no word of their status
        headline = sents[0] if sents and sents[0].span.start == 0 and article.title else None
        headline_companies = {self.linker.company(f.entity) for f in headline.found
                              if f.entity.type in COMPANY_TYPES} if headline is not None else set()
        # (and with the brands' companies: "KTM restarts Mattighofen lines")
        headline_makers = {c for f in headline.found if f.entity.type in (*COMPANY_TYPES, EntityType.BRAND)
                           and (c := self.linker.company(f.entity)) is not None} if headline is not None else set()
        last_sites: list[_Found] = []
        headline_sites = False  # whether the last sites are the headline's
        named_sites: set[Entity] = set()
        built: list[tuple[Entity, Entity, Entity]] = []  # (model, site, the maker said to build it there)
        for sentence in sents:
            makers, builder = self._sentence_makers(sentence)
            lowered = sentence.text.lower()
            placed = any(f.entity.type.is_place or f.entity.type is EntityType.PLANT for f in sentence.found)
            sites = self._site_candidates(sentence, headline=bool(article.title) and sentence.span.start == 0) \
                if placed else []
            there = _THERE.search(sentence.text) if not sites and last_sites else None
            back: re.Match[str] | None = None
            if there and any(f.entity.type is EntityType.MODEL for f in sentence.found) and \
                    self._named_makers(sentence):
                # "Ford Otosan ... started building the Puma there": the places of the last sentence
                # that had one, where the sentence names its maker (a fact has at least one of the two
                # said outright: not "The carmaker ... with the Navara among the last built there")
                # and a model (not "to make its operations there profitable")
                there_at = sentence.span.start + there.start()
                sites = [(_Found(f.entity, there_at, there_at + len(there.group(0))), None) for f in last_sites]
            elif (not sites and headline_sites and len({f.entity for f in last_sites}) == 1
                  and (back := _PLANT_BACK.search(sentence.text)) is not None
                  and any(f.entity.type is EntityType.MODEL for f in sentence.found)):
                # "Vitoria: the Basque home of Mercedes-Benz’s vans | The plant makes the Vito": the
                # plant is the one place the headline names
                back_at = sentence.span.start + back.start()
                sites = [(_Found(last_sites[0].entity, back_at, back_at + len(back.group(0))), None)]
            elif (not sites and headline_sites and len({f.entity for f in last_sites}) == 1
                  and headline is not None and not facts and sentence is sents[1 if len(sents) > 1 else 0]
                  and (verb := triggers.search(_ROLE_OVER.sub(" ", lowered))) is not None
                  and len(headline_makers) == 1 and not _non_vehicle_plant().search(lowered)
                  and not any(f.entity.type is EntityType.COUNTRY and not f.demonym for f in sentence.found)
                  # ("the bus maker", or "It" that opens the sentence; not any "its")
                  and (((referring := coref.search(lowered)) is not None
                        and (referring.start() == 0 or referring.group(0) not in ("it", "its")))
                       or any(f.entity.type in (*COMPANY_TYPES, EntityType.BRAND)
                              and self.linker.company(f.entity) in headline_makers for f in sentence.found))):
                # "KTM restarts Mattighofen lines | The Austrian motorcycle maker resumed production":
                # the standfirst that goes on about the headline's one company and says what is made
                # speaks of the one place the headline names, where the headline gave no fact; that
                # company builds what it names where the standfirst names no maker outside its family
                # ("Ford Vietnam adds the Territory in Hai Duong | The SUV is now assembled at Ford’s
                # expanded plant in the northern province")
                said_at = sentence.span.start + verb.start()
                sites = [(_Found(last_sites[0].entity, said_at, said_at + len(verb.group(0))), None)]
                lead = next(iter(headline_makers))
                if all(o == lead or _parent_or_child(o, lead) for o in self._named_makers(sentence)):
                    builder = lead
                    makers = [_Found(lead, sentence.span.start, sentence.span.start)]
            elif sites:
                last_sites = [f for f, _ in sites]
                headline_sites = sentence.span.start == 0 and bool(article.title)
            named_sites.update(f.entity for f, _ in sites)
            if sentence.span.start == 0 and article.title:  # "Toyota takes sole control of Kolín"
                named_sites.update(f.entity for f in sentence.found if f.entity.type is EntityType.LOCALITY
                                   and not _NOT_A_WORKS_BEFORE.search(text[max(0, f.start - 40):f.start]))
            # a known plant, or a plant described with its place ("The new factory in Jawor")
            has_plant = any(f.entity.type is EntityType.PLANT for f in sentence.found) or bool(
                sites and _DESCRIBED_PLANT.search(lowered))
            other_orgs = any(f.entity.type in (EntityType.SUPPLIER, EntityType.ORGANISATION) for f in sentence.found)
            # "the company", "it" -- or, in a sentence about a plant that names no other company,
            # the manufacturer the article is about ("The Austin factory builds the Model Y").
            described = coref.search(lowered)
            if described and described.group(0) in ("it", "its") and any(
                    f.entity.type is EntityType.MODEL and 0 <= sentence.span.start + described.start() - f.end <= 25
                    for f in sentence.found):
                described = None  # "the Jeep Wrangler and its pickup sibling": the model's, not a maker's
            if described and last_maker is not None:  # "the Chinese carmaker": the last one from China
                last_maker = self._referent(described, last_maker, seen)
            if not makers and last_maker is not None and (described or (has_plant and not other_orgs)):
                makers = [_Found(last_maker, sentence.span.start, sentence.span.start)]
            elif (makers and last_maker is not None and described and described.start() <= 4
                  and described.group(0) not in ("it", "its") and all(m.entity != last_maker for m in makers)
                  and all(m.plant_descriptor or re.search(r"\b(?:at|in|with|from|for)\s+(?:a|an|the)?\s*$",
                                                          text[max(0, m.start - 12):m.start]) for m in makers)):
                # "The joint venture ... plans to build vans at a Renault factory": the venture the
                # sentence starts with builds there, not the owner of the plant it uses
                makers = [_Found(last_maker, sentence.span.start, sentence.span.start)]
            elif (makers and builder is None and last_maker is not None and not self._named_makers(sentence)
                  and not any(m.plant_descriptor for m in makers)
                  and ((described and all(m.entity != last_maker for m in makers)) or back
                       # ("Pak Suzuki retires the Mehran | ... making way for a locally assembled
                       # Suzuki Alto": the national company the article is about builds its parent's)
                       or (all(m.entity.key == last_maker.parent for m in makers)
                           and last_maker in headline_companies)
                       # ("The Coahuila plant, which builds the Prologue for Honda alongside the
                       # Chevrolet Blazer EV": the client's model is built by the maker the article
                       # is about)
                       or (_CLIENT_IN.search(lowered) and (clients := self._clients(sentence))
                           and last_maker not in clients))):
                # "the carmaker ... will also build the next Volkswagen Amarok": the makers named only
                # in the models' names build nothing here; the one the article is about builds them
                builder = last_maker
                makers = [_Found(last_maker, sentence.span.start, sentence.span.start)]
            if makers and last_maker is not None and all(m.ally for m in makers) and _CLIENT_IN.search(lowered) \
                    and all(m.entity != last_maker for m in makers):
                # "Sandouville will build electric vans for the Flexis joint venture": the client
                # builds nothing; the maker the article is about does
                makers = [_Found(last_maker, sentence.span.start, sentence.span.start)]
            if not makers and (built_by := self._plant_builder(sentence, text)) is not None:
                makers = [built_by]
            elif makers and (built_by := self._plant_builder(sentence, text, company_only=True)) is not None:
                # "Mercedes-Benz South Africa began producing the latest Mercedes-Benz C-Class",
                # "Subaru of Indiana Automotive made its last Toyota Camry": the operating company
                # the sentence opens with builds the models it names (where it names no other
                # maker than the company's relatives and the plant's operator)
                operator = self._opening_plant(sentence).entity.operator  # type: ignore[union-attr]
                if all(_parent_or_child(named, built_by.entity) or named.key == operator
                       for named in self._named_makers(sentence)):
                    builder = built_by.entity
                    makers = [built_by]
            if makers:
                # (the builder of the others' models, where the sentence names one, is the one a
                # later "the factory" or "the company" speaks of)
                last_maker = builder if builder is not None else makers[0].entity
                seen.extend(m.entity for m in makers)
            if not (triggers.search(_ROLE_OVER.sub(" ", lowered)) or has_plant) or not makers:
                continue
            if (non_vehicle_headline and sentence.span.start > 0
                    and re.search(r"\b(?:the|its|their)\s+(?:\S+\s+){0,2}?(?:plant|factory|facility|site|works)\b",
                                  lowered)
                    and not any(f.entity.type in (EntityType.MODEL, EntityType.PLANT) for f in sentence.found)):
                continue  # "... to build a battery cell plant in Indiana | the joint venture’s factory in ..."
            # (not "imported models such as the Mustang": they are made elsewhere)
            # (nor "based on the D-Max", "a close relative of the Captur": the model it comes from)
            models = list(dict.fromkeys(
                f.entity for f in sentence.found if f.entity.type is EntityType.MODEL
                and not _IMPORTED_BEFORE.search(text, max(sentence.span.start, f.start - 50), f.start)
                and not _MODEL_ORIGIN_BEFORE.search(text, max(sentence.span.start, f.start - 30), f.start)))
            if builder is not None:  # the models' own makers are named only in the models' names
                makers = [m for m in makers if m.entity == builder]
            # where each model stands, or the list it ends ("builds the i10, i20 and Bayon, will
            # start making an EV": the Bayon is built, like the i10 the list begins with)
            model_at: dict[tuple[EntityType, str], int] = {}
            previous: _Found | None = None
            head = 0
            for f in sentence.found:
                if f.entity.type is not EntityType.MODEL:
                    continue
                if previous is None or not _MODEL_LIST.fullmatch(text, previous.end, f.start):
                    head = f.start - sentence.span.start
                model_at.setdefault(f.entity.ref, head)
                previous = f
            dates = self._dates(article, sentence)
            if not sites:
                for model in models or [None]:
                    maker = (builder or self.linker.company(model)) if model else makers[0].entity
                    if maker is not None:
                        told = self._status(sentence, model_at[model.ref]) if model is not None else None
                        undated.append((maker, model, dates, told))
                continue
            specific = [s for s in sites if not any(self._contains(s[0].entity, o[0].entity) for o in sites)]
            pairs = {(m.entity, site.entity) for m in makers for site, _ in sites
                     if m.end <= site.start and _PAIRED.fullmatch(text[m.end:site.start])}
            evidence = Evidence(article.key, sentence.span, sentence.text)
            seen_sites: set[tuple[EntityType, str]] = set()
            relocation = sentence.relocation
            site_of_model = self._models_by_site(specific, model_at, sentence.span.start, sentence.text)
            # (a model's maker is no maker paired with a place: "the Fiat Toro and Ram Rampage at Goiana")
            model_starts = {f.start for f in sentence.found if f.entity.type is EntityType.MODEL}
            for site, forced in specific:
                if site.entity.ref in seen_sites:
                    continue
                seen_sites.add(site.entity.ref)
                position = site.start - sentence.span.start
                told = forced or self._status(sentence, position)
                status = told or Status.ACTIVE
                if relocation and not forced:
                    if relocation.group("source") and relocation.start("source") <= position < relocation.end("source"):
                        status = Status.ENDED
                    elif relocation.start("target") <= position < relocation.end("target"):
                        future = _FUTURE.search(sentence.text, 0, relocation.start("target"))
                        status = Status.PLANNED if future else Status.ACTIVE
                start = end = start_phrase = end_phrase = None
                picked = self._date_for(sentence, dates, position, status)
                if picked is not None:
                    value, phrase = picked
                    if status is Status.ENDED:
                        end, end_phrase = value, phrase
                    else:
                        start, start_phrase = value, phrase
                producer_list = [m.entity for m in makers]
                site_builder = builder
                clause_models: set[tuple[EntityType, str]] | None = None
                if site.entity.type is EntityType.PLANT and len(producer_list) > 1:
                    # (of the plant's own clause, its operator or else the first: "BMW builds the X3
                    # in Gauteng, and Ford ships the Ranger from its Silverton Assembly Plant",
                    # "Renault's factory near Tangier and Stellantis' plant in Kenitra")
                    low, high = _clause_bounds(lowered, position)
                    in_clause = [m.entity for m in makers if low <= m.start - sentence.span.start < high]
                    operating = [p for p in in_clause if site.entity.operator and (
                        site.entity.operator in self.linker.family(p.key)
                        or p.key in self.linker.family(site.entity.operator))]
                    producer_list = operating[:1] or in_clause[:1] or producer_list[:1]
                # "plants run by Mercedes-Benz in Vance, Hyundai in Montgomery and Honda in Lincoln":
                # in a list of makers each with its place, each makes only at its own
                paired = [m.entity for m in makers if m.end <= site.start and m.start not in model_starts
                          and _PAIRED.fullmatch(text[m.end:site.start])]
                if paired and len(pairs) >= 2:
                    producer_list = paired[-1:]
                elif builder is None and len(set(producer_list)) > 1:
                    # "Oyak Renault and Tofaş build cars in Bursa, and Ford Otosan makes vans in
                    # Kocaeli": a site in a clause that names makers of its own is not made at by
                    # the makers of another clause with a place of its own (but "..., and a Mazda
                    # crossover will follow" speaks of the same site)
                    low, high = _clause_bounds(lowered, position)
                    own = {m.entity for m in makers if low <= m.start - sentence.span.start < high}
                    elsewhere = {m.entity for m in makers if m.entity not in own and any(
                        _clause_bounds(lowered, m.start - sentence.span.start)
                        == _clause_bounds(lowered, other.start - sentence.span.start) for other, _ in sites)}
                    if own:
                        producer_list = [p for p in producer_list if p not in elsewhere]
                        # (nor, after the clause, makers of a clause of their own that speaks of other
                        # works: "..., and Ford and SK On are putting up cell factories")
                        producer_list = [p for p in producer_list if p in own or not any(
                            m.entity == p and self._later_clause_without(sentence, m, site.entity, high)
                            for m in makers)]
                        # ("Bajaj Auto makes the 390 Duke in Chakan, and CFMoto assembles the 790 Duke
                        # in Hangzhou": the one maker a clause names by itself builds the others'
                        # models there, as in a sentence that names one)
                        named_own = {m.entity for m in makers if m.start not in model_starts
                                     and low <= m.start - sentence.span.start < high
                                     and not re.match(r"['’]", text[m.end:m.end + 1])}  # (not "Hyundai's plan")
                        # (the others named only in their models' names, or before the clause: "BMW
                        # Motorrad builds the CE 04 in Berlin, while Loncin assembles the C 400 X for
                        # it in Chongqing"; not a later clause's maker that names the place again)
                        named_here_or_later = {m.entity for m in makers if m.start not in model_starts
                                               and m.start - sentence.span.start >= low}
                        if len(named_own) == 1 and named_own < set(producer_list) and not (
                                set(producer_list) - named_own) & named_here_or_later and self._builds_models(
                                    sentence, next(iter(named_own)),
                                    [f for f in sentence.found if f.entity.type is EntityType.MODEL
                                     and low <= f.start - sentence.span.start < high], first=False):
                            site_builder = next(iter(named_own))
                            producer_list = [site_builder]
                            # (it builds what its clause names: "..., while the Master van it sells is
                            # built by Renault Group at Batilly" is not the E-Tech T of the clause before)
                            clause_models = {ref for ref, at in model_at.items() if low <= at < high}
                for maker in producer_list:
                    own_models = [m for m in models
                                  if (site_builder == maker and (clause_models is None or m.ref in clause_models))
                                  or self._makes_own(maker, self.linker.company(m))] or [None]
                    if site_of_model is not None:
                        own_models = [m for m in own_models
                                      if m is None or site_of_model.get(m.ref) == site.entity.ref] or [None]
                    if status is Status.ENDED and forced:
                        own_models = [None]
                    for model in own_models:
                        if site_builder is not None and model is not None:
                            built.append((model, site.entity, site_builder))
                        fact = ProductionFact(maker, site.entity, status, evidence, model,
                                              start, start_phrase, end, end_phrase)
                        # "dropped plans to build SUVs at Oakville and will instead produce Super
                        # Duty pickups there": a model in a later clause has that clause's status
                        # (one in an earlier clause is what the later one speaks of again); so has
                        # one in a relative clause after a site with plans ("will go into the Czech
                        # plant, which makes the Aygo X"), but not after one that closes ("The factory,
                        # which builds the Cruze, is closing": the model ends with it)
                        at = model_at.get(model.ref) if model is not None and not forced else None
                        if at is not None and ((at > position and (_CLAUSE.search(lowered, position, at) or (
                                status is Status.PLANNED and _RELATIVE.search(lowered, position, at)) or (
                                self._own_cue(lowered, position, at, status)))) or (
                                at < position and status is not Status.ENDED and relocation is None
                                and not _CLAUSE.search(lowered, at, position) and self._own_cue(lowered, -1, at, status))):
                            own_status = self._status(sentence, at)
                            if own_status is not None and own_status is not status:
                                fact = replace(fact, status=own_status, start=None, start_phrase=None,
                                               end=None, end_phrase=None)
                                picked = self._date_for(sentence, dates, at, own_status)
                                if picked is not None:
                                    value, phrase = picked
                                    if own_status is Status.ENDED:
                                        fact = replace(fact, end=value, end_phrase=phrase)
                                    else:
                                        fact = replace(fact, start=value, start_phrase=phrase)
                                bare_key = (maker.ref, None, site.entity.ref)
                                facts.setdefault(bare_key, replace(fact, status=status, model=None,
                                                                   start=start, start_phrase=start_phrase,
                                                                   end=end, end_phrase=end_phrase))
                        key = (maker.ref, model.ref if model else None, site.entity.ref)
                        if key not in facts:
                            facts[key] = fact
                            if told is None and relocation is None and sentence.span.start == 0:
                                untold.add(key)
                        elif key in untold and (told is not None or relocation is not None):
                            # "Nissan picks Rosslyn for the Navara | Nissan will build the Navara
                            # ... from next year": a headline that says nothing of when gives way
                            facts[key] = fact
                            untold.discard(key)
                        elif (facts[key].evidence.span.start == 0 and sentence.span.start > 0
                              and facts[key].status is fact.status and not (facts[key].start or facts[key].end)
                              and (fact.start or fact.end)):
                            # ("Ford leaves Chennai | Ford ended production ... in 2022": the sentence
                            # that dates the headline's fact gives it)
                            facts[key] = fact
        # Where a sentence says who builds a model at a site ("Ford Otosan builds the Ford Puma
        # there"), a fact that only the model's name gave its maker ("Craiova adds the Puma") goes.
        # (also where one site holds the other: "built in Santa Rosa", "at its plant in Santa Rosa")
        for fact_key, fact in list(facts.items()):
            if fact.model is None:
                continue
            said = [by for model, site, by in built if model == fact.model and (
                site == fact.site or self._contains(fact.site, site) or self._contains(site, fact.site))]
            if said and not any(_parent_or_child(by, fact.manufacturer) for by in said):
                del facts[fact_key]
        # A model named in a sentence without a place ("with the Nissan Navara among the last
        # models built there") is made where its maker's only site in the article is.
        for maker, named, _, own_status in undated:
            if named is None or any(f.model == named for f in facts.values()):
                continue
            makers_facts = [f for f in facts.values() if f.manufacturer.ref == maker.ref]
            their_sites = {f.site for f in makers_facts}
            # (the plant counts, not also the town it is in)
            finest = {s for s in their_sites if not any(self._contains(s, o) for o in their_sites)}
            if len(finest) != 1:
                continue
            makers_facts = [f for f in makers_facts if f.site in finest]
            site_fact = next((f for f in makers_facts if f.model is None), makers_facts[0])
            if own_status is not None and own_status is not site_fact.status:
                # "Ford’s Valencia factory gets a new model. The plant will build the Kuga": the
                # model's own sentence says what becomes of it
                facts[(maker.ref, named.ref, site_fact.site.ref)] = replace(
                    site_fact, model=named, status=own_status, start=None, start_phrase=None, end=None, end_phrase=None)
                continue
            if site_fact.model is None:
                facts.pop((maker.ref, None, site_fact.site.ref), None)
            facts[(maker.ref, named.ref, site_fact.site.ref)] = replace(site_fact, model=named)
        # Dates given in a sentence without a place ("With production set to commence in the
        # second half of 2025, the Polestar 4 ...") complete the facts about the same model.
        for maker, model, dates, _ in undated:
            if not dates:
                continue
            _, value, phrase = dates[0]
            for key, fact in facts.items():
                if fact.manufacturer.ref == maker.ref and (model is None or fact.model == model) \
                        and fact.start is None and fact.status in (Status.PLANNED, Status.ACTIVE):
                    facts[key] = replace(fact, start=value, start_phrase=phrase)
        # A fact without a model takes the article's one model of that maker ("Porsche starts
        # Taycan production ... The sports car maker began series production at its plant ...").
        models_of: dict[tuple[EntityType, str], set[Entity]] = {}
        for sentence in sents:
            for item in sentence.found:
                if item.entity.type is EntityType.MODEL and not _MODEL_ORIGIN_BEFORE.search(
                        text, max(sentence.span.start, item.start - 30), item.start):  # (not "based on the D-Max")
                    maker = self.linker.company(item.entity)
                    if maker is not None:
                        models_of.setdefault(maker.ref, set()).add(item.entity)
        models_placed = {(f.model, f.evidence) for f in facts.values() if f.model is not None}
        for key, fact in list(facts.items()):
            own = models_of.get(fact.manufacturer.ref, set())
            if fact.model is None and len(own) == 1 and fact.status is not Status.ENDED:
                model = next(iter(own))
                # (not where the same sentence puts the model at another site: "small vans in Vigo
                # and the Citroën C4 in Madrid")
                if (fact.manufacturer.ref, model.ref, fact.site.ref) not in facts and (model, fact.evidence) not in models_placed:
                    del facts[key]
                    facts[(fact.manufacturer.ref, model.ref, fact.site.ref)] = replace(fact, model=model)
        # A model the headline says is scrapped is no longer planned where the text says it was
        # due ("Jaguar Land Rover scraps the electric XJ | The saloon, due to be built at the
        # Castle Bromwich plant, ..."); and a headline that calls a plan off, and names no place,
        # speaks of the plan its standfirst tells ("Stellantis kills the electric Ram 1500 REV | The
        # pickup, due to be built at the Sterling Heights Assembly Plant, ..."), but not of a plan
        # the standfirst gives "instead"
        if headline is not None:
            cues = _status_matches(headline.text.lower())
            scrapped = {f.entity for f in headline.found if f.entity.type is EntityType.MODEL and any(
                cue is Status.CANCELLED and e <= f.start for _, e, cue in cues)}
            called_off = (len(sents) > 1 and bool(headline_makers) and any(cue is Status.CANCELLED for _, _, cue in cues)
                          and not any(f.entity.type.is_place or f.entity.type is EntityType.PLANT for f in headline.found)
                          and not re.search(r"\binstead\b", sents[1].text))
            for fact_key, fact in list(facts.items()):
                if fact.status is Status.PLANNED and (fact.model in scrapped or (
                        called_off and fact.evidence.span == sents[1].span and any(
                            fact.manufacturer == lead or _parent_or_child(fact.manufacturer, lead)
                            for lead in headline_makers))):
                    facts[fact_key] = replace(fact, status=Status.CANCELLED, start=None, start_phrase=None)
        # A national company the article names builds its parent's production in its country ("Last
        # Falcon leaves Broadmeadows as Ford Australia ends ...": Ford Australia's, not Ford's)
        national: dict[tuple[tuple[EntityType, str], str], set[Entity]] = {}
        for sentence in sents:
            for item in sentence.found:
                unit = item.entity
                # (one the reference data knows, named after its parent: not "Mack Trucks" for Volvo
                # Group; a name minted from the text, "Toyota Australia", may be a sales company)
                if unit.linked and not (item.former or item.ally) and (parent := self._national_parent(unit)) \
                        is not None and fold(parent.label.split()[0]) in fold(unit.label).split():
                    national.setdefault((parent.ref, unit.country or ""), set()).add(unit)
        for fact_key, fact in list(facts.items()):
            site_country = fact.site.key if fact.site.type is EntityType.COUNTRY else fact.site.country
            units = national.get((fact.manufacturer.ref, site_country or ""), set())
            if len(units) == 1:
                unit = next(iter(units))
                del facts[fact_key]
                # (a fact with no model says nothing the national company's own facts there do not)
                if fact.model is None and any(
                        o.manufacturer == unit and (o.site.key if o.site.type is EntityType.COUNTRY else o.site.country)
                        == site_country for o in facts.values()):
                    continue
                facts.setdefault((unit.ref,) + fact_key[1:], replace(fact, manufacturer=unit))
        # (subsumed facts go first: "Africa" is no site of its own where the article says South Africa)
        return self._drop_restated(self._drop_subsumed(list(self._refine_sites(
            list(self._drop_subsumed(list(facts.values()))), named_sites))))

    def _drop_restated(self, facts: tuple[ProductionFact, ...]) -> tuple[ProductionFact, ...]:
        """Leave out a headline's fact that the text after it gives to another builder in the same
        country: "A Fiat made in Hiroshima? | Mazda began building the Fiat 124 Spider ...", "JLR's
        first Chinese factory opens | Chery Jaguar Land Rover, the joint venture, began building
        ...", "Ford quits car production in Russia | Ford Sollers ... closed its car plants". The
        headline's maker is the model's (the builder was not yet named), a relative of the builder,
        or in the builder's name; a known plant in the headline gives way only to facts there."""
        def country(site: Entity) -> str | None:
            return site.key if site.type is EntityType.COUNTRY else site.country

        kept = []
        for fact in facts:
            if fact.evidence.span.start == 0:
                maker = fact.manufacturer
                # (a known plant the headline names is no vaguer than what follows: only that plant)
                builders = {o.manufacturer for o in facts if o.evidence.span.start > 0 and o.manufacturer != maker
                            and country(o.site) is not None and country(o.site) == country(fact.site)
                            and (fact.site.type is not EntityType.PLANT or o.site == fact.site)
                            and (fact.model is None or o.model == fact.model)}
                of_model = fact.model is not None and self.linker.company(fact.model) == maker
                if any(of_model or self._kin(b) & self._kin(maker)
                       or fold(maker.label.split()[0]) in fold(b.label).split() for b in builders):
                    continue
            kept.append(fact)
        return tuple(kept)

    def _refine_sites(self, facts: list[ProductionFact], named: set[Entity]) -> list[ProductionFact]:
        """A fact placed in a country or state goes to the one town or plant in it that the
        article names as a place of production, where no other maker's fact is there and no
        other maker runs the plant ("the Czech joint venture plant" in an article about Kolín);
        where the same maker has facts there already, the vaguer fact goes unless it names a
        model they do not."""
        refined = []
        for fact in facts:
            if fact.site.type in (EntityType.COUNTRY, EntityType.SUBDIVISION):
                inside = {e for e in named if e.type in (EntityType.LOCALITY, EntityType.PLANT)
                          and self._contains(fact.site, e)}
                finest = [e for e in inside if not any(self._contains(e, o) for o in inside)]
                if len(finest) == 1:
                    site = finest[0]
                    there = [f for f in facts if f.site == site]
                    run_by = site.operator is None or fact.manufacturer.key in self.linker.family(site.operator)
                    own = [f for f in there if _parent_or_child(f.manufacturer, fact.manufacturer)]
                    if own and (fact.model is None or any(f.model == fact.model for f in own)):
                        continue  # the article says more about that plant: this fact adds nothing
                    if len(own) == len(there) and run_by:
                        fact = replace(fact, site=site)
            refined.append(fact)
        return refined

    def _drop_subsumed(self, facts: list[ProductionFact]) -> tuple[ProductionFact, ...]:
        """Leave out "Polestar 3 built in the US" where the article says which plant in the US, and
        "Tesla builds at Giga Texas" where it says which model Tesla builds there; the finer fact
        may be about the company's parent or subsidiary ("Stellantis' plant in Thuringia" and
        "Eisenach builds the new Opel Grandland")."""
        kept = []
        for fact in facts:
            finer = [o for o in facts if o is not fact and _parent_or_child(o.manufacturer, fact.manufacturer)
                     and (o.model == fact.model or fact.model is None) and o.status == fact.status
                     and (self._contains(fact.site, o.site)
                          or (o.site == fact.site and fact.model is None and o.model is not None
                              and o.manufacturer == fact.manufacturer))]
            if not finer:
                kept.append(fact)
        return tuple(kept)

    # -- strategies --------------------------------------------------------------------------

    def _strategies(self, article: Article, text: str, sents: list[_Sentence],
                    production: tuple[ProductionFact, ...] = ()) -> tuple[StrategyFact, ...]:
        coref = _pattern("coreference")
        results: dict[tuple[str, tuple[EntityType, str] | None], StrategyFact] = {}
        last_maker: Entity | None = None
        # In a full article, a strategy named once in the body is mentioned in passing; one in
        # the headline or standfirst, or in two sentences of the body, is discussed.
        lead_end = (len("\n\n".join(p for p in (article.title, article.summary) if p))
                    if article.text else None)
        support: dict[tuple[str, tuple[EntityType, str] | None], int] = {}
        seen: list[Entity] = []
        for sentence in sents:
            lowered = sentence.text.lower()
            found_makers, builder = self._sentence_makers(sentence)
            # (the sister company that builds another's model is the one the sentence is about)
            makers = [builder] if builder is not None else [m.entity for m in found_makers]
            if not makers:  # (the customers of a steel plant buy its green steel)
                makers = [c for c in (self.linker.company(f.entity) for f in sentence.found if f.customer) if c]
            described = coref.search(lowered)
            if not makers and last_maker is not None and described:
                makers = [self._referent(described, last_maker, seen)]
            elif not makers and last_maker is not None and lead_end is None and sentence.span.start > 0 \
                    and not any(f.entity.type in COMPANY_TYPES for f in sentence.found):
                # a listing line's standfirst that names no company goes on about the headline's
                # ("Fiat brings the Panda home to Pomigliano | ... under Sergio Marchionne's plan
                # to reshore volume to Italy")
                makers = [last_maker]
            elif (makers and last_maker is not None and described and described.group(0) not in ("it", "its")
                  and (re.match(r"\s+(?:and|&)\s", lowered[described.end():])
                       or re.search(r"\s(?:and|&)\s+$", lowered[:described.start()]))):
                # "The Chinese carmaker and Spain’s Ebro EV Motors plan a joint venture": both
                referent = self._referent(described, last_maker, seen)
                makers = makers + ([referent] if referent not in makers else [])
            if makers:
                last_maker = makers[0]
                seen.extend(makers)
            if not _any_strategy_cue().search(lowered):
                continue
            # (an electric model's name among other drives is flexibility, an "EV maker" is a kind of
            # company and "cells for electric vehicles" are batteries: none of them is electrification)
            plain = _NOT_ELECTRIFICATION.sub(" ", lowered)
            codes = {code for pattern, code in _strategy_cues()
                     if pattern.search(plain if code == "electrification" else lowered)}
            if not codes:
                continue
            places = tuple(dict.fromkeys(
                f.entity for f in sentence.found
                if f.entity.type in (EntityType.COUNTRY, EntityType.REGION)))
            evidence = Evidence(article.key, sentence.span, sentence.text)
            partners = [f.entity for f in sentence.found if (f.partner or f.ally) and f.entity.type in COMPANY_TYPES]
            for code in sorted(codes):
                # a partnership is also its partners' ("a joint venture of Geely and Mercedes-Benz")
                actors = partners + makers if code == "partnership" else makers
                for actor in dict.fromkeys(actors) or [None]:
                    key = (code, actor.ref if actor else None)
                    support[key] = support.get(key, 0) + (
                        2 if lead_end is None or sentence.span.start < lead_end else 1)
                    if key in results:
                        old = results[key]
                        merged = tuple(dict.fromkeys(old.places + places))
                        results[key] = replace(old, places=merged)
                    else:
                        results[key] = StrategyFact(code, evidence, actor, places)
        for key in [k for k, n in support.items() if n < 2]:
            del results[key]
        # What the production facts imply: ending production restructures capacity, unless the
        # maker goes on building or plans to build at that site (a model change: "built its last
        # Focus there and started making the Ranger"); a cancelled plan cuts nothing the maker has
        # (annotators gave it restructuring for 12 of 46 cancelled facts, against 135 of 200 ended); planning
        # production abroad internationalises, unless the article calls it regionalisation.
        for fact in production:
            maker = fact.manufacturer
            place = (self.reference.country(fact.site.country or "") if fact.site.type is not EntityType.REGION
                     else fact.site)
            places = (place,) if place is not None else ()
            if fact.status is Status.ENDED and not any(
                    o.manufacturer == maker and o.site == fact.site and o.status in (Status.ACTIVE, Status.PLANNED)
                    for o in production):
                code = "capacity-restructuring"
            elif (fact.status in (Status.PLANNED, Status.ACTIVE) and fact.site.type is not EntityType.REGION
                  and maker.country and fact.site.country
                  and fact.site.country != maker.country and ("regionalisation", maker.ref) not in results
                  and (_ABROAD.search(fact.evidence.text) or _ABROAD.search(article.title or ""))
                  # (production going on abroad is internationalisation where a plant there opens:
                  # "Audi opens its first North American plant")
                  and (fact.status is Status.PLANNED or _OPENS.search(fact.evidence.text)
                       or _OPENS.search(article.title or ""))):
                code = "internationalisation"
            else:
                continue
            key = (code, maker.ref)
            if key in results:
                results[key] = replace(results[key], places=tuple(dict.fromkeys(results[key].places + places)))
            else:
                results[key] = StrategyFact(code, fact.evidence, maker, places)
        # A maker that builds another group's model works with it: "the same lines turn out its
        # twins for Mercedes-Benz and Nissan", "the Colt is built by Oyak Renault"
        for fact in production:
            owner = self.linker.company(fact.model) if fact.model is not None else None
            if owner is None or self._kin(owner) & self._kin(fact.manufacturer):
                continue
            # (not a maker's national company or joint venture that bears its name: "Ford Otosan"
            # builds Fords, "Toyota Motor Philippines" Toyotas)
            marque = self.reference.brand_label(fact.model) or owner.label  # type: ignore[arg-type]
            if fold(marque.split()[0]) in fold(fact.manufacturer.label).split():
                continue
            for actor in (fact.manufacturer, owner):
                key = ("partnership", actor.ref)
                if key not in results:
                    results[key] = StrategyFact("partnership", fact.evidence, actor, ())
        # A strategy discussed with no maker named stays attributed to nobody only if no
        # maker-specific fact of the same strategy exists.
        for code, actor_ref in list(results):
            if actor_ref is None and any(c == code and a is not None for c, a in results):
                del results[(code, actor_ref)]
        return tuple(results.values())


def _date_value(match: re.Match[str], published: date | None) -> str | None:
    relative = match.group("rel")
    if relative:
        if published is None:
            return None
        shift = {"next year": 1, "this year": 0, "last year": -1}[relative.lower()]
        return str(published.year + shift)
    year = match.group("year")
    if match.group("half"):
        return f"{year}-{'01' if match.group('half').lower() == 'first' else '07'}"
    if match.group("h"):
        return f"{year}-{'01' if match.group('h').lower() == 'h1' else '07'}"
    quarter = match.group("q") or match.group("quarter")
    if quarter:
        number = {"q1": 1, "q2": 2, "q3": 3, "q4": 4, "first": 1, "second": 2, "third": 3, "fourth": 4}[quarter.lower()]
        return f"{year}-{3 * number - 2:02d}"
    if match.group("month"):
        return f"{year}-{_MONTHS[match.group('month').lower()]:02d}"
    return year


def extract(article: Article, reference: Reference) -> Extraction:
    """Mentions and facts of one article (builds an :class:`Extractor`; reuse one for many)."""
    return Extractor(reference).extract(article)
