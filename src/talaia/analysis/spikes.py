"""Spikes: a week with more violence than an area's own history leads one to expect.

The model is the improved Farrington algorithm used by public-health agencies to flag outbreaks in
weekly case counts (Noufaily et al. 2013, *Statistics in Medicine* 32:1206; R's
``surveillance::farringtonFlexible``), with a penalised season and the uncertainty of the estimate
in the predictive distribution. For week t of one area, with weekly counts y_s:

1. Reference weeks: every week before t, back ``years_back`` years (not before the area's first
   event). Each is given a *season*: season 0 holds the weeks within ``window_weeks`` of t's week
   of the year, in every past year and in the last few weeks; the rest of the year is cut into
   ``periods - 1`` equal seasons.
2. A quasi-Poisson log-linear model, log mu_s = a + b (s - t) / 52.18 + g[season(s)], fitted by
   penalised iteratively reweighted least squares. Each season's g is shrunk toward the area's
   overall level (ridge penalty ``season_penalty``), so a season without events is low, not
   impossible. The trend b is only kept when at least ``trend_min_years`` years of history exist,
   it is significant at 5 % and it does not extrapolate above the largest count seen (Farrington's
   rules). Over-dispersion phi = max(1, Pearson chi2 / residual degrees of freedom).
3. Robust to past spikes: weeks whose Anscombe residual exceeds ``reweight_above`` get weight
   proportional to 1 / residual^2 and the model is fitted again, so last year's massacre neither
   raises the expectation nor widens the band.
4. Predictive distribution of y_t: negative binomial with mean mu = exp(a + g[0]) and variance
   phi mu + mu^2 Var(a + g[0]) (the second term: the estimate's own uncertainty). The p-value is
   P(Y >= y_t) under it.

A week alerts when the area has ``min_history_weeks`` of history, y_t >= ``min_count`` and
p <= ``threshold``. Were the model exact, the share of a quiet area's weeks that alert would be at
most ``threshold`` (0.26 false alarms per area-year at the default 0.005); simulated quiet areas
alert in 0.1-0.8 % of their weeks, the more the more over-dispersed (docs/ALERTS.md has the table,
tools/alerts_calibration.py measures it).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal, get_args

import numpy as np
from numpy.typing import NDArray

from talaia.analysis.series import Area, Grouping, WeeklySeries, check_grouping, iso_week, monday_of, weekly_series
from talaia.errors import QueryError
from talaia.store import StoredEvent
from talaia.store.filters import suggest

__all__ = ["MEASURES", "Alert", "AlertReport", "AlertSettings", "AreaHistory", "Baseline", "Measure", "WeekAssessment",
           "assess_week", "detect", "detect_in", "find_alerts", "fit_baseline", "history", "history_in", "top_events",
           "top_of", "weeks_between"]

Measure = Literal["events", "fatalities"]
MEASURES: tuple[str, ...] = get_args(Measure)
YEAR_WEEKS = 365.2425 / 7
TREND_Z = 1.96  # a trend is kept when significant at 5 % (two-sided), Farrington's rule
# a reference with no event at all: as if half an event had been seen over it (a Jeffreys-style floor)
EMPTY_PRIOR_EVENTS = 0.5


@dataclass(frozen=True, slots=True)
class AlertSettings:
    """The model's parameters (docs/ALERTS.md explains each); every value is checked on creation."""

    threshold: float = 0.005  # tail probability: p at or below it alerts
    min_count: int = 3  # fewer events (or deaths) in the week never alert
    min_history_weeks: int = 52  # weeks of history (from the area's first event) before it can alert
    years_back: int = 5  # how far back the reference reaches
    window_weeks: int = 3  # season 0: weeks within this many of the asked week's week of the year
    periods: int = 10  # seasons the year is cut into (season 0 included)
    season_penalty: float = 1.0  # ridge on each season's log level, in events' worth of information
    reweight_above: float = 4.0  # Anscombe residual above which a past week counts as a spike (see ALERTS.md)
    trend_min_years: float = 3.0  # years of history before a linear trend is considered
    measure: Measure = "events"

    def __post_init__(self) -> None:
        def check(ok: bool, name: str, what: str) -> None:
            if not ok:
                raise QueryError(f"{name} must be {what}, not {getattr(self, name)!r}", field=name)

        def number(name: str) -> bool:
            value = getattr(self, name)
            return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)

        check(number("threshold") and 0 < self.threshold < 1, "threshold", "a probability between 0 and 1")
        for name, low in (("min_count", 1), ("min_history_weeks", 1), ("years_back", 1), ("window_weeks", 0),
                          ("periods", 2)):
            check(isinstance(getattr(self, name), int) and not isinstance(getattr(self, name), bool)
                  and getattr(self, name) >= low, name, f"a whole number of at least {low}")
        for name in ("season_penalty", "reweight_above", "trend_min_years"):
            check(number(name) and getattr(self, name) > 0, name, "a positive number")
        check(self.measure in MEASURES, "measure", f"one of {', '.join(MEASURES)}")
        check(2 * self.window_weeks + 1 < YEAR_WEEKS / 2, "window_weeks", "less than a quarter of a year")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def chosen(cls, **given: Any) -> AlertSettings:
        """The defaults with each value given that is not None (what a command line or a query set)."""
        return cls(**{name: value for name, value in given.items() if value is not None})


@dataclass(frozen=True, slots=True)
class Baseline:
    """What the history of an area leads one to expect in a week: the predictive distribution."""

    expected: float  # mu, the predicted mean
    variance: float  # phi mu + mu^2 Var(log mu)
    dispersion: float  # phi, the history's variance over its mean (1: Poisson)
    history_weeks: int  # reference weeks used
    trend: bool  # whether the linear trend was kept

    def _call(self, method: str, x: float) -> float:
        """``method`` (sf, ppf) of the predictive distribution at ``x``, called on scipy's distribution
        with its parameters rather than on a frozen one (freezing builds a distribution object: ~3 ms)."""
        from scipy import stats  # imported when a week is judged: importing scipy.stats takes a while

        if self.variance <= self.expected * (1 + 1e-9):
            return float(getattr(stats.poisson, method)(x, self.expected))
        size = self.expected ** 2 / (self.variance - self.expected)
        return float(getattr(stats.nbinom, method)(x, size, size / (size + self.expected)))

    def p_value(self, observed: int) -> float:
        """P(Y >= observed): how often a week this high comes by chance."""
        return 1.0 if observed <= 0 else self._call("sf", observed - 1)

    def upper(self, threshold: float) -> int:
        """The largest count that does not alert at ``threshold`` (the top of the expected band)."""
        return int(self._call("ppf", 1 - threshold))


def _seasons(t: int, weeks: NDArray[np.int64], window: int, periods: int) -> NDArray[np.int64]:
    """The season of each reference week (0: the weeks of the year around week ``t``)."""
    phase = np.mod((t - weeks) / YEAR_WEEKS, 1.0)
    distance = np.minimum(phase, 1 - phase) * YEAR_WEEKS
    edge = (window + 0.5) / YEAR_WEEKS
    rest = 1 + np.floor((phase - edge) / (1 - 2 * edge) * (periods - 1)).astype(np.int64)
    return np.where(distance <= window + 0.5, 0, np.clip(rest, 1, periods - 1))


@dataclass(frozen=True, slots=True)
class _Fit:
    beta: NDArray[np.float64]
    mu: NDArray[np.float64]
    inverse: NDArray[np.float64]  # (X' W X + penalty)^-1; times the dispersion: the coefficients' covariance
    dispersion: float
    leverage: NDArray[np.float64]


def _fit(x: NDArray[np.float64], y: NDArray[np.float64], weights: NDArray[np.float64],
         penalty: NDArray[np.float64]) -> _Fit:
    """Penalised weighted Poisson regression by IRLS, with the quasi-Poisson dispersion."""
    beta = np.zeros(x.shape[1])
    beta[0] = math.log(max(float(np.average(y, weights=weights)), 1e-3))
    ridge = np.diag(penalty)
    for _ in range(100):
        eta = np.clip(x @ beta, -30, 30)
        mu = np.exp(eta)
        w = weights * mu
        new = np.linalg.solve(x.T @ (x * w[:, None]) + ridge, x.T @ (w * (eta + (y - mu) / mu))).astype(np.float64)
        done = float(np.max(np.abs(new - beta))) < 1e-8
        beta = new
        if done:
            break
    mu = np.exp(np.clip(x @ beta, -30, 30))
    w = weights * mu
    inverse = np.linalg.inv(x.T @ (x * w[:, None]) + ridge).astype(np.float64)
    leverage = np.einsum("ij,jk,ik->i", x, inverse, x) * w
    chi2 = float(np.sum(weights * (y - mu) ** 2 / mu))
    dispersion = max(1.0, chi2 / max(len(y) - float(leverage.sum()), 1.0))
    return _Fit(beta, mu, inverse, dispersion, leverage)


def _robust_fit(x: NDArray[np.float64], y: NDArray[np.float64], penalty: NDArray[np.float64],
                above: float) -> _Fit:
    """Fit, down-weight the weeks that were spikes (Anscombe residual above ``above``), fit again."""
    first = _fit(x, y, np.ones(len(y)), penalty)
    mu = first.mu
    residual = 1.5 * (np.cbrt(y) ** 2 - np.cbrt(mu) ** 2) / (
        mu ** (1 / 6) * np.sqrt(first.dispersion * np.clip(1 - first.leverage, 1e-6, None)))
    weights = np.where(residual > above, 1 / np.maximum(residual, 1e-12) ** 2, 1.0)
    if np.all(weights == 1.0):
        return first
    return _fit(x, y, weights * len(y) / weights.sum(), penalty)


def fit_baseline(counts: Sequence[int], t: int, settings: AlertSettings | None = None) -> Baseline | None:
    """The expectation for week ``t`` of ``counts`` (index into it) from the weeks before it;
    None when there are fewer than ``min_history_weeks`` of them."""
    s = settings or AlertSettings()
    first = max(0, t - round(s.years_back * YEAR_WEEKS))
    y = np.asarray(counts[first:t], dtype=np.float64)
    n = len(y)
    if n < s.min_history_weeks:
        return None
    if not y.any():
        return Baseline(EMPTY_PRIOR_EVENTS / n, EMPTY_PRIOR_EVENTS / n, 1.0, n, False)
    weeks = np.arange(first, t)
    season = _seasons(t, weeks, s.window_weeks, s.periods)
    dummies = (season[:, None] == np.arange(s.periods)[None, :]).astype(np.float64)
    base = np.column_stack([np.ones(n), dummies])
    fit, trend = None, False
    if n >= s.trend_min_years * YEAR_WEEKS:
        x = np.column_stack([base[:, :1], (weeks - t) / YEAR_WEEKS, base[:, 1:]])
        fit = _robust_fit(x, y, np.r_[0.0, 0.0, np.full(s.periods, s.season_penalty)], s.reweight_above)
        z = fit.beta[1] / math.sqrt(fit.dispersion * fit.inverse[1, 1])
        # a plain bool, not numpy.bool: the baseline is written as JSON
        trend = bool(abs(z) > TREND_Z) and math.exp(fit.beta[0] + fit.beta[2]) <= float(y.max())
    if not trend:
        x = base
        fit = _robust_fit(x, y, np.r_[0.0, np.full(s.periods, s.season_penalty)], s.reweight_above)
    assert fit is not None
    at = np.zeros(x.shape[1])
    at[0] = 1.0
    at[2 if trend else 1] = 1.0  # season 0; the trend's value at t is 0
    eta = float(at @ fit.beta)
    mu = math.exp(eta)
    # the week's own variance, phi mu, plus the estimate's: mu^2 Var(log mu) by the delta method
    variance = fit.dispersion * mu * (1 + mu * float(at @ fit.inverse @ at))
    return Baseline(mu, variance, fit.dispersion, n, trend)


@dataclass(frozen=True, slots=True)
class WeekAssessment:
    """One week of one area against its history (``expected`` None: too little history to judge)."""

    week: str
    events: int
    fatalities: int
    observed: int  # of the measure judged
    expected: float | None = None
    upper: int | None = None  # the largest count that would not alert
    p_value: float | None = None
    alert: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Alert:
    """An area-week with unusually much violence: observed against expected, and its main events."""

    area: Area
    week: str
    measure: Measure
    observed: int
    expected: float
    upper: int  # the largest count that would not have alerted
    p_value: float
    events: int
    fatalities: int
    dispersion: float
    history_weeks: int
    trend: bool
    top_events: tuple[dict[str, Any], ...] = ()

    @property
    def ratio(self) -> float:
        """How many times the expectation was observed."""
        return self.observed / self.expected if self.expected > 0 else math.inf

    def to_dict(self) -> dict[str, Any]:
        return {"area": self.area.to_dict(), "week": self.week, "measure": self.measure, "observed": self.observed,
                "expected": round(self.expected, 4), "upper": self.upper, "p_value": self.p_value,
                "ratio": None if math.isinf(self.ratio) else round(self.ratio, 3), "events": self.events,
                "fatalities": self.fatalities, "dispersion": round(self.dispersion, 4),
                "history_weeks": self.history_weeks, "trend": self.trend, "top_events": list(self.top_events)}


def assess_week(series: WeeklySeries, index: int, settings: AlertSettings | None = None) -> WeekAssessment:
    """Week ``index`` of ``series`` judged against the weeks before it."""
    s = settings or AlertSettings()
    observed = series.counts(s.measure)[index]
    week = WeekAssessment(series.week(index), series.events[index], series.fatalities[index], observed)
    baseline = fit_baseline(series.counts(s.measure), index, s)
    if baseline is None:
        return week
    p = baseline.p_value(observed)
    return WeekAssessment(week.week, week.events, week.fatalities, observed, baseline.expected,
                          baseline.upper(s.threshold), p, observed >= s.min_count and p <= s.threshold)


def top_events(series: WeeklySeries, index: int, limit: int = 3) -> tuple[dict[str, Any], ...]:
    """The week's deadliest events (then those with most sources), as short records."""
    return top_of(series.stored[index] if index < len(series.stored) else (), limit)


def top_of(stored: Sequence[StoredEvent], limit: int = 3) -> tuple[dict[str, Any], ...]:
    """The deadliest of ``stored`` (then those with most sources), as short records."""
    ranked = sorted(stored,
                    key=lambda s: (-(s.event.fatalities or 0), -len(s.sources), s.event.event_date or "",
                                   s.event.event_id))
    return tuple({"event_id": s.event.event_id, "event_date": s.event.event_date,
                  "sub_event_type": s.event.sub_event_type, "actor1": s.event.actor1, "actor2": s.event.actor2,
                  "location": s.event.location, "admin1": s.event.admin1, "admin2": s.event.admin2,
                  "fatalities": s.event.fatalities, "sources": len(s.sources)} for s in ranked[:limit])


def find_alerts(series: Sequence[WeeklySeries], indexes: Sequence[Sequence[int]],
                settings: AlertSettings | None = None, top: int = 3) -> list[Alert]:
    """The alerts among the weeks ``indexes[i]`` of ``series[i]``, by week then smallest p-value."""
    s = settings or AlertSettings()
    out = []
    for one, wanted in zip(series, indexes, strict=True):
        counts = one.counts(s.measure)
        for i in wanted:
            if not 0 <= i < len(one) or counts[i] < s.min_count:  # cannot alert: no fit needed
                continue
            baseline = fit_baseline(counts, i, s)
            if baseline is None:
                continue
            p = baseline.p_value(counts[i])
            if p <= s.threshold:
                out.append(Alert(one.area, one.week(i), s.measure, counts[i], baseline.expected,
                                 baseline.upper(s.threshold), p, one.events[i], one.fatalities[i],
                                 baseline.dispersion, baseline.history_weeks, baseline.trend, top_events(one, i, top)))
    return sorted(out, key=lambda a: (a.week, a.p_value, a.area.label))


@dataclass(frozen=True, slots=True)
class AlertReport:
    """The alerts of some weeks: which weeks and how many areas were judged, by what settings."""

    weeks: tuple[str, ...]
    by: Grouping
    settings: AlertSettings
    areas: int  # areas with events up to the last week asked
    alerts: tuple[Alert, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"weeks": list(self.weeks), "by": self.by, "areas": self.areas, "settings": self.settings.to_dict(),
                "alerts": [a.to_dict() for a in self.alerts]}


@dataclass(frozen=True, slots=True)
class AreaHistory:
    """One area's weeks, each with what its history led one to expect (the spikes view)."""

    area: Area
    settings: AlertSettings
    weeks: tuple[WeekAssessment, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"area": self.area.to_dict(), "settings": self.settings.to_dict(),
                "weeks": [w.to_dict() for w in self.weeks]}


def weeks_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """The Mondays of the ISO weeks from that of ``first`` to that of ``last``."""
    start, end = monday_of(first), monday_of(last)
    return [start + dt.timedelta(weeks=i) for i in range((end - start).days // 7 + 1)]


SeriesOf = Callable[[dt.date, Sequence[str]], list[WeeklySeries]]  # (last week, only these areas) -> series


def detect(stored: Sequence[StoredEvent], weeks: Sequence[dt.date], *, by: Grouping = "admin1",
           only: Sequence[str] = (), settings: AlertSettings | None = None, top: int = 3) -> AlertReport:
    """The alerts of the weeks starting on ``weeks`` (Mondays) among the areas of ``by`` in ``stored``
    (``only``: those areas' names), each judged against its own history in ``stored``."""
    check_grouping(by)
    return detect_in(lambda until, names: weekly_series(stored, by, until, names), weeks, by=by, only=only,
                     settings=settings, top=top)


def detect_in(series_of: SeriesOf, weeks: Sequence[dt.date], *, by: Grouping = "admin1", only: Sequence[str] = (),
              settings: AlertSettings | None = None, top: int = 3) -> AlertReport:
    """:func:`detect` over the series ``series_of`` gives (a store's weekly counts, or events')."""
    s = settings or AlertSettings()
    check_grouping(by)
    if isinstance(top, bool) or not isinstance(top, int) or top < 0:
        raise QueryError(f"top must be a whole number of at least 0, not {top!r}", field="top")
    if not weeks:
        return AlertReport((), by, s, 0, ())
    series = series_of(max(weeks), only)
    indexes = [[one.index_of(w) for w in weeks] for one in series]
    found = find_alerts(series, indexes, s, top)
    return AlertReport(tuple(iso_week(w) for w in sorted(weeks)), by, s, len(series), tuple(found))


def history(stored: Sequence[StoredEvent], area: str, until: dt.date, *, by: Grouping = "admin1",
            since: dt.date | None = None, settings: AlertSettings | None = None) -> AreaHistory:
    """Every week of the area named ``area`` (accents and case ignored) from its first event's (or
    ``since``'s) to ``until``'s, each judged against the weeks before it; QueryError when no area or
    several have that name."""
    return history_in(lambda last, names: weekly_series(stored, by, last, names), area, until, by=by, since=since,
                      settings=settings)


def history_in(series_of: SeriesOf, area: str, until: dt.date, *, by: Grouping = "admin1",
               since: dt.date | None = None, settings: AlertSettings | None = None) -> AreaHistory:
    """:func:`history` over the series ``series_of`` gives."""
    s = settings or AlertSettings()
    series = series_of(until, (area,))
    if not series:
        names = sorted({one.area.label for one in series_of(until, ())})
        raise QueryError(f"no {by} named {area!r} has stored events up to {iso_week(until)}"
                         f"{suggest(area, names)}", field="history")
    if len(series) > 1:
        raise QueryError(f"{area!r} names {len(series)} areas: "
                         f"{'; '.join(one.area.label for one in series)} (narrow it with --country or --admin1)",
                         field="history")
    one = series[0]
    first = max(0, one.index_of(monday_of(since))) if since else 0
    return AreaHistory(one.area, s, tuple(assess_week(one, i, s) for i in range(first, len(one))))
