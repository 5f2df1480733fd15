"""Exports of stored events: ACLED's CSV columns, GeoJSON, JSON Lines, Parquet (registry: WRITERS)."""

from talaia.export.formats import FORMATS, WRITERS, Writer, acled_columns, acled_row, text_formats, write_export, writer

__all__ = ["FORMATS", "WRITERS", "Writer", "acled_columns", "acled_row", "text_formats", "write_export", "writer"]
