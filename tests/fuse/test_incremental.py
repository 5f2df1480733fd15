"""Incremental fusion by block: new mentions compare only with their block (country, days around them), and
the incidents of other blocks are left untouched; on a generated store (no extraction)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from store.generated import LAST_DAY, add_recent, build
from talaia.fuse import fuse_store
from talaia.fuse.match import fitted_settings
from talaia.fuse.service import block_days
from talaia.store import open_store


def _incidents(db: str) -> dict[str, tuple[object, ...]]:
    with open_store(db) as store:
        return {r["incident_id"]: tuple(r) for r in store.fetch_all("SELECT * FROM incidents")}


def _assignment(db: str) -> dict[str, str]:
    with open_store(db) as store:
        return {r[0]: r[1] for r in store.fetch_all("SELECT event_id, coalesce(incident_id, event_id) FROM events")}


def test_new_mentions_are_fused_in_their_block_and_the_rest_is_untouched(tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    build(db, 3_000)
    with open_store(db) as store:
        fuse_store(store)
    before = _incidents(db)
    keys = add_recent(db, 300, LAST_DAY)
    with open_store(db) as store:
        rows, own = store.fusion_block_rows(keys, block_days(fitted_settings()))
        report = fuse_store(store, documents=keys)
    assert len(own) == 300 and 300 < len(rows) < 3_300 and report.mentions == len(rows)  # the blocks only
    after = _incidents(db)
    horizon = (LAST_DAY - dt.timedelta(days=block_days(fitted_settings()))).isoformat()
    with open_store(db) as store:
        far = {r[0] for r in store.fetch_all("SELECT incident_id FROM incidents WHERE event_date < ?", (horizon,))}
    assert far and all(after[i] == before[i] for i in far)  # incidents outside the blocks: not a byte changed
    assert report.incidents == len(after)
    # the new mentions joined incidents as a fusion of the whole store would have them
    incremental = _assignment(db)
    with open_store(db) as store:
        fuse_store(store)
    full = _assignment(db)
    def members(assigned: dict[str, str], event_id: str) -> frozenset[str]:
        return frozenset(e for e, i in assigned.items() if i == assigned[event_id])

    new_ids = [e for e in incremental if e.startswith("new")]
    agreeing = sum(1 for e in new_ids if members(incremental, e) == members(full, e))
    assert agreeing >= 0.95 * len(new_ids)
