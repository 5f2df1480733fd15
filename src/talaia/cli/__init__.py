"""The ``talaia`` command: thin click commands over :mod:`talaia.api`."""

from __future__ import annotations

from talaia.cli.main import cli, main

__all__ = ["cli", "main"]
