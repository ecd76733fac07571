// The Analyse tab (a complaint, its evidence in colour, the assessment) and the Why tab (every rule, fired or not).
"use strict";

(() => {
  const el = WB.el;
  const $ = (id) => document.getElementById(id);
  const CAUSES = ["expectation", "rights_claim", "venting"];
  let samples = [];
  let last = null; // the last analysis, for the Why tab

  // The complaint the form describes, in the shape of the library's complaint JSON.
  function formComplaint() {
    const complaint = { id: "workbench", text: $("text").value };
    for (const field of ["language", "channel", "product", "regime"]) {
      const value = $(field).value.trim();
      if (value) complaint[field] = value;
    }
    if ($("amount").value !== "") complaint.amount = Number($("amount").value);
    return complaint;
  }

  function fillForm(complaint) {
    $("text").value = complaint.text || "";
    for (const field of ["language", "channel", "product", "regime", "amount"]) {
      $(field).value = complaint[field] === undefined || complaint[field] === null ? "" : complaint[field];
    }
  }

  // Opens a complaint in Analyse, with what it should have given (a failing case or a scoring miss) shown above.
  WB.openInAnalyse = async function (complaint, expected) {
    WB.expected = expected || null;
    // Keep the fields the form does not show (receivedAt, customerTags...): the case's result depends on them.
    WB.extraFields = complaint;
    fillForm(complaint);
    WB.selectTab("analyse");
    await WB.analyse();
    $("text").focus();
  };

  WB.analyse = async function () {
    if (!$("text").value.trim()) return;
    const complaint = Object.assign({}, WB.extraFields || {}, formComplaint());
    last = await WB.api("POST", "/api/analyse", complaint);
    WB.showRuleSet(last.ruleSet);
    render(last);
    renderWhy();
    WB.status("Analysed with " + last.ruleSet.name + " " + last.ruleSet.version);
  };

  // Splits the text at every evidence boundary; each piece covered by evidence becomes a <mark> whose title names
  // every signal, rule and phrase covering it. Cause evidence is coloured by cause; conflict-only evidence underlined.
  function highlight(text, assessment) {
    const spans = [];
    for (const cause of assessment.rootCauses) {
      for (const e of cause.evidence) if (e.field === "text") spans.push({ ...e, kind: cause.cause, label: cause.cause });
    }
    for (const conflict of assessment.conflictTypes) {
      for (const e of conflict.evidence) if (e.field === "text") spans.push({ ...e, kind: "conflict", label: "conflict " + conflict.type });
    }
    const cuts = new Set([0, text.length]);
    for (const s of spans) { cuts.add(s.start); cuts.add(s.start + s.length); }
    const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
    const out = el("div", { class: "complaint", id: "highlighted", lang: assessment.language === "zh" ? "zh-CN" : "en" });
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i], points[i + 1]];
      const piece = text.slice(from, to);
      const covering = spans.filter((s) => s.start <= from && s.start + s.length >= to);
      if (covering.length === 0) { out.append(piece); continue; }
      const cause = covering.find((s) => s.kind !== "conflict");
      const title = [...new Set(covering.map((s) => `${s.label}: signal ${s.signal}, rule ${s.ruleId}, phrase "${s.text}"`))].join("\n");
      out.append(el("mark", { class: cause ? cause.kind : "conflict", title, "data-signal": covering[0].signal, "data-rule": covering[0].ruleId }, piece));
    }
    return out;
  }

  function bar(label, value, max, cls, text) {
    const fill = el("div", { class: cls || "" });
    fill.style.width = Math.max(0, Math.min(100, (100 * value) / (max || 1))) + "%";
    return el("div", { class: "bar-row" }, el("span", {}, label), el("div", { class: "bar", role: "img", "aria-label": `${label} ${text}` }, fill), el("span", {}, text));
  }

  function expectedPanel() {
    const e = WB.expected;
    if (!e) return null;
    return el("div", { class: "expected", id: "expected" },
      el("h3", {}, "Expected: " + e.title),
      el("ul", { class: "plain" }, e.items.map((item) => el("li", {}, item))));
  }

  function render(result) {
    const a = result.assessment;
    const cards = el("div", { class: "cards" });
    const card = (title, ...body) => cards.append(el("div", { class: "card" }, el("h3", {}, title), ...body));

    card("Causes (primary: " + a.primaryCause + ")",
      a.rootCauses.length === 0 ? el("p", { class: "muted" }, "No cause found.") : a.rootCauses.map((c) => bar(c.cause, c.score, 1, c.cause, c.score.toFixed(2))),
      // A cause only primaryOnly rules found, left out beside the primary: its rules fired (see Why), so say why.
      (result.setAside || []).map((c) => el("p", { class: "muted set-aside" },
        `${c.cause} ${c.score.toFixed(2)}: not listed, only primaryOnly rules found it, and it is not the primary cause`)));
    card("Conflict: " + a.conflictType,
      a.conflictTypes.map((c) => bar(c.type + (c.subtype ? " / " + c.subtype : ""), c.score, 1, "", c.score.toFixed(2))));
    card("Severity: " + a.severity + " · intensity " + a.intensity + "/4",
      el("ul", { class: "plain" }, a.severityReasons.map((r) => el("li", {}, r))),
      bar("intensity", a.intensity, 4, "venting", a.intensity + "/4"));
    card("Steps",
      el("ol", { class: "steps" }, a.steps.map((s) => el("li", {},
        el("strong", {}, s.step + (s.emphasis === "extended" ? " (extended)" : "")), ": ", s.guidance,
        s.checklist.length ? el("ul", { class: "checklist", "aria-label": "Apology checklist" }, s.checklist.map((c) => el("li", {}, c))) : null))));
    card("Remedies",
      el("ul", { class: "plain" }, a.remedies.map((r) => el("li", { title: r.ruleId }, el("strong", {}, r.remedy), ` (${r.outcomeClass}, priority ${r.priority}): ${r.reason}`))));
    card("Deadlines" + (a.deadlines.length ? " (" + a.deadlines[0].regime + ")" : ""),
      a.deadlines.length === 0 ? el("p", { class: "muted" }, "No regime set, or none applies.") :
        el("ul", { class: "plain" }, a.deadlines.map((d) => el("li", {},
          el("strong", {}, d.kind), " ", d.due ? d.due : "from " + d.from, d.condition ? " · " + d.condition : "", el("br"), el("span", { class: "muted" }, d.basis)))));
    if (a.warnings.length) card("Warnings", el("ul", { class: "plain" }, a.warnings.map((w) => el("li", {}, w))));

    const legend = el("div", { class: "legend", "aria-label": "Colours" },
      CAUSES.map((c) => { const s = el("span", {}, c); s.style.setProperty("--c", `var(--${c})`); return s; }),
      el("span", { class: "muted" }, "dashed underline: conflict evidence"));
    $("analysis").replaceChildren(expectedPanel() || "", highlight(result.text, a), legend, cards);
  }

  // Why: every rule grouped by decision (fallback stages apart), with what it read; the filter matches any column.
  function renderWhy() {
    const box = $("why");
    if (!last) return;
    const query = $("why-filter").value.trim().toLowerCase();
    const onlyFired = $("why-fired").checked;
    const groups = new Map();
    for (const rule of last.rules) {
      if (onlyFired && !rule.fired) continue;
      const reads = rule.reads.map((r) => `${r.name}=${r.value}`).join("  ");
      if (query && ![rule.ruleId, rule.outcome, rule.decision, reads, rule.condition].join(" ").toLowerCase().includes(query)) continue;
      const key = rule.fallback ? `${rule.decision}, fallback stage` : rule.decision;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push({ rule, reads });
    }
    const shown = [...groups.values()].reduce((n, g) => n + g.length, 0);
    const fired = last.rules.filter((r) => r.fired).length;
    box.replaceChildren(el("div", {}, el("p", { class: "muted" }, `${fired} of ${last.rules.length} rules fired; ${shown} shown.`),
      [...groups].map(([decision, rows]) => [
        el("h3", {}, decision),
        el("table", {},
          el("thead", {}, el("tr", {}, ["", "Rule", "Outcome", "Facts read", "Condition"].map((h) => el("th", { scope: "col" }, h)))),
          el("tbody", {}, rows.map(({ rule, reads }) => el("tr", { class: rule.fired ? "fired" : "not-fired" },
            el("td", {}, rule.fault ? el("span", { class: "badge fault", title: rule.fault }, "failed")
              : el("span", { class: rule.fired ? "badge fired" : "badge not-fired" }, rule.fired ? "fired" : "not")),
            el("td", {}, rule.ruleId), el("td", {}, rule.outcome), el("td", { class: "reads" }, reads),
            el("td", { class: "reads" }, rule.condition))))),
      ])));
  }

  WB.onReady.push(async (state) => {
    for (const regime of state.regimes) $("regime").append(el("option", { value: regime }, regime));
    $("analyse-form").addEventListener("submit", (event) => { event.preventDefault(); WB.guard(WB.analyse); });
    $("text").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); WB.guard(WB.analyse); }
    });
    // Typing a new complaint drops what a case or miss expected, and the hidden fields it carried.
    $("text").addEventListener("input", () => { WB.expected = null; WB.extraFields = null; });
    $("why-filter").addEventListener("input", renderWhy);
    $("why-fired").addEventListener("change", renderWhy);
    $("sample").addEventListener("change", () => {
      const sample = samples[Number($("sample").value)];
      if (sample) WB.guard(() => WB.openInAnalyse(sample.complaint, null));
    });
    const found = await WB.api("GET", "/api/samples");
    const add = (label, list) => {
      if (!list.length) return;
      const group = el("optgroup", { label });
      for (const s of list) { group.append(el("option", { value: samples.length }, s.name)); samples.push(s); }
      $("sample").append(group);
    };
    add("Rule cases", found.cases);
    add("Labelled complaints", found.labelled);
  });
})();
