// The review queue: the events no analyst has reviewed, the least confident first, each with the reasons
// it is doubtful (GET /api/review/queue), so an analyst's time goes where the extractor is least sure.

import {get} from "./api.js";
import {eventLink, fill, h, message, route} from "./dom.js";

const PAGE = 25;

export class QueuePage {
  constructor() {
    this.element = h("section", {class: "queue-page"});
  }

  async show(params) {
    const offset = Math.max(0, Number(params.get("offset") || 0));
    fill(this.element, h("h2", {}, "Review queue: the least sure first"), message("info", "Loading…"));
    let page;
    try {
      page = await get("review/queue", {limit: PAGE, offset});
    } catch (err) {
      this.element.lastChild.replaceWith(message("error", err.message));
      return;
    }
    const items = page.items || [];
    const last = offset + items.length;
    const rows = items.map((item) => {
      const e = item.event;
      const place = [...new Set([e.location, e.admin1, e.country].filter(Boolean))].join(", ");
      return h("tr", {"data-event-id": e.event_id, "data-confidence": item.confidence},
        h("td", {class: "num confidence"}, item.confidence.toFixed(2),
          item.confidence_from === "signals" ? h("span", {class: "meta", title: "the event has no confidence of its " +
            "own: worked out from the reasons"}, " *") : ""),
        h("td", {}, eventLink(e.event_id)), h("td", {class: "date"}, e.event_date || "undated"),
        h("td", {}, e.sub_event_type), h("td", {}, place),
        h("td", {class: "reasons"}, item.reasons.length ? h("ul", {}, item.reasons.map((r) => h("li", {}, r)))
          : h("span", {class: "meta"}, "no doubt found")));
    });
    this.element.lastChild.replaceWith(
      h("p", {class: "summary", id: "queue-summary"}, page.total
        ? `${offset + 1}–${last} of ${page.total} unreviewed events, the lowest confidence first ` +
          "(* worked out from the reasons where the extractor gave none)"
        : "Every event is reviewed."),
      page.total ? h("table", {class: "queue", id: "queue-table"},
        h("thead", {}, h("tr", {}, ["Confidence", "Event", "Date", "Sub-type", "Place", "Why"].map((c) => h("th", {}, c)))),
        h("tbody", {}, rows)) : "",
      h("nav", {class: "pager"},
        offset > 0 ? h("a", {href: route("/queue", {offset: Math.max(0, offset - PAGE) || ""})}, "← previous") : "",
        last < page.total ? h("a", {href: route("/queue", {offset: last})}, "next →") : ""));
  }
}
