"""Reading listings, JSON Lines and CSV; splitting glued listing lines; bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autokg.articles import ArticleReader, read_articles, split_listing_line
from autokg.errors import InputError
from autokg.reference import load_reference

from .conftest import CASES, ROOT

LISTINGS = CASES / "listings"


def _expected(name: str) -> list[dict[str, str]]:
    path = LISTINGS / f"{name}.expected.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _score(lines: list[str], expected: list[dict[str, str]]) -> tuple[int, list[str]]:
    """Splits as the pipeline does, knowing the reference data's names."""
    assert len(lines) == len(expected)
    names = load_reference().name_kind
    wrong = []
    for number, (line, want) in enumerate(zip(lines, expected), start=1):
        got = split_listing_line(line, names=names)
        triple = (got.title, got.summary or "", got.author or "")
        if triple != (want["title"], want["summary"], want["author"]):
            wrong.append(f"line {number}: got {triple!r}, want {want!r}")
    return len(lines) - len(wrong), wrong


def test_seed_lines_split_exactly(seed_path):
    right, wrong = _score(_lines(seed_path), _expected("seed"))
    assert not wrong, "\n".join(wrong)
    assert right == 12


def test_sample_listing_splits_exactly():
    right, wrong = _score(_lines(ROOT / "data" / "articles" / "sample.txt"), _expected("sample"))
    assert not wrong, "\n".join(wrong)


def test_tuning_listing_splits_at_least_nineteen_in_twenty():
    lines = _lines(LISTINGS / "tune.txt")
    right, wrong = _score(lines, _expected("tune"))
    assert right / len(lines) >= 0.93, "\n".join(wrong)


def test_holdout_listing_splits_at_least_85_percent():
    """Lines kept out of the splitter's tuning: measured, with a floor."""
    lines = _lines(LISTINGS / "holdout.txt")
    right, wrong = _score(lines, _expected("holdout"))
    assert right / len(lines) >= 0.85, "\n".join(wrong)


@pytest.mark.parametrize("line, title", [
    (("Zárate gets a new Hilux line Toyota Argentina will invest $500m in its plant in Buenos Aires province "
      "to build the next Hilux from 2026. Ann Lee"), "Zárate gets a new Hilux line"),
    (("Nairobi assembly goes on under a new name Isuzu East Africa now runs the plant that General Motors "
      "built in Kenya. Ann Lee"), "Nairobi assembly goes on under a new name"),
    # (a country's possessive opens a sentence; "U.S. Steel" is a company, not a country)
    ("Tariffs bite for Geely Chile’s imports of Chinese cars fell by a third last year. Ann Lee", "Tariffs bite for Geely"),
    (("U.S. Steel expands output for Lincoln U.S. Steel will supply parts for the V20e from its plant in Avon "
      "Lake. Ann Lee"), "U.S. Steel expands output for Lincoln"),
])
def test_a_makers_national_company_is_one_name(line, title):
    """"... line Toyota | Argentina will invest": a maker and a country or region side by side name
    the maker's national company, which the split does not cut through."""
    assert split_listing_line(line, names=load_reference().name_kind).title == title


@pytest.mark.parametrize("line, title", [
    (("Rüsselsheim builds the Astra in every flavour Stellantis’ Opel home plant has made the Opel Astra since "
      "2021. Ann Lee"), "Rüsselsheim builds the Astra in every flavour"),
    (("A no-frills EV pickup from Indiana Slate Auto, the start-up that showed its low-cost electric truck in "
      "April 2025, plans to build it in a former printing works in northern Indiana and expects output to "
      "begin by the end of 2026. Ann Lee"), "A no-frills EV pickup from Indiana"),
])
def test_a_possessive_in_s_and_a_date_are_not_cut(line, title):
    """"... flavour Stellantis’ | Opel home plant" and "... in April | 2025, plans to build" were
    taken for the start of the standfirst."""
    assert split_listing_line(line, names=load_reference().name_kind).title == title


@pytest.mark.parametrize("line, title", [
    (("Leipzig goes electric with the Macan Porsche assembles the battery-powered second-generation Porsche Macan "
      "at its Saxon factory, which also makes the Panamera. Ann Lee"), "Leipzig goes electric with the Macan"),
    (("Coffee in the headlamps: Ford and McDonald’s The carmaker said in December 2019 that coffee chaff would be "
      "moulded into headlamp housings. Ann Lee"), "Coffee in the headlamps: Ford and McDonald’s"),
    (("Ford’s plug-in Ranger comes only from Pretoria The Silverton plant builds the Ranger PHEV alongside the "
      "diesel Ford Ranger for export markets. Ann Lee"), "Ford’s plug-in Ranger comes only from Pretoria"),
    (("Sprinters for America are made in America Mercedes-Benz Vans opened a full production plant in North "
      "Charleston in September 2018. Ann Lee"), "Sprinters for America are made in America"),
    (("Jeep Compass: made in Maharashtra Fiat India Automobiles, the joint venture of Fiat and Tata Motors, started "
      "producing the SUV in 2017. Ann Lee"), "Jeep Compass: made in Maharashtra"),
    (("Fuso + Hino = ARCHION Daimler Truck and Toyota agreed in 2023 to merge their Japanese truck makers under a "
      "new holding company. Ann Lee"), "Fuso + Hino = ARCHION"),
    (("BMW plans its plants in NVIDIA’s Omniverse Milan Nedeljković, the board member responsible for production, "
      "showed how the carmaker builds digital twins of whole factories. Ann Lee"),
     "BMW plans its plants in NVIDIA’s Omniverse"),
    (("Flax panels and fishing nets: the Polestar Precept The concept car Polestar revealed in February 2020 uses a "
      "flax-based composite for its interior panels. Ann Lee"), "Flax panels and fishing nets: the Polestar Precept"),
    (("Isuzu opens its own Indian plant at Sri City Andhra Pradesh chief minister N. Chandrababu Naidu inaugurated "
      "the factory in April 2016. Ann Lee"), "Isuzu opens its own Indian plant at Sri City"),
    (("Córdoba’s last Frontier Nissan built its final Nissan Frontier at the Santa Isabel plant in Argentina on 9 "
      "October 2025, ending local production of the pickup. Ann Lee"), "Córdoba’s last Frontier"),
    (("Almaty’s Hyundai plant starts welding and painting Hyundai Trans Kazakhstan, owned by the distributor Astana "
      "Motors, fully opened its factory in the Kazakh city in October 2020. Ann Lee"),
     "Almaty’s Hyundai plant starts welding and painting"),
])
def test_adjectives_possessives_company_words_coordinated_subjects_and_people_with_roles(line, title):
    """Splits the third round of the development set got wrong: a hyphenated or fuel adjective before
    a model, a name ending in ’s before "The", a maker's company word ("Vans", "Automobiles"), two
    subjects joined by "and" in a Title Case headline, and a person named with their role."""
    assert split_listing_line(line, names=load_reference().name_kind).title == title


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_split_never_loses_text(line):
    split = split_listing_line(line)
    parts = [p for p in (split.title, split.summary, split.author) if p]
    assert " ".join(parts) == " ".join(line.split())


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(["plant", "production", "Ford", "builds", "in", "Mexico", "EV", "the", "new"]),
             min_size=4, max_size=12),
    st.lists(st.sampled_from(["It", "will", "start", "output", "in", "2026", "at", "Saltillo", "and"]),
             min_size=4, max_size=20),
)
def test_split_is_a_partition_of_the_tokens(title, summary):
    line = " ".join(title) + " " + " ".join(summary).capitalize() + ". Ann Lee"
    split = split_listing_line(line)
    assert " ".join(p for p in (split.title, split.summary, split.author) if p) == line


def test_jsonl_full_articles(tmp_path):
    path = tmp_path / "a.jsonl"
    records = [
        {"id": "a1", "title": "Kia starts EV9 production in Georgia", "text": "Kia has started ...\n\nMore.",
         "author": "A B", "date": "December 10, 2013", "url": "https://news.example.org/a1"},
        {"title": "Only a title", "standfirst": "A standfirst.", "published": "2024-03-05T10:00:00Z"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    first, second = read_articles([path])
    assert first.text == "Kia has started ...\n\nMore." and first.published.isoformat() == "2013-12-10"
    assert first.ident == "a1" and first.url == "https://news.example.org/a1"
    assert second.summary == "A standfirst." and second.published.isoformat() == "2024-03-05"
    assert first.source == "a.jsonl:1" and second.source == "a.jsonl:2"


def test_csv_with_bom_and_same_columns(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("\ufefftitle,summary,author,date\nBYD opens Szeged plant,BYD has opened it.,C D,2025-01-02\n",
                    encoding="utf-8")
    (article,) = read_articles([path])
    assert (article.title, article.summary, article.author) == ("BYD opens Szeged plant", "BYD has opened it.", "C D")
    assert article.source == "a.csv:2"


def test_same_article_twice_is_one(tmp_path):
    listing = tmp_path / "a.txt"
    listing.write_text("Tesla starts Model Y production in Berlin Tesla has begun building the Model Y. Jane Doe\n",
                       encoding="utf-8")
    jsonl = tmp_path / "b.jsonl"
    jsonl.write_text(json.dumps({"title": "Tesla starts Model Y production in Berlin",
                                 "summary": "Tesla has begun building the Model Y.", "author": "Jane Doe"}) + "\n"
                     + json.dumps({"id": "x", "title": "Another"}) + "\n"
                     + json.dumps({"id": "x", "title": "Another, edited"}) + "\n", encoding="utf-8")
    reader = ArticleReader()
    articles = list(reader.read([listing, jsonl, listing]))
    # an article comes out once its last record has been read
    assert [a.title for a in articles] == ["Another, edited", "Tesla starts Model Y production in Berlin"]
    assert reader.report().duplicates == 3
    backwards = list(ArticleReader().read([jsonl, listing]))
    assert sorted(backwards, key=lambda a: a.key) == sorted(articles, key=lambda a: a.key)


def test_reading_streams_through_a_spool_with_the_same_result(tmp_path):
    """Thousands of records, a few of them repeated far apart: each article once, merged."""
    lines = [f"Maker{i} starts production of the M{i} in Town{i} It opened a plant. Author{i % 50}"
             for i in range(3000)]
    listing = tmp_path / "big.txt"
    listing.write_text("\n".join(lines + lines[:10]) + "\n", encoding="utf-8")
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text("".join(json.dumps({"id": f"j{i}", "title": f"Story {i}", "text": "x" * 100}) + "\n"
                             for i in range(500)) + json.dumps({"id": "j7", "title": "Story 7 (updated)"}) + "\n",
                     encoding="utf-8")
    reader = ArticleReader()
    articles = list(reader.read([listing, jsonl]))
    assert len(articles) == 3500 and reader.report().duplicates == 11
    assert len({a.key for a in articles}) == 3500
    (seven,) = [a for a in articles if a.ident == "j7"]
    assert (seven.title, seven.text) == ("Story 7 (updated)", "x" * 100)


def test_duplicates_are_merged_into_the_fullest_record(tmp_path):
    listing = tmp_path / "a.txt"
    listing.write_text("Chery to build cars in Barcelona Chery will assemble cars in Spain. Ana Ruiz\n",
                       encoding="utf-8")
    jsonl = tmp_path / "b.jsonl"
    jsonl.write_text(json.dumps({"id": "c1", "title": "Chery to build cars in Barcelona", "author": "Ana Ruiz",
                                 "text": "Full body.", "published": "2024-04-19"}) + "\n", encoding="utf-8")
    (one,) = read_articles([listing, jsonl])
    (two,) = read_articles([jsonl, listing])
    assert one == two
    assert (one.summary, one.text, one.ident, one.source) == ("Chery will assemble cars in Spain.", "Full body.",
                                                              "c1", "a.txt:1")


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"\n\n  \n", "file is empty"),
        ("binary.txt", b"Title one Summary. A B\n\x00\x01\x02", ":2: binary data"),
        ("latin1.txt", "Fine line here. A B\nCaf\u00e9 line".encode("latin-1"), ":2: not valid UTF-8"),
        ("list.jsonl", b'{"title": "ok"}\n[1, 2]\n', ":2: expected a JSON object, got list"),
        ("broken.jsonl", b'{"title": "ok"\n', ":1: not valid JSON"),
        ("untitled.jsonl", b'{"summary": "no title"}\n', ":1: no 'title'"),
        ("notitle.csv", b"headline_text,author\nx,y\n", ":1: no 'title' column"),
        ("nested.jsonl", b'{"title": {"a": 1}}\n', ":1: field 'title' should be text"),
    ],
)
def test_bad_input_names_file_line_and_problem(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as error:
        read_articles([path])
    assert str(error.value).startswith(str(path))
    assert problem in str(error.value)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_articles([tmp_path / "nope.txt"])


def test_megabyte_line_is_kept_with_a_warning(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Short headline here now Summary starts. A B\n" + "word " * 200_000 + "\n", encoding="utf-8")
    reader = ArticleReader()
    articles = list(reader.read([path]))
    assert len(articles) == 2
    assert any(":2:" in w and "too long" in w for w in reader.report().warnings)


def test_unsplittable_line_is_kept_with_a_warning(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_text("ok\n", encoding="utf-8")
    reader = ArticleReader()
    (article,) = list(reader.read([path]))
    assert article.title == "ok"
    assert any(w.startswith(f"{path}:1:") for w in reader.report().warnings)


def test_no_room_for_the_spool_is_a_clear_error(tmp_path, monkeypatch):
    import tempfile

    from autokg.errors import AutokgError

    listing = tmp_path / "a.txt"
    listing.write_text("Tesla starts Model Y production in Berlin Tesla has begun. Jane Doe\n", encoding="utf-8")

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "TemporaryFile", full)
    with pytest.raises(AutokgError, match="No space left on device.*TMPDIR"):
        list(ArticleReader().read([listing]))


@pytest.mark.parametrize(("line", "title"), [
    # a company's name after "subsidiary", "unit", "rival" ... belongs to that noun phrase
    (("MG opens a second plant in Gujarat SAIC’s Indian subsidiary MG Motor India will build electric SUVs "
      "at Halol from 2026. Ann Lee"), "MG opens a second plant in Gujarat"),
    # a headline may end on a stranded preposition after "away" or "out"
    (("Volkswagen takes over the plant Ford walked away from Volkswagen will build electric vans at the site "
      "from 2027. Ann Lee"), "Volkswagen takes over the plant Ford walked away from"),
    # "the revived | Toyota Tamaraw": a participle after a determiner, and a model's full name,
    # do not mark where a standfirst starts
    (("A new pickup for the Philippines Toyota Motor Philippines makes the revived Toyota Tamaraw utility "
      "vehicle at its plant in Santa Rosa, Laguna, for local buyers. Ann Lee"), "A new pickup for the Philippines"),
    # the headline's subject named again late in a long standfirst does not start it
    (("Kia starts EV9 production in Georgia The plant in West Point began building the electric SUV in May "
      "2023, and its president said Kia would add a second shift. Ann Lee"), "Kia starts EV9 production in Georgia"),
    # an owner's adjective opens a standfirst and stays with its noun ("Geely-owned | Lotus" was cut)
    (("Lotus builds the Eletre in Wuhan Geely-owned Lotus makes its first electric SUV at a new plant in the "
      "Chinese city. Chen Jie"), "Lotus builds the Eletre in Wuhan"),
    # a maker's name in lower case may open a standfirst
    (("The new smart is made in Xi’an smart Automobile, the joint venture of Mercedes-Benz and Geely, builds the "
      "smart #1 at a Geely plant. Hui Min Tan"), "The new smart is made in Xi’an"),
    # a headline seldom ends on a verb whose object follows ("makes | Ghent plant") ...
    (("Volvo Trucks makes Ghent plant fossil-free The Belgian truck plant now runs on wind power and biogas "
      "heating. Ann Lee"), "Volvo Trucks makes Ghent plant fossil-free"),
    (("Toyota’s last Australian Camry leaves Altona Car assembly at the Victorian plant ended in October 2017 "
      "after 54 years. Ann Lee"), "Toyota’s last Australian Camry leaves Altona"),
    # ... unless "what" fronts the object; and "what" does not end a headline
    (("Three vans, one line: what Maubeuge builds Renault makes the Kangoo there with its twins for "
      "Mercedes-Benz and Nissan. Ann Lee"), "Three vans, one line: what Maubeuge builds"),
    # a word with the headline's colon does not open the standfirst
    (("Fiat pulls out of Sicily: last Lancia Ypsilon leaves Termini Imerese Sergio Marchionne’s group ended "
      "car assembly at the island plant in November 2011. Ann Lee"),
     "Fiat pulls out of Sicily: last Lancia Ypsilon leaves Termini Imerese"),
    # a person's name of four words before their role is not cut
    (("Nissan's Aguascalientes plant begins Kicks output José Luis Valls Ramírez, president of the Mexican "
      "unit, says the crossover will be exported across Latin America. Ann Lee"),
     "Nissan's Aguascalientes plant begins Kicks output"),
    # "Production" opens a standfirst
    (("Hyundai's Alabama plant builds its first Genesis Production of the GV70 began in Montgomery in 2023, "
      "the first Genesis made outside Korea. Ann Lee"), "Hyundai's Alabama plant builds its first Genesis"),
    # an amount after a determiner goes with the noun after it
    (("Volkswagen opens Ghana's first car assembly plant Accra's special economic zone now hosts a $15m "
      "Volkswagen facility that assembles the Polo and Tiguan from kits; President Nana Akufo-Addo opened it in "
      "August 2023. Ann Lee"), "Volkswagen opens Ghana's first car assembly plant"),
    # a person's initials are not cut from the surname
    (("Hyundai breaks ground on a car plant in Tamil Nadu Chief Minister M.K. Stalin laid the foundation stone "
      "at Irungattukottai in Kanchipuram district, where Hyundai will build small cars for India and for "
      "export, with room for 300,000 vehicles a year. Ann Lee"), "Hyundai breaks ground on a car plant in Tamil Nadu"),
    # "is no more" may end a headline
    (("The Swindon Civic is no more Honda's hatchback, built at the plant for 20 years, went out of production "
      "in July 2021. Ann Lee"), "The Swindon Civic is no more"),
    # a superlative after a determiner wants its noun
    (("Ashok Leyland lands its largest UAE truck order 1,000 Boss trucks will be built at its plant in Ras Al "
      "Khaimah, the company said. Ann Lee"), "Ashok Leyland lands its largest UAE truck order"),
    # a first name before a surname that a maker bears, then "told": a person
    (("Why the founder walked away from the car he wanted to build James Dyson told staff the project could "
      "not make money. Ann Lee"), "Why the founder walked away from the car he wanted to build"),
    # "old", "inaugurated" and "manufacturer" want what follows
    (("Vans return to the old Hummer plant Lordstown Electric Truck Works has filed for bankruptcy. Ann Lee"),
     "Vans return to the old Hummer plant"),
    (("Pickup factory opens in North Sumatra Joko Widodo inaugurated Sumber Motor Nusantara's plant in Medan, "
      "where light trucks are built. Ann Lee"), "Pickup factory opens in North Sumatra"),
    (("A sports car for Ford at Magna in Graz Contract manufacturer Magna Steyr has begun building a small "
      "series for the brand. Ann Lee"), "A sports car for Ford at Magna in Graz"),
])
def test_split_regressions(line, title):
    assert split_listing_line(line, names=load_reference().name_kind).title == title


@pytest.mark.parametrize("value", ["March 5, 2024", "Mar 5, 2024", "5 March 2024", "5 Sep 2019",
                                   "September 30 2021", "Dec 31 2020", "12/10/2013", "Tuesday, 10 December 2013"])
def test_dates_read_without_dateparser_agree_with_it(value):
    """The month-name forms are read with strptime, the rest with dateparser: both give one answer."""
    import dateparser

    from autokg.articles import parse_date

    expected = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True})
    assert expected is not None and parse_date(value) == expected.date()



def test_an_unpaired_surrogate_escape_in_json_is_replaced_with_a_warning(tmp_path):
    """A JSON Lines title with "\\ud83d" alone crashed the build: the escape decodes to no character,
    which cannot be written as RDF text. It is replaced by U+FFFD, with a warning naming the line;
    a proper pair ("\\ud83d\\ude97") is the character it stands for."""
    path = tmp_path / "a.jsonl"
    path.write_text('{"title": "Bad \\ud83d escape at Giga Berlin"}\n'
                    '{"title": "A car \\ud83d\\ude97 at Giga Berlin"}\n', encoding="utf-8")
    reader = ArticleReader()
    first, second = list(reader.read([path]))
    assert first.title == "Bad \ufffd escape at Giga Berlin" and second.title == "A car \U0001f697 at Giga Berlin"
    assert reader.warnings == [f"{path}:1: field 'title' has an unpaired surrogate escape; replaced by U+FFFD"]
