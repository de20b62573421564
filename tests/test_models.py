"""Vehicle models from data/reference/models.csv: how they load, and when a name is taken for one."""

from __future__ import annotations

import pytest

from autokg.articles import listing_article
from autokg.extract import Extractor
from autokg.model import EntityType
from autokg.reference import load_reference


@pytest.fixture(scope="module")
def reference():
    return load_reference()


@pytest.fixture(scope="module")
def extractor(reference):
    return Extractor(reference)


def _models(extractor, reference, line: str) -> list[str]:
    article, _ = listing_article("x.txt", 1, line, reference.name_kind)
    return [m.entity.label for m in extractor.extract(article).mentions if m.entity.type is EntityType.MODEL]


def test_every_model_belongs_to_a_known_brand_and_company(reference):
    models = [e for e in reference if e.type is EntityType.MODEL]
    assert len(models) > 1500
    for model in models:
        brand = reference.get(EntityType.BRAND, model.parent or "")
        # (under the brand's marque: "Volkswagen Amarok" of Volkswagen Commercial Vehicles)
        assert brand is not None and model.label.startswith(reference.marque(brand) + " ")
        assert model.linked and model.wikidata is None  # no verified identifiers for models
        assert model.key == f"{brand.key}/{model.key.split('/', 1)[1]}"


def test_a_divisions_models_carry_the_marque_its_name_starts_with(reference):
    """Models of Volkswagen Commercial Vehicles, Volvo Trucks or Mercedes-Benz Trucks were called
    "Volkswagen Commercial Vehicles Amarok" and "Volvo Trucks FH"; they are badged Volkswagen and
    Volvo, and found under those names too."""
    (amarok,) = reference.models["volkswagen amarok"]
    assert amarok.key == "volkswagen-commercial-vehicles/amarok" and amarok.label == "Volkswagen Amarok"
    assert reference.models["volkswagen commercial vehicles amarok"] == [amarok]
    assert [m.label for m in reference.models["volvo fh"]] == ["Volvo FH"]
    assert reference.marque(reference.get(EntityType.BRAND, "ud-trucks")) == "UD Trucks"  # (no brand "UD")


def test_a_model_name_that_starts_with_its_brand_is_found_only_with_it(reference):
    (polestar,) = reference.models["polestar 3"]
    assert polestar.key == "polestar/3" and polestar.label == "Polestar 3"
    assert "3" not in reference.models


def test_a_bare_model_name_needs_its_maker_in_the_article(extractor, reference):
    assert "Volkswagen Passat" in _models(
        extractor, reference, "Bratislava wins the estate Volkswagen moved the Passat from Emden to the "
        "Slovak capital last year. Ann Lee")
    assert not _models(extractor, reference, "Bratislava wins the estate The Passat moved from Emden to "
                       "the Slovak capital last year. Ann Lee")


def test_a_one_word_model_name_opening_a_sentence_is_the_common_word(extractor, reference):
    assert "Ford Focus" not in _models(
        extractor, reference, "Ford cuts shifts in Saarlouis Focus is on the new electric models, the "
        "carmaker said. Ann Lee")
    assert "Ford Focus" in _models(
        extractor, reference, "Ford cuts shifts in Saarlouis The carmaker will end the Focus in 2025, Ford "
        "said. Ann Lee")


def test_another_market_name_is_the_same_model(extractor, reference):
    (forte,) = _models(extractor, reference, "Kia builds the Forte in Mexico The Kia Forte is made in "
                       "Pesquería. Ann Lee")[:1]
    assert forte == "Kia Cerato"


def test_a_model_named_after_its_brand_keeps_the_brands_model(extractor, reference):
    """"the Maserati Levante SUV" after "Fiat" was taken for a Fiat model."""
    labels = _models(extractor, reference, "Stellantis moves production to Mirafiori Fiat builds the 500e "
                     "there, and the Maserati Levante SUV joined it. Ann Lee")
    assert "Maserati Levante" in labels and not any(label.startswith("Fiat Maserati") for label in labels)


def test_a_models_full_name_names_its_maker(extractor, reference):
    """"the Mercedes-Benz eSprinter" in an article that names Mercedes nowhere else was found as
    one name, then dropped whole, because a model needs its maker named and the full name did not
    count as naming it."""
    labels = _models(extractor, reference, "Electric vans for Düsseldorf The Mercedes-Benz eSprinter is "
                     "now built in Düsseldorf. Ann Lee")
    assert labels == ["Mercedes-Benz Sprinter"]


def test_a_model_is_known_under_its_brands_other_names():
    """"KG Mobility Torres EVX" was no known spelling of the KGM Torres EVX: models were listed under
    the brand's label and marque only, not under the brand's other names."""
    from autokg.reference import fold

    found = load_reference().models.get(fold("KG Mobility Torres EVX"), [])
    assert [m.label for m in found] == ["KGM Torres EVX"]
