"""Command-line interface. Each command parses its options and calls one API function."""

from __future__ import annotations

import json
import sys
from typing import IO

import click

from talaia.about import __version__
from talaia.errors import TalaiaError
from talaia.ingest.readers import DEFAULT_MAX_BYTES, ReadOptions

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
