from pathlib import Path

import pytest

from talaia.geo.gazetteer import GazetteerTables, GeoNamesGazetteer, NameKey, gazetteer_cache_path
from talaia.knowledge import load_knowledge

pytestmark = pytest.mark.slow


def test_gazetteer_normalize_name(gazetteer) -> None:  # type: ignore[no-untyped-def]
    assert gazetteer.normalize("Michoacán") == gazetteer.normalize("MICHOACAN") == "michoacan"
    assert gazetteer.normalize("the United States") == "united states"
    assert NameKey.from_articles(["The", "los"])("Los Mochis") == "mochis"


def test_gazetteer_admin1_with_geonames_spelling(gazetteer) -> None:  # type: ignore[no-untyped-def]
    admin1 = [e for e in gazetteer.lookup("Michoacan") if e.feature == "admin1"]
    assert admin1 and admin1[0].name == "Michoacán" and admin1[0].country_code == "MX"
    assert admin1[0].latitude is not None


def test_gazetteer_town_has_admin_hierarchy(gazetteer) -> None:  # type: ignore[no-untyped-def]
    (town,) = [e for e in gazetteer.lookup("Culiacan") if e.feature == "city"]
    assert (town.admin1, town.admin2, town.country) == ("Sinaloa", "Culiacán", "Mexico")
    assert abs(town.latitude - 24.8) < 0.2  # type: ignore[operator]


def test_gazetteer_exonyms_and_abbreviations(gazetteer) -> None:  # type: ignore[no-untyped-def]
    assert any(e.feature == "country" and e.country_code == "US" for e in gazetteer.lookup("U.S."))
    assert any(e.feature == "admin1" and e.country_code == "MX" for e in gazetteer.lookup("State of Mexico"))
    assert [e.name for e in gazetteer.lookup("Gto.") if e.feature == "admin1"] == ["Guanajuato"]
    assert any(e.feature == "region" for e in gazetteer.lookup("Oriente Medio"))
    assert not gazetteer.lookup("Mexican")


def test_gazetteer_country_point(gazetteer) -> None:  # type: ignore[no-untyped-def]
    mexico = gazetteer.country("MX")
    assert mexico is not None and mexico.name == "Mexico" and mexico.latitude is not None


def test_gazetteer_one_per_knowledge_tables(tmp_path: Path) -> None:
    builtin = load_knowledge()
    assert GeoNamesGazetteer.for_knowledge(builtin) is GeoNamesGazetteer.for_knowledge(builtin)
    user = tmp_path / "knowledge"
    (user / "codebook").mkdir(parents=True)
    (user / "codebook" / "admin1_abbreviations.tsv").write_text(
        "country\tabbreviation\tadmin1\nMX\tChihua.\tChihuahua\n", encoding="utf-8")
    (user / "codebook" / "country_aliases.tsv").write_text("country\tname\nMX\tMexicolandia\n", encoding="utf-8")
    knowledge = load_knowledge((str(user),))
    tables, builtin_tables = GazetteerTables.from_knowledge(knowledge), GazetteerTables.from_knowledge(builtin)
    # a user's abbreviation changes the cache file, so it is never read from a gazetteer built without it
    assert tables.digest != builtin_tables.digest
    assert gazetteer_cache_path(tables.digest, tmp_path) != gazetteer_cache_path(builtin_tables.digest, tmp_path)
    gazetteer = GeoNamesGazetteer.load(tmp_path / "cache", knowledge)
    assert [e.name for e in gazetteer.lookup("Chihua.") if e.feature == "admin1"] == ["Chihuahua"]
    assert [(e.feature, e.country_code) for e in gazetteer.lookup("Mexicolandia")] == [("country", "MX")]
    assert [e.name for e in gazetteer.lookup("Gto.") if e.feature == "admin1"] == ["Guanajuato"]  # built-in kept
    assert GeoNamesGazetteer.load(tmp_path / "cache", knowledge).has("Chihua.")  # read back from the disk cache
