// claimwatch browser view: a map, a timeline and the evidence of the selected incident.
// Plain JS, no build step, nothing from the internet: the data comes from this server's /api.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const PAGE = 10000;          // the API's largest page
const LIST_LIMIT = 300;      // incidents listed under the timeline
const CONTEXT = 60;          // characters of context either side of a quote (claimwatch.queries.CONTEXT)
const TYPE_COLOURS = {       // Okabe-Ito, readable by most colour-blind people
  bombing: "#d55e00", armed_assault: "#0072b2", assassination: "#cc79a7", kidnapping: "#e69f00",
  hostage_taking: "#f0c000", arson: "#a6761d", facility_attack: "#009e73", unarmed_assault: "#56b4e9",
  other: "#777777",
};
const TIMELINE = { width: 1000, height: 150, left: 40, right: 10, top: 10, bottom: 24 };

const state = {
  shapes: null,          // countries.json: projected country paths
  everything: [],        // all incidents, for the filter choices
  incidents: [],         // the incidents matching the filters
  range: null,           // [from, to] ISO days, inclusive, or null for the whole period
  unit: null,            // "week" | "month" | "year"; null until chosen from the data
  selected: null,        // the selected incident's id
  active: null,          // the incident circle that holds the map's tab stop
  view: null,            // the map's viewBox {x, y, w, h}
  bins: null,            // the timeline's periods: {list, step, unit}
};

const $ = (id) => document.getElementById(id);

// ------------------------------------------------------------------ small DOM helpers

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== ""));
  return node;
}

function svgEl(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  node.append(...children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
}

function label(text) {
  return String(text || "").replace(/_/g, " ");
}

function swatch(type) {
  const node = el("span", { class: "swatch", "aria-hidden": "true" });
  node.style.backgroundColor = TYPE_COLOURS[type] || TYPE_COLOURS.other; // CSSOM: allowed by the page's CSP
  return node;
}

function say(message) {
  $("status").textContent = message;
}

// ------------------------------------------------------------------ the API

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) {
    const error = body.error || { code: "E500", message: response.statusText };
    throw new Error(`${error.code}: ${error.message}`);
  }
  return body;
}

function filterQuery() {
  const params = new URLSearchParams();
  for (const [name, id] of [["country", "f-country"], ["type", "f-type"], ["actor", "f-actor"]]) {
    const value = $(id).value.trim();
    if (value) params.set(name, value);
  }
  return params;
}

async function fetchIncidents(params) {
  const rows = [];
  for (let offset = 0; ; offset += PAGE) {
    const query = new URLSearchParams(params);
    query.set("limit", PAGE);
    query.set("offset", offset);
    const page = await getJSON(`api/incidents?${query}`);
    rows.push(...page.incidents);
    if (rows.length >= page.count || page.incidents.length === 0) return rows;
  }
}

// ------------------------------------------------------------------ dates and periods

function parseDay(day) {
  return new Date(`${day}T00:00:00Z`);
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

function periodStart(day, unit) {
  if (unit === "year") return `${day.slice(0, 4)}-01-01`;
  if (unit === "month") return `${day.slice(0, 7)}-01`;
  const date = parseDay(day);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7)); // back to Monday
  return isoDay(date);
}

function nextPeriod(start, unit) {
  const date = parseDay(start);
  if (unit === "year") date.setUTCFullYear(date.getUTCFullYear() + 1);
  else if (unit === "month") date.setUTCMonth(date.getUTCMonth() + 1);
  else date.setUTCDate(date.getUTCDate() + 7);
  return isoDay(date);
}

function periodEnd(start, unit) {
  const date = parseDay(nextPeriod(start, unit));
  date.setUTCDate(date.getUTCDate() - 1);
  return isoDay(date);
}

function bestUnit(days) {
  if (days.length === 0) return "month";
  const span = (parseDay(days[days.length - 1]) - parseDay(days[0])) / 86400000;
  return span <= 3 * 365 ? (span <= 2 * 365 ? "week" : "month") : span <= 20 * 365 ? "month" : "year";
}

function periods(days, unit) {
  if (days.length === 0) return [];
  const last = periodStart(days[days.length - 1], unit);
  const out = [];
  for (let start = periodStart(days[0], unit); start <= last; start = nextPeriod(start, unit)) out.push(start);
  return out;
}

function inRange(incident) {
  if (!state.range) return true;
  return Boolean(incident.date) && incident.date >= state.range[0] && incident.date <= state.range[1];
}

// ------------------------------------------------------------------ the map

function project(lon, lat) {
  // Natural Earth I, as in build_shapes.py, with the scale and translate of countries.json
  const lam = (lon * Math.PI) / 180, phi = (lat * Math.PI) / 180;
  const phi2 = phi * phi, phi4 = phi2 * phi2;
  const x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)));
  const y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)));
  return [state.shapes.translate[0] + state.shapes.scale * x, state.shapes.translate[1] - state.shapes.scale * y];
}

function radius(incident) {
  return Math.min(3 + 1.5 * Math.sqrt(incident.killed || 0), 30);
}

function drawBaseMap() {
  const { width, height, outline, countries } = state.shapes;
  const map = $("map");
  map.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const land = svgEl("g", { class: "countries" });
  for (const country of countries) {
    land.append(svgEl("path", { d: country.d, "data-code": country.code || null },
      svgEl("title", { text: country.name })));
  }
  const dots = svgEl("g", { id: "dots", role: "group", "aria-label": "Incidents" });
  map.append(svgEl("path", { class: "sphere", d: outline }), land, dots);
  state.view = { x: 0, y: 0, w: width, h: height };
}

function describe(incident) {
  const place = [incident.city, incident.country_code].filter(Boolean).join(", ") || "place unknown";
  const killed = incident.killed === null || incident.killed === undefined ? "" : `, ${incident.killed} killed`;
  return `${incident.date || "undated"}, ${label(incident.type) || "incident"}, ${place}${killed}`;
}

function drawDots(shown) {
  const dots = $("dots");
  dots.replaceChildren();
  const placed = shown.filter((i) => i.lat !== null && i.lon !== null);
  const order = [...placed].sort((a, b) => radius(b) - radius(a)); // small ones on top
  for (const incident of order) dots.append(dot(incident));
  const tabbable = placed.find((i) => i.id === state.selected) || placed[0];
  state.active = tabbable ? tabbable.id : null;
  markActive();
  resizeDots();
  shadeCountries(placed);
  return placed.length;
}

function dot(incident) {
  const [x, y] = project(incident.lon, incident.lat);
  const circle = svgEl("circle", {
    cx: x.toFixed(1), cy: y.toFixed(1), "data-r": radius(incident), "data-id": incident.id,
    fill: TYPE_COLOURS[incident.type] || TYPE_COLOURS.other, role: "button", tabindex: "-1",
    "aria-label": describe(incident), class: incident.id === state.selected ? "selected" : null,
  }, svgEl("title", { text: describe(incident) }));
  circle.addEventListener("click", () => select(incident.id));
  return circle;
}

function markActive() {
  for (const circle of $("dots").children) {
    circle.setAttribute("tabindex", Number(circle.dataset.id) === state.active ? "0" : "-1");
  }
}

function resizeDots() {
  const zoom = state.shapes.width / state.view.w;
  for (const circle of $("dots").children) circle.setAttribute("r", (circle.dataset.r / Math.sqrt(zoom)).toFixed(2));
}

function shadeCountries(placed) {
  const codes = new Set(placed.map((i) => i.country_code));
  const chosen = $("f-country").value;
  for (const path of document.querySelectorAll("#map .countries path")) {
    path.classList.toggle("has-incidents", codes.has(path.dataset.code));
    path.classList.toggle("chosen", Boolean(chosen) && path.dataset.code === chosen);
  }
}

function onMapKey(event) {
  const ids = byDate(shownIncidents().filter((i) => i.lat !== null)).map((i) => i.id);
  const at = ids.indexOf(state.active);
  const moves = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: ids.length - 1 };
  if (event.key in moves && ids.length) {
    event.preventDefault();
    focusDot(ids[Math.max(0, Math.min(ids.length - 1, moves[event.key]))]);
  } else if ((event.key === "Enter" || event.key === " ") && state.active !== null) {
    event.preventDefault();
    select(state.active);
  }
}

function focusDot(id) {
  state.active = id;
  markActive();
  const circle = $("dots").querySelector(`circle[data-id="${id}"]`);
  if (circle) circle.focus();
}

// ------------------------------------------------------------------ map zoom and pan

function setView(view) {
  const { width, height } = state.shapes;
  const w = Math.max(width / 32, Math.min(width, view.w));
  const h = (w * height) / width;
  const x = Math.max(0, Math.min(width - w, view.x));
  const y = Math.max(0, Math.min(height - h, view.y));
  state.view = { x, y, w, h };
  $("map").setAttribute("viewBox", `${x} ${y} ${w} ${h}`);
  resizeDots();
}

function zoomAt(factor, cx, cy) {
  const v = state.view;
  const w = v.w / factor;
  setView({ x: cx - ((cx - v.x) * w) / v.w, y: cy - ((cy - v.y) * w) / v.w, w });
}

function svgPoint(svg, event) {
  const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(svg.getScreenCTM().inverse());
  return [point.x, point.y];
}

function wireMapZoom() {
  const map = $("map");
  const centre = () => [state.view.x + state.view.w / 2, state.view.y + state.view.h / 2];
  $("zoom-in").addEventListener("click", () => zoomAt(2, ...centre()));
  $("zoom-out").addEventListener("click", () => zoomAt(0.5, ...centre()));
  $("zoom-reset").addEventListener("click", () => setView({ x: 0, y: 0, w: state.shapes.width }));
  map.addEventListener("wheel", (event) => {
    event.preventDefault();
    zoomAt(event.deltaY < 0 ? 1.25 : 0.8, ...svgPoint(map, event));
  }, { passive: false });
  wireMapDrag(map);
  $("dots").addEventListener("keydown", onMapKey);
}

function wireMapDrag(map) {
  let drag = null;
  map.addEventListener("pointerdown", (event) => {
    if (event.target.tagName === "circle" || event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, view: { ...state.view }, target: event.target, moved: false };
    map.setPointerCapture(event.pointerId);
  });
  map.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const scale = drag.view.w / map.clientWidth;
    const dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    drag.moved = drag.moved || Math.hypot(dx, dy) > 4;
    if (drag.moved) setView({ ...drag.view, x: drag.view.x - dx * scale, y: drag.view.y - dy * scale });
  });
  map.addEventListener("pointerup", () => {
    if (drag && !drag.moved && drag.target.dataset && drag.target.dataset.code) chooseCountry(drag.target.dataset.code);
    drag = null;
  });
}

function chooseCountry(code) {
  const select = $("f-country");
  if (![...select.options].some((o) => o.value === code)) return; // no incidents there
  select.value = select.value === code ? "" : code;
  applyFilters();
}

// ------------------------------------------------------------------ the timeline

function drawTimeline() {
  const svg = $("timeline");
  const { width, height, left, right, top, bottom } = TIMELINE;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.replaceChildren(svg.querySelector("desc"));
  const days = state.incidents.map((i) => i.date).filter(Boolean).sort();
  const unit = state.unit || bestUnit(days);
  $("t-unit").value = unit;
  const bins = periods(days, unit);
  const counts = new Map(bins.map((b) => [b, 0]));
  for (const day of days) counts.set(periodStart(day, unit), counts.get(periodStart(day, unit)) + 1);
  const most = Math.max(1, ...counts.values());
  const step = (width - left - right) / Math.max(1, bins.length);
  state.bins = { list: bins, step, unit };
  bins.forEach((start, i) => svg.append(bar(start, counts.get(start), i, step, most, unit)));
  svg.append(...axis(bins, step, most, unit), svgEl("rect", { id: "brush", class: "brush", y: top, height: height - top - bottom, width: 0 }));
  svg.querySelector("desc").textContent = bins.length
    ? `Incidents per ${unit}, ${bins[0]} to ${periodEnd(bins[bins.length - 1], unit)}; at most ${most} in one ${unit}.`
    : "No dated incidents.";
}

function bar(start, count, i, step, most, unit) {
  const { height, left, top, bottom } = TIMELINE;
  const h = ((height - top - bottom) * count) / most;
  const end = periodEnd(start, unit);
  const picked = state.range && start <= state.range[1] && end >= state.range[0];
  return svgEl("rect", {
    x: (left + i * step).toFixed(2), y: (height - bottom - h).toFixed(2), width: Math.max(0.5, step - 1).toFixed(2),
    height: h.toFixed(2), class: `bar${picked ? " picked" : ""}`,
  }, svgEl("title", { text: `${unit} from ${start}: ${count} incident${count === 1 ? "" : "s"}` }));
}

function axis(bins, step, most, unit) {
  const { height, left, bottom, top } = TIMELINE;
  const every = Math.max(1, Math.ceil(bins.length / 10));
  const ticks = bins.map((start, i) => [start, i]).filter(([, i]) => i % every === 0);
  const text = (x, y, words, anchor) => svgEl("text", { x, y, "text-anchor": anchor, class: "axis", text: words });
  return [
    svgEl("line", { x1: left, x2: TIMELINE.width, y1: height - bottom, y2: height - bottom, class: "axis-line" }),
    text(left - 4, top + 8, String(most), "end"), text(left - 4, height - bottom, "0", "end"),
    ...ticks.map(([start, i]) => text(left + i * step, height - 6, unit === "year" ? start.slice(0, 4)
      : unit === "month" ? start.slice(0, 7) : start, "start")),
  ];
}

function wireTimeline() {
  const svg = $("timeline");
  let from = null;
  svg.addEventListener("pointerdown", (event) => {
    if (event.button !== 0 || !state.bins || !state.bins.list.length) return;
    from = svgPoint(svg, event)[0];
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener("pointermove", (event) => {
    if (from === null) return;
    const to = svgPoint(svg, event)[0];
    const brush = $("brush");
    brush.setAttribute("x", Math.min(from, to));
    brush.setAttribute("width", Math.abs(to - from));
  });
  svg.addEventListener("pointerup", (event) => {
    if (from === null) return;
    const to = svgPoint(svg, event)[0];
    pickBins(binAt(Math.min(from, to)), binAt(Math.max(from, to)), Math.abs(to - from) < 3);
    from = null;
  });
}

function binAt(x) {
  const { list, step } = state.bins;
  return Math.max(0, Math.min(list.length - 1, Math.floor((x - TIMELINE.left) / step)));
}

function pickBins(first, last, click) {
  const { list, unit } = state.bins;
  const range = [list[first], periodEnd(list[last], unit)];
  const same = click && state.range && state.range[0] === range[0] && state.range[1] === range[1];
  setRange(same ? null : range);
}

function setRange(range) {
  state.range = range;
  $("t-from").value = range ? range[0] : "";
  $("t-to").value = range ? range[1] : "";
  render();
}

function wireRangeInputs() {
  const fromInputs = () => {
    const from = $("t-from").value, to = $("t-to").value;
    if (!from && !to) return setRange(null);
    setRange([from || "0000-01-01", to || "9999-12-31"]);
  };
  $("t-from").addEventListener("change", fromInputs);
  $("t-to").addEventListener("change", fromInputs);
  $("t-clear").addEventListener("click", () => setRange(null));
  $("t-unit").addEventListener("change", () => { state.unit = $("t-unit").value; drawTimeline(); });
}

// ------------------------------------------------------------------ the list under the timeline

function byDate(incidents) {
  return [...incidents].sort((a, b) => (a.date || "9999").localeCompare(b.date || "9999") || a.id - b.id);
}

function drawList(shown) {
  const items = byDate(shown).slice(0, LIST_LIMIT).map((incident) => {
    const button = el("button", { type: "button", "data-id": incident.id,
      "aria-current": incident.id === state.selected ? "true" : null }, swatch(incident.type), describe(incident));
    button.addEventListener("click", () => select(incident.id));
    return el("li", {}, button);
  });
  $("list").replaceChildren(...items);
  $("list-more").textContent = shown.length > LIST_LIMIT
    ? `The first ${LIST_LIMIT} of ${shown.length} are listed; narrow the filters or the period to see the rest.` : "";
}

// ------------------------------------------------------------------ the selected incident

async function select(id) {
  state.selected = id;
  state.active = id;
  history.replaceState(null, "", `#incident/${id}`);
  const circle = $("dots").querySelector(`circle[data-id="${id}"]`);
  for (const other of $("dots").querySelectorAll("circle.selected")) other.classList.remove("selected");
  if (circle) {
    const focused = document.activeElement === circle;
    circle.classList.add("selected");
    $("dots").append(circle); // drawn last, on top; moving it drops its focus, so give it back
    if (focused) circle.focus();
  }
  markActive();
  for (const button of $("list").querySelectorAll("button")) {
    if (Number(button.dataset.id) === id) button.setAttribute("aria-current", "true");
    else button.removeAttribute("aria-current");
  }
  $("panel-body").replaceChildren(el("p", { class: "muted", text: "Loading…" }));
  try {
    const incident = await getJSON(`api/incidents/${id}`);
    if (state.selected === id) $("panel-body").replaceChildren(...panel(incident));
  } catch (error) {
    $("panel-body").replaceChildren(el("p", { class: "error", text: error.message }));
  }
}

function panel(incident) {
  const record = incident.record;
  const place = record.location || {};
  const where = [place.city, place.region, place.country || place.country_code].filter(Boolean).join(", ");
  return [
    el("h3", { text: `${label(record.type) || "Incident"}${where ? ` in ${where}` : ""}` }),
    el("p", { class: "muted", text: `Incident ${incident.id}` }),
    incident.merged_into ? el("p", { class: "note", text: `Merged into incident ${incident.merged_into}.` }) : null,
    facts(record),
    statements(record.attribution || []),
    related(incident.related || []),
    el("h4", { text: `Reports (${incident.reports.length})` }),
    ...incident.reports.map(report),
    historyBox(incident.id),
  ].filter(Boolean);
}

function facts(record) {
  const rows = [
    ["Date", record.date && `${record.date.value}${record.date.precision && record.date.precision !== "day" ? ` (${record.date.precision})` : ""}`],
    ["Killed", figure(record.killed)], ["Wounded", figure(record.wounded)], ["Kidnapped", figure(record.kidnapped)],
    ["Perpetrators", (record.perpetrators || []).map((p) => `${p.name} (${p.basis})`).join("; ")],
    ["Weapons", (record.weapons || []).map(label).join(", ")],
    ["Suicide attack", record.suicide ? "yes" : ""],
    ["Reports", `${record.reports || 0} main, ${record.background_reports || 0} background`],
  ].filter(([, value]) => value);
  return el("dl", { class: "facts" }, ...rows.flatMap(([name, value]) => [el("dt", { text: name }), el("dd", { text: value })]));
}

function figure(value) {
  if (!value) return "";
  const spread = value.low !== value.high && value.low !== undefined ? ` (reports: ${value.low}–${value.high})` : "";
  return `${value.qualifier ? `${value.qualifier} ` : ""}${value.best ?? value.value}${spread}`;
}

function statements(items) {
  if (!items.length) return null;
  const lines = items.map((s) => el("li", {
    text: `${label(s.kind)} by ${s.by || "unnamed"}${s.against && s.against.length ? ` against ${s.against.join(", ")}` : ""}`
      + `${s.channel ? ` via ${s.channel}` : ""}${s.hedged ? " (hedged)" : ""}${s.published ? `, reported ${s.published}` : ""}`,
  }));
  return el("div", {}, el("h4", { text: "Claims, accusations, denials" }), el("ul", { class: "statements" }, ...lines));
}

function related(links) {
  if (!links.length) return null;
  const buttons = links.map((link) => {
    const button = el("button", { type: "button", class: "link", text: `incident ${link.incident} (${link.kind})` });
    button.addEventListener("click", () => select(link.incident));
    return el("li", {}, button);
  });
  return el("div", {}, el("h4", { text: "Related incidents" }), el("ul", {}, ...buttons));
}

function report(item) {
  const title = item.title || item.article;
  const heading = safeUrl(item.url) ? el("a", { href: item.url, rel: "noopener noreferrer", target: "_blank", text: title })
    : el("span", { text: title });
  const meta = [item.source, item.published, item.role === "main" ? null : "background", `article ${item.article}`]
    .filter(Boolean).join(" · ");
  const quotes = item.evidence.map((quote) => el("li", {},
    el("span", { class: "field", text: fieldName(quote.field) }),
    el("q", {}, quote.start > quote.before.length ? "…" : "", quote.before, el("mark", { text: quote.text }),
      quote.after, quote.after.length >= CONTEXT ? "…" : "")));
  return el("article", { class: "report" }, el("h5", {}, heading), el("p", { class: "muted", text: meta }),
    el("ul", { class: "evidence", "aria-label": `Evidence in ${title}` }, ...quotes));
}

function safeUrl(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url);
}

function fieldName(field) {
  if (field === "evidence") return "trigger";
  return label(field.replace(/\.evidence$|_evidence$/, "").replace(/\[(\d+)\]/g, (_, n) => ` ${Number(n) + 1}`));
}

function historyBox(id) {
  const box = el("details", { class: "history" }, el("summary", { text: "How the record changed" }));
  box.addEventListener("toggle", async () => {
    if (!box.open || box.dataset.loaded) return;
    box.dataset.loaded = "yes";
    try {
      const { history: events } = await getJSON(`api/incidents/${id}/history`);
      box.append(el("ol", {}, ...events.map((e) => el("li", {
        text: `${e.at.slice(0, 10)} ${label(e.action)}${e.report ? ` (report ${e.report})` : " (by hand)"}: ${JSON.stringify(e.detail)}`,
      }))));
    } catch (error) {
      box.append(el("p", { class: "error", text: error.message }));
    }
  });
  return box;
}

// ------------------------------------------------------------------ filters and the whole view

function fillChoices(rows) {
  const names = new Map(state.shapes.countries.filter((c) => c.code).map((c) => [c.code, c.name]));
  const count = (key) => rows.reduce((m, r) => (r[key] ? m.set(r[key], (m.get(r[key]) || 0) + 1) : m), new Map());
  const countries = [...count("country_code")].sort((a, b) => (names.get(a[0]) || a[0]).localeCompare(names.get(b[0]) || b[0]));
  $("f-country").append(...countries.map(([code, n]) => el("option", { value: code, text: `${names.get(code) || code} (${n})` })));
  const types = [...count("type")].sort((a, b) => b[1] - a[1]);
  $("f-type").append(...types.map(([type, n]) => el("option", { value: type, text: `${label(type)} (${n})` })));
  const actors = new Set(rows.flatMap((r) => r.perpetrators.map((p) => p.replace(/ \((claimed|accused|reported|suspected)\)$/, ""))));
  $("actors").append(...[...actors].sort().map((name) => el("option", { value: name })));
  drawLegend(types.map(([type]) => type));
}

function drawLegend(types) {
  const swatches = types.map((type) => el("span", { class: "key" }, swatch(type), label(type)));
  $("legend").replaceChildren(...swatches, el("span", { class: "key muted", text: "Circle area grows with the people killed." }));
}

function shownIncidents() {
  return state.incidents.filter(inRange);
}

function render() {
  const shown = shownIncidents();
  const placed = drawDots(shown);
  drawTimeline();
  drawList(shown);
  const unplaced = shown.length - placed;
  const undated = state.range ? 0 : shown.filter((i) => !i.date).length;
  const notes = [unplaced ? `${unplaced} without coordinates (listed, not on the map)` : "",
    undated ? `${undated} undated (not on the timeline)` : ""].filter(Boolean);
  say(`${shown.length} of ${state.incidents.length} incidents shown${notes.length ? `; ${notes.join(", ")}` : ""}.`);
}

async function applyFilters() {
  const params = filterQuery();
  for (const id of ["dl-geojson", "dl-csv"]) $(id).search = params.toString();
  say("Loading incidents…");
  try {
    state.incidents = await fetchIncidents(params);
    state.unit = null;
    render();
  } catch (error) {
    say(`Could not load incidents: ${error.message}`);
  }
}

function wireFilters() {
  const form = $("filters");
  form.addEventListener("submit", (event) => { event.preventDefault(); applyFilters(); });
  form.addEventListener("reset", () => setTimeout(applyFilters, 0));
  $("f-country").addEventListener("change", applyFilters);
  $("f-type").addEventListener("change", applyFilters);
}

async function start() {
  try {
    state.shapes = await getJSON("countries.json");
    drawBaseMap();
    wireMapZoom();
    wireTimeline();
    wireRangeInputs();
    wireFilters();
    state.everything = await fetchIncidents(new URLSearchParams());
    fillChoices(state.everything);
    state.incidents = state.everything;
    render();
    const wanted = /^#incident\/(\d+)$/.exec(location.hash);
    if (wanted) select(Number(wanted[1]));
  } catch (error) {
    say(`Could not start: ${error.message}`);
  }
}

document.addEventListener("DOMContentLoaded", start);
