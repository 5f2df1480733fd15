import pytest

from talaia.geo.gazetteer import normalize_name

pytestmark = pytest.mark.slow


def test_gazetteer_normalize_name() -> None:
    assert normalize_name("Michoacán") == normalize_name("MICHOACAN") == "michoacan"
    assert normalize_name("the United States") == "united states"


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
    assert not gazetteer.lookup("Mexican")


def test_gazetteer_country_point(gazetteer) -> None:  # type: ignore[no-untyped-def]
    mexico = gazetteer.country("MX")
    assert mexico is not None and mexico.name == "Mexico" and mexico.latitude is not None
