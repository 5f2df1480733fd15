"""The actor knowledge base: names resolve to one actor, unknown names to none, and the tables hold together."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from talaia.cli import cli
from talaia.errors import KnowledgeError
from talaia.kb import ActorKB, alias_key
from talaia.knowledge import load_knowledge


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.from_knowledge(load_knowledge())


def _name(kb: ActorKB, mention: str, country: str | None = None) -> str | None:
    actor = kb.resolve(mention, country)
    return actor.name if actor else None


@pytest.mark.parametrize("mention", ["AMLO", "López Obrador", "Lopez Obrador", "Andrés Manuel López Obrador",
                                     "ANDRES MANUEL LOPEZ OBRADOR", "President Andrés Manuel López Obrador",
                                     "Manuel López Obrador", "Andrés Manuel López-Obrador"])
def test_amlo_has_one_actor(kb: ActorKB, mention: str) -> None:
    actor = kb.resolve(mention)
    assert actor is not None and actor.id == "amlo" and actor.name == "Andrés Manuel López Obrador"
    assert actor.type == "State forces" and actor.kind == "person" and actor.country == "MX"


@pytest.mark.parametrize(("mention", "name"), [
    ("El Chapo", "Joaquín Guzmán Loera"), ("Chapo Guzmán", "Joaquín Guzmán Loera"),
    ("Joaquín Guzmán Loera", "Joaquín Guzmán Loera"), ("Guzmán Loera", "Joaquín Guzmán Loera"),
    ("Ovidio", "Ovidio Guzmán López"), ("Ovidio Guzmán", "Ovidio Guzmán López"), ("El Ratón", "Ovidio Guzmán López"),
    ("Zambada", "Ismael Zambada García"), ("El Mencho", "Nemesio Oseguera Cervantes"),
    ("CJNG", "CJNG: Jalisco New Generation Cartel"), ("Cártel Jalisco Nueva Generación",
                                                       "CJNG: Jalisco New Generation Cartel"),
    ("Jalisco New Generation Cartel", "CJNG: Jalisco New Generation Cartel"),
    ("the Sinaloa Cartel", "Sinaloa Cartel"), ("Cartel de Sinaloa", "Sinaloa Cartel"),
    ("Sinaloa cartels", "Sinaloa Cartel"), ("Los Zetas", "Los Zetas"), ("Cartel del Noreste", "Cartel del Noreste"),
    ("La Familia Michoacana", "La Familia Michoacana"), ("Los Tequileros", "Los Tequileros"),
    ("Guardia Nacional", "Police Forces of Mexico National Guard"),
    ("SEDENA", "Military Forces of Mexico"), ("SEMAR", "Military Forces of Mexico Navy"),
    ("Police Forces of Mexico (2018-2024)", "Police Forces of Mexico (2018-2024)"),
    ("MS13", "MS-13: Mara Salvatrucha"), ("Calle 18", "Barrio 18"), ("Clan del Golfo",
                                                                     "AGC: Gaitanist Self-Defense Forces of Colombia"),
    ("ELN", "ELN: National Liberation Army"),
])
def test_names_resolve(kb: ActorKB, mention: str, name: str) -> None:
    assert _name(kb, mention) == name


@pytest.mark.parametrize("mention", ["Juan Pérez", "Unidentified Armed Group (Mexico)", "Civilians (Mexico)",
                                     "Guzmán", "López", "Guzmán López", "Police Forces of Mexico (2000-2006)",
                                     "Barrio 13", "", "  "])
def test_unknown_or_ambiguous_names_resolve_to_none(kb: ActorKB, mention: str) -> None:
    assert kb.resolve(mention) is None


def test_context_country_keeps_other_state_forces_out(kb: ActorKB) -> None:
    assert _name(kb, "National Guard", "MX") == "Police Forces of Mexico National Guard"
    assert kb.resolve("National Guard", "US") is None
    assert _name(kb, "El Chapo", "US") == "Joaquín Guzmán Loera"  # people and groups cross borders


def test_a_year_picks_the_term_of_state_forces(kb: ActorKB) -> None:
    assert kb.resolve("SEDENA", year=2020).name == "Military Forces of Mexico (2018-2024)"  # type: ignore[union-attr]
    assert kb.resolve("Mexican police", year=2010).name == "Police Forces of Mexico (2006-2012)"  # type: ignore[union-attr]
    assert kb.resolve("El Chapo", year=2020).name == "Joaquín Guzmán Loera"  # type: ignore[union-attr]


def test_relations_and_search(kb: ActorKB) -> None:
    assert [a.id for a in kb.related("ovidio-guzman", "son_of")] == ["el-chapo"]
    assert {a.id for a in kb.inverse("sinaloa-cartel", "faction_of")} >= {"los-chapitos", "la-mayiza"}
    found = [a.id for a in kb.search("Guzmán")]
    assert "el-chapo" in found and "ovidio-guzman" in found
    assert kb.search("AMLO")[0].id == "amlo"
    assert len(kb.search("")) == len(kb)


def test_every_alias_resolves_to_its_own_actor(kb: ActorKB) -> None:
    """No alias of the seed set is shared by two actors or taken by another actor's rule."""
    wrong = [(a.id, n, getattr(kb.resolve(n), "id", None)) for a in kb for n in a.aliases
             if getattr(kb.resolve(n), "id", None) != a.id]
    assert wrong == []


def test_the_seed_set_is_large_enough(kb: ActorKB) -> None:
    assert 60 <= len(kb) <= 150
    assert sum(len(a.aliases) for a in kb) >= 250
    assert alias_key(" Cártel  Jalisco-Nueva   Generación. ") == "cartel jalisco nueva generacion"


def test_knowledge_check_passes() -> None:
    result = CliRunner().invoke(cli, ["knowledge", "check"])
    assert result.exit_code == 0, result.output


def _user_folder(root: Path, name: str, text: str) -> str:
    path = root / "codebook" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(root)


def test_an_alias_of_an_unknown_actor_fails_with_file_and_line(tmp_path: Path) -> None:
    folder = _user_folder(tmp_path, "actor_aliases.tsv",
                          "# mine\nactor\talias\tlanguage\namlo\tEl Presidente\tes\nnobody\tEl Fantasma\tes\n")
    with pytest.raises(KnowledgeError, match=r"actor_aliases\.tsv:4: .*'nobody' is not a key of actors"):
        load_knowledge((folder,))
    result = CliRunner().invoke(cli, ["knowledge", "check", "--knowledge", folder])
    assert result.exit_code == 2 and "actor_aliases.tsv:4" in result.output


def test_a_relation_to_an_unknown_actor_fails(tmp_path: Path) -> None:
    folder = _user_folder(tmp_path, "actor_relations.tsv", "actor\trelation\tother\nel-chapo\tleader_of\tnowhere\n")
    with pytest.raises(KnowledgeError, match=r"actor_relations\.tsv:2: .*'nowhere' is not a key of actors"):
        load_knowledge((folder,))


def test_an_analyst_adds_an_actor_and_an_alias(tmp_path: Path) -> None:
    folder = _user_folder(tmp_path, "actors.tsv", "id\tname\ttype\tkind\tcountry\tstart\tend\tnote\n"
                                                  "la-barredora\tLa Barredora\tPolitical militia\tarmed_group\tMX\n")
    _user_folder(tmp_path, "actor_aliases.tsv", "actor\talias\tlanguage\nla-barredora\tBarredora\tany\n"
                                                "amlo\tEl Presidente\tes\n")
    kb = ActorKB.from_knowledge(load_knowledge((folder,)))
    assert _name(kb, "Barredora") == "La Barredora"
    assert _name(kb, "El Presidente") == "Andrés Manuel López Obrador"
    assert _name(kb, "AMLO") == "Andrés Manuel López Obrador"  # the built-in aliases stay
