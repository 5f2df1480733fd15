// The alerts panel: the area-weeks with unusually much violence against the area's own history
// (GET /api/alerts, docs/ALERTS.md) for the filters shown, each a link to that area's events of that week.

import {get} from "./api.js";
import {fill, h, message, route} from "./dom.js";
import {weekDays, weeksBefore} from "./timeline.js";

const RECENT_WEEKS = 12; // without a start date, the weeks judged end with the latest stored event's

function describe(alert) {
  const expected = Number(alert.expected).toFixed(1);
  return `${alert.observed} ${alert.measure} against ${expected} expected (p = ${Number(alert.p_value).toPrecision(2)})`;
}

function link(alert, current) {
  const area = alert.area;
  const [from, to] = weekDays(alert.week);
  // the area's events of that week; the other filters (types, review) stay; the alert is kept in the
  // address, so the panel still shows what was clicked
  const filters = {...current, country: area.country_code, admin1: area.admin1, admin2: area.admin2,
    actor: area.actor, event_type: area.event_type, date_from: from, date_to: to,
    alert: `${alert.week} · ${area.label} — ${describe(alert)}`};
  return h("li", {"data-week": alert.week},
    h("a", {href: route("/", filters)}, `${alert.week} · ${area.label}`), ` — ${describe(alert)}`);
}

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/** Fill `box` with the alerts of the areas under `current`'s filters: by municipality within a state,
 * else by state; the weeks of the date filter (from `date_from`'s to `date_to`'s; without a start, the
 * RECENT_WEEKS up to `date_to`, else up to the latest stored event). `followed`: the alert whose link
 * led here, shown first. */
export async function showAlerts(box, current, followed) {
  const params = {country: current.country, admin1: current.admin1, event_type: current.event_type,
    actor: current.actor, by: current.admin1 ? "admin2" : "admin1"};
  let report;
  try {
    if (current.date_from) {
      report = await get("alerts", {...params, since: current.date_from, until: current.date_to});
    } else {
      const latest = await get("alerts", {...params, until: current.date_to}); // the last week judged
      const last = latest.weeks[latest.weeks.length - 1];
      report = last ? await get("alerts", {...params, since: weekDays(weeksBefore(last, RECENT_WEEKS - 1))[0],
        until: weekDays(last)[1]}) : latest;
    }
  } catch (err) {
    fill(box, message("error", err.message));
    return;
  }
  const weeks = report.weeks.length ? `${report.weeks[0]} to ${report.weeks[report.weeks.length - 1]}` : "no week";
  const judged = `${report.by === "admin2" ? plural(report.areas, "municipality", "municipalities")
    : plural(report.areas, "state", "states")}, ${weeks}`;
  fill(box,
    followed ? h("p", {class: "followed", id: "alert-followed"}, "Followed: ", followed) : "",
    h("p", {class: "summary", id: "alerts-summary"},
      report.alerts.length ? `${plural(report.alerts.length, "unusual area-week", "unusual area-weeks")} (${judged})`
        : `Nothing unusual (${judged}).`),
    report.alerts.length ? h("ul", {class: "alerts", id: "alerts-list"}, report.alerts.map((a) => link(a, current)))
      : "");
}
