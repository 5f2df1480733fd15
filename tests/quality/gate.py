"""Quality gate: score ``talaia extract`` on fixed slices of the ../shared dev splits and
compare every metric with the floors in ``floors.json`` (set a little under the last
recorded figures, see docs/EVALUATION.md).

    python tests/quality/gate.py            # check (exit 1 on a regression)
    python tests/quality/gate.py --update   # raise floors to (measured - margin); never lowers them
    python tests/quality/gate.py --update --allow-regression   # lower them too, on purpose

The slice files are pinned by SHA-256, so an edited gold file trips the gate too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared"
FLOORS = HERE / "floors.json"
MARGIN = 2.0
# dataset -> (documents in the slice, metrics gated)
SLICES: dict[str, tuple[int, tuple[str, ...]]] = {
    "case2021": (120, ("weighted_f1", "type_acc", "nonacled_empty")),
    "ucdp_mexico": (300, ("detect", "fat_range", "date")),  # the first headlines name few places: geo not gated
    "satp": (150, ("micro_f1",)),
    "muc4": (120, ("noroles_empty",)),  # role fillers are gated once they are past a few percent
    "hrdsattack": (50, ("country", "year", "month", "perp2", "viol_f1")),
    "ceha": (80, ("rel_f1", "actor1")),
    "geoparsing": (40, ("f1", "acc161")),
    "polnear": (25, ("quote_f1", "source_acc", "direct_r")),
    # real reports, annotated per incident: the whole dev split (68 articles, 58 outlets)
    "incidents": (68, ("inc_f1", "usable", "admin1", "date_acc", "fat_acc", "conf_auc")),
    "ucdp_fusion": (934, ("pair_f1", "pair_p")),  # corpus level: ingested, fused, listed (about 10 s)
}


def available() -> bool:
    return (SHARED / "eval" / "run.py").exists() and (SHARED / "data").is_dir()


def _sha(path: Path, limit: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for i, line in enumerate(fh):
            if i >= limit:
                break
            digest.update(line)
    return digest.hexdigest()


def measure(dataset: str, limit: int, cmd: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="talaia-gate-") as tmp:
        talaia = f"{sys.executable} -m talaia"
        proc = subprocess.run(
            [sys.executable, str(SHARED / "eval" / "run.py"), dataset, "--limit", str(limit), "--cmd", cmd,
             "--ingest-cmd", f"{talaia} ingest", "--events-cmd", f"{talaia} events --format jsonl",
             "--out", tmp], capture_output=True, text=True, check=False)
    summary = next((line for line in reversed(proc.stdout.splitlines()) if line.startswith(f"{dataset}:")), "")
    if proc.returncode != 0 or not summary:
        raise RuntimeError(f"{dataset}: the evaluation failed (status {proc.returncode}):\n{proc.stderr[-2000:]}")
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", summary)}


def run(update: bool = False, allow_regression: bool = False, only: list[str] | None = None) -> list[str]:
    """Returns the regressions found (empty when the gate passes)."""
    cmd = f"{sys.executable} -m talaia extract"
    floors = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    problems: list[str] = []
    for dataset, (limit, metrics) in SLICES.items():
        if only and dataset not in only:
            continue
        gold = SHARED / "data" / dataset / "dev.jsonl"
        sha = _sha(gold, limit)
        entry = floors.setdefault(dataset, {"limit": limit, "sha256": sha, "floors": {}})
        if entry.get("sha256") != sha and not update:
            problems.append(f"{dataset}: the first {limit} lines of {gold} changed; re-baseline with --update")
            continue
        measured = measure(dataset, limit, cmd)
        for metric in metrics:
            value = measured.get(metric)
            floor = entry["floors"].get(metric)
            if value is None:
                problems.append(f"{dataset}.{metric}: not reported")
                continue
            print(f"{dataset}.{metric}: {value:.1f} (floor {floor if floor is not None else '-'})")
            if update:
                target = max(0.0, round(value - MARGIN, 1))
                if floor is None or target > floor or allow_regression:
                    entry["floors"][metric] = target
            elif floor is not None and value < floor:
                problems.append(f"{dataset}.{metric}: {value:.1f} is under its floor {floor}")
        entry["sha256"], entry["limit"] = sha, limit
    if update:
        FLOORS.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--allow-regression", action="store_true")
    ap.add_argument("datasets", nargs="*")
    a = ap.parse_args()
    if not available():
        print("../shared is absent: nothing to gate")
        return 0
    problems = run(a.update, a.allow_regression, a.datasets or None)
    for p in problems:
        print("REGRESSION " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
