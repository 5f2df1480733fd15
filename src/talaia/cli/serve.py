"""``talaia serve``: the REST API with its offline docs; ``talaia review``: review events from the shell."""

from __future__ import annotations

import getpass
import os
from typing import TYPE_CHECKING

import click

from talaia.cli.main import DB_OPTION, _json_line, fail
from talaia.errors import TalaiaError
from talaia.review import CORRECTABLE_FIELDS

if TYPE_CHECKING:
    from talaia.store import StoredEvent


@click.command("serve")
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (another than loopback exposes the API to the network).")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True, help="Port to listen on.")
@click.option("--token", envvar="TALAIA_TOKEN", default=None, show_envvar=True,
              help="Bearer token that write requests (reviews) must carry; without one the server is read-only.")
@click.option("--max-body", type=click.IntRange(min=1024), default=64 * 1024, show_default=True,
              help="Largest request body accepted, in bytes.")
@click.option("--count-limit", type=click.IntRange(min=0), default=10_000, show_default=True,
              help="Matches an events page's total is counted exactly up to; beyond, it is given as a lower bound "
                   "(0: always count exactly).")
def serve_command(db: str | None, host: str, port: int, token: str | None, max_body: int, count_limit: int) -> None:
    """Serve the REST API over the database (docs/API.md), with its documentation at /docs.

    The database must exist. Reads need nothing; writes (reviews) need `Authorization: Bearer
    TOKEN` with the token given here, and are refused (403) when none was given.
    """
    import uvicorn

    from talaia.serve import ServeSettings, create_app
    from talaia.serve.settings import LOOPBACK
    from talaia.store import default_db
    from talaia.store.postgres import redact

    path = db or str(default_db())
    try:
        app = create_app(ServeSettings.for_host(path, host, token=token, max_body=max_body,
                                                count_limit=count_limit or None))
    except TalaiaError as err:
        fail(err)
    shown = f"[{host}]" if ":" in host else host
    access = "reviews need its bearer token" if token else "read-only (start with --token or TALAIA_TOKEN for reviews)"
    click.echo(f"talaia: serving {redact(path)} on http://{shown}:{port} (docs: http://{shown}:{port}/docs); {access}",
               err=True)
    if host not in LOOPBACK:
        click.echo(f"talaia: warning: {host} is not a loopback address: anyone who can reach this machine can read "
                   "the API", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)


REVIEWER_OPTION = click.option(
    "--reviewer", envvar="TALAIA_REVIEWER", default=None, show_envvar=True,
    help="Who reviews (default: $TALAIA_REVIEWER, else your login name).")
NOTE_OPTION = click.option("--note", default=None, help="Why (kept in the audit log).")


def _reviewer(given: str | None) -> str:
    if given:
        return given
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER", "") or "unknown"


@click.group("review")
def review_group() -> None:
    """Review stored events: accept, reject (not an event) or correct a field; the audit log; gold.

    Corrections are kept with who, when, the value before and after; they are applied whenever
    events are read (`talaia events`, `talaia export`, `talaia serve`) and survive re-extraction
    and re-fusion. EVENT_ID is an id or a unique prefix (the first column of `talaia events`).
    """


def _echo_event(action: str, stored: StoredEvent) -> None:
    e = stored.event
    status = stored.review.status if stored.review else "unreviewed"
    click.echo(f"talaia: {action}: {e.event_id[:8]} {e.event_date or '-'} {e.sub_event_type} "
               f"{e.location or '-'} ({status})", err=True)


@review_group.command("accept")
@click.argument("event_id")
@DB_OPTION
@REVIEWER_OPTION
@NOTE_OPTION
def review_accept(event_id: str, db: str | None, reviewer: str | None, note: str | None) -> None:
    """Accept EVENT_ID as coded."""
    _review(event_id, "accept", db, reviewer, note)


@review_group.command("reject")
@click.argument("event_id")
@DB_OPTION
@REVIEWER_OPTION
@NOTE_OPTION
def review_reject(event_id: str, db: str | None, reviewer: str | None, note: str | None) -> None:
    """Mark EVENT_ID wrong: not an event (exports leave it out)."""
    _review(event_id, "reject", db, reviewer, note)


def _value(field: str, value: str | None) -> object:
    if value is None:
        return None
    try:
        if field == "fatalities":
            return int(value)
        if field in {"latitude", "longitude"}:
            return float(value)
    except ValueError:
        raise click.BadParameter(f"{field} takes a number, not {value!r}", param_hint="VALUE") from None
    return value


@review_group.command("correct")
@click.argument("event_id")
@click.argument("field", type=click.Choice(CORRECTABLE_FIELDS))
@click.argument("value", required=False)
@click.option("--clear", is_flag=True, help="Set FIELD to nothing (no VALUE).")
@click.option("--new-actor", is_flag=True, help="Take an actor name the actor knowledge base does not know.")
@DB_OPTION
@REVIEWER_OPTION
@NOTE_OPTION
def review_correct(event_id: str, field: str, value: str | None, clear: bool, new_actor: bool, db: str | None,
                   reviewer: str | None, note: str | None) -> None:
    """Correct FIELD of EVENT_ID to VALUE (or --clear it), checked like input.

    Types and sub-types take ACLED's names in any case; event_date is YYYY-MM-DD, not after the
    event's first report; fatalities a whole number from 0 to 100,000; latitude and longitude
    numbers; admin1, admin2 and location places of the gazetteer in the event's country ('Tala,
    Jalisco' moves the event to another state; a place sets its admin1, admin2 and coordinates);
    actors any alias of the actor knowledge base, stored as its canonical name (--new-actor: a name
    it does not know, as written).
    """
    if (value is None) != clear:
        raise click.UsageError("give a VALUE, or --clear to set the field to nothing")
    _review(event_id, "correct", db, reviewer, note, field=field, value=_value(field, value), new_actor=new_actor,
            clear=clear)


@review_group.command("undo")
@click.argument("event_id")
@DB_OPTION
@REVIEWER_OPTION
@NOTE_OPTION
def review_undo(event_id: str, db: str | None, reviewer: str | None, note: str | None) -> None:
    """Undo the latest review of EVENT_ID's incident (recorded as a new row of the audit log)."""
    _review(event_id, "undo", db, reviewer, note)


def _review(event_id: str, action: str, db: str | None, reviewer: str | None, note: str | None,
            field: str | None = None, value: object = None, new_actor: bool = False, clear: bool = False) -> None:
    from talaia.api import review_event

    try:
        stored = review_event(event_id, action=action, reviewer=_reviewer(reviewer), field=field, value=value,
                              note=note, new_actor=new_actor, clear=clear, db=db)
    except TalaiaError as err:
        fail(err)
    done = {"correct": f"corrected {field}", "undo": "undone"}.get(action, f"{action}ed")
    _echo_event(done, stored)


@review_group.command("log")
@click.argument("event_id", required=False)
@DB_OPTION
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many reviews.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
              help="table: one line per review; jsonl: one JSON object per review.")
def review_log_command(event_id: str | None, db: str | None, limit: int | None, fmt: str) -> None:
    """The audit log, newest first: every review, or those of EVENT_ID's incident."""
    from talaia.api import review_log

    try:
        entries = review_log(db=db, event_id=event_id, limit=limit)
    except TalaiaError as err:
        fail(err)
    for entry in entries:
        r = entry.review
        if fmt == "jsonl":
            click.echo(_json_line(entry.to_dict()))
            continue
        change = f" {r.field}: {_json_line(r.before)} -> {_json_line(r.after)}" if r.action == "correct" else ""
        target = (entry.applies_to or "(nothing now)")[:8]
        click.echo(f"{r.reviewed_at[:19]}  {r.reviewer}  {r.action}{change}  event {r.event_id[:8]} "
                   f"(applies to {target}){'  note: ' + r.note if r.note else ''}")
    if fmt == "table":
        click.echo(f"{len(entries)} review{'s' if len(entries) != 1 else ''}", err=True)


@review_group.command("queue")
@DB_OPTION
@click.option("--limit", type=click.IntRange(min=1, max=500), default=20, show_default=True,
              help="At most this many events.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many first.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
              help="table: one line per event with its reasons; jsonl: one JSON object per event.")
def review_queue_command(db: str | None, limit: int, offset: int, fmt: str) -> None:
    """The events no analyst has reviewed, the least confident first, each with why it is doubtful.

    Ordered by the event's confidence (lowest first); an event without one gets it from its doubts
    ('place is a state only', 'reports disagree on deaths'). Review them with `talaia review accept|
    reject|correct ID` (the first column).
    """
    from talaia.api import review_queue

    try:
        page = review_queue(db=db, limit=limit, offset=offset)
    except TalaiaError as err:
        fail(err)
    for item in page.items:
        if fmt == "jsonl":
            click.echo(_json_line(item.to_dict()))
            continue
        e = item.stored.event
        place = ", ".join(dict.fromkeys(p for p in (e.location, e.admin1, e.country) if p)) or "-"
        click.echo(f"{e.event_id[:8]}  {item.confidence:.2f}  {e.event_date or '-':<10}  {e.sub_event_type}, "
                   f"{place}: {'; '.join(item.reasons) or 'no doubt found'}")
    if fmt == "table":
        shown = f"{offset + 1}-{offset + len(page.items)} of " if page.items else ""
        click.echo(f"{shown}{page.total} unreviewed event{'s' if page.total != 1 else ''}, least confident first",
                   err=True)


@review_group.command("gold")
@DB_OPTION
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write JSON Lines here (default: standard output).")
def review_gold_command(db: str | None, output: str | None) -> None:
    """The reviewed events as gold, one JSON line per reviewed incident (to measure the extractor)."""
    from talaia.api import review_gold

    try:
        lines = "".join(_json_line(r) + "\n" for r in review_gold(db=db))
    except TalaiaError as err:
        fail(err)
    if output is None:
        click.echo(lines, nl=False)
    else:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(lines)
