"""A logistic model whose weights are data: rows of ``codebook/confidence_weights.tsv`` for one model name,
fitted by the tools in ``tools/`` (``fit_confidence.py``, ``fit_joins.py``) on the dev gold with
cross-validation grouped by outlet (model cards in ``docs/models/``). Only numbers enter the package."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from talaia.errors import KnowledgeError
from talaia.knowledge import Knowledge


@dataclass(frozen=True, slots=True)
class LogisticModel:
    """Weights by feature name; a feature the weights do not name counts 0."""

    weights: Mapping[str, float]

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge, model: str, required: bool = False) -> LogisticModel:
        table = knowledge.union("confidence_weights").where(model=model)
        weights = {r["feature"]: float(r["weight"]) for r in table.records()}
        if required and not weights:
            raise KnowledgeError(f"no weights for the model {model!r} (refit it: tools/fit_*.py)",
                                 document="codebook/confidence_weights.tsv")
        return cls(weights)

    def probability(self, values: Mapping[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in values.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
