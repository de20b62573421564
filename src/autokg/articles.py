"""Stage 1: read articles from listings, JSON Lines and CSV files.

A *listing* has one article a line, with headline, standfirst and byline glued together with no
separator, as article indexes are often scraped; :func:`split_listing_line` takes them apart.
JSON Lines and CSV files name their fields. The same article read twice (same ``id``, same ``url``,
or same title and author) is kept once.
"""

from __future__ import annotations

import csv
import enum
import hashlib
import io
import json
import pickle
import re
import tempfile
import unicodedata
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from itertools import islice
from pathlib import Path

from .errors import AutokgError, InputError
from .model import Article
from .resources import lexicon

#: Tells what a string names, if it is a known name: "maker" (a manufacturer or brand), "country"
#: (or world region), "place", "model" or "name" (another organisation); None if it is not one.
NameTest = Callable[[str], "str | None"]

#: Longest listing line split as a headline + standfirst + byline; longer lines are kept unsplit.
MAX_LISTING_LINE = 10_000

TITLE_FIELDS = ("title", "headline")
SUMMARY_FIELDS = ("summary", "standfirst", "description", "abstract")
TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("published", "date")


class Format(enum.Enum):
    """Input formats, chosen from the file extension unless given."""

    LISTING = "listing"
    JSONL = "jsonl"
    CSV = "csv"

    @classmethod
    def for_path(cls, path: Path) -> Format:
        suffix = path.suffix.lower()
        if suffix in (".jsonl", ".ndjson", ".json"):
            return cls.JSONL
        if suffix in (".csv",):
            return cls.CSV
        return cls.LISTING


@dataclass(frozen=True)
class Split:
    """A listing line taken apart."""

    title: str
    summary: str | None
    author: str | None
    warning: str | None = None


@dataclass(frozen=True)
class ReadReport:
    """What :func:`read_articles` saw besides the articles it yields."""

    read: int
    duplicates: int
    warnings: tuple[str, ...]


# ---------------------------------------------------------------------------------------------
# Splitting listing lines

_TOKEN = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_OPENING_QUOTE = "\"'“‘«"
_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.\-]*,?$")
_MODEL_CODE = re.compile(r"^(?=.*\d)[\w.\-]+$")
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those"})
#: a sum or a count before the noun it measures ("a $20m", "its 1,000")
_AMOUNT = re.compile(r"[$€£¥]?\d[\d,.]*(?:m|bn|k|tn)?")
#: a person's initials ("M.K.", "J.")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_SUPERLATIVES = frozenset(("largest", "biggest", "smallest", "newest", "oldest", "cheapest", "fastest", "highest",
                           "lowest", "strongest", "busiest", "best", "worst", "most"))
#: a compound adjective in lower case: "second-generation", "coupé-style"
_COMPOUND_ADJECTIVE = re.compile(r"[^\W\d_]{2,}(?:-[^\W\d_]{2,})+")
_ADJECTIVE_SUFFIXES = ("ive", "ic", "ous", "ful", "ible", "able")


_MONTH_NAMES = frozenset(("january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                          "sep", "sept", "oct", "nov", "dec"))

#: "Geely-owned", "Shanghai-based": a company's or a place's adjective, which opens a standfirst
_OWNED = re.compile(r"[A-Z][\w&]*-(?:owned|based|backed|controlled|listed|headquartered)")


def _is_upper_start(token: str) -> bool:
    stripped = token.lstrip(_OPENING_QUOTE)
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit())


def _ends_sentence(token: str) -> bool:
    if re.fullmatch(r"[A-Z]\.", token):  # an initial, as in "Robert J. Kowalski"
        return False
    return bool(_SENTENCE_END.search(token)) and token not in lexicon("abbreviations")


def _split_byline(tokens: list[str]) -> int:
    """Index of the first byline token (``len(tokens)`` when there is no byline)."""
    particles = lexicon("name-particles")
    n = len(tokens)
    start = n
    while start > 0:
        token = tokens[start - 1]
        if _ends_sentence(token):
            break
        if _NAME_TOKEN.match(token) or token in particles or token in ("and", "&"):
            start -= 1
            continue
        break
    size = n - start
    if size == 0 or start == 0:
        return n
    byline = tokens[start:]
    if not _NAME_TOKEN.match(byline[0]) or byline[0] in ("and", "&") or byline[-1] in particles:
        return n
    if _ends_sentence(tokens[start - 1]):
        return start if size <= 8 else n
    # No full stop before the byline: take the last two name tokens, the commonest byline shape.
    return n - 2 if size >= 2 and _NAME_TOKEN.match(tokens[-2]) else n


def _strip(token: str) -> str:
    token = token.strip(_OPENING_QUOTE + "\"'”’),:;")
    for suffix in ("’s", "'s", "’", "'"):
        if token.endswith(suffix):
            return token[: -len(suffix)]
    return token


class _Names:
    """The known names among a line's tokens: each run of tokens is looked up once per line
    (the split asks about the same runs for every candidate boundary)."""

    def __init__(self, tokens: list[str], names: NameTest):
        self.bare = [_strip(t) for t in tokens]
        self.names = names
        self.seen: dict[tuple[int, int], str | None] = {}

    def kind(self, start: int, size: int) -> str | None:
        """What tokens ``start`` to ``start + size`` name (None if nothing or out of range)."""
        key = (start, size)
        if key not in self.seen:
            inside = 0 <= start and start + size <= len(self.bare)
            self.seen[key] = self.names(" ".join(self.bare[start:start + size])) if inside else None
        return self.seen[key]


def _name_at(names: _Names, start: int, *, models: bool = False) -> int:
    """How many tokens from ``start`` form a known name (0 if none); a model's name counts only
    with ``models``: it holds its words together but seldom opens a standfirst."""
    for size in (4, 3, 2, 1):
        kind = names.kind(start, size)
        if kind == "model" and not models:
            return 0  # "Toyota Tamaraw" is a model's name, not a maker ("Toyota") and a word
        if kind:
            return size
    return 0


def _name_ending_at(names: _Names, end: int) -> bool:
    return any(end - size >= 0 and names.kind(end - size, size) for size in (1, 2, 3))


def _inside_name(names: _Names, j: int, tokens: list[str]) -> bool:
    """Whether tokens ``j-1`` and ``j`` belong to one known name ("Volvo | Cars"), or to a maker's
    national company ("Toyota | Argentina", "Isuzu | East Africa"; not "Toyota | Argentina’s")."""
    for start in range(max(0, j - 3), j):
        size = _name_at(names, start, models=True)
        if size and start + size > j:
            return True
    maker_before = names.kind(j - 1, 1) == "maker" or names.kind(j - 2, 2) == "maker"
    # ("Volvo Car | Malaysia", "Toyota Motor Manufacturing | France": with a company's words between)
    k = j
    while k > 1 and j - k < 3 and tokens[k - 1][:1].isupper() and tokens[k - 1] in lexicon("company-words"):
        k -= 1
    if k < j and (names.kind(k - 1, 1) == "maker" or names.kind(k - 2, 2) == "maker"):
        size = _name_at(names, j, models=True)
        if names.kind(j, size) == "country":
            maker_before = True
    if maker_before:
        size = _name_at(names, j, models=True)  # (the longest name there: not "U.S." of "U.S. Steel")
        last = tokens[j + size - 1] if size else ""
        if names.kind(j, size) == "country" and _strip(last) == last.rstrip(",;:"):
            return True
    # "Mercedes-Benz | Vans opened", "Fiat India | Automobiles, the joint venture": a company's word
    # after a maker's name, or after a maker's and a country's
    country_before = any(names.kind(j - size, size) == "country" and (
        names.kind(j - size - 1, 1) == "maker" or names.kind(j - size - 2, 2) == "maker") for size in (1, 2))
    word = _strip(tokens[j])
    return (maker_before or country_before) and word[:1].isupper() and word in lexicon("company-words")


def _boundary_score(tokens: list[str], j: int, end: int, names: _Names | None = None) -> float | None:
    """How likely the standfirst starts at token ``j``; ``None`` if it cannot."""
    function_words = lexicon("function-words")
    previous, token = tokens[j - 1], tokens[j]
    title_len, summary_len = j, end - j
    if title_len < 3 or summary_len < 4:
        return None
    # (a maker's name in lower case may open one: "... made in Xi'an | smart Automobile, the joint venture")
    if not _is_upper_start(token) and not (names and token[:1].islower() and names.kind(j, 2) == "maker"):
        return None
    if previous[-1] in ",;:–—-(/" or previous in _OPENING_QUOTE or _OWNED.fullmatch(previous):
        return None  # (not between "Geely-owned" and "Lotus")
    bare_previous = previous.rstrip("\"'”’)")
    determiner = token in ("The", "A", "An")
    # (a possessive is followed by what it owns, not by "The": "Ford and McDonald’s | The carmaker")
    if (bare_previous.endswith(("’s", "'s")) and not determiner) or (names and _inside_name(names, j, tokens)):
        return None
    if previous in lexicon("name-particles") and j >= 2 and tokens[j - 2][:1].isupper():
        return None  # "Luca de | Meo": a particle inside a person's name
    if previous[:1].isupper() and previous.endswith(("s’", "s'")) and not previous.startswith(_OPENING_QUOTE):
        return None  # "Stellantis’ | Opel home plant": a name's possessive
    if re.fullmatch(r"(?:19|20)\d\d\W*", token) and previous.lower().rstrip(".") in _MONTH_NAMES:
        return None  # "in April | 2025": a date
    if names and re.fullmatch(r"(?:19|20)\d\d", previous) and j >= 2 and tokens[j - 2].lower() in _DETERMINERS \
            and names.kind(j, 1) == "maker":
        return None  # "will build the 2020 | Ford Explorer": a model year
    if (token.endswith(("s’", "s'")) and previous[:1].isupper() and previous.isalpha() and previous[1:].islower()
            and not (names and (_name_ending_at(names, j) or names.kind(j, 1) == "maker"))):
        # "Leapmotor Carlos | Tavares' group": a person's name and its possessive (not "STLA Medium |
        # Stellantis' plant", a known name's)
        return None
    if names and names.kind(j - 1, 1) == "country" and names.kind(j, 1) == "maker" and j + 1 < end \
            and _strip(tokens[j + 1]) in lexicon("company-words") and j >= 2 \
            and tokens[j - 2 - (tokens[j - 2].lower() == "the" and j >= 3)].lower() not in function_words:
        # "at home Bangladesh | Honda Private Limited": a national company's name (not "in (the)
        # Philippines | Honda Cars Philippines stopped", "for the Philippines | Toyota Motor Philippines")
        return None
    if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", previous) and token.lower().rstrip(".,") in _MONTH_NAMES:
        return None  # "on 9 | October 2025"
    if any(";" in t for t in tokens[:j]):
        return None  # "... at Bawal, Haryana, in 2020; since 2023 | Hero has made": no headline has a semicolon
    if previous.lower() in ("where", "which", "whose", "whom", "who", "what"):
        return None  # "Ciudad Sahagún, where | Giant Motors Latinoamérica has assembled": a relative clause goes on
    if j >= 2 and tokens[j - 2].lower() in _DETERMINERS and _AMOUNT.fullmatch(previous):
        return None  # "now hosts a $20m | Volkswagen facility": an amount before its noun
    if _INITIALS.fullmatch(previous) and not (names and _name_ending_at(names, j)):
        return None  # "Chief Minister M.K. | Stalin": a person's initials (not "the U.S.")
    score = 0.0
    if previous.lower() in function_words:
        stranded = (previous.lower() in ("from", "of") and tokens[j - 2].lower() in ("away", "out")
                    or previous.lower() == "more" and tokens[j - 2].lower() == "no")  # ("... is no more")
        if previous.lower() not in lexicon("particles") and not stranded:
            return None
        score -= 1.5  # "move in", "scaled back", "walked away from": a verb's particle can end a headline
        if token.endswith(("’s", "'s")):
            score -= 1.0  # "has come off | Isuzu's lines": unless a possessive follows, the particle's object
    if bare_previous.lower() in lexicon("roles"):
        score -= 2.0  # "German chancellor | Olaf Scholz": a role comes before a name
    elif bare_previous.lower() in lexicon("appositive-nouns") and not determiner:
        # (not before "The": "takes over Samarkand's bus maker | The Turkish Isuzu licensee ...")
        score -= 4.0  # "SAIC’s Indian subsidiary | MG Motor India": the name is the noun’s appositive
    subject_size = _name_at(names, j) if names else 0
    known_start = subject_size > 0
    known_end = bool(names and _name_ending_at(names, j))
    if known_start:
        score += 1.0
        if known_end:
            score += 0.5  # two known names side by side ("Tychy | Stellantis") are two phrases
        following_size = _name_at(names, j + subject_size) if j + subject_size < end else 0  # type: ignore[arg-type]
        if (following_size and not tokens[j + subject_size - 1].endswith(",")
                and not (names.kind(j, subject_size) == "maker"  # type: ignore[union-attr]
                         and (names.kind(j + subject_size, following_size) == "country"  # type: ignore[union-attr]
                              or _strip(tokens[j + subject_size]) in lexicon("company-words")))):
            # ... so a standfirst does not start with both (but "Volvo Car Malaysia began": a maker's
            # national company)
            score -= 1.0
    maker_before = bool(names) and names.kind(j - 1, 1) == "maker"  # type: ignore[union-attr]
    if _strip(token)[:1].isdigit() and (maker_before or (
            _MODEL_CODE.match(bare_previous) and _VARIANT.fullmatch(_strip(token)))):
        return None  # "Peugeot | 208", "the X3 | 30e xDrive": a model name
    if maker_before and not known_start and token not in lexicon("sentence-openers"):
        score -= 1.0  # "Cupra | Raval": a brand is followed by its model's name

    if _ends_sentence(previous):
        # A headline seldom ends with a full stop (the bonus only outweighs weak rivals), more
        # often with a question or an exclamation.
        score += 0.5 if previous.rstrip("\"'”’)").endswith(".") else 1.5
    elif bare_previous[:1].islower():
        adjective = bare_previous.lower() in lexicon("adjectives") or bare_previous.endswith(
            _ADJECTIVE_SUFFIXES
        ) or (j >= 2 and tokens[j - 2].lower() in _DETERMINERS and bare_previous.endswith("ed")) or (
            bare_previous.islower() and _COMPOUND_ADJECTIVE.fullmatch(bare_previous) is not None)
        # ("the second-generation | Porsche Macan")
        adjective = adjective or (j >= 2 and bare_previous.endswith("ed") and tokens[j - 2].endswith("ly"))
        # ("the first locally assembled | Volkswagens")
        score += -1.0 if adjective else 1.0  # ("makes the revived | Toyota Tamaraw": a participle)
        if j >= 2 and tokens[j - 2].lower() in ("which", "that", "who"):
            score -= 3.0  # "the SUV, which uses | Volkswagen's platform": a relative clause wants its object
    elif _MODEL_CODE.match(bare_previous):
        score += 1.0
    bare_token = token.lstrip(_OPENING_QUOTE)
    openers = lexicon("sentence-openers")
    opener = bare_token in openers
    # A standfirst often names again the subject its headline starts with.
    restated = _strip(token) == _strip(tokens[0]) and bare_token.lower() not in function_words
    # Two capitalised words in a row are usually one name ("South Korea", "Volvo Cars"), also where
    # the second is the headline's first, after a word no determiner comes just before ("Bamford
    # completes ... restart Jo | Bamford becomes"; but "builds the Hilux | Toyota Myanmar began").
    one_name = (previous[:1].isupper() and bare_token[:1].isupper() and not _MODEL_CODE.match(bare_previous)
                and not _ends_sentence(previous) and not opener and not known_end
                and not _role_before_name(tokens, j, end))  # (not "... at Coega | President Jacob Zuma")
    # (nor right after a verb whose object it is: "... President Cyril Ramaphosa opened | BAIC's factory")
    if restated and not (one_name and not any(t.lower() in _DETERMINERS for t in tokens[max(0, j - 4):j - 1])) \
            and bare_previous not in lexicon("transitive-verbs"):
        score += 2.0
    elif one_name:
        score -= 1.0
    if j >= 2 and tokens[j - 2].lower() == "to" and bare_previous[:1].islower():
        # "... plans to produce | Neue Klasse": an infinitive wants its object (less so one that
        # often has none: "... plant prepares to restart | Jo Bamford becomes")
        score -= 1.5 if bare_previous.lower() in _OFTEN_INTRANSITIVE else 3.0
    elif (j >= 2 and tokens[j - 2].lower() in ("has", "have", "had") and bare_previous[:1].islower()
          and bare_previous.endswith(("ed", "en", "ght", "de", "un", "wn"))):
        score -= 1.5  # "... has picked | Germany": so does a perfect tense
    elif (bare_previous in lexicon("transitive-verbs") and not determiner and not opener
          and not any(t.lower() in ("what", "where", "how") for t in tokens[max(0, j - 3):j - 1])):
        score -= 2.0  # "last Lancia Ypsilon leaves | Termini Imerese": the verb's object follows
        # (not "what Maubeuge builds | Renault has made")
    if token.endswith(":"):
        score -= 2.0  # "Fiat pulls out of | Sicily: last Lancia ...": a headline's colon
    if j >= 2 and tokens[j - 2].lower() in _DETERMINERS and bare_previous.lower() in _SUPERLATIVES:
        score -= 2.0  # "lands its largest | UAE school bus order": the superlative's noun follows
    if (j >= 2 and tokens[j - 2][:1].islower() and previous[:1].isupper() and previous.isalpha()
            and not known_end and subject_size and names.kind(j, subject_size) == "maker"  # type: ignore[union-attr]
            and j + subject_size < end and tokens[j + subject_size].lower() in lexicon("speech-verbs")):
        return None  # "meant to build it James | Dyson told staff": a first name and a surname a maker bears
    if names and _place_after_preposition(names, tokens, j):
        score += 1.5  # "BMW starts X3 production at Rosslyn | Its ...": a headline ends with where
    if _role_before_name(tokens, j, end):
        score += 1.5  # "... in Ghana | President Nana Akufo-Addo unveiled": a title opens the standfirst
    if opener or token[0] in _OPENING_QUOTE or _OWNED.fullmatch(token):
        score += 1.5  # ("Geely-owned Lotus makes ...": an owner's adjective opens a sentence)
    if determiner and previous[:1].isupper():
        score += 0.5  # "... the Polestar Precept | The concept car ...": a name, then a new sentence
    # "... Omniverse | Milan Nedeljković, the board member responsible ...": a person's name with
    # their role opens the standfirst, and is not cut in two
    if any(_person_with_role(tokens, start, end) > j - start for start in range(max(0, j - 3), j)):
        score -= 2.0  # ("Juan Francisco García | López, president of the new plant")
    elif _person_with_role(tokens, j, end):
        score += 2.0
    following = tokens[j + 1 : j + 3]
    # (an unknown name runs on while its words are capitalised: "Electric Last Mile Solutions has")
    size = subject_size or _capitalised_run(tokens, j, end)
    verb = tokens[j + size] if j + size < end else ""
    if verb.lower() in lexicon("auxiliaries"):
        score += 1.0
    elif size and tokens[j + size - 1].endswith(",") and verb.lower() in ("the", "a", "an", "its", "their"):
        score += 1.0  # "... truck | Nikola Iveco Europe, the partners' joint venture, expects": a subject's apposition
    if bare_token in lexicon("modifier-acronyms") and following and following[0][:1].islower():
        score -= 1.5
    if bare_token.endswith(("’s", "'s")) and following and _is_upper_start(following[0]):
        score += 0.5
    if any(word[:1].islower() and word.lower() not in function_words for word in following[:2]):
        score += 0.5
    if following and _MODEL_CODE.match(following[0].rstrip(",")) and following[0][:1].isdigit():
        score -= 0.5

    # A word that opens sentences, capitalised inside a headline that is not in title case, is
    # where the standfirst began ("... van in Cologne | Some 180 | Ford workers", "... the Multix |
    # Their 50:50 venture, Eicher | Polaris").
    if any(tokens[k] in openers and not _ends_sentence(tokens[k - 1])
           and not tokens[k - 1].endswith(":") for k in range(1, j)) and any(
               t[:1].islower() and t.lower() not in function_words for t in tokens[1:j]):
        score -= 3.0
    score -= 0.1 * abs(title_len - 12)
    if title_len > 18:
        score -= 0.3 * (title_len - 18)  # headlines are seldom longer
    if title_len > summary_len:
        score -= 1.5
    return score


#: verbs a headline may end with, having no object: "... plant prepares to restart | Jo Bamford becomes"
_OFTEN_INTRANSITIVE = frozenset(("restart", "resume", "survive", "return", "grow", "expand"))
#: a model variant's code after the model's name: "30e", "40i", "2.0T"
_VARIANT = re.compile(r"\d[\d.]*[a-zA-Z]{1,2}")
_PLACE_PREPOSITIONS = frozenset(("in", "at", "from", "to", "near", "into", "outside"))
#: words that go on a place's name ("Sri City", "Salt Lake City", "Bryan County")
_PLACE_NAME_WORDS = frozenset(("City", "Town", "Port", "Bay", "Valley", "Island", "Islands", "Beach", "Park",
                               "Springs", "Falls", "Heights", "Hills", "Lake", "County", "Province", "State",
                               "Region", "District", "Prefecture", "Township"))


def _capitalised_run(tokens: list[str], j: int, end: int) -> int:
    """How many capitalised words from ``j`` may be one name, after a count that opens it ("50,000
    Next Generation Delivery Vehicles"): at least 1, at most 5; a word carrying punctuation ends it."""
    size = 1
    while (size < 5 and j + size < end and tokens[j + size][:1].isupper()
           and (tokens[j + size - 1].isalpha() or (size == 1 and _AMOUNT.fullmatch(tokens[j])))
           and tokens[j + size].lower() not in lexicon("function-words")):
        size += 1
    return size


def _place_after_preposition(names: _Names, tokens: list[str], j: int) -> bool:
    """Whether tokens before ``j`` end with a preposition and a known place ("at Rosslyn", "in
    South Africa"), as headlines often do (and the place's name does not go on: "at Sri | City")."""
    if _strip(tokens[j]) in _PLACE_NAME_WORDS:
        return False
    for size in (1, 2, 3):
        start = j - size
        if start >= 1 and names.kind(start, size) in ("place", "country") \
                and tokens[start - 1].lower() in _PLACE_PREPOSITIONS and not tokens[j - 1].endswith(("’s", "'s")):
            return True
    return False


def _role_before_name(tokens: list[str], j: int, end: int) -> bool:
    """Whether a capitalised role and a person's name start at ``j`` ("President Nana
    Akufo-Addo", "Chief executive Mark Fields", "Governor Jaime Rodríguez")."""
    for size in (2, 1):
        role = " ".join(tokens[j:j + size])
        if role[:1].isupper() and role.lower() in lexicon("roles") and j + size + 2 <= end:
            first, second = tokens[j + size], tokens[j + size + 1]
            return first[:1].isupper() and second[:1].isupper() and first.isalpha() and first.lower() not in lexicon("function-words")
    return False


@cache
def _role_after_name() -> re.Pattern[str]:
    roles = "|".join(sorted((re.escape(r) for r in lexicon("roles")), key=len, reverse=True))
    # ("the board member", "Nikola's chief executive", "Tamil Nadu's chief minister")
    # ... or a role of an organisation ("president of the new plant")
    return re.compile(rf"(?:(?:the|its|a|an|(?:[\w-]+\s+)?[\w-]+['’]s?)\s+(?:[\w-]+\s+){{0,2}}?(?:{roles})\b"
                      rf"|(?:{roles})\s+(?:of|at)\b)")


def _person_with_role(tokens: list[str], j: int, end: int) -> int:
    """How many tokens from ``j`` are a person's name of two to four words followed by their role
    ("Milan Nedeljković, the board member", "Juan Francisco García López, president of"); 0 if none."""
    if not (tokens[j][:1].isupper() and (tokens[j].isalpha() or "-" in tokens[j]
                                         or re.fullmatch(r"(?:[A-Z]\.){1,3}", tokens[j]))):
        return 0  # (a first name, or its initials: "M.K. Stalin")
    # (a longer name starts after a lower-case word other than a function word: "begins Tacoma
    # output | Juan Francisco García López, president", not "in NVIDIA’s Omniverse | Milan
    # Nedeljković, the board member" nor "packs in Changwon | Kwak Jae-sun, chairman of")
    longer = j == 0 or (tokens[j - 1][:1].islower() and tokens[j - 1].lower() not in lexicon("function-words"))
    sizes = (2, 3, 4) if longer else (2,)
    for size in sizes:
        if j + size >= end:
            return 0
        last = tokens[j + size - 1]
        if not last[:1].isupper() or any(ch.isdigit() for ch in last) or (len(last) > 2 and last.isupper()):
            return 0
        if last.endswith(","):
            return size if _role_after_name().match(" ".join(tokens[j + size:j + size + 5]).lower()) else 0
    return 0


def title_case(tokens: list[str]) -> bool:
    """Whether a headline's first words are in Title Case (every word but function words capitalised)."""
    words = [t for t in tokens[:8] if t[:1].isalpha() and t.lower() not in lexicon("function-words")]
    return len(words) >= 4 and all(w[0].isupper() for w in words)


def _title_case_boundary(tokens: list[str], end: int, names: _Names | None) -> int | None:
    """In a Title Case headline the standfirst starts with the subject of its first lower-case
    word: a known name ending there, or one capitalised word, with its article ("The")."""
    function_words = lexicon("function-words")
    for i in range(3, end):
        word = tokens[i]
        if not word[:1].islower():
            continue
        if word.lower() in function_words and word.lower() not in lexicon("auxiliaries"):
            continue
        j = i - 1
        if names:
            for size in (3, 2):
                if i - size >= 3 and names.kind(i - size, size):
                    j = i - size
                    break
            else:
                # "... via Karachi | Kia Lucky Motors assembles": a name no one knows that ends with a
                # company's word starts with the maker's name it begins with
                if _strip(tokens[j]) in lexicon("company-words") and tokens[j][:1].isupper():
                    j = next((k for k in range(j - 1, max(2, j - 4), -1) if names.kind(k, 1) == "maker"
                              and all(t[:1].isupper() for t in tokens[k:j])), j)
        if j - 1 >= 3 and tokens[j - 1] in lexicon("sentence-openers"):
            j -= 1
        if j - 2 >= 3 and tokens[j - 1] in ("and", "&") and names:
            # "Daimler Truck and Toyota agreed": the subject is both names
            first = next((j - 1 - size for size in (3, 2, 1) if j - 1 - size >= 3
                          and names.kind(j - 1 - size, size)), None)
            if first is None:
                return None
            j = first
        return j if j >= 3 and _is_upper_start(tokens[j]) else None
    return None


def split_listing_line(line: str, *, names: NameTest | None = None) -> Split:
    """Take a listing line apart into headline, standfirst and byline.

    ``names`` tells whether some words are a known name (a company, a place): the split then
    avoids cutting through one, and favours a standfirst that starts with one.

    >>> s = split_listing_line("Tesla starts Model Y production at Giga Berlin Tesla has begun "
    ...                        "building the Model Y near Berlin. Jane Doe")
    >>> (s.title, s.summary, s.author)
    ('Tesla starts Model Y production at Giga Berlin', 'Tesla has begun building the Model Y near Berlin.', 'Jane Doe')
    """
    text = " ".join(line.split())
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    tokens = [text[a:b] for a, b in spans]
    if len(text) > MAX_LISTING_LINE:
        head = " ".join(tokens[:20])
        return Split(head, text, None, f"line of {len(text)} characters is too long to be a listing "
                     "entry; kept unsplit as the summary")
    if not tokens:
        return Split("", None, None, "empty line")

    byline_start = _split_byline(tokens)
    author = " ".join(tokens[byline_start:]) or None
    body_end = byline_start

    known = _Names(tokens, names) if names else None
    best: tuple[float, int] | None = None
    if title_case(tokens[:body_end]):
        j = _title_case_boundary(tokens, body_end, known)
        if j is not None:
            best = (0.0, j)
    if best is None:
        for j in range(1, body_end):
            score = _boundary_score(tokens, j, body_end, known)
            if score is not None and (best is None or score > best[0]):
                best = (score, j)

    def join(a: int, b: int) -> str:
        return text[spans[a][0] : spans[b - 1][1]] if b > a else ""

    warning = None
    if author is None:
        warning = "no byline found at the end of the line"
    if best is None:
        return Split(join(0, body_end), None, author,
                     "cannot tell headline from standfirst; kept the text as the title")
    j = best[1]
    return Split(join(0, j), join(j, body_end), author, warning)


# ---------------------------------------------------------------------------------------------
# Reading files


def _decode_lines(path: Path) -> Iterator[tuple[int, str]]:
    """The lines of a UTF-8 text file with their numbers, read as a stream."""
    try:
        stream = path.open("rb")
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=path) from None
    content = False
    with stream:
        try:
            for number, raw in enumerate(stream, start=1):
                if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if b"\x00" in raw:
                    raise InputError("binary data (NUL byte); expected a UTF-8 text file", path=path, line=number)
                try:
                    line = raw.decode("utf-8").rstrip("\r\n")
                except UnicodeDecodeError as exc:
                    raise InputError(f"not valid UTF-8 (byte {exc.start + 1} of the line)", path=path,
                                     line=number) from None
                content = content or bool(line.strip())
                yield number, line
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", path=path) from None
    if not content:
        raise InputError("file is empty", path=path)


def _field(record: dict[str, object], names: Iterable[str], where: tuple[Path, int]) -> str | None:
    for name in names:
        value = record.get(name)
        if value is None or value == "":
            continue
        if not isinstance(value, (str, int, float)):
            raise InputError(f"field '{name}' should be text, got {type(value).__name__}",
                             path=where[0], line=where[1])
        return " ".join(str(value).split()) if name not in TEXT_FIELDS else str(value).strip()
    return None


#: A UTF-16 surrogate code point on its own (what an unpaired "\ud83d" escape in JSON decodes to).
_SURROGATE = re.compile("[\ud800-\udfff]")

#: Dates with the month's name ("March 5, 2024", "5 Mar 2024"), read without dateparser.
_MONTH_NAME_DATES = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y")


@lru_cache(maxsize=4096)
def parse_date(value: str) -> date | None:
    """An ISO 8601 or common human date, or ``None`` (cached: a corpus has many articles a day).

    >>> parse_date("2024-03-05"), parse_date("December 10, 2013")
    (datetime.date(2024, 3, 5), datetime.date(2013, 12, 10))
    """
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for pattern in _MONTH_NAME_DATES:  # the common unambiguous forms, a hundred times faster
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            pass
    import dateparser  # loaded only for human dates: it takes a second to import

    parsed = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None


def _normal(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split())


def _article(record: dict[str, object], path: Path, line: int, warnings: list[str]) -> Article | None:
    where = (path, line)
    title = _field(record, TITLE_FIELDS, where)
    if not title:
        raise InputError("no 'title'", path=path, line=line)
    published = None
    raw_date = _field(record, DATE_FIELDS, where)
    if raw_date:
        published = parse_date(raw_date)
        if published is None:
            warnings.append(f"{path}:{line}: cannot read the date {raw_date!r}; left out")
    ident = _field(record, ("id",), where)
    url = _field(record, ("url", "link"), where)
    author = _field(record, ("author", "byline"), where)
    return Article(
        key=article_key(title=title, author=author, ident=ident, url=url),
        title=title,
        source=f"{path.name}:{line}",
        summary=_field(record, SUMMARY_FIELDS, where),
        text=_field(record, TEXT_FIELDS, where),
        author=author,
        published=published,
        url=url,
        ident=ident,
    )


def article_key(*, title: str, author: str | None, ident: str | None = None,
                url: str | None = None) -> str:
    """The stable key an article's IRI is made from: its id, else its URL, else title and author."""
    if ident:
        basis = "id:" + ident.strip()
    elif url:
        basis = "url:" + url.strip().rstrip("/")
    else:
        basis = "ta:" + _normal(title) + "|" + _normal(author or "")
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def listing_article(source: str, number: int, line: str, names: NameTest | None) -> tuple[Article, str | None]:
    """The article of one listing line, and the doubt its split left, if any."""
    split = split_listing_line(line, names=names)
    article = Article(
        key=article_key(title=split.title, author=split.author),
        title=split.title,
        summary=split.summary,
        author=split.author,
        source=f"{source}:{number}",
    )
    return article, split.warning


#: Splits chunks of listing lines, ``(file name, [(line number, line), ...])``, into articles with
#: their doubts, one list per chunk, in order. The default splits them here; the pipeline passes
#: one that splits them in its worker processes.
Splitter = Callable[[Iterable[tuple[str, list[tuple[int, str]]]]], Iterable[list[tuple[Article, "str | None"]]]]
LISTING_CHUNK = 500


def _read_listing(path: Path, warnings: list[str], names: NameTest | None,
                  splitter: Splitter | None = None) -> Iterator[Article]:
    def chunks() -> Iterator[tuple[str, list[tuple[int, str]]]]:
        lines = ((n, line) for n, line in _decode_lines(path) if line.strip())
        while chunk := list(islice(lines, LISTING_CHUNK)):
            yield path.name, chunk

    if splitter is None:
        def splitter(items: Iterable[tuple[str, list[tuple[int, str]]]]) -> Iterator[list[tuple[Article, str | None]]]:
            for source, chunk in items:
                yield [listing_article(source, n, line, names) for n, line in chunk]

    for results in splitter(chunks()):
        for article, warning in results:
            if warning:
                warnings.append(f"{path}:{article.source.rsplit(':', 1)[1]}: {warning}")
            yield article


def _read_jsonl(path: Path, warnings: list[str], names: NameTest | None,
                splitter: Splitter | None = None) -> Iterator[Article]:
    for number, line in _decode_lines(path):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"not valid JSON: {exc.msg} (column {exc.colno})", path=path,
                             line=number) from None
        if not isinstance(record, dict):
            raise InputError(f"expected a JSON object, got {type(record).__name__}", path=path,
                             line=number)
        for name, value in record.items():
            if isinstance(value, str) and _SURROGATE.search(value):
                # ("\ud83d" alone: JSON allows the escape, but it is no character and no RDF text)
                record[name] = _SURROGATE.sub("\ufffd", value)
                warnings.append(f"{path}:{number}: field '{name}' has an unpaired surrogate escape; "
                                "replaced by U+FFFD")
        article = _article(record, path, number, warnings)
        if article:
            yield article


def _read_csv(path: Path, warnings: list[str], names: NameTest | None,
              splitter: Splitter | None = None) -> Iterator[Article]:
    text = "\n".join(line for _, line in _decode_lines(path))
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    if not any(name in header for name in TITLE_FIELDS):
        raise InputError(f"no 'title' column in the header (found: {', '.join(header) or 'nothing'})",
                         path=path, line=1)
    reader.fieldnames = header
    try:
        for record in reader:
            if not any((value or "").strip() for value in record.values() if isinstance(value, str)):
                continue
            record.pop(None, None)  # cells beyond the header
            yield from [a for a in [_article(record, path, reader.line_num, warnings)] if a]
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", path=path, line=reader.line_num) from None


_READERS = {Format.LISTING: _read_listing, Format.JSONL: _read_jsonl, Format.CSV: _read_csv}


def read_file(path: str | Path, *, format: Format | None = None, warnings: list[str] | None = None,
              names: NameTest | None = None, splitter: Splitter | None = None) -> Iterator[Article]:
    """Read one file, in the given format or the one its extension says.

    Raises :class:`InputError` naming the file and line for what cannot be read; appends
    ``file:line: problem`` strings to ``warnings`` for what was read with a doubt.
    """
    path = Path(path)
    sink = warnings if warnings is not None else []
    yield from _READERS[format or Format.for_path(path)](path, sink, names, splitter)


class ArticleReader:
    """Reads several files and keeps each article once.

    Records that share an identifier (``id``, ``url``, or title and author) are one article: its
    fields are merged from all of them (the longest summary and body, any date and URL), and its
    key comes from the strongest identifier, so the graph does not depend on the order the files
    are given in. Reading therefore takes two passes: the first reads every record into a spool
    file on disk, keeping in memory only an 8-byte digest of each identifier and the group of each
    record; the second streams the spool back, yielding an article as soon as all its records have
    been seen. Memory grows by about a hundred bytes an article, whatever their length.
    """

    def __init__(self, *, names: NameTest | None = None, splitter: Splitter | None = None) -> None:
        self.names = names
        self.splitter = splitter
        self.warnings: list[str] = []
        self.read_count = 0
        self.duplicates = 0

    @staticmethod
    def _identifiers(article: Article) -> list[bytes]:
        ids = ["ta:" + _normal(article.title) + "|" + _normal(article.author or "")]
        if article.ident:
            ids.append("id:" + article.ident)
        if article.url:
            ids.append("url:" + article.url.rstrip("/"))
        return [hashlib.blake2b(i.encode("utf-8"), digest_size=8).digest() for i in ids]

    def read(self, paths: Iterable[str | Path], *, format: Format | None = None) -> Iterator[Article]:
        group_of: dict[bytes, int] = {}
        parent = array("q")  # union-find over groups: a group's parent, or itself
        record_group = array("q")

        def root(group: int) -> int:
            while parent[group] != group:
                parent[group] = parent[parent[group]]
                group = parent[group]
            return group

        try:
            spool = tempfile.TemporaryFile(prefix="autokg-articles-")
        except OSError as exc:
            raise AutokgError(f"cannot make the article spool in {tempfile.gettempdir()}: {exc.strerror} "
                              "(set TMPDIR to a folder with room)") from None
        with spool:
            pickler = pickle.Pickler(spool, protocol=pickle.HIGHEST_PROTOCOL)
            for path in paths:
                for article in read_file(path, format=format, warnings=self.warnings, names=self.names,
                                         splitter=self.splitter):
                    self.read_count += 1
                    ids = self._identifiers(article)
                    found = sorted({root(group_of[i]) for i in ids if i in group_of})
                    if found:
                        self.duplicates += 1
                        target = found[0]
                        for other in found[1:]:  # the record links two groups: merge them
                            parent[other] = target
                    else:
                        target = len(parent)
                        parent.append(target)
                    for i in ids:
                        group_of[i] = target
                    record_group.append(target)
                    try:
                        pickler.dump(article)
                    except OSError as exc:
                        raise AutokgError(f"cannot write the article spool in {tempfile.gettempdir()}: "
                                          f"{exc.strerror} (set TMPDIR to a folder with room)") from None
                    pickler.clear_memo()
            del group_of
            records = [0] * len(parent)
            for group in record_group:
                records[root(group)] += 1
            spool.seek(0)
            pending: dict[int, list[Article]] = {}
            for group in record_group:
                # (one unpickler for all would keep every object it loaded in its memo, however
                # often the pickler cleared its own: two kilobytes an article)
                article = pickle.load(spool)
                group = root(group)
                if records[group] == 1:
                    yield article
                    continue
                pending.setdefault(group, []).append(article)
                if len(pending[group]) == records[group]:
                    yield _merge(pending.pop(group))

    def report(self) -> ReadReport:
        return ReadReport(self.read_count, self.duplicates, tuple(self.warnings))


def _merge(records: list[Article]) -> Article:
    """One article from the records of it, whatever order they came in."""
    if len(records) == 1:
        return records[0]

    def longest(values: Iterable[str | None]) -> str | None:
        present = [v for v in values if v]
        return max(present, key=lambda v: (len(v), v)) if present else None

    def least(values: Iterable[object]) -> object:
        present = [v for v in values if v]
        return min(present) if present else None  # type: ignore[type-var]

    ident, url = least(r.ident for r in records), least(r.url for r in records)
    title = longest(r.title for r in records) or records[0].title
    author = longest(r.author for r in records)
    return Article(
        key=article_key(title=title, author=author, ident=ident, url=url),  # type: ignore[arg-type]
        title=title,
        source=str(least(r.source for r in records)),
        summary=longest(r.summary for r in records),
        text=longest(r.text for r in records),
        author=author,
        published=least(r.published for r in records),  # type: ignore[arg-type]
        url=url,  # type: ignore[arg-type]
        ident=ident,  # type: ignore[arg-type]
    )


def read_articles(paths: Iterable[str | Path], *, format: Format | None = None,
                  names: NameTest | None = None) -> list[Article]:
    """All distinct articles in the given files, each where its last record was read."""
    return list(ArticleReader(names=names).read(paths, format=format))
