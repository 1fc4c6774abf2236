// The agent-desktop widget: resolves the caller (or takes a profile id), then shows the profile with the source and
// confidence of each field. It calls only this gateway, and writes values with textContent, never as HTML.
"use strict";

(() => {
  const query = new URLSearchParams(location.search);
  const $ = (id) => document.getElementById(id);
  let profileId = query.get("profileId") || "";

  // A gateway key travels in the fragment (#key=…), which browsers never send to a server, and is kept for the tab.
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get("key")) {
    sessionStorage.setItem("tributary-key", fragment.get("key"));
    history.replaceState(null, "", location.pathname + location.search);
  }

  function headers() {
    const h = { "Accept": "application/json", "X-Purpose": "agent desktop widget" };
    const key = sessionStorage.getItem("tributary-key");
    if (key) h["X-Api-Key"] = key;
    return h;
  }

  function setState(state, text) {
    const el = $("state");
    el.dataset.state = state;
    el.textContent = text;
    el.hidden = state === "ready";
  }

  async function call(method, path, body) {
    const init = { method, headers: headers() };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(json.detail || json.title || `HTTP ${response.status}`);
    }
    return json;
  }

  async function resolve() {
    const lookup = {};
    for (const name of ["email", "phone"]) {
      if (query.get(name)) lookup[name] = query.get(name);
    }
    if (Object.keys(lookup).length === 0) {
      setState("error", "Open the widget with ?profileId=, ?email= or ?phone=.");
      return;
    }
    const answer = await call("POST", "/v1/identity/resolve", lookup);
    if (answer.match === "guest" || !answer.profileId) {
      setState("guest", "Guest caller");
      $("guest").hidden = false;
      return;
    }
    profileId = answer.profileId;
    if (answer.action === "verify") {
      setState("verify", "Verification needed");
      const shared = (answer.evidence || []).filter((e) => e.matched).map((e) => `${e.type} shared by ${e.profiles} profiles`);
      $("verify-text").textContent = `Probable match (confidence ${Number(answer.confidence).toFixed(2)}${shared.length ? "; " + shared.join(", ") : ""}). Ask a security question before sharing details.`;
      $("verify").hidden = false;
      return;
    }
    await load(false);
  }

  function text(value) {
    if (value === null || value === undefined) return "";
    if (Array.isArray(value)) return value.map(text).join(", ");
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  }

  function row(tbody, field, value, source, confidence) {
    const tr = document.createElement("tr");
    tr.dataset.field = field;
    for (const [cls, content] of [["field", field], ["value", text(value)], ["source", source], ["confidence", confidence]]) {
      const td = document.createElement("td");
      td.className = cls;
      td.textContent = content;
      tr.appendChild(td);
    }
    tbody.appendChild(tr);
  }

  function render(profile) {
    $("widget").dataset.profileId = profile.profileId;
    $("profile-id").textContent = profile.profileId;
    $("fetched").textContent = `as of ${new Date(profile.fetchedAt).toLocaleTimeString()}`;
    $("stale").hidden = !profile.stale;
    const tbody = document.querySelector("#fields tbody");
    tbody.replaceChildren();
    for (const [name, value] of Object.entries(profile.traits || {})) row(tbody, name, value, "identify", "1.00");
    for (const [name, field] of Object.entries(profile.enrichment || {})) row(tbody, name, field.value, field.source, Number(field.confidence).toFixed(2));
    const cdp = profile.cdp || {};
    for (const [name, value] of Object.entries(cdp.traits || {})) row(tbody, name, value, "cdp", "1.00");
    const list = $("identifiers");
    list.replaceChildren();
    for (const identifier of profile.identifiers || []) {
      const li = document.createElement("li");
      li.textContent = identifier.value ? `${identifier.type}: ${identifier.value}` : `${identifier.type} (hashed)`;
      list.appendChild(li);
    }
    $("verify").hidden = true;
    $("profile").hidden = false;
    $("refresh").hidden = false;
    setState("ready", "");
  }

  async function load(refresh) {
    setState("loading", refresh ? "Refreshing…" : "Loading the profile…");
    render(await call("GET", `/v1/profiles/${encodeURIComponent(profileId)}${refresh ? "?refresh=true" : ""}`));
  }

  function guard(work) {
    return () => work().catch((error) => setState("error", `Could not load the profile: ${error.message}`));
  }

  $("refresh").addEventListener("click", guard(() => load(true)));
  $("verified").addEventListener("click", guard(() => load(false)));
  guard(profileId ? () => load(false) : resolve)();
})();
