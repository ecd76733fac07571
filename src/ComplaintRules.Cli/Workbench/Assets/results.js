// The Test tab (the rule cases, PASS or FAIL) and the Score tab (the labelled file: heat maps, bars, misses and
// the change since the last scoring run).
"use strict";

(() => {
  const el = WB.el;
  const $ = (id) => document.getElementById(id);

  // What a case expects, one line per expectation it states.
  function expectations(expect) {
    const items = [];
    for (const [key, value] of Object.entries(expect)) {
      if (value === null || (Array.isArray(value) && value.length === 0)) continue;
      items.push(`${key}: ${Array.isArray(value) ? value.join(", ") : value}`);
    }
    return items;
  }

  async function runTests() {
    const result = await WB.api("POST", "/api/test", {});
    WB.showRuleSet(result.ruleSet);
    $("test-summary").textContent = `${result.passed} passed, ${result.failed} failed, ${result.pending} pending`;
    const list = $("tests");
    list.replaceChildren();
    for (const d of result.unreadable) list.append(el("li", { class: "fail", title: d.file }, el("span", { class: "badge fail" }, "ERROR"), ` ${WB.base(d.file)}:${d.line}:${d.column}: ${d.message}`));
    if (result.results.length === 0 && result.unreadable.length === 0) {
      list.append(el("li", { class: "muted" }, "No cases: start the workbench with --cases FILE.cases.json."));
    }
    for (const r of result.results) {
      const failing = r.status !== "pass";
      const messages = r.failures.map((f) => f.message);
      list.append(el("li", { class: "case " + r.status, "data-status": r.status },
        el("span", { class: "badge " + r.status }, r.status.toUpperCase()), " ", r.name,
        el("span", { class: "muted", title: r.file }, ` ${WB.base(r.file)}:${r.line}`),
        failing ? [" ", el("button", {
          type: "button", class: "link open-case",
          onclick: () => WB.guard(() => WB.openInAnalyse(r.complaint, {
            title: r.name, items: [...expectations(r.expect), ...messages.map((m) => "Actual: " + m)],
          })),
        }, "Open in Analyse")] : null,
        failing ? el("pre", {}, [r.pendingReason ? "pending: " + r.pendingReason : null, ...messages].filter(Boolean).join("\n")) : null));
    }
    WB.status(`Cases: ${result.passed} passed, ${result.failed} failed`, result.failed > 0);
  }

  const METRICS = [
    ["primaryCause.accuracy", "Primary cause accuracy"], ["primaryCause.kappa", "Primary cause kappa"],
    ["primaryCause.macroF1", "Primary cause macro-F1"], ["causes.macroF1", "Causes macro-F1"],
    ["conflictType.accuracy", "Conflict type accuracy"], ["conflictType.macroF1", "Conflict type macro-F1"],
    ["severity.accuracy", "Severity accuracy"], ["intensity.accuracy", "Intensity accuracy"],
    ["remedyClass.accuracy", "Remedy class accuracy"], ["coverage.both", "Coverage (cause and conflict)"],
  ];

  const metric = (report, path) => path.split(".").reduce((node, part) => (node == null ? undefined : node[part]), report && report.metrics);

  function change(now, before) {
    if (now === undefined || before === undefined) return el("td", {}, "");
    const d = now - before;
    const text = Math.abs(d) < 0.00005 ? "=" : (d > 0 ? "+" : "−") + (100 * Math.abs(d)).toFixed(1) + " pt";
    return el("td", { class: d > 0.00005 ? "delta-up" : d < -0.00005 ? "delta-down" : "" }, text);
  }

  function metricsTable(report, previous) {
    return el("table", { class: "metrics", id: "score-metrics" },
      el("thead", {}, el("tr", {}, ["Metric", "Now", "Last run", "Change"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, METRICS.filter(([path]) => metric(report, path) !== undefined).map(([path, label]) => {
        const now = metric(report, path);
        const before = previous ? metric(previous, path) : undefined;
        return el("tr", {}, el("td", {}, label), el("td", {}, WB.pct(now)), el("td", {}, previous ? WB.pct(before) : "–"), change(now, before));
      })));
  }

  // A confusion matrix as a heat map: each cell shaded by its share of the largest cell.
  function heatMap(title, confusion) {
    const gold = Object.keys(confusion);
    const predicted = [...new Set(gold.concat(...gold.map((g) => Object.keys(confusion[g]))))];
    const max = Math.max(1, ...gold.flatMap((g) => Object.values(confusion[g])));
    return el("div", { class: "card heat-card" }, el("h3", {}, title),
      el("table", { class: "heat", "aria-label": `${title}: rows are the labels, columns the predictions` },
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "label \\ predicted"), predicted.map((p) => el("th", { scope: "col" }, p)))),
        el("tbody", {}, gold.map((g) => el("tr", {}, el("th", { scope: "row" }, g), predicted.map((p) => {
          const count = confusion[g][p] || 0;
          const cell = el("td", { class: count / max > 0.55 ? "hot" : null, title: `label ${g}, predicted ${p}: ${count}` }, count || "");
          const base = g === p ? "35, 122, 59" : "179, 38, 30";
          cell.style.background = count ? `rgba(${base}, ${(0.12 + 0.88 * count / max).toFixed(3)})` : "";
          return cell;
        }))))));
  }

  function precisionRecall(title, perClass, previous) {
    const rows = Object.entries(perClass).map(([label, s]) => {
      const before = previous && previous[label];
      const delta = before ? `F1 ${s.f1 >= before.f1 ? "+" : "−"}${(100 * Math.abs(s.f1 - before.f1)).toFixed(1)} pt` : `n ${s.support}`;
      const p = el("div", {}); p.style.width = 100 * s.precision + "%";
      const r = el("div", { class: "recall" }); r.style.width = 100 * s.recall + "%";
      return el("div", { class: "pr" },
        el("div", { class: "bar-row" }, el("span", {}, label), el("div", { class: "bar", role: "img", "aria-label": `${label} precision ${WB.pct(s.precision)}` }, p), el("span", {}, "P " + WB.pct(s.precision))),
        el("div", { class: "bar-row" }, el("span", { class: "muted", title: `support ${s.support}` }, delta), el("div", { class: "bar", role: "img", "aria-label": `${label} recall ${WB.pct(s.recall)}` }, r), el("span", {}, "R " + WB.pct(s.recall))));
    });
    return el("div", { class: "card" }, el("h3", {}, title + ": precision and recall"), rows);
  }

  async function runScore() {
    const result = await WB.api("POST", "/api/score", {});
    const report = result.report;
    const previous = result.previous;
    $("score-summary").textContent = `${report.rows} rows, ${report.ruleSet}` + (previous ? ` · compared with the last run (${previous.ruleSet})` : " · first run: Apply an edit and score again to see the change");
    const m = report.metrics;
    const pm = previous ? previous.metrics : {};
    const cards = el("div", { class: "score-rows" });
    for (const [key, title] of [["primaryCause", "Primary cause"], ["conflictType", "Conflict type"], ["remedyClass", "Remedy class"]]) {
      if (!m[key]) continue;
      cards.append(heatMap(title, m[key].confusion));
      cards.append(precisionRecall(title, m[key].perClass, pm[key] && pm[key].perClass));
    }
    const misses = el("ol", { id: "misses" }, result.misses.map((miss, i) => {
      const errors = report.misses[i].errors.map((e) => `${e.decision}: expected ${e.expected}, got ${e.actual}`);
      return el("li", {},
        `line ${miss.line} (${miss.id}): ${errors.join("; ")} `,
        miss.complaint ? el("button", {
          type: "button", class: "link open-miss",
          onclick: () => WB.guard(() => WB.openInAnalyse(miss.complaint, { title: `labelled line ${miss.line} (${miss.id})`, items: errors })),
        }, "Open in Analyse") : null);
    }));
    const errors = result.errors.length ? el("ul", {}, result.errors.map((e) => el("li", { class: "fail" }, `line ${e.line}: ${e.message}`))) : null;
    const top = el("div", { class: "score-top" }, metricsTable(report, previous),
      el("div", { class: "misses" }, el("h2", {}, "Worst misses"), misses, errors || ""));
    $("score").replaceChildren(top, cards);
    WB.status(`Scored ${report.rows} rows`);
  }

  WB.onReady.push(async (state) => {
    $("run-tests").addEventListener("click", () => WB.guard(runTests));
    $("run-score").addEventListener("click", () => WB.guard(runScore));
    if (state.caseFiles === 0) $("test-summary").textContent = "Start the workbench with --cases FILE to run rule cases.";
    if (!state.labelled) {
      $("run-score").disabled = true;
      $("score-summary").textContent = "Start the workbench with --labelled FILE.jsonl to score.";
    }
  });
})();
