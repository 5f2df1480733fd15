// One event: the article text with every evidence span marked, each coded field beside it, the
// review controls (accept, correct a field, mark wrong) and the review history.

import {get, getReviewer, getToken, post, setReviewer, setToken} from "./api.js";
import {actorLink, fill, h, message, quoteList} from "./dom.js";

// the fields shown beside the text, in ACLED's order; the server says which an analyst may correct
const FIELDS = [
  ["event_date", "Date"], ["event_type", "Event type"], ["sub_event_type", "Sub-event type"], ["actor1", "Actor 1"],
  ["assoc_actor_1", "Associated with actor 1"], ["actor2", "Actor 2"], ["assoc_actor_2", "Associated with actor 2"],
  ["country", "Country"], ["admin1", "Admin1"], ["admin2", "Admin2"], ["location", "Location"],
  ["latitude", "Latitude"], ["longitude", "Longitude"], ["fatalities", "Fatalities"],
  ["fatalities_high", "Fatalities (highest)"], ["certainty", "Certainty"], ["time_precision", "Time precision"],
  ["geo_precision", "Geo precision"], ["notes", "Notes"],
];
const NUMBERS = new Set(["fatalities", "latitude", "longitude"]);
const REQUIRED = new Set(["event_type", "sub_event_type", "actor1"]); // a correction cannot clear these
let correctable = null; // from GET /api (the server's correctable fields), read once

async function correctableFields() {
  if (!correctable) {
    try {
      correctable = new Set((await get("")).correctable_fields || []);
    } catch {
      correctable = new Set();
    }
  }
  return correctable;
}

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
  if (typeof value === "number" && !Number.isInteger(value)) return String(Number(value.toFixed(5)));
  return Array.isArray(value) ? (value.join("; ") || "—") : String(value);
}

function webLink(url) {
  // only a web address becomes a link (a stored 'javascript:' address stays text)
  return url && /^https?:\/\//i.test(url) ? h("a", {href: url, rel: "noopener noreferrer", target: "_blank"}, url) : url;
}

function spansOf(doc) {
  // the API labels each span with the field it tells: none (evidence), actor1, actor2 or location
  return (doc.evidence || []).map((sp) => ({start: sp.start, end: sp.end, kind: sp.field || "evidence"}));
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
    this.editable = await correctableFields();
    this.render(detail);
  }

  render(detail) {
    const e = detail; // the event's fields, with its documents, review and review history beside them
    this.detail = detail;
    this.status = h("div", {id: "review-status", role: "status"});
    const documents = detail.documents || [];
    const review = e.review || {status: "unreviewed"};
    fill(this.element,
      h("p", {}, h("a", {href: "#/"}, "← all events")),
      h("h2", {}, `${e.sub_event_type} — ${[...new Set([e.location, e.admin1, e.country].filter(Boolean))].join(", ")}`),
      h("p", {class: "meta"}, `${e.event_date || "date unknown"} · event ${e.event_id} · `,
        h("span", {class: `status status-${review.status}`, id: "review-state"}, review.status)),
      h("div", {class: "event-grid"},
        h("div", {class: "articles"},
          h("p", {class: "legend"}, h("mark", {class: "span-evidence"}, "evidence"), " ",
            h("mark", {class: "span-actor1"}, "actor 1"), " ", h("mark", {class: "span-actor2"}, "actor 2"), " ",
            h("mark", {class: "span-participant"}, "another participant"), " ",
            h("mark", {class: "span-location"}, "place"), " (as the incident is coded)"),
          documents.length ? documents.map((doc) => this.article(doc, spansOf(doc)))
            : message("info", "The article's text is not stored."),
          h("section", {class: "said", id: "event-quotes"}, h("h3", {}, "What was said about it"),
            quoteList(detail.quotes || [], {id: "event-quote-list", withEvent: false}))),
        h("aside", {class: "fields"}, this.tokenBox(), this.status, this.actions(e), this.fieldTable(e),
          this.fusion(e, documents), this.history(detail.review_history || []))));
  }

  article(doc, spans) {
    const id = doc.document_id;
    return h("article", {class: "document", "data-document-id": id},
      h("h3", {}, doc.title || id),
      h("p", {class: "meta"}, [doc.source, doc.published, webLink(doc.url), doc.event_id ? null : "a copy of the report"]
        .filter(Boolean).flatMap((part, i) => (i ? [" · ", part] : [part]))),
      h("div", {class: "article-text"}, markedText(doc.text || "", spans)));
  }

  tokenBox() {
    const token = h("input", {type: "password", id: "review-token", autocomplete: "off",
      placeholder: "review token", value: getToken()});
    const reviewer = h("input", {type: "text", id: "reviewer", placeholder: "your name", value: getReviewer()});
    const form = h("form", {class: "token", id: "token-form"}, h("label", {}, "Token ", token),
      h("label", {}, "Reviewer ", reviewer), h("button", {type: "submit"}, "Use"));
    this.tokenInput = token;
    this.reviewerInput = reviewer;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.useTyped();
      fill(this.status, message("info", token.value ? "Token kept for this tab." : "Token cleared."));
    });
    return h("details", {open: !getToken()}, h("summary", {}, "Review"), form);
  }

  /** The token and name as typed (no need to press "Use" first), kept for this tab. */
  useTyped() {
    if (!this.tokenInput) return;
    setToken(this.tokenInput.value.trim());
    setReviewer(this.reviewerInput.value.trim());
  }

  actions(e) {
    const note = h("input", {type: "text", id: "review-note", placeholder: "note (optional)"});
    const reviewed = (e.review && e.review.reviews) || 0;
    return h("div", {class: "actions"}, note,
      h("button", {type: "button", id: "accept-event", on: {click: () => this.review({action: "accept"}, note)}},
        "Accept"),
      h("button", {type: "button", id: "reject-event", class: "danger",
        on: {click: () => this.review({action: "reject"}, note)}}, "Mark wrong"),
      reviewed ? h("button", {type: "button", id: "undo-review", title: "undo the latest review (a new row of the log)",
        on: {click: () => this.review({action: "undo"}, note)}}, "Undo") : "");
  }

  fusion(e, documents) {
    // merge with another incident (its id, as the table lists it), or split this one's reports apart
    const other = h("input", {type: "text", id: "merge-other", placeholder: "other event's id", minlength: 4});
    const reports = (e.mentions || []).length;
    return h("div", {class: "fusion", id: "fusion"},
      h("form", {id: "merge-form", on: {submit: (event) => {
        event.preventDefault();
        this.change("merge", {other: other.value.trim()});
      }}}, other, h("button", {type: "submit", id: "merge-event"}, "Merge: the same incident")),
      reports > 1 || documents.filter((d) => d.event_id).length > 1
        ? h("button", {type: "button", id: "split-event", class: "danger",
          on: {click: () => this.change("split", {})}}, `Split its ${reports} reports apart`) : "");
  }

  async change(kind, body) {
    this.useTyped();
    if (!getToken()) {
      fill(this.status, message("error", "Type the review token first (Review, above)."));
      return;
    }
    const id = this.detail.event_id;
    let result;
    try {
      result = await post(`events/${encodeURIComponent(id)}/${kind}`, {...body, reviewer: getReviewer() || "analyst"});
    } catch (err) {
      fill(this.status, message("error", err.message));
      return;
    }
    const next = kind === "merge" ? result.event_id : id;
    if (next !== id) history.replaceState(null, "", `#/event/${encodeURIComponent(next)}`); // no reload
    this.render(await get(`events/${encodeURIComponent(next)}`));
    fill(this.status, message("ok", kind === "merge" ? "Merged: one incident now." :
      `Split: ${(result.apart || []).length} reports set apart.`));
  }

  fieldTable(e) {
    const corrected = (e.review && e.review.corrections) || {};
    const mentions = {actor1: e.actor1_mentions || [], actor2: e.actor2_mentions || []};
    const rows = FIELDS.map(([name, label]) => {
      const value = e[name];
      const shown = (name === "actor1" || name === "actor2") && value ? actorLink(value) : show(value);
      const cell = h("td", {class: name in corrected ? "value corrected" : "value", "data-field": name}, shown,
        (mentions[name] || []).length
          ? h("div", {class: "mentions"}, `in the text: ${mentions[name].map((m) => m.text).join(", ")}`) : "");
      const tools = h("td", {class: "tools"});
      if (this.editable.has(name)) {
        tools.append(h("button", {type: "button", class: "correct", "data-field": name,
          on: {click: () => this.editor(cell, tools, name, value)}}, "Correct"));
      }
      return h("tr", {"data-field": name}, h("th", {}, label), cell, tools);
    });
    return h("table", {class: "field-table", id: "fields"}, h("tbody", {}, rows));
  }

  editor(cell, tools, field, value) {
    // a date is written YYYY-MM-DD, as everywhere on the desk (a date input shows the browser's mm/dd/yyyy)
    const input = h("input", {type: NUMBERS.has(field) ? "number" : "text",
      placeholder: field === "event_date" ? "YYYY-MM-DD" : null,
      name: field, id: `correct-${field}`, value: value ?? "", min: field === "fatalities" ? 0 : null,
      step: field === "fatalities" ? 1 : NUMBERS.has(field) ? "any" : null});
    const note = h("input", {type: "text", placeholder: "why (optional)", class: "note"});
    // said explicitly: an empty box alone is refused (it would silently clear the field)
    const clear = REQUIRED.has(field) ? null : h("input", {type: "checkbox", id: `clear-${field}`});
    const newActor = field === "actor1" || field === "actor2" ? h("input", {type: "checkbox", id: `new-actor-${field}`})
      : null;
    const form = h("form", {class: "editor", "data-field": field}, input, note,
      clear ? h("label", {}, clear, " set to nothing") : "",
      newActor ? h("label", {title: "a name the actor knowledge base does not know, kept as written"}, newActor,
        " a new actor") : "",
      h("button", {type: "submit", id: `save-${field}`}, "Save"),
      h("button", {type: "button", on: {click: () => this.render(this.detail)}}, "Cancel"));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const raw = input.value.trim();
      if (clear?.checked) {
        this.review({action: "correct", field, value: null, clear: true}, note);
        return;
      }
      const corrected = raw === "" ? null : NUMBERS.has(field) ? Number(raw) : raw;
      this.review({action: "correct", field, value: corrected, new_actor: Boolean(newActor?.checked)}, note);
    });
    fill(tools);
    fill(cell, form);
    input.focus();
  }

  async review(body, noteInput) {
    this.useTyped();
    if (!getToken()) {
      fill(this.status, message("error", "Type the review token first (Review, above)."));
      return;
    }
    const e = this.detail;
    try {
      await post(`events/${encodeURIComponent(e.event_id)}/review`,
        {...body, reviewer: getReviewer() || "analyst", note: noteInput?.value || null});
    } catch (err) {
      fill(this.status, message("error", err.message));
      return;
    }
    const detail = await get(`events/${encodeURIComponent(e.event_id)}`);
    this.render(detail);
    const done = {correct: `${body.field} corrected.`, undo: "The latest review undone."}[body.action];
    fill(this.status, message("ok", done || `Event ${body.action}ed.`));
  }

  history(reviews) {
    if (!reviews.length) return h("p", {class: "meta"}, "No review yet.");
    return h("div", {class: "history"}, h("h3", {}, "Review history"),
      h("ol", {id: "review-history"}, reviews.map((r) => h("li", {},
        `${r.reviewed_at || ""} ${r.reviewer || ""}: ${r.action}`,
        r.field ? ` ${r.field}: ${show(r.before)} → ${show(r.after)}` : "",
        r.action === "merge" ? ` with ${show(r.after)}` : "",
        r.note ? ` (${r.note})` : ""))));
  }
}
