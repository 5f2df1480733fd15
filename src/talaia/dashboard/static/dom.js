// DOM helpers. Every piece of text from the API (article text, names, notes) goes into the page
// as a text node or an attribute value, never through innerHTML: article text is untrusted.

const SVG_NS = "http://www.w3.org/2000/svg";

function build(element, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "on") {
      for (const [event, handler] of Object.entries(value)) element.addEventListener(event, handler);
    } else if (name.startsWith("on")) {
      throw new Error(`event handlers are attached with {on: {...}}, not as the attribute ${name}`);
    } else if (name === "dataset") {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** An HTML element: h("a", {href: "#/"}, "text", otherNode). */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** Replace what `element` holds with `children`. */
export function fill(element, ...children) {
  element.replaceChildren();
  return build(element, {}, children);
}

/** A URL fragment for a route with query parameters (empty values left out). */
export function route(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const text = query.toString();
  return `#${path}${text ? "?" + text : ""}`;
}

export function eventLink(id, label) {
  return h("a", {href: route(`/event/${encodeURIComponent(id)}`), class: "event-link"}, label || id.slice(0, 8));
}

export function actorLink(name) {
  return name ? h("a", {href: route(`/actor/${encodeURIComponent(name)}`)}, name) : "";
}

/** Quotes as cards: the words, then the speaker (a link to the actor), the document, whether it is
 * reported speech, its certainty when second-hand, and (withEvent) the event it speaks about. */
export function quoteList(quotes, {id = "quote-list", withEvent = true} = {}) {
  if (!quotes.length) return h("p", {class: "empty"}, "No quote.");
  return h("ul", {class: "quotes", id}, quotes.map((q) => h("li", {"data-certainty": q.certainty || "stated"},
    h("blockquote", {}, q.text), h("p", {class: "meta"}, actorLink(q.speaker) || "(speaker unknown)",
      ` · ${q.document_id || ""}`, q.direct === false ? " · reported speech" : "",
      q.certainty === "reported" ? h("span", {class: "certainty"}, " · second-hand (reported)") : "",
      withEvent && q.event_id ? [" · about event ", eventLink(q.event_id)] : ""))));
}

export function message(kind, text) {
  return h("p", {class: `message ${kind}`, role: kind === "error" ? "alert" : "status"}, text);
}
