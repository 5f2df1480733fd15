#!/usr/bin/env python3
"""Fit the join decision of ``talaia.events.incidents`` (whether a mention tells an incident already told)
on the incidents dev gold.

    .venv/bin/python tools/fit_joins.py [--write] [--shared ../shared]

Runs the pipeline on the dev articles, keeps each article's mentions, and labels them by the gold: a mention
belongs to the gold incident whose evidence shares most characters with its own spans (mentions that share
none are left out: no label). The incidents are then built as the gold groups them (teacher forcing) and
each mention is paired with every incident it could join (``join_candidates``): label 1 when that incident
is its own. An L2-regularised logistic regression is fitted (``fit_confidence.fit``); the penalty is chosen,
and the figures reported, by cross-validation grouped by outlet. ``--write`` stores only the weights (model
``join`` in ``src/talaia/codebook/confidence_weights.tsv``); no gold text enters the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))
from fit_confidence import fit_and_report  # noqa: E402
from split_halves import half_of  # noqa: E402

import talaia.events.detect as detect  # noqa: E402
from talaia.events.incidents import JOIN_MODEL, Mention, join_candidates, join_features  # noqa: E402
from talaia.models import Document  # noqa: E402
from talaia.pipeline import Pipeline  # noqa: E402


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _gold_of(m: Mention, gold_spans: list[list[tuple[int, int]]]) -> int | None:
    shares = [sum(_overlap(s, g) for s in m.spans for g in spans) for spans in gold_spans]
    best = max(range(len(shares)), key=lambda k: shares[k], default=None)
    return best if best is not None and shares[best] > 0 else None


def examples(shared: Path) -> list[tuple[dict[str, float], bool, str, str]]:
    """(features, joins, outlet, document id) for every mention and incident it could join."""
    captured: list[tuple[list[Mention], object]] = []
    packaged = detect.assemble

    def recording(mentions, taxonomy, joins):  # type: ignore[no-untyped-def]
        captured.append((list(mentions), taxonomy))  # the mentions come before any join is decided
        return packaged(mentions, taxonomy, joins)

    detect.assemble = recording  # type: ignore[assignment]
    pipeline = Pipeline()
    rows = []
    for line in (shared / "data" / "incidents" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        doc = Document(id=rec["id"], text=rec["text"], title=rec.get("title"), language=rec.get("language"),
                       published=dt.date.fromisoformat(rec["published"][:10]) if rec.get("published") else None,
                       source=rec.get("source"))
        captured.clear()
        list(pipeline.run([doc]))
        text = rec["text"]
        gold_spans = [[(i, i + len(e)) for e in g["evidence"] for i in [text.find(e)] if i >= 0]
                      for g in rec["gold"]["incidents"]]
        outlet = str(rec.get("source") or rec["id"])
        for mentions, taxonomy in captured:
            golds = [_gold_of(m, gold_spans) for m in mentions]
            incidents: list[list[int]] = []
            home: dict[int, list[int]] = {}
            for i, m in enumerate(mentions):
                another = "another" in m.links and (m.places or m.own_date is not None or not m.back_reference)
                if golds[i] is not None and not another:
                    candidates = join_candidates(i, mentions, incidents, taxonomy)  # type: ignore[arg-type]
                    for inc in candidates:
                        label = golds[inc[0]] == golds[i]
                        rows.append((join_features(i, inc, mentions, len(candidates), taxonomy),  # type: ignore[arg-type]
                                     label, outlet, rec["id"]))
                g = golds[i]
                if g is not None and g in home:
                    home[g].append(i)
                else:
                    incidents.append([i])
                    if g is not None:
                        home[g] = incidents[-1]
    detect.assemble = packaged  # type: ignore[assignment]
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--write", action="store_true", help="store the fitted weights in the codebook")
    parser.add_argument("--half", choices=["A", "B"], help="fit on one half of the dev split only (tools/split_halves"
                        ".py), to measure the other half as unseen")
    args = parser.parse_args()
    rows = [r for r in examples(args.shared) if args.half is None or half_of(r[3]) == args.half]
    fit_and_report(rows, JOIN_MODEL, "mention-incident pairs", args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
