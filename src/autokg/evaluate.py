"""Measure extraction and linking against a hand-annotated development set (``data/eval/``).

``expected.jsonl`` holds, for each article of the set's files, what a careful annotator found:
the headline/standfirst/byline split, the manufacturers and suppliers named, the production facts,
the strategies and the people. Names in it are written as the press writes them; both sides are
resolved with the same reference data, so a name the reference data knows compares by entity and
any other name compares by its folded spelling.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .articles import read_file
from .errors import InputError
from .extract import Extractor
from .link import COMPANY_TYPES, Linker
from .model import Entity, EntityType, Extraction
from .reference import fold, load_reference, slug

METRICS = ("split", "manufacturers", "suppliers", "production-site", "status", "model", "locality",
           "strategy", "people")
PARTS = {"tune": ("tune.txt", "tune.jsonl"), "test": ("test.txt", "test.jsonl")}


@dataclass
class Score:
    """True and false positives and false negatives of one metric."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, gold: set[object], predicted: set[object], where: str) -> None:
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)
        self.misses += [f"{where}: missed {g}" for g in sorted(map(str, gold - predicted))]
        self.misses += [f"{where}: spurious {p}" for p in sorted(map(str, predicted - gold))]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Scores of one part of the set."""

    part: str
    articles: int
    scores: dict[str, Score]
    links: Score

    def lines(self) -> list[str]:
        out = [f"{self.part}: {self.articles} articles",
               f"  {'fact type':<16} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}"]
        for name in METRICS:
            s = self.scores[name]
            out.append(f"  {name:<16} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp + s.fn:5d}")
        out.append(f"  {'link accuracy':<16} {self.links.precision:6.3f} "
                   f"({self.links.tp} of {self.links.tp + self.links.fp} linked companies right)")
        return out


class _Resolver:
    def __init__(self, linker: Linker):
        self.linker = linker

    def company(self, name: str | None) -> str | None:
        if not name:
            return None
        entity = self.linker.resolve(name)
        if entity is not None:
            maker = self.linker.company(entity)
            if maker is not None:
                return f"org:{maker.key}"
            if entity.type in (EntityType.SUPPLIER, EntityType.ORGANISATION):
                return f"org:{entity.key}"
            # a plant known by its operating company's name ("Mitsubishi Motors Thailand") names
            # that company where the reference data has it, as the extractor takes it
            unit = self.linker.reference.org(slug(name)) if entity.type is EntityType.PLANT else None
            if unit is not None and unit.type in COMPANY_TYPES:
                return f"org:{unit.key}"
        return f"name:{fold(name)}"

    def model(self, name: str) -> str:
        """A model the annotator named, under the name of the reference model it is, if it is one
        ("Kia Forte" is the Kia Cerato sold under another name)."""
        known = self.linker.reference.models.get(fold(name), [])
        return fold(known[0].label) if len(known) == 1 else fold(name)

    def entity(self, entity: Entity) -> str:
        maker = self.linker.company(entity)
        if maker is not None:
            return f"org:{maker.key}" if maker.linked else f"name:{fold(maker.label)}"
        return f"org:{entity.key}" if entity.linked else f"name:{fold(entity.label)}"

    def align(self, predicted: dict[str, set[object]], gold: dict[str, set[object]]) -> dict[str, set[object]]:
        """Count a company as right where the annotator named its parent or its subsidiary
        ("Hyundai Motor Group" for Hyundai Motor Company): the text often allows both."""
        gold_makers = sorted(k for k in gold["manufacturers"] if isinstance(k, str))
        related: dict[str, list[str]] = {}
        for key in {k for k in predicted["manufacturers"] if isinstance(k, str)} - set(gold_makers):
            others = [other for other in gold_makers if self._related(key, other)]
            if others:
                related[key] = others

        def variants(item: object) -> list[object]:
            if isinstance(item, tuple):
                combos: list[tuple[object, ...]] = [()]
                for part in item:
                    combos = [c + (v,) for c in combos for v in variants(part)]
                return list(combos)
            return list(related[item]) if isinstance(item, str) and item in related else [item]

        def fix(item: object, wanted: set[object]) -> object:
            # of the companies the fact may stand for, the one the annotator used, if any;
            # otherwise the first in name order, so that every run scores the same
            options = variants(item)
            return next((v for v in options if v in wanted), options[0])

        return {metric: {fix(item, gold.get(metric, set())) for item in items}
                for metric, items in predicted.items()}

    def _related(self, first: str, second: str) -> bool:
        if not (first.startswith("org:") and second.startswith("org:")):
            return False
        a, b = self.linker.reference.org(first[4:]), self.linker.reference.org(second[4:])
        return a is not None and b is not None and (a.parent == b.key or b.parent == a.key)

    def place(self, country: str | None, region: str | None) -> str | None:
        if country:
            return f"country:{country.upper()}"
        if region:
            entity = self.linker.resolve(region)
            return f"region:{entity.key}" if entity is not None else f"name:{fold(region)}"
        return None


def _site_place(entity: Entity) -> str | None:
    if entity.type is EntityType.REGION:
        return f"region:{entity.key}"
    code = entity.key if entity.type is EntityType.COUNTRY else entity.country
    return f"country:{code}" if code else None


def _gold_sets(gold: dict[str, object], resolve: _Resolver) -> dict[str, set[object]]:
    production = gold.get("production") or []
    assert isinstance(production, list)
    sets: dict[str, set[object]] = {name: set() for name in METRICS if name != "split"}
    sets["manufacturers"] = {resolve.company(n) for n in gold.get("manufacturers") or []}  # type: ignore[union-attr]
    sets["suppliers"] = {resolve.company(n) for n in gold.get("suppliers") or []}  # type: ignore[union-attr]
    for fact in production:
        maker = resolve.company(fact.get("manufacturer"))
        place = resolve.place(fact.get("country"), fact.get("region"))
        sets["production-site"].add((maker, place))
        sets["status"].add((maker, place, fact.get("status")))
        if fact.get("model"):
            sets["model"].add((maker, resolve.model(fact["model"])))
        if fact.get("locality"):
            sets["locality"].add((maker, fold(fact["locality"])))
    for item in gold.get("strategies") or []:  # type: ignore[union-attr]
        sets["strategy"].add((item["strategy"], resolve.company(item.get("manufacturer"))))
    for person in gold.get("people") or []:  # type: ignore[union-attr]
        sets["people"].add((fold(person["name"]), resolve.company(person.get("organisation"))))
    return sets


def _predicted_sets(extraction: Extraction, resolve: _Resolver) -> dict[str, set[object]]:
    sets: dict[str, set[object]] = {name: set() for name in METRICS if name != "split"}
    for mention in extraction.mentions:
        entity = mention.entity
        if entity.type in COMPANY_TYPES or entity.type in (EntityType.BRAND, EntityType.MODEL):
            if resolve.linker.company(entity) is not None:
                sets["manufacturers"].add(resolve.entity(entity))
        elif entity.type is EntityType.SUPPLIER:
            sets["suppliers"].add(resolve.entity(entity))
    known = {e.ref: e for e in extraction.entities}
    for fact in extraction.production:
        maker = resolve.entity(fact.manufacturer)
        place = _site_place(fact.site)
        sets["production-site"].add((maker, place))
        sets["status"].add((maker, place, fact.status.value))
        if fact.model is not None:
            sets["model"].add((maker, fold(fact.model.label)))
        town = _locality_label(fact.site, known)
        if town:
            sets["locality"].add((maker, fold(town)))
    for strategy in extraction.strategies:
        actor = resolve.entity(strategy.actor) if strategy.actor else None
        sets["strategy"].add((strategy.strategy, actor))
    people = {m.entity.key: m.entity for m in extraction.mentions if m.entity.type is EntityType.PERSON}
    affiliated = {a.person.key: resolve.entity(a.organisation) for a in extraction.affiliations}
    for key, person in people.items():
        sets["people"].add((fold(person.label), affiliated.get(key)))
    return sets


def _locality_label(site: Entity, known: dict[tuple[EntityType, str], Entity]) -> str | None:
    if site.type is EntityType.LOCALITY:
        return site.label
    if site.type is EntityType.PLANT and site.locality:
        town = known.get((EntityType.LOCALITY, site.locality))
        return town.label if town else None
    return None


def _load_expected(folder: Path) -> dict[tuple[str, int], dict[str, object]]:
    path = folder / "expected.jsonl"
    expected: dict[tuple[str, int], dict[str, object]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=path) from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            expected[(record["file"], int(record["line"]))] = record
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise InputError(f"not an expected-facts record: {exc}", path=path, line=number) from None
    return expected


def evaluate(folder: Path, parts: Iterable[str] = ("tune", "test")) -> list[Report]:
    """Score extraction and linking on each part of the development set in ``folder``."""
    reference = load_reference()
    extractor = Extractor(reference)
    resolve = _Resolver(extractor.linker)
    expected = _load_expected(folder)
    reports = []
    for part in parts:
        scores = {name: Score() for name in METRICS}
        links = Score()
        count = 0
        for name in PARTS[part]:
            path = folder / name
            if not path.exists():
                continue
            # (every annotated item is scored, also one a build would merge with another)
            for article in read_file(path, names=reference.name_kind):
                line = int(article.source.rsplit(":", 1)[1])
                gold = expected.get((name, line))
                if gold is None:
                    raise InputError("no expected facts for this article", path=path, line=line)
                count += 1
                where = f"{name}:{line}"
                if name.endswith(".txt"):
                    right = (article.title, article.summary or "", article.author or "") == (
                        gold["title"], gold["summary"], gold["author"])
                    scores["split"].add({"ok"}, {"ok"} if right else {"wrong"}, where)
                extraction = extractor.extract(article)
                gold_sets = _gold_sets(gold, resolve)
                predicted = resolve.align(_predicted_sets(extraction, resolve), gold_sets)
                for metric, gold_set in gold_sets.items():
                    scores[metric].add(gold_set, predicted[metric], where)
                companies = gold_sets["manufacturers"] | gold_sets["suppliers"]
                linked = {resolve.entity(m.entity) for m in extraction.mentions
                          if m.entity.linked and (m.entity.type in COMPANY_TYPES or m.entity.type in (
                              EntityType.SUPPLIER, EntityType.BRAND))}
                links.add(companies, linked, where)
        reports.append(Report(part, count, scores, links))
    return reports
