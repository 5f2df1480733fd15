// Actors (the actor knowledge base with the stored events and quotes naming each) and quotes.

import {get} from "./api.js";
import {actorLink, eventLink, fill, h, message, quoteList, route} from "./dom.js";

const ACTORS_PAGE = 50;

function searchForm(path, name, value, placeholder) {
  const input = h("input", {type: "search", name, value: value || "", placeholder, id: `search-${name}`});
  const form = h("form", {class: "search"}, input, h("button", {type: "submit"}, "Search"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = route(path, {[name]: input.value.trim()});
  });
  return form;
}

export class ActorsPage {
  constructor() {
    this.element = h("section", {class: "actors-page"});
  }

  async show(params) {
    const q = params.get("q") || "";
    const offset = Math.max(0, Number(params.get("offset") || 0));
    fill(this.element, h("h2", {}, "Actors"), searchForm("/actors", "q", q, "a name or an alias, e.g. AMLO"),
      message("info", "Loading…"));
    try {
      const data = await get("actors", {q, limit: ACTORS_PAGE, offset});
      const known = data.items || [];
      const last = offset + known.length;
      this.element.lastChild.replaceWith(
        h("p", {class: "summary", id: "actors-summary"}, data.total ? `${offset + 1}–${last} of ${data.total} actors ` +
          "(events: incidents naming the actor on either side)" : "No actor matches."),
        h("nav", {class: "pager", id: "actors-pager"},
          offset > 0 ? h("a", {href: route("/actors", {q, offset: Math.max(0, offset - ACTORS_PAGE) || ""})},
            "← previous") : "",
          last < data.total ? h("a", {href: route("/actors", {q, offset: last}), id: "actors-next"}, "next →") : ""),
        h("table", {class: "actors", id: "actors-table"},
        h("thead", {}, h("tr", {}, ["Actor", "Kind", "Countries", "Events", "Quotes"].map((c) => h("th", {}, c)))),
        h("tbody", {}, known.map((a) => h("tr", {}, h("td", {}, actorLink(a.name)), h("td", {}, a.type || a.kind || ""),
          h("td", {}, (a.countries || []).join(" ")), h("td", {class: "num"}, a.events ?? ""),
          h("td", {class: "num"}, a.quotes ?? ""))))));
    } catch (err) {
      this.element.lastChild.replaceWith(message("error", err.message));
    }
  }
}

export class ActorPage {
  constructor() {
    this.element = h("section", {class: "actor-page"});
  }

  async show(name) {
    fill(this.element, h("p", {}, h("a", {href: "#/actors"}, "← actors")), h("h2", {}, name),
      message("info", "Loading…"));
    // an actor of the knowledge base comes with its latest events; any other stored name is searched
    const [actor, quotes] = await Promise.allSettled([get(`actors/${encodeURIComponent(name)}`, {limit: 100}),
      get("quotes", {speaker: name, limit: 100})]);
    const events = actor.status === "fulfilled"
      ? {status: "fulfilled", value: actor.value.latest_events}
      : (await Promise.allSettled([get("events", {actor: name, limit: 100})]))[0];
    const parts = [];
    if (actor.status === "fulfilled") {
      const a = actor.value;
      parts.push(h("dl", {class: "actor-facts"},
        h("dt", {}, "Kind"), h("dd", {}, a.type || a.kind || "—"),
        h("dt", {}, "Countries"), h("dd", {}, (a.countries || []).join(" ") || "—"),
        h("dt", {}, "Also called"), h("dd", {}, (a.aliases || []).join(", ") || "—")));
    } else {
      parts.push(message("info", "Not in the actor knowledge base; the stored events and quotes that name it follow."));
    }
    const total = events.status === "fulfilled" ? events.value.total : null;
    parts.push(h("h3", {id: "actor-events-title"}, total === null ? "Events" : `Events (${total})`));
    if (events.status === "fulfilled") {
      const items = events.value.items || [];
      parts.push(items.length ? h("ul", {class: "actor-events", id: "actor-events"}, items.map((e) => h("li", {},
        eventLink(e.event_id), ` ${e.event_date || "undated"} · ${e.sub_event_type} · `,
        [e.location, e.admin1, e.country].filter(Boolean).join(", ")))) : h("p", {class: "empty"}, "No event."));
    } else {
      parts.push(message("error", events.reason.message));
    }
    parts.push(h("h3", {}, "Quotes"));
    parts.push(quotes.status === "fulfilled" ? quoteList(quotes.value.items || [])
      : message("error", quotes.reason.message));
    this.element.lastChild.replaceWith(...parts);
  }
}

export class QuotesPage {
  constructor() {
    this.element = h("section", {class: "quotes-page"});
  }

  async show(params) {
    const speaker = params.get("speaker") || "";
    fill(this.element, h("h2", {}, "Quotes"), searchForm("/quotes", "speaker", speaker, "a speaker, e.g. López Obrador"),
      message("info", "Loading…"));
    try {
      const data = await get("quotes", {speaker, limit: 200});
      this.element.lastChild.replaceWith(quoteList(data.items || []));
    } catch (err) {
      this.element.lastChild.replaceWith(message("error", err.message));
    }
  }
}
