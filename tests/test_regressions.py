"""One test per bug, named after what broke."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import XSD

from autokg.export import export
from autokg.store import GraphStore, load_graph
from autokg.validate import validate
from autokg.vocab import AKG, ID


def test_evidence_offsets_keep_their_datatype_through_the_store(tmp_path):
    """Oxigraph stored xsd:nonNegativeInteger as xsd:integer, so a written graph stopped
    conforming to shapes that asked for the former; offsets are xsd:integer now."""
    graph = Graph()
    node = ID["evidence/x"]
    graph.add((node, AKG.beginIndex, Literal(5, datatype=XSD.integer)))
    store = GraphStore()
    store.add(graph)
    out = tmp_path / "g.ttl"
    export(store, out)
    (value,) = Graph().parse(out).objects(node, AKG.beginIndex)
    assert value.datatype == XSD.integer


def test_sample_graph_still_conforms_after_a_round_trip(sample_build, tmp_path):
    reloaded = load_graph([sample_build[1]]).to_graph()
    assert validate(reloaded).conforms


def test_a_model_named_through_its_company_or_its_brand_has_one_manufacturer():
    """A model reached through the company "Volkswagen Commercial Vehicles" and through the brand
    of the same name got both the company and the brand's owner as manufacturer (found by the
    benchmark's synthetic corpus: 26 SHACL violations at 10,000 articles)."""
    from autokg.link import Linker
    from autokg.model import EntityType
    from autokg.reference import load_reference

    reference = load_reference()
    linker = Linker(reference)
    company = reference.get(EntityType.MANUFACTURER, "volkswagen-commercial-vehicles")
    brand = reference.get(EntityType.BRAND, "volkswagen-commercial-vehicles")
    assert company is not None and brand is not None
    via_company, via_brand = linker.model("A10", company), linker.model("A10", brand)
    assert via_company.key == via_brand.key
    assert via_company.operator == via_brand.operator


def test_one_fact_reported_with_two_phrasings_in_two_batches(tmp_path):
    """Two articles giving the same start in different words ("from 2027", "in 2027") made one
    fact with two akg:startPhrase values; in different batches SHACL did not see it (found by the
    benchmark at 10,000 articles). Each phrasing is its own fact now, and a stored check looks
    for any single-valued fact property with two values in the whole graph."""
    from autokg.mapping import production_iri
    from autokg.model import Entity, EntityType, Evidence, ProductionFact, Span, Status
    from autokg.pipeline import run_checks

    kia = Entity(EntityType.MANUFACTURER, "kia", "Kia", linked=True)
    site = Entity(EntityType.COUNTRY, "SK", "Slovakia", linked=True)
    evidence = Evidence("a", Span(0, 5), "Kia ...")
    first = ProductionFact(kia, site, Status.PLANNED, evidence, start="2027", start_phrase="from 2027")
    second = ProductionFact(kia, site, Status.PLANNED, evidence, start="2027", start_phrase="in 2027")
    assert production_iri(first) != production_iri(second)

    graph = tmp_path / "g.ttl"
    graph.write_text(
        "@prefix akg: <https://w3id.org/autokg/ontology#> .\n"
        "<https://w3id.org/autokg/id/fact/f> a akg:ProductionFact ;\n"
        '    akg:startPhrase "from 2027" , "in 2027" .\n', encoding="utf-8")
    failed = [c.name for c in run_checks(load_graph([graph])) if not c.passed]
    assert failed == ["fact-with-two-values-violation"]


def test_a_model_code_starting_with_a_stopword_is_found_and_attached():
    """"the Model Y" was dropped because "Model" alone is no name; the plant's fact then had no
    model, and a second fact without a model stood beside the one with it."""
    from autokg.articles import listing_article
    from autokg.extract import Extractor
    from autokg.reference import load_reference

    reference = load_reference()
    line = ("Tesla opens Giga Texas The Austin factory, opened in April 2022, builds the Model Y "
            "crossover. Brandon Kessler")
    article, _ = listing_article("x.txt", 1, line, reference.name_kind)
    facts = Extractor(reference).extract(article).production
    assert [(f.manufacturer.label, f.site.label, f.model.label if f.model else None) for f in facts] == [
        ("Tesla", "Gigafactory Texas", "Tesla Model Y")]


def _facts(line: str) -> list[tuple[str, str, str]]:
    from autokg.articles import listing_article
    from autokg.extract import Extractor
    from autokg.reference import load_reference

    reference = load_reference()
    article, _ = listing_article("x.txt", 1, line, reference.name_kind)
    return sorted((f.manufacturer.label, f.site.label, f.status.value)
                  for f in Extractor(reference).extract(article).production)


def test_a_cancellation_does_not_reach_into_the_next_clause():
    """"dropped plans to build the 4x4 in Bridgend, and will make it in Hambach" cancelled both."""
    facts = _facts("Ineos picks Hambach for the Grenadier Ineos Automotive dropped plans to build the 4x4 in "
                   "Bridgend, Wales, and will make it in Hambach, Lorraine. Ann Lee")
    assert ("Ineos Automotive", "Bridgend", "cancelled") in facts
    assert ("Ineos Automotive", "Hambach", "planned") in facts


def test_production_moved_from_one_place_to_another():
    """"moved production ... from Born ... to ..." was read as production going on in Born."""
    facts = _facts("The new Mini Countryman is made in Leipzig BMW Group moved production of the crossover "
                   "from VDL Nedcar in Born, in the Netherlands, to its Saxon plant. Stefan Krüger")
    assert ("BMW AG", "Born", "ended") in facts
    assert ("BMW AG", "Leipzig", "active") in facts


def _makers(line: str) -> set[str]:
    return {maker for maker, _, _ in _facts(line)}


def test_the_seller_of_a_plant_is_not_its_producer():
    """"after buying the factory from Mercedes-Benz" made Mercedes a producer in Hambach."""
    makers = _makers("Ineos to build the Grenadier in France Ineos Automotive will make the 4x4 in Hambach, "
                     "Lorraine, after buying the factory from Mercedes-Benz in 2020. Ann Lee")
    assert makers == {"Ineos Automotive"}


def test_a_former_owner_a_platform_maker_and_a_shareholder_are_not_producers():
    assert "General Motors" not in _makers(
        "A new life for Halol MG began building SUVs in 2019 at General Motors’ former factory in "
        "Halol, Gujarat. Ann Lee")
    assert "Geely Auto" not in _makers(
        "Busan builds a new SUV Renault Korea started building the SUV, which uses a platform from Geely, "
        "in Busan in 2024. Ann Lee")
    assert "Geely Auto" not in _makers(
        "Busan builds a new SUV Renault Korea builds the SUV in Busan; Geely also holds about a third "
        "of Renault Korea. Ann Lee")


def test_a_nationality_is_not_a_production_site():
    """"giving the Korean carmaker a production base" made South Korea a site of Kia's."""
    facts = _facts("Kia opens a plant in Nuevo León The factory in Pesquería began production in 2016, "
                   "giving the Korean carmaker a production base in the Americas. Ann Lee")
    assert all(site != "South Korea" for _, site, _ in facts)


def test_a_plant_name_two_makers_use_links_only_with_its_operator():
    """"its Rayong plant" of Suzuki was linked to Great Wall's plant of that name."""
    from autokg.articles import listing_article
    from autokg.extract import Extractor
    from autokg.reference import load_reference

    reference = load_reference()
    line = "Suzuki to end production in Thailand The carmaker will close its Rayong plant by 2025. Ann Lee"
    article, _ = listing_article("x.txt", 1, line, reference.name_kind)
    facts = Extractor(reference).extract(article).production
    assert facts
    assert all(f.site.operator in (None, "suzuki") for f in facts), [f.site for f in facts]


def test_a_head_of_state_is_not_the_manufacturers_employee():
    from autokg.articles import listing_article
    from autokg.extract import Extractor
    from autokg.reference import load_reference

    reference = load_reference()
    line = ("Hyundai opens a plant near Jakarta The factory started production in 2022; President Joko "
            "Widodo attended the opening. Ann Lee")
    article, _ = listing_article("x.txt", 1, line, reference.name_kind)
    extraction = Extractor(reference).extract(article)
    people = {m.text for m in extraction.mentions if m.entity.type.name == "PERSON"}
    assert "Joko Widodo" in people
    assert not [a for a in extraction.affiliations if a.person.label == "Joko Widodo"]


def test_a_status_cue_with_a_comma_in_the_lexicon_is_a_clear_error(tmp_path, monkeypatch):
    import importlib
    import shutil

    import pytest

    from autokg import resources
    from autokg.errors import InputError

    extract = importlib.import_module("autokg.extract")

    for folder in ("ontology", "data"):
        shutil.copytree(resources.home() / folder, tmp_path / folder)
    with (tmp_path / "data" / "lexicon" / "status.csv").open("a", encoding="utf-8") as handle:
        handle.write("builds (?:\\w+ ){0,3}plants,planned\n")
    monkeypatch.setenv("AUTOKG_HOME", str(tmp_path))
    resources.home.cache_clear()
    extract._status_cues.cache_clear()
    try:
        with pytest.raises(InputError, match=r"status\.csv:\d+: expected a cue and a status"):
            extract._status_cues()
    finally:
        monkeypatch.delenv("AUTOKG_HOME")
        resources.home.cache_clear()
        extract._status_cues.cache_clear()
        extract._status_matches.cache_clear()


def test_a_model_in_a_later_clause_has_that_clauses_status_and_date():
    """"dropped plans to build SUVs at Oakville and will instead produce Super Duty pickups there
    from 2026" cancelled the Super Duty; and a bare year after "from" was never read as a date,
    because the date pattern took the space before it."""
    from autokg.articles import listing_article
    from autokg.extract import Extractor
    from autokg.reference import load_reference

    reference = load_reference()
    line = ("Ford changes course in Ontario Ford has dropped plans to build electric SUVs at its Oakville "
            "Assembly Complex and will instead produce Super Duty pickups there from 2026. Ann Lee")
    article, _ = listing_article("x.txt", 1, line, reference.name_kind)
    facts = {(f.model.label if f.model else None, f.status.value, f.start)
             for f in Extractor(reference).extract(article).production}
    assert facts == {(None, "cancelled", None), ("Ford Super Duty", "planned", "2026")}


def test_a_plant_with_two_spellings_of_one_alias_is_still_linked():
    """"Gläserne Manufaktur" and "Glaserne Manufaktur" listed the Dresden plant twice under one
    name, which was then taken for a name two plants share, left unlinked, and read as a person."""
    from autokg.articles import listing_article
    from autokg.extract import Extractor
    from autokg.reference import load_reference

    reference = load_reference()
    line = ("Volkswagen Commercial Vehicles starts the N1e in Dresden Volkswagen Commercial Vehicles has "
            "begun building the N1e at Gläserne Manufaktur, in October 2025. Ann Lee")
    article, _ = listing_article("x.txt", 1, line, reference.name_kind)
    mentions = {(m.entity.type.name, m.entity.key) for m in Extractor(reference).extract(article).mentions}
    assert ("PLANT", "volkswagen-dresden") in mentions
    assert not any(kind == "PERSON" for kind, _ in mentions)


def _extraction(line: str | None = None, *, title: str = "", text: str = ""):
    """What the extractor reads from a listing line, or from an article's headline and body."""
    from autokg.articles import listing_article
    from autokg.extract import Extractor
    from autokg.model import Article
    from autokg.reference import load_reference

    reference = load_reference()
    if line is not None:
        article, _ = listing_article("x.txt", 1, line, reference.name_kind)
    else:
        article = Article(key="k", source="x.jsonl:1", title=title, text=text)
    return Extractor(reference).extract(article)


def _production(line: str) -> set[tuple[str, str, str, str | None]]:
    return {(f.manufacturer.label, f.site.label, f.status.value, f.model.label if f.model else None)
            for f in _extraction(line).production}


def test_a_countrys_capital_is_its_capital_city():
    """"in the Hungarian capital" was read as Hungary, not Budapest."""
    facts = _production("Suzuki adds a line in Hungary Suzuki will build small SUVs in the Hungarian "
                        "capital from 2027, the carmaker said. Ann Lee")
    assert {site for _, site, _, _ in facts} == {"Budapest"}
    extraction = _extraction("Suzuki raises money in Hungary Suzuki will build small SUVs in Esztergom with "
                             "funds raised in the Hungarian capital markets. Ann Lee")
    assert "Budapest" not in {m.entity.label for m in extraction.mentions}


def test_a_sister_company_or_joint_venture_builds_the_models_it_is_said_to_build():
    """"Volkswagen builds ... the Skoda Superb" made Skoda Auto the producer, and "Ford Otosan ...
    started building the Ford Puma there" Ford (or nothing: "there" was no place)."""
    facts = _production("Bratislava gains a Skoda Volkswagen is building the Skoda Superb in Bratislava "
                        "for the first time this year. Ann Lee")
    assert {(maker, model) for maker, _, _, model in facts} == {("Volkswagen Group", "Škoda Superb")}
    facts = _production("Craiova adds the electric Puma Ford Otosan took over the plant in 2022 and began "
                        "building the Ford Puma Gen-E there in 2024. Ann Lee")
    assert {(maker, site, model) for maker, site, _, model in facts} == {("Ford Otosan", "Craiova", "Ford Puma")}


def test_a_maker_named_after_the_models_does_not_build_them():
    """"... builds the Toyota Corolla Cross, and a Mazda crossover will follow" gave Mazda the
    Corolla Cross."""
    facts = _production("Huntsville starts up The joint plant in Huntsville, Alabama, has begun building "
                        "the Toyota Corolla Cross, and a Mazda crossover will follow next year. Ann Lee")
    assert {(maker, model) for maker, _, _, model in facts} == {
        ("Toyota Motor Corporation", "Toyota Corolla Cross"), ("Mazda Motor Corporation", None)}


def test_a_builder_is_not_taken_from_a_name_two_makers_share():
    """A bare "Volvo" (read as Volvo Cars) took over the trucks of Volvo Trucks in the sentence."""
    facts = _production("Volvo Trucks plans a plant in Mexico Volvo will build the FH and FM at a new plant "
                        "in Monterrey from 2026. Ann Lee")
    built = {(maker, model) for maker, _, _, model in facts}
    assert ("Volvo Cars", "Volvo FH") not in built  # (a model of Volvo Trucks is badged Volvo)
    assert ("Volvo Group", "Volvo FH") in built


def test_a_headline_that_opens_with_a_town_places_the_plant_there():
    """"Zwickau builds ..." then "Volkswagen's plant in Saxony ..." gave Saxony, not Zwickau."""
    facts = _production("Zwickau builds the new ID.3 Volkswagen’s plant in Saxony makes the hatchback "
                        "alongside five other electric models. Ann Lee")
    assert {site for _, site, _, _ in facts} == {"Zwickau"}


def test_a_plant_described_by_its_town_takes_the_articles_maker():
    """"The new factory in Jawor, Lower Silesia, will make ..." named no maker and gave no fact."""
    facts = _production("Mercedes-Benz picks Poland for vans The new factory in Jawor, Lower Silesia, will "
                        "make electric vans from 2026. Ann Lee")
    assert ("Mercedes-Benz Group", "Jawor", "planned", None) in facts


def test_will_stop_building_is_an_end():
    """"will stop building" was planned: the modal "will" was the nearer cue."""
    facts = _production("Ford leaves India Ford will shut its plant in Sanand first. Its plant in Chennai, "
                        "Tamil Nadu, will stop building vehicles by the second quarter of 2022. Ann Lee")
    assert {(site, status) for _, site, status, _ in facts} == {("Sānand", "ended"), ("Chennai", "ended")}


def test_there_is_a_place_only_where_the_sentence_names_its_maker_and_a_model():
    """"The carmaker ... with the Navara among the last models built there" and "to make its
    operations there profitable" made new facts at the last place named."""
    facts = _production("Nissan closes its plants in Barcelona The carmaker stopped vehicle production in the "
                        "Catalan capital in December 2021, with the Nissan Navara pickup one of the last models "
                        "built there. Ann Lee")
    assert facts and {status for _, _, status, _ in facts} == {"ended"}
    facts = _production("Ford counts its losses Ford has lost more than $2bn in India over ten years. Ford has "
                        "not found a way to make its operations there profitable. Ann Lee")
    assert facts == set()


def test_a_plant_described_by_its_town_is_not_another_makers_plant():
    """"opened the Chennai plant in 1999", about Ford, was linked to Hyundai's Chennai plant."""
    extraction = _extraction("Ford looks back on India Ford opened the Chennai plant in 1999 and built the Ikon "
                             "there. Ann Lee")
    assert all(m.entity.key != "hyundai-chennai" for m in extraction.mentions)
    extraction = _extraction("Hyundai expands in India Hyundai will add a paint shop at the Chennai plant next "
                             "year. Ann Lee")
    assert any(m.entity.key == "hyundai-chennai" for m in extraction.mentions)


def test_the_place_production_is_transferred_from_ends():
    """"the transfer of vehicle production from Sumaré to ..." left Sumaré out."""
    facts = _production("Honda consolidates in Brazil Honda finished the transfer of car production from "
                        "Sumaré to its plant at Itirapina in 2021. Ann Lee")
    assert ("Honda Motor Co.", "Sumaré", "ended", None) in facts


def test_a_city_that_is_also_a_province_is_the_city():
    """"in Busan" was the metropolitan province, not the city."""
    facts = _production("Renault Korea adds a model Renault Korea started building a new SUV in Busan "
                        "in 2024. Ann Lee")
    assert {site for _, site, _, _ in facts} == {"Busan"}
    (fact,) = _extraction("Renault Korea adds a model Renault Korea started building a new SUV in Busan in "
                          "2024. Ann Lee").production
    assert fact.site.type.name == "LOCALITY" and fact.site.geonames


def test_models_in_a_sentence_without_a_place_go_to_the_plant_not_also_its_town():
    """The maker's plant and the town it is in counted as two sites, so "The plant builds the
    VinFast Lux A2.0" was attached to neither."""
    facts = _extraction(title="VinFast opens its car factory in Hai Phong",
                        text="VinFast has inaugurated its car factory in Hai Phong. The plant builds the "
                             "VinFast Lux A2.0 and the VinFast Fadil.").production
    assert {(f.site.type.name, f.model.label if f.model else None) for f in facts} == {
        ("PLANT", "VinFast Lux A2.0"), ("PLANT", "VinFast Fadil")}


def test_a_country_site_goes_to_the_one_town_the_article_names_there():
    """"the Czech joint venture plant", in an article headed "... control of Kolín", was the
    Czech Republic."""
    facts = _production("Toyota takes over Kolín Toyota bought out its partner in the Czech joint venture "
                        "plant in 2021 and has built the Aygo X there since 2022. Ann Lee")
    assert {site for _, site, _, _ in facts} == {"Kolín"}


def test_a_showroom_and_a_place_of_no_production_are_not_production_sites():
    """"opens a showroom in Mumbai ... rather than built in India" made Tesla a producer in India
    (and, once sites were refined to the article's one town, in Mumbai)."""
    facts = _production("Tesla opens a showroom in Mumbai The Model Y on sale at the store is shipped from "
                        "Shanghai rather than built in India. Ann Lee")
    assert facts == set()
    facts = _production("Tesla looks at India Tesla will build the Model Y in India and open a showroom in "
                        "Mumbai. Ann Lee")
    assert {site for _, site, _, _ in facts} == {"India"}


def test_each_maker_in_a_list_makes_at_its_own_place_and_a_town_is_not_a_brand():
    """"plants run by Mercedes-Benz in Vance, Hyundai in Montgomery and Honda in Lincoln" gave
    every maker every town, and Lincoln (a Ford brand) made Ford a producer."""
    facts = _extraction(title="Alabama's car plants",
                        text="Alabama has plants run by Mercedes-Benz in Vance, Hyundai in Montgomery and "
                             "Honda in Lincoln.").production
    assert {(f.manufacturer.key, f.site.label) for f in facts} == {
        ("mercedes-benz-group", "Vance"), ("hyundai-motor-company", "Montgomery"), ("honda-motor", "Lincoln")}


def test_a_country_fact_gives_way_to_what_the_article_says_about_the_plant_there():
    """Once sites were refined, "grows its production in Hungary" (active) and "will build cars at
    its new plant in Szeged" (planned) made two facts about one plant."""
    assert _production("BYD grows its production in Hungary BYD will build cars at its new plant in Szeged "
                       "from 2026. Ann Lee") == {("BYD", "Szeged plant", "planned", None)}
    assert _production("Rivian shifts the R2 to Illinois Rivian will start building the R2 at its plant in "
                       "Normal in 2026. Ann Lee") == {("Rivian", "Normal plant", "planned", "Rivian R2")}


def test_towns_in_a_list_are_sites_and_a_town_inside_a_longer_name_is_not_found():
    """"truck plants in Fort Wayne, Indiana, and Silao, Mexico" found Wayne (Michigan) inside Fort
    Wayne and left Silao out; "has restarted production" was no status cue."""
    extraction = _extraction(title="GM adds pickups in Oshawa",
                             text="General Motors has restarted production at its plant in Oshawa, Ontario. The "
                                  "Chevrolet Silverado is also built at the company's plants in Fort Wayne, "
                                  "Indiana, and Silao, Mexico.")
    assert "Wayne" not in {m.text for m in extraction.mentions}
    sites = {(f.site.label, f.status.value) for f in extraction.production}
    assert {("Fort Wayne", "active"), ("Silao de la Victoria", "active")} <= sites
    assert _production("GM returns to Oshawa General Motors has restarted production at its plant in Oshawa, "
                       "which it shut in 2019, with pickups. Ann Lee") == {
        ("General Motors", "Oshawa Assembly", "active", None)}


def test_the_maker_said_to_build_a_model_replaces_the_models_own_maker_nearby():
    """The headline's "built in Santa Rosa" (Toyota, through the model's name) stayed beside the
    standfirst's Toyota Motor Philippines at its plant there; a parent company said to build its
    subsidiary's model ("Hyundai Motor Group ... the Hyundai Ioniq 5") leaves that fact alone (its
    "Hyundai" is the group the article names in full)."""
    assert _production("The Hilux is back, built in Santa Rosa Toyota Motor Philippines makes the Toyota "
                       "Hilux at its plant in Santa Rosa, Laguna. Ann Lee") == {
        ("Toyota Motor Philippines", "Santa Rosa plant", "active", "Toyota Hilux")}
    facts = _production("Hyundai’s Cikarang plant starts making the Ioniq 5 Hyundai Motor Group’s first "
                        "factory in Southeast Asia began producing the Hyundai Ioniq 5 in March 2022. Ann Lee")
    assert ("Hyundai Motor Group", "Cikarang plant", "active", "Hyundai Ioniq 5") in facts


def test_a_date_an_end_speaks_of_is_not_a_start():
    """"has restarted production at its plant in Oshawa, which it shut in 2019" started in 2019."""
    (fact,) = _extraction("GM returns to Oshawa General Motors has restarted production at its plant in Oshawa, "
                          "which it shut in 2019, with pickups. Ann Lee").production
    assert (fact.status.value, fact.start, fact.end) == ("active", None, None)
    (fact,) = _extraction("Ford leaves Chennai Ford ended production at its plant in Chennai in 2022, after "
                          "starting it in 1999. Ann Lee").production
    assert (fact.status.value, fact.start, fact.end) == ("ended", None, "2022")


def test_a_person_named_with_a_role_of_a_brand_or_of_the_carmaker_works_there():
    """"Olivier François, head of the Fiat brand" and "Akio Toyoda, the carmaker's president" were
    named without their employer."""
    extraction = _extraction(title="Peugeot shows a new van",
                             text="Jean Martin, head of the Peugeot brand, presented the van in Paris.")
    assert {(a.person.label, a.organisation.key) for a in extraction.affiliations} == {("Jean Martin", "stellantis")}
    extraction = _extraction(title="Toyota plans a test town",
                             text="Toyota will build a test town near Mount Fuji. Maria Rossi, the carmaker’s "
                                  "president, presented the plan.")
    assert {(a.person.label, a.organisation.key) for a in extraction.affiliations} == {
        ("Maria Rossi", "toyota-motor")}


def test_a_company_a_stake_is_held_in_is_not_a_producer():
    """"... and its majority stake in Avtovaz" made Avtovaz a producer at Renault's Moscow plant."""
    facts = _production("Renault quits Russia Renault ended production at its Moscow plant in 2022 and sold "
                        "its majority stake in Avtovaz to a state institute. Ann Lee")
    assert {maker for maker, _, _, _ in facts} == {"Renault Group"}


def test_the_date_of_a_sale_is_not_a_start_and_the_seller_makes_nothing():
    """"which bought the factory from General Motors in 2017, began building ... there in 2019"
    started production in 2017, and "took over General Motors' business in Ukraine" made GM a
    producer there."""
    facts = _extraction("MG builds the Astor in Gujarat MG Motor India, which bought the Gujarat factory from "
                        "General Motors in 2017, began building the Astor SUV there in 2021. Ann Lee").production
    assert {(f.manufacturer.label, f.start) for f in facts} == {("JSW MG Motor India", "2021")}
    facts = _production("Skoda assembles in Ukraine Skoda took over General Motors’ business in Ukraine and "
                        "builds the Octavia in Solomonovo. Ann Lee")
    assert {maker for maker, _, _, _ in facts} == {"Škoda Auto"}


def test_production_that_began_is_active():
    """"Production of the Toyota Tacoma pickup began at Apaseo el Grande in December 2019; Toyota
    had first planned to make the Corolla there" made the Tacoma cancelled: "began" was no cue."""
    facts = _extraction("Ford builds the Puma in Romania Production of the Ford Puma began at Craiova in "
                        "September 2019; Ford had first planned to make the EcoSport at the Romanian plant. "
                        "Ann Lee").production
    assert {(f.model.label if f.model else None, f.status.value, f.start) for f in facts} == {
        ("Ford Puma", "active", "2019-09"), ("Ford EcoSport", "cancelled", None)}
    (fact,) = _extraction("Ford to build in Craiova Ford began construction of a paint shop at its plant in "
                          "Craiova, where it will build the Puma. Ann Lee").production
    assert fact.status.value == "planned"


def test_the_owners_of_a_joint_venture_and_the_makers_of_another_clause_do_not_make_there():
    """"Oyak Renault and Tofaş, a joint venture of Koç Holding and Fiat Chrysler Automobiles, build
    cars in Bursa, and Ford Otosan makes vans in Kocaeli province" made Stellantis a producer in
    Bursa and every maker a producer in both places. The owners still partner in the venture."""
    extraction = _extraction("Turkey’s car plants are busy Tofaş, a joint venture of Koç Holding and Stellantis, "
                             "builds cars in Bursa, and Ford Otosan makes vans in Kocaeli province, in a new "
                             "partnership. Ann Lee")
    places = {(f.manufacturer.label, f.site.label) for f in extraction.production}
    assert places == {("Tofaş", "Bursa"), ("Ford Otosan", "Kocaeli")}
    assert "Stellantis" in {s.actor.label for s in extraction.strategies if s.strategy == "partnership" and s.actor}


def test_a_joint_venture_partner_beside_the_maker_and_an_imported_model_are_not_produced_there():
    """"Ford began making cars in India, at first in a joint venture with Mahindra, and opened the
    Chennai plant" made Mahindra a producer at Chennai, and "will end vehicle assembly in Sanand
    but keep selling imported models such as the Mustang" ended the Mustang at Sanand."""
    facts = _production("Ford in India Ford began making cars in India, at first in a joint venture with "
                        "Mahindra, and opened its plant in Chennai in 1999. Ann Lee")
    assert {maker for maker, _, _, _ in facts} == {"Ford Motor Company"}
    facts = _production("Honda leaves Greater Noida Honda will end car assembly in Greater Noida but keep "
                        "selling imported models such as the Civic. Ann Lee")
    assert {(site, model) for _, site, _, model in facts} == {("Greater Noida", None)}
    # a partner is still the producer where it is the only maker named
    facts = _production("Leapmotor grows Stellantis formed a joint venture with Leapmotor, which builds the "
                        "T03 in Jinhua. Ann Lee")
    assert "Leapmotor" in {maker for maker, _, _, _ in facts}


def test_ending_manufacturing_ends_and_a_charge_over_operations_is_no_production():
    """"Ford ends manufacturing in Brazil" was active, and "Lyle Watters, who runs Ford's South
    American operations, said ..." made South America a site of Ford's."""
    facts = _production("Nissan ends manufacturing in Indonesia after decades The carmaker said its "
                        "customers would be served from Thailand. Ann Lee")
    assert {(site, status) for _, site, status, _ in facts} == {("Indonesia", "ended")}
    assert _production("Renault keeps its dealers open The carmaker will keep its dealers open, said Ana Ruiz, "
                       "who runs Renault’s European operations. Ann Lee") == set()


def test_the_maker_an_article_is_about_builds_another_makers_model_it_is_said_to_build():
    """"... the largest the carmaker has made in South Africa, and the plant will also build the
    next Volkswagen Amarok" (in an article about Ford) made Volkswagen the Amarok's producer."""
    facts = _production("Nissan invests in Mexico Nissan will spend $1bn on its plants in Mexico. The investment "
                        "in Cuernavaca is the largest the carmaker has made there, and the plant will also "
                        "build the next Renault Alaskan. Ann Lee")
    assert ("Nissan Motor", "Renault Alaskan") in {(maker, model) for maker, _, _, model in facts}
    assert "Renault Group" not in {maker for maker, _, _, _ in facts}


def test_the_kingdom_is_the_country_named_before_and_a_licensor_makes_nothing():
    """"Saudi Arabia launches Ceer ... plans to build electric cars in the kingdom using components
    licensed from BMW" gave Ceer no site and BMW a plant in Saudi Arabia."""
    facts = _production("Morocco gets a new Renault line Renault plans to build small electric cars in the "
                        "kingdom using motors licensed from Nissan. Ann Lee")
    assert {(maker, site) for maker, site, _, _ in facts} == {("Renault Group", "Morocco")}
    mentions = _extraction("BYD goes abroad BYD will build electric cars in the country, its chairman "
                           "said. Ann Lee").mentions
    assert not any(m.text == "the country" for m in mentions)  # no country named before it


def test_a_partner_in_a_joint_venture_does_not_build_its_partners_models():
    """"The Chinese carmaker’s plant in Jizzakh, a joint venture with the state-owned Uzavtosanoat,
    began producing the BYD Song Plus" made Uzavtosanoat, the one maker named by itself, the
    builder of BYD's models."""
    facts = _production("BYD adds a model in Uzbekistan The Chinese carmaker’s plant in Jizzakh, a joint "
                        "venture with the state-owned Uzavtosanoat, now also makes the BYD Seal. Ann Lee")
    assert {(maker, model) for maker, _, _, model in facts if model} == {("BYD", "BYD Seal")}


def test_a_model_that_is_being_built_or_continues_to_be_made_is_active():
    """"is building the new electric Fiat 500 at its Mirafiori plant" and "continues to be made at
    the Tychy plant" were planned: "is building" and "to be made" are cues of plans only where a
    plant is what is built or no production has begun."""
    facts = _production("Kia makes the EV4 in Slovakia Kia is building the EV4 at its plant in Žilina, and "
                        "the Ceed continues to be made there too. Ann Lee")
    assert {status for _, _, status, _ in facts} == {"active"}
    facts = _production("Kia expands in Slovakia Kia is building a new assembly hall at its plant in Žilina. Ann Lee")
    assert {status for _, _, status, _ in facts} == {"planned"}


def test_a_relative_clause_after_a_place_gives_its_status():
    """"Toyota plans to build a prototype city on the site of its Higashi-Fuji plant in Susono,
    Shizuoka prefecture, which will stop making cars at the end of this year" planned Susono."""
    facts = _production("Ford finds a new use for Chennai Ford plans to build a parts centre on the site of its "
                        "plant in Chennai, Tamil Nadu, which will stop making cars in 2022. Ann Lee")
    assert {(site, status) for _, site, status, _ in facts} == {("Chennai", "ended")}


def test_a_short_name_is_the_company_of_its_family_the_article_names_in_full():
    """"Hyundai" in an article about Hyundai Motor India linked to Hyundai Motor Company (a wrong
    link). A group builds its subsidiary's models (the golden sample graph holds Hyundai Motor
    Group's fact near Savannah with the Ioniq 5 of Hyundai Motor Company)."""
    extraction = _extraction("Hyundai expands in Chennai Hyundai Motor India will build the Creta EV at its plant "
                             "in Chennai from 2025. Ann Lee")
    assert {m.entity.label for m in extraction.mentions if m.text == "Hyundai"} == {"Hyundai Motor India"}
    facts = _production("Hyundai starts in Georgia Hyundai Motor Group has begun building the Ioniq 5 at its "
                        "new factory near Savannah. Ann Lee")
    assert ("Hyundai Motor Group", "Hyundai Ioniq 5") in {(maker, model) for maker, _, _, model in facts}


def test_a_town_that_opens_a_sentence_and_builds_is_a_site():
    """"Sanand makes the Ford Figo hatchback and the Ford Aspire compact saloon" gave no fact: only a
    headline's opening town counted; "Craiova is ..." stays no site."""
    facts = _production("Ford’s Romanian plant is busy Craiova makes the Ford Puma and will add the Ford "
                        "Courier. Ann Lee")
    assert ("Ford Motor Company", "Craiova", "active", "Ford Puma") in facts
    facts = _production("Ford’s Romanian plant is busy Craiova is the capital of Dolj county, where Ford has "
                        "offices. Ann Lee")
    assert "Craiova" not in {site for _, site, _, _ in facts}


def test_building_until_a_date_ends_then():
    """"will keep building the Troller T4 until the fourth quarter of 2021" was a plan."""
    (fact,) = _extraction("Nissan winds down in Sunderland The company’s plant in Sunderland will keep building "
                          "the Nissan Note until the end of 2026. Ann Lee").production
    assert (fact.status.value, fact.end) == ("ended", "2026")


def test_a_province_named_after_a_large_city_is_the_city():
    """"Tofaş builds cars in Bursa" was Bursa province; "in Kocaeli province" stays the province."""
    facts = _production("Turkey’s plants are busy Tofaş builds cars in Bursa, and Ford Otosan makes vans in "
                        "Kocaeli province. Ann Lee")
    sites = {(maker, site) for maker, site, _, _ in facts}
    assert ("Tofaş", "Bursa") in sites
    bursa = next(f.site for f in _extraction("Tofaş expands Tofaş builds cars in Bursa. Ann Lee").production)
    assert bursa.type.name == "LOCALITY"


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("Volvo Cars picks Slovakia", ("Volvo Cars will build a plant in Slovakia. It is one of the first large "
     "investments under Jim Rowan, who became chief executive in March 2022."), ("Jim Rowan", "volvo-cars")),
    ("Renault turns Flins into a Refactory", ("The plan was launched by Luca de Meo after he became chief "
     "executive in 2020."), ("Luca de Meo", "renault-group")),
    ("Xiaomi delivers the SU7", ("Xiaomi has delivered the first SU7 cars. Lei Jun, the smartphone maker’s "
     "founder and chief executive, handed them over."), ("Lei Jun", "xiaomi-auto")),
    ("Lordstown Motors goes bankrupt", ("Lordstown Motors has filed for bankruptcy. Edward Hightower, an "
     "automotive industry veteran, took over as chief executive."), ("Edward Hightower", "lordstown-motors")),
    ("Saipa expands in Iran", ("Saipa will build a new plant. Anna Berg, who became head of production of "
     "Constellium in 2022, welcomed it."), ("Anna Berg", "constellium")),
    ("Honda leaves Swindon", ("Honda closed Swindon. Toshihiro Mibe, an engineer who previously led Honda’s "
     "research and development, took over in April."), ("Toshihiro Mibe", "honda-motor")),
    ("GM quits Thailand", ("GM sold its plant in Rayong. Julian Blissett, who runs GM International, said the "
     "company would concentrate on other markets."), ("Julian Blissett", "general-motors")),
    # a head of state who took office is nobody's employee
    ("Ford builds in Mexico", ("Ford builds cars in Hermosillo. Andrés López, who became president in 2018, "
     "visited the plant."), ("Andrés López", None)),
])
def test_a_person_who_took_a_post_works_for_the_article_s_maker_or_the_company_named(title, text, expected):
    """"Jim Rowan, who became chief executive in March 2022", "X, an industry veteran, took over as
    chief executive", "after he became chief executive" and "the smartphone maker's founder and chief
    executive" gave people without an employer; "who became head of production of Constellium" gives
    Constellium, not the article's maker; "an engineer who previously led Honda's research" and "who
    runs GM International" name theirs."""
    extraction = _extraction(title=title, text=text)
    people = {f.entity.label for f in extraction.mentions if f.entity.type.value == "Person"}
    tied = {(a.person.label, a.organisation.key) for a in extraction.affiliations}
    assert tied | {(p, None) for p in people - {p for p, _ in tied}} == {expected}


def test_a_town_or_an_organisation_is_no_person():
    """"... closed its plants in Vsevolozhsk and Naberezhnye Chelny", "the short-seller Hindenburg
    Research" and "in Ohio's Mahoning Valley" were taken for people."""
    extraction = _extraction(title="Ford quits Russia", text="Ford Sollers closed its car plants in Vsevolozhsk, "
                             "near St Petersburg, and Naberezhnye Chelny in 2019. A report by the short-seller "
                             "Hindenburg Research questioned the plan for the plant in Ohio’s Mahoning Valley.")
    assert not [f for f in extraction.mentions if f.entity.type.value == "Person"]


@pytest.mark.parametrize(("line", "expected"), [
    # "ID." is a model family's prefix, not the end of a sentence
    (("Volkswagen Anhui builds the ID. UNYX in Hefei The electric SUV is made by the company Volkswagen "
     "controls. Ann Lee"), {("Volkswagen Anhui", "Hefei", "active", "Volkswagen ID. Unyx")}),
    # where the cars are exported to is a market, not a site
    (("Renault builds the Sandero in Morocco Renault builds the Dacia Sandero at its Tangier plant in northern "
     "Morocco and exports most of the cars to Europe. Ann Lee"),
     {("Renault Group", "Tangier plant", "active", "Dacia Sandero")}),
    # a plant that supplies packs makes no vehicles; the clause after it may name one that does
    (("Mercedes-Benz opens a battery plant in Alabama The factory in Woodstock, Bibb County, opened in March "
     "2022 to supply packs for the Mercedes-Benz EQS SUV, which the carmaker builds at its plant in Vance. "
     "Ann Lee"), {("Mercedes-Benz Group", "Tuscaloosa plant", "active", "Mercedes-Benz EQS SUV")}),
    # the company the maker is not to be confused with makes nothing there
    (("Volvo Group starts electric truck production The truck maker, not to be confused with Volvo Cars, "
     "began building the Volvo FH Electric at its Tuve plant in Gothenburg in 2022. Ann Lee"),
     {"Volvo Group"}),
    # "once planned for" a plant is cancelled there; the clause after the aside is planned
    (("The next Jeep Compass moves to Belvidere Stellantis said the SUV, once planned for its Ontario plant, "
     "will be built in Illinois from 2027. Ann Lee"), {("Ontario", "cancelled"), ("Belvidere", "planned")}),
    # ending one model's production is ended; building a plant is planned
    ("GM ends Bolt production at Orion Assembly The plant will build pickups. Ann Lee",
     {("Orion Assembly", "ended", "Chevrolet Bolt")}),
    ("BYD builds its first Indonesian plant in Subang The factory is due to start production in 2026. Ann Lee",
     {("Subang", "planned")}),
])
def test_sentences_markets_supply_plants_asides_and_plant_building(line, expected):
    """Errors of listing lines of the development set's first test part (now tune.txt 51-90)."""
    facts = _production(line)
    if all(isinstance(e, str) for e in expected):
        assert {maker for maker, _, _, _ in facts} == expected
    elif all(len(e) == 2 for e in expected):
        assert {(site, status) for _, site, status, _ in facts} >= expected
        assert {status for _, _, status, _ in facts} == {status for _, status in expected}
    elif all(len(e) == 3 for e in expected):
        assert {(site, status, model) for _, site, status, model in facts} >= expected
    else:
        assert facts == expected


@pytest.mark.parametrize(("line", "expected"), [
    # a cell plant supplies the models named after it; they are not made there
    (("SK On opens its Georgia plant The Korean battery maker started producing cells in Commerce, Georgia, in "
     "2022 for the Ford F-150 Lightning and the Volkswagen ID.4. Ann Lee"), set()),
    # an owner of the joint venture makes nothing itself (not even in the headline, which the standfirst
    # restates); a place the site is near is no second site, but a town listed after it is; quitting
    # production ends it
    (("Ford quits car production in Russia Ford Sollers, Ford’s joint venture with Sollers, closed its car plants "
     "in Vsevolozhsk, near St Petersburg, and Naberezhnye Chelny in 2019. Ann Lee"),
     {("Ford Sollers", "Vsevolozhsk", "ended", None), ("Ford Sollers", "Naberezhnyye Chelny", "ended", None)}),
])
def test_cell_plants_joint_venture_owners_nearby_cities_and_listed_towns(line, expected):
    """Errors of listing lines of the development set's first test part (now tune.txt 51-90)."""
    assert _production(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    # retiring a brand in a market ends it there; the seller of a plant ends production, its buyer makes nothing yet
    (("GM retires Holden General Motors will retire the Holden brand in Australia and sell its car plant in Rayong, "
     "Thailand, to Great Wall Motor. Ann Lee"),
     {("General Motors", "Australia", "ended", None), ("General Motors", "Rayong", "ended", None)}),
    # the market a plant is a base for is no site
    (("Great Wall plans a hub Great Wall Motor plans to make the plant its manufacturing base for Southeast Asia "
     "and to start production there in 2021. Ann Lee"), set()),
])
def test_retiring_selling_and_serving_a_market(line, expected):
    """Errors of the development set's first test part (now tune.jsonl 19)."""
    assert _production(line) == expected


def test_the_town_is_the_town_named_before_and_a_model_listed_after_another_is_the_same_brand_s():
    """"Magyar Suzuki builds the Suzuki Vitara and S-Cross ... in the town on the Danube" gave no
    fact: "the town" named no place, and "S-Cross" was no model (the reference has it as Maruti's)."""
    facts = _production("Suzuki’s Hungarian plant at Esztergom Magyar Suzuki builds the Suzuki Vitara and S-Cross "
                        "for European buyers in the town on the Danube north of Budapest. Ann Lee")
    assert {(maker, site, model) for maker, site, _, model in facts if maker == "Magyar Suzuki"} == {
        ("Magyar Suzuki", "Esztergom", "Suzuki Vitara"), ("Magyar Suzuki", "Esztergom", "Suzuki S-Cross")}


@pytest.mark.parametrize(("line", "expected"), [
    # an engine plant that built its last engine made no vehicles
    (("Ford’s Bridgend engine plant closes The south Wales factory built its last engine in September 2020, 40 "
     "years after it opened. Ann Lee"), set()),
    # "and exports it to ...": a verb after the site, not a market noun ending a list of places
    ("Ford’s Ranger hub Ford builds the Ford Ranger pickup in Rayong and exports it to Australia. Ann Lee",
     {("Ford Motor Company", "Rayong", "active", "Ford Ranger")}),
])
def test_engine_plants_and_a_verb_after_the_site(line, expected):
    """Errors of the development set's first test part (now tune.txt 59 and 87)."""
    assert _production(line) == expected


def test_towns_and_people_with_letters_beyond_latin_1():
    """"near Košice" was read as "near Ko", which GeoNames gave as Kyiv; "Milan Nedeljković" was no
    person; "Yılmaz" made the slug "y-lmaz"."""
    from autokg.reference import slug

    facts = _production("Volvo picks Slovakia The carmaker will invest €1.2bn in a factory near Košice that will "
                        "build only electric cars. Ann Lee")
    assert {site for _, site, _, _ in facts} == {"Košice"}
    extraction = _extraction(title="BMW opens Debrecen", text="The BMW plant in Debrecen will start in 2025, said "
                             "Milan Nedeljković.")
    assert "Milan Nedeljković" in {m.entity.label for m in extraction.mentions if m.entity.type.value == "Person"}
    assert slug("Beatriz Yılmaz") == "beatriz-yilmaz" and slug("Łódź") == "lodz"


def test_a_place_a_plant_is_near_is_no_second_site():
    """"closed its São Bernardo do Campo plant near São Paulo" also ended production in São Paulo."""
    facts = _production("Ford leaves trucks Ford closed its São Bernardo do Campo plant near São Paulo in 2019. "
                        "Ann Lee")
    assert {site for _, site, _, _ in facts} == {"São Bernardo do Campo"}
    # (a plant named by its town is another maker's plant there: Volkswagen's Anchieta plant is not Ford's)
    facts = _production("Volkswagen invests in Brazil Volkswagen will build the Polo at its São Bernardo do Campo "
                        "plant. Ann Lee")
    assert {site for _, site, _, _ in facts} == {"Anchieta plant"}


def test_a_maker_s_national_company_is_its_subsidiary():
    """"Isuzu East Africa" (tune.txt 91, since in the reference data), "Toyota Argentina": a maker's
    name with a country, region or state and no such company in the reference data was the maker itself."""
    extraction = _extraction("Isuzu takes over in Ghana Isuzu bought the stake and renamed the unit Isuzu West "
                             "Africa; the Tema plant assembles Isuzu trucks. Ann Lee")
    companies = {m.entity.label: m.entity for m in extraction.mentions if m.entity.type.value == "Manufacturer"}
    subsidiary = companies["Isuzu West Africa"]
    assert (subsidiary.linked, subsidiary.parent, subsidiary.country) == (False, "isuzu-motors", None)
    assert "Isuzu Motors" in companies  # "Isuzu" alone is still the parent
    assert ("Isuzu West Africa", "Tema") in {(f.manufacturer.label, f.site.label) for f in extraction.production}
    extraction = _extraction(title="Toyota expands in Zárate", text="Toyota Argentina will build more Hilux pickups "
                             "in Zárate.")
    assert {f.manufacturer.label for f in extraction.production} == {"Toyota Argentina"}


@pytest.mark.parametrize(("line", "sites"), [
    # a market the cars are made for is no site
    (("Ford Otosan builds the E-Transit for Europe Ford Otosan is building the Ford E-Transit for European customers "
     "at its plant in Gölcük. Ann Lee"), {("Kocaeli plant", "active")}),
    # where a model sells is a market
    (("The Passat and Manisa The factory in Manisa was to build the next Volkswagen Passat; in Europe the Passat "
     "sells mainly as an estate. Ann Lee"), {("Manisa", "planned")}),
    # continuing to build is active
    ("Honda keeps building in America Honda continues to build cars in North America. Ann Lee",
     {("North America", "active")}),
])
def test_markets_comparisons_and_continued_production(line, sites):
    """Errors of the development set's first test part (now tune.jsonl 13, 14, 18 and 20)."""
    assert {(site, status) for _, site, status, _ in _production(line)} == sites


def test_a_comparison_with_a_region_s_plants_is_no_site_and_what_had_been_built_until_a_date_ended():
    """"it is one of the largest car plants in North America" made the Cruze a North American
    product of GM, and "had built the Chevrolet Cruze there from 2010 until March 2019" was planned."""
    extraction = _extraction(title="Lordstown changes hands", text="The start-up bought its plant in Lordstown, "
                             "Ohio, from General Motors in 2019. GM had built the Chevrolet Cruze there from 2010 "
                             "until March 2019. With more than six million square feet under one roof, it is one of "
                             "the largest car plants in North America.")
    assert {(f.site.label, f.status.value, f.end) for f in extraction.production} == {("Lordstown", "ended", "2019-03")}


def test_a_name_after_an_article_is_no_person():
    """"the contract manufacturer of the Lordstown Endurance, an electric pickup" took the pickup for
    a person."""
    extraction = _extraction(title="Foxconn builds a pickup", text="Foxconn became the contract manufacturer of "
                             "the Lordstown Endurance, an electric pickup aimed at fleets.")
    assert not [m for m in extraction.mentions if m.entity.type.value == "Person"]


def test_a_strategy_named_once_in_a_full_articles_body_is_mentioned_in_passing():
    """A background sentence of a full article ("Renault, its partner in the alliance, ...") made
    every company in it a partner; the annotators list only strategies the article discusses: in
    its headline or standfirst, or in more than one sentence of the body."""
    body = ("Nissan will build the Leaf at Sunderland from 2026. Sunderland's line was installed in "
            "2010. Renault, its partner in the alliance since 1999, builds cars in Flins.")
    once = {(s.strategy, s.actor.label if s.actor else None)
            for s in _extraction(title="Nissan builds the Leaf at Sunderland", text=body).strategies}
    assert ("partnership", "Renault Group") not in once
    twice = {(s.strategy, s.actor.label if s.actor else None) for s in _extraction(
        title="Nissan builds the Leaf at Sunderland",
        text=body + " Renault said the partnership would go on.").strategies}
    assert ("partnership", "Renault Group") in twice
    headline = {(s.strategy, s.actor.label if s.actor else None) for s in _extraction(
        title="Renault extends its partnership with Nissan", text=body).strategies}
    assert ("partnership", "Renault Group") in headline


def test_a_status_cues_leading_text_is_in_every_match():
    """Status cues are searched only in sentences that hold their leading text, so that text
    must be in every match: an optional last letter or an alternative at the top level gives
    less or none."""
    import re

    from autokg.articles import read_articles
    from autokg.extract import _leading_literal, _status_cues
    from autokg.resources import home

    assert _leading_literal("ends? production") == "end"
    assert _leading_literal("paus(?:e|es|ed|ing)") == "paus"
    assert _leading_literal("will") == "will"
    assert _leading_literal("from 20\\d\\d") == "from 20"
    assert _leading_literal("(?:is|are) built") == ""
    assert _leading_literal("shut down|closed") == ""
    sentences = [a.content.lower() for a in read_articles(sorted((home() / "data" / "eval").glob("t*.*")))]
    for _, group in _status_cues():
        for pattern, _, literal in group:
            for sentence in sentences:
                for match in pattern.finditer(sentence):
                    assert match.group(0).startswith(literal), (pattern.pattern, match.group(0))
    assert any(re.search("will", s) for s in sentences)


def test_a_state_known_in_geonames_as_another_name_of_its_capital_stays_the_state():
    """"its plant in Pernambuco" became Recife, which GeoNames also calls Pernambuco; the rule that
    takes "Bursa" for the city holds only where the city has the province's name."""
    sites = {site for _, site, _, _ in _production(
        "Brazil gets a Ram Stellantis began building the Ram Rampage in 2023 at its plant in Pernambuco, "
        "north-eastern Brazil. Ann Lee")}
    assert "Pernambuco" in sites and "Recife" not in sites
    assert {site for _, site, _, _ in _production(
        "Hyundai in Turkey Hyundai builds the i20 in Bursa, its only Turkish plant. Ann Lee")} == {"Bursa"}


def test_models_and_sites_that_take_turns_pair_up_and_a_towns_wider_area_is_no_site():
    """"makes the Fiat Cronos in Córdoba and the Peugeot 208 at El Palomar, in Greater Buenos Aires"
    gave both models to all three places."""
    assert _production("Two plants in Argentina Stellantis makes the Fiat Cronos saloon in Córdoba and the "
                       "Peugeot 208 hatchback at El Palomar, in Greater Buenos Aires. Ann Lee") == {
        ("Stellantis", "Córdoba", "active", "Fiat Cronos"), ("Stellantis", "El Palomar", "active", "Peugeot 208")}
    # (a list of towns each with "in" is three sites, and models that do not take turns go everywhere)
    assert {site for _, site, _, _ in _production(
        "Stellantis in Mexico Stellantis builds pickups in Toluca, in Saltillo and in Hermosillo. Ann Lee")} == {
        "Toluca", "Saltillo", "Hermosillo"}
    assert len(_production("Ford in Europe Ford builds the Puma and the Kuga in Craiova and in Valencia. "
                           "Ann Lee")) == 4


def test_a_described_maker_with_its_nationality_refers_to_the_articles_maker():
    """"The Vietnamese EV maker broke ground in Subang" named no maker: only a fixed list of
    descriptions ("the Chinese carmaker") referred back to the article's; a battery maker does not."""
    facts = _production("VinFast starts work on an Indonesian plant The Vietnamese EV maker broke ground in Subang, "
                        "West Java, in 2024 on a $200m assembly plant. Ann Lee")
    assert ("VinFast", "Subang", "planned", None) in facts
    from autokg.extract import _pattern

    assert _pattern("coreference").search("the loss-making carmaker dropped it")
    assert not _pattern("coreference").search("the battery maker will supply cells")


@pytest.mark.parametrize("line, status", [
    (("Nissan leaves Russia The carmaker agreed to hand its St Petersburg factory, which built the Nissan X-Trail, "
      "to the NAMI institute. Ann Lee"), "ended"),
    ("Fisker’s end Magna had already halted production of the Fisker Ocean in Graz, Austria. Ann Lee", "ended"),
    (("Busan loses its Nissan contract Renault Korea built the Nissan Rogue at its Busan plant from 2014 until the "
      "agreement ran out in 2020. Ann Lee"), "ended"),
    (("Chennai keeps the Magnite Renault Group bought the joint factory in Chennai, which will keep building the "
      "Nissan Magnite for its former partner. Ann Lee"), "active"),
])
def test_status_of_handing_over_halting_building_until_and_keeping_on(line, status):
    """Handing a plant over, halting production and building "from 2014 until the agreement ran
    out" end it; "will keep building" goes on, where "will" alone would make it a plan."""
    assert {fact[2] for fact in _production(line)} == {status}


def test_a_models_sentence_without_a_place_gives_the_model_its_own_status():
    """"Ford’s Valencia factory gets a new model. The plant will build the Ford Kuga" made the Kuga
    active, the status of the headline that named the place."""
    assert ("Ford Motor Company", "Valencia", "planned", "Ford Kuga") in _production(
        "Ford’s Valencia factory gets a new model The plant will build the Ford Kuga from 2026. Ann Lee")


def test_a_plant_that_makes_cells_of_a_long_name_is_no_vehicle_site():
    """"was to make lithium iron phosphate cells for cheaper EVs": three words before "cells"."""
    assert not _production("Nissan scraps LFP cell plant in Kitakyushu The factory in Fukuoka prefecture was to "
                           "make lithium iron phosphate cells for cheaper EVs from 2028. Ann Lee")


def test_a_role_after_a_companys_possessive_belongs_to_that_company():
    """"Leapmotor’s founder and chief executive Zhu Jiangming" went to the article's first company,
    Leapmotor International, once that was known."""
    extraction = _extraction(title="Leapmotor International starts selling in Europe",
                             text="Leapmotor International is a joint venture of Stellantis and Leapmotor. Leapmotor’s "
                                  "founder and chief executive Zhu Jiangming built the company.")
    assert {(a.person.label, a.organisation.label) for a in extraction.affiliations} == {("Zhu Jiangming", "Leapmotor")}


def test_the_plant_a_headline_places_is_the_plant_its_standfirst_speaks_of():
    """"Tychy: the home of Stellantis’ small cars | The plant makes the Jeep Avenger and the Fiat 600"
    gave no fact: the standfirst names no place, and the headline no model; the article's maker,
    not Jeep's own company, builds them."""
    facts = _production("Tychy: the home of Stellantis’ small cars The plant makes the Jeep Avenger and the "
                        "Fiat 600 on the same lines. Ann Lee")
    assert facts == {("Stellantis", "Tychy", "active", "Jeep Avenger"), ("Stellantis", "Tychy", "active", "Fiat 600")}
    # (a plant with its own place is that place: "the plant in Gliwice")
    assert {site for _, site, _, _ in _production(
        "Tychy: the home of Stellantis’ small cars The plant in Gliwice makes the Opel Combo. Ann Lee")} == {
        "Gliwice plant"}


def test_makes_of_the_cars_another_builds_and_owners_in_a_clause_are_not_producers():
    """"THACO assembles Kia and Mazda cars in Quang Nam" made Kia and Mazda producers; so did the
    owners in "KG Mobility, that KG Group rescued after Mahindra & Mahindra gave up control, builds"
    and the seller in "when General Motors sold its 25% stake, but the company still builds"."""
    assert {maker for maker, _, _, _ in _production(
        "THACO in Vietnam THACO assembles Kia and Mazda cars in Quang Nam under licence. Ann Lee")} == {
        "Truong Hai Auto"}
    assert {maker for maker, _, _, _ in _production(
        "KGM’s electric Torres KG Mobility, the former SsangYong that KG Group rescued in 2022 after Mahindra & "
        "Mahindra gave up control, builds the KGM Torres at Pyeongtaek. Ann Lee")} == {"KG Mobility"}
    assert {maker for maker, _, _, _ in _production(
        "From GM Uzbekistan to UzAuto Motors The state took control of UzAuto Motors in 2019 when General Motors "
        "sold its 25% stake, but the company still builds cars at its plant in Asaka. Ann Lee")} == {"UzAuto Motors"}
    # (a make alone in a sentence is still its maker: "Kia cars are built in Zilina")
    assert {maker for maker, _, _, _ in _production("Kia in Slovakia Kia cars are built in Zilina. Ann Lee")} == {
        "Kia Corporation"}


def test_a_joint_venture_named_by_its_owners_builds_at_another_makers_plant():
    """"The joint venture of Renault Group, Volvo Group and CMA CGM plans to build vans at a Renault
    factory" made Volvo Group and Renault the builders, not Flexis, the venture of the headline."""
    assert {(maker, status) for maker, _, status, _ in _production(
        "Flexis JV picks Normandy for its electric vans The joint venture of Renault Group, Volvo Group and the "
        "shipping line CMA CGM plans to build its first vans at a Renault factory in the French region from "
        "2026. Ann Lee")} == {("Flexis", "planned")}


def test_a_later_clause_that_turns_out_models_and_the_end_of_the_line():
    """"stopped making the Fusion ...; the site now turns out the Bronco Sport" ended the Bronco
    Sport too; "End of the line for Jaguar’s saloons at Castle Bromwich" was active."""
    facts = _production("Hermosillo’s trucks Ford stopped making the Ford Fusion at its Hermosillo plant in 2020; "
                        "the site now turns out the Ford Bronco Sport. Ann Lee")
    assert {(status, model) for _, _, status, model in facts} == {("ended", "Ford Fusion"),
                                                                  ("active", "Ford Bronco Sport")}
    assert {status for _, _, status, _ in _production(
        "End of the line for Jaguar’s saloons at Castle Bromwich Jaguar Land Rover said the plant will be "
        "refitted. Ann Lee")} == {"ended"}


def test_a_description_with_a_nationality_refers_to_the_maker_from_that_country():
    """"The Chinese carmaker and Spain’s Ebro EV Motors plan a joint venture at the site, which Nissan
    left in 2021" gave the venture to Nissan: the maker named in the relative clause has gone, and
    the Chinese carmaker is Chery, not the last maker named."""
    extraction = _extraction(
        title="Chery to build cars at a former Nissan plant in Barcelona",
        text="Chery Automobile agreed with Ebro EV Motors to build cars in Barcelona. The site has been idle since "
             "Nissan ended production there. The Chinese carmaker and Spain’s Ebro EV Motors plan a joint venture "
             "at the Zona Franca site, which Nissan left in 2021. The Chinese carmaker said the partnership will "
             "start next year.")
    partners = {s.actor.label for s in extraction.strategies if s.strategy == "partnership" and s.actor}
    assert partners == {"Chery"}


def test_a_town_of_two_words_that_starts_with_a_common_word_is_found():
    """"The Port Elizabeth plant" was Elizabeth, New Jersey, and "in Port Elizabeth" nothing: "Port"
    cannot start a town's name by itself, but "Port Elizabeth" is Gqeberha."""
    for line in ("GM in South Africa The Port Elizabeth plant builds the Isuzu D-Max. Ann Lee",
                 "GM in South Africa Isuzu builds the Isuzu D-Max in Port Elizabeth. Ann Lee"):
        assert {site for _, site, _, _ in _production(line)} == {"Gqeberha"}
    assert {site for _, site, _, _ in _production(
        "Ford in India The Chennai plant builds the Ford EcoSport. Ann Lee")} == {"Chennai"}


def test_a_share_is_not_a_model_and_a_battery_plants_standfirst_is_no_vehicle_site():
    """"... holds 70% and Hyundai 30%" gave the model "Hyundai 30"; "opens battery recycling plant in
    Kuppenheim | ... the opening of the plant in Baden-Württemberg" made Baden-Württemberg a site."""
    extraction = _extraction(title="Hyundai’s Saudi plant", text="A joint venture in which the fund holds 70% and "
                             "Hyundai 30% will build cars in Saudi Arabia from 2026.")
    assert not any(m.entity.type.name == "MODEL" for m in extraction.mentions)
    assert not _production("Mercedes-Benz opens battery recycling plant in Kuppenheim Ola Källenius attended the "
                           "opening of the plant in Baden-Württemberg in October 2024. Ann Lee")


def test_roles_with_a_description_its_and_founded_by_belong_to_the_right_company():
    """"Oliver Zipse, the management board member responsible for production, said" had no company;
    "that Jochen Zeitz, its chief executive, drew up" went to the article's first company, not the
    one "its" stands for; "Founded in 2019 by Carl-Magnus Norden ..., Volta designed" had none; and
    "the King Salman Automotive Cluster" was a person."""
    extraction = _extraction(title="Hero MotoCorp builds the Harley-Davidson X440", text=(
        "Hero MotoCorp builds the Harley-Davidson X440 at its plant in Rajasthan. In 2020 Harley-Davidson "
        "said it would stop making motorcycles in India, under a plan that Jochen Zeitz, its chief executive, drew "
        "up. Oliver Zipse, the management board member responsible for production, said BMW would follow. "
        "Founded in 2019 by Carl-Magnus Norden and based in Stockholm, Volta Trucks designed the Volta Zero. "
        "The plant is part of the King Salman Automotive Cluster."))
    people = {(a.person.label, a.organisation.label) for a in extraction.affiliations}
    assert ("Jochen Zeitz", "Harley-Davidson") in people
    assert ("Oliver Zipse", "Hero MotoCorp") in people  # (the article's maker: "the" board member)
    assert ("Carl-Magnus Norden", "Volta Trucks") in people
    assert not any("Salman" in m.entity.label for m in extraction.mentions if m.entity.type.name == "PERSON")


def test_a_makers_short_name_is_not_its_joint_venture_named_with_a_partner():
    """Once "BMW Brilliance Automotive" was known, every "BMW" in an article naming it became the
    joint venture; the short name stands for a national company or unit ("Hyundai Motor India"), not
    for a venture named with its partner."""
    extraction = _extraction(title="BMW opens its Mexican plant", text=(
        "BMW opened its plant in San Luis Potosí. Munich and Shenyang, where BMW Brilliance Automotive, the "
        "group’s joint venture with a Chinese partner, builds a long-wheelbase version, also make the 3 Series."))
    assert "BMW AG" in {m.entity.label for m in extraction.mentions if m.span.start < 30}
    assert {(f.manufacturer.label, f.site.label) for f in extraction.production if f.site.label == "San Luis Potosí"} \
        == {("BMW AG", "San Luis Potosí")}


def test_a_known_plant_named_as_the_subject_is_built_at_by_its_operator():
    """"Mercedes-Benz India assembles the EQS in Chakan": the name is the Chakan plant's, and the
    sentence named no maker, so it gave no fact. The name is also its operator's national company,
    a unit of Mercedes-Benz AG."""
    facts = _extraction(title="Electric luxury cars made in India",
                        text="Mercedes-Benz India assembles the EQS in Chakan.").production
    assert {(f.manufacturer.label, f.site.label) for f in facts} == {("Mercedes-Benz India", "Chakan plant")}
    (fact,) = facts
    assert fact.manufacturer.parent == "mercedes-benz-ag" and not fact.manufacturer.linked


def test_a_maker_the_reference_data_does_not_know_is_minted_from_its_name():
    """"Hindustan Motors shuts Uttarpara" and "Ebro EV Motors" named no maker: a name ending in
    Motors, Automobiles or Trucks is a maker's, minted and not linked (a distributor's is not a
    maker's, and a known company's name is not taken apart)."""
    extraction = _extraction(title="Chery and Tajo EV Motors plan a joint venture", text=(
        "Hindustan Motors built the Ambassador in West Bengal until 2014. General Motors left India in 2017. "
        "Hyundai Trans Kazakhstan, owned by the distributor Steppe Motors, builds cars in Almaty."))
    kinds = {m.entity.label: (m.entity.type.name, m.entity.linked) for m in extraction.mentions}
    assert kinds["Tajo EV Motors"] == ("MANUFACTURER", False)  # (Ebro EV Motors is known since round 9)
    assert kinds["Hindustan Motors"] == ("MANUFACTURER", True)  # (in the reference data since round 8)
    assert kinds["Steppe Motors"][0] == "ORGANISATION"
    assert kinds["General Motors"] == ("MANUFACTURER", True)


def test_a_makers_national_company_may_have_car_or_vehicles_in_its_name():
    """"Volvo Car India assembles the XC40" made Volvo Cars the producer: "Car" between the maker's
    name and the country was not one of a national company's words."""
    facts = _extraction(title="Volvo in India", text="Volvo Car India assembles the XC40 at Hoskote.").production
    assert {f.manufacturer.label for f in facts} == {"Volvo Car India"}


def test_a_models_name_that_is_also_a_province_is_the_model():
    """"builds the Santa Cruz beside the Tucson, Santa Fe, Sonata and Elantra" named two Argentine
    provinces: after "the" and after a listed model, a name the maker's brand has a model of is
    that model."""
    extraction = _extraction(title="Hyundai’s busiest plant", text=(
        "Hyundai builds the Santa Cruz beside the Tucson, Santa Fe, Sonata and Elantra in Montgomery."))
    assert not any(m.entity.type.name == "SUBDIVISION" for m in extraction.mentions)
    assert {f.model.label for f in extraction.production if f.model} >= {"Hyundai Santa Cruz", "Hyundai Santa Fe"}
    # (a province named as a place stays one: "builds cars in Santa Fe")
    assert any(m.entity.type.name == "SUBDIVISION" for m in _extraction(
        title="Argentina’s plants", text="Stellantis builds cars in Santa Fe and Córdoba.").mentions)


def test_makers_listed_each_with_its_plant_and_place_make_only_there():
    """"walked out at a GM plant in Missouri, a Ford plant in Michigan and a Stellantis Jeep complex
    in Ohio" gave every maker all three states: a maker is paired with a place through "plant in"
    as through "in"."""
    facts = {(f.manufacturer.label, f.site.label) for f in _extraction(
        title="UAW strike hits three plants",
        text="About 12,700 workers walked out at a GM plant in Missouri, a Ford plant in Michigan and a Stellantis "
             "Jeep complex in Ohio when their contracts expired.").production}
    assert ("Ford Motor Company", "Michigan") in facts
    assert not {("Ford Motor Company", "Ohio"), ("Ford Motor Company", "Missouri")} & facts


def test_towns_that_open_clauses_each_take_the_models_named_after_them():
    """"Wayne builds the Ford Ranger and the Ford Bronco, and Toledo turns out the Jeep Wrangler and
    its pickup sibling, the Jeep Gladiator" missed Toledo, gave every model to every town, and took
    "its" (the Wrangler's) for the article's maker."""
    facts = {(f.manufacturer.label, f.site.label, f.model.label if f.model else None) for f in _extraction(
        title="UAW strike hits three plants",
        text="GM builds pickups at Wentzville. Wayne builds the Ford Ranger pickup and the Ford Bronco off-roader, "
             "and Toledo turns out the Jeep Wrangler and its pickup sibling, the Jeep Gladiator.").production}
    assert ("Ford Motor Company", "Wayne", "Ford Ranger") in facts
    assert ("FCA US", "Toledo", "Jeep Wrangler") in facts
    assert not any(site == "Toledo" and model == "Ford Ranger" for _, site, model in facts)
    assert not any(maker == "General Motors" and site in ("Wayne", "Toledo") for maker, site, _ in facts)


def test_a_minted_makers_name_does_not_take_the_word_that_opens_its_sentence():
    """"When Hindustan Motors stopped" or "Both Ebro EV Motors and ..." are not makers called "When
    Hindustan Motors" or "Both Ebro EV Motors"."""
    labels = {m.entity.label for m in _extraction(
        title="x", text="When Hindustan Motors stopped, little changed. Both Ebro EV Motors and Hindustan Motors "
                        "grew.").mentions if m.entity.type.name == "MANUFACTURER"}
    assert labels == {"Hindustan Motors", "Ebro EV Motors"}


def test_a_model_named_bare_after_a_makers_national_company_is_found():
    """"Ford Motor Company of Southern Africa builds the Ranger" lost the model: a bare model name
    was looked for only among the makers the article names, not the owners of a national company
    (one with no brands of its own). A brand's owner's other brands stay out: "Rolls-Royce Motor
    Cars builds the M5" is no BMW M5."""
    for title, model in (("Ford Motor Company of Southern Africa builds the Ranger in Pretoria.", "Ford Ranger"),
                         ("Toyota Motor Manufacturing Turkey will build the C-HR in Sakarya.", "Toyota C-HR")):
        assert {f.model.label for f in _extraction(title=title).production if f.model} == {model}, title
    assert not any(m.entity.key == "bmw/m5" for m in _extraction(
        title="Rolls-Royce M5 made in Goodwood", text="Rolls-Royce Motor Cars builds the M5 in Goodwood.").mentions)


def test_a_makers_name_unknown_words_and_a_country_are_a_company_not_a_model():
    """"Hyundai Trans Kazakhstan began assembling ..." gave a model "Hyundai Trans" built by Hyundai."""
    extraction = _extraction(title="Hyundai Trans Kazakhstan began assembling the Hyundai Tucson in Almaty in 2020.")
    assert {(f.manufacturer.label, f.model.label if f.model else None) for f in extraction.production} == {
        ("Hyundai Trans Kazakhstan", "Hyundai Tucson")}
    # (a known model before a country stays the model)
    assert {m.entity.label for m in _extraction(title="Kia EV6 Europe sales rise").mentions
            if m.entity.type.name == "MODEL"} == {"Kia EV6"}


def test_reading_articles_back_from_the_spool_keeps_no_memory_per_article(tmp_path):
    """The reader's unpickler kept every article it had read back in its memo (about two
    kilobytes an article: 2.4 GB in the parent at a million), though the pickler cleared its own."""
    import gc
    import tracemalloc

    from autokg.articles import ArticleReader

    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "title": f"Plant number {i} opens",
                                        "summary": f"A standfirst of article {i} with a few more words."}) + "\n"
                            for i in range(4000)), encoding="utf-8")
    tracemalloc.start()
    try:
        used = {}
        for count, _ in enumerate(ArticleReader().read([path]), start=1):
            if count in (1000, 4000):
                gc.collect()
                used[count] = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert used[4000] - used[1000] < 300_000  # the memo grew by about 3,000 x 700 bytes here


def test_the_whole_store_checks_find_what_they_look_for_without_grouping_the_store(tmp_path):
    """Two stored checks grouped or hashed every fact of the store in memory (150 MB more for 40,000
    listing articles, growing with the store); written link by link, they must still find a fact
    with two values and evidence from an article the fact does not name, and nothing else."""
    from autokg.pipeline import run_checks

    graph = tmp_path / "g.ttl"
    graph.write_text(("@prefix akg: <https://w3id.org/autokg/ontology#> .\n"
                      "@prefix prov: <http://www.w3.org/ns/prov#> .\n"
                      "<ID/fact/f> a akg:ProductionFact ; akg:status <ID/status/active> , <ID/status/planned> ;\n"
                      "    akg:start \"2027\" ; prov:wasDerivedFrom <ID/article/a> ;\n"
                      "    akg:evidence <ID/evidence/e1> , <ID/evidence/e2> .\n"
                      "<ID/evidence/e1> akg:article <ID/article/a> .\n"
                      "<ID/evidence/e2> akg:article <ID/article/b> .\n"
                      "<ID/fact/g> a akg:ProductionFact ; akg:status <ID/status/active> ;\n"
                      "    prov:wasDerivedFrom <ID/article/a> ; akg:evidence <ID/evidence/e1> .\n"
                      ).replace("ID/", "https://w3id.org/autokg/id/"), encoding="utf-8")
    checks = {c.name: c.rows.rows for c in run_checks(load_graph([graph]))}
    assert [tuple(str(t.value).rsplit("/", 1)[1] for t in row) for row in checks["fact-with-two-values-violation"]] == [
        ("f", "ontology#status", "active", "planned")]
    assert [tuple(str(t.value).rsplit("/", 1)[1] for t in row) for row in
            checks["evidence-outside-article-violation"]] == [("f", "e2", "b")]
    assert not any(rows for name, rows in checks.items()
                   if name not in ("fact-with-two-values-violation", "evidence-outside-article-violation"))


def test_a_persons_name_with_a_possessive_is_still_a_name():
    """"Chief executive Oliver Blume’s company said ..." found no person: a name's last word could
    not take a possessive, so "Oliver" alone was left, and one word is no name."""
    extraction = _extraction(title="Porsche: combustion engines will stay longer",
                             text="Chief executive Oliver Blume’s company said in September 2025 that a new SUV "
                                  "range would first arrive with petrol drives.")
    assert {(a.person.label, a.organisation.label) for a in extraction.affiliations} == {
        ("Oliver Blume", "Porsche AG")}
    # (a company's possessive stays no person)
    assert not [m for m in _extraction(title="Toyota’s boss Akio Toyoda speaks").mentions
                if m.entity.type.name == "PERSON" and "Toyota" in m.entity.label]


def test_a_maker_named_for_a_part_or_a_shared_architecture_produces_nothing_there():
    """"a Toyota built in Tianjin with a BYD battery" made BYD a producer in China, and "the PPE
    architecture developed with Audi" made Audi one in Leipzig."""
    def producers(title: str, text: str = "") -> set[str]:
        return {p.manufacturer.key for p in _extraction(title=title, text=text).production}

    assert producers("bZ3: a Toyota built in Tianjin with a BYD battery") == {"toyota-motor"}
    assert producers("Leipzig goes electric with the Macan",
                     "Porsche assembles the Porsche Macan, built on the PPE architecture developed with Audi, "
                     "at its Saxon factory in Leipzig.") == {"porsche"}
    # (a battery-electric model is the maker's own: "Kia battery-electric EV9")
    from autokg.extract import _NOT_PRODUCER_AFTER

    assert _NOT_PRODUCER_AFTER.match(" battery, Toyota said") and _NOT_PRODUCER_AFTER.match(" cells")
    assert not _NOT_PRODUCER_AFTER.match(" battery-electric EV9") and not _NOT_PRODUCER_AFTER.match(" battery plant")


def test_a_bilingual_town_name_is_found_by_either_name_in_its_own_country_only():
    """"Mercedes-Benz builds the Vito in Vitoria" took the Brazilian city: the Spanish plant's town
    is "Gasteiz / Vitoria" in GeoNames, a name no article writes. Its two names are now the town's
    names, and a country the article names otherwise still wins ("Vitória, Brazil")."""
    def localities(title: str) -> set[tuple[str, str | None]]:
        return {(m.entity.key, m.entity.country) for m in _extraction(title=title).mentions
                if m.entity.type.name == "LOCALITY"}

    assert localities("Mercedes-Benz builds the Vito in Vitoria") == {("3104499", "ES")}
    assert localities("Embraer builds jets in Vitória, Brazil") == {("3444924", "BR")}
    assert localities("Mercedes-Benz builds vans in Vitoria, Spain, and ships them to Brazil") == {("3104499", "ES")}


def test_a_headlines_last_word_is_no_first_name_of_the_next_paragraphs_person():
    """"BMW plans its plants in NVIDIA’s Omniverse" over "Milan Nedeljković, the board member ..."
    gave a person "Omniverse Milan Nedeljković": a name's words could stand on two lines."""
    extraction = _extraction(title="BMW plans its plants in NVIDIA’s Omniverse",
                             text="Milan Nedeljković, the board member responsible for production, showed how "
                                  "the carmaker builds digital twins of whole factories.")
    people = {m.entity.label for m in extraction.mentions if m.entity.type.name == "PERSON"}
    assert people == {"Milan Nedeljković"}


def test_a_founder_described_between_founded_by_and_the_name_is_the_founder():
    """"e.GO Mobile, founded by the engineering professor Günther Schuh," tied Schuh to nobody: only
    a name right after "founded by" was a founder."""
    extraction = _extraction(title="e.GO starts series production of the Life in Aachen",
                             text="The start-up e.GO Mobile, founded by the engineering professor Günther Schuh, "
                                  "began building its small electric city car in the German city in 2019.")
    assert {(a.person.label, a.organisation.key, a.role) for a in extraction.affiliations} == {
        ("Günther Schuh", "e-go-mobile", "founder")}


def test_a_role_of_a_described_company_before_a_name_belongs_to_the_articles_maker():
    """"The Chinese company’s chairman, Wang Chuanfu, signed ..." tied the chairman to nobody."""
    extraction = _extraction(title="BYD signs up for a Moroccan car plant",
                             text="The Chinese company’s chairman, Wang Chuanfu, signed a memorandum in Casablanca.")
    assert {(a.person.label, a.organisation.key, a.role) for a in extraction.affiliations} == {
        ("Wang Chuanfu", "byd-auto", "chairman")}


def test_a_supplier_the_reference_data_does_not_know_is_minted_from_its_name():
    """"Kojima Industries" or "NextStar Energy" were not found at all: a name that ends in
    Industries, Energy, Steel, Batteries and the like is a supplier. Not in a Title Case headline
    ("Solid-State Batteries"), nor across a full stop ("in Texas. Battery ...")."""
    def suppliers(title, text=""):
        return {m.entity.label for m in _extraction(title=title, text=text).mentions
                if m.entity.type.name == "SUPPLIER"}

    assert suppliers("Toyota halts its plants", "A cyberattack on Kojima Industries stopped Toyota's plants.") == {
        "Kojima Industries"}
    assert suppliers("Toyota Bets Big On Solid-State Batteries For Its Next Cars") == set()
    assert suppliers("Tesla builds in Texas", "Tesla builds cars in Texas. Battery Cells arrive from Nevada.") == set()


def test_a_subsidiary_is_named_once_and_within_a_paragraph_and_a_plant_employs_nobody():
    """At a million articles the batches' SHACL validation found two faults. A national company
    was extended again across the headline's end ("Toyota Motor East Japan\\n\\nMiyagi"), under a
    parent that the graph did not describe; and a person "at Toyota Karawang" (a plant's name) was
    affiliated with the plant instead of the company that runs it."""
    extraction = _extraction(title="Lexus builds the Q10 at Toyota Motor East Japan",
                             text="Miyagi prefecture welcomed the news.")
    companies = [m.entity for m in extraction.mentions if m.entity.type.name == "MANUFACTURER"]
    assert all("\n" not in e.label for e in companies)
    assert all(e.parent is None or e.parent == "toyota-motor" for e in companies)
    extraction = _extraction(title="Toyota starts N9 production in Karawang",
                             text="The first Toyota N9 rolled off the line at Toyota Karawang this month. Ravi Moreau, "
                                  "head of production at Toyota Karawang, said the site would grow.")
    assert {(a.person.label, a.organisation.key) for a in extraction.affiliations} == {("Ravi Moreau", "toyota-motor")}


def test_an_operating_company_named_as_a_plant_builds_the_models_of_its_parents_brand():
    """"Mercedes-Benz South Africa began producing the ... Mercedes-Benz C-Class": the plant is
    known by its operating company's name, and the sentence names the parent's brand in the model,
    so the parent was taken as the producer. The company the sentence opens with (or that a
    passive names: "built by Mitsubishi Motors Thailand") builds; with a state in its name too
    ("Hyundai Motor Manufacturing Alabama"), and for another maker ("Subaru of Indiana
    Automotive" building a Toyota). A town is still no part of a company's name."""
    def builders(line):
        return {(f.manufacturer.label, f.model.label if f.model else None) for f in _extraction(line).production}

    assert {(f.manufacturer.key, f.model.label if f.model else None) for f in _extraction(
        "East London adds a shift Mercedes-Benz South Africa will build more of the Mercedes-Benz C-Class at its "
        "plant from 2026, for export. Ann Lee").production} == {("mercedes-benz-south-africa", "Mercedes-Benz C-Class")}
    assert builders("Blue Springs gets a new Corolla Toyota Motor Manufacturing Mississippi will build the next "
                    "Toyota Corolla from 2027, the company said. Ann Lee") == {
        ("Toyota Motor Manufacturing Mississippi", "Toyota Corolla")}
    assert builders("Lafayette takes on a Toyota Subaru of Indiana Automotive began building the Toyota Camry "
                    "under contract in 2007. Ann Lee") == {("Subaru of Indiana Automotive", "Toyota Camry")}
    (maker,) = {f.manufacturer for f in _extraction(
        "Thailand’s pickup hub The Mitsubishi Triton is built by Mitsubishi Motors Thailand at Laem Chabang "
        "for more than 100 markets. Ann Lee").production}
    assert maker.key == "mitsubishi-motors-thailand"
    unit = next(e for e in _extraction("Blue Springs gets a new Corolla Toyota Motor Manufacturing Mississippi will "
                                       "build the next Toyota Corolla from 2027. Ann Lee").entities
                if e.label == "Toyota Motor Manufacturing Mississippi")
    assert unit.parent == "toyota-motor" and not unit.linked
    assert builders("Munich adds a shift BMW Munich will build the BMW i3 from 2026, the company said. "
                    "Ann Lee") == {("BMW AG", "BMW i3")}


def test_a_licensees_name_that_starts_with_a_makers_is_a_company_of_its_own():
    """"Kia Lucky Motors" (the Pakistani assembler of Kias) was read as Kia, and "Volvo Car
    Malaysia" was cut in two by the split ("... Volvo Car | Malaysia began"), as was "Karachi Kia
    Lucky | Motors assembles" in a headline whose words are capitalised. "General Motors" and a
    maker's own model stay what they were."""
    from autokg.articles import split_listing_line
    from autokg.reference import load_reference

    names = load_reference().name_kind
    split = split_listing_line("Kia is back in Pakistan, via Karachi Kia Lucky Motors assembles the Kia Picanto "
                               "in the port city. Ann Lee", names=names)
    assert split.summary.startswith("Kia Lucky Motors assembles")
    split = split_listing_line("Shah Alam builds Volvo’s XC40 Volvo Car Malaysia began assembling the SUV "
                               "there in 2022. Ann Lee", names=names)
    assert split.summary.startswith("Volvo Car Malaysia began")
    makers = {m.entity.label for m in _extraction(
        "Karachi assembler grows Kia Lucky Motors will add the Kia Stonic to its plant in Karachi next year, "
        "as General Motors stays away. Ann Lee").mentions if m.entity.type.name == "MANUFACTURER"}
    assert "Lucky Motor Corporation" in makers and "General Motors" in makers  # (known since round 8)
    # (a licensee the reference data does not know is minted under the name the article gives)
    makers = {m.entity.label for m in _extraction(
        "Hyderabad assembler grows Kia Sutlej Motors will add the Kia Stonic to its plant in Hyderabad next year, "
        "as General Motors stays away. Ann Lee").mentions if m.entity.type.name == "MANUFACTURER"}
    assert "Kia Sutlej Motors" in makers and "General Motors" in makers


def test_people_are_tied_to_their_company_in_more_of_the_ways_the_press_writes_it():
    """Affiliations that were missed: a role before the name with a comma ("Renault’s chief
    executive, Luca de Meo,"), a supplier the article is about ("Chief executive Florent
    Menegaux’s group"), "who chaired Nissan’s European business", "then its chief executive", "The
    company, led by ...", "X, the company founded by ..." (X, not a company named later), a speaker
    with no title ("Elon Musk says ...": the company the sentence goes on to name, or the
    article's), and a Korean given name in two syllables ("Chung Mong-koo"). A governor who speaks
    stays nobody's employee."""
    def people(title, text=""):
        extraction = _extraction(title=title, text=text)
        tied = {a.person.label: a.organisation.key for a in extraction.affiliations}
        return {m.entity.label: tied.get(m.entity.label) for m in extraction.mentions if m.entity.type.name == "PERSON"}

    assert people("Renault goes electric", "Renault’s chief executive, Luca de Meo, set out the plan in Paris.") == {
        "Luca de Meo": "renault-group"}
    assert people("Michelin closes a plant", "Chief executive Florent Menegaux’s group said the tyre plant would "
                  "close next year.") == {"Florent Menegaux": "michelin"}
    assert people("Nissan delays a model", "Gianluca de Ficchy, who chaired Nissan’s European business, said the "
                  "decision was hard.") == {"Gianluca de Ficchy": "nissan-motor"}
    assert people("Ford shuts a plant in Belgium", "Ford closed the plant in 2014. Alan Mulally, then its chief "
                  "executive, said Europe had too many factories.")["Alan Mulally"] == "ford-motor"
    assert people("Mercedes-Benz opens a plant", "Mercedes-Benz opened Factory 56 in Sindelfingen. The company, led "
                  "by Ola Källenius since 2019, says it is a blueprint.") == {"Ola Källenius": "mercedes-benz-group"}
    assert people("Scooter makers raise prices", "Ola Electric, the company founded by Bhavish Aggarwal, raised prices, "
                  "and Ather Energy did the same.") == {"Bhavish Aggarwal": "ola-electric"}
    assert people("Tesla opens Giga Texas", "The Austin factory builds the Model Y, and Elon Musk says the "
                  "Cybertruck will follow.") == {"Elon Musk": "tesla"}
    assert people("Tesla picks Texas", "Governor Greg Abbott said Tesla would bring thousands of jobs.") == {
        "Greg Abbott": None}
    assert people("Hyundai opens a plant in Brazil", "Chung Mong-koo, chairman of Hyundai Motor Company, attended "
                  "the opening.") == {"Chung Mong-koo": "hyundai-motor-company"}


def test_electric_as_a_kind_of_company_one_drive_among_others_or_a_cells_purpose_is_no_electrification():
    """Every "electric" or "EV" made an electrification strategy: "the Vietnamese EV maker",
    "the electric and combustion versions on the same line" (that is flexibility), "cells for
    electric vehicles" (battery production). An electric model built on its own still counts."""
    def strategies(line):
        return {s.strategy for s in _extraction(line).strategies}

    assert "electrification" not in strategies(
        "VinFast breaks ground in Indonesia The Vietnamese EV maker broke ground on an assembly plant in Subang. Ann Lee")
    flexible = strategies("Leipzig builds the Countryman BMW builds the electric and combustion versions of the Mini "
                          "Countryman on the same line in Leipzig. Ann Lee")
    assert "powertrain-flexibility" in flexible and "electrification" not in flexible
    cells = strategies("Honda picks Ohio for cells Honda will build a battery plant in Ohio to make cells for Honda "
                       "and Acura electric vehicles. Ann Lee")
    assert "battery-production" in cells and "electrification" not in cells
    assert "electrification" in strategies("Porsche starts the Taycan Porsche began series production of its first "
                                           "all-electric model in Zuffenhausen in 2019. Ann Lee")


def test_a_maker_that_builds_another_groups_model_works_with_it():
    """"Renault makes the Kangoo, and the same lines turn out its twins for Mercedes-Benz and
    Nissan" gave no partnership: building another group's model is one, for both companies; not
    a national company or joint venture that bears the model's marque ("Ford Otosan" builds Fords)."""
    def partners(line):
        return {s.actor.key for s in _extraction(line).strategies if s.strategy == "partnership" and s.actor}

    assert partners("A Hyundai van from Turkey Karsan builds the Hyundai H350 at its factory in Bursa. Ann Lee") == {
        "karsan", "hyundai-motor-company"}
    assert partners("Craiova adds the Puma Ford Otosan builds the Ford Puma in Craiova. Ann Lee") == set()
    assert partners("Bratislava builds the Superb Volkswagen builds the Skoda Superb in Bratislava. Ann Lee") == set()


def test_going_back_on_a_plan_cancels_it():
    """"Nissan went back in February 2019 on its plan to build the new SUV in Sunderland" was read
    as a plan."""
    (fact,) = _extraction("Sunderland loses the X-Trail Nissan went back in February 2019 on its plan to build "
                          "the new Nissan X-Trail at its Sunderland plant. Ann Lee").production
    assert fact.status.value == "cancelled"


def test_a_market_is_no_production_site_and_no_hint_at_where_a_town_is():
    """"makes its twin ... for buyers in the United States" made the United States a production
    site, and "its plant near Naples" Naples, Florida."""
    facts = _production("Pomigliano builds a Dodge Stellantis began producing the Alfa Romeo Tonale at its plant "
                        "near Naples in 2022 and makes its twin, the Dodge Hornet, for buyers in the United States. "
                        "Ann Lee")
    assert {site for _, site, _, _ in facts} == {"Naples", "Pomigliano plant"}  # (the headline's since round 9)
    sites = {f.site for f in _extraction("Pomigliano builds a Dodge Stellantis makes the Dodge Hornet at its "
                                         "plant near Naples for buyers in the United States. Ann Lee").production}
    assert {site.country for site in sites} == {"IT"} and "Naples" in {site.label for site in sites}


def test_a_headlines_fact_gives_way_to_the_builder_the_text_names():
    """"A Fiat made in Hiroshima? Mazda began building the Fiat 124 Spider at its Ujina plant"
    gave Stellantis (the Fiat brand's owner) a plant in Japan beside Mazda's fact, and "Ford quits
    car production in Russia Ford Sollers, Ford's joint venture, closed its plants" gave Ford one
    beside Ford Sollers'. A headline's fact that the text gives to someone unrelated stays."""
    def makers(line):
        return {f.manufacturer.key for f in _extraction(line).production}

    assert makers("A Fiat made in Hiroshima? Mazda began building the Fiat 124 Spider at its Ujina plant in 2016 "
                  "under a supply agreement. Ann Lee") == {"mazda"}
    assert makers("Ford quits car production in Russia Ford Sollers, Ford’s joint venture with Sollers, closed its "
                  "car plant in Vsevolozhsk in 2019. Ann Lee") == {"ford-sollers"}
    assert makers("Toyota builds in Kentucky Ford will build trucks in Louisville, Kentucky, from 2026. "
                  "Ann Lee") == {"toyota-motor", "ford-motor"}
    # (a known plant the headline names stays, beside a vaguer place after it)
    sites = {f.site.key for f in _extraction("Hyundai opens Metaplant America in Georgia The $7.6bn factory near "
                                             "Savannah builds the Ioniq 5, Hyundai Motor Group said. Ann Lee").production}
    assert "hyundai-metaplant-america" in sites


def test_a_mill_or_a_refinery_is_no_vehicle_plant():
    """"a new steel mill in Donaldsonville, which is to supply the group's car plants" made
    Donaldsonville a Hyundai production site, and "the plant near Corpus Christi" of a headline
    about a lithium refinery one of Tesla's."""
    assert _production("Hyundai plans a steel mill Hyundai Motor Group will build a new steel mill in Donaldsonville, "
                       "Louisiana, which is to supply the group’s American car plants. Ann Lee") == set()
    assert _production("Tesla breaks ground on a lithium refinery in Texas Elon Musk attended the ceremony for the "
                       "plant near Corpus Christi, which is to turn ore into lithium hydroxide. Ann Lee") == set()


@pytest.mark.parametrize(("line", "title"), [
    # a perfect tense wants its object
    (("Togg takes the T10X to Germany Turkey’s national carmaker has picked Germany, home to a large Turkish "
      "community, as the first export market for its electric SUV. Ann Lee"), "Togg takes the T10X to Germany"),
    # "northern" is an adjective
    (("What Maubeuge builds Renault has made the Kangoo van in the northern French town since 2021, and the same "
      "lines turn out its twins for Mercedes-Benz and Nissan. Ann Lee"), "What Maubeuge builds"),
    # so is a compound with an accented letter
    (("Busan, source of Europe’s Renault Arkana Renault Korea builds the coupé-style SUV, which it ships to "
      "Europe, at its plant in the port city. Ann Lee"), "Busan, source of Europe’s Renault Arkana"),
    # a noun that an appositive name may follow is followed by no "The"
    (("Turkey’s Anadolu Isuzu takes over Samarkand’s bus maker The Turkish Isuzu licensee agreed in 2025 to buy "
      "the state’s stake. Ann Lee"), "Turkey’s Anadolu Isuzu takes over Samarkand’s bus maker"),
    # (seventh round, now in tune)
    # a headline that ends with where ("at" or "in" and a known place) is followed by the standfirst,
    # even a long one that starts with a common word ("Mass production")
    (("Kia starts Ceed output in Žilina Mass production at Kia's first European plant, in the north of Slovakia, "
      "began in December 2006; the regional governor had sought better terms for the land in talks with the "
      "company. Ann Lee"), "Kia starts Ceed output in Žilina"),
    # ... and a model's variant code ("X5 50e") stays with its model
    (("BMW starts X5 output at Spartanburg Its South Carolina plant began building the X5 50e xDrive in the "
      "spring as the only source of the plug-in hybrid for every market, on a line that also takes petrol "
      "versions. Ann Lee"), "BMW starts X5 output at Spartanburg"),
    # a particle followed by a possessive takes it as its object ("come off Hyundai's lines")
    (("Hyundai starts Creta output in Chennai Based on a new platform, the crossover has come off "
      "Hyundai's Indian lines since March for buyers at home and abroad. Ann Lee"), "Hyundai starts Creta output in Chennai"),
    # a capitalised role and a name open a standfirst; an adverb makes a participle an adjective
    (("Nissan starts assembly in Nigeria Governor Babajide Sanwo-Olu watched the first locally assembled "
      "Nissans leave the line in Lagos this week. Ann Lee"), "Nissan starts assembly in Nigeria"),
    # a relative clause wants its object
    (("Skoda starts Enyaq output Series production of the SUV, which uses Volkswagen's MEB platform, "
      "began at Mladá Boleslav with the Enyaq 85x among the first versions. Ann Lee"), "Skoda starts Enyaq output"),
    # (eighth round, now in tune)
    # a model year goes with the model's name; a first name with the surname's possessive; a country
    # opens the name of a national company where no preposition makes it a place; a businessman, like
    # a role, comes before a name
    (("Ford puts $1bn into Chicago for the new Explorer and Aviator The Chicago Assembly Plant will build the 2020 "
      "Ford Explorer, the Police Interceptor Utility based on it and the Lincoln Aviator, with a new paint shop, new "
      "tools and robots that check the work by camera; the head of operations says 500 jobs will be added."),
     "Ford puts $1bn into Chicago for the new Explorer and Aviator"),
    (("Stellantis buys into Leapmotor Carlos Tavares' group agreed to take a fifth of the Chinese EV maker in "
      "2023. Ann Lee"), "Stellantis buys into Leapmotor"),
    (("Honda makes motorcycles at home Bangladesh Honda Private Limited assembles them in Munshiganj for the "
      "local market. Ann Lee"), "Honda makes motorcycles at home"),
    (("Ford returns to Uruguay Nordex, the Montevideo contract assembler owned by Argentine businessman Manuel "
      "Antelo, began putting together the Transit van for buyers across the region in November 2021. Ann Lee"),
     "Ford returns to Uruguay"),
    # ... but a known name's possessive may open the standfirst
    (("Melfi switches to STLA Medium Stellantis' plant in Basilicata builds the electric DS N°8 and the new Jeep "
      "Compass on the same platform. Ann Lee"), "Melfi switches to STLA Medium"),
    # (round 9) a relative pronoun wants its clause
    (("Giant Motors to double JAC assembly lines in Hidalgo Ciudad Sahagún, where Giant Motors Latinoamérica has "
      "assembled JAC vehicles since 2017, will get four more lines. Ann Lee"),
     "Giant Motors to double JAC assembly lines in Hidalgo"),
    # (round 9) a headline does not end with an infinitive waiting for its object ...
    (("Great Wall Motor walks away from Talegaon The Chinese SUV maker's plan to buy General Motors' idle plant "
      "lapsed in 2022. Ann Lee"), "Great Wall Motor walks away from Talegaon"),
    (("Toyota to make Lexus EVs in Shanghai from 2027 100,000 electric Lexus cars a year are to come from the new "
      "plant. Ann Lee"), "Toyota to make Lexus EVs in Shanghai from 2027"),
    # ... and a person named with a role after a possessive, or with initials, opens the standfirst
    (("Nikola's Coolidge plant starts Tre output Mark Russell, Nikola's chief executive, said output began in April. "
      "Ann Lee"), "Nikola's Coolidge plant starts Tre output"),
    (("VinFast breaks ground in India M.K. Stalin, Tamil Nadu's chief minister, laid the first stone of the plant. "
      "Ann Lee"), "VinFast breaks ground in India"),
])
def test_a_headline_ends_where_a_sentence_could_not_go_on(line, title):
    """Listing lines the split cut in the middle of the standfirst's first sentence."""
    from autokg.articles import split_listing_line
    from autokg.reference import load_reference

    assert split_listing_line(line, names=load_reference().name_kind).title == title


def test_a_units_models_are_its_parents_brands_and_a_plural_is_the_model():
    """"Renault Samsung Motors builds the XM3" minted a "Renault Korea XM3" of no brand, and "BMW
    X1s powered by petrol" a model "BMW X1s": a unit with no brand of its own builds its parent's
    brand that its name starts with, and a plural names the model."""
    from autokg.link import Linker
    from autokg.reference import load_reference

    linker = Linker(load_reference())
    korea = linker.reference.org("renault-korea")
    assert linker.model("XM3", korea).key == "renault/xm3"
    assert linker.model("X1s", linker.reference.org("bmw")).label == "BMW X1"
    assert linker.model("Model Ys", linker.reference.org("tesla")).label == "Tesla Model Y"


def test_a_role_after_a_name_ties_it_to_a_company_unless_it_is_a_public_office():
    """", senior vice-president for sales and marketing, said" (no article, a hyphen) tied the
    speaker to nobody; "Fumio Kishida, the prime minister," to the article's carmaker. "Steyr
    Automotive, which is owned by Siegfried Wolf" ties him to it; "Under Inovar-Auto" and "Anambra
    State" are nobody. "who succeeded Makoto Uchida as chief executive" lost Uchida's employer, and
    once it was read, "Narendra Modi as chief minister" became Suzuki's."""
    def people(title, text):
        extraction = _extraction(title=title, text=text)
        tied = {a.person.label: a.organisation.key for a in extraction.affiliations}
        return {m.entity.label: tied.get(m.entity.label) for m in extraction.mentions if m.entity.type.name == "PERSON"}

    assert people("Toyota restarts Prospecton", "Toyota South Africa Motors restarted the plant. Leon Theron, senior "
                  "vice-president for sales and marketing, said buyers would be told.") == {
        "Leon Theron": "toyota-south-africa-motors"}
    assert people("Toyota halts its plants", "Toyota stopped its plants in Japan. Fumio Kishida, the prime minister, "
                  "said the government would look into it.") == {"Fumio Kishida": None}
    assert people("Lordstown changes hands", "General Motors sold the plant in 2019. Donald Trump, then US president, "
                  "welcomed the sale.") == {"Donald Trump": None}
    assert people("Toyota opens a plant", "Toyota opened the plant in Mississippi. Akio Toyoda, the company’s "
                  "president, flew in.") == {"Akio Toyoda": "toyota-motor"}
    assert people("Steyr builds trucks", "Steyr Automotive, which is owned by Siegfried Wolf, builds trucks in "
                  "Steyr for MAN.") == {"Siegfried Wolf": "steyr-automotive"}
    # a role after "as" gives the article's company, unless it is a public office
    assert people("Nissan to close Oppama", "Ivan Espinosa, who succeeded Makoto Uchida as chief executive in April, "
                  "said the company would talk to the workforce.")["Makoto Uchida"] == "nissan-motor"
    assert people("Suzuki builds in Gujarat", "The state government, then led by Narendra Modi as chief minister, "
                  "allotted land to Suzuki.").get("Narendra Modi") is None
    found = people("Nigeria’s carmakers", "Under Inovar-Auto, the government set tariffs, and Anambra State gave land "
                   "to Innoson Vehicle Manufacturing, which Innocent Chukwuma founded.")
    assert "Under Inovar-Auto" not in found and "Anambra State" not in found


@pytest.mark.parametrize(("line", "expected"), [
    # one more plant in a country where a global maker already builds is no move abroad ...
    (("Toyota to build a new SUV line in Kolín The Japanese carmaker will invest 680 million euros in the "
      "Czech plant from 2026. Ann Lee"), False),
    # ... its first plant outside its home country is
    (("Chery picks Barcelona for its first European plant The Chinese carmaker will build cars at the former "
      "Nissan site in Catalonia from 2026. Ann Lee"), True),
])
def test_planned_production_abroad_is_internationalisation_when_the_text_says_so(line: str, expected: bool) -> None:
    """Planned production in another country than the maker's gave internationalisation to every
    such fact; most of those the annotators of six rounds did not list (53 against 11 in tune)."""
    codes = {s.strategy for s in _extraction(line).strategies}
    assert ("internationalisation" in codes) is expected


@pytest.mark.parametrize(("title", "text", "expected"), [
    # a place just before a role is no employer, and a possessive company before an adjective is
    ("Toyota plans a new line in Kolín", "Toyota's European president Yoshihiro Nakata gave no date.",
     {("Yoshihiro Nakata", "Toyota Motor Corporation")}),
    ("Why Ford walked away from Mexico", "Chief executive Mark Fields scrapped the plant last year.",
     {("Mark Fields", "Ford Motor Company")}),
    # ... but a country's officeholder is nobody's employee
    ("Hyundai opens a plant in Piracicaba", "Brazil’s vice-president, Michel Temer, attended the opening.",
     {("Michel Temer", None)}),
    # "who runs ... for Renault", "who runs the group's ...", "executive chair of ..."
    ("Renault groups its northern plants", "Luciano Biondo, who runs the cluster for Renault, said costs would fall.",
     {("Luciano Biondo", "Renault Group")}),
    ("Stellantis builds in Oran", "Samir Cherfan, who runs the group's African region, opened the plant.",
     {("Samir Cherfan", "Stellantis")}),
    ("Hyundai opens a plant in Ulsan", "Euisun Chung, executive chair of Hyundai Motor Group, opened the plant.",
     {("Euisun Chung", "Hyundai Motor Group")}),
    # a name ending the sentence before is no employer; the operator of the plant a person heads is
    ("Stellantis builds vans in Luton", ("It also makes the Peugeot e-Partner.\n\nChief executive Carlos Tavares "
                                         "has argued for a lower quota."), {("Carlos Tavares", "Stellantis")}),
    ("BMW picks Debrecen", "Harald Gottsche, who heads the San Luis Potosí plant, said the choice was right.",
     {("Harald Gottsche", "BMW AG")}),
    # (eighth round)
    # "head of <what>", "its president", "<name>'s scooter company": the company the article is about
    ("Ford puts $1bn into Chicago", "Jim Baker, head of global operations, says 500 jobs will be added.",
     {("Jim Baker", "Ford Motor Company")}),
    ("Honda builds the Ridgeline in Alabama", "The plant is the only source of the Pilot, said its president, Tom Reed.",
     {("Tom Reed", "Honda Motor Co.")}),
    ("Ola Electric makes its own cells", "Bhavish Aggarwal's scooter company now builds cells in Krishnagiri.",
     {("Bhavish Aggarwal", "Ola Electric Mobility")}),
    # a brand's name after "in" and before a date is the town of a country the article names
    ("Honda builds the Ridgeline in Alabama", ("Honda started making the pickup in Lincoln in May 2016, said its "
                                                "president, Tom Reed."), {("Tom Reed", "Honda Motor Co.")}),
])
def test_people_of_the_seventh_and_eighth_rounds(title: str, text: str, expected: set[tuple[str, str | None]]) -> None:
    """Round-7 and round-8 people (now in tune) who lost their employer, or were given one wrongly
    ("in Lincoln" made Ford the article's maker)."""
    extraction = _extraction(title=title, text=text)
    employers = {a.person.key: a.organisation.label for a in extraction.affiliations}
    people = {(m.entity.label, employers.get(m.entity.key)) for m in extraction.mentions if m.entity.type.value == "Person"}
    assert people == expected


def test_national_units_and_a_steelmaker_of_the_seventh_round():
    """Round-7 names (now in tune) that the reference data lacked: Pak Suzuki was read as Suzuki,
    "Polaris" was not known at all, and Hyundai Steel was taken for a maker."""
    facts = _production("Pak Suzuki ends Mehran production in Karachi The small car was built at the plant for three "
                        "decades. Ann Lee")
    assert {maker for maker, _, _, _ in facts} == {"Pak Suzuki Motor Company"}
    mentions = {m.text: m.entity for m in _extraction(
        "Hyundai Steel to supply Alabama Hyundai Steel will ship sheet to Polaris from a new mill. Ann Lee").mentions}
    assert mentions["Hyundai Steel"].type.value == "Supplier" and mentions["Polaris"].key == "polaris"


@pytest.mark.parametrize("line", [
    ("Ford builds the electric Transit in Kocaeli Ford Otosan assembles the E-Transit alongside the diesel Transit "
     "at its Turkish plant. Ann Lee"),
    ("Stellantis starts a new Panda in Serbia The Kragujevac plant builds the electric version first, and a mild "
     "hybrid follows next year. Ann Lee"),
])
def test_electric_beside_combustion_is_powertrain_flexibility(line: str) -> None:
    """"assembles the electric light truck alongside the diesel Canter", "builds the electric version
    first, with a hybrid to follow": one line for both drives."""
    assert "powertrain-flexibility" in {s.strategy for s in _extraction(line).strategies}


@pytest.mark.parametrize(("title", "text", "smart"), [
    ("Toyota builds a city", "The town is a testing ground for smart homes and robots, Toyota said.", False),
    ("The new smart is made in Xi’an", "The new smart is made in Xi’an by a joint venture.", True),
])
def test_smart_before_a_word_in_lower_case_is_the_common_word(title: str, text: str, smart: bool) -> None:
    """"smart homes" in an article about Toyota's test city named the smart marque."""
    mentioned = {m.entity.key for m in _extraction(title=title, text=text).mentions}
    assert ("smart" in mentioned) is smart


@pytest.mark.parametrize(("line", "expected"), [
    # a maker named only as its model's owner ("Toyota's bZ3") does not build it
    (("BYD builds Toyota's bZ3 in Changsha The saloon is made at the Chinese carmaker's plant for the home "
      "market. Ann Lee"), {("BYD", "Changsha", "active", "Toyota bZ3")}),
    # nor does the client a maker builds for ("under contract for Suzuki")
    (("Bidadi builds for two brands Toyota Kirloskar Motor has built the Innova and, under contract for "
      "Suzuki, the Invicto at its Bidadi plant since 2023. Ann Lee"),
     {("Toyota Kirloskar Motor", "Bidadi plant", "active", "Toyota Innova"),
      ("Toyota Kirloskar Motor", "Bidadi plant", "active", "Maruti Suzuki Invicto")}),
    # a company's owners named after it build nothing
    (("Renault Korea builds the Grand Koleos Renault Korea, owned by Renault and Geely, began building the SUV in "
      "Busan in 2024. Ann Lee"), {("Renault Korea", "Busan", "active", "Renault Grand Koleos")}),
    (("A cell maker pauses two plants Automotive Cells Company, owned by Stellantis, Mercedes-Benz and Saft, put "
      "its plants in Kaiserslautern and Termoli on hold, while its first factory in France keeps running. Ann Lee"),
     set()),
    # a maker whose name starts a platform's name is no producer
    (("Stellantis adds a hybrid in Kragujevac The Serbian plant builds the Fiat Grande Panda on the same Smart "
      "Car platform as its electric sister. Ann Lee"), {("Stellantis", "Kragujevac", "active", "Fiat Grande Panda")}),
    # a rejected plan is cancelled
    (("Indonesia rejects Kia's plan for a plant in Bekasi The government turned the proposal down in 2019, and "
      "the carmaker went on to sell imported cars there. Ann Lee"), {("Kia Corporation", "Bekasi", "cancelled", None)}),
    # "will no longer build" ends
    (("Nissan will no longer build the Titan in Canton The pickup's production in Mississippi ends this summer. "
      "Ann Lee"), {("Nissan Motor", "Canton", "ended", "Nissan Titan")}),
    # what a plant with plans already makes, in a relative clause, is made there now
    (("Skoda to build an electric SUV in Kvasiny 500 million euros will go into the Czech plant, which makes the "
      "Karoq and Kodiaq, from next year. Ann Lee"),
     {("Škoda Auto", "Kvasiny", "active", "Škoda Karoq"), ("Škoda Auto", "Kvasiny", "active", "Škoda Kodiaq"),
      ("Škoda Auto", "Kvasiny", "planned", None)}),
    # "readies", "is due to begin": planned
    (("Hyundai readies the Ioniq 5 for Montgomery Output of the electric SUV is due to begin at the Alabama plant "
      "next year. Ann Lee"), {("Hyundai Motor Company", "Montgomery", "planned", "Hyundai Ioniq 5")}),
    # "had been due": a plan that was not carried out
    (("Lucid's Saudi plan had been due in 2025 The Jeddah plant had been due to build the Gravity from 2025. "
      "Ann Lee"), {("Lucid Group", "Jeddah", "cancelled", "Lucid Gravity")}),
    # production "concentrated at" another plant goes on there
    (("Ford's Genk plant closes The Belgian plant shut in 2014 when the Mondeo's European production was "
      "concentrated at Ford's plant in Valencia. Ann Lee"),
     {("Ford Motor Company", "Ford Motor Company Valencia plant", "active", "Ford Mondeo"),
      ("Ford Motor Company", "Genk", "ended", "Ford Mondeo")}),
    # "years after it opened" dates the plant; it is no cue of production going on
    (("Ford's last Mondeo in Belgium Fifty years after it opened, the plant in Genk, Limburg, built its last Mondeo "
      "at the end of December 2014. Ann Lee"), {("Ford Motor Company", "Genk", "ended", "Ford Mondeo")}),
    # (eighth round)
    # a supplier's place is no site, and "is building ... again" goes on
    (("Palmela is back at work Volkswagen's Palmela plant is building the T-Roc again after a shortage of parts "
      "from a supplier in Slovenia. Ann Lee"), {("Volkswagen Group", "Autoeuropa plant", "active", "Volkswagen T-Roc")}),
    # the maker of parts builds nothing there ("with cabs from DAF", "a battery pack from BYD"), nor does a
    # company named only as a person's employer beside the maker
    (("Tatra's heavy truck gets Dutch cabs Tatra Trucks assembles the off-road truck in Kopřivnice, Czech Republic, "
      "with cabs from DAF and engines from PACCAR. Ann Lee"), {("Tatra Trucks", "Kopřivnice", "active", None)}),
    (("Kia's EV5 comes from China Kia builds the electric SUV at its plant in Yancheng with a battery pack from "
      "BYD; Kia Australia chief executive Damien Meredith says the first cars sold well. Ann Lee"),
     {("Kia Corporation", "Yancheng", "active", "Kia EV5")}),
    # the customers of a steel plant make nothing there
    (("Who buys from Boden? Mercedes-Benz and Scania have signed up as customers for green steel from the plant "
      "rising in Boden, in northern Sweden. Ann Lee"), set()),
    # a plant named after its town and what it is ("the Cologne Electric Vehicle Center")
    (("Cologne cuts jobs The Explorer and the Capri, both built at the Cologne Electric Vehicle Center, sell "
      "slowly, Ford said. Ann Lee"),
     {("Ford Motor Company", "Cologne plant", "active", "Ford Explorer"),
      ("Ford Motor Company", "Cologne plant", "active", "Ford Capri")}),
    # a cue beyond a semicolon speaks of the place of its own part, but of the next part's place where its
    # own part names none
    (("Lucid buys a truck plant in Coolidge Lucid gets the Arizona factory where Nikola built trucks until it "
      "went bust; the Gravity joins the Air at Casa Grande. Ann Lee"),
     {("Lucid Group", "Coolidge", "active", None), ("Lucid Group", "Casa Grande", "active", "Lucid Gravity"),
      ("Lucid Group", "Casa Grande", "active", "Lucid Air")}),
    (("Lightyear stops The start-up stopped production of the Lightyear 0 in January 2023; Valmet Automotive had "
      "begun building it in Uusikaupunki, Finland, in November 2022. Ann Lee"),
     {("Lightyear", "Uusikaupunki", "ended", "Lightyear 0")}),
    # "York" in Pennsylvania is York, not Warner Robins, which GeoNames also calls York
    (("Harley electrifies its York plant A grant pays for new equipment at the Pennsylvania factory in York, "
      "which builds the LiveWire One for Harley-Davidson. Ann Lee"), {("LiveWire Group", "York", "active", "LiveWire One")}),
    # (ninth round)
    # a list of models shares the verb that governs it, not the next clause's
    (("Hyundai plans an EV for its plant in Izmit The factory, which builds the i10, i20 and Bayon, will start "
      "making an EV in 2026. Ann Lee"),
     {("Hyundai Motor Company", "İzmit plant", "active", "Hyundai i10"),
      ("Hyundai Motor Company", "İzmit plant", "active", "Hyundai i20"),
      ("Hyundai Motor Company", "İzmit plant", "active", "Hyundai Bayon"),
      ("Hyundai Motor Company", "İzmit plant", "planned", None)}),
    # the owner of the line a model comes off builds it, and the models the plant shares it with
    (("Mercedes-Benz Citan comes off Renault's Maubeuge line The small van shares the factory with the Renault "
      "Kangoo and the Nissan Townstar. Ann Lee"),
     {("Renault Group", "Maubeuge", "active", "Mercedes-Benz Citan"), ("Renault Group", "Maubeuge", "active", "Renault Kangoo"),
      ("Renault Group", "Maubeuge", "active", "Nissan Townstar")}),
    # the model another is based on is not built there
    (("Isuzu builds Mazda's BT-50 in Thailand Based on the D-Max, the pickup has come off Isuzu's Thai lines since "
      "2020. Ann Lee"), {("Isuzu Motors", "Thailand", "active", "Mazda BT-50")}),
    # "rolling off" is production; a town's short name is its plant's
    (("Fiat brings the Panda home to Pomigliano The new generation is rolling off the line near Naples. Ann Lee"),
     {("Stellantis", "Pomigliano plant", "active", "Fiat Panda")}),
    # a model's end before the site where another starts
    (("Dresden builds cars again A year after the last Phaeton, Volkswagen has begun assembling the Golf at its "
      "Transparent Factory. Ann Lee"),
     {("Volkswagen Group", "Transparent Factory", "ended", "Volkswagen Phaeton"),
      ("Volkswagen Group", "Transparent Factory", "active", "Volkswagen Golf")}),
    # a site that goes on building a model in a relative clause after another model's end
    (("Audi ends R8 production The last R8 has left the small Heilbronn site, which keeps building the "
      "e-tron GT. Ann Lee"),
     {("Audi AG", "Heilbronn", "ended", "Audi R8"), ("Audi AG", "Heilbronn", "active", "Audi e-tron GT")}),
    # a town after "moves ... to", and before "truck plant"
    (("MAN sells its Steyr truck plant MAN will close the Austrian factory and moves its light trucks to "
      "Kraków. Ann Lee"), {("Traton", "Steyr", "ended", None), ("Traton", "Kraków", "planned", None)}),
    # "won't ... be built" cancels, "will keep production" goes on
    (("Why won't the next X-Trail be built in Sunderland? Nissan has dropped its plan to make the SUV in the UK "
      "and will keep production in Japan. Ann Lee"),
     {("Nissan Motor", "Sunderland", "cancelled", "Nissan X-Trail"), ("Nissan Motor", "Japan", "active", "Nissan X-Trail")}),
    # a model the headline scraps is no longer planned where it was due
    (("Jaguar Land Rover scraps the electric XJ The saloon, due to be built at the Castle Bromwich plant, falls "
      "to the brand's new plan. Ann Lee"), {("Jaguar Land Rover", "Castle Bromwich plant", "cancelled", "Jaguar XJ")}),
    # a plan's later lapse cancels it; a date that came earlier than first planned does not
    (("Great Wall Motor walks away from Talegaon The Chinese SUV maker's plan to buy General Motors' idle plant "
      "near Pune and build cars there lapsed on 30 June. Ann Lee"), {("Great Wall Motor", "Pune", "cancelled", None)}),
    (("Cadillac's first EV enters production General Motors began assembling the Cadillac Lyriq at its Spring "
      "Hill plant in March 2022, earlier than it had first planned. Ann Lee"),
     {("General Motors", "Spring Hill Manufacturing", "active", "Cadillac Lyriq")}),
    # a battery plant's site, however its description is written, builds no vehicles
    (("Toyota's North Carolina battery plant is up and running Production has begun at the $13.9bn Liberty site, "
      "Toyota's first battery factory outside Japan. Ann Lee"), set()),
    # laying the foundation stone is a plan; a maker's nationality before its kind is no site
    (("VinFast breaks ground in India M.K. Stalin, Tamil Nadu's chief minister, laid the foundation stone for the "
      "Vietnamese electric carmaker's factory at Thoothukudi. Ann Lee"), {("VinFast", "Thoothukudi plant", "planned", None)}),
    # a town's assembly line
    (("Pak Suzuki retires the Mehran Pakistan's best-known small car left the Karachi assembly line for the last "
      "time in 2019, making way for a locally assembled Suzuki Alto. Ann Lee"), {("Pak Suzuki Motor Company", "Karachi", "ended", None),
                                            ("Pak Suzuki Motor Company", "Karachi", "active", "Suzuki Alto")}),
    # a model it shares its underpinnings with, or is not built next to, is not built there
    (("Isuzu builds Mazda's BT-50 The pickup shares its underpinnings with the D-Max and is built by Isuzu in "
      "Samut Prakan rather than next to the Ford Ranger. Ann Lee"),
     {("Isuzu Motors", "Samut Prakan", "active", "Mazda BT-50")}),
    # "bows out" ends, "kills" cancels
    (("Godzilla bows out The last Nissan GT-R was completed at Nissan's Tochigi factory. Ann Lee"),
     {("Nissan Motor", "Tochigi", "ended", "Nissan GT-R")}),
    (("Jaguar Land Rover kills the electric XJ The saloon, due to be built at the Castle Bromwich plant, is "
      "dropped. Ann Lee"), {("Jaguar Land Rover", "Castle Bromwich plant", "cancelled", "Jaguar XJ")}),
])
def test_production_facts_of_the_seventh_to_ninth_rounds(line: str,
                                                         expected: set[tuple[str, str, str, str | None]]) -> None:
    """Round-7 to round-9 lines (now in tune) with wrong facts. Round 7: "JAC builds NIO's ES8 in
    Hefei" gave NIO a fact of its own, "under contract for Maruti Suzuki" made Maruti Suzuki the
    builder, ", owned by Stellantis, Mercedes-Benz and Saft" gave the cell maker's owners its plants,
    "the same Smart Car platform" gave smart plants in Serbia and Slovakia; and statuses were wrong: a
    rejected or lapsed plan, "would stop", "will no longer build", "is due to", "readies", a relative
    clause naming what a plant makes, "concentrated at", "years after it opened". Round 8: a supplier's
    country, "is building ... again" taken as a plan, makers of cabs, engines and battery packs taken
    for producers, a person's employer and a steel plant's customers too, a plant named "Electric
    Vehicle Center" missed, a cue across a semicolon ending another plant's models, and York,
    Pennsylvania, read as Warner Robins, Georgia. Round 9: a list of models took the next clause's
    status ("which builds the i10, i20 and Bayon, will start making an EV"), the maker of a model
    named first built it at another's plant ("comes off Renault's Maubeuge line"), "Based on the
    D-Max" gave the D-Max a fact, "comes off" and "rolling off" were no production, "Pomigliano" was
    no place, and "after the last Phaeton" did not end the Phaeton; "which keeps building the e-tron
    GT" after a site a model left ended the e-tron GT, towns after "moves ... to" and before "truck
    plant" were missed, "won't ... be built" and "will keep production" were no status, and a model
    the headline scraps stayed planned where the text says it was due, a plan that "lapsed" after
    its place stayed planned, and "the $13.9bn Liberty site" of a battery plant was a vehicle plant;
    "laid the foundation stone" was no plan, "the Vietnamese electric carmaker's factory" put the
    factory in Vietnam, "the Karachi assembly line" was no place, "for the last time" ended nothing,
    the parent's model a national company the headline names goes on to build was its parent's, and
    models a pickup shares its underpinnings with or is not built next to were built beside it."""
    assert _production(line) == expected


def test_a_steel_plants_customers_own_its_strategy():
    """The customers of a green-steel plant build nothing there, but decarbonise."""
    extraction = _extraction("Who buys from Boden? Mercedes-Benz and Scania have signed up as customers for green "
                             "steel from the plant rising in Boden, in northern Sweden. Ann Lee")
    assert {(s.strategy, s.actor.label if s.actor else None) for s in extraction.strategies} == {
        ("decarbonisation", "Mercedes-Benz Group"), ("decarbonisation", "Traton")}


@pytest.mark.parametrize(("title", "text", "expected"), [
    # a plant named in a sentence with several makers is its own clause's; a place vehicles are shipped to
    # is no site, however far the verb; makers named as their plants' owners keep their plants
    ("Tariffs hit South Africa's car exporters", (
        "Other exporters depend less on American buyers. BMW builds the X3 in Gauteng mainly for Europe, and Ford "
        "ships the Ranger from its Silverton Assembly Plant in Pretoria to Europe and other markets. Toyota South "
        "Africa Motors sends Hilux pickups from its Prospecton plant in Durban to Europe.\n\nNorth Africa is calmer. "
        "Renault's factory near Tangier and Stellantis' plant in Kenitra, both in Morocco, send most of the cars "
        "they export to Europe, which has not raised its own duties on them."),
     [("Ford Motor Company", "Silverton plant", "Ford Ranger"), ("Renault Group", "Tangier plant", None),
      ("Stellantis", "Kenitra plant", None), ("Toyota South Africa Motors", "Prospecton plant", "Toyota Hilux")]),
    # a county GeoNames lacks after "<town>, in" is the town's area, not a town of another country
    ("Small makers spared in Britain", "McLaren assembles its cars at Woking, in Surrey.",
     [("McLaren Automotive", "Woking", None)]),
    # each model to the site its phrase names, or the one shortly before it in its part of the sentence
    ("Stellantis in Spain", ("The Figueruelas car plant, which builds the Opel Corsa, is one of the group's largest in "
                             "the country; its other Spanish factories make small vans in Vigo and the Citroën C4 in "
                             "Madrid."),
     [("Opel Automobile", "Zaragoza plant", "Opel Corsa"), ("Stellantis", "Madrid", "Citroën C4"),
      ("Stellantis", "Vigo", None)]),
    # ... and a model named after its site ("the Ram Rampage at Goiana") makes no pair of maker and site
    ("Stellantis keeps its Brazilian pickups", ("The company will keep making the Fiat Strada at Betim, in Minas "
                                                "Gerais, and the Fiat Toro and Ram Rampage at Goiana, in Pernambuco, "
                                                "because they serve other buyers than the new Fiat Titano."),
     [("FCA US", "Goiana", "Ram Rampage"), ("Stellantis", "Betim", "Fiat Strada"), ("Stellantis", "Goiana", "Fiat Toro"),
      ("Stellantis", "Goiana", "Ram Rampage")]),
    # a maker of a later clause about other works builds nothing at the site; one whose clause names
    # the place again does
    ("Others move the same way", ("Mercedes-Benz builds the electric EQS SUV at Vance, Alabama, with packs from its "
                                  "own battery plant in the state, and Ford and SK On are putting up cell factories "
                                  "in two neighbouring states."),
     [("Mercedes-Benz Group", "Vance", None)]),
    ("Scooter prices rise", ("Ather Energy did the same for the Ather 450X, made at its plant in Hosur, and TVS Motor "
                             "Company raised the price of the TVS iQube, which comes from its large factory in the same "
                             "town."),
     [("Ather Energy", "Hosūr", "Ather 450"), ("TVS Motor Company", "Hosūr", None)]),
])
def test_sites_and_models_of_the_eighth_rounds_articles(title: str, text: str, expected: list) -> None:
    """Round-8 articles (now in tune): "BMW builds the X3 in Gauteng ..., and Ford ships the Ranger from
    its Silverton Assembly Plant in Pretoria to Europe" gave BMW the Ford plant and Ford a site in
    Europe, and Renault and Stellantis, named only as their plants' owners, lost both plants to the
    maker of an earlier paragraph once "its" came up; "at Woking, in Surrey" gave McLaren a plant in Surrey, British
    Columbia; "small vans in Vigo and the Citroën C4 in Madrid" put the C4 and the Corsa at both towns;
    "the Ram Rampage at Goiana" made the Ram brand's owner the only builder there, and the Toro, the
    Rampage and the Titano went to Betim; "..., and Ford and SK On are putting up cell factories" gave
    Ford the Vance plant."""
    extraction = _extraction(title=title, text=text)
    assert sorted((f.manufacturer.label, f.site.label, f.model.label if f.model else None)
                  for f in extraction.production) == expected


@pytest.mark.parametrize(("line", "expected"), [
    (("Subaru's Thai plant closes Tan Chong Subaru Automotive (Thailand) stops building the Forester at Lat Krabang "
      "at the end of the year. Ann Lee"), {("Tan Chong Subaru Automotive (Thailand)", "Lat Krabang")}),
    (("Faisalabad adds the Tucson Hyundai Nishat Motor started assembling the SUV at its plant in Faisalabad, "
      "Pakistan, in 2020. Ann Lee"), {("Hyundai Nishat Motor", "Faisalabad")}),
    (("Who builds a KTM? Bajaj Auto makes the 390 Duke in Chakan, India, and CFMoto assembles the 790 Duke in "
      "Hangzhou, China. Ann Lee"), {("Bajaj Auto", "Chākan"), ("Zhejiang CFMoto Power", "Hangzhou")}),
    (("Olectra bets on BYD Olectra Greentech builds electric buses at its factory in Hyderabad using technology "
      "from its partner BYD. Ann Lee"), {("Olectra Greentech", "Hyderabad")}),
    # the one maker a clause names by itself builds the other's models there, and only its clause's
    (("BMW's electric scooter comes from Berlin BMW Motorrad builds the CE 04 at its Berlin plant, while Loncin "
      "assembles the petrol C 400 X and C 400 GT scooters for it in Chongqing. Ann Lee"),
     {("BMW AG", "Berlin"), ("Loncin Motor", "Chongqing")}),
    (("Renault Trucks goes electric in Bourg-en-Bresse The Volvo Group brand assembles the E-Tech T and E-Tech C "
      "beside its diesel models there, while the Master van it sells is built by Renault Group at Batilly, in "
      "Lorraine. Ann Lee"), {("Renault Group", "Batilly")}),
])
def test_national_units_contract_builders_and_bus_makers_of_the_eighth_round(line: str, expected: set) -> None:
    """Round-8 names (now in tune) that the reference data lacked: the builder was taken to be the
    brand's owner (Subaru, Hyundai, KTM, BMW), the maker of the parts (BYD), or the maker of the line
    before; once the E-Tech T was known, Renault Group was said to build it at Batilly."""
    assert {(f.manufacturer.label, f.site.label) for f in _extraction(line).production} == expected


def test_a_supplier_named_after_its_metal_or_mining_is_a_supplier():
    """Round 8 (now in tune): "Emirates Global Aluminium" and "Pilbara Lithium" were not taken for
    suppliers, since only names ending in Steel, Energy, Batteries and the like were."""
    extraction = _extraction("BMW buys solar aluminium BMW Group will buy aluminium made with solar power from "
                             "Emirates Global Aluminium and lithium from Pilbara Lithium for its Landshut foundry. "
                             "Ann Lee")
    suppliers = {m.entity.label for m in extraction.mentions if m.entity.type.value == "Supplier"}
    assert {"Emirates Global Aluminium", "Pilbara Lithium"} <= suppliers


def test_a_makers_subsidiary_described_by_its_possessive_builds_and_a_collapsed_maker_does_not():
    """Round 8 (now in tune): "Tata Motors' Korean subsidiary, bought after the collapse of Daewoo
    Motor, turns out trucks" gave the plant to Tata Motors and Daewoo Motor, not to Tata Daewoo, which
    the headline names; Tata Motors stays mentioned as itself."""
    extraction = _extraction("Tata Daewoo marks 30 years in Gunsan Tata Motors' Korean subsidiary, bought in 2004 "
                             "after the collapse of Daewoo Motor, turns out trucks at its plant in Gunsan. Ann Lee")
    assert {(f.manufacturer.label, f.site.label) for f in extraction.production} == {
        ("Tata Daewoo Mobility", "Gunsan truck plant")}
    assert "Tata Motors" in {m.entity.label for m in extraction.mentions}


@pytest.mark.parametrize(("line", "country"), [
    # a Pakistani company's Punjab plant is in Pakistan's Punjab
    (("Hyundai Nishat adds the Tucson Hyundai Nishat Motor assembles the Tucson at its Punjab plant. Ann Lee"), "PK"),
    # an Indian company's in India's
    (("Mahindra adds tractors Mahindra & Mahindra makes tractors at its Punjab plant. Ann Lee"), "IN"),
    # a place the text names settles it before any company's home does
    (("Hyundai Nishat adds the Tucson Hyundai Nishat Motor assembles the Tucson at its plant in Punjab, India. "
      "Ann Lee"), "IN"),
])
def test_a_region_two_countries_share_is_the_one_in_the_home_of_the_company_named(line: str, country: str) -> None:
    """Round 8 (now in tune): "Hyundai Nishat Motor ... its Punjab plant" was put in India, the only
    country with a Punjab in the reference data; Pakistan's provinces are now there too, and a name
    two countries share goes to the home country of a company the article names, where no place it
    names settles it."""
    extraction = _extraction(line)
    assert {f.site.country or f.site.key for f in extraction.production} == {country}


def _strategies(line: str) -> set[tuple[str, str | None]]:
    return {(s.strategy, s.actor.label if s.actor else None) for s in _extraction(line).strategies}


def test_a_model_change_at_a_plant_is_no_capacity_restructuring():
    """Ending a model at a plant where the maker starts or keeps building another was taken for
    capacity restructuring ("built its last Focus at Michigan Assembly Plant ..., started making the
    Ranger pickup there"), and the Ranger and Bronco ended with the Focus, since no comma and
    conjunction set their clause apart; a plant that only loses its model still is restructured,
    and a model in a relative clause after a closing site ends with it."""
    assert _production("Wayne swaps the Focus for the Ranger Ford built its last Focus at Michigan Assembly "
                       "Plant in May 2018, started making the Ranger pickup there late that year and added the "
                       "Bronco in 2021. Ann Lee") == {
        ("Ford Motor Company", "Michigan Assembly Plant", "ended", "Ford Focus"),
        ("Ford Motor Company", "Michigan Assembly Plant", "active", "Ford Ranger"),
        ("Ford Motor Company", "Michigan Assembly Plant", "active", "Ford Bronco")}
    assert ("Ford Motor Company", "Michigan Assembly Plant", "active", "Ford Focus") not in _production(
        "Ford shuts Wayne Ford will close Michigan Assembly Plant in 2018, where it makes the Ford Focus. Ann Lee")
    assert ("capacity-restructuring", "Ford Motor Company") not in _strategies(
        "Wayne swaps the Focus for the Ranger Ford built its last Focus at Michigan Assembly Plant in May 2018 "
        "and started making the Ranger pickup there late that year. Ann Lee")
    assert ("capacity-restructuring", "Ford Motor Company") in _strategies(
        "Ford ends the Focus in Wayne Ford built its last Focus at Michigan Assembly Plant in May 2018. Ann Lee")


def test_a_listing_lines_standfirst_that_names_no_company_goes_on_about_the_headlines():
    """Round 9 (now in tune): "Fiat brings the Panda home to Pomigliano | ... under chief executive
    Sergio Marchionne's plan to reshore volume to Italy" gave the regionalisation to nobody."""
    assert ("regionalisation", "Stellantis") in _strategies(
        "Fiat brings the Panda home to Pomigliano The new generation is rolling off the line under chief "
        "executive Sergio Marchionne's plan to reshore volume to Italy. Ann Lee")


def test_a_plant_abroad_and_globalisation_are_internationalisation():
    """Round 9 (now in tune): "the Chinese carmaker's first full-process plant abroad ... a step in
    the brand's globalisation" was no internationalisation."""
    assert ("internationalisation", "Great Wall Motor") in _strategies(
        "Great Wall Motor opens a plant in Tula The factory, the Chinese carmaker's first full-process plant abroad, "
        "has started building the Haval F7 as a step in the brand's globalisation. Ann Lee")


def test_a_bare_marque_two_companies_share_is_the_one_of_the_company_named():
    """Round 9 (now in tune): "Volvo Group picks Monterrey ... due to build Volvo and Mack trucks" read
    the bare Volvo as Volvo Cars, and found no town after "picks"."""
    extraction = _extraction("Volvo Group picks Monterrey for a truck plant The Swedish group will build Volvo and "
                             "Mack trucks at the Mexican factory from 2026. Ann Lee")
    assert {m.entity.label for m in extraction.mentions if m.text == "Volvo"} == {"Volvo Group"}
    assert "Volvo Cars" not in {f.manufacturer.label for f in extraction.production}
    assert "Monterrey" in {f.site.label for f in extraction.production}
    # (a company named another way keeps its marque: Renault, beside Volvo Group's Renault Trucks)
    extraction = _extraction("Flexis picks Sandouville Renault will build vans at Sandouville for Flexis, its joint "
                             "venture with Volvo Group. Ann Lee")
    assert {m.entity.label for m in extraction.mentions if m.text == "Renault"} == {"Renault"}


def test_status_cues_are_tried_strongest_first_whatever_the_files_order():
    """An active cue added among the ended ones ("making way for") put the active cues before the
    planned ones, so that a tie in distance went to the weaker cue: "will start production at its
    plant in Normal" became active."""
    from autokg.extract import _STRENGTH, _status_cues

    order = [group[0][1] for _, group in _status_cues()]
    assert order == sorted(order, key=lambda status: -_STRENGTH[status])
    facts = _production("Rivian pauses its Georgia plant Rivian has shelved plans to build the R2 in Georgia for now "
                        "and will start production at its plant in Normal, Illinois, in 2026. Ann Lee")
    assert ("Rivian", "Normal plant", "planned", "Rivian R2") in facts


def test_a_makers_name_as_a_surname_and_a_company_supplied_with_anothers_cars():
    """Round 9 (now in tune): "Manasi Tata, the company's vice-chairperson" made Tata Motors a
    producer at Bidadi and no person of Manasi Tata; "Maruti Suzuki supplies Toyota with the Glanza"
    made Toyota the Glanza's builder at Toyota's plant."""
    extraction = _extraction(title="Toyota Kirloskar grows at Bidadi", text=(
        "Toyota Kirloskar Motor builds the Toyota Fortuner at Bidadi. Manasi Tata, the company's vice-chairperson, "
        "praised the workforce. Maruti Suzuki supplies Toyota with the Glanza, built in its own Indian factories."))
    assert "Tata Motors" not in {f.manufacturer.label for f in extraction.production}
    assert ("Manasi Tata", "Toyota Kirloskar Motor") in {
        (a.person.label, a.organisation.label if a.organisation else None) for a in extraction.affiliations}
    assert {f.manufacturer.label for f in extraction.production if f.model and f.model.label == "Toyota Glanza"} == {
        "Maruti Suzuki India"}


def test_a_sea_is_no_town():
    """Round 9 (now in tune): "The North Sea plant" put the plant in Seattle, which GeoNames also
    calls "Sea"."""
    extraction = _extraction("Emden goes electric The North Sea plant has begun series production of the ID.4 for "
                             "Volkswagen. Ann Lee")
    assert "Seattle" not in {m.entity.label for m in extraction.mentions}


def test_a_place_known_only_as_a_plants_name_and_a_headline_that_says_nothing_of_when():
    """Round 9 (now in tune): "Nissan will build the Navara at its plant in Rosslyn" found no site,
    since GeoNames lists no Rosslyn; the plants file knows it as the name of Nissan's plant and of
    BMW's. The headline's fact, which says nothing of when, kept its default status over the text's
    plan."""
    extraction = _extraction(title="Nissan picks Rosslyn for the Navara", text=(
        "Nissan will build the Navara pick-up at its plant in Rosslyn, north of Pretoria, from 2020. BMW's Rosslyn "
        "plant a few kilometres away builds the X3."))
    facts = {(f.manufacturer.label, f.site.label, f.status.value, f.model.label if f.model else None)
             for f in extraction.production}
    assert ("Nissan Motor", "Nissan Rosslyn plant", "planned", "Nissan Navara") in facts
    assert ("Nissan Motor", "Nissan Rosslyn plant", "active", "Nissan Navara") not in facts
    assert ("BMW AG", "Plant Rosslyn", "active", "BMW X3") in facts


def test_a_client_named_in_the_standfirst_builds_nothing_and_is_not_what_the_text_goes_on_about():
    """Round 9 (now in tune): "Sandouville will build electric vans for the Flexis joint venture"
    made Flexis the builder at Sandouville, and then of the last Zoe at Flins, which the text
    speaks of next without naming a maker."""
    extraction = _extraction(title="Last Zoe leaves Flins as Renault turns the plant over to recycling", text=(
        "Car assembly ends at the site west of Paris, while Sandouville will build electric vans for the Flexis "
        "joint venture from 2026.\n\nThe last Renault Zoe came off the line at Flins-sur-Seine on Friday."))
    assert "Flexis" not in {f.manufacturer.label for f in extraction.production}
    assert ("Renault Group", "Renault Zoe") in {
        (f.manufacturer.label, f.model.label if f.model else None) for f in extraction.production}


def test_a_month_is_no_model():
    """Round 9 (now in tune): "halted the line in March 2022", in an article naming Nissan, was
    read as the Nissan March (the Micra) and gave Toyota a fact about it."""
    extraction = _extraction(title="Foreign carmakers leave Russia", text=(
        "Toyota had assembled the Camry in St Petersburg until a shortage of parts halted the line in March 2022. "
        "Nissan handed its own factory to the Russian state."))
    assert "Nissan Micra" not in {m.entity.label for m in extraction.mentions}


def test_an_idle_plant_builds_nothing():
    """Round 9 (now in tune): "the Russian company that bought Volkswagen's idle plant in Kaluga"
    gave the article's maker an active fact in Kaluga."""
    extraction = _extraction(title="Hyundai sells its Russian plant", text=(
        "Hyundai approved the sale of its St Petersburg factory to Art-Finance, the Russian company that bought "
        "Volkswagen's idle plant in Kaluga in May."))
    assert not {f for f in extraction.production if f.status.value == "active"}


@pytest.mark.parametrize(("line", "makers", "suppliers"), [
    (("GM-AvtoVAZ keeps the Niva going The venture of General Motors and AvtoVAZ in Tolyatti builds the Chevrolet "
      "Niva. Ann Lee"), {"GM-AvtoVAZ", "General Motors", "AvtoVAZ"}, set()),
    (("Renault opens its Oran plant The factory, held with state truck maker SNVI, builds the Symbol. Ann Lee"),
     {"Renault", "SNVI"}, set()),
    (("Xpeng leaves Haima Haima Automobile built the Xpeng G3 under contract in Zhengzhou. Ann Lee"),
     {"Haima Automobile", "XPeng"}, set()),
    (("Volkswagen assembles in Ghana Importer Universal Motors puts Volkswagen cars together in Accra under "
      "contract. Ann Lee"), {"Volkswagen"}, {"Universal Motors"}),
    (("Gunsan builds again Myoung Shin, a unit of MS Autotech, assembles electric vans in Gunsan under contract. "
      "Ann Lee"), set(), {"Myoung Shin", "MS Autotech"}),
])
def test_makers_and_contract_assemblers_of_the_ninth_round(line: str, makers: set[str], suppliers: set[str]) -> None:
    """Round 9 (now in tune): companies the reference data did not know (a joint venture, a national
    truck maker, a Chinese contract builder, contract assemblers in Ghana, Thailand and Korea)."""
    mentions = _extraction(line).mentions
    assert makers <= {m.entity.label for m in mentions if m.entity.type.value in ("Manufacturer", "ManufacturerGroup", "Brand")}
    assert suppliers == {m.entity.label for m in mentions if m.entity.type.value == "Supplier"}


def test_a_plant_a_maker_opens_abroad_is_internationalisation():
    """Production abroad was internationalisation only where it was planned; the annotators also
    mark a plant that opens and builds abroad ("Audi opens its first North American plant"), while
    a plant abroad that only goes on building is not."""
    assert ("internationalisation", "Audi AG") in _strategies(
        "Audi opens its first North American plant The factory in the Mexican state of Puebla started building "
        "the Audi Q5 in September 2016. Ann Lee")
    assert ("internationalisation", "Audi AG") not in _strategies(
        "Audi raises Q5 output in Mexico The factory in the Mexican state of Puebla builds the Audi Q5 for "
        "global markets. Ann Lee")


@pytest.mark.parametrize(("line", "code"), [
    (("Ford ends the Mondeo in Valencia The plant stopped building the car in 2022 as the carmaker streamlined its "
      "European range. Ann Lee"), "portfolio-streamlining"),
    (("Nissan drops the Titan The carmaker built its last pickup at Canton in 2024, pruning its US line-up. Ann Lee"),
     "portfolio-streamlining"),
    (("Renault halves its platforms The group's plan cuts the number of vehicle platforms from six to three. Ann Lee"),
     "portfolio-streamlining"),
    (("Mitsubishi Motors to close its Pajero plant Shutting the factory in 2021 is part of a plan to cut fixed costs "
      "by 20 per cent. Ann Lee"), "profitability"),
    (("Ford to stop building cars in India after a decade of losses The carmaker will end assembly in Sanand. "
      "Ann Lee"), "profitability"),
    (("Torslanda becomes Volvo Cars' first climate-neutral plant The carmaker said its oldest factory now runs on "
      "climate-neutral electricity. Ann Lee"), "decarbonisation"),
    (("Solar power for every Ford plant in Michigan Ford's Michigan plants will run on carbon-free electricity by "
      "2025. Ann Lee"), "decarbonisation"),
    (("Ford goes straight to a chipmaker After a chip shortage idled its lines, Ford agreed to work with "
      "GlobalFoundries on chips for its vehicles. Ann Lee"), "supply-chain-resilience"),
    (("Supplier hack stops Toyota's plants A cyberattack on a parts maker halted 28 lines, putting Toyota's "
      "just-in-time supply chain under scrutiny. Ann Lee"), "supply-chain-resilience"),
    (("Bajaj Auto is back to full output Chetak production recovered in Pune once rare-earth magnets from China "
      "arrived again. Ann Lee"), "supply-chain-resilience"),
    (("BMW opens its first Brazilian plant to get round import taxes Series production at Araquari began with the "
      "BMW 3 Series. Ann Lee"), "regionalisation"),
    (("Volvo Cars starts EX30 production in Ghent Building the small SUV in Belgium follows the carmaker's strategy "
      "of making cars where they sell. Ann Lee"), "regionalisation"),
    (("Harley-Davidson builds a factory in Thailand The plant in Rayong assembles kits to escape import duties on "
      "motorcycles. Ann Lee"), "regionalisation"),
    # (the tenth round's)
    (("Mercedes-Benz assembles the EQS near Pune The saloon is built at Chakan, avoiding the higher duty on "
      "imported cars. Ann Lee"), "regionalisation"),
    (("JAC's plant in Bahia The factory was meant to get around Brazil's higher tax on imported cars. Ann Lee"),
     "regionalisation"),
    (("Stellantis expands Kenitra The Moroccan plant will raise output, and local sourcing is to reach 75 per "
      "cent. Ann Lee"), "regionalisation"),
    (("Toyota Kirloskar adds a plant at Bidadi The unit will build the Innova, and its lines will be ready for "
      "any powertrain. Ann Lee"), "powertrain-flexibility"),
    (("Nissan shows its Intelligent Factory in Tochigi The plant builds electric, e-Power and petrol models on "
      "one line. Ann Lee"), "powertrain-flexibility"),
    (("Nissan's Tochigi plant lets robots build the Ariya The line in Kaminokawa is a showcase. Ann Lee"),
     "digitalisation"),
    (("Ashok Leyland opens a bus plant in Ras Al Khaimah The 50:50 venture with the emirate's investment "
      "authority will assemble school buses. Ann Lee"), "partnership"),
    (("Ford's last Fusion rolls off in Hermosillo Its end completes Ford's exit from cars in North America. "
      "Ann Lee"), "portfolio-streamlining"),
])
def test_strategy_cues_of_the_ninth_and_tenth_rounds(line: str, code: str) -> None:
    """Phrasings that were no strategy cues: "streamlined its European range", "pruning its US
    line-up" and "the number of vehicle platforms" (portfolio streamlining); "cut fixed costs" and "a
    decade of losses" (profitability); "climate-neutral" and "carbon-free electricity"
    (decarbonisation); a chip shortage, a just-in-time supply chain and rare-earth magnets
    (supply-chain resilience); "to get round import taxes", "making cars where they sell", "import
    duties", "duty on imported cars", "tax on imported cars" and "local sourcing" (regionalisation);
    "ready for any powertrain" and "on one line" (powertrain flexibility); robots (digitalisation); "venture
    with" (partnership); "exit from cars" (portfolio streamlining)."""
    assert code in {c for c, _ in _strategies(line)}


def test_a_clients_model_in_a_relative_clause_is_built_by_the_maker_the_article_is_about():
    """Round 9 (now in tune): "The Coahuila plant, which builds the Prologue for Honda alongside the
    Chevrolet Blazer EV" made Honda, the client, the Prologue's builder at Ramos Arizpe."""
    facts = _production("GM drops a shift at Ramos Arizpe as Honda slows the Prologue The Coahuila plant, which "
                        "builds the Prologue for Honda alongside the Chevrolet Blazer EV, went back to two shifts. "
                        "Ann Lee")
    assert {maker for maker, _, _, _ in facts} == {"General Motors"}
    assert ("General Motors", "Ramos Arizpe", "active", "Honda Prologue") in facts


def test_a_president_in_lower_case_is_a_companys_and_in_capitals_a_head_of_state():
    """Round 9 (now in tune): "..., president Dan Ammann said" tied Dan Ammann to nobody, as if he were
    a head of state; "President Joko Widodo" still is one."""
    extraction = _extraction("GM quits Russia General Motors will halt output at its St Petersburg factory by "
                             "mid-2015, president Dan Ammann said. Ann Lee")
    assert ("Dan Ammann", "General Motors") in {
        (a.person.label, a.organisation.label if a.organisation else None) for a in extraction.affiliations}
    extraction = _extraction("Hyundai opens a cell plant Hyundai Motor Group started making cells in Karawang, and "
                             "President Joko Widodo attended the opening. Ann Lee")
    assert "Joko Widodo" not in {a.person.label for a in extraction.affiliations if a.organisation}


@pytest.mark.parametrize(("line", "person"), [
    (("Honda delays its Ontario EV plant The project is on hold for two years; Ontario premier Doug Ford says the "
      "carmaker remains committed. Ann Lee"), "Doug Ford"),
    (("Chery comes to Barcelona Ebro will assemble Chery's Omoda models in the Zona Franca; prime minister Pedro "
      "Sánchez attended the signing. Ann Lee"), "Pedro Sánchez"),
])
def test_a_role_before_a_name_makes_it_a_persons_whatever_shares_it(line: str, person: str) -> None:
    """"premier Doug Ford" was Ford Motor Company and no person, and "prime minister Pedro Sánchez"
    no person, since a town in the Dominican Republic has his name."""
    extraction = _extraction(line)
    assert person in {m.entity.label for m in extraction.mentions if m.entity.type.value == "Person"}
    assert "Ford Motor Company" not in {m.entity.label for m in extraction.mentions}


def test_initials_name_a_person_beside_a_role():
    """"chief minister N. Chandrababu Naidu" and "chairman B. Govindarajan" were no people; initials
    alone ("U.S. Steel said") still name nobody."""
    people = {m.entity.label for m in _extraction(
        "Isuzu opens its Indian plant Andhra Pradesh chief minister N. Chandrababu Naidu inaugurated the factory, "
        "and chief executive B. Govindarajan of Eicher Motors attended. Ann Lee").mentions
        if m.entity.type.value == "Person"}
    assert {"N. Chandrababu Naidu", "B. Govindarajan"} <= people
    people = {m.entity.label for m in _extraction(
        "Ford buys greener steel Ford agreed to buy steel from U.S. Steel, the company said. Ann Lee").mentions
        if m.entity.type.value == "Person"}
    assert not people


@pytest.mark.parametrize(("line", "expected"), [
    (("Ford readies the Bronco for Wayne Assembly of the revived SUV will start at the Michigan plant in "
      "2020. Ann Lee"), {("Ford Motor Company", "Wayne", "planned", "Ford Bronco")}),
    (("Toyota shows the bZ3 in Beijing The electric saloon will be built by BYD in Changsha from next year, "
      "while the SUV market grows. Ann Lee"), {("BYD", "Changsha", "planned", "Toyota bZ3")}),
    (("Ford builds its last British Transit in Southampton The plant shut in 2013, and Ford Otosan now makes the "
      "van at its plant in Kocaeli province, Turkey. Ann Lee"),
     {("Ford Motor Company", "Southampton", "ended", "Ford Transit"), ("Ford Otosan", "Kocaeli", "active", "Ford Transit")}),
])
def test_a_vehicle_named_by_its_kind_is_the_one_model_named_before(line, expected):
    """"the revived SUV", "the electric saloon", "the van" in a standfirst stand for the headline's one model;
    they were no model, so the fact had none, or no fact was made ("the SUV market" is none)."""
    assert _production(line) == expected


def test_a_town_after_leaves_a_hyphenated_town_and_psas_full_name():
    """"the last ... leaves Termini Imerese" gave no town (only Sicily), "Aulnay-sous-Bois" was read
    as "Aulnay-sous-", and "PSA Peugeot Citroën" was not the group that Groupe PSA, an alias of
    Stellantis, names."""
    sites = {site for _, site, _, _ in _production(
        "Fiat pulls out of Sicily as the last Lancia Ypsilon leaves Termini Imerese The group ended car assembly at "
        "the island plant in November 2011. Ann Lee")}
    assert "Termini Imerese" in sites
    facts = _production(
        "The Aulnay plant closes PSA Peugeot Citroën ended production of the Citroën C3 at its plant in "
        "Aulnay-sous-Bois, near Paris, in October 2013. Ann Lee")
    # (a town under 100,000 is found in the country of a city named after it)
    assert facts == {("Stellantis", "Aulnay-sous-Bois", "ended", "Citroën C3")}


@pytest.mark.parametrize(("line", "expected"), [
    # breaking ground is about a plant, and work started on one is a plan
    (("Scout Motors breaks ground in Blythewood The Volkswagen-backed company started work in February 2024 "
      "on its plant north of Columbia, South Carolina, due to build SUVs from 2027. Ann Lee"),
     {("Scout Motors", "Blythewood", "planned", None)}),
    (("Toyota starts work on a plant in Blythewood The carmaker started work on its plant in Blythewood, "
      "South Carolina, in 2024. Ann Lee"), {("Toyota Motor Corporation", "Blythewood", "planned", None)}),
    # a plan turned down is cancelled
    (("India turns down a BYD car plant The government turned down BYD's proposal to build electric cars in "
      "Hyderabad in July 2023. Ann Lee"), {("BYD", "Hyderabad", "cancelled", None)}),
    # a carmaker that scrapped its car before production is a maker, not an appliance firm
    (("Dyson scraps its car and the plant meant to build it The company had planned to make the car in "
      "Singapore from 2021. Ann Lee"), {("Dyson", "Singapore", "cancelled", None)}),
])
def test_ground_breaking_work_started_plans_turned_down_and_a_would_be_maker(line, expected):
    """"breaks ground" named no production, "started work on its plant" was active, "turned down"
    cancelled nothing, and Dyson was typed as a firm that makes no vehicles."""
    assert _production(line) == expected


def test_clauses_of_time_and_a_plant_that_has_not_built_a_car_since():
    """"Honda will shut a Guangzhou factory, a month after Nissan closed Changzhou" put Nissan in
    Guangzhou (no clause boundary, and no town after "closed"), and "has not built a car in Changsha
    since March 2023" was active."""
    facts = _production(
        "Honda to close a plant in China Honda will shut a Guangzhou factory and idle another in Wuhan, a "
        "month after Nissan closed Changzhou. Ann Lee")
    assert {(maker, site) for maker, site, _, _ in facts} == {("Honda Motor Co.", "Guangzhou"), ("Honda Motor Co.", "Wuhan")}
    assert _production("Mitsubishi leaves China GAC Mitsubishi has not built a car in Changsha since March 2023, "
                       "the company said. Ann Lee") == {("GAC Mitsubishi Motors", "Changsha", "ended", None)}


def test_a_fortnight_after_and_a_seaboard_is_no_person():
    """"a fortnight after BYD inaugurated its own plant" gave BYD the Rayong factory of GAC Aion's
    clause, and "Thailand's Eastern Seaboard" was a person."""
    line = ("GAC Aion opens a plant in Thailand GAC Aion opened its first factory outside China on Wednesday in "
            "Rayong province, on Thailand's Eastern Seaboard, a fortnight after BYD inaugurated its own plant in "
            "the same province on 4 July. Ann Lee")
    assert _production(line) == {("GAC Aion", "Rayong", "active", None)}
    assert not any(m.entity.type.name == "PERSON" for m in _extraction(line).mentions)


@pytest.mark.parametrize(("line", "expected"), [
    (("Vespa goes electric in Pontedera Piaggio, chaired by Roberto Colaninno, began building the scooter at its "
      "Tuscan plant in 2018. Ann Lee"), {("Roberto Colaninno", "piaggio")}),
    (("Hyundai's Alabama plant adds the GV70 Production began in Montgomery in 2023. Ernie Kim, who heads the "
      "plant, says it is evolving towards electric cars. Ann Lee"), {("Ernie Kim", "hyundai-motor-company")}),
    (("Subaru adds the Impreza in Lafayette The Indiana plant began building the Impreza in 2016. Tom Easterday, "
      "the plant's executive vice president, says the model offsets lost work. Ann Lee"),
     {("Tom Easterday", "subaru")}),
    (("Volkswagen starts Taos production in General Pacheco The SUV went into production in 2021. Thomas "
      "Owsianski, who runs Volkswagen in Argentina, says the plant matters to the region. Ann Lee"),
     {("Thomas Owsianski", "volkswagen-group")}),
])
def test_people_tied_to_a_company_chairing_it_to_the_plant_they_run_or_to_a_brand_they_run(line, expected):
    """"Piaggio, chaired by ...", "who heads the plant", "the plant's executive vice president" and
    "who runs Volkswagen in Argentina" tied the person to nobody."""
    extraction = _extraction(line)
    tied = {(a.person.label, a.organisation.key) for a in extraction.affiliations}
    assert tied == expected


@pytest.mark.parametrize(("line", "expected"), [
    # a headline's "last ... rolls off" ends the model there
    (("Ford's last Fusion rolls off in Hermosillo The Sonora plant will build the Bronco Sport from September. "
      "Ann Lee"), ("Ford Motor Company", "Hermosillo", "ended", "Ford Fusion")),
    # what "was to have" started never did
    (("Sono Motors scraps the Sion The start-up's contract builder was to have started production in "
      "Uusikaupunki, Finland, in 2023. Ann Lee"), ("Sono Motors", "Uusikaupunki", "cancelled", None)),
    # a plant given up on is cancelled
    (("JAC's car factory in Bahia A foundation stone went down in Camaçari in 2012, but JAC Motors gave up on "
      "the plant once the market collapsed. Ann Lee"), ("JAC Motors", "Camaçari", "cancelled", None)),
    # ... but not a plant already building
    (("Tesla rethinks Mexico Tesla builds the Model Y in Fremont, but shelved the plant. Ann Lee"),
     ("Tesla", "Fremont", "active", "Tesla Model Y")),
    # laying foundations is a plan
    (("Yutong lays foundations for Qatar's first e-bus plant The factory south of Doha will build 300 "
      "buses a year. Ann Lee"), ("Yutong Bus", "Qatar", "planned", None)),
])
def test_status_of_a_last_model_rolling_off_a_start_that_was_to_have_been_a_plant_given_up_on_and_foundations(
        line, expected):
    """"last Fusion rolls off" was active, "was to have started" and "gave up on the plant" (in a
    later clause than the plan's place) were no cancellations, and "lays foundations" was no plan."""
    assert expected in _production(line)


def test_a_contract_assembler_is_a_supplier_and_its_client_builds():
    """Gwangju Global Motors, which builds the Casper for Hyundai under contract, was a manufacturer
    with a plant of its own, so the Casper was its; like the other contract assemblers it is a
    supplier, and Hyundai builds the Casper in Gwangju."""
    line = ("Hyundai starts the Casper Electric in Gwangju Gwangju Global Motors began building the Casper "
            "Electric for Hyundai in Gwangju in July 2024. Ann Lee")
    assert _production(line) == {("Hyundai Motor Company", "Gwangju", "active", "Hyundai Casper")}
    assert {m.entity.type.name for m in _extraction(line).mentions if m.entity.label == "Gwangju Global Motors"} \
        == {"SUPPLIER"}


def test_a_makers_regional_division_is_the_maker():
    """"Ford of Europe" and "Nissan Europe" were minted as companies of their own: their people were
    nobody the article's maker employs, and "Ford of Europe president Stephen Odell" no longer
    marked Ford as the employer named beside a role, so Ford built at Ford Otosan's plant."""
    line = ("Ford ends Transit output in Southampton The factory shut in 2013 and Ford Otosan now makes the van at "
            "its plant in Kocaeli province, Turkey, which Ford of Europe president Stephen Odell said could build "
            "any commercial vehicle. Ann Lee")
    extraction = _extraction(line)
    assert not any("Europe" in m.entity.label for m in extraction.mentions if m.entity.type.is_company)
    assert {(a.person.label, a.organisation.key) for a in extraction.affiliations} == {
        ("Stephen Odell", "ford-motor")}
    assert ("Ford Motor Company", "Kocaeli") not in {(maker, site) for maker, site, _, _ in _production(line)}


def test_a_headlines_as_clause_has_its_own_maker_and_place():
    """"Honda ends the Acura ZDX as GM keeps building the Prologue in Mexico" ended the ZDX in
    Mexico: "as" with a subject and a verb after it starts a clause of its own."""
    facts = _production("Honda ends the Acura ZDX as GM keeps building the Prologue in Mexico The electric SUV "
                        "was made for Honda in Tennessee. Ann Lee")
    assert ("Honda Motor Co.", "Mexico") not in {(maker, site) for maker, site, _, _ in facts}
    assert ("General Motors", "Mexico", "active", "Honda Prologue") in facts


def test_makers_of_a_plan_for_termini_imerese_and_of_trolleybuses_are_known():
    """"DR Motor plans to assemble cars at the Sicilian site" and "Škoda Transportation" named no
    known company."""
    extraction = _extraction("Fiat leaves Sicily DR Motor plans to assemble cars at the Termini Imerese plant, "
                             "while Škoda Transportation buys the bus maker Temsa. Ann Lee")
    names = {m.entity.label for m in extraction.mentions if m.entity.type.is_company and m.entity.linked}
    assert {"DR Automobiles", "Škoda Transportation"} <= names


def test_a_maker_concentrating_output_at_a_plant_goes_on_there():
    """"as Honda shuts its Sayama car plant and concentrates output at nearby Yorii" ended Yorii too."""
    facts = _production("Honda closes Sayama The models go out of production by the end of 2021 as Honda shuts its "
                        "Sayama car plant and concentrates output at nearby Yorii. Ann Lee")
    assert ("Honda Motor Co.", "Yorii", "active", None) in facts


def test_the_place_a_known_plant_is_in_is_no_second_site():
    """"its Sayama car plant in Saitama" also ended production in the city of Saitama, which is not
    where the plant is; a place near that one is no site either."""
    facts = _production("Honda closes Sayama Honda shuts its Sayama car plant in Saitama by the end of 2021. Ann Lee")
    assert {site for _, site, _, _ in facts} == {"Sayama plant"}
    facts = _production("Renault's Kardian is made in Paraná The SUV has come off the line at the Ayrton Senna "
                        "Complex in São José dos Pinhais, near Curitiba, since 2024. Ann Lee")
    assert "Curitiba" not in {site for _, site, _, _ in facts}


def test_a_rival_named_after_against_builds_nothing_there():
    """"plans to take it nationwide against Ola Electric and Ather Energy" had both rivals build the
    Vida V1 at Hero's plant in Chittoor."""
    facts = _production("Hero MotoCorp builds its e-scooter in Chittoor The Vida V1 is made at the company's plant in "
                        "Chittoor, and Hero plans to take it nationwide against Ola Electric and Ather Energy. Ann Lee")
    assert {maker for maker, _, _, _ in facts} == {"Hero MotoCorp"}


def test_an_investment_so_that_assembly_can_start_is_a_plan():
    """"is putting €5m into its Kedah factory so that local assembly ... can start by the end of 2025"
    was active."""
    facts = _production("Leapmotor C10 to be assembled in Malaysia Stellantis is putting €5m into its Kedah factory so "
                        "that local assembly of the C10 can start by the end of 2025. Ann Lee")
    assert {status for maker, _, status, _ in facts if maker == "Stellantis"} == {"planned"}


@pytest.mark.parametrize(("line", "maker", "site"), [
    (("FSO ends its licence deal The Żerań plant in Warsaw assembled its last small Chevrolet in 2011, FSO "
      "said. Ann Lee"), "FSO", "Warsaw"),
    (("StreetScooter ends van output in Düren The electric-van maker stopped building vans at its plant in "
      "Düren in 2020. Ann Lee"), "StreetScooter", "Düren"),
    (("Zoox builds robotaxis in Hayward Zoox has started building its vehicles at a plant in Hayward, "
      "California. Ann Lee"), "Zoox", "Hayward"),
    (("GAC-FCA halts Jeep output in Changsha The joint venture stopped building the Jeep Compass at its "
      "plant in Changsha. Ann Lee"), "GAC-FCA", "Changsha"),
    # (and national companies and joint ventures of the twelfth round)
    (("Ford Australia ends car making The company built its last Falcon at its plant in Broadmeadows, "
      "Victoria, in October 2016. Ann Lee"), "Ford Australia", "Broadmeadows"),
    (("Eicher Polaris closes its plant Eicher Polaris stopped building the Multix at its plant in Jaipur "
      "in 2018. Ann Lee"), "Eicher Polaris", "Jaipur"),
    (("NUMMI closes in Fremont NUMMI built its last Toyota Corolla at its plant in Fremont in 2010. "
      "Ann Lee"), "New United Motor Manufacturing, Inc.", "Fremont"),
    (("Aurus starts the Senat in Yelabuga Aurus began building the sedan at its plant in Yelabuga, "
      "Tatarstan, in 2021. Ann Lee"), "Aurus", "Yelabuga"),
    # (a contract assembler is a supplier: the brand's owner is the maker)
    (("Great Wall cars from Lovech Litex Motors began assembling the Great Wall Voleex C10 at its plant in "
      "Lovech, Bulgaria, in 2012. Ann Lee"), "Great Wall Motor", "Lovech"),
])
def test_makers_the_reference_data_lacked_are_known(line, maker, site):
    """FSO, StreetScooter, Zoox, GAC-FCA and other makers of the eleventh evaluation round, and national
    companies and joint ventures of the twelfth (Ford Australia, Eicher Polaris, NUMMI ...), were not in
    the reference data and not recognised by name, so their production went unseen."""
    assert (maker, site) in {(m, s) for m, s, _, _ in _production(line)}


def test_a_town_in_a_named_companys_home_country_and_a_town_listed_after_another():
    """"plants in Aachen and Düren" gave Aachen only: Düren (93,000 people) is under the 100,000 a town
    needs in an article that names no country. A town listed after another is of that town's country,
    and a town of 15,000 or more in the home country of a company the article names counts, unless a
    place the article names lies in another country ("Ellesmere Port in Cheshire")."""
    listed = _production("Vans end in Germany's west StreetScooter will stop production at its plants in "
                         "Aachen and Düren during 2020. Ann Lee")
    assert {site for _, site, _, _ in listed} == {"Aachen", "Düren"}
    alone = _production("StreetScooter winds down StreetScooter will stop building vans in Düren during "
                        "2020. Ann Lee")
    assert {site for _, site, _, _ in alone} == {"Düren"}
    british = _extraction("Ford and Stellantis in Britain Stellantis builds vans at Ellesmere Port in Cheshire, "
                          "and Ford makes engines in Dagenham. Ann Lee")
    assert not any(m.entity.label == "Cheshire" for m in british.mentions)


@pytest.mark.parametrize(("line", "status"), [
    (("BMW starts CE 04 series production in Berlin The electric maxi-scooter went into series production at "
      "BMW's motorcycle plant in the German capital on 8 November 2021, succeeding an older scooter, which was "
      "built there from 2014 to 2020. Ann Lee"), "active"),
    (("Renault's Flins loses its last Nissan The Nissan Micra went out of production at Renault's plant in "
      "Flins in 2023. Ann Lee"), "ended"),
    (("A first hydrogen bus in Ballymena Wrightbus saw its first fuel-cell bus leave the production line in "
      "Ballymena in 2020. Ann Lee"), "active"),
    (("Opel leaves Antwerp The final Astra leaves the line at Opel's plant in Antwerp in December 2010. Ann Lee"),
     "ended"),
])
def test_going_into_or_out_of_production_and_leaving_the_line(line, status):
    """"went into series production" gave a planned fact, "went out of production" an active one, and
    "its first bus leave the production line" ended production ("leave" is a cue for ending); the
    first vehicle off a line starts production, the final one ends it."""
    assert {s for _, _, s, _ in _production(line)} == {status}


def test_a_northern_irish_company_is_british():
    """"the Northern Irish bus maker" was read as Irish: Ireland."""
    extraction = _extraction("Wrightbus gets a new owner Jo Bamford bought the Northern Irish bus maker out of "
                             "administration in 2019. Ann Lee")
    assert {m.entity.label for m in extraction.mentions if m.entity.type.value == "Country"} == {"United Kingdom"}


@pytest.mark.parametrize(("line", "status"), [
    (("Lotus drops production deal with Geely in Hangzhou The British maker said the city would not get its "
      "next sports car. Ann Lee"), "cancelled"),
    (("Chery puts its Jacareí factory on ice Chery says there is no intention of building cars at the plant in "
      "Jacareí for now. Ann Lee"), "cancelled"),
    ("Tata begins work on its Sanand plant The factory in Sanand is to start production in 2027. Ann Lee",
     "planned"),
    ("Renault and Geely end their talks Renault will instead keep running its plant in Busan on its own. Ann Lee",
     "active"),
    (("Volvo opens its truck plant in China Its plant in Rugao, Jiangsu province, licensed to build 30,000 trucks "
      "a year, runs on green power. Ann Lee"), "active"),
])
def test_status_cues_of_the_eleventh_round(line, status):
    """"drops ... production deal" and "puts ... on ice" gave active production, "no intention of building"
    nothing, "begins work on" active, "will keep running" planned, and a plant "licensed to build" so
    many trucks a year a plan."""
    assert {s for _, _, s, _ in _production(line)} == {status}


def test_a_state_before_car_plant_a_town_after_st_and_a_final_model():
    """"its Ontario car plant" gave no site (only "Ontario plant" did), "St. Thomas" was no town (the
    abbreviation stopped the town's name), "built its final Crown Victoria" was active production
    (only "last" ended it), and the Mercury Grand Marquis became a "Ford Mercury Grand"."""
    assert _production("Ford shuts its Ontario car plant The plant built its final Ford Focus in 2011. "
                       "Ann Lee") == {("Ford Motor Company", "Ontario", "ended", "Ford Focus")}
    facts = _production("Last Crown Victoria leaves St. Thomas The plant near St. Thomas, Ontario, built its "
                        "final Ford Crown Victoria and Mercury Grand Marquis in September 2011. Ann Lee")
    assert {(site, status, model) for _, site, status, model in facts} == {
        ("St. Thomas", "ended", "Ford Crown Victoria"), ("St. Thomas", "ended", "Mercury Grand Marquis")}


def test_a_town_before_lines():
    """"KTM restarts Mattighofen lines": a town before "lines" is where they are."""
    extraction = _extraction("KTM restarts Mattighofen lines after a shutdown The Austrian motorcycle maker "
                             "resumed production in July. Ann Lee")
    assert "Mattighofen" in {m.entity.label for m in extraction.mentions}


def test_a_sum_of_money_or_an_adjective_of_origin_is_no_model():
    """"Perodua ... the RM790m factory" minted a model "Perodua RM790m", and "Proton ... the Geely-based
    SUV" a "Proton Geely-based"."""
    for line in (("Perodua adds a plant at Rawang Perodua says the RM790m factory will build 100,000 cars a "
                  "year. Ann Lee"),
                 ("Proton builds an SUV in Tanjung Malim Proton has begun assembling the Geely-based SUV at its "
                  "plant in Tanjung Malim. Ann Lee")):
        assert not [m for m in _extraction(line).mentions if m.entity.type.value == "VehicleModel"]


def test_models_named_before_a_vehicle_noun_in_pairs_and_for_two_wheelers():
    """"assemble Actros and Accelo trucks" and "the new Dash scooter" gave no model (the vehicle nouns
    were car kinds only, and the first of a pair was never taken); "the Flemish bus maker" must not
    give a model "Flemish"; Hero is Hero MotoCorp's marque (Hero Electric and Hero Cycles are rows of
    their own)."""
    def models(line: str) -> set[str]:
        return {m.entity.label for m in _extraction(line).mentions if m.entity.type.value == "VehicleModel"}

    assert models("Mercedes-Benz turns Juiz de Fora to trucks The plant will assemble Actros and Accelo trucks "
                  "from 2012. Ann Lee") == {"Mercedes-Benz Actros", "Mercedes-Benz Accelo"}
    assert models("Hero MotoCorp opens a plant in Colombia Ten models including the new Dash scooter will be "
                  "built in Villa Rica. Ann Lee") == {"Hero Dash"}
    assert not models("VDL takes over a coach business VDL bought the Flemish bus maker's coach arm in 2024. "
                      "Ann Lee")


def test_people_after_a_title_inside_a_run_of_capitals_and_an_employer_before_a_role():
    """"in Dammam Commerce and Industry Minister Tawfiq Al-Rabiah" gave no person (the run of
    capitals hid the title), nor did "Chief Minister M.K. Stalin" (initials counted only beside a role
    in lower case); "Deutsche Post chief executive Frank Appel" made "Deutsche Post" a person and tied
    Frank Appel to the maker of the article."""
    def people(line: str) -> set[tuple[str, str | None]]:
        extraction = _extraction(line)
        tied = {a.person.label: a.organisation.label if a.organisation else None for a in extraction.affiliations}
        return {(m.entity.label, tied.get(m.entity.label)) for m in extraction.mentions
                if m.entity.type.value == "Person"}

    assert people("Isuzu opens a truck plant in Dammam Commerce and Industry Minister Tawfiq Al-Rabiah drove "
                  "the first truck off the line. Ann Lee") == {("Tawfiq Al-Rabiah", None)}
    assert people("Hyundai breaks ground in Tamil Nadu Chief Minister M.K. Stalin laid the foundation stone near "
                  "Chennai. Ann Lee") == {("M.K. Stalin", None)}
    assert people("StreetScooter to stop vans StreetScooter will stop production in Aachen in 2020, Deutsche "
                  "Post chief executive Frank Appel said. Ann Lee") == {("Frank Appel", "Deutsche Post")}


def test_a_first_name_and_a_makers_name_before_told_are_a_person():
    """"James Dyson told staff" named the maker Dyson, not the person."""
    extraction = _extraction("Dyson drops its car Company founder James Dyson told staff the car could not make "
                             "money. Ann Lee")
    assert "James Dyson" in {m.entity.label for m in extraction.mentions if m.entity.type.value == "Person"}


def test_a_bare_marque_in_an_article_about_another_companys_brand_of_that_name():
    """"Volvo Trucks ... a battery plant Volvo is completing" took the bare Volvo for Volvo Cars' marque,
    and with it gave Volvo Cars the Ghent plant the article gives to the truck maker."""
    extraction = _extraction(title="Volvo Trucks starts electric truck production at Tuve",
                             text="Volvo Trucks has begun series production of the FH Electric at its Tuve plant "
                                  "in Gothenburg. Its plant in Ghent, Belgium, is to start building the three "
                                  "models next year, supplied with packs from a battery plant Volvo is "
                                  "completing on the same site.")
    assert "volvo" not in {m.entity.key for m in extraction.mentions}
    assert {(f.manufacturer.label, f.site.label) for f in extraction.production} == {
        ("Volvo Group", "Tuve plant"), ("Volvo Group", "Gent")}


def test_a_plant_that_imports_arrive_from_is_no_site():
    """"will arrive fully built from its plant in Madrid" made Madrid a planned Iveco site in an article
    about the end of assembly in Australia: where imports come from is no production site."""
    facts = _production("Iveco to end truck assembly in Australia Iveco will stop building trucks at its plant "
                        "in Dandenong, Victoria, in June; after that its heavy trucks will arrive fully built "
                        "from its plant in Madrid. Ann Lee")
    assert {site for _, site, _, _ in facts} == {"Dandenong"}


def test_green_electricity_biogas_and_solar_generation_decarbonise_and_automated_welding_digitalises():
    """"runs on biogas and certified green electricity" and "draws its electricity from its own solar
    generation" were no decarbonisation, "more automated welding" no digitalisation."""
    assert ("decarbonisation", "Traton") in _strategies(
        "Scania opens a truck plant in China The plant in Rugao runs on biogas and certified green electricity. "
        "Ann Lee")
    assert ("decarbonisation", "Renault Group") in _strategies(
        "Renault builds the Kardian in Brazil The plant in Curitiba draws its electricity from its own solar "
        "generation, Renault says. Ann Lee")
    assert ("digitalisation", "Perodua") in _strategies(
        "Perodua adds a plant in Rawang Perodua's second factory will use more automated welding. Ann Lee")


def test_a_role_of_the_brand_or_company_the_article_is_about():
    """"Eduardo Pincigher, corporate affairs director of the Chinese brand in Brazil" tied him to no one:
    two words before the role, and a place's adjective after "of the" taken for the employer."""
    extraction = _extraction("JAC Motors puts its Camaçari factory on ice Eduardo Pincigher, corporate affairs "
                             "director of the Chinese brand in Brazil, says the plant will not be built for now. "
                             "Ann Lee")
    assert {(a.person.label, a.organisation.label if a.organisation else None)
            for a in extraction.affiliations} == {("Eduardo Pincigher", "JAC Motors")}


def test_the_first_of_two_towns_before_a_plural_plant_noun():
    """"keep running its Chennai and Sanand plants" gave Sanand only."""
    facts = _production("Ford keeps its Indian plants Ford will keep running its Chennai and Sanand plants on "
                        "its own. Ann Lee")
    assert {site for _, site, _, _ in facts} == {"Chennai", "Sānand"}


def test_will_build_only_is_production_going_on():
    """"which will now build only electric school buses at Saint-Jérôme" was a plan: a maker that will
    build only one kind of vehicle goes on building it."""
    assert {s for _, _, s, _ in _production(
        "Lion Electric survives as a school-bus maker Investors bought the company, which will now build only "
        "electric school buses at Saint-Jérôme, Quebec. Ann Lee")} == {"active"}


@pytest.mark.parametrize(("line", "status"), [
    (("Great Wall's Indian plan lapses Great Wall Motor ended its plan to build Haval SUVs at a plant in Pune "
      "in 2022. Ann Lee"), "cancelled"),
    ("The X-Class is gone Nissan's plant in Barcelona turned out the last X-Class in May 2020. Ann Lee", "ended"),
])
def test_ending_a_plan_cancels_and_turning_out_the_last_ends(line, status):
    """"ended its plan to build" read as a plan, "turned out the last one" as production going on."""
    assert {s for _, _, s, _ in _production(line)} == {status}


def test_the_sentences_own_verb_after_a_relative_clause():
    """"Its plant at Pluak Daeng, which makes the Swift, Ciaz and Celerio, will close" read the relative
    clause's "makes" as what becomes of the plant; the sentence's own verb after it says so."""
    assert {s for _, _, s, _ in _production(
        "Suzuki to leave Thailand Its plant in Rayong, which makes the Swift, Ciaz and Celerio, will close at the "
        "end of 2025. Ann Lee")} == {"ended"}


def test_the_bus_builder_refers_back_to_the_maker():
    """"bought the Northern Irish bus builder ... and restarted production in Ballymena" gave no fact:
    "builder" and "assembler" were not among the nouns that refer back to the article's maker."""
    facts = _production("Who saved Wrightbus? The businessman Jo Bamford bought the Northern Irish bus builder out "
                        "of administration in 2019 and restarted production in Ballymena. Ann Lee")
    assert {(maker, site) for maker, site, _, _ in facts} == {("Wrightbus", "Ballymena")}


def test_companies_that_share_a_marques_name_are_not_that_marque():
    """Hero (Hero MotoCorp's marque) and Mercury (Ford's former marque) have brand rows: Hero Electric,
    Hero Cycles and Mercury Marine are companies of their own, never the marque."""
    extraction = _extraction("Hero Electric opens a scooter plant in Ludhiana Mercury Marine and Hero Cycles were "
                             "not part of the deal. Ann Lee")
    keys = {m.entity.key for m in extraction.mentions}
    assert {"hero-electric", "mercury-marine", "hero-cycles"} <= keys and not keys & {"hero", "mercury"}



def test_a_model_that_leaves_a_town_ends_production_there():
    """"Ford's Transit leaves Southampton for Turkey" gave no fact: "leaves" made no sentence about
    producing somewhere."""
    facts = _production("Ford's Transit leaves Southampton for Turkey The van is now made by Ford Otosan in "
                        "Kocaeli province. Ann Lee")
    assert ("Ford Motor Company", "Southampton", "ended") in {(m, s, st) for m, s, st, _ in facts}


def test_the_sentence_that_dates_a_headlines_fact_gives_it():
    """"Polestar plans European production of the Polestar 7 | ... will build it in Europe by 2025" kept
    the headline's undated fact: the standfirst that dates the same fact gives it."""
    (fact,) = _extraction("Polestar plans European production of the Polestar 7 Polestar will build the Polestar 7 "
                          "in Europe by 2025, the company said. Ann Lee").production
    assert (fact.status.value, fact.start) == ("planned", "2025")


def test_a_model_code_that_starts_with_r_is_no_sum_of_money():
    """The check that keeps sums of money ("R3bn", "RM790m") from being models took "R7" for rand."""
    extraction = _extraction("Rivian shows the R7 Rivian will build the R7 SUV at its plant in Normal. Ann Lee")
    assert "Rivian R7" in {m.entity.label for m in extraction.mentions if m.entity.type.value == "VehicleModel"}


def test_the_standfirst_goes_on_about_the_one_place_the_headline_names():
    """"KTM reopens Mattighofen lines | The Austrian motorcycle maker resumed production ..." gave no
    fact: the headline has no production verb and the standfirst no place. The standfirst about the
    headline's company now speaks of the headline's one place, unless it names a country of its own."""
    assert _facts("KTM reopens Mattighofen lines The Austrian motorcycle maker resumed production in "
                  "July 2025 on one shift. Ann Lee") == [("KTM AG", "Mattighofen", "active")]
    assert _facts("KTM reopens Mattighofen lines The Austrian motorcycle maker will build the 390 Duke "
                  "in India from 2026. Ann Lee") == [("KTM AG", "India", "planned")]
    # the headline's company builds what the standfirst names at its parent's plant
    assert _facts("Ford Vietnam adds the Everest in Hai Duong The SUV is now assembled at Ford’s plant "
                  "in the province. Ann Lee") == [("Ford Vietnam", "Hai Duong", "active")]
    # not a cell plant, nor a standfirst that speaks of the company only as "its"
    assert _facts("Volkswagen lays a stone in Salzgitter The cell factory of its battery company is to "
                  "start making cells in 2025. Ann Lee") == []


def test_a_town_that_builds_after_a_clause_about_it_or_is_a_plant():
    """"Pontedera, where the first Vespa was made in 1946, now builds the scooter" gave no place: a
    town that opens a sentence counts where its verb (after a clause about it) says it builds, or
    that it is a plant; only a town of a country the article names or a named company's home."""
    assert _facts("Piaggio puts the Vespa Elettrica into production Pontedera, where the first Vespa was "
                  "made in 1946, now builds the scooter. Ann Lee") == [("Piaggio & C.", "Pontedera", "active")]
    assert _facts("Renault adds a hybrid in Spain Palencia, the group's largest Spanish factory, "
                  "assembles the Austral. Ann Lee") == [("Renault Group", "Palencia", "active")]
    assert _facts("Honda adds a hybrid in Japan Florence, where its designers met, now builds the Jazz. "
                  "Ann Lee") == []


def test_a_plant_that_is_to_carry_on_goes_on_building():
    """"only the venture in Togliatti, maker of the Niva, is to carry on" was a plan: "is to" before
    carrying on or continuing is no future, and carrying on is production going on."""
    assert _facts("Lada keeps Togliatti going Only the AvtoVAZ plant in Togliatti is to carry on, the "
                  "carmaker said. Ann Lee") == [("AvtoVAZ", "Tolyatti plant", "active")]


def test_a_headline_that_calls_a_plan_off_cancels_the_plan_its_standfirst_tells():
    """"Stellantis kills the electric Ram 1500 REV | The pickup, due to be built at the Sterling Heights
    Assembly Plant, ..." gave a plan: a headline that calls a plan off and names no place speaks of
    the standfirst's plan, but not of a plan the standfirst gives instead. A cancelled plan is no
    capacity restructuring (annotators gave it that for a quarter of such facts)."""
    line = ("Jeep shelves its electric SUV The carmaker was due to build electric SUVs at the Toledo plant "
            "in Ohio from 2026. Ann Lee")
    assert {status for _, _, status in _facts(line)} == {"cancelled"}
    assert ("capacity-restructuring", "FCA US") not in _strategies(line)
    assert {status for _, _, status in _facts(
        "Jeep shelves its electric SUV The carmaker is due to build petrol SUVs at the Toledo plant in Ohio "
        "from 2026 instead. Ann Lee")} == {"planned"}


@pytest.mark.parametrize(("line", "title"), [
    # no headline holds a semicolon
    (("Hero builds the Scrambler at Neemrana Triumph shut its own assembly plant at Bawal, Haryana, in"
      " 2020; since 2023 Hero has made the bike for it in Rajasthan, which chief executive Nick Bloor "
      "said keeps it clear of duties. Ann Lee"),
     "Hero builds the Scrambler at Neemrana"),
    # a word that opens sentences, capitalised inside a headline not in title case, began the standfirst
    (("Ford starts the e-Transit in Kocaeli Some 300 Ford Otosan workers fit the battery packs on two "
      "shifts. Ann Lee"),
     "Ford starts the e-Transit in Kocaeli"),
    # a first name before the surname the headline starts with
    (("Bamford takes over Wrightbus as the Ballymena plant prepares to restart Jo Bamford becomes "
      "chairman of the bus maker, which he bought out of administration, and bets its future on "
      "hydrogen buses. Ann Lee"),
     "Bamford takes over Wrightbus as the Ballymena plant prepares to restart"),
    # an ordinal before a place's name, and a standfirst that opens with a number
    (("Nissan opens second Aguascalientes plant for the Sentra 230,000 cars a year is the capacity of "
      "the new plant. Ann Lee"),
     "Nissan opens second Aguascalientes plant for the Sentra"),
    # a name with its apposition opens the standfirst
    (("Iveco and Nikola open an Ulm plant for the Tre truck Nikola Iveco Europe, the partners' "
      "venture, expects the first trucks by December. Ann Lee"),
     "Iveco and Nikola open an Ulm plant for the Tre truck"),
])
def test_headline_boundaries_of_the_twelfth_round(line, title):
    from autokg.articles import split_listing_line
    from autokg.reference import load_reference

    assert split_listing_line(line, names=load_reference().name_kind).title == title


def test_a_national_company_the_article_names_builds_its_parents_production_there():
    """"Last Falcon leaves Broadmeadows as Ford Australia ends ..." gave the Falcon to Ford and no place
    at all once Ford Australia was known: its name no longer named Australia. A national company the
    reference data knows, named after its parent, builds the parent's production in its country, and
    its country counts for the towns the article names."""
    assert _facts("Last Falcon leaves Broadmeadows as Ford Australia ends local production The "
                  "company built its final Falcon in October 2016. Ann Lee") == [
        ("Ford Australia", "Broadmeadows", "ended")]


@pytest.mark.parametrize(("line", "expected"), [
    # what a place once built has ended there
    (("MAN opens a bus hall in Salzgitter The new hall stands where MAN once built the TGA truck, the "
      "company said. Ann Lee"), ("Traton", "Salzgitter", "ended")),
    # a plant that opens ahead of its start plans production
    (("Tata opens a Sanand plant ahead of a March 2027 start The factory will build the Sierra EV, the "
      "carmaker said. Ann Lee"), ("Tata Motors", "Sanand plant", "planned")),
])
def test_once_built_ends_and_ahead_of_a_start_plans(line, expected):
    assert {fact for fact in _facts(line) if fact[1] == expected[1]} == {expected}


def test_a_move_to_a_plant_where_the_old_one_is_to_close_is_a_plan():
    """"Toyokawa to close as assembly moves to Hamamatsu": the plant assembly moves to, where the old
    one is only to close, does not build yet."""
    assert ("Suzuki Motor Corporation", "Hamamatsu", "planned") in _facts(
        "Suzuki: Toyokawa to close as assembly moves to Hamamatsu The carmaker gave no date. Ann Lee")


def test_the_last_word_of_a_longer_name_is_no_city_of_another_country():
    """"a joint venture at the Zona Franca site" of Barcelona took Franca, a Brazilian city: the last
    word of a name before "site" or "plant" is a town only in a country the article speaks of."""
    extraction = _extraction("Chery and Ebro team up in Spain The partners plan a joint venture at the Zona "
                             "Franca site, which Nissan left in 2021. Ann Lee")
    assert "BR" not in {m.entity.country for m in extraction.mentions}


def test_a_town_of_that_name_before_one_that_only_has_it_among_its_other_names():
    """"the Combo that Opel made itself in Zaragoza" in an article about Bursa took Tijuana, a larger
    city that GeoNames also calls Zaragoza: a town of that very name comes first."""
    from autokg.link import Linker
    from autokg.reference import load_reference

    assert ("Opel Automobile", "Zaragoza", "ended") in _facts(
        "Tofaş builds the Combo in Bursa It replaces the Combo that Opel made itself in Zaragoza until the end "
        "of 2011, the Turkish carmaker said. Ann Lee")
    assert Linker(load_reference()).locality("Zaragoza", country="MX").label == "Zaragoza"


def test_a_town_before_line_is_a_site():
    """"FSO's Warsaw line falls silent | The last Aveo left the Żerań factory" gave no place: a town
    before "line" counts as before "lines"."""
    assert ("Warsaw", "ended") in {(site, status) for _, site, status in _facts(
        "FSO's Warsaw line falls silent The last small Chevrolet left the Żerań factory in February 2011, the "
        "carmaker said. Ann Lee")}


def test_macedonia_china_faw_group_and_ford_trucks_are_known():
    """"coaches in Macedonia" took Macedonia, Ohio; "China FAW Group" and Ford Otosan's "Ford Trucks"
    marque were unknown names."""
    assert ("Van Hool", "North Macedonia", "active") in _facts(
        "Van Hool builds coaches in Macedonia The Belgian bus maker has built coaches for US operators in "
        "Macedonia since 2013. Ann Lee")
    assert ("FAW Group", "Gqeberha", "active") in _facts(
        "FAW builds trucks near Gqeberha China FAW Group has started building trucks at its plant in "
        "Gqeberha. Ann Lee")
    extraction = _extraction("Ford Trucks starts the F-Max in Eskişehir Ford Trucks has begun building the "
                             "F-Max tractor at the plant in Eskişehir. Ann Lee")
    assert {m.entity.label for m in extraction.mentions if m.text == "Ford Trucks"} == {"Ford Trucks"}


def test_a_title_after_a_place_opens_the_standfirst():
    """"FAW opens its truck plant at Coega | President Jacob Zuma opened China FAW Group's ..." was cut
    before "Zuma" or after "opened": a title after an unknown place is no second word of its name,
    and "opened" wants its object."""
    from autokg.articles import split_listing_line
    from autokg.reference import load_reference

    line = ("BAIC opens its car plant at Coega President Cyril Ramaphosa opened BAIC's R11bn factory near "
            "Gqeberha, which will build cars for South Africa and the rest of the region. Ann Lee")
    assert split_listing_line(line, names=load_reference().name_kind).title == "BAIC opens its car plant at Coega"


def test_a_known_plant_named_after_a_place_beats_a_town_of_another_country():
    """"made at the Santa Isabel plant" in an article about Córdoba, Argentina, took Santa Isabel in
    Mexico (or Malabo, once called so): the known plant of that name in a country the article
    speaks of comes first."""
    sites = {site for _, site, _ in _facts(
        "Nissan ends the Frontier in Argentina The pick-up, made at the Santa Isabel plant in Córdoba since "
        "2018, ended production in 2025, while Nissan's plant in Mexico goes on. Ann Lee")}
    assert "Santa Isabel plant" in sites and "Santa Isabel" not in sites


def test_a_contract_assembler_is_no_maker():
    """Litex Motors, which assembled Great Wall cars near Lovech, was taken for a maker: it is a
    contract assembler (a supplier), so Great Wall is the maker of what it built."""
    makers = {maker for maker, _, _ in _facts(
        "Great Wall opens an EU plant near Lovech Bulgarian partner Litex Motors has been assembling the Great "
        "Wall Voleex C10 there from Chinese kits since 2012. Ann Lee")}
    assert makers == {"Great Wall Motor"}


@pytest.mark.parametrize("line", [
    ("Ather picks Maharashtra for its third factory Ather Energy will make electric scooters at the new plant "
     "in Bidkin, nearer to more of its buyers than its plants in Hosur. Ann Lee"),
    ("Mahindra builds a Pik Up plant in Durban The factory will assemble bakkies, and chief executive "
     "Rajesh Gupta wants more parts from local suppliers. Ann Lee"),
])
def test_building_nearer_buyers_and_buying_from_local_suppliers_is_regionalisation(line):
    assert "regionalisation" in {code for code, _ in _strategies(line)}


@pytest.mark.parametrize(("line", "code"), [
    (("Kia's Zilina plant now runs partly on wind Two wind turbines supply a tenth of the electricity at "
      "the plant, where Kia builds the Ceed, the carmaker said. Ann Lee"), "decarbonisation"),
    (("Lotus ends the Evora in Hethel The sports car could no longer be made at a profit, chief executive "
      "Phil Popham said as the last one left the line. Ann Lee"), "profitability"),
])
def test_wind_turbines_decarbonise_and_a_car_made_at_a_profit_is_profitability(line, code):
    assert code in {strategy for strategy, _ in _strategies(line)}


def test_a_country_where_cars_are_only_engineered_is_no_site():
    """"the brand engineers cars in China but builds them where they are sold" made China a site."""
    assert "China" not in {site for _, site, _ in _facts(
        "Great Wall builds Havals in Tula The brand engineers its cars in China but builds them in Russia, where "
        "they are sold. Ann Lee")}


def test_mcv_builds_the_volvo_buses_it_builds_under_licence():
    """Manufacturing Commercial Vehicles, the Egyptian bus maker, was unknown."""
    assert ("Manufacturing Commercial Vehicles", "Egypt", "planned") in _facts(
        "Volvo Buses hands city buses to MCV Manufacturing Commercial Vehicles will build the Volvo 7900 "
        "Electric under licence in Egypt from 2024. Ann Lee")


def test_a_models_electric_or_hybrid_version_under_its_own_name_is_that_model():
    """"The FH Electric, FM Electric and FMX Electric" found the FMX only as "FMX", and "the Fiat 500
    Hybrid" not at all as the 500; a model of that name stays itself ("Equinox EV", not the Holden
    Equinox)."""
    from autokg.reference import load_reference

    reference = load_reference()
    assert [m.label for m in reference.models["fmx electric"]] == ["Volvo FMX"]
    assert [m.label for m in reference.models["fiat 500 hybrid"]] == ["Fiat 500"]
    assert [m.label for m in reference.models["equinox ev"]] == ["Chevrolet Equinox EV"]


def test_extractors_of_one_reference_share_one_gazetteer():
    """With the electric and hybrid names of every model, building the gazetteer took 0.4-0.7 s, and
    every Extractor built its own (the suite went from 3 to 7.5 minutes): it is now built once per
    set of reference data."""
    from autokg.extract import Extractor
    from autokg.reference import load_reference

    reference = load_reference()
    assert Extractor(reference)._automaton is Extractor(reference)._automaton
