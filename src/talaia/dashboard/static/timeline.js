// The timeline: events per week as bars, reported deaths per week as a line (its own scale), drawn
// as SVG from /api/aggregate rows ({period, key, events, fatalities}).

import {h, s} from "./dom.js";

const WIDTH = 640;
const HEIGHT = 330;
const MARGIN = {left: 34, right: 40, top: 10, bottom: 40};

const DAY = 86400000;
const MIN_WEEKS = 12; // a lone busy week still shows the quiet weeks before it

function mondayOf(period) {
  // ISO week 'YYYY-Www' -> its Monday (UTC): week 1 holds 4 January
  const [year, week] = period.split("-W").map(Number);
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - weekday * DAY + (week - 1) * 7 * DAY;
}

/** The first and last day (YYYY-MM-DD) of the ISO week 'YYYY-Www'. */
export function weekDays(period) {
  const monday = mondayOf(period);
  const iso = (time) => new Date(time).toISOString().slice(0, 10);
  return [iso(monday), iso(monday + 6 * DAY)];
}

/** The ISO week 'YYYY-Www' `weeks` weeks before (after, when negative) the week `period`. */
export function weeksBefore(period, weeks) {
  return isoWeek(mondayOf(period) - weeks * 7 * DAY);
}

function isoWeek(time) {
  const day = new Date(time);
  const thursday = time + (3 - ((day.getUTCDay() + 6) % 7)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY));
  return `${year}-W${String(week).padStart(2, "0")}`;
}

function months(periods) {
  // 'YYYY-MM' periods, every month from the first to the last with events; quiet months 0
  const known = new Map(periods.map((p) => [p.period, p]));
  const [y0, m0] = periods[0].period.split("-").map(Number);
  const [y1, m1] = periods[periods.length - 1].period.split("-").map(Number);
  const out = [];
  for (let i = y0 * 12 + m0 - 1; i <= y1 * 12 + m1 - 1; i++) {
    const period = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
    out.push(known.get(period) || {period, events: 0, fatalities: 0});
  }
  return out;
}

function years(periods) {
  const known = new Map(periods.map((p) => [p.period, p]));
  const out = [];
  for (let y = Number(periods[0].period); y <= Number(periods[periods.length - 1].period); y++) {
    out.push(known.get(String(y)) || {period: String(y), events: 0, fatalities: 0});
  }
  return out;
}

/** Monthly rows summed per year (a history of many years reads better by year than as monthly hairlines). */
export function byYear(rows) {
  return weekly(rows.map((r) => ({...r, period: String(r.period).slice(0, 4)})));
}

/** Round steps for an axis from 0 to `max`: at most about 4 ticks (1, 2, 5 times a power of ten). */
export function ticks(max) {
  if (max <= 0) return [0];
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((v) => v >= raw));
  const out = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  return out;
}

/** Every period from the first with events to the last (weeks: at least MIN_WEEKS), quiet ones 0. */
export function continuous(weeks) {
  if (weeks.length && /^\d{4}$/.test(weeks[0].period)) return years(weeks);
  if (weeks.length && /^\d{4}-\d{2}$/.test(weeks[0].period)) return months(weeks);
  if (!weeks.length || !/^\d{4}-W\d{2}$/.test(weeks[0].period)) return weeks;
  const known = new Map(weeks.map((w) => [w.period, w]));
  const last = mondayOf(weeks[weeks.length - 1].period);
  const first = Math.min(mondayOf(weeks[0].period), last - (MIN_WEEKS - 1) * 7 * DAY);
  const out = [];
  for (let t = first; t <= last; t += 7 * DAY) {
    const period = isoWeek(t);
    out.push(known.get(period) || {period, events: 0, fatalities: 0});
  }
  return out;
}

/** Sum the rows of each period (the API may split a period by area), oldest first. */
export function weekly(rows) {
  const byPeriod = new Map();
  for (const row of rows) {
    const slot = byPeriod.get(row.period) || {period: row.period, events: 0, fatalities: 0};
    slot.events += Number(row.events || 0);
    slot.fatalities += Number(row.fatalities || 0);
    byPeriod.set(row.period, slot);
  }
  return [...byPeriod.values()].sort((a, b) => String(a.period).localeCompare(String(b.period)));
}

/** How many weeks the rows span, first to last (a long span reads better by month). */
export function span(rows) {
  const periods = weekly(rows);
  if (periods.length < 2) return periods.length;
  return (mondayOf(periods[periods.length - 1].period) - mondayOf(periods[0].period)) / (7 * DAY) + 1;
}

export function timeline(rows) {
  const weeks = continuous(weekly(rows));
  if (!weeks.length) return h("p", {class: "empty"}, "No dated events match these filters.");
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const maxEvents = Math.max(1, ...weeks.map((w) => w.events));
  const maxDead = Math.max(1, ...weeks.map((w) => w.fatalities));
  const step = plotW / weeks.length;
  const base = MARGIN.top + plotH;
  const every = Math.ceil(weeks.length / 7); // at most about 7 labels
  const bars = weeks.map((w, i) => {
    const height = (plotH * w.events) / maxEvents;
    return s("rect", {x: MARGIN.left + i * step + step * 0.15, y: base - height, width: Math.max(step * 0.7, 1),
      height, class: "bar"}, s("title", {}, `${w.period}: ${w.events} events, ${w.fatalities} reported deaths`));
  });
  const labels = weeks.map((w, i) => ((weeks.length - 1 - i) % every === 0 // the latest week always
    ? s("text", {x: MARGIN.left + i * step + step / 2, y: base + 16, class: "tick", "text-anchor": "middle"}, w.period)
    : null));
  const line = weeks.map((w, i) => `${(MARGIN.left + i * step + step / 2).toFixed(1)},` +
    `${(base - (plotH * w.fatalities) / maxDead).toFixed(1)}`).join(" ");
  return s("svg", {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "timeline", role: "img",
    "aria-label": "events and reported deaths per period"},
  s("line", {x1: MARGIN.left, y1: base, x2: MARGIN.left + plotW, y2: base, class: "axis"}),
  ticks(maxEvents).map((v) => {
    const y = base - (plotH * v) / maxEvents;
    return [v ? s("line", {x1: MARGIN.left, y1: y, x2: MARGIN.left + plotW, y2: y, class: "grid"}) : null,
      s("text", {x: MARGIN.left - 6, y: y + 3, class: "tick events", "text-anchor": "end"}, v)];
  }),
  ticks(maxDead).map((v) => s("text", {x: MARGIN.left + plotW + 6, y: base - (plotH * v) / maxDead + 3,
    class: "tick deaths"}, v)),
  bars, labels,
  s("polyline", {points: line, class: "deaths-line"}),
  s("text", {x: MARGIN.left, y: HEIGHT - 2, class: "legend events"}, "■ events"),
  s("text", {x: MARGIN.left + 120, y: HEIGHT - 2, class: "legend deaths"}, "— reported deaths"));
}
