#!/usr/bin/env python3
"""Fit fusion's pair score (talaia.fuse.match) on the ucdp_fusion dev gold.

    .venv/bin/python tools/fit_fusion.py [--half A] [--write] [--shared ../shared]

The dev documents (of one half with ``--half``: halves are drawn by the gold incident, so no incident is
split across them) are ingested into a temporary store; every pair of stored events fusion would score
(``candidate_pairs``, with the follow-up window) gives the evidence of ``evidence_of`` as features, labelled
1 when the two documents report one UCDP incident. An L2-regularised logistic regression is fitted
(``fit_confidence.fit_and_report``: penalty by cross-validation grouped by outlet); its weights are fusion's
weights and minus its bias the threshold (a pair scoring it is even odds). The join threshold (the mean
score with an incident's mentions needed to join it) is then chosen on the same documents as the one of
``JOIN_OFFSETS`` that gives the best pair F1. ``--write`` stores only the numbers (model ``fusion`` in
``src/talaia/codebook/confidence_weights.tsv``); no gold text enters the repository.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))
from fit_confidence import fit_and_report  # noqa: E402
from split_halves import half_of  # noqa: E402

from talaia.api import ingest_paths, open_store  # noqa: E402
from talaia.fuse.cluster import (  # noqa: E402
    candidate_pairs,
    fuse,
    inverse_document_frequency,
    with_crowding,
    with_sentence_vectors,
)
from talaia.fuse.match import FOLLOW_UP_DAYS, FUSION_MODEL, JOIN_OFFSET, FusionSettings, evidence_of, weight_names  # noqa: E402
from talaia.fuse.service import mention_of  # noqa: E402

# quarter steps: with ~300 positive pairs, half steps jump across the precision floor
JOIN_OFFSETS = tuple(x / 4 for x in range(-8, 1))
THRESHOLD_OFFSETS = tuple(x / 4 for x in range(-4, 5))
MIN_PRECISION = 85.0  # the pair precision the issue asks for: the best F1 among the settings that keep it


def documents(shared: Path, half: str | None) -> list[dict]:
    """The dev records (of ``half``, drawn by incident)."""
    lines = (shared / "data" / "ucdp_fusion" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    return [r for r in records if half is None or half_of(r["gold"]["incident"]) == half]


def stored_mentions(records: list[dict], folder: Path) -> tuple[list, dict[str, str]]:
    """The mentions of the records once ingested, and each stored document key's gold incident."""
    docs = folder / "docs.jsonl"
    docs.write_text("".join(json.dumps(r["doc"], ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    db = folder / "fit.db"
    ingest_paths([docs], db=db)
    incident_of = {r["id"]: r["gold"]["incident"] for r in records}
    with open_store(db) as store:
        keys = {r[0]: incident_of.get(r[1], r[1]) for r in store.fetch_all("SELECT key, doc_id FROM documents")}
        mentions = with_sentence_vectors(with_crowding(mention_of(r) for r in store.fusion_rows()), store=store)
    return mentions, keys


def pair_rows(mentions: list, gold: dict[str, str], settings: FusionSettings, half: str | None = None
              ) -> list[tuple[dict[str, float], bool, str, str]]:
    """The evidence and label of every pair fusion would score (with ``half``, only the pairs with a document
    of that half: a pair with a document of the other half is of two incidents, the halves being drawn by
    incident, so its label needs nothing read of the other half)."""
    idf = inverse_document_frequency(mentions, settings.stem_length)
    names = weight_names(settings)
    rows = []
    for a, b in candidate_pairs(mentions, settings):
        if half and half_of(gold[a.document_key]) != half and half_of(gold[b.document_key]) != half:
            continue
        found = evidence_of(a, b, settings, idf)
        if isinstance(found, str):
            continue
        features = {"bias": 1.0, **dict.fromkeys(names, 0.0)}
        for _, weight, value in found:
            features[weight] += value
        incident = gold[a.document_key] if not half or half_of(gold[a.document_key]) == half else gold[b.document_key]
        rows.append((features, gold[a.document_key] == gold[b.document_key], min(a.outlet or "", b.outlet or ""),
                     incident))
    return rows


def pair_scores(assigned: dict[str, str], mentions: list, gold: dict[str, str], half: str | None = None
                ) -> tuple[float, float]:
    """Pair precision and F1 over documents, as the eval kit counts them (a document is in the incidents of
    its events); with ``half``, over the pairs with a document of that half (the other half's documents
    are distractors: any pair joining one of them to the half's is wrong)."""
    predicted: set[frozenset[str]] = set()
    by_incident: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        by_incident[assigned[m.event_id]].add(m.document_key)
    for docs in by_incident.values():
        predicted.update(frozenset(p) for p in itertools.combinations(sorted(docs), 2))
    by_gold: dict[str, list[str]] = defaultdict(list)
    for key, incident in gold.items():
        by_gold[incident].append(key)
    truth = {frozenset(p) for docs in by_gold.values() for p in itertools.combinations(sorted(docs), 2)}
    if half:
        predicted = {p for p in predicted if any(half_of(gold[d]) == half for d in p)}
        truth = {p for p in truth if any(half_of(gold[d]) == half for d in p)}
    hits = len(predicted & truth)
    return (100 * hits / len(predicted) if predicted else 0.0), (200 * hits / (len(predicted) + len(truth)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--write", action="store_true", help="store the fitted weights in the codebook")
    parser.add_argument("--half", choices=["A", "B"], help="fit on one half of the dev split only (drawn by incident)")
    parser.add_argument("--distractors", action="store_true",
                        help="with --half: store the whole split, the other half's reports only as distractors "
                             "(pairs joining one to the half's are wrong): the density of a full store")
    args = parser.parse_args()
    base = FusionSettings(follow_up_days=FOLLOW_UP_DAYS)
    records = documents(args.shared, None if args.distractors else args.half)
    scored = args.half if args.distractors else None
    with tempfile.TemporaryDirectory() as folder:
        mentions, gold = stored_mentions(records, Path(folder))
    rows = pair_rows(mentions, gold, base, scored)
    split = f"ucdp_fusion dev split{f' (half {args.half})' if args.half else ''}" + \
        (" among the other half's reports" if scored else "")
    weights = fit_and_report(rows, FUSION_MODEL, "event pairs", False, split=split)
    fitted = dataclasses.replace(base, **{n: w for n, w in weights.items() if n != "bias"},
                                 threshold=-weights["bias"])
    scores = {}
    for above, offset in itertools.product(THRESHOLD_OFFSETS, JOIN_OFFSETS):
        threshold = fitted.threshold + above
        trial = dataclasses.replace(fitted, threshold=threshold, join_threshold=threshold + offset)
        scores[above, offset] = pair_scores(fuse(mentions, trial), mentions, gold, scored)
        print(f"threshold {threshold:+.3f}, join {trial.join_threshold:+.3f}: pair precision "
              f"{scores[above, offset][0]:.1f} F1 {scores[above, offset][1]:.1f}")
    kept = [k for k in scores if scores[k][0] >= MIN_PRECISION] or list(scores)
    above, best = max(kept, key=lambda k: (scores[k][1], -abs(k[0]), -abs(k[1])))
    print(f"chosen threshold offset {above:+.2f}, join offset {best:+.2f}")
    weights["bias"] -= above
    if args.write:
        fit_and_report(rows, FUSION_MODEL, "event pairs", True, split=split,
                       extra={"bias": weights["bias"], JOIN_OFFSET: best})
    return 0


if __name__ == "__main__":
    sys.exit(main())
