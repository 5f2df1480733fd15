"""Talaia's domain knowledge as data: word lists, patterns and codebook tables, one loader.

Language tables live in ``talaia/lang/<code>/``, language-neutral ones in
``talaia/codebook/``; ``tables.tsv`` here declares every table. A user's folder with the
same layout (``--knowledge DIR``) adds rows or replaces rows with the same key.
"""

from talaia.knowledge.loader import Column, Knowledge, Row, Table, TableSpec, load_knowledge, table_specs

__all__ = ["Column", "Knowledge", "Row", "Table", "TableSpec", "load_knowledge", "table_specs"]
