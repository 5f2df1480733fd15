#!/usr/bin/env python3
"""Score a dev run on two fixed random halves of each split: the tuning half and the half set aside.

    python3 ../shared/eval/run.py all --split dev --out RUN
    python3 tools/split_halves.py RUN [--shared ../shared]

Each document goes to half A (the half rules may be tuned on) or half B (set aside, never
read) by a hash of its id with a fixed seed, so the halves are the same in every session.
A gap over 3 points between the halves on a metric means rules fit examples. ucdp_fusion is
scored on its whole corpus and is left out.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

SEED = "talaia-split-halves-1"


def half_of(doc_id: str) -> str:
    return "A" if hashlib.sha256(f"{SEED}\x00{doc_id}".encode()).digest()[0] % 2 == 0 else "B"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("run", type=Path, help="the --out folder of an eval run (NAME.gold.jsonl, NAME.pred.jsonl)")
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = parser.parse_args()
    import json

    score = args.shared / "eval" / "score.py"
    for gold in sorted(args.run.glob("*.gold.jsonl")):
        name = gold.name.split(".")[0]
        pred = args.run / f"{name}.pred.jsonl"
        if name == "ucdp_fusion" or not pred.exists():
            continue
        lines = gold.read_text(encoding="utf-8").splitlines()
        for half in "AB":
            with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as tmp:
                kept = [line for line in lines if half_of(str(json.loads(line).get("id"))) == half]
                tmp.write("\n".join(kept) + "\n")
            proc = subprocess.run([sys.executable, str(score), "--dataset", name, "--gold", tmp.name, "--pred",
                                   str(pred)], capture_output=True, text=True, check=False)
            Path(tmp.name).unlink()
            summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else f"{name}: scoring failed"
            print(f"half {half} ({len(kept)} docs) {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
