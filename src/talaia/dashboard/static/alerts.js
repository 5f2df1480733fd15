// The alerts panel: the area-weeks with unusually much violence against the area's own history
// (GET /api/alerts, docs/ALERTS.md) for the filters shown, each a link to that area's events of that week.

import {get} from "./api.js";
import {fill, h, message, route} from "./dom.js";
import {weekDays, weeksBefore} from "./timeline.js";

const RECENT_WEEKS = 12; // without a start date, the weeks judged end with the latest stored event's

function link(alert) {
  const area = alert.area;
  const [from, to] = weekDays(alert.week);
  const filters = {country: area.country_code, admin1: area.admin1, admin2: area.admin2, actor: area.actor,
    event_type: area.event_type, date_from: from, date_to: to};
  const expected = Number(alert.expected).toFixed(1);
  return h("li", {"data-week": alert.week},
    h("a", {href: route("/", filters)}, `${alert.week} · ${area.label}`),
    ` — ${alert.observed} ${alert.measure} against ${expected} expected (p = ${Number(alert.p_value).toPrecision(2)})`);
}

/** Fill `box` with the alerts of the areas under `current`'s filters: by municipality within a state,
 * else by state; the weeks from `date_from`'s, else the last RECENT_WEEKS stored. */
export async function showAlerts(box, current) {
  const params = {country: current.country, admin1: current.admin1, event_type: current.event_type,
    actor: current.actor, by: current.admin1 ? "admin2" : "admin1"};
  let report;
  try {
    if (current.date_from) {
      report = await get("alerts", {...params, since: current.date_from});
    } else {
      const latest = await get("alerts", params); // the latest stored event's week
      const last = latest.weeks[latest.weeks.length - 1];
      report = last ? await get("alerts", {...params, since: weekDays(weeksBefore(last, RECENT_WEEKS - 1))[0]})
        : latest;
    }
  } catch (err) {
    fill(box, message("error", err.message));
    return;
  }
  const weeks = report.weeks.length ? `${report.weeks[0]} to ${report.weeks[report.weeks.length - 1]}` : "no week";
  const judged = `${report.areas} ${report.by === "admin2" ? "municipalities" : "states"}, ${weeks}`;
  fill(box,
    h("p", {class: "summary", id: "alerts-summary"},
      report.alerts.length ? `${report.alerts.length} unusual area-weeks (${judged})`
        : `Nothing unusual (${judged}).`),
    report.alerts.length ? h("ul", {class: "alerts", id: "alerts-list"}, report.alerts.map(link)) : "");
}
