"""Exports of stored events: ACLED's CSV columns, GeoJSON, JSON Lines, Parquet."""

from talaia.export.formats import ACLED_COLUMNS, FORMATS, acled_row, write_export

__all__ = ["ACLED_COLUMNS", "FORMATS", "acled_row", "write_export"]
