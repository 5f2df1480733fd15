#!/usr/bin/env python3
"""The HTTP API under concurrent load on loopback: ``talaia serve`` in its own process over N stored
events, C clients at once (httpx), for the dashboard's requests on a filtered view (a page of events
of one state, the same as GeoJSON, its weekly aggregate, one event with its documents).

Each request kind's latency (p50, p95, p99) and requests/s are given as ratios to the same route
handler called in this process from as many threads at once, with its JSON encoded (the baseline,
measured just before, in the same run): the ratio says what HTTP, the server and validation add to
the work itself under the same concurrency.
The server's CPU seconds per request (from /proc) are set against the baseline's CPU seconds per
call too: on a shared machine that is the steadier figure.

    .venv/bin/python benchmarks/bench_serve_load.py [--events 10000] [--clients 1 4 16]
        [--requests 96] [--seconds 30] [--reviews 100]

Bounded: each (kind, clients) cell stops after ``--requests`` answers or ``--seconds`` seconds,
whichever comes first. Events are synthetic (bench_serve.build): one per document, 32 states.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from bench_serve import build, review

STATES = 32


@dataclass(frozen=True)
class Kind:
    """A request the dashboard makes: its URL for the i-th request, and the same handler called in-process."""

    name: str
    url: Callable[[int], tuple[str, dict[str, str]]]
    call: Callable[[int], Any]


def kinds(db: Path, ids: list[str], seed: int = 5) -> list[Kind]:
    from talaia.api import MAX_PAGE
    from talaia.serve.routes.aggregate import aggregate
    from talaia.serve.routes.events import events_geojson, list_events, show_event
    from talaia.store import EventFilter

    picked = random.Random(seed).sample(ids, 256)

    def state(i: int) -> str:
        return f"State{i % STATES}"

    return [
        Kind("events page, one state", lambda i: ("/api/events", {"admin1": state(i), "limit": "50"}),
             lambda i: list_events(EventFilter(admin1=state(i)), str(db), 50, 0)),
        Kind("GeoJSON, one state", lambda i: ("/api/events.geojson", {"admin1": state(i)}),
             lambda i: events_geojson(EventFilter(admin1=state(i)), str(db), MAX_PAGE, 0)),
        Kind("aggregate, one state by week", lambda i: ("/api/aggregate", {"admin1": state(i), "period": "week",
                                                                            "by": "admin2"}),
             lambda i: aggregate(EventFilter(admin1=state(i)), str(db), "week", "admin2")),
        Kind("one event", lambda i: (f"/api/events/{picked[i % len(picked)]}", {}),
             lambda i: show_event(picked[i % len(picked)], str(db))),
    ]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _cpu_s(pid: int) -> float:
    """The process's user + system CPU seconds (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    import httpx

    proc = subprocess.Popen([sys.executable, "-m", "talaia", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api", timeout=5).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("talaia serve did not answer within 60 s")


def baseline(kind: Kind, clients: int, requests: int, seconds: float) -> tuple[list[float], float, float]:
    """The same handler called in this process from ``clients`` threads at once (its JSON encoded):
    latencies, wall seconds and CPU seconds per call."""
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds

    def call(i: int) -> None:
        if time.perf_counter() < deadline:
            start = time.perf_counter()
            json.dumps(kind.call(i))
            latencies.append(time.perf_counter() - start)

    cpu, began = time.process_time(), time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(call, range(requests)))
    return latencies, time.perf_counter() - began, (time.process_time() - cpu) / len(latencies)


async def load(base_url: str, kind: Kind, clients: int, requests: int, seconds: float) -> tuple[list[float], float]:
    """Latencies of the answered requests and the wall seconds taken, ``clients`` at a time."""
    import httpx

    latencies: list[float] = []
    issued = 0
    deadline = time.perf_counter() + seconds

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal issued
        while issued < requests and time.perf_counter() < deadline:
            i, issued = issued, issued + 1
            path, params = kind.url(i)
            start = time.perf_counter()
            response = await http.get(path, params=params)
            latencies.append(time.perf_counter() - start)
            if response.status_code != 200:
                raise RuntimeError(f"{path} {params}: {response.status_code} {response.text[:200]}")

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=120) as http:
        path, params = kind.url(0)
        await http.get(path, params=params)  # a connection opened opened before the clock starts
        began = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
    return latencies, time.perf_counter() - began


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=10000)
    ap.add_argument("--reviews", type=int, default=100)
    ap.add_argument("--clients", type=int, nargs="+", default=[1, 4, 16])
    ap.add_argument("--requests", type=int, default=96, help="answers per (kind, clients) cell at most")
    ap.add_argument("--seconds", type=float, default=30, help="seconds per (kind, clients) cell at most")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        ids = build(db, args.events)
        review(db, ids, args.reviews)
        port = _free_port()
        server = start_server(db, port)
        try:
            print(f"{args.events:,} events, {args.reviews} reviews; talaia serve on 127.0.0.1:{port}; at most "
                  f"{args.requests} requests or {args.seconds:.0f} s per cell\n")
            print("| request | clients | answered | p50 ms | p95 ms | p99 ms | req/s | p50 vs in-process | p95 vs | "
                  "p99 vs | req/s vs in-process | server CPU/request vs in-process |")
            print("|---|---|---|---|---|---|---|---|---|---|---|---|")
            for kind in kinds(db, ids):
                kind.call(0)  # warm: imports, caches, the page cache of the database
                for clients in args.clients:
                    # the baseline first, then the server, under the same number of concurrent callers
                    base, base_wall, base_cpu = baseline(kind, clients, args.requests, args.seconds)
                    cpu = _cpu_s(server.pid)
                    latencies, wall = asyncio.run(load(f"http://127.0.0.1:{port}", kind, clients, args.requests,
                                                       args.seconds))
                    server_cpu = (_cpu_s(server.pid) - cpu) / len(latencies)
                    p50, p95, p99 = (_percentile(latencies, p) for p in (50, 95, 99))
                    b50, b95, b99 = (_percentile(base, p) for p in (50, 95, 99))
                    rate, base_rate = len(latencies) / wall, len(base) / base_wall
                    print(f"| {kind.name} | {clients} | {len(latencies)} | {p50 * 1000:.1f} | {p95 * 1000:.1f} | "
                          f"{p99 * 1000:.1f} | {rate:.1f} | {p50 / b50:.2f} | {p95 / b95:.2f} | {p99 / b99:.2f} | "
                          f"{rate / base_rate:.2f} | {server_cpu / base_cpu:.2f} ({base_cpu * 1000:.1f} ms) |",
                          flush=True)
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
