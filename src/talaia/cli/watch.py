"""``talaia watch`` (poll news sources into the store, alert on spikes) and ``talaia sources`` (their health)."""

from __future__ import annotations

import json
import re
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click

from talaia.analysis.series import GROUPINGS
from talaia.cli.main import BATCH_OPTION, DB_OPTION, KNOWLEDGE_OPTION, _pipeline, fail
from talaia.errors import SourcesFileError, TalaiaError

if TYPE_CHECKING:
    from talaia.analysis.series import Grouping
    from talaia.watch import CycleReport

WATCH_STATUSES = """\b
Exit status:
  0  --once: every source was read (articles that failed are reported and tried again
     on later polls, at most 3 times); without --once: stopped by Ctrl-C or SIGTERM
  1  --once: some source could not be read, or an alert could not be delivered (each named)
  2  bad usage, or a sources file that is not valid"""


def _seconds(_ctx: click.Context, param: click.Parameter, value: str) -> float:
    from talaia.watch import parse_interval

    try:
        return parse_interval(value, param.name or "every").total_seconds()
    except SourcesFileError as err:
        raise click.BadParameter(err.message) from None


@click.command("watch", epilog=WATCH_STATUSES)
@click.argument("sources", type=click.Path(dir_okay=False))
@DB_OPTION
@click.option("--once", is_flag=True, help="Poll every source once now, ingest, check alerts and exit (for cron or "
                                           "a systemd timer).")
@click.option("--every", default="15m", show_default=True, callback=_seconds,
              help="How often to poll a source that sets no 'every' of its own (90s, 15m, 2h, 1d).")
@click.option("--alert-webhook", metavar="URL", help="POST each new alert there as JSON.")
@click.option("--alert-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Append each new alert to this file as a JSON line.")
@click.option("--alert-by", type=click.Choice(GROUPINGS), default="admin1", show_default=True,
              help="What an area is for the alert check (as talaia alerts --by).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=20.0, show_default=True,
              help="Seconds to wait for a site to connect or send data.")
@click.option("--retries", type=click.IntRange(min=0), default=2, show_default=True,
              help="Tries again after a network error, a timeout, 429 or 5xx, waiting longer each time.")
@click.option("--backoff", type=click.FloatRange(min=0), default=2.0, show_default=True,
              help="Seconds before the first retry (doubled for each next one).")
@click.option("--host-interval", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="At least this many seconds between two requests to one host (more if robots.txt asks).")
@click.option("--contact", metavar="URL|EMAIL", help="How sites can reach you, added to the User-Agent.")
@click.option("--json", "as_json", is_flag=True, help="Print each cycle's report as a JSON line on standard output.")
@BATCH_OPTION
@KNOWLEDGE_OPTION
def watch_command(sources: str, db: str | None, once: bool, every: float, alert_webhook: str | None,
                  alert_file: Path | None, alert_by: str, timeout: float, retries: int, backoff: float,
                  host_interval: float, contact: str | None, as_json: bool, batch_size: int,
                  knowledge: tuple[str, ...]) -> None:
    """Poll the news sources of SOURCES (a TOML file, docs/WATCH.md) and ingest their new articles.

    Each source (an RSS or Atom feed, a sitemap or an article page) is fetched with conditional
    requests, robots.txt obeyed and one request per host at a time; new articles are read as
    talaia ingest reads HTML and stored exactly as it would (an article stored before, by URL or
    by text, is not fetched or extracted again). New reports join their incidents, then the weeks
    of the new events are checked for spikes (talaia alerts) and each new alert is delivered
    once. The state is kept in the database: a restarted watch resumes.
    """
    import datetime as dt

    from talaia.api import watch
    from talaia.watch import AlertTargets, FetchSettings, WatchRun, WatchSettings, load_sources

    if alert_webhook and not re.match(r"https?://[^/\s]+", alert_webhook):
        raise click.BadParameter(f"an http:// or https:// URL, not {alert_webhook!r}", param_hint="--alert-webhook")
    try:
        listed = load_sources(sources)
    except TalaiaError as err:
        fail(err)
    run = WatchRun(WatchSettings(every=dt.timedelta(seconds=every)),
                   FetchSettings(timeout=timeout, attempts=retries + 1, backoff=backoff, host_interval=host_interval,
                                 contact=contact),
                   AlertTargets(alert_webhook, alert_file, cast("Grouping", alert_by)))
    stop = threading.Event()
    if not once and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
    pipeline = _pipeline(batch_size, knowledge)
    failed = False

    def show(report: CycleReport) -> None:
        nonlocal failed
        failed = failed or bool(report.failures)
        _print_cycle(report)
        if as_json:
            click.echo(json.dumps(report.to_dict(), ensure_ascii=False))

    try:
        watch(listed, db=db, run=run, once=once, pipeline=pipeline, stop=stop, on_cycle=show)
    except KeyboardInterrupt:
        click.echo("talaia: watch stopped", err=True)
    except TalaiaError as err:
        fail(err)
    finally:
        pipeline.close()
    if once and failed:
        sys.exit(1)


def _print_cycle(report: CycleReport) -> None:
    for source in report.sources:
        if source.error:
            line = f"FAILED {source.error}"
        elif source.not_modified:
            line = "not modified"
        else:
            counts = {o: source.count(o) for o in ("stored", "duplicate", "unchanged", "empty", "unreadable",
                                                   "failed", "gave-up", "forbidden")}
            line = f"{source.listed} listed, {source.new} new" + "".join(
                f", {n} {o}" for o, n in counts.items() if n) + (" (more on the next poll)" if source.more else "")
        click.echo(f"talaia: watch {report.started_at} {source.name}: {line}", err=True)
        if source.warning:
            click.echo(f"talaia: watch {source.name}: {source.warning}", err=True)
        for article in source.articles:
            if article.message and article.outcome in {"failed", "gave-up", "forbidden", "unreadable"}:
                click.echo(f"talaia: watch {source.name}: {article.url}: {article.message}", err=True)
    for payload in report.alerts:
        alert = payload["alert"]
        click.echo(f"talaia: ALERT {alert['area']['label']} {alert['week']}: {alert['observed']} {alert['measure']} "
                   f"(expected {alert['expected']:.1f}, p={alert['p_value']:.2g})", err=True)
    for message in report.delivery_errors:
        click.echo(f"talaia: watch: {message}", err=True)


@click.command("sources")
@click.argument("sources", type=click.Path(dir_okay=False))
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: for people; json: every field, for scripts.")
def sources_command(sources: str, db: str | None, fmt: str) -> None:
    """Each source of SOURCES with its health: last success, last error, articles seen and
    ingested, next poll. The database must exist (this command only reads it)."""
    from talaia.api import source_health

    try:
        health = source_health(sources, db=db)
    except TalaiaError as err:
        fail(err)
    if fmt == "json":
        click.echo(json.dumps([h.to_dict() for h in health], ensure_ascii=False, indent=2))
        return
    rows: list[dict[str, Any]] = [h.to_dict() for h in health]
    columns = ("name", "status", "last_success_at", "articles_seen", "articles_ingested", "next_poll_at",
               "last_error")
    titles = ("SOURCE", "STATUS", "LAST SUCCESS", "SEEN", "INGESTED", "NEXT POLL", "LAST ERROR")
    table = [titles] + [tuple("-" if r[c] is None else str(r[c]) for c in columns) for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(columns) - 1)]
    for row in table:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[-1])
