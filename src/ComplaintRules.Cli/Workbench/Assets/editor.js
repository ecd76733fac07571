// The Edit tab: each --rules file in a plain textarea with line numbers; the loader's diagnostics as you type
// (debounced), each one click from its line and column; Apply swaps the server's rule set, Save writes the file.
"use strict";

(() => {
  const el = WB.el;
  const $ = (id) => document.getElementById(id);
  const DEBOUNCE_MS = 350;
  let texts = [];        // the working text of each rule file, by index
  let saved = [];        // the text last saved or read, to show unsaved changes
  let current = 0;
  let timer = null;
  let checkSequence = 0; // only the latest check's answer is shown
  let marks = new Map(); // line -> "error" | "warning", for the gutter

  function renderGutter() {
    const lines = $("source").value.split("\n").length;
    const gutter = $("gutter");
    gutter.replaceChildren();
    for (let n = 1; n <= lines; n++) {
      gutter.append(el("div", { class: marks.get(n) || null, "data-line": n }, n));
    }
    gutter.scrollTop = $("source").scrollTop;
  }

  function updateState() {
    const dirty = texts.map((t, i) => t !== saved[i]);
    for (const option of $("edit-file").options) {
      const i = Number(option.value);
      option.textContent = WB.base(WB.state.files[i].name) + (dirty[i] ? " (unsaved)" : "");
    }
  }

  // The offset of a 1-based line and column (columns count UTF-16 units, as the loader's do).
  function offsetOf(text, line, column) {
    let offset = 0;
    for (let n = 1; n < line; n++) {
      const next = text.indexOf("\n", offset);
      if (next < 0) return text.length;
      offset = next + 1;
    }
    return Math.min(text.length, offset + Math.max(0, column - 1));
  }

  // Puts the caret on a diagnostic's line and column and scrolls it into view.
  function jumpTo(diagnostic) {
    if (diagnostic.index !== current && diagnostic.index >= 0) selectFile(diagnostic.index);
    const source = $("source");
    const at = offsetOf(source.value, diagnostic.line, diagnostic.column);
    source.focus();
    source.setSelectionRange(at, at);
    const lineHeight = parseFloat(getComputedStyle(source).lineHeight) || 19;
    source.scrollTop = Math.max(0, (diagnostic.line - 5) * lineHeight);
    renderGutter();
  }

  function showDiagnostics(diagnostics) {
    marks = new Map();
    for (const d of diagnostics) {
      if (d.index === current && marks.get(d.line) !== "error") marks.set(d.line, d.severity);
    }
    const list = $("diagnostics");
    list.replaceChildren();
    if (diagnostics.length === 0) list.append(el("li", { class: "muted" }, "No problems."));
    for (const d of diagnostics) {
      const where = `${WB.base(d.file)}:${d.line}:${d.column}`;
      list.append(el("li", { class: d.severity, "data-line": d.line, "data-column": d.column },
        el("button", { type: "button", class: "link", onclick: () => jumpTo(d), "aria-label": `Go to line ${d.line}, column ${d.column}` }, where),
        ` ${d.severity}${d.code ? " " + d.code : ""}: ${d.ruleId ? `rule '${d.ruleId}': ` : ""}${d.message}`));
    }
    renderGutter();
  }

  async function check() {
    const sequence = ++checkSequence;
    const result = await WB.api("POST", "/api/check", { texts });
    if (sequence !== checkSequence) return;
    showDiagnostics(result.diagnostics);
    $("edit-state").textContent = result.ok ? "Loads; Apply to use it." : "Has errors: Apply waits for a fix.";
  }

  function selectFile(index) {
    current = index;
    $("edit-file").value = String(index);
    $("source").value = texts[index];
    $("source").scrollTop = 0;
    renderGutter();
    WB.guard(check);
  }

  async function apply() {
    clearTimeout(timer);
    const result = await WB.api("POST", "/api/apply", { texts });
    showDiagnostics(result.diagnostics);
    if (!result.applied) {
      $("edit-state").textContent = "Not applied: fix the errors first.";
      WB.status("Not applied: the rule files have errors", true);
      return;
    }
    WB.showRuleSet(result.ruleSet);
    $("edit-state").textContent = "Applied; the analysis was run again.";
    WB.status(`Applied: ${result.ruleSet.name} ${result.ruleSet.version} (${result.ruleSet.rules} rules)`);
    await WB.analyse();
  }

  async function save() {
    const result = await WB.api("POST", "/api/save", { index: current, text: texts[current] });
    saved[current] = texts[current];
    updateState();
    WB.status("Saved " + result.saved);
  }

  WB.onReady.push(async (state) => {
    texts = state.files.map((f) => f.text);
    saved = [...texts];
    const none = state.files.length === 0;
    $("edit-empty").hidden = !none;
    for (const id of ["apply", "save", "source", "edit-file"]) $(id).disabled = none;
    if (none) return;
    for (const file of state.files) $("edit-file").append(el("option", { value: file.index, title: file.name }, WB.base(file.name)));
    $("edit-file").addEventListener("change", () => selectFile(Number($("edit-file").value)));
    $("source").addEventListener("input", () => {
      texts[current] = $("source").value;
      updateState();
      renderGutter();
      clearTimeout(timer);
      timer = setTimeout(() => WB.guard(check), DEBOUNCE_MS);
    });
    $("source").addEventListener("scroll", () => { $("gutter").scrollTop = $("source").scrollTop; });
    $("source").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); WB.guard(apply); }
      // Tab indents inside the editor; Escape then Tab leaves it, so the keyboard is never trapped.
      if (event.key === "Tab" && !event.shiftKey && !$("source").dataset.escaped) {
        event.preventDefault();
        document.execCommand("insertText", false, "  ");
      }
      $("source").dataset.escaped = event.key === "Escape" ? "1" : "";
    });
    $("apply").addEventListener("click", () => WB.guard(apply));
    $("save").addEventListener("click", () => WB.guard(save));
    selectFile(0);
  });
})();
