#!/usr/bin/env python3
"""Turn the log of `python3 ../shared/eval/run.py all --split dev` into the Markdown table of
docs/EVALUATION.md: one row per dataset with every figure the kit printed.

    python3 tools/eval_table.py RUN.log > table.md
"""

from __future__ import annotations

import re
import sys


def main(path: str) -> int:
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    try:
        start = lines.index("=== summary (dev)")
    except ValueError:
        print(f"{path}: no summary section (did the run finish?)", file=sys.stderr)
        return 1
    print("| dataset | figures (percent; `median_km` in km) | time | docs/s |")
    print("|---|---|---|---|")
    for line in lines[start + 1:]:
        m = re.match(r"^(\w+): (.*?)\s+\[time=([\d.]+)s docs/s=([\d.]+)\]$", line)
        if m:
            name, figures, seconds, rate = m.groups()
            print(f"| {name} | {figures} | {seconds} s | {rate} |")
        elif re.match(r"^\w+: FAILED", line):
            print(f"| {line.split(':')[0]} | FAILED | | |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
