#!/usr/bin/env python3
"""Fusion benchmark: seconds to group N stored-event mentions into incidents, and the ratio to a
baseline run in the same process (sorting the same mentions and hashing their words), so the
figure compares across machines. Scaling: the time per mention should stay flat as N grows
(blocking by country and a month keeps fusion near-linear).

    .venv/bin/python benchmarks/bench_fusion.py [--sizes 1000 10000]

Mentions are synthetic: 32 states over two years, a tenth of the incidents told by 2-4
outlets with slightly different wording, tolls and dates.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time


def synthetic(n: int, seed: int = 7) -> list:  # type: ignore[type-arg]
    from talaia.fuse import Mention, content_words

    rng = random.Random(seed)
    states = [f"State{i}" for i in range(32)]
    towns = [f"town{i}" for i in range(600)]
    verbs = ["killed", "shot dead", "murdered", "found dead", "ambushed"]
    out: list[Mention] = []
    incident = 0
    while len(out) < n:
        incident += 1
        state, town = rng.choice(states), rng.choice(towns)
        day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(730))
        deaths = rng.choice([1, 1, 1, 2, 3, 5, 8, 13])
        for k in range(rng.choice([1] * 9 + [2, 3, 4])):
            words = content_words(f"{rng.choice(verbs)} {deaths} people in {town} {state} report {k} victims")
            out.append(Mention(f"e{incident}-{k}", f"d{incident}-{k}", day + dt.timedelta(days=rng.choice([0, 0, 1])),
                               1, "Violence against civilians", "Attack", "MX", state, town, town, 1,
                               deaths + rng.choice([0, 0, 1]), "Unidentified Armed Group (Mexico)",
                               "Civilians (Mexico)", words))
    return out[:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = ap.parse_args()
    from talaia.fuse import fuse

    for n in args.sizes:
        mentions = synthetic(n)
        t0 = time.perf_counter()
        incidents = fuse(mentions)
        fusion_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        ordered = sorted(mentions, key=lambda m: (m.country_code, m.event_date, m.event_id))
        sum(hash(w) for m in ordered for w in m.words)
        baseline_s = time.perf_counter() - t0
        print(f"{n:>7,} mentions -> {len(set(incidents.values())):,} incidents: {fusion_s:.2f} s "
              f"({fusion_s / n * 1e6:.0f} us a mention), {fusion_s / baseline_s:.0f}x the baseline")


if __name__ == "__main__":
    main()
