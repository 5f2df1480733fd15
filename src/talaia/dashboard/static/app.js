// Talaia's dashboard: a page per route of the address's fragment (#/, #/event/ID, #/actors,
// #/actor/NAME, #/quotes, #/arrivals, #/queue), each drawn from the REST API of `talaia serve`.

import {ArrivalsPage} from "./arrivals.js";
import {h, fill, message} from "./dom.js";
import {EventPage} from "./event.js";
import {Overview} from "./overview.js";
import {ActorPage, ActorsPage, QuotesPage} from "./people.js";
import {QueuePage} from "./queue.js";

const main = document.getElementById("main");
const pages = {overview: new Overview(), event: new EventPage(), actors: new ActorsPage(), actor: new ActorPage(),
  quotes: new QuotesPage(), arrivals: new ArrivalsPage(), queue: new QueuePage()};

function parse(hash) {
  const text = hash.replace(/^#/, "") || "/";
  const [path, query] = text.split("?", 2);
  return {parts: path.split("/").filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query || "")};
}

async function render() {
  const {parts, params} = parse(location.hash);
  const [name, arg] = parts;
  let page = pages.overview;
  let shown;
  if (name === "event" && arg) { page = pages.event; shown = () => page.show(arg); }
  else if (name === "actors") { page = pages.actors; shown = () => page.show(params); }
  else if (name === "actor" && arg) { page = pages.actor; shown = () => page.show(arg); }
  else if (name === "quotes") { page = pages.quotes; shown = () => page.show(params); }
  else if (name === "arrivals") { page = pages.arrivals; shown = () => page.show(params); }
  else if (name === "queue") { page = pages.queue; shown = () => page.show(params); }
  else { shown = () => page.show(params); }
  if (main.firstChild !== page.element) fill(main, page.element);
  for (const link of document.querySelectorAll("header nav a")) {
    link.classList.toggle("active", link.dataset.page === (name || "overview"));
  }
  document.body.dataset.loading = "true";
  try {
    await shown();
  } catch (err) {
    fill(main, message("error", `This page failed: ${err.message}`), h("a", {href: "#/"}, "back to the events"));
  } finally {
    document.body.dataset.loading = "false";
  }
}

window.addEventListener("hashchange", render);
render();
