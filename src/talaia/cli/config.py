"""An optional configuration file with defaults for the command's options.

``$TALAIA_CONFIG``, else ``config.toml`` in the user's configuration folder (for example
``~/.config/talaia/config.toml``). Top-level keys apply to every command that has the
option; a table named after a command applies to that command only::

    knowledge = ["~/talaia-knowledge"]    # --knowledge for extract, ingest, reprocess, knowledge ...
    db = "~/events/mexico.db"             # --db

    [ingest]
    batch_size = 16

The command line wins over environment variables ($TALAIA_KNOWLEDGE, $TALAIA_DB), which
win over this file.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

import click

from talaia.errors import InputError


def config_path() -> Path:
    env = os.environ.get("TALAIA_CONFIG")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("talaia")) / "config.toml"


def _expand(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("~"):
        return str(Path(value).expanduser())
    if isinstance(value, list):
        return [_expand(v) for v in value]
    return value


def default_map(group: click.Group, path: Path | None = None) -> dict[str, Any]:
    """Click's default_map for ``group`` from the configuration file ({} when there is none)."""
    path = path or config_path()
    if not path.is_file():
        if os.environ.get("TALAIA_CONFIG"):
            raise InputError("the configuration file named by $TALAIA_CONFIG does not exist", document=str(path))
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"not a valid TOML configuration: {exc}", document=str(path)) from None
    return _for_group(group, data, {k: v for k, v in data.items() if not isinstance(v, dict)})


def _for_group(group: click.Group, data: dict[str, Any], inherited: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, command in group.commands.items():
        section = data.get(name, {}) if isinstance(data.get(name), dict) else {}
        values = {**inherited, **{k: v for k, v in section.items() if not isinstance(v, dict)}}
        params = {p.name for p in command.params}
        chosen = {k.replace("-", "_"): _expand(v) for k, v in values.items() if k.replace("-", "_") in params}
        if isinstance(command, click.Group):  # its own options and its commands' maps side by side
            chosen.update(_for_group(command, section, values))
        if chosen:
            out[name] = chosen
    return out
