#!/usr/bin/env python3
"""Show an `incidents` run article by article: gold incidents, non-incident passages, predicted events.

    python3 ../shared/eval/run.py incidents --split dev --out RUN
    python3 tools/inspect_incidents.py RUN [--half A] [--id inc-dev-005]

Only half A (split_halves.py) is shown by default: half B is set aside and not read. Reads the
gold at run time; prints nothing into the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from split_halves import half_of

FIELDS = ("event_type", "sub_event_type", "event_date", "admin1", "location", "fatalities", "actor1", "actor2")


def _spans(text: str, strings: list[str]) -> list[tuple[int, int]]:
    out = []
    for s in strings:
        i = text.find(s)
        if i >= 0:
            out.append((i, i + len(s)))
    return out


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("run", type=Path)
    parser.add_argument("--half", default="A", choices=["A", "B", "all"])
    parser.add_argument("--id", action="append", default=[])
    args = parser.parse_args()
    preds = {}
    for line in (args.run / "incidents.pred.jsonl").read_text(encoding="utf-8").splitlines():
        p = json.loads(line)
        preds[p["id"]] = p
    for line in (args.run / "incidents.gold.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if args.id and d["id"] not in args.id:
            continue
        if not args.id and args.half != "all" and half_of(d["id"]) != args.half:
            continue
        text = d["text"]
        print(f"===== {d['id']} {d.get('language')} published {d.get('published')} title: {d.get('title')}")
        gold = d["gold"]
        gspans = []
        for n, inc in enumerate(gold["incidents"]):
            sp = _spans(text, inc["evidence"])
            gspans.append(sp)
            print(f"  GOLD {n}: " + " | ".join(f"{inc.get(f)}" for f in FIELDS))
            for s, e in sp:
                print(f"      [{s}-{e}] {text[s:e][:140]!r}")
        for s in gold["non_incidents"]:
            i = text.find(s)
            print(f"  NON [{i}] {s[:140]!r}")
        for k, ev in enumerate(preds.get(d["id"], {}).get("events", [])):
            sp = [(x["start"], x["end"]) for x in ev.get("evidence", []) if "start" in x]
            best = max(range(len(gspans)), key=lambda g: _overlap(sp, gspans[g]), default=None)
            hit = best if best is not None and _overlap(sp, gspans[best]) else "-"
            print(f"  PRED {k} (gold {hit}): " + " | ".join(f"{ev.get(f)}" for f in FIELDS))
            for s, e in sp:
                if e - s > 25:
                    print(f"      [{s}-{e}] {text[s:e][:140]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
