"""Knowledge bases built from the knowledge tables: the actor knowledge base (:class:`ActorKB`)."""

from __future__ import annotations

from talaia.kb.actors import ActorKB, KBActor, alias_key

__all__ = ["ActorKB", "KBActor", "alias_key"]
