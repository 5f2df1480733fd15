"""Admin names as analysts write them: one spelling per unit, from the units' own alternate names."""

from __future__ import annotations

from pathlib import Path

import pytest

from talaia.geo.admin_names import render_table, short_admin1_name

TABLE = Path(__file__).resolve().parents[2] / "src" / "talaia" / "codebook" / "admin1_names.tsv"


@pytest.mark.parametrize(("name", "aliases", "short"), [
    # a local official form ending in a unit type: the English name that also comes with the type
    ("Poltavska oblast", ["Poltava", "Poltava Oblast", "Полтавская область"], "Poltava"),
    ("Rivnenska oblast", ["Rivne Oblast", "Рівненська Область"], "Rivne"),
    # letters outside Latin-1: the English alternate name, else the letters made plain
    ("Ḩimş", ["Homs", "Homs Governorate", "حمص"], "Homs"),
    ("Kāpīsā", ["Kapisa Province"], "Kapisa"),
    ("Tamil Nādu", ["تامل ناڈو"], "Tamil Nadu"),
    ("Ash Shimāl", ["North Lebanon"], "Ash Shimal"),
    # Latin-1 local names stay, accents included: that is how analysts write them
    ("Michoacán", ["Michoacan", "Michoacán de Ocampo"], "Michoacán"),
    ("Sud-Kivu", ["South Kivu", "South Kivu Province"], "Sud-Kivu"),
    ("Nuevo León", ["Nuevo Leon", "Nuevo León State"], "Nuevo León"),
])
def test_short_form_from_the_units_own_names(name: str, aliases: list[str], short: str) -> None:
    assert short_admin1_name(name, aliases) == short


def test_the_table_is_what_the_rule_gives() -> None:
    assert TABLE.read_text(encoding="utf-8") == render_table(), "run tools/admin1_names.py"


def test_one_spelling_per_unit_and_no_two_units_share_one() -> None:
    rows = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")][1:]
    codes = [code for code, _, _ in rows]
    assert len(codes) == len(set(codes))
    assert all(code.startswith(country + ".") for code, country, _ in rows)


@pytest.mark.slow
def test_the_gazetteer_writes_units_as_analysts_do(gazetteer) -> None:  # type: ignore[no-untyped-def]
    def units(name: str, country: str) -> list[str]:
        return [e.name for e in gazetteer.lookup(name) if e.feature == "admin1" and e.country_code == country]

    assert units("Kharkivska oblast", "UA") == ["Kharkiv"] == units("Kharkiv Oblast", "UA")
    assert "Kyiv City" in units("Kyiv", "UA")  # the city-unit beside the oblast 'Kyiv'
    assert units("Aleppo", "SY") == ["Aleppo"]
    # Mexican states keep their accents and lose the official tail
    for written, state in (("Michoacan de Ocampo", "Michoacán"), ("Nuevo Leon", "Nuevo León"),
                           ("Queretaro", "Querétaro"), ("San Luis Potosi", "San Luis Potosí"),
                           ("Yucatan", "Yucatán"), ("Veracruz de Ignacio de la Llave", "Veracruz")):
        assert units(written, "MX") == [state]
    mexican = {e.admin1 for e in gazetteer.lookup("Mexico") if e.feature == "country"} | {
        gazetteer.admin1(f"MX.{n:02d}").name for n in range(1, 33) if gazetteer.admin1(f"MX.{n:02d}")}
    assert len(mexican - {None}) == 32  # one name per state, no two states alike
