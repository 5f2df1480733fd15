#!/usr/bin/env python3
"""Compare two `talaia extract` outputs document by document: a refactor must change nothing.

    python3 tools/diff_extractions.py BEFORE.jsonl AFTER.jsonl [--show 5]

The extractor version and the event ids (which carry it) are left out of the comparison;
everything else must be equal. Prints one summary line per file pair and the first
differing documents; exit status 1 when any document differs.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def _normalise(line: dict[str, Any]) -> dict[str, Any]:
    line = dict(line)
    line.pop("extractor", None)
    line["events"] = [{k: v for k, v in e.items() if k != "event_id"} for e in line.get("events", [])]
    return line


def _load(path: str) -> dict[str, dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return {d["id"]: _normalise(d) for d in map(json.loads, fh) if isinstance(d, dict) and "id" in d}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--show", type=int, default=3, help="how many differing documents to print")
    args = parser.parse_args()
    before, after = _load(args.before), _load(args.after)
    common = [k for k in before if k in after]
    differing = [k for k in common if before[k] != after[k]]
    print(f"{args.after}: {len(common)} documents compared, {len(differing)} differ, "
          f"{len(before) - len(common)} only before, {len(after) - len(common)} only after")
    for key in differing[: args.show]:
        b, a = before[key], after[key]
        for field in sorted(set(b) | set(a)):
            if b.get(field) != a.get(field):
                print(f"  {key} {field}:\n    before {json.dumps(b.get(field), ensure_ascii=False)[:600]}\n"
                      f"    after  {json.dumps(a.get(field), ensure_ascii=False)[:600]}")
    return 1 if differing or len(common) != len(before) else 0


if __name__ == "__main__":
    sys.exit(main())
