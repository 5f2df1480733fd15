"""The watch's alert check: judge the weeks of the events that arrived since the last check with
``talaia alerts``' model (:func:`talaia.api.alerts`) and deliver each new alert once, to a webhook
(a JSON POST per alert) and/or a file (a JSON line per alert).

The check's time mark only moves on when every delivery succeeded, so an alert a webhook refused
is judged and sent again on the next cycle; one already delivered to a target never is.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from talaia.about import __version__
from talaia.analysis.series import Grouping, iso_week, monday_of
from talaia.analysis.spikes import AlertSettings
from talaia.errors import DeliveryError, FetchError
from talaia.store.watchstate import WatchState, utc_text
from talaia.watch.http import Fetcher

__all__ = ["AlertTargets", "AlertsChecked", "alert_key", "check_alerts"]

MARK = "alerts_checked_at"


@dataclass(frozen=True, slots=True)
class AlertTargets:
    """Where new alerts go, and how areas are judged (``talaia alerts``' --by and settings)."""

    webhook: str | None = None
    file: Path | None = None
    by: Grouping = "admin1"
    settings: AlertSettings = field(default_factory=AlertSettings)

    def names(self) -> list[str]:
        """The targets as recorded in the state: ``webhook:URL``, ``file:PATH``; ``report`` when there
        is neither (an alert is then only reported, once)."""
        found = ([f"webhook:{self.webhook}"] if self.webhook else []) + ([f"file:{self.file}"] if self.file else [])
        return found or ["report"]


@dataclass(slots=True)
class AlertsChecked:
    weeks: list[str] = field(default_factory=list)  # the weeks judged
    alerts: list[dict[str, Any]] = field(default_factory=list)  # new alerts (with their key)
    errors: list[str] = field(default_factory=list)  # deliveries that failed


def alert_key(alert: dict[str, Any]) -> str:
    """What makes an alert the same one on a later check: its grouping, area, week and measure."""
    area = alert["area"]
    return "|".join((str(area.get("by")), *(str(v) for k, v in sorted(area.items()) if k not in {"by", "label"}),
                     alert["week"], alert["measure"]))


def check_alerts(db: str, state: WatchState, targets: AlertTargets, fetcher: Fetcher, *, first_mark: str,
                 clock: Callable[[], dt.datetime]) -> AlertsChecked:
    """Judge the weeks of the events stored since the last check (on the first check: since
    ``first_mark``, the cycle's start) and deliver the alerts not delivered before."""
    from talaia.api import alerts

    checked_at = utc_text(clock())
    since = state.mark(MARK) or first_mark
    result = AlertsChecked()
    days = {_day(d) for d in state.event_dates_since(since)}
    result.weeks = sorted({iso_week(monday_of(d)) for d in days if d is not None})
    if result.weeks:
        report = alerts(db=db, weeks=result.weeks, by=targets.by, settings=targets.settings)
        for alert in report.alerts:
            key = alert_key(alert.to_dict())
            payload = {"talaia": __version__, "key": key, "by": report.by, "alert": alert.to_dict()}
            todo = [t for t in targets.names() if not state.delivered(key, t)]
            if not todo:
                continue
            result.alerts.append(payload)
            for target in todo:
                try:
                    _deliver(target, payload, fetcher)
                except DeliveryError as err:
                    result.errors.append(str(err))
                    continue
                state.record_delivery(key, target, at=utc_text(clock()),
                                      payload=json.dumps(payload, ensure_ascii=False))
    if not result.errors:
        state.set_mark(MARK, checked_at)
    return result


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _deliver(target: str, payload: dict[str, Any], fetcher: Fetcher) -> None:
    kind, _, where = target.partition(":")
    if kind == "webhook":
        try:
            fetcher.post_json(where, payload)
        except FetchError as err:
            raise DeliveryError(f"the webhook refused alert {payload['key']}: {err.message}", document=where) from None
    elif kind == "file":
        try:
            with open(where, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(payload, ensure_ascii=False) + "\n")
        except OSError as exc:
            raise DeliveryError(f"cannot write alert {payload['key']}: {exc.strerror or exc}",
                                document=where) from None
