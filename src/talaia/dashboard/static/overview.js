// The overview: filters, the map, the weekly timeline and the events table, all read from the
// filters in the page's address (#/?admin1=Michoacán&date_from=...), so a view can be shared.

import {showAlerts} from "./alerts.js";
import {get} from "./api.js";
import {actorLink, eventLink, fill, h, message, route} from "./dom.js";
import {EventMap} from "./map.js";
import {byYear, span, timeline} from "./timeline.js";

const MAX_MONTHS = 120; // a longer history is drawn by year

export const FILTERS = ["country", "admin1", "admin2", "event_type", "sub_event_type", "certainty", "review",
  "date_from", "date_to", "actor", "q"];
const PAGE = 25;
const MAX_WEEKS = 156; // a longer history is drawn by month
const MAX_WEEKS_MONTHS = 37; // histories over this many months span over MAX_WEEKS weeks: no need to ask

/** How many months the monthly rows span, first to last. */
function monthSpan(rows) {
  const months = rows.map((r) => r.period).filter(Boolean).sort();
  if (!months.length) return 0;
  const index = (p) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7));
  return index(months[months.length - 1]) - index(months[0]) + 1;
}
const COLUMNS = ["Event", "Date", "Type", "Sub-type", "Actor 1", "Actor 2", "Location", "Admin1", "Country",
  "Deaths", "Certainty", "Review"];
const ISO_DATE = "\\d{4}-\\d{2}-\\d{2}";
const regionNames = typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames(["en"], {type: "region"}) : null;

/** A country's name for an ISO alpha-2 code (the code itself where the browser knows no name). */
export function countryName(code) {
  if (!code || !/^[A-Z]{2}$/.test(code) || !regionNames) return code;
  try {
    return regionNames.of(code) || code;
  } catch {
    return code;
  }
}

/** The export of the events the filters select, as a link the browser downloads. */
function exportLink(current, format, label) {
  const params = new URLSearchParams({...current, format});
  return h("a", {href: `/api/export?${params}`, download: `talaia-events.${format === "csv" ? "csv" : "geojson"}`,
    class: "export", id: `export-${format}`}, label);
}

function filtersOf(params) {
  const out = {};
  for (const name of FILTERS) if (params.get(name)) out[name] = params.get(name);
  return out;
}

async function choices() {
  // every country and state stored, most events first: dated ones from the monthly aggregate, undated
  // ones from the newest page of events
  const [countries, states, page] = await Promise.allSettled([get("aggregate", {period: "year", by: "country"}),
    get("aggregate", {period: "year", by: "admin1"}), get("events", {limit: 500})]);
  const tally = (result, rows, keyOf) => {
    const totals = new Map();
    if (result.status === "fulfilled") for (const row of rows(result.value)) {
      const key = keyOf(row);
      if (key) totals.set(key, (totals.get(key) || 0) + (row.events ?? 1));
    }
    return totals;
  };
  const merged = (aggregate, field) => {
    const totals = tally(aggregate, (v) => v.rows || [], (row) => row.key);
    for (const [key, n] of tally(page, (v) => v.items || [], (e) => e[field])) {
      if (!totals.has(key)) totals.set(key, n);
    }
    return [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([key]) => key);
  };
  return {countries: merged(countries, "country"), admin1: merged(states, "admin1")};
}

function select(name, label, values, current, shown = (value) => value) {
  const options = [h("option", {value: ""}, `any ${label}`)];
  for (const value of values) options.push(h("option", {value, selected: value === current}, shown(value)));
  if (current && !values.includes(current)) options.push(h("option", {value: current, selected: true}, current));
  return h("label", {}, label, h("select", {name, id: `filter-${name}`}, options));
}

function input(name, label, type, current, placeholder) {
  return h("label", {}, label, h("input", {name, id: `filter-${name}`, type, value: current || "", placeholder}));
}

function dateInput(name, label, current) {
  // written as the API takes it, YYYY-MM-DD, whatever the browser's locale (a date input shows mm/dd/yyyy)
  return h("label", {}, label, h("input", {name, id: `filter-${name}`, type: "text", value: current || "",
    placeholder: "YYYY-MM-DD", pattern: ISO_DATE, inputmode: "numeric", size: 10,
    title: "a date written YYYY-MM-DD, e.g. 2019-10-14"}));
}

function row(item) {
  const e = item;
  const status = (e.review && e.review.status) || "unreviewed";
  const dead = e.fatalities_high ? `${e.fatalities}–${e.fatalities_high}` : (e.fatalities ?? "");
  return h("tr", {"data-event-id": e.event_id},
    h("td", {}, eventLink(e.event_id)), h("td", {class: "date"}, e.event_date || ""), h("td", {}, e.event_type),
    h("td", {}, e.sub_event_type), h("td", {}, actorLink(e.actor1)), h("td", {}, actorLink(e.actor2)),
    h("td", {}, e.location || ""), h("td", {}, e.admin1 || ""), h("td", {}, e.country || ""),
    h("td", {class: "num"}, dead), h("td", {}, e.certainty || ""),
    h("td", {class: "review"}, h("span", {class: `status status-${status}`}, status)));
}

export class Overview {
  constructor() {
    this.filters = h("form", {class: "filters", id: "filters"});
    this.mapBox = h("div", {id: "map", class: "map"});
    this.timelineBox = h("div", {id: "timeline"});
    this.timelineTitle = h("h2", {}, "Events and reported deaths per week");
    this.tableBox = h("div", {id: "events"});
    this.alertsBox = h("div", {id: "alerts"});
    this.summary = h("p", {class: "summary", id: "summary"});
    this.element = h("section", {class: "overview"}, this.filters,
      h("div", {class: "panels"}, h("div", {class: "panel map-panel"}, h("h2", {}, "Map"), this.mapBox),
        h("div", {class: "panel"}, this.timelineTitle, this.timelineBox)),
      h("div", {class: "panel alerts-panel"}, h("h2", {}, "Alerts: unusual violence for the area"), this.alertsBox),
      h("div", {class: "panel"}, h("h2", {}, "Events"), this.summary, this.tableBox));
    this.map = null;
    this.options = null;
  }

  async show(params) {
    const current = filtersOf(params);
    const offset = Math.max(0, Number(params.get("offset") || 0));
    delete this.element.dataset.shown;
    delete this.element.dataset.drawn;
    if (!this.map) this.map = new EventMap(this.mapBox);
    this.map.invalidate();
    await this.renderFilters(current);
    const alerts = showAlerts(this.alertsBox, current, params.get("alert"));
    // the timeline asks for months first (by country: one row per month and country, whatever the
    // store's size), then for weeks when the history is short enough to draw by week
    const [page, points, aggregate] = await Promise.allSettled([
      get("events", {...current, limit: PAGE, offset}),
      get("events.geojson", current),
      get("aggregate", {...current, period: "month", by: "country"}),
    ]);
    this.renderTable(page, current, offset);
    await this.map.highlight(current.admin1);
    if (points.status === "fulfilled") await this.map.show(points.value);
    // a clustered map asks for finer clusters (or the points) of the view it is moved to
    this.map.onMove((view) => get("events.geojson", {...current, ...view}).then((v) => this.map.show(v, false),
      () => null));
    let rows = aggregate.status === "fulfilled" ? aggregate.value.rows || [] : null;
    let period = "month";
    if (rows && monthSpan(rows) <= MAX_WEEKS_MONTHS) { // a short history: drawn by week unless too long for it
      const weeks = await get("aggregate", {...current, period: "week", by: "country"}).then((v) => v.rows || [],
        () => null);
      if (weeks && span(weeks) <= MAX_WEEKS) [rows, period] = [weeks, "week"];
    } else if (rows && monthSpan(rows) > MAX_MONTHS) {
      period = "year"; // a decade and more: a bar per year, not 120 monthly hairlines
      rows = byYear(rows);
    }
    fill(this.timelineTitle, `Events and reported deaths per ${period}`);
    const undated = aggregate.status === "fulfilled" ? aggregate.value.undated || 0 : 0;
    fill(this.timelineBox, rows ? timeline(rows) : message("error", aggregate.reason.message),
      undated ? h("p", {class: "summary", id: "undated"},
        `${undated} undated event${undated === 1 ? "" : "s"} (in the table and, where placed, on the map) not on ` +
        "the timeline.") : "");
    this.element.dataset.drawn = new URLSearchParams({...current, offset}).toString(); // table, map, timeline
    await alerts;
    this.element.dataset.shown = new URLSearchParams({...current, offset}).toString(); // drawn: for tests, scripts
  }

  async renderFilters(current) {
    if (!this.options) {
      const [places, meta] = await Promise.all([choices(), get("").catch(() => ({}))]);
      const types = meta.event_types || {};
      this.options = {...places, types: Object.keys(types), subTypes: Object.values(types).flat(),
        certainties: meta.certainties || [], statuses: meta.review_statuses || []};
    }
    const {countries, admin1, types, subTypes, certainties, statuses} = this.options;
    fill(this.filters,
      select("country", "country", countries, current.country, countryName),
      select("admin1", "state (admin1)", admin1, current.admin1),
      input("admin2", "municipality (admin2)", "search", current.admin2),
      select("event_type", "event type", types, current.event_type),
      select("sub_event_type", "sub-type", subTypes, current.sub_event_type),
      select("certainty", "certainty", certainties, current.certainty),
      select("review", "review", statuses, current.review),
      dateInput("date_from", "from", current.date_from),
      dateInput("date_to", "to", current.date_to),
      input("actor", "actor", "search", current.actor, "e.g. Sinaloa Cartel"),
      input("q", "text", "search", current.q, "words in the article"),
      h("button", {type: "submit", id: "apply-filters"}, "Apply"),
      h("a", {href: "#/", class: "reset"}, "Reset"));
    this.filters.onsubmit = (event) => {
      event.preventDefault();
      const values = {};
      for (const [name, value] of new FormData(this.filters)) if (value) values[name] = value;
      location.hash = route("/", values);
    };
    for (const control of this.filters.querySelectorAll("select")) {
      control.addEventListener("change", () => this.filters.requestSubmit());
    }
  }

  renderTable(result, current, offset) {
    if (result.status !== "fulfilled") {
      fill(this.summary);
      fill(this.tableBox, message("error", result.reason.message));
      return;
    }
    const page = result.value;
    const items = page.items || [];
    // beyond the server's count limit the total is a lower bound: "of 10,000+" (the way search engines say it)
    const bounded = Boolean(page.total_is_lower_bound);
    const last = bounded ? offset + items.length : Math.min(offset + items.length, page.total);
    const total = bounded ? `${Math.max(page.total, last).toLocaleString("en")}+` : `${page.total}`;
    // an event is an incident (its reports fused); those marked wrong are out unless the review filter asks
    fill(this.summary, page.total ? `${offset + 1}–${last} of ${total} events` : "No event matches these filters.",
      page.total ? h("span", {class: "count-note"}, " (incidents; reports of one incident fused" +
        (current.review === "rejected" ? ")" : "; those marked wrong left out)")) : "",
      page.total ? h("span", {class: "exports"}, " · export: ", exportLink(current, "csv", "CSV"), " ",
        exportLink(current, "geojson", "GeoJSON")) : "");
    const nav = h("nav", {class: "pager"},
      offset > 0 ? h("a", {href: route("/", {...current, offset: Math.max(0, offset - PAGE) || ""})}, "← previous")
        : "",
      (bounded ? items.length === PAGE : last < page.total)
        ? h("a", {href: route("/", {...current, offset: offset + PAGE})}, "next →") : "");
    fill(this.tableBox,
      h("table", {class: "events", id: "events-table"},
        h("thead", {}, h("tr", {}, COLUMNS.map((c) => h("th", {}, c)))),
        h("tbody", {}, items.map(row))),
      nav);
  }
}
