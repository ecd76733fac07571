// The workbench's shared parts: the API client, a DOM builder, the tabs and the start-up.
// Every text from the server goes into the page as a text node (never innerHTML), so a complaint cannot inject markup.
"use strict";

const WB = {
  // The token is in the address only when the workbench listens beyond loopback.
  token: new URLSearchParams(location.search).get("token"),
  state: null,
  onReady: [],
};

WB.api = async function (method, path, body) {
  const headers = {};
  if (WB.token) headers["X-Workbench-Token"] = WB.token;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await response.json().catch(() => ({ error: `${response.status} ${response.statusText}` }));
  if (!response.ok) throw new Error(data.error || `${response.status}`);
  return data;
};

// el("div", { class: "x", onclick: f }, "text", child, [more children])
WB.el = function (tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  const add = (child) => {
    if (child === undefined || child === null || child === false) return;
    if (Array.isArray(child)) child.forEach(add);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  };
  children.forEach(add);
  return node;
};

WB.status = function (message, isError) {
  const status = document.getElementById("status");
  status.textContent = message;
  status.classList.toggle("error", !!isError);
};

// Runs an async action, showing its error in the status line instead of losing it.
WB.guard = async function (action) {
  try {
    return await action();
  } catch (error) {
    WB.status(error.message, true);
    return undefined;
  }
};

WB.showRuleSet = function (ruleSet) {
  document.getElementById("ruleset").textContent = `${ruleSet.name} ${ruleSet.version} · ${ruleSet.rules} rules · ${ruleSet.hash}`;
};

// A file's name without its folders: the page shows where a rule or case is, not the machine's layout.
WB.base = (path) => String(path).split(/[\\/]/).pop();

WB.pct = (x) => (x === undefined || x === null ? "–" : (100 * x).toFixed(1) + "%");

// Tabs: the WAI-ARIA pattern, arrow keys move between tabs, Home and End jump.
WB.selectTab = function (name) {
  for (const tab of document.querySelectorAll("[role=tab]")) {
    const selected = tab.id === "tab-" + name;
    tab.setAttribute("aria-selected", selected);
    tab.tabIndex = selected ? 0 : -1;
    document.getElementById(tab.getAttribute("aria-controls")).hidden = !selected;
  }
};

function initTabs() {
  const tabs = [...document.querySelectorAll("[role=tab]")];
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => WB.selectTab(tab.id.slice(4)));
    tab.addEventListener("keydown", (event) => {
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (to === undefined) return;
      event.preventDefault();
      const next = tabs[(to + tabs.length) % tabs.length];
      WB.selectTab(next.id.slice(4));
      next.focus();
    });
  });
}

document.addEventListener("DOMContentLoaded", () => WB.guard(async () => {
  initTabs();
  WB.state = await WB.api("GET", "/api/state");
  WB.showRuleSet(WB.state.ruleSet);
  for (const ready of WB.onReady) await ready(WB.state);
  document.body.dataset.ready = "true";
  if (WB.state.startupErrors > 0) {
    WB.status(`The rule files have ${WB.state.startupErrors} error(s): the default rule set is in use until you fix them and Apply (Edit tab)`, true);
  } else {
    WB.status("Ready");
  }
}));
