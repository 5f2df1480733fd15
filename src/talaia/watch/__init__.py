"""Live monitoring (``talaia watch``): news feeds, sitemaps and article pages polled politely, their
new articles ingested as ``talaia ingest`` would, new alerts delivered. See docs/WATCH.md."""

from talaia.watch.alerts import AlertTargets
from talaia.watch.http import FetchSettings
from talaia.watch.runner import SourceHealth, WatchRun, source_health, watch
from talaia.watch.service import CycleReport, SourceReport, WatchSettings
from talaia.watch.sources import Source, load_sources, parse_interval

__all__ = ["AlertTargets", "CycleReport", "FetchSettings", "Source", "SourceHealth", "SourceReport", "WatchRun",
           "WatchSettings", "load_sources", "parse_interval", "source_health", "watch"]
