// The events map: Leaflet with no tile server. The base layer is the packaged Natural Earth
// boundaries (countries everywhere, states in Latin America and the United States).

import {eventLink, h} from "./dom.js";

const L = window.L;
let boundaries = null; // the GeoJSON, fetched once
const STATE_STYLE = {color: "#b8bec5", weight: 0.6, fill: false};
const CHOSEN_STYLE = {color: "#b9770e", weight: 1.5, fill: true, fillColor: "#fdebd0", fillOpacity: 0.7};
const fold = (text) => String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();

async function baseLayer() {
  if (!boundaries) {
    const response = await fetch("/assets/boundaries.geojson");
    boundaries = await response.json();
  }
  const countries = L.geoJSON(boundaries, {
    filter: (f) => f.properties.level === 0,
    style: {color: "#8c959f", weight: 0.8, fillColor: "#f7f5ef", fillOpacity: 1},
    interactive: false,
  });
  const states = L.geoJSON(boundaries, {
    filter: (f) => f.properties.level === 1,
    style: STATE_STYLE,
    interactive: false,
  });
  return [countries, states];
}

function popup(feature) {
  const p = feature.properties;
  const dead = p.fatalities ? `${p.fatalities} dead` : "no deaths reported";
  return h("div", {class: "popup"},
    h("strong", {}, p.sub_event_type || p.event_type || "event"), h("br"),
    [p.location, p.admin1, p.country].filter(Boolean).join(", "), h("br"),
    `${p.event_date || "date unknown"} · ${dead}`, h("br"),
    eventLink(p.event_id, "open the event"));
}

function clusterMarker(map, lat, lon, p) {
  const marker = L.circleMarker([lat, lon], {
    radius: 8 + 3 * Math.log2(1 + p.count), color: "#6e2c00", weight: 1, fillColor: "#dc7633", fillOpacity: 0.55,
    className: "event-cluster",
  });
  const dead = p.fatalities ? `, ${p.fatalities} dead` : "";
  marker.bindTooltip(`${p.count.toLocaleString("en")} events${dead}`, {permanent: false, direction: "top"});
  marker.on("click", () => map.setView([lat, lon], Math.min(map.getZoom() + 2, 18)));
  marker.on("add", () => marker.getElement()?.setAttribute("data-count", String(p.count)));
  return marker;
}

const radius = (dead) => 5 + 2.5 * Math.sqrt(dead);

/** Whether an event is placed only at a state, region or country (its point is that area's middle). */
export function isCoarse(p) {
  return p.geo_precision === 3 || !p.admin1 || (!p.admin2 && (!p.location || p.location === p.admin1));
}

function legend() {
  // sizes in app.css (.dead-N: twice radius(N) across; the page's CSP forbids inline styles)
  const circle = (dead, coarse) => h("span", {class: `dot dead-${dead}${coarse ? " coarse" : ""}`});
  return h("div", {class: "map-legend", id: "map-legend"},
    h("div", {}, circle(0), circle(10), circle(50), " reported deaths: 0, 10, 50"),
    h("div", {}, circle(0, true), " dashed: placed at a state or country only (not a precise point)"));
}

export class EventMap {
  constructor(element) {
    this.map = L.map(element, {worldCopyJump: true, attributionControl: true, preferCanvas: false})
      .setView([23.6, -102.5], 4);
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Boundaries: Natural Earth");
    this.events = L.featureGroup().addTo(this.map);
    const key = L.control({position: "bottomleft"});
    key.onAdd = () => legend();
    key.addTo(this.map);
    this.ready = baseLayer().then(([countries, states]) => {
      countries.addTo(this.map);
      states.addTo(this.map);
      this.states = states;
      this.events.bringToFront();
    });
  }

  /** Shade the state the events are filtered to (accents and case ignored), and only it. */
  async highlight(admin1) {
    await this.ready;
    const wanted = fold(admin1);
    this.states.eachLayer((layer) => {
      const chosen = wanted && fold(layer.feature.properties.name) === wanted;
      layer.setStyle(chosen ? CHOSEN_STYLE : STATE_STYLE);
      if (chosen) layer.getElement()?.classList.add("chosen-state");
      else layer.getElement()?.classList.remove("chosen-state");
    });
  }

  /** Show the events of a GeoJSON FeatureCollection and fit the view to them (``fit``: false keeps the
   * view, when the map asked for them itself). A large selection comes as clusters (one per grid cell,
   * properties {cluster, count, fatalities}): a cluster is a circle with its count; clicking it zooms in. */
  async show(collection, fit = true) {
    await this.ready;
    this.events.clearLayers();
    this.clustered = Boolean(collection.clustered);
    for (const feature of collection.features || []) {
      if (!feature.geometry || feature.geometry.type !== "Point") continue;
      const [lon, lat] = feature.geometry.coordinates;
      if (feature.properties.cluster) {
        this.events.addLayer(clusterMarker(this.map, lat, lon, feature.properties));
        continue;
      }
      const dead = Number(feature.properties.fatalities || 0);
      const coarse = isCoarse(feature.properties);
      const marker = L.circleMarker([lat, lon], {
        radius: radius(dead), color: "#7b241c", weight: coarse ? 1.5 : 1, fillColor: "#c0392b",
        fillOpacity: coarse ? 0.12 : 0.6, dashArray: coarse ? "3 3" : null,
        className: coarse ? "event-marker coarse" : "event-marker",
      });
      marker.feature = feature;
      marker.bindPopup(() => popup(feature));
      marker.on("add", () => marker.getElement()?.setAttribute("data-event-id", feature.properties.event_id));
      this.events.addLayer(marker);
    }
    const bounds = this.events.getBounds();
    if (fit && bounds.isValid()) this.map.fitBounds(bounds.pad(0.4), {maxZoom: 7, animate: false});
  }

  /** The view the map shows, as the API's zoom and bbox parameters. */
  view() {
    const b = this.map.getBounds();
    const clamp = (v, low, high) => Math.min(high, Math.max(low, v)).toFixed(4);
    return {zoom: this.map.getZoom(),
      bbox: [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180),
        clamp(b.getNorth(), -90, 90)].join(",")};
  }

  /** Call ``load(view)`` after the analyst pans or zooms a clustered map: finer clusters, or the points. */
  onMove(load) {
    if (this.moveHandler) this.map.off("moveend", this.moveHandler);
    this.moveHandler = () => { if (this.clustered) load(this.view()); };
    this.map.on("moveend", this.moveHandler);
  }

  invalidate() {
    this.map.invalidateSize();
  }
}
