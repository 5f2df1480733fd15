"""``talaia brief``: one week's report for colleagues, as HTML (and PDF)."""

from __future__ import annotations

import click

from talaia.cli.main import DB_OPTION, fail
from talaia.errors import BrowserUnavailableError, QueryError, TalaiaError


@click.command("brief")
@click.option("--week", required=True, help="The ISO week, written YYYY-Www (e.g. 2019-W42).")
@click.option("--admin1", help="Only this state or province (accents and case ignored), e.g. Michoacán.")
@click.option("--country", help="Only this country: a name or an ISO alpha-2 or alpha-3 code.")
@DB_OPTION
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=".", show_default=True,
              help="Folder to write brief-WEEK[-AREA].html (and .pdf) into.")
@click.option("--pdf", is_flag=True, help="Also print the page to PDF with headless Chromium (Debian: chromium).")
def brief_command(week: str, admin1: str | None, country: str | None, db: str | None, out_dir: str,
                  pdf: bool) -> None:
    """Write a weekly brief: a map of the week's events, the trend of events and deaths over the
    12 weeks before, and the week's main incidents with their sources and the words they were read
    from. The HTML page is self-contained (no script, nothing fetched).

    The database must exist (this command only reads it).
    """
    from talaia.api import write_brief

    try:
        written = write_brief(week, db=db, admin1=admin1, country=country, out_dir=out_dir, pdf=pdf)
    except QueryError as err:
        if err.field == "week":
            raise click.BadParameter(err.message, param_hint="--week") from None
        fail(err)
    except BrowserUnavailableError as err:
        click.echo(f"talaia: {err}", err=True)
        raise SystemExit(1) from None
    except TalaiaError as err:
        fail(err)
    brief = written.brief
    click.echo(f"{brief.week} ({brief.area}): {len(brief.events)} events, {brief.fatalities} reported deaths")
    click.echo(f"HTML: {written.html}")
    if written.pdf is not None:
        click.echo(f"PDF:  {written.pdf}")
