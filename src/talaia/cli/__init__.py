"""The ``talaia`` command: thin click commands over :mod:`talaia.api`."""

from __future__ import annotations

from talaia.cli.actors import actors_command
from talaia.cli.alerts import alerts_command
from talaia.cli.brief import brief_command
from talaia.cli.cache import cache_group
from talaia.cli.knowledge import knowledge_group
from talaia.cli.main import cli, main
from talaia.cli.serve import review_group, serve_command
from talaia.cli.watch import sources_command, watch_command

cli.add_command(alerts_command)
cli.add_command(knowledge_group)
cli.add_command(cache_group)
cli.add_command(actors_command)
cli.add_command(brief_command)
cli.add_command(serve_command)
cli.add_command(review_group)
cli.add_command(watch_command)
cli.add_command(sources_command)

__all__ = ["cli", "main"]
