// The dashboard: polls GET /v1/dashboard every two seconds and redraws. Calls only this gateway; every value is written
// as text or as SVG geometry, never as markup.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const svg = "http://www.w3.org/2000/svg";
  const rates = [];
  let previous = null;

  // A gateway key travels in the fragment (#key=…), which browsers never send to a server, and is kept for the tab.
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get("key")) {
    sessionStorage.setItem("tributary-key", fragment.get("key"));
    history.replaceState(null, "", location.pathname + location.search);
  }

  function headers() {
    const h = { "Accept": "application/json" };
    const key = sessionStorage.getItem("tributary-key");
    if (key) h["X-Api-Key"] = key;
    return h;
  }

  function cells(row, values) {
    for (const value of values) {
      const td = document.createElement("td");
      if (value instanceof Node) td.appendChild(value); else td.textContent = value;
      row.appendChild(td);
    }
    return row;
  }

  const ms = (v) => (v === null || v === undefined ? "–" : `${v} ms`);
  const pct = (v) => `${(100 * v).toFixed(1)} %`;

  function bar(value, max) {
    const box = document.createElementNS(svg, "svg");
    box.setAttribute("viewBox", "0 0 100 10");
    box.setAttribute("preserveAspectRatio", "none");
    const rect = document.createElementNS(svg, "rect");
    rect.setAttribute("height", "10");
    rect.setAttribute("width", String(max > 0 && value ? Math.max(1, (100 * value) / max) : 0));
    box.appendChild(rect);
    return box;
  }

  function providers(view) {
    const stats = new Map(view.stats.providers.map((p) => [p.name, p]));
    const slowest = Math.max(1, ...view.stats.providers.map((p) => p.p95Ms || 0));
    const body = document.querySelector("#providers tbody");
    body.replaceChildren();
    for (const p of view.providers) {
      const s = stats.get(p.name) || { lookups: 0, matchRate: 0, statuses: {} };
      const errors = Object.entries(s.statuses || {})
        .filter(([status]) => !["matched", "no_match", "cached", "skipped", "queued"].includes(status))
        .map(([status, count]) => `${status} ${count}`).join(", ");
      const row = document.createElement("tr");
      row.dataset.provider = p.name;
      cells(row, [p.name, p.enabled ? "yes" : "no", p.circuit, `${p.tokensAvailable}/${p.perMinute}`, String(s.lookups),
        s.lookups ? pct(s.matchRate) : "–", ms(s.p50Ms), ms(s.p95Ms), ms(s.p99Ms), bar(s.p95Ms, slowest),
        `${p.costToday}${p.dailyBudget ? " / " + p.dailyBudget : ""}`, errors || "–"]);
      row.children[2].dataset.circuit = p.circuit;
      row.children[9].className = "bar";
      body.appendChild(row);
    }
  }

  // Fields as rows, the providers that answered as columns: each cell the share of answers that filled the field.
  function fill(view) {
    const answered = view.fill.filter((p) => p.answers > 0);
    const head = document.querySelector("#fill thead tr");
    head.replaceChildren();
    cells(head, ["field", ...answered.map((p) => `${p.name} (${p.answers})`)]);
    const fields = [...new Set(answered.flatMap((p) => Object.keys(p.fields)))].sort();
    const body = document.querySelector("#fill tbody");
    body.replaceChildren();
    for (const field of fields) {
      const row = cells(document.createElement("tr"), [field]);
      row.dataset.field = field;
      for (const p of answered) {
        const rate = p.fields[field] || 0;
        const td = document.createElement("td");
        td.className = "bar";
        td.append(bar(rate, 1), ` ${pct(rate)}`);
        row.appendChild(td);
      }
      body.appendChild(row);
    }
    if (!fields.length) body.appendChild(cells(document.createElement("tr"), ["no fresh answers yet"]));
  }

  // One row per provider: a bar per day (oldest on the left), scaled to that provider's busiest day.
  function credits(view) {
    const box = $("credits");
    box.replaceChildren();
    for (const p of view.credits) {
      const top = Math.max(0, ...p.days.map((d) => d.cost));
      const chart = document.createElementNS(svg, "svg");
      chart.setAttribute("viewBox", `0 0 ${p.days.length * 10} 40`);
      chart.setAttribute("preserveAspectRatio", "none");
      chart.setAttribute("role", "img");
      chart.setAttribute("aria-label", `${p.name} credits per day`);
      p.days.forEach((d, i) => {
        const height = top > 0 ? (38 * d.cost) / top : 0;
        const rect = document.createElementNS(svg, "rect");
        rect.setAttribute("x", String(i * 10 + 1));
        rect.setAttribute("width", "8");
        rect.setAttribute("y", String(40 - height));
        rect.setAttribute("height", String(height));
        const tip = document.createElementNS(svg, "title");
        tip.textContent = `${d.day}: ${d.cost} credits, ${d.calls} calls`;
        rect.appendChild(tip);
        chart.appendChild(rect);
      });
      const row = document.createElement("div");
      row.className = "credits";
      row.dataset.provider = p.name;
      const name = document.createElement("span");
      name.textContent = p.name;
      const total = document.createElement("span");
      total.className = "total";
      total.textContent = `${Number(p.days.reduce((sum, d) => sum + d.cost, 0).toFixed(4))} in 30 days`;
      row.append(name, chart, total);
      box.appendChild(row);
    }
  }

  function pipeline(view) {
    const p = view.pipeline;
    $("pipeline").textContent = `${p.staged} staged · ${p.enriched} enriched · ${p.unmatched} unmatched · ${p.deadLetters} dead letters`;
    $("queues").textContent = view.queues.map((q) => `${q.name}: ${q.waiting} waiting`).join(" · ");
    const body = document.querySelector("#runs tbody");
    body.replaceChildren();
    for (const run of p.runs.slice(0, 10)) {
      body.appendChild(cells(document.createElement("tr"), [run.id, new Date(run.startedAt).toLocaleString(), run.state,
        String(run.processed), String(run.enriched), String(run.unmatched), String(run.failed), pct(run.failureRate)]));
    }
  }

  function traffic(view) {
    const total = Object.values(view.stats.http).reduce((a, b) => a + b, 0);
    const at = Date.parse(view.at);
    if (previous) {
      const rate = Math.max(0, (total - previous.total) / Math.max(0.001, (at - previous.at) / 1000));
      rates.push(rate);
      if (rates.length > 60) rates.shift();
      $("rps").textContent = rate.toFixed(1);
    }
    // Answers per second by status class, between the last two polls.
    const perClass = Object.entries(view.stats.http).map(([k, v]) => {
      const before = previous ? previous.byClass[k] || 0 : v;
      const seconds = previous ? Math.max(0.001, (at - previous.at) / 1000) : 1;
      return `${k}: ${v} (${((v - before) / seconds).toFixed(1)}/s)`;
    });
    previous = { total, at, byClass: { ...view.stats.http } };
    const top = Math.max(1, ...rates);
    const points = rates.map((v, i) => `${i === 0 ? "M" : "L"}${(300 * i) / 59} ${60 - (55 * v) / top}`).join(" ");
    document.querySelector("#rps-chart path").setAttribute("d", points);
    $("rps-chart").dataset.points = String(rates.length);
    $("http").textContent = perClass.join(" · ") || "no traffic yet";
    const cache = view.stats.cache;
    $("hit-rate").textContent = cache.hits + cache.misses ? pct(cache.hitRate) : "–";
    $("cache-detail").textContent = `${cache.hits} hits, ${cache.misses} misses`;
  }

  async function poll() {
    try {
      const response = await fetch("/v1/dashboard", { headers: headers() });
      if (!response.ok) throw new Error(response.status === 401 ? "a gateway key is needed: open /#key=…" : `HTTP ${response.status}`);
      const view = await response.json();
      providers(view);
      fill(view);
      credits(view);
      pipeline(view);
      traffic(view);
      const status = $("status");
      status.dataset.state = "live";
      status.dataset.updatedAt = view.at;
      status.textContent = `live · updated ${new Date(view.at).toLocaleTimeString()}`;
    } catch (error) {
      $("status").dataset.state = "error";
      $("status").textContent = `not updating: ${error.message}`;
    }
  }

  poll();
  setInterval(poll, 2000);
})();
