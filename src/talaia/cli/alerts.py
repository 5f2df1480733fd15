"""``talaia alerts``: area-weeks with unusually much violence against each area's own history."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, cast

import click

from talaia.analysis.series import GROUPINGS
from talaia.analysis.spikes import MEASURES
from talaia.cli.main import DB_OPTION, fail, filter_option
from talaia.errors import QueryError, TalaiaError

if TYPE_CHECKING:
    from talaia.analysis.series import Grouping
    from talaia.analysis.spikes import Alert, AlertReport, AreaHistory


def _option(field: str | None) -> str | None:
    """The option that sets a QueryError's field (``min_count`` -> ``--min-count``), for usage errors: a
    filter's as every command names it, the settings' by their own names."""
    if field is None:
        return None
    return filter_option(field) or ("--min-history" if field == "min_history_weeks" else "--" + field.replace("_", "-"))


@click.command("alerts")
@click.option("--week", metavar="YYYY-Www", help="The ISO week to judge, e.g. 2019-W42 (default: the week of the "
                                                 "latest stored event).")
@click.option("--since", metavar="YYYY-MM-DD", help="Judge every week from this date's to --until's (default: the "
                                                   "latest stored event's).")
@click.option("--until", metavar="YYYY-MM-DD", help="The last week judged is this date's (default: the latest "
                                                   "stored event's).")
@click.option("--by", type=click.Choice(GROUPINGS), default="admin1", show_default=True,
              help="What an area is: a country, state (admin1), municipality (admin2), actor or event type.")
@click.option("--country", help="Only this country's events (a name or an ISO code).")
@click.option("--admin1", help="Only this first-level unit's events (accents and case ignored).")
@click.option("--area", "areas", multiple=True, metavar="NAME",
              help="Only the area with this name (of --by's kind, e.g. a municipality with --by admin2); repeatable.")
@click.option("--event-type", help="Only events of this ACLED event type.")
@click.option("--actor", help="Only events with an actor whose name contains this.")
@click.option("--measure", type=click.Choice(MEASURES), default="events", show_default=True,
              help="What is counted per week: events (incidents) or their fatalities.")
@click.option("--threshold", type=float, default=None,
              help="Alert when p <= this (default 0.005: about 0.1-0.4 false alarms per area-year).")
@click.option("--min-count", type=int, default=None, help="A week with fewer never alerts (default 3).")
@click.option("--min-history", "min_history_weeks", type=int, default=None,
              help="Weeks of history an area needs before it can alert (default 52).")
@click.option("--top", type=click.IntRange(min=0), default=3, show_default=True,
              help="How many of an alert's events to list (deadliest first).")
@click.option("--history", "history_area", metavar="AREA",
              help="Instead: every week of AREA (a name of --by's kind) with its expected band, from "
                   "--since (default: its first event) to --week (default: the latest stored event).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="table: for people; json: the whole report; csv: one row per alert (or week, with --history).")
@DB_OPTION
def alerts_command(week: str | None, since: str | None, until: str | None, by: str, country: str | None,
                   admin1: str | None, areas: tuple[str, ...], event_type: str | None, actor: str | None, measure: str,
                   threshold: float | None, min_count: int | None, min_history_weeks: int | None, top: int,
                   history_area: str | None, fmt: str, db: str | None) -> None:
    """List the area-weeks with unusually much violence against each area's own history.

    Each area's weekly count of incidents (or deaths) is compared with what its past weeks lead
    one to expect: the same season in earlier years, a trend when there is one, past spikes
    down-weighted (the improved Farrington model, docs/ALERTS.md). An alert gives the observed
    count, the expected one, the band's top, the p-value and the week's main events. The
    database must exist (this command only reads it).
    """
    from talaia.analysis.spikes import AlertSettings
    from talaia.api import alerts, area_history
    from talaia.store import EventFilter

    if week and (since or until) and not history_area:
        raise click.UsageError("give --week, or --since and --until, not both (with --history: --since from, "
                               "--week to)")
    try:
        settings = AlertSettings.chosen(measure=measure, threshold=threshold, min_count=min_count,
                                        min_history_weeks=min_history_weeks)
        where = EventFilter(country=country, admin1=admin1, event_type=event_type, actor=actor)
        grouping = cast("Grouping", by)
        if history_area:
            click.echo(render_history(area_history(history_area, db=db, since=since, until=week, by=grouping,
                                                   where=where, settings=settings), fmt), nl=False)
            return
        report = alerts(db=db, week=week, since=since, until=until, by=grouping, where=where, areas=areas,
                        settings=settings, top=top)
    except QueryError as err:
        raise click.BadParameter(err.message, param_hint=_option(err.field)) from None
    except TalaiaError as err:
        fail(err)
    click.echo(render_alerts(report, fmt), nl=False)


def _p(value: float | None) -> str:
    return "" if value is None else f"{value:.2g}"


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    from talaia.export.formats import write_csv

    return write_csv(rows, columns)


def _alert_row(a: Alert) -> dict[str, Any]:
    return {"week": a.week, **a.area.to_dict(), "measure": a.measure, "observed": a.observed,
            "expected": round(a.expected, 3), "upper": a.upper, "p_value": a.p_value, "events": a.events,
            "fatalities": a.fatalities, "top_events": " ".join(str(e["event_id"]) for e in a.top_events)}


def render_alerts(report: AlertReport, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        rows = [_alert_row(a) for a in report.alerts]
        columns = list(dict.fromkeys(k for r in rows for k in r)) or ["week", "by", "label", "measure", "observed",
                                                                    "expected", "upper", "p_value", "events",
                                                                    "fatalities", "top_events"]
        return _csv(rows, columns)
    weeks = (report.weeks[0] if len(report.weeks) == 1 else
             f"{report.weeks[0]} to {report.weeks[-1]}" if report.weeks else "no week (no stored events)")
    s = report.settings
    lines = [f"{len(report.alerts)} alert{'s' if len(report.alerts) != 1 else ''} in {weeks}, {report.areas} "
             f"area{'s' if report.areas != 1 else ''} by {report.by} ({s.measure}, p <= {s.threshold:g}, "
             f"at least {s.min_count}, {s.min_history_weeks} weeks of history)"]
    if report.alerts:
        lines += ["", f"{'week':<9}  {'area':<32}  {'observed':>8}  {'expected':>8}  {'band':>5}  {'p':>8}  deaths"]
    for a in report.alerts:
        lines.append(f"{a.week:<9}  {a.area.label[:32]:<32}  {a.observed:>8}  {a.expected:>8.2f}  "
                     f"{'<=' + str(a.upper):>5}  {_p(a.p_value):>8}  {a.fatalities}")
        for e in a.top_events:
            deaths = "" if e["fatalities"] is None else f", {e['fatalities']} dead"
            place = ", ".join(str(x) for x in (e["location"], e["admin1"]) if x)
            lines.append(f"    {str(e['event_id'])[:8]}  {e['event_date']}  {e['sub_event_type']}: {place}"
                         f"{deaths} ({e['sources']} source{'s' if e['sources'] != 1 else ''})")
    return "\n".join(lines) + "\n"


def render_history(area: AreaHistory, fmt: str) -> str:
    """The weeks of one area: observed, expected and the band's top, a bar for each, alerts marked."""
    if fmt == "json":
        return json.dumps(area.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return _csv([w.to_dict() for w in area.weeks], ["week", "events", "fatalities", "observed", "expected",
                                                        "upper", "p_value", "alert"])
    s = area.settings
    top = max([w.observed for w in area.weeks] + [w.upper or 0 for w in area.weeks] + [1])
    scale = 40 / top
    lines = [f"{area.area.label}: {s.measure} per week, expected and band top (p <= {s.threshold:g}); "
             "# observed, | band top, ! alert", "",
             f"{'week':<9}  {'observed':>8}  {'expected':>8}  {'band':>5}  {'p':>8}"]
    for w in area.weeks:
        bar = list("#" * round(w.observed * scale))
        if w.upper is not None:
            at = round(w.upper * scale)
            bar += [" "] * (at + 1 - len(bar))
            bar[at] = "|"
        expected = "" if w.expected is None else f"{w.expected:.2f}"
        band = "" if w.upper is None else f"<={w.upper}"
        lines.append(f"{w.week:<9}  {w.observed:>8}  {expected:>8}  {band:>5}  {_p(w.p_value):>8}  "
                     f"{''.join(bar)}{' !' if w.alert else ''}")
    return "\n".join(lines) + "\n"
