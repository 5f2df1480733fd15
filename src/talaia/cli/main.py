"""Command-line interface. Each command parses its options and calls one API function."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING, Any, TypeVar

import click

from talaia.about import __version__
from talaia.errors import TalaiaError
from talaia.ingest.readers import DEFAULT_MAX_BYTES, ReadOptions

if TYPE_CHECKING:
    from talaia.store.sqlite import EventFilter, StoredEvent

EXIT_STATUSES = """\b
Exit status:
  0  every input was read; documents that failed have an "error" field
  1  every document failed
  2  bad usage, or an input that does not exist or cannot be read"""


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="talaia")
def cli() -> None:
    """Talaia: news reports on political violence and organised crime -> ACLED-coded events.

    Every field is linked to the words it was read from. Runs offline.
    """


def _json_line(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def report_error(err: TalaiaError | dict[str, str], label: str) -> None:
    if isinstance(err, TalaiaError):
        click.echo(f"talaia: {err}", err=True)
    else:
        click.echo(f"talaia: {label}: {err.get('code')}: {err.get('message')}", err=True)


@cli.command(epilog=EXIT_STATUSES)
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default="-",
              help="Write JSON Lines here (default: standard output).")
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
              help="Documents larger than this are refused with an error line.")
@click.option("--language", type=click.Choice(["en", "es"]), default=None,
              help="Force the language (default: given per document, else detected).")
@click.option("--batch-size", type=int, default=32, show_default=True)
def extract(inputs: tuple[str, ...], output: str, max_bytes: int, language: str | None, batch_size: int) -> None:
    """Extract events, quotes and places: one JSON line per input document (SCHEMA.md v1).

    INPUTS are files, folders (read recursively) or - for standard input: JSON Lines
    documents, plain text (first line may be "date YYYY-MM-DD") or HTML.
    """
    from talaia.api import extract_paths
    from talaia.pipeline import PipelineConfig

    options = ReadOptions(max_bytes=max_bytes, language=language)
    total = failed = 0
    out: IO[str]
    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
    try:
        for result in extract_paths(inputs, options=options, config=PipelineConfig(batch_size=batch_size)):
            total += 1
            if result.error is not None:
                failed += 1
                report_error(result.error, result.id)
            out.write(_json_line(result.to_dict()) + "\n")
    except TalaiaError as err:
        report_error(err, "")
        sys.exit(2)
    finally:
        if out is not sys.stdout:
            out.close()
    if total and failed == total:
        sys.exit(1)


def main() -> None:
    cli(prog_name="talaia")


DB_OPTION = click.option("--db", type=click.Path(dir_okay=False), default=None,
                         help="SQLite database file (default: $TALAIA_DB, else talaia.db in the user data folder).")


@cli.command(epilog=EXIT_STATUSES)
@click.argument("inputs", nargs=-1, required=True)
@DB_OPTION
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True)
@click.option("--language", type=click.Choice(["en", "es"]), default=None)
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
def ingest(inputs: tuple[str, ...], db: str | None, max_bytes: int, language: str | None,
           progress: bool | None) -> None:
    """Extract from INPUTS and store the results; re-ingesting the same documents changes nothing.

    Exact copies and near-duplicates (syndicated stories) are linked as further sources of
    the original's events, not counted again. Errors are printed per document and kept in
    the database.
    """
    from talaia.api import ingest_paths

    show = sys.stderr.isatty() if progress is None else progress
    try:
        report = ingest_paths(inputs, db=db, options=ReadOptions(max_bytes=max_bytes, language=language),
                              progress=show, on_error=lambda m: click.echo(f"talaia: {m}", err=True))
    except TalaiaError as err:
        report_error(err, "")
        sys.exit(2)
    summary = ", ".join(f"{v} {k}" for k, v in report.to_dict().items())
    click.echo(f"talaia: {summary}", err=True)
    if report.read and report.failed == report.read:
        sys.exit(1)


F = TypeVar("F", bound=Callable[..., Any])


def _filter_options(func: F) -> F:
    for option in reversed([
        click.option("--country", help="Country name or ISO code."),
        click.option("--admin1", help="First-level unit (accents and case ignored)."),
        click.option("--sub-type", "sub_type", help="ACLED sub-event type."),
        click.option("--event-type", help="ACLED event type."),
        click.option("--actor", help="Part of an actor's name."),
        click.option("--since", "date_from", help="Earliest event date, YYYY-MM-DD."),
        click.option("--until", "date_to", help="Latest event date, YYYY-MM-DD."),
        click.option("--limit", type=int, default=None),
    ]):
        func = option(func)
    return func


def _where(kw: dict[str, object]) -> EventFilter:
    from talaia.store.sqlite import EventFilter

    return EventFilter(country=kw.get("country"), admin1=kw.get("admin1"),  # type: ignore[arg-type]
                       sub_event_type=kw.get("sub_type"), event_type=kw.get("event_type"),  # type: ignore[arg-type]
                       actor=kw.get("actor"), date_from=kw.get("date_from"),  # type: ignore[arg-type]
                       date_to=kw.get("date_to"), limit=kw.get("limit"))  # type: ignore[arg-type]


@cli.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table", show_default=True)
@_filter_options
def events(db: str | None, fmt: str, **kw: object) -> None:
    """List stored events (one per incident), filtered; jsonl lines carry their sources."""
    from talaia.api import export_events, list_events

    where = _where(kw)
    try:
        if fmt == "jsonl":
            click.echo(export_events("jsonl", db=db, where=where), nl=False)
        elif fmt == "csv":
            click.echo(export_events("acled-csv", db=db, where=where), nl=False)
        else:
            click.echo(render_table(list_events(db=db, where=where)))
    except TalaiaError as err:
        report_error(err, "")
        sys.exit(2)


def render_table(stored: Sequence[StoredEvent]) -> str:
    headers = ("date", "sub-event type", "actor 1", "actor 2", "location", "admin1", "country", "deaths", "certainty")
    rows = [(e.event_date or "", e.sub_event_type, e.actor1 or "", e.actor2 or "", e.location or "",
             e.admin1 or "", e.country or "", "" if e.fatalities is None else str(e.fatalities), e.certainty)
            for e in (s.event for s in stored)]
    widths = [min(34, max([len(h)] + [len(r[i]) for r in rows])) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join((c if len(c) <= w else c[:w - 1] + "…").ljust(w) for c, w in zip(cells, widths, strict=True))

    out = [line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"{len(rows)} event{'s' if len(rows) != 1 else ''}")
    return "\n".join(out)


@cli.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["acled-csv", "geojson", "jsonl", "parquet"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Output file (default: standard output; parquet needs a file).")
@_filter_options
def export(db: str | None, fmt: str, output: str | None, **kw: object) -> None:
    """Export stored events: ACLED's CSV columns, GeoJSON, JSON Lines or Parquet."""
    from talaia.api import export_events

    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs -o FILE")
    try:
        text = export_events(fmt, db=db, path=output, where=_where(kw))
    except TalaiaError as err:
        report_error(err, "")
        sys.exit(2)
    if text is not None:
        click.echo(text, nl=False)


@cli.command()
@DB_OPTION
@click.option("--speaker", help="Part of the speaker's name.")
@click.option("--limit", type=int, default=None)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def quotes(db: str | None, speaker: str | None, limit: int | None, fmt: str) -> None:
    """List stored quotes, optionally by speaker."""
    from talaia.api import list_quotes

    rows = list_quotes(db=db, speaker=speaker, limit=limit)
    for q in rows:
        if fmt == "jsonl":
            click.echo(_json_line(q))
        else:
            kind = "direct" if q["direct"] else "reported"
            click.echo(f"{q['document_id']}  {q['speaker'] or '(unknown)'} [{kind}, {q['cue'] or '-'}]: "
                       f"{str(q['text'])[:160]}")
    if fmt == "table":
        click.echo(f"{len(rows)} quote{'s' if len(rows) != 1 else ''}")


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False), default="out/talaia-demo.db", show_default=True)
@click.option("--export", "export_path", type=click.Path(dir_okay=False), default="out/talaia-demo-acled.csv",
              show_default=True)
def demo(db: str, export_path: str) -> None:
    """Ingest the bundled sample articles, print a summary and write an ACLED CSV export."""
    from importlib import resources
    from pathlib import Path

    from talaia.api import export_events, ingest_paths, list_events

    samples = resources.files("talaia") / "samples"
    inputs = [str(samples / "seed-sinaloa.txt"), str(samples / "wikinews.jsonl")]
    Path(db).parent.mkdir(parents=True, exist_ok=True)
    report = ingest_paths(inputs, db=db, progress=sys.stderr.isatty(),
                          on_error=lambda m: click.echo(f"talaia: {m}", err=True))
    click.echo(f"Ingested {report.read} sample articles: {report.stored} stored, {report.unchanged} already "
               f"stored, {report.duplicates} duplicates, {report.failed} failed; {report.events} new events.\n")
    click.echo(render_table(list_events(db=db)))
    Path(export_path).parent.mkdir(parents=True, exist_ok=True)
    export_events("acled-csv", db=db, path=export_path)
    click.echo(f"\nDatabase:     {Path(db).resolve()}")
    click.echo(f"ACLED export: {Path(export_path).resolve()}")
    click.echo(f"Try:          talaia events --db {db} --admin1 Michoacán")
