"""``talaia cache``: the files that make a command start fast, listed, built ahead, cleared."""

from __future__ import annotations

import click

from talaia.cli.knowledge import knowledge_or_exit
from talaia.cli.main import KNOWLEDGE_OPTION


@click.group("cache")
def cache_group() -> None:
    """The gazetteer and word frequency caches a first extraction builds (in $TALAIA_CACHE_DIR,
    else the user cache folder, e.g. ~/.cache/talaia)."""


@cache_group.command("info")
@KNOWLEDGE_OPTION
def info(knowledge: tuple[str, ...]) -> None:
    """List the cache files: kind, size, whether this Talaia (with --knowledge) reads them."""
    from talaia.caches import cache_dir, cache_files, describe

    files = cache_files(knowledge_or_exit(knowledge))
    click.echo(f"{cache_dir()}")
    if files:
        click.echo(describe(files))
    unused = sum(f.size for f in files if not f.current)
    if unused:
        click.echo(f"talaia: {unused / 1e6:.1f} MB not used ('talaia cache clear' removes them)", err=True)


@cache_group.command("build")
@KNOWLEDGE_OPTION
def build(knowledge: tuple[str, ...]) -> None:
    """Build the caches a first extraction would (with --knowledge: its gazetteer), so that it starts fast."""
    from talaia.caches import build_caches, cache_dir

    click.echo(f"talaia: building what is missing in {cache_dir()}", err=True)
    built = build_caches(knowledge_or_exit(knowledge), on_built=lambda f, seconds: click.echo(
        f"{f.kind:<17} {f.size / 1e6:7.1f} MB  built in {seconds:.1f} s  {f.path.name}"))
    if not built:
        click.echo("talaia: every cache is built already", err=True)


@cache_group.command("clear")
@KNOWLEDGE_OPTION
@click.option("--all", "everything", is_flag=True, help="Remove the caches in use too (the next run rebuilds them).")
def clear(knowledge: tuple[str, ...], everything: bool) -> None:
    """Remove the cache files this Talaia does not read: older versions, other knowledge, unfinished writes."""
    from talaia.caches import clear_caches

    removed = clear_caches(knowledge_or_exit(knowledge), everything=everything)
    for f in removed:
        click.echo(f"removed {f.kind:<17} {f.size / 1e6:7.1f} MB  {f.path.name}")
    click.echo(f"talaia: {len(removed)} files removed, {sum(f.size for f in removed) / 1e6:.1f} MB", err=True)
