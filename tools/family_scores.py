#!/usr/bin/env python3
"""Score the extractor on the construction families written for it (tests/families).

    python tools/family_scores.py [nonincidents roles articles] [--failures FILE]

nonincidents: the share of passages given no event; roles: the first event's type and actor 1 (content
words of actor 1 overlap the coded one's by half the smaller set); articles: the number of events equals
the number of incidents told. Per family and overall.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

FAMILIES = Path(__file__).resolve().parents[1] / "tests" / "families"
CORPORA = ("nonincidents", "roles", "articles")
FUNCTION_WORDS = frozenset({"of", "the", "de", "la", "el", "forces"})


def _words(name: str | None) -> set[str]:
    name = re.sub(r"\([^)]*\)", " ", name or "").lower()
    return {w for w in re.findall(r"[^\W\d_]+", name) if w not in FUNCTION_WORDS}


def same_actor(predicted: str | None, coded: str | None) -> bool:
    if not coded:
        return not predicted
    a, b = _words(predicted), _words(coded)
    return bool(a and b) and len(a & b) >= min(len(a), len(b)) / 2


def judge(corpus: str, item: dict[str, Any], events: list[Any]) -> tuple[bool, list[str]]:
    """Whether the extraction is right for one item, and what it gave (for the failures file)."""
    if corpus == "nonincidents":
        return not events, [f"{e.event_type}|{e.sub_event_type}|{e.actor1}|{e.fatalities}" for e in events]
    if corpus == "roles":
        first = events[0] if events else None
        ok = first is not None and first.event_type == item["event_type"] and same_actor(first.actor1, item["actor1"])
        return ok, [f"{e.event_type}|{e.actor1}|{e.actor2}|{e.fatalities}" for e in events] + [
            f"CODED {item['event_type']}|{item['actor1']}|{item['actor2']}|{item['fatalities']}"]
    return len(events) == item["incidents"], [f"{e.event_type}|{e.location}|{e.event_date}|{e.fatalities}"
                                              for e in events] + [f"TOLD {item['incidents']}"]


def score(corpora: Iterable[str], pipeline: Any = None, failures: Any = None) -> dict[str, dict[str, list[int]]]:
    """{corpus: {family: [right, items]}}, with '*' the corpus's total."""
    from talaia.api import extract_text
    from talaia.pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    out: dict[str, dict[str, list[int]]] = {}
    for corpus in corpora:
        stats: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for line in (FAMILIES / f"{corpus}.jsonl").read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            result = extract_text(item["text"], published=item.get("published", "2025-08-03"),
                                  title=item.get("title"), pipeline=pipeline)
            ok, told = judge(corpus, item, list(result.events))
            for key in (item["family"], "*"):
                stats[key][0] += ok
                stats[key][1] += 1
            if not ok and failures is not None:
                failures.write(f"== {corpus} {item['family']} {item['lang']}\n{item['text'][:800]}\n  -> "
                               + "\n  -> ".join(told) + "\n")
        out[corpus] = dict(stats)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", nargs="*", help=f"any of {', '.join(CORPORA)} (all by default)")
    parser.add_argument("--failures", type=Path, help="write the items got wrong here")
    args = parser.parse_args()
    unknown = sorted(set(args.corpora) - set(CORPORA))
    if unknown:
        parser.error(f"no corpus {', '.join(unknown)}; known: {', '.join(CORPORA)}")
    failures = args.failures.open("w", encoding="utf-8") if args.failures else None
    for corpus, stats in score(args.corpora or CORPORA, failures=failures).items():
        right, total = stats["*"]
        print(f"{corpus}: {100 * right / total:.1f} ({right}/{total})  " + "  ".join(
            f"{k}={v[0]}/{v[1]}" for k, v in sorted(stats.items()) if k != "*"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
