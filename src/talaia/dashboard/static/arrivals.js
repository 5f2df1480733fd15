// What arrived (#/arrivals?since=6h): the documents stored since a time, newest first, each with its
// events, and the health of the sources `talaia watch` polls into this database.

import {get} from "./api.js";
import {eventLink, fill, h, message, route} from "./dom.js";

const CHOICES = [["1h", "the last hour"], ["6h", "the last 6 hours"], ["1d", "the last day"], ["7d", "the last week"]];

function sinceForm(since) {
  const input = h("input", {type: "text", name: "since", id: "arrivals-since", value: since,
    placeholder: "6h, 2d, 2026-12-07 or 2026-12-07T09:30", "aria-label": "Arrived since"});
  const form = h("form", {class: "search arrivals-since"},
    h("label", {for: "arrivals-since"}, "Arrived since "), input, h("button", {type: "submit"}, "Show"),
    ...CHOICES.map(([value, label]) => h("a", {href: route("/arrivals", {since: value}), class: "since-choice",
      "aria-current": value === since ? "true" : null}, label)));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = route("/arrivals", {since: input.value.trim()});
  });
  return form;
}

function safeUrl(url) {
  // only web links are made clickable: a stored URL is untrusted
  return /^https?:\/\//i.test(url || "") ? url : null;
}

function arrivalList(data) {
  if (!data.items.length) return message("info", `Nothing arrived since ${data.since}.`);
  const rows = data.items.map((item) => h("tr", {class: "arrival"},
    h("td", {class: "when"}, item.ingested_at.replace("T", " ").replace("+00:00", " UTC")),
    h("td", {}, item.source || ""),
    h("td", {}, safeUrl(item.url) ? h("a", {href: safeUrl(item.url), rel: "noopener noreferrer", target: "_blank"},
      item.title || item.doc_id) : (item.title || item.doc_id),
      item.duplicate_of ? h("span", {class: "badge"}, " copy of a stored article") : ""),
    h("td", {class: "events"}, item.event_ids.length ? item.event_ids.map((id) => [eventLink(id), " "]) : "none")));
  return h("div", {},
    h("p", {class: "summary"}, `${data.count} document${data.count === 1 ? "" : "s"} since ${data.since}`),
    h("table", {class: "arrivals"},
      h("thead", {}, h("tr", {}, ["Stored", "Source", "Article", "Events"].map((t) => h("th", {}, t)))),
      h("tbody", {}, rows)));
}

function sourceTable(items) {
  if (!items.length) return message("info", "No source has been watched into this database (talaia watch).");
  return h("table", {class: "sources"},
    h("thead", {}, h("tr", {}, ["Source", "Last success", "Seen", "Ingested", "Next poll", "Last error"]
      .map((t) => h("th", {}, t)))),
    h("tbody", {}, items.map((s) => h("tr", {class: s.failures ? "failing" : "ok"},
      h("td", {}, s.name), h("td", {}, s.last_success_at || "never"), h("td", {}, String(s.articles_seen)),
      h("td", {}, String(s.articles_ingested)), h("td", {}, s.next_poll_at || ""),
      h("td", {}, s.failures ? `${s.last_error} (${s.failures} failed poll${s.failures === 1 ? "" : "s"})` : "")))));
}

export class ArrivalsPage {
  constructor() {
    this.element = h("section", {class: "arrivals-page"});
  }

  async show(params) {
    const since = params.get("since") || "1d";
    const list = message("info", "Loading…");
    const sources = h("div", {class: "watched-sources"});
    fill(this.element, h("h2", {}, "Arrivals"), sinceForm(since), list, h("h3", {}, "Watched sources"), sources);
    try {
      const [data, watched] = await Promise.all([get("arrivals", {since, limit: 500}), get("watch/sources")]);
      list.replaceWith(arrivalList(data));
      fill(sources, sourceTable(watched.items));
    } catch (err) {
      list.replaceWith(message("error", err.message));
    }
  }
}
