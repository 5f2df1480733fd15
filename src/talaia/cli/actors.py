"""``talaia actors``: the actor knowledge base, with the stored events and quotes that name each actor."""

from __future__ import annotations

import click

from talaia.cli.main import DB_OPTION, KNOWLEDGE_OPTION, _json_line, fail
from talaia.errors import TalaiaError


@click.command("actors")
@click.argument("query", required=False)
@DB_OPTION
@KNOWLEDGE_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
              help="table: one line per actor; jsonl: one JSON object per actor.")
@click.option("--unknown/--no-unknown", default=True,
              help="Also list the stored actor and speaker names that resolve to no actor (default: yes).")
def actors_command(query: str | None, db: str | None, knowledge: tuple[str, ...], fmt: str, unknown: bool) -> None:
    """List the actors of the actor knowledge base (those QUERY finds by any name), with the stored
    events whose actor1 or actor2, and quotes whose speaker, resolve to each.

    Stored names that resolve to no actor are listed after them, under "unknown", with their counts.
    Without a database (no --db and none at the default path) the counts are 0.
    """
    from talaia.api import list_actors

    try:
        listing = list_actors(query, db=db, knowledge=knowledge)
    except TalaiaError as err:
        fail(err)
    for row in listing.known:
        a = row.actor
        if fmt == "jsonl":
            click.echo(_json_line(a.to_dict() | {"events": row.events, "quotes": row.quotes,
                                                 "stored_names": list(row.names)}))
            continue
        aliases = ", ".join(a.aliases[1:]) or "-"
        click.echo(f"{a.name}  [{a.type or a.kind}; {' '.join(a.countries) or '-'}]  events: {row.events}  "
                   f"quotes: {row.quotes}  aliases: {aliases}")
    if unknown:
        if fmt == "table" and listing.unknown:
            click.echo("unknown:")
        for name, events, quotes in listing.unknown:
            if fmt == "jsonl":
                click.echo(_json_line({"unknown": name, "events": events, "quotes": quotes}))
            else:
                click.echo(f"  {name}  events: {events}  quotes: {quotes}")
    if fmt == "table":
        click.echo(f"{len(listing.known)} actor{'s' if len(listing.known) != 1 else ''}, "
                   f"{len(listing.unknown)} unknown name{'s' if len(listing.unknown) != 1 else ''}", err=True)
