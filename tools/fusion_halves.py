#!/usr/bin/env python3
"""Score fusion on the two fixed halves of the ucdp_fusion dev split, each as a corpus of its own.

    PATH=$PWD/.venv/bin:$PATH python3 tools/fusion_halves.py [--shared ../shared] [--out DIR]

ucdp_fusion is scored on a whole corpus (pairs of documents), so its halves cannot be cut from one run as
tools/split_halves.py cuts the others: each half (drawn by a hash of the gold incident with the halves' fixed
seed, so no incident is split; half A is the one fusion's weights are fitted on, tools/fit_fusion.py) is
written to a gold file of its own and run through the eval kit (``talaia`` on PATH ingests it into a fresh
database). Prints each half's summary line.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from split_halves import half_of  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, help="keep each half's run in DIR/A and DIR/B")
    args = parser.parse_args()
    lines = (args.shared / "data" / "ucdp_fusion" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    with tempfile.TemporaryDirectory() as folder:
        for half in "AB":
            kept = [line for line in lines if half_of(json.loads(line)["gold"]["incident"]) == half]
            gold = Path(folder) / f"half{half}.jsonl"
            gold.write_text("\n".join(kept) + "\n", encoding="utf-8")
            command = [sys.executable, str(args.shared / "eval" / "run.py"), "ucdp_fusion", "--split", str(gold)]
            if args.out:
                command += ["--out", str(args.out / half)]
            proc = subprocess.run(command, capture_output=True, text=True, check=False)
            summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else "ucdp_fusion: run failed"
            print(f"half {half} ({len(kept)} docs) {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
