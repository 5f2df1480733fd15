"""Command-line interface. Each command parses its options and calls one API function."""

from __future__ import annotations

import itertools
import json
import os
import shlex
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from talaia.about import __version__
from talaia.errors import InputError, MissingDatabaseError, QueryError, TalaiaError
from talaia.export.formats import FORMATS, WRITERS, text_formats, writer
from talaia.ingest.readers import DEFAULT_MAX_BYTES, ReadOptions
from talaia.windows import DEFAULT_MAX_CHARS

if TYPE_CHECKING:
    from talaia.pipeline import Pipeline
    from talaia.store import EventDetail, EventFilter, StoredEvent

EXIT_STATUSES = """\b
Exit status:
  0  every input was read; documents that failed are reported (extract: an "error" field)
  1  every document failed, or an input path does not exist (it is reported; the
     other inputs are still processed)
  2  bad usage, or none of the inputs exists"""

READ_ONLY_NOTE = "The database must exist (this command only reads it)."

# EventFilter's fields whose option is not --<field>, for usage errors (filter_option())
RENAMED_OPTIONS = {"sub_event_type": "--sub-type", "date_from": "--since", "date_to": "--until", "text": "--search",
                   "event_id": "EVENT_ID"}


def filter_option(field: str | None) -> str | None:
    """The option (or argument) that sets EventFilter's ``field`` (None for another field)."""
    import dataclasses

    from talaia.store.filters import EventFilter

    if field in RENAMED_OPTIONS:
        return RENAMED_OPTIONS[field]
    known = {f.name for f in dataclasses.fields(EventFilter)}
    return f"--{field.replace('_', '-')}" if field in known else None


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="talaia", help="Show the version and exit.")
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


def fail(err: TalaiaError) -> NoReturn:
    """Exit 2 with a usage error for a bad option value or a missing database, else the error's line."""
    if isinstance(err, QueryError):
        raise click.BadParameter(err.message, param_hint=filter_option(err.field))
    if isinstance(err, MissingDatabaseError):
        raise click.BadParameter(err.message, param_hint="--db")
    report_error(err, "")
    sys.exit(2)


def main() -> None:
    from talaia.cli.config import default_map

    try:
        defaults = default_map(cli)
    except TalaiaError as err:
        click.echo(f"talaia: {err}", err=True)
        sys.exit(2)
    cli(prog_name="talaia", default_map=defaults)


F = TypeVar("F", bound=Callable[..., Any])

DB_OPTION = click.option("--db", metavar="FILE|URL", default=None,
                         help="SQLite database file, or a team's PostgreSQL database as postgresql://user@host/name "
                              "(default: $TALAIA_DB, else talaia.db in the user data folder).")
KNOWLEDGE_OPTION = click.option(
    "--knowledge", "knowledge", multiple=True, metavar="DIR", envvar="TALAIA_KNOWLEDGE",
    type=click.Path(exists=True, file_okay=False, resolve_path=True),
    help="A folder of your own knowledge files (the layout of talaia/lang and talaia/codebook), layered over "
         f"the built-in ones; repeatable (default: $TALAIA_KNOWLEDGE, folders separated by '{os.pathsep}').")
PROGRESS_OPTION = click.option("--progress/--no-progress", default=None,
                               help="Progress bar of documents extracted, on standard error (default: on a "
                                    "terminal).")
BATCH_OPTION = click.option("--batch-size", type=click.IntRange(min=1), default=32, show_default=True,
                            help="Documents per pipeline batch.")


def _read_options(func: F) -> F:
    for option in reversed([
        click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
                     help="Documents larger than this are refused with an error."),
        click.option("--language", type=click.Choice(["en", "es"]), default=None,
                     help="Force the language (default: given per document, else detected)."),
    ]):
        func = option(func)
    return func


def _engine_options(func: F) -> F:
    """Where extraction runs, and the longest text it takes."""
    for option in reversed([
        click.option("--max-chars", type=click.IntRange(min=1), default=DEFAULT_MAX_CHARS, show_default=True,
                     help="Texts longer than this are refused with an error (E104); long texts are read in "
                          "windows, in time linear in their length."),
        click.option("--workers", type=click.IntRange(min=1), default=None,
                     help="Extract on this many worker processes (default: 1 with the local engine, one per "
                          "CPU with Ray); the output is the same, in the same order."),
        click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
                     help="local: worker processes on this machine; ray: Ray workers (pip install "
                          "'talaia[ray]'), here or on the cluster at --address."),
        click.option("--address", default=None, metavar="ADDRESS",
                     help="The Ray cluster to run on ('auto', 'ray://head:10001'; default: start Ray here)."),
    ]):
        func = option(func)
    return func


def _pipeline(batch_size: int, knowledge: Sequence[str], max_chars: int = DEFAULT_MAX_CHARS,
              workers: int | None = None, engine: str = "local", address: str | None = None,
              progress: bool = False) -> Pipeline:
    from talaia.engines import Engine, ParallelPipeline
    from talaia.pipeline import Pipeline, PipelineConfig

    if address is not None and engine != "ray":
        raise click.BadParameter("a Ray cluster's address needs --engine ray", param_hint="--address")
    try:
        config = PipelineConfig(batch_size=batch_size, knowledge_dirs=tuple(knowledge), max_chars=max_chars)
        where = Engine("ray" if engine == "ray" else "local", workers, address)
        pipeline = Pipeline(config) if where.in_process else ParallelPipeline(config, where)
    except TalaiaError as err:
        fail(err)
    if progress:
        _announce_caches(pipeline)
    return pipeline


def _announce_caches(pipeline: Pipeline) -> None:
    """Say why a first run takes longer, and build the caches it needs (once) before it reads anything."""
    from talaia.caches import build_caches, cache_dir, missing_caches

    missing = missing_caches(pipeline.resources.knowledge)
    if missing:
        kinds = " and ".join(dict.fromkeys(f.kind for f in missing))
        click.echo(f"talaia: building the {kinds} cache in {cache_dir()} first (once; about 20 s; "
                   "'talaia cache build' does it ahead of time)", err=True)
        build_caches(pipeline.resources.knowledge)


def _show_progress(progress: bool | None) -> bool:
    return sys.stderr.isatty() if progress is None else progress


def _on_missing(missing: list[str]) -> Callable[[InputError], None]:
    def report(err: InputError) -> None:
        missing.append(err.document or "")
        report_error(err, "")
    return report


@cli.command(epilog=EXIT_STATUSES)
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default="-",
              help="Write JSON Lines here (default: standard output).")
@_read_options
@BATCH_OPTION
@_engine_options
@KNOWLEDGE_OPTION
@PROGRESS_OPTION
def extract(inputs: tuple[str, ...], output: str, max_bytes: int, language: str | None, batch_size: int,
            max_chars: int, workers: int | None, engine: str, address: str | None, knowledge: tuple[str, ...],
            progress: bool | None) -> None:
    """Extract events, quotes and places: one JSON line per input document (SCHEMA.md v1).

    INPUTS are files, folders (read recursively) or - for standard input: JSON Lines
    documents, plain text (first line may be "date YYYY-MM-DD") or HTML. An input that
    does not exist is reported and the others are still extracted.
    """
    from talaia.api import extract_paths

    options = ReadOptions(max_bytes=max_bytes, language=language)
    pipeline = _pipeline(batch_size, knowledge, max_chars, workers, engine, address, _show_progress(progress))
    missing: list[str] = []
    total = failed = 0
    try:
        results = extract_paths(inputs, options=options, pipeline=pipeline, progress=_show_progress(progress),
                                on_missing=_on_missing(missing))
    except TalaiaError as err:
        fail(err)
    out: IO[str]
    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
    try:
        for result in results:
            total += 1
            if result.error is not None:
                failed += 1
                report_error(result.error, result.id)
            out.write(_json_line(result.to_dict()) + "\n")
    except TalaiaError as err:
        fail(err)
    finally:
        pipeline.close()
        if out is not sys.stdout:
            out.close()
    if missing or (total and failed == total):
        sys.exit(1)


@cli.command(epilog=EXIT_STATUSES)
@click.argument("inputs", nargs=-1, required=True)
@DB_OPTION
@_read_options
@BATCH_OPTION
@_engine_options
@KNOWLEDGE_OPTION
@PROGRESS_OPTION
@click.option("--incremental-fusion/--full-fusion", "incremental", default=None,
              help="Fuse only the blocks (country, days around) of the documents stored, keeping the other "
                   "incidents as they are, or every stored event again; by default by block once the store "
                   "holds 20,000 events (`talaia fuse` fuses everything again).")
def ingest(inputs: tuple[str, ...], db: str | None, max_bytes: int, language: str | None, batch_size: int,
           max_chars: int, workers: int | None, engine: str, address: str | None, knowledge: tuple[str, ...],
           progress: bool | None, incremental: bool | None) -> None:
    """Extract from INPUTS and store the results; re-ingesting the same documents changes nothing.

    Exact copies and near-duplicates (syndicated stories) are linked as further sources of
    the original's events, not counted again. A document stored before by another extractor
    version (other components or knowledge) is extracted again and its events replaced.
    Errors are printed per document and kept in the database; an input that does not exist
    is reported and the others are still ingested.
    """
    from talaia.api import ingest_paths

    pipeline = _pipeline(batch_size, knowledge, max_chars, workers, engine, address, _show_progress(progress))
    missing: list[str] = []
    try:
        report = ingest_paths(inputs, db=db, options=ReadOptions(max_bytes=max_bytes, language=language),
                              progress=_show_progress(progress), pipeline=pipeline,
                              on_error=lambda m: click.echo(f"talaia: {m}", err=True),
                              on_missing=_on_missing(missing), incremental=incremental)
    except TalaiaError as err:
        fail(err)
    finally:
        pipeline.close()
    summary = ", ".join(f"{v} {k}" for k, v in report.to_dict().items())
    click.echo(f"talaia: {summary}", err=True)
    if missing or (report.read and report.failed == report.read):
        sys.exit(1)


@cli.command()
@DB_OPTION
@click.option("--all", "all_documents", is_flag=True,
              help="Extract every stored document again, not only those of another extractor version.")
@BATCH_OPTION
@_engine_options
@KNOWLEDGE_OPTION
@PROGRESS_OPTION
def reprocess(db: str | None, all_documents: bool, batch_size: int, max_chars: int, workers: int | None,
              engine: str, address: str | None, knowledge: tuple[str, ...], progress: bool | None) -> None:
    """Extract stored documents again from their stored text, with the current extractor.

    Every stored document (duplicates aside) that another extractor version produced (other
    components, or other --knowledge) is extracted again; its events, quotes and places are
    replaced and its duplicates stay linked to the new events. A document that fails keeps
    its earlier rows. Exit status 1 when some document failed.
    """
    from talaia.api import reprocess as reprocess_db

    pipeline = _pipeline(batch_size, knowledge, max_chars, workers, engine, address, _show_progress(progress))
    try:
        report = reprocess_db(db=db, pipeline=pipeline, all_documents=all_documents,
                              progress=_show_progress(progress),
                              on_error=lambda m: click.echo(f"talaia: {m}", err=True))
    except TalaiaError as err:
        fail(err)
    finally:
        pipeline.close()
    click.echo(f"talaia: {report.checked} stored documents checked: {report.reextracted} extracted again "
               f"({report.events} events), {report.current} already extracted by {pipeline.extractor_version}, "
               f"{report.failed} failed", err=True)
    if report.failed:
        sys.exit(1)


@cli.command("fuse")
@DB_OPTION
def fuse_command(db: str | None) -> None:
    """Group the stored events into incidents again (ingest and reprocess do it after each run).

    Reports of one incident from different documents become one event: events are compared
    within a country and a few days (by their time precision), on place, type, death toll,
    actors and the words their sentences share (docs/FUSION.md). The result does not depend
    on the order documents were ingested in. Reports with no event of their own that refer back to
    an incident ('the toll rose to 23') are linked to it as follow-ups.
    """
    from talaia.api import fuse_events

    try:
        report = fuse_events(db=db)
    except TalaiaError as err:
        fail(err)
    click.echo(f"talaia: {report.mentions} stored events in {report.incidents} incidents "
               f"({report.changed} regrouped, {report.followups} follow-up reports linked)", err=True)


def _filter_options(func: F) -> F:
    from talaia.store.filters import CERTAINTIES, REVIEW_STATUSES, acled_types

    for option in reversed([
        click.option("--country", help="Country: a name or an ISO alpha-2/alpha-3 code (Mexico, MX, MEX)."),
        click.option("--admin1", help="First-level unit, e.g. a state (accents and case ignored)."),
        click.option("--admin2", help="Second-level unit, e.g. a municipality (accents and case ignored)."),
        click.option("--sub-type", "sub_type", help="ACLED sub-event type, e.g. 'Armed clash' (case ignored)."),
        click.option("--event-type", help=f"ACLED event type (case ignored): {', '.join(acled_types()[0])}."),
        click.option("--actor", help="Any alias of an actor of the actor knowledge base ('CDS'), or part of an "
                                     "actor's name (accents and case ignored)."),
        click.option("--certainty", help=f"How sure the report is: {', '.join(CERTAINTIES)}."),
        click.option("--search", "text", metavar="TEXT",
                     help="Text in the notes, actors, place or evidence (accents and case ignored)."),
        click.option("--review", help=f"Review status: {', '.join(REVIEW_STATUSES)}."),
        click.option("--since", "date_from", metavar="YYYY-MM-DD", help="Earliest event date."),
        click.option("--until", "date_to", metavar="YYYY-MM-DD", help="Latest event date."),
        click.option("--limit", type=int, default=None, help="At most this many events."),
    ]):
        func = option(func)
    return func


def _where(kw: dict[str, Any]) -> EventFilter:
    from talaia.store import EventFilter

    try:
        return EventFilter(country=kw.get("country"), admin1=kw.get("admin1"), sub_event_type=kw.get("sub_type"),
                           event_type=kw.get("event_type"), actor=kw.get("actor"), date_from=kw.get("date_from"),
                           date_to=kw.get("date_to"), limit=kw.get("limit"), admin2=kw.get("admin2"),
                           certainty=kw.get("certainty"), text=kw.get("text"), review=kw.get("review"))
    except QueryError as err:
        fail(err)


def _format_help(choices: Sequence[str]) -> str:
    return "; ".join(f"{name}: {WRITERS[name].description}" for name in choices if name in WRITERS)


EVENTS_FORMATS = ("table", *text_formats(aliases=True))


@cli.group(invoke_without_command=True)
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(EVENTS_FORMATS), default="table", show_default=True,
              help="table: one line per event, its id first (for `talaia show`); "
                   + _format_help(text_formats()) + " (csv is acled-csv).")
@click.option("--mentions", is_flag=True,
              help="One line per document's event, before fusion (default: one per incident, every source).")
@_filter_options
@click.pass_context
def events(ctx: click.Context, /, db: str | None, fmt: str, mentions: bool, **kw: Any) -> None:
    """List stored events (one per incident), filtered; jsonl lines carry their sources.

    Reports of one incident from several documents are fused into one event, with ACLED's
    figures (lowest toll, highest as fatalities_high) and every source; --mentions lists each
    document's own events. The database must exist (this command only reads it).
    `talaia events split ID` and `talaia events merge ID ID` correct fusion.
    """
    from talaia.api import export_events, list_events

    if ctx.invoked_subcommand is not None:
        return
    where = _where(kw)
    try:
        if fmt == "table":
            click.echo(render_table(list_events(db=db, where=where, mentions=mentions)))
        else:
            click.echo(export_events(writer(fmt).name, db=db, where=where, mentions=mentions), nl=False)
    except TalaiaError as err:
        fail(err)


@events.command("split")
@click.argument("event_id")
@DB_OPTION
def events_split(event_id: str, db: str | None) -> None:
    """Undo a wrong fusion: set stored event EVENT_ID apart from the rest of its incident.

    Given a fused event's id (the first column of `talaia events`), all its stored events are
    set apart from one another. The correction is recorded: fusing again (after any ingest)
    keeps it. `talaia events --mentions` shows the stored events' ids.
    """
    from talaia.api import split_event

    try:
        apart = split_event(event_id, db=db)
    except TalaiaError as err:
        fail(err)
    click.echo(f"talaia: {len(apart)} stored event(s) set apart: {', '.join(i[:8] for i in apart)}", err=True)


@events.command("merge")
@click.argument("first")
@click.argument("second")
@DB_OPTION
def events_merge(first: str, second: str, db: str | None) -> None:
    """Make FIRST and SECOND one incident (fused events or stored events); recorded, kept on re-fusion."""
    from talaia.api import merge_events

    try:
        merge_events(first, second, db=db)
    except TalaiaError as err:
        fail(err)
    click.echo("talaia: merged", err=True)


@events.command("explain")
@click.argument("first")
@click.argument("second", required=False)
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of lines of text.")
def events_explain(first: str, second: str | None, db: str | None, as_json: bool) -> None:
    """Why stored events FIRST and SECOND are, or are not, one incident: fusion's score with its reasons.
    With FIRST alone: the follow-up reports linked to its incident, and why.

    Ids are those of `talaia events --mentions` (a unique prefix of 4 characters or more will do). The
    score adds up the evidence of docs/FUSION.md; a pair scoring the threshold may fuse, and a report
    joins an incident when its mean score with the incident's every report reaches the join threshold.
    A follow-up is a report with no event of its own whose words refer back to the incident ('the toll
    rose to 23', 'arrested over the massacre'), linked to the event it scores best against.
    """
    from talaia.api import explain_fusion, incident_followups

    if second is None:
        try:
            links = incident_followups(first, db=db)
        except TalaiaError as err:
            fail(err)
        if as_json:
            click.echo(json.dumps({"event": first, "followups": [link.to_dict() for link in links]},
                                  ensure_ascii=False))
            return
        click.echo(f"{first}: {len(links)} follow-up report{'' if len(links) == 1 else 's'}")
        for link in links:
            figure = f", gives {link.figure}" if link.figure else ""
            click.echo(f"  {link.document_id} -> {link.event_id[:8]}: {link.kind} '{link.phrase}'{figure}; "
                       f"score {link.score:g}")
            for reason, points in link.reasons:
                click.echo(f"    {points:+g}  {reason}")
        return
    try:
        found = explain_fusion(first, second, db=db)
    except TalaiaError as err:
        fail(err)
    if as_json:
        click.echo(json.dumps(found.to_dict(), ensure_ascii=False))
        return
    score = "ruled out" if found.score is None else f"{found.score:g}"
    click.echo(f"{found.first[:8]} ~ {found.second[:8]}: {score} (threshold {found.threshold:g}, join "
               f"{found.join_threshold:g}); {'one incident' if found.same_incident else 'different incidents'}")
    for reason, points in itertools.zip_longest(found.reasons, found.points):
        click.echo(f"  {'' if points is None else f'{points:+g}':>6}  {reason}")


def render_table(stored: Sequence[StoredEvent]) -> str:
    headers = ("id", "date", "sub-event type", "actor 1", "actor 2", "location", "admin1", "country", "deaths",
               "certainty", "review")
    rows = [(e.event_id[:8], e.event_date or "", e.sub_event_type, e.actor1 or "", e.actor2 or "", e.location or "",
             e.admin1 or "", e.country or "", "" if e.fatalities is None else str(e.fatalities), e.certainty,
             s.review.status if s.review else "")
            for s, e in ((s, s.event) for s in stored)]
    widths = [min(34, max([len(h)] + [len(r[i]) for r in rows])) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join((c if len(c) <= w else c[:w - 1] + "…").ljust(w) for c, w in zip(cells, widths, strict=True))

    out = [line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"{len(rows)} event{'s' if len(rows) != 1 else ''}")
    return "\n".join(out)


@cli.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help=_format_help(FORMATS) + ".")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Output file (default: standard output; parquet needs a file).")
@_filter_options
def export(db: str | None, fmt: str, output: str | None, **kw: Any) -> None:
    """Export stored events: ACLED's CSV columns, GeoJSON, JSON Lines or Parquet.

    The database must exist (this command only reads it).
    """
    from talaia.api import export_events

    if writer(fmt).needs_path and output is None:
        raise click.UsageError(f"--format {fmt} needs -o FILE")
    where = _where(kw)
    try:
        text = export_events(fmt, db=db, path=output, where=where)
    except TalaiaError as err:
        fail(err)
    if text is not None:
        click.echo(text, nl=False)


@cli.command()
@DB_OPTION
@click.option("--speaker", help="A speaker: any name of an actor of the actor knowledge base ('AMLO' finds "
                                 "'López Obrador'), else part of the speaker's name (accents and case ignored).")
@click.option("--event", "event", help="Only the quotes about this event (its id or a unique prefix): those "
                                        "next to the evidence of any report of the incident.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many quotes.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
              help="table: one line per quote; jsonl: one JSON object per quote.")
@KNOWLEDGE_OPTION
def quotes(db: str | None, speaker: str | None, event: str | None, limit: int | None, fmt: str,
           knowledge: tuple[str, ...]) -> None:
    """List stored quotes, optionally by speaker or about one event.

    Each line: the document, the speaker, whether the quote is direct or indirect, its cue and
    certainty ('reported': second-hand, such as 'reportedly told' or 'according to'), the event it
    speaks about. The database must exist (this command only reads it).
    """
    from talaia.api import list_quotes

    try:
        rows = list_quotes(db=db, speaker=speaker, limit=limit, knowledge=knowledge, event=event)
    except TalaiaError as err:
        fail(err)
    for q in rows:
        if fmt == "jsonl":
            click.echo(_json_line(q))
        else:
            click.echo(quote_line(q))
    if fmt == "table":
        click.echo(f"{len(rows)} quote{'s' if len(rows) != 1 else ''}")


@cli.command()
@click.argument("event_id")
@DB_OPTION
@click.option("--color/--no-color", default=None,
              help="Highlight the evidence in colour (default: on a terminal); without it, [[...]] marks it.")
def show(event_id: str, db: str | None, color: bool | None) -> None:
    """Show one event: its coded fields, its evidence in the article's text, and its sources.

    EVENT_ID is an event's id or a unique prefix of it (at least 4 characters; `talaia events`
    shows the first 8). The database must exist (this command only reads it).
    """
    from talaia.api import list_quotes, show_event

    try:
        detail = show_event(event_id, db=db)
        said = list_quotes(db=db, event=event_id)
    except TalaiaError as err:
        fail(err)
    use_color = sys.stdout.isatty() if color is None else color
    click.echo(render_event(detail, color=use_color), color=use_color)
    if said:
        click.echo(f"\n{len(said)} quote{'s' if len(said) != 1 else ''} about it:")
        for q in said:
            click.echo("  " + quote_line(q))


def _merge_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans within ``text``, trimmed of surrounding white space, overlapping ones merged."""
    trimmed = []
    for s, e in spans:
        start, end = max(0, s), min(len(text), e)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            trimmed.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(trimmed):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, spans: Sequence[tuple[int, int]], *, color: bool) -> str:
    """``text`` with ``spans`` (merged where they overlap) in bold yellow, or between [[ and ]]."""
    out, pos = [], 0
    for start, end in _merge_spans(text, spans):
        out.append(text[pos:start])
        out.append(click.style(text[start:end], fg="yellow", bold=True) if color else f"[[{text[start:end]}]]")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def quote_line(q: Mapping[str, Any]) -> str:
    """One stored quote on one line: document, speaker [direct or indirect, cue, certainty], text, event."""
    kind = "direct" if q["direct"] else "indirect"
    about = f"  (event {str(q['event_id'])[:8]})" if q.get("event_id") else ""
    return (f"{q['document_id']}  {q['speaker'] or '(unknown)'} [{kind}, {q['cue'] or '-'}, "
            f"{q.get('certainty') or 'stated'}]: {str(q['text'])[:160]}{about}")


def render_event(detail: EventDetail, *, color: bool = False) -> str:
    """The coded fields, the evidence (each span quoted), the sources, and the article with the evidence marked."""
    e, doc = detail.stored.event, detail.document
    text = doc.text

    def title(s: str) -> str:
        return click.style(s, bold=True) if color else s

    def actor(name: str | None, inter: str | None, assoc: tuple[str, ...]) -> str:
        if not name:
            return "-"
        return name + (f" [{inter}]" if inter else "") + (f"; with {', '.join(assoc)}" if assoc else "")

    parts = [x for x in (e.location, e.admin2, e.admin1, e.country) if x]
    where = ", ".join(x for i, x in enumerate(parts) if i == 0 or x != parts[i - 1]) or "-"
    if e.latitude is not None and e.longitude is not None:
        where += f" ({e.latitude:.4f}, {e.longitude:.4f})"
    deaths = "-" if e.fatalities is None else str(e.fatalities)
    if e.fatalities_high is not None and e.fatalities_high != e.fatalities:
        deaths += f" (up to {e.fatalities_high})"
    fields = [
        ("event", f"{e.sub_event_type} ({e.event_type})"),
        ("date", f"{e.event_date or '-'} (time precision {e.time_precision})"),
        ("actor 1", actor(e.actor1, e.inter1, e.assoc_actor_1)),
        ("actor 2", actor(e.actor2, e.inter2, e.assoc_actor_2)),
        ("location", f"{where} (geo precision {e.geo_precision})"),
        ("fatalities", deaths),
        ("certainty", e.certainty),
        ("notes", e.notes or "-"),
        ("extractor", detail.extractor_version),
    ]
    review = detail.stored.review
    if review is not None:
        fixed = ", ".join(f"{k} {v}" for k, v in review.values) or "no field"
        fields.append(("review", f"{review.status} by {review.reviewer} ({review.reviewed_at}; corrected: {fixed})"))
    lines = [title(f"Event {e.event_id}"), ""]
    lines += [f"  {name:<11} {value}" for name, value in fields]
    lines += ["", title("Evidence")]
    for i, ev in enumerate(dict.fromkeys(e.evidence), 1):
        excerpt = " ".join(text[ev.start:ev.end].split())
        lines.append(f"  {i:>2}. {ev.start}-{ev.end}  \"{excerpt}\"")
    if not e.evidence:
        lines.append("  (none)")
    lines += ["", title("Sources")]
    for s in detail.stored.sources:
        lines.append("  " + "  ".join(x for x in (s["document_id"], s["source"], s["published"]) if x))
    heading = f"Article {doc.id}" + (f": {doc.title}" if doc.title else "")
    lines += ["", title(heading), ""]
    lines.append(highlight(text, [(ev.start, ev.end) for ev in e.evidence], color=color).rstrip())
    return "\n".join(lines)


def talaia_command() -> str:
    """How to run this talaia again from the current folder: ``talaia`` when that is the one on
    PATH, else the script's path (relative when under the current folder), else ``python -m talaia``."""
    import shutil

    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is None or script.name != "talaia" or not script.is_file():
        return f"{shlex.quote(sys.executable)} -m talaia"
    on_path = shutil.which("talaia")
    if on_path and Path(on_path).resolve() == script.resolve():
        return "talaia"
    try:
        return shlex.quote(str(script.resolve().relative_to(Path.cwd().resolve())))
    except ValueError:
        return shlex.quote(str(script.resolve()))


@cli.command()
@click.option("--db", metavar="FILE|URL", default="out/talaia-demo.db", show_default=True,
              help="Database to ingest the samples into (a file, or a postgresql:// URL).")
@click.option("--export", "export_path", type=click.Path(dir_okay=False), default="out/talaia-demo-acled.csv",
              show_default=True, help="Where to write the ACLED CSV export.")
def demo(db: str, export_path: str) -> None:
    """Ingest the bundled sample articles, print a summary and write an ACLED CSV export."""
    from importlib import resources

    from talaia.api import export_events, ingest_paths, list_events
    from talaia.store.postgres import is_postgres_url, redact

    samples = resources.files("talaia") / "samples"
    inputs = [str(samples / "seed-sinaloa.txt"), str(samples / "wikinews.jsonl")]
    try:
        report = ingest_paths(inputs, db=db, progress=sys.stderr.isatty(),
                              on_error=lambda m: click.echo(f"talaia: {m}", err=True))
    except TalaiaError as err:
        fail(err)
    click.echo(f"Ingested {report.read} sample articles: {report.stored} stored, {report.reextracted} extracted "
               f"again, {report.unchanged} already stored, {report.duplicates} duplicates, {report.failed} failed; "
               f"{report.events} events written.\n")
    stored = list_events(db=db)
    click.echo(render_table(stored))
    Path(export_path).parent.mkdir(parents=True, exist_ok=True)
    export_events("acled-csv", db=db, path=export_path)
    command = talaia_command()
    where = db if is_postgres_url(db) else str(Path(db).resolve())
    db_arg = shlex.quote(redact(where))
    click.echo(f"\nDatabase:     {redact(where)}")
    click.echo(f"ACLED export: {Path(export_path).resolve()}")
    # the commands to paste come last, each alone on its line (labels above them)
    if stored:
        click.echo(f"\nOne event, with the words it was read from:\n    {command} show {stored[0].event.event_id[:8]} "
                   f"--db {db_arg}")
    click.echo(f"\nThe Michoacán events (paste the line from this folder):\n    {command} events --db {db_arg} "
               f"--admin1 Michoacán")
