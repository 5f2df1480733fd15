#!/usr/bin/env python3
"""Measure the spike model's false-alarm rate on simulated quiet areas (the table in docs/ALERTS.md).

    PYTHONPATH=src python3 tools/alerts_calibration.py [--areas 250] [--seed 1]

Each kind of area is simulated for 4 years of pure baseline (no spike); the last 52 weeks are judged
against the weeks before them. Prints, per kind and threshold, the share of judged weeks with
p <= threshold (any count) and the share that alert with the default minimum count, and the false
alarms per area-year that follow.
"""

from __future__ import annotations

import argparse

import numpy as np

from talaia.analysis.spikes import YEAR_WEEKS, AlertSettings, fit_baseline

WEEKS = 52
KINDS = (  # name, mean events a week, negative binomial size (None: Poisson), seasonal amplitude (log scale)
    ("quiet Poisson 0.3", 0.3, None, 0.0),
    ("Poisson 2", 2.0, None, 0.0),
    ("over-dispersed 5 (size 2)", 5.0, 2.0, 0.0),
    ("seasonal over-dispersed 1 (size 1, amplitude 0.8)", 1.0, 1.0, 0.8),
    ("seasonal over-dispersed 10 (size 5, amplitude 0.5)", 10.0, 5.0, 0.5),
    ("sparse over-dispersed 0.5 (size 0.5)", 0.5, 0.5, 0.0),
)
THRESHOLDS = (0.001, 0.005, 0.01)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, default=250, help="simulated areas per kind")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    min_count = AlertSettings().min_count
    print(f"{'kind':<52} {'threshold':>9} {'p<=thr':>7} {'alerts':>7} {'per area-year':>13}")
    for name, mean, size, amplitude in KINDS:
        p_values, counts = [], []
        for _ in range(args.areas):
            mu = mean * np.exp(amplitude * np.sin(2 * np.pi * np.arange(4 * 52) / YEAR_WEEKS))
            y = list(rng.poisson(mu) if size is None else rng.negative_binomial(size, size / (size + mu)))
            for t in range(3 * 52, 4 * 52):
                baseline = fit_baseline(y, t)
                assert baseline is not None
                p_values.append(baseline.p_value(y[t]))
                counts.append(y[t])
        p, c = np.array(p_values), np.array(counts)
        for threshold in THRESHOLDS:
            alerts = float(np.mean((p <= threshold) & (c >= min_count)))
            print(f"{name:<52} {threshold:>9} {np.mean(p <= threshold):>7.2%} {alerts:>7.2%} {alerts * WEEKS:>13.2f}")


if __name__ == "__main__":
    main()
