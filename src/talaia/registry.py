"""Named, versioned pipeline components with declared inputs and outputs.

A component is registered under a versioned name ("geo.toponyms.v4") with the attributes
of :class:`~talaia.component.Analysis` it ``requires`` and ``assigns``. The pipeline checks
the order when it is built, so a pipeline that reads something no earlier component sets
fails at once, not on the thousandth article. ``create`` hands each component the shared
:class:`~talaia.component.Resources` (knowledge, gazetteer) and its own configuration.
This module is the base layer: it imports no stage (Talaia's own components are registered
by :mod:`talaia.components`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from talaia.errors import PipelineConfigError

if TYPE_CHECKING:
    from talaia.component import Component, Resources


@dataclass(frozen=True, slots=True)
class ComponentInfo:
    name: str
    factory: Callable[..., Component]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    description: str


class Registry:
    """Component factories by name. Cheap to build; nothing is loaded until a component runs."""

    def __init__(self) -> None:
        self._components: dict[str, ComponentInfo] = {}

    def register(
        self,
        name: str,
        factory: Callable[..., Component],
        *,
        requires: tuple[str, ...],
        assigns: tuple[str, ...],
        description: str,
    ) -> None:
        if name in self._components:
            raise PipelineConfigError(f"component {name!r} is already registered")
        if not re.search(r"\.v\d+$", name):
            raise PipelineConfigError(f"component name {name!r} must end in a version, e.g. '.v1'")
        self._components[name] = ComponentInfo(name, factory, requires, assigns, description)

    def info(self, name: str) -> ComponentInfo:
        try:
            return self._components[name]
        except KeyError:
            known = ", ".join(sorted(self._components))
            raise PipelineConfigError(f"unknown component {name!r}; known: {known}") from None

    def create(self, name: str, resources: Resources, config: Mapping[str, Any] | None = None) -> Component:
        """Build a component with the shared resources and its own settings."""
        try:
            return self.info(name).factory(resources=resources, **dict(config or {}))
        except TypeError as exc:
            raise PipelineConfigError(f"cannot build {name}: {exc}") from None

    def __iter__(self) -> Iterator[ComponentInfo]:
        return iter(sorted(self._components.values(), key=lambda c: c.name))

    def __contains__(self, name: object) -> bool:
        return name in self._components
