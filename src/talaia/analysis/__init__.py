"""Analysis over the stored events: aggregation per period and area, actor or type."""

from talaia.analysis.aggregate import GROUPS, PERIODS, Aggregate, AggregateRow, aggregate

__all__ = ["GROUPS", "PERIODS", "Aggregate", "AggregateRow", "aggregate"]
