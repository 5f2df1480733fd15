#!/usr/bin/env python3
"""Fit the weights of an event's ``confidence`` (talaia.events.confidence) on the incidents dev gold.

    .venv/bin/python tools/fit_confidence.py [--write] [--half A]    # fit, report, (write the weights)

An event is *good* when the eval kit would call it usable (matched to a gold incident by its evidence,
right type, admin1, deaths and date) — the kit's own matching (``../shared/eval/score.py``) decides.
The pipeline runs in this process on the dev articles; the features are those the package computes
(the output record and how the extraction read it, ``Provenance``). The model is an L2-regularised
logistic regression; the penalty is chosen, and the figures reported, by cross-validation grouped by
outlet (no outlet is in the fold it is scored on). ``--write`` stores only the weights, in
``src/talaia/codebook/confidence_weights.tsv``; no gold text enters the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))
from split_halves import half_of  # noqa: E402

from talaia.events.confidence import MODEL, ConfidenceModel, Provenance, features  # noqa: E402
from talaia.models import Document  # noqa: E402
from talaia.pipeline import Pipeline  # noqa: E402

WEIGHTS = ROOT / "src" / "talaia" / "codebook" / "confidence_weights.tsv"
PENALTIES = (0.1, 0.3, 1.0, 3.0, 10.0, 30.0)
FOLDS = 5


def _score_module(shared: Path):  # the eval kit's scorer, read at run time (never copied)
    spec = importlib.util.spec_from_file_location("talaia_eval_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def labelled_events(shared: Path) -> list[tuple[dict[str, float], bool, str, str]]:
    """(features, good, outlet, document id) for every event the pipeline gives on the dev articles."""
    sc = _score_module(shared)
    captured: list[tuple[list[dict], dict, list[Provenance]]] = []
    packaged = ConfidenceModel.score

    def recording(self, events, doc, provenance=None):  # type: ignore[no-untyped-def]
        captured.append((list(events), dict(doc), list(provenance or [])))
        return packaged(self, events, doc, provenance)

    ConfidenceModel.score = recording  # type: ignore[method-assign]
    pipeline = Pipeline()
    one = dt.timedelta(days=1)
    rows = []
    for g in sc.load_gold(shared / "data" / "incidents" / "dev.jsonl"):
        rec = g["doc"]
        doc = Document(id=g["id"], text=rec["text"], title=rec.get("title"), language=rec.get("language"),
                       published=dt.date.fromisoformat(rec["published"][:10]) if rec.get("published") else None,
                       source=rec.get("source"))
        captured.clear()
        result = next(iter(pipeline.run([doc])))
        evs = [e.to_dict() for e in result.events]
        incidents = g["gold"].get("incidents") or []
        good = set()
        for gi, pi in sc.match_incidents(rec["text"], incidents, evs):
            gold_incident, ev = incidents[gi], evs[pi]
            type_ok = sc.canon_type(sc.f_str(ev, "event_type")) == sc.canon_type(gold_incident.get("event_type"))
            admin1_ok = not gold_incident.get("admin1") or \
                sc.norm_admin1(sc.f_str(ev, "admin1")) == sc.norm_admin1(gold_incident["admin1"])
            fat_ok = sc._fat_ok(sc.f_int(ev, "fatalities"), gold_incident.get("fatalities"))
            gd, pd = sc.parse_date(gold_incident.get("event_date")), sc.parse_date(sc.f_str(ev, "event_date"))
            tolerance = sc.INC_DATE_TOLERANCE.get(gold_incident.get("date_precision") or 1, 31)
            date_ok = gd is not None and pd is not None and abs(pd - gd) <= tolerance * one
            if type_ok and admin1_ok and fat_ok and date_ok:
                good.add(pi)
        outlet = str(rec.get("source") or g["id"])
        for scored, text_doc, provenance in captured[-1:]:  # a document's last scoring is its result's
            for pi, ev in enumerate(scored):
                rows.append((features(ev, scored, text_doc, provenance[pi]), pi in good, outlet, g["id"]))
    ConfidenceModel.score = packaged  # type: ignore[method-assign]
    return rows


def fit(x: np.ndarray, y: np.ndarray, penalty: float, iterations: int = 50) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method (the bias, column 0, unpenalised)."""
    w = np.zeros(x.shape[1])
    ridge = np.full(x.shape[1], penalty)
    ridge[0] = 1e-6
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + ridge * w
        hess = (x.T * (p * (1 - p))) @ x + np.diag(ridge)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def _fold_of(outlet: str) -> int:
    return hashlib.sha256(outlet.encode()).digest()[0] % FOLDS


def out_of_fold(x: np.ndarray, y: np.ndarray, outlets: list[str], penalty: float) -> np.ndarray:
    folds = np.array([_fold_of(o) for o in outlets])
    p = np.zeros(len(y))
    for k in range(FOLDS):
        test = folds == k
        if test.any():
            w = fit(x[~test], y[~test], penalty)
            p[test] = 1 / (1 + np.exp(-np.clip(x[test] @ w, -30, 30)))
    return p


def auc(p: np.ndarray, y: np.ndarray) -> float:
    pos, neg = p[y == 1], p[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    wins = sum(((a > neg).sum() + 0.5 * (a == neg).sum()) for a in pos)
    return 100 * wins / (len(pos) * len(neg))


def ece(p: np.ndarray, y: np.ndarray, bins: int = 5) -> float:
    b = np.minimum((p * bins).astype(int), bins - 1)
    gaps = [abs(p[b == k].mean() - y[b == k].mean()) * (b == k).sum() for k in range(bins) if (b == k).any()]
    return 100 * sum(gaps) / len(p)


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-(y * np.log(p) + (1 - y) * np.log(1 - p)).mean())


def fit_and_report(rows: list[tuple[dict[str, float], bool, str, str]], model: str, what: str,
                   write: bool, split: str = "incidents dev split", extra: dict[str, float] | None = None
                   ) -> dict[str, float]:
    """Choose the penalty by outlet-grouped CV log loss, print the cross-validated figures (all, each half) and
    the weights, and with ``write`` store the weights (and ``extra`` numbers) as ``model``'s rows of the
    codebook (other models kept); returns the weights. ``rows``: (features, label, outlet, id that draws the
    half); ``what`` names the rows in the messages, ``split`` the data they come from."""
    names = list(rows[0][0])
    x = np.array([[f[n] for n in names] for f, *_ in rows])
    y = np.array([float(label) for _, label, _, _ in rows])
    outlets = [o for *_, o, _ in rows]
    halves = np.array([half_of(d) for *_, d in rows])

    def figures(p: np.ndarray, sel: np.ndarray) -> str:
        accuracy = 100 * ((p[sel] >= 0.5) == y[sel]).mean()
        return f"auc {auc(p[sel], y[sel]):.1f} ece {ece(p[sel], y[sel]):.1f} accuracy {accuracy:.1f}"

    print(f"{len(rows)} {what}, {int(y.sum())} positive ({100 * y.mean():.1f} %), {len(set(outlets))} outlets")
    everything = np.ones(len(y), dtype=bool)
    losses = {}
    for penalty in PENALTIES:
        p = out_of_fold(x, y, outlets, penalty)
        losses[penalty] = log_loss(p, y)
        print(f"penalty {penalty:>5}: grouped-CV log loss {losses[penalty]:.3f} {figures(p, everything)}")
    best = min(losses, key=lambda k: losses[k])
    p = out_of_fold(x, y, outlets, best)
    print(f"chosen penalty {best}: grouped-CV {figures(p, everything)}")
    for half in "AB":
        sel = halves == half
        if sel.any():
            print(f"  half {half} ({int(sel.sum())}): {figures(p, sel)}")
    w = fit(x, y, best)
    for n, v in sorted(zip(names, w, strict=True), key=lambda t: -abs(t[1])):
        print(f"  {n:<24} {v:+.3f}")
    weights = {n: float(v) for n, v in zip(names, w, strict=True)}
    if write:
        kept = [line for line in WEIGHTS.read_text(encoding="utf-8").splitlines()
                if not line.startswith(f"{model}\t") and not line.startswith(f"# {model}:")]
        kept.append(f"# {model}: {len(rows)} {what} of the {split}, penalty {best}, grouped-CV auc "
                    f"{auc(p, y):.1f} ece {ece(p, y):.1f}")
        kept += [f"{model}\t{n}\t{v:.4f}" for n, v in {**weights, **(extra or {})}.items()]
        WEIGHTS.write_text("\n".join(kept) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS.relative_to(ROOT)}")
    return weights


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--half", choices=["A", "B"], help="fit on one half of the dev split only")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--write", action="store_true", help="store the fitted weights in the codebook")
    args = parser.parse_args()
    rows = [r for r in labelled_events(args.shared) if args.half is None or half_of(r[3]) == args.half]
    fit_and_report(rows, MODEL, "events", args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
