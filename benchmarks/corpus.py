"""A fixed, generated news corpus for the benchmarks: seeded, so every run reads the same texts.

The articles are written from sentence templates (incidents, reactions, background), with
places, groups and figures drawn by a seeded random generator: text shaped like the press
Talaia reads (datelines, quotes, counts, paragraphs), none of it copied from a real article.

    python benchmarks/corpus.py out.jsonl [--documents 300] [--seed 14]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator

PLACES = [("Culiacan", "Sinaloa"), ("Uruapan", "Michoacan"), ("Apatzingan", "Michoacan"),
          ("Chilpancingo", "Guerrero"), ("Acapulco", "Guerrero"), ("Reynosa", "Tamaulipas"),
          ("Ciudad Juarez", "Chihuahua"), ("Celaya", "Guanajuato"), ("Zamora", "Michoacan"),
          ("Tijuana", "Baja California"), ("Fresnillo", "Zacatecas"), ("Cuernavaca", "Morelos"),
          ("Iguala", "Guerrero"), ("Irapuato", "Guanajuato"), ("Mazatlan", "Sinaloa"), ("Matamoros", "Tamaulipas")]
GROUPS = ["the Sinaloa Cartel", "the Jalisco New Generation Cartel", "Los Viagras", "the Gulf Cartel",
          "La Familia Michoacana", "a local criminal cell", "Los Zetas", "an armed group"]
FORCES = ["soldiers", "state police officers", "National Guard troops", "municipal police", "marines"]
VICTIMS = ["a taxi driver", "two farmers", "a local journalist", "three young men", "a shop owner",
           "a family of four", "a municipal official", "two bus passengers", "a priest", "a teacher"]
OFFICIALS = [("Governor", "Rubén Castañeda"), ("Attorney General", "Marta Ibarra Solís"),
             ("Security Secretary", "Héctor Villanueva"), ("Mayor", "Lucía Fernández Ortiz"),
             ("spokesman", "Jorge Aldana")]
NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "11", "14", "17", "23"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

INCIDENTS = [
    "Gunmen killed {victim} on {weekday} in {city}, in the state of {state}, local authorities said.",
    "At least {n} people were killed when members of {group} clashed with {force} near {city} on {weekday}.",
    "{force_cap} were ambushed on a highway outside {city} on {weekday}; {n} of them died at the scene.",
    "Armed men set fire to {n} vehicles and blocked roads around {city} after the arrest of a leader of {group}.",
    "The bodies of {n} men were found on {weekday} in a ravine on the outskirts of {city}, {state}.",
    "Hundreds of residents marched through {city} on {weekday} to demand the return of {victim} who went missing.",
    "A car bomb exploded outside a police station in {city} on {weekday}, wounding {n} officers.",
    "{force_cap} clashed with gunmen of {group} in {city}, leaving {n} suspects dead, the army said.",
    "Unknown attackers shot dead {victim} outside a market in {city} late on {weekday}.",
    "Teachers blocked the main avenue of {city} on {weekday} to protest unpaid wages; no one was hurt.",
]
REACTIONS = [
    "\"We will not allow criminals to terrorise the people of {state},\" {title} {name} told reporters.",
    "{title} {name} said the investigation was continuing and that no arrests had been made.",
    "\"The violence has to stop,\" said {name}, the {title_low} of {state}, at a news conference.",
    "According to {title} {name}, the attackers fled towards the mountains in two pickup trucks.",
]
BACKGROUND = [
    "{state} has been one of the most violent states in Mexico for more than a decade.",
    "Rival factions of {group} have fought for control of drug routes in the region for years.",
    "The federal government sent additional troops to {state} last year, but attacks have continued.",
    "Residents said that shops and schools in {city} stayed closed for the rest of the week.",
    "Human rights groups have criticised the militarisation of public security in the country.",
    "Local media reported that the area had been quiet for several weeks before the attack.",
    "Farmers in the valley around {city} say they are forced to pay protection money every month.",
]


def _fill(template: str, rng: random.Random) -> str:
    city, state = rng.choice(PLACES)
    title, name = rng.choice(OFFICIALS)
    force = rng.choice(FORCES)
    return template.format(victim=rng.choice(VICTIMS), weekday=rng.choice(WEEKDAYS), city=city, state=state,
                           n=rng.choice(NUMBERS), group=rng.choice(GROUPS), force=force,
                           force_cap=force[:1].upper() + force[1:], title=title, title_low=title.lower(), name=name)


def article(rng: random.Random, paragraphs: int) -> str:
    """One article: a dateline lead, then paragraphs of incidents, reactions and background."""
    city, _ = rng.choice(PLACES)
    lead = f"{city.upper()}, Mexico — " + _fill(rng.choice(INCIDENTS), rng)
    body = [lead]
    for _ in range(paragraphs - 1):
        kinds = rng.choices([INCIDENTS, REACTIONS, BACKGROUND], weights=[2, 2, 3], k=rng.randint(2, 4))
        body.append(" ".join(_fill(rng.choice(k), rng) for k in kinds))
    return "\n\n".join(body)


def documents(count: int = 300, seed: int = 14, paragraphs: tuple[int, int] = (6, 14)) -> Iterator[dict[str, str]]:
    """``count`` articles as contract input records (id, text, title, published, language)."""
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    for i in range(count):
        text = article(rng, rng.randint(*paragraphs))
        yield {"id": f"bench-{i:05d}", "title": text.split(" — ", 1)[1].split(".")[0][:90], "text": text,
               "published": (start + dt.timedelta(days=i % 365)).isoformat(), "language": "en"}


def long_text(chars: int, seed: int = 14) -> str:
    """One document of about ``chars`` characters: articles' paragraphs run together."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < chars:
        part = article(rng, rng.randint(6, 14))
        parts.append(part)
        size += len(part) + 2
    return "\n\n".join(parts)[:chars]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("output")
    ap.add_argument("--documents", type=int, default=300)
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args()
    with open(args.output, "w", encoding="utf-8") as fh:
        for doc in documents(args.documents, args.seed):
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
