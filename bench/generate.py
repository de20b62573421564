"""Seeded synthetic corpora for the benchmark, drawn from autokg's reference data.

    python bench/generate.py --size 10000 --seed 1 --out bench/corpora

writes ``listing-10000.txt`` (80 % of the articles: one listing line each, headline + standfirst +
byline glued together with single spaces, as scraped article indexes are) and ``articles-10000.jsonl``
(20 %: full articles with id, url, title, summary, text of 4-8 paragraphs, author and published date).

What the articles talk about comes from the files autokg itself links against, so that extraction and
linking do the work they do on real text: the manufacturers and brands of
``data/reference/organisations.csv`` with their owners, the plants of ``plants.csv`` with operator,
town, state and country, ``countries.csv`` (names, short names, demonyms), ``subdivisions.csv``,
``regions.csv`` and the strategy cue phrases (``skos:hiddenLabel``) of ``ontology/strategies.ttl``.
Sentence templates and word lists are data, in ``bench/phrasing/``. Model names are invented
(``<Brand> <Letter><digit>``) and people's names are combinations of invented first and last names.

Output is streamed (memory does not grow with ``--size``, so a million articles is fine) and depends
only on ``--seed`` and ``--size``: two runs with the same arguments write identical bytes. Article i
is the same whatever the size, so a smaller corpus is a prefix of a larger one with the same seed.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SKOS

# The project folder, or the copy of its data files that AUTOKG_HOME names (bench/run.py uses one).
ROOT = Path(os.environ.get("AUTOKG_HOME") or Path(__file__).resolve().parents[1])
REFERENCE = ROOT / "data" / "reference"
STRATEGIES = ROOT / "ontology" / "strategies.ttl"
PHRASING = Path(__file__).resolve().parent / "phrasing"

#: Every fifth article is a full JSON Lines article; the others are listing lines.
FULL_TEXT_EVERY = 5
FIRST_DAY, LAST_DAY = date(2015, 1, 1), date(2026, 6, 30)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")

# How the press completes a cue phrase's trailing wildcard ("electrif*" -> "electrification"):
# the first rule whose ending matches the cue's last word applies; otherwise a plural "s".
_COMPLETIONS = (("de-risk", "ing"), ("is", "ation"), ("iz", "ation"), ("if", "ication"), ("shor", "ing"),
                ("tur", "ing"), ("at", "ion"), ("ab", "ility"), ("factor", "ies"), ("it", "y"), ("idle", "d"),
                ("streamlin", "ing"), ("tax", "es"), ("dut", "ies"))
_CASED = {"ev": "EV", "evs": "EVs", "bev": "BEV", "bevs": "BEVs", "suv": "SUV", "suvs": "SUVs",
          "co2": "CO2", "ice": "ICE", "china": "China"}
# A cue usable as a noun phrase ends like a noun (not an adverb) and does not start with a verb;
# the others are quoted.
_NOUN_ENDINGS = ("tion", "ing", "ity", "ies", "s", "ment", "ure", "ness", "ance", "ence", "y", "ery")
_ADVERB_ENDINGS = ("ally", "ntly")
_VERBS = frozenset({"teams", "team", "cut", "close", "build", "produce", "expand", "go", "secure", "reduce",
                    "switch", "rebalance", "break", "streamline", "moving", "exiting", "removing"})
_STATE_COUNTRIES = frozenset({"US", "CA", "MX", "BR", "IN", "DE", "CN", "AU"})
_THE_COUNTRIES = frozenset({"United States", "United Kingdom", "United Arab Emirates", "Netherlands",
                            "Philippines", "Czech Republic", "Dominican Republic", "US", "U.S.", "UK",
                            "U.K.", "USA", "U.S.A."})
_THE_REGIONS = frozenset({"European", "Gulf", "Middle", "Caribbean", "Americas", "Nordic", "Baltic"})
_MODEL_NUMBERS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 40, 60, 90)
_STATUS_WEIGHTS = {"active": 40, "planned": 35, "ended": 13, "cancelled": 12}
_KIND_WEIGHTS = {"production": 64, "contract": 5, "strategy": 17, "supplier": 14}


def read_sections(path: Path) -> dict[str, list[str]]:
    """A ``[section]`` file: each section's non-blank, non-comment lines, in file order."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        header = re.fullmatch(r"\[([\w.-]+)\]", line)
        if header:
            current = sections.setdefault(header.group(1), [])
        elif current is None:
            raise ValueError(f"{path}:{number}: entry before the first [section]")
        else:
            current.append(line)
    return sections


def _rows(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _aliases(field_value: str) -> list[str]:
    return [a for a in field_value.split("|") if a]


@dataclass(frozen=True)
class Company:
    """A manufacturer or group, with the names the press uses for it."""

    id: str
    name: str
    parent: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    short_names: tuple[str, ...]
    demonym: str


@dataclass(frozen=True)
class Plant:
    name: str
    operator: str
    town: str
    subdivision: str
    country: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Cue:
    """A strategy cue phrase as written in an article, and whether it reads as a noun phrase."""

    text: str
    noun: bool


def complete_cue(pattern: str) -> Cue:
    """The phrase an article would write for a cue pattern of ``ontology/strategies.ttl``.

    >>> complete_cue("electrif*")
    Cue(text='electrification', noun=True)
    >>> complete_cue("switch to ev*").text
    'switch to EVs'
    >>> complete_cue("fully electric").noun
    False
    """
    words = pattern.split()
    last = words[-1]
    if last.endswith("*"):
        stem = last[:-1]
        ending = next((end for suffix, end in _COMPLETIONS if stem.endswith(suffix)), "s")
        last = stem + ending
    words[-1] = last
    words = ["/".join("-".join(_CASED.get(p, p) for p in part.split("-")) for part in w.split("/"))
             for w in words]
    noun = (words[0].lower() not in _VERBS and words[-1].lower().endswith(_NOUN_ENDINGS)
            and not words[-1].endswith(_ADVERB_ENDINGS))
    return Cue(" ".join(words), noun)


def region_name(name: str, aliases: list[str]) -> str:
    """A region as a sentence names it after "in": blocs by their acronym, some with "the".

    >>> region_name("United States-Mexico-Canada Agreement", ["USMCA", "CUSMA"])
    'the USMCA region'
    >>> region_name("Middle East", ["Mideast"]), region_name("Asia", [])
    ('the Middle East', 'Asia')
    """
    if any(word in name for word in ("Agreement", "Association")):
        acronym = next((a for a in aliases if a.isupper()), name)
        return f"the {acronym} region"
    if name.split()[0] in _THE_REGIONS:
        return f"the {name}"
    return name


@dataclass
class Vocabulary:
    """Everything the generator draws from: reference rows, cue phrases, templates and word lists."""

    companies: dict[str, Company]
    brands: dict[str, list[str]]  # owning company id -> brand names, in file order
    plants: list[Plant]
    countries: dict[str, Country]
    subdivisions: dict[str, str]
    regions_of: dict[str, list[str]]  # country code -> names of the regions it belongs to
    regions: list[str]
    suppliers: list[str]
    unions: list[str]
    cues: list[Cue]
    templates: dict[str, list[str]]
    words: dict[str, list[str]]

    @classmethod
    def load(cls) -> Vocabulary:
        companies: dict[str, Company] = {}
        brands: dict[str, list[str]] = {}
        suppliers, unions = [], []
        for row in _rows("organisations.csv"):
            kind = row["kind"]
            if kind in ("group", "manufacturer"):
                # Registered names with a comma ("Co., Ltd.") are not how articles name a company.
                companies[row["id"]] = Company(row["id"], row["name"], row["parent"],
                                               tuple(a for a in _aliases(row["aliases"]) if "," not in a))
            elif kind == "brand":
                brands.setdefault(row["parent"], []).append(row["name"])
            elif kind == "supplier":
                suppliers.append(row["name"])
            elif "union" in row["note"]:  # trade unions; "European Union" is capitalised
                unions.append(row["name"])
        countries = {
            row["alpha2"]: Country(row["alpha2"], row["name"],
                                   tuple(a for a in _aliases(row["aliases"]) if len(a) <= 14
                                         and not a.startswith(("Republic", "Socialist", "People", "Islamic"))),
                                   (_aliases(row["demonyms"]) or [""])[0])
            for row in _rows("countries.csv")
        }
        subdivisions = {row["code"]: row["name"] for row in _rows("subdivisions.csv")}
        regions_of: dict[str, list[str]] = {}
        regions = []
        for row in _rows("regions.csv"):
            regions.append(region_name(row["name"], _aliases(row["aliases"])))
            for member in row["members"].split():
                regions_of.setdefault(member, []).append(regions[-1])
        plants = [Plant(row["name"], row["operator"], row["locality"], subdivisions.get(row["subdivision"], ""),
                        row["country"], tuple(_aliases(row["aliases"])))
                  for row in _rows("plants.csv") if row["operator"] in companies and row["country"] in countries]
        strategies = Graph().parse(STRATEGIES, format="turtle")
        cues = sorted({complete_cue(str(label)) for label in strategies.objects(None, SKOS.hiddenLabel)},
                      key=lambda c: c.text)
        return cls(companies, brands, plants, countries, subdivisions, regions_of, regions, suppliers, unions,
                   cues, read_sections(PHRASING / "templates.txt"), read_sections(PHRASING / "words.txt"))


class Slots(dict[str, str]):
    """Template slots: the event's are set up front, the others are drawn when a template asks.

    A person, supplier, union or strategy, once named, is the one the rest of the article talks
    about; figures and phrases are drawn afresh each time.
    """

    STICKY = frozenset({"person", "role", "org", "supplier", "component", "union", "cue"})

    def __init__(self, generator: Generator, country_code: str, values: dict[str, str]):
        super().__init__(values)
        self.generator = generator
        self.country_code = country_code

    def __missing__(self, key: str) -> str:
        value = self.generator.fill(key, self)
        if key in self.STICKY:
            self[key] = value
        return value


@dataclass(frozen=True)
class Event:
    """What an article reports: its kind, the production status, the slot values, and its date."""

    kind: str
    status: str
    slots: Slots
    published: date


class Generator:
    """Articles drawn from one seeded random stream; call :meth:`articles` once."""

    def __init__(self, vocabulary: Vocabulary, seed: int):
        self.vocab = vocabulary
        self.rng = random.Random(seed)
        self.words = vocabulary.words
        self.producers = [c for c in vocabulary.companies.values() if self._brands_of(c.id)]
        self.models = {brand: self._model_line(brand)
                       for owner in sorted(vocabulary.brands) for brand in vocabulary.brands[owner]}
        self.authors = [self.person() for _ in range(600)]
        self.cue_nouns = [c.text for c in vocabulary.cues if c.noun]
        self.cue_any = [c.text for c in vocabulary.cues]

    # -- names ------------------------------------------------------------------------------------

    def _model_line(self, brand: str) -> list[str]:
        """A brand's invented model names: 6-30 of them, so that models recur across articles."""
        names: list[str] = []
        count = self.rng.randint(6, 30)
        while len(names) < count:
            name = self.rng.choice(self.words["model-letters"]) + str(self.rng.choice(_MODEL_NUMBERS))
            if self.rng.random() < 0.15:
                name += "e"
            if name not in names:
                names.append(name)
        return names

    def person(self) -> str:
        first = self.rng.choice(self.words["first-names"])
        last = self.rng.choice(self.words["last-names"])
        roll = self.rng.random()
        if roll < 0.08:
            return f"{first} {self.rng.choice(self.words['particles'])} {last}"
        if roll < 0.13:
            return f"{first} {self.rng.choice(self.words['middle-initials'])} {last}"
        if roll < 0.18:
            return f"{first} {last} {self.rng.choice(self.words['last-names'])}"
        return f"{first} {last}"

    def _brands_of(self, company: str) -> list[str]:
        """Brands a company owns, or failing that its parent's."""
        while company:
            if company in self.vocab.brands:
                return self.vocab.brands[company]
            owner = self.vocab.companies.get(company)
            company = owner.parent if owner else ""
        return []

    def company_name(self, company: Company, brand: str) -> str:
        """How an article names a producing company: mostly its brand, else its name or an alias."""
        roll = self.rng.random()
        parent = self.vocab.companies.get(company.parent)
        if roll < 0.5 and brand:
            return brand
        if roll < 0.62 and company.aliases:
            return self.rng.choice(company.aliases)
        if roll < 0.72 and parent is not None:
            return parent.name
        return company.name

    def country_name(self, code: str, *, article: bool = True) -> str:
        country = self.vocab.countries[code]
        name = country.name
        if country.short_names and self.rng.random() < 0.3:
            name = self.rng.choice(country.short_names)
        return f"the {name}" if article and name in _THE_COUNTRIES else name

    def where(self, town: str, subdivision: str, code: str) -> str:
        if subdivision and subdivision != town and code in _STATE_COUNTRIES and self.rng.random() < 0.6:
            return f"{town}, {subdivision}"
        return f"{town}, {self.country_name(code, article=False)}"

    def region(self, code: str) -> str:
        return self.rng.choice(self.vocab.regions_of.get(code) or self.vocab.regions)

    # -- dates ------------------------------------------------------------------------------------

    def published(self) -> date:
        return FIRST_DAY + timedelta(days=self.rng.randrange((LAST_DAY - FIRST_DAY).days + 1))

    def when(self, status: str, published: date) -> tuple[str, int]:
        """A date phrase for the status, relative to the publication date, and its year."""
        rng, month = self.rng, self.rng.choice(MONTHS)
        forms: tuple[str, ...]
        if status == "planned":
            year = published.year + rng.randint(1, 4)
            forms = (f"from {year}", f"in {year}", f"by {year}", f"in the second half of {year}",
                     f"in the first half of {year}", f"from early {year}", f"in late {year}",
                     f"from the first quarter of {year}", f"in {month} {year}", f"starting in {year}",
                     f"by the end of {year}")
        elif status == "ended":
            year = published.year + rng.randint(0, 2)
            forms = (f"in {year}", f"by {year}", f"at the end of {year}", f"by the end of {month} {year}",
                     f"in the first half of {year}", f"from {month} {year}")
        else:
            year = published.year
            here = MONTHS[published.month - 1]
            forms = (f"in {here} {year}", "this month", "this week", f"on {published.day} {here} {year}",
                     "earlier this year", f"in {here}")
        return rng.choice(forms), year

    # -- events -----------------------------------------------------------------------------------

    def fill(self, key: str, slots: Slots) -> str:
        """A value for a slot the event does not fix, drawn when a template first asks for it."""
        rng, words = self.rng, self.words
        match key:
            case "person":
                return self.person()
            case "role":
                return rng.choice(words["roles"])
            case "org":  # whom the person speaks for
                return slots[rng.choices(("maker", "supplier", "union"), weights=(75, 15, 10))[0]]
            case "org_pos":
                return slots["org"] + "'s"
            case "supplier":
                return rng.choice(self.vocab.suppliers)
            case "component":
                return rng.choice(words["components"])
            case "union":
                return rng.choice(self.vocab.unions)
            case "cue":
                return rng.choice(self.cue_nouns)
            case "quoted":
                return rng.choice(self.cue_any)
            case "investment":
                amount = (f"{rng.randint(1, 9)}.{rng.randint(0, 9)}bn" if rng.random() < 0.5
                          else f"{rng.randrange(50, 950, 50)}m")
                return rng.choice("$€£") + amount
            case "capacity":
                return f"{rng.randrange(50, 500, 10)},000"
            case "jobs":
                return f"{rng.randrange(300, 5000, 50):,}"
            case "percent":
                return str(rng.randint(2, 40))
            case "segment":
                return rng.choice(words["segments"])
            case "region":
                return self.region(slots.country_code)
        raise KeyError(f"no slot named {key!r} in bench/phrasing/templates.txt")

    def event(self, published: date) -> Event:
        """One reported fact, with every slot its templates may use."""
        rng = self.rng
        kind = rng.choices(list(_KIND_WEIGHTS), weights=list(_KIND_WEIGHTS.values()))[0]
        status = "planned" if kind == "contract" else rng.choices(
            list(_STATUS_WEIGHTS), weights=list(_STATUS_WEIGHTS.values()))[0]
        plant = rng.choice(self.vocab.plants)
        operator = self.vocab.companies[plant.operator]
        maker_company = operator
        while kind == "contract" and maker_company is operator:
            maker_company = rng.choice(self.producers)
        existing = rng.random() < 0.8 or kind == "contract"
        if not existing:
            maker_company = rng.choice(self.producers)
        brands = self._brands_of(maker_company.id)
        brand = rng.choice(brands) if brands else maker_company.name
        models = self.models.get(brand) or self._model_line(brand)
        model, model2 = rng.sample(models, 2)
        maker = self.company_name(maker_company, brand)
        town, code = plant.town, plant.country
        where = self.where(town, plant.subdivision, code)
        possessive = "the" if kind == "contract" else "its"
        if existing:
            site = rng.choice((f"at {possessive} plant in {where}", f"at {possessive} factory in {where}",
                               f"at {possessive} {town} plant", f"at the {plant.name} in {town}", f"in {where}",
                               f"at {possessive} {plant.name} in {self.country_name(code)}")
                              + tuple(f"at {alias}" for alias in plant.aliases[:2]))
            plant_name = plant.name
        else:
            site = rng.choice((f"at a new plant in {where}", f"at a new factory in {self.country_name(code)}",
                               f"in {where}", f"in {self.country_name(code)}"))
            plant_name = f"{town} plant"
        date_phrase, year = self.when(status, published)
        if status == "active" and rng.random() < 0.3:
            year -= rng.randint(1, 4)
        slots = Slots(self, code, {
            "maker": maker, "maker_pos": maker + "'s", "brand": brand, "model": model, "model2": model2,
            "site": site, "where": where, "town": town, "country": self.country_name(code),
            "demonym": self.vocab.countries[code].demonym or town, "plant_name": plant_name,
            "date": date_phrase, "year": str(year), "operator": self.company_name(operator, ""),
        })
        return Event(kind, status, slots, published)

    def sentence(self, section: str, slots: Slots) -> str:
        text = self.rng.choice(self.vocab.templates[section]).format_map(slots).replace("..", ".")
        return text[0].upper() + text[1:]

    def fact(self, event: Event) -> str:
        section = "fact.contract" if event.kind == "contract" else f"fact.{event.status}"
        return self.sentence(section, event.slots)

    def headline(self, event: Event) -> str:
        section = f"headline.{event.status}" if event.kind == "production" else f"headline.{event.kind}"
        return self.sentence(section, event.slots)

    def extra(self, event: Event) -> str:
        section = self.rng.choices(("strategy.noun", "strategy.quoted", "people", "supplier", "context"),
                                   weights=(30, 8, 22, 15, 25))[0]
        return self.sentence(section, event.slots)

    def standfirst(self, event: Event) -> str:
        if event.kind == "strategy":
            first = [self.sentence("strategy.noun", event.slots), self.fact(event)]
        elif event.kind == "supplier":
            first = [self.sentence("supplier", event.slots), self.fact(event)]
        else:
            first = [self.fact(event), self.extra(event)]
        return " ".join(first if self.rng.random() < 0.45 else first[:1])

    def listing_line(self) -> str:
        event = self.event(self.published())
        return self._style(f"{self.headline(event)} {self.standfirst(event)} {self.rng.choice(self.authors)}")

    def full_article(self, number: int) -> dict[str, str]:
        event = self.event(self.published())
        title, summary = self.headline(event), self.standfirst(event)
        paragraphs = []
        seen: set[str] = set()
        for index in range(self.rng.randint(4, 8)):
            if index == 0:
                sentences = [self.fact(event), self.sentence("context", event.slots)]
            elif self.rng.random() < 0.35:
                other = self.event(event.published)  # a second fact, as longer articles report
                sentences = [self.fact(other), self.extra(other)]
            else:
                sentences = [self._unseen(lambda: self.extra(event), seen) for _ in range(self.rng.randint(2, 4))]
            seen.update(sentences)
            paragraphs.append(" ".join(sentences))
        published = event.published
        roll = self.rng.random()
        stamp = (published.isoformat() if roll < 0.6 else
                 f"{MONTHS[published.month - 1]} {published.day}, {published.year}" if roll < 0.85 else
                 f"{published.isoformat()}T{self.rng.randint(6, 20):02d}:{self.rng.randrange(0, 60, 5):02d}:00Z")
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
        return {
            "id": f"bench-{number:07d}",
            "url": f"https://news.example.org/{published.year}/{published.month:02d}/{slug}-{number}",
            "title": self._style(title),
            "summary": self._style(summary),
            "text": self._style("\n\n".join(paragraphs)),
            "author": self.rng.choice(self.authors),
            "published": stamp,
        }

    @staticmethod
    def _unseen(draw: Callable[[], str], seen: set[str], attempts: int = 6) -> str:
        """A sentence the article has not used yet (or the last one drawn, after a few attempts)."""
        for _ in range(attempts):
            sentence = draw()
            if sentence not in seen:
                break
        seen.add(sentence)
        return sentence

    def _style(self, text: str) -> str:
        """House style varies between publications: a third use typographic apostrophes."""
        return text.replace("'", "\u2019") if self.rng.random() < 0.33 else text

    def articles(self, size: int) -> Iterator[tuple[bool, str]]:
        """``size`` articles in order: (is full text, the line to write)."""
        for number in range(size):
            if number % FULL_TEXT_EVERY == FULL_TEXT_EVERY - 1:
                yield True, json.dumps(self.full_article(number), ensure_ascii=False)
            else:
                yield False, self.listing_line()


def corpus_paths(out: Path, size: int) -> tuple[Path, Path]:
    """Where the corpus of a size is written: the listing file and the JSON Lines file."""
    return out / f"listing-{size}.txt", out / f"articles-{size}.jsonl"


def generate(size: int, seed: int, out: Path) -> tuple[Path, Path]:
    """Write the corpus of ``size`` articles for ``seed`` into ``out``; returns the two paths.

    Files are written under a temporary name and renamed when complete.
    """
    out.mkdir(parents=True, exist_ok=True)
    listing, full = corpus_paths(out, size)
    generator = Generator(Vocabulary.load(), seed)
    parts = [path.with_name(path.name + ".part") for path in (listing, full)]
    with parts[0].open("w", encoding="utf-8", newline="\n") as lines, \
            parts[1].open("w", encoding="utf-8", newline="\n") as records:
        for is_full, text in generator.articles(size):
            (records if is_full else lines).write(text + "\n")
    for part, path in zip(parts, (listing, full)):
        part.replace(path)
    return listing, full


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, required=True, help="number of articles (listing lines + full articles)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument("--out", type=Path, default=Path("bench/corpora"), help="folder (default: bench/corpora)")
    args = parser.parse_args(argv)
    if args.size < 1:
        parser.error("--size must be at least 1")
    listing, full = generate(args.size, args.seed, args.out)
    print(f"{listing} ({args.size - args.size // FULL_TEXT_EVERY} listing lines), "
          f"{full} ({args.size // FULL_TEXT_EVERY} full articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
