// One event: the article text with every evidence span marked, each coded field beside it, the
// review controls (accept, correct a field, mark wrong) and the review history.

import {get, getReviewer, getToken, post, setReviewer, setToken} from "./api.js";
import {actorLink, fill, h, message, route} from "./dom.js";

// the fields shown beside the text, in ACLED's order; those an analyst may correct are marked
const FIELDS = [
  ["event_date", "Date", true], ["event_type", "Event type", true], ["sub_event_type", "Sub-event type", true],
  ["actor1", "Actor 1", true], ["assoc_actor_1", "Associated with actor 1", false], ["actor2", "Actor 2", true],
  ["assoc_actor_2", "Associated with actor 2", false], ["country", "Country", true], ["admin1", "Admin1", true],
  ["admin2", "Admin2", true], ["location", "Location", true], ["latitude", "Latitude", false],
  ["longitude", "Longitude", false], ["fatalities", "Fatalities", true], ["fatalities_high", "Fatalities (highest)",
    false], ["certainty", "Certainty", false], ["time_precision", "Time precision", false],
  ["geo_precision", "Geo precision", false], ["notes", "Notes", false],
];

/** Split `text` at the spans' edges: [{text, kinds}] where kinds lists the spans covering that piece. */
export function segments(text, spans) {
  const edges = new Set([0, text.length]);
  const valid = spans.filter((sp) => Number.isInteger(sp.start) && Number.isInteger(sp.end) && sp.start < sp.end
    && sp.start >= 0 && sp.end <= text.length);
  for (const sp of valid) { edges.add(sp.start); edges.add(sp.end); }
  const cuts = [...edges].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const kinds = [...new Set(valid.filter((sp) => sp.start <= a && sp.end >= b).map((sp) => sp.kind))];
    out.push({text: text.slice(a, b), kinds, start: a});
  }
  return out;
}

/** The article's text as DOM nodes: plain text, evidence and participants in <mark>s. Never HTML. */
export function markedText(text, spans) {
  return segments(text, spans).map((seg) => (seg.kinds.length
    ? h("mark", {class: seg.kinds.map((k) => `span-${k}`).join(" "), "data-kinds": seg.kinds.join(" "),
      "data-start": seg.start}, seg.text)
    : document.createTextNode(seg.text)));
}

function show(value) {
  if (value === null || value === undefined || value === "") return "—";
  return Array.isArray(value) ? (value.join("; ") || "—") : String(value);
}

function spansOf(detail, documentId, index) {
  // evidence spans: the API's list (each naming its document) or, for the event's own document, its evidence
  const e = detail.event;
  const listed = (detail.evidence || []).filter((sp) => !sp.document_id || sp.document_id === documentId);
  const evidence = listed.length || index > 0 ? listed : (e.evidence || []);
  const spans = evidence.map((sp) => ({start: sp.start, end: sp.end, kind: "evidence"}));
  if (index === 0 || listed.length) {
    for (const side of ["actor1", "actor2"]) {
      for (const m of e[`${side}_mentions`] || []) spans.push({start: m.start, end: m.end, kind: side});
    }
  }
  return spans;
}

export class EventPage {
  constructor() {
    this.element = h("section", {class: "event-page"});
  }

  async show(id) {
    fill(this.element, message("info", "Loading…"));
    let detail;
    try {
      detail = await get(`events/${encodeURIComponent(id)}`);
    } catch (err) {
      fill(this.element, h("p", {}, h("a", {href: "#/"}, "← all events")), message("error", err.message));
      return;
    }
    this.render(detail);
  }

  render(detail) {
    const e = detail.event;
    this.detail = detail;
    this.status = h("div", {id: "review-status", role: "status"});
    const documents = detail.documents || [];
    fill(this.element,
      h("p", {}, h("a", {href: "#/"}, "← all events")),
      h("h2", {}, `${e.sub_event_type} — ${[e.location, e.admin1, e.country].filter(Boolean).join(", ")}`),
      h("p", {class: "meta"}, `${e.event_date || "date unknown"} · event ${e.event_id}`),
      h("div", {class: "event-grid"},
        h("div", {class: "articles"},
          h("p", {class: "legend"}, h("mark", {class: "span-evidence"}, "evidence"), " ",
            h("mark", {class: "span-actor1"}, "actor 1"), " ", h("mark", {class: "span-actor2"}, "actor 2")),
          documents.length ? documents.map((doc, i) => this.article(doc, spansOf(detail, doc.id ?? doc.document_id, i)))
            : message("info", "The article's text is not stored.")),
        h("aside", {class: "fields"}, this.tokenBox(), this.status, this.actions(e), this.fieldTable(e),
          this.history(detail.reviews || detail.review_history || []))));
  }

  article(doc, spans) {
    const id = doc.id ?? doc.document_id;
    return h("article", {class: "document", "data-document-id": id},
      h("h3", {}, doc.title || id),
      h("p", {class: "meta"}, [doc.source, doc.published, doc.url ? h("span", {}, doc.url) : null]
        .filter(Boolean).flatMap((x, i) => (i ? [" · ", x] : [x]))),
      h("div", {class: "article-text"}, markedText(doc.text || "", spans)));
  }

  tokenBox() {
    const token = h("input", {type: "password", id: "review-token", autocomplete: "off",
      placeholder: "review token", value: getToken()});
    const reviewer = h("input", {type: "text", id: "reviewer", placeholder: "your name", value: getReviewer()});
    const form = h("form", {class: "token", id: "token-form"}, h("label", {}, "Token ", token),
      h("label", {}, "Reviewer ", reviewer), h("button", {type: "submit"}, "Use"));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      setToken(token.value.trim());
      setReviewer(reviewer.value.trim());
      fill(this.status, message("info", token.value ? "Token kept for this tab." : "Token cleared."));
    });
    return h("details", {open: !getToken()}, h("summary", {}, "Review"), form);
  }

  actions(e) {
    const note = h("input", {type: "text", id: "review-note", placeholder: "note (optional)"});
    return h("div", {class: "actions"}, note,
      h("button", {type: "button", id: "accept-event", on: {click: () => this.review({action: "accept"}, note)}},
        "Accept"),
      h("button", {type: "button", id: "reject-event", class: "danger",
        on: {click: () => this.review({action: "reject"}, note)}}, "Mark wrong"));
  }

  fieldTable(e) {
    const rows = FIELDS.map(([name, label, editable]) => {
      const value = e[name];
      const cell = h("td", {class: "value", "data-field": name},
        name.startsWith("actor") && !name.includes("assoc") ? actorLink(value) || "—" : show(value));
      const mentions = (e[`${name}_mentions`] || []).map((m) => m.text);
      const tools = h("td", {class: "tools"});
      if (editable) {
        tools.append(h("button", {type: "button", class: "correct", "data-field": name,
          on: {click: () => this.editor(cell, tools, name, value)}}, "Correct"));
      }
      return h("tr", {}, h("th", {}, label), h("td", {}, cell.childNodes.length ? cell : "",
        mentions.length ? h("div", {class: "mentions"}, `in the text: ${mentions.join(", ")}`) : ""), tools);
    });
    return h("table", {class: "field-table", id: "fields"}, h("tbody", {}, rows));
  }

  editor(cell, tools, field, value) {
    const input = h("input", {type: field === "event_date" ? "date" : field === "fatalities" ? "number" : "text",
      name: field, id: `correct-${field}`, value: value ?? "", min: field === "fatalities" ? 0 : null});
    const note = h("input", {type: "text", placeholder: "why (optional)", class: "note"});
    const form = h("form", {class: "editor", "data-field": field}, input, note,
      h("button", {type: "submit", id: `save-${field}`}, "Save"),
      h("button", {type: "button", on: {click: () => this.render(this.detail)}}, "Cancel"));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const raw = input.value.trim();
      const corrected = field === "fatalities" ? (raw === "" ? null : Number(raw)) : raw;
      this.review({action: "correct", field, value: corrected}, note);
    });
    fill(tools);
    fill(cell, form);
    input.focus();
  }

  async review(body, noteInput) {
    if (!getToken()) {
      fill(this.status, message("error", "Type the review token first (Review, above)."));
      return;
    }
    const e = this.detail.event;
    try {
      await post(`events/${encodeURIComponent(e.event_id)}/review`,
        {...body, reviewer: getReviewer() || "analyst", note: noteInput?.value || null});
    } catch (err) {
      fill(this.status, message("error", err.message));
      return;
    }
    const detail = await get(`events/${encodeURIComponent(e.event_id)}`);
    this.render(detail);
    fill(this.status, message("ok", body.action === "correct" ? `${body.field} corrected.` : `Event ${body.action}ed.`));
  }

  history(reviews) {
    if (!reviews.length) return h("p", {class: "meta"}, "No review yet.");
    return h("div", {class: "history"}, h("h3", {}, "Review history"),
      h("ol", {id: "review-history"}, reviews.map((r) => h("li", {},
        `${r.at || r.created_at || ""} ${r.reviewer || ""}: ${r.action}`,
        r.field ? ` ${r.field}: ${show(r.before)} → ${show(r.after ?? r.value)}` : "",
        r.note ? ` (${r.note})` : ""))));
  }
}

export function eventRoute(id) {
  return route(`/event/${encodeURIComponent(id)}`);
}
