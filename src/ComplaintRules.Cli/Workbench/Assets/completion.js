// Completion in the Edit tab from the rule files' JSON Schema (embedded, the same file as schema/): Ctrl+Space lists
// the members the schema allows in the object at the caret, with their descriptions; Enter or Tab inserts one.
"use strict";

(() => {
  const el = WB.el;
  const $ = (id) => document.getElementById(id);
  let schema = null;
  let choices = [];
  let active = 0;
  let replaceFrom = 0; // where the inserted name starts (the opening quote of a half-typed key)

  // The path of keys (or "*" for array items) from the document's root to the object around the caret, whether the
  // caret is where a member name goes, and the name typed so far. Strings and // and /* */ comments are skipped.
  function scan(text, end) {
    const stack = [];
    let last = null;
    let i = 0;
    while (i < end) {
      const c = text[i];
      if (c === "/" && text[i + 1] === "/") { const j = text.indexOf("\n", i); if (j < 0 || j >= end) return null; i = j; continue; }
      if (c === "/" && text[i + 1] === "*") { const j = text.indexOf("*/", i + 2); if (j < 0 || j + 2 > end) return null; i = j + 2; continue; }
      if (c === '"') {
        let j = i + 1;
        while (j < end && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
        if (j >= end) return frameResult(stack, text.slice(i + 1, end), i); // the caret is inside this string
        last = text.slice(i + 1, j);
        i = j + 1;
        continue;
      }
      const top = stack[stack.length - 1];
      if (c === "{") stack.push({ object: true, key: null, keys: new Set() });
      else if (c === "[") stack.push({ object: false, key: "*" });
      else if (c === "}" || c === "]") stack.pop();
      else if (c === ":" && top && top.object) { top.key = last; top.keys.add(last); }
      else if (c === "," && top && top.object) top.key = null;
      i++;
    }
    return frameResult(stack, "", end);
  }

  // The member names of the object the caret is in that come after the caret.
  function keysAfter(text, from, keys) {
    let depth = 0;
    for (let i = from; i < text.length && depth >= 0; i++) {
      const c = text[i];
      if (c === "/" && text[i + 1] === "/") { const j = text.indexOf("\n", i); i = j < 0 ? text.length : j; continue; }
      if (c === "/" && text[i + 1] === "*") { const j = text.indexOf("*/", i + 2); i = j < 0 ? text.length : j + 1; continue; }
      if (c === '"') {
        let j = i + 1;
        while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
        if (depth === 0 && /^\s*:/.test(text.slice(j + 1, j + 40))) keys.add(text.slice(i + 1, j));
        i = j;
        continue;
      }
      if (c === "{" || c === "[") depth++;
      else if (c === "}" || c === "]") depth--;
    }
    return keys;
  }

  function frameResult(stack, typed, start) {
    const top = stack[stack.length - 1];
    if (!top || !top.object || top.key !== null) return null;
    return { path: stack.slice(0, -1).map((f) => f.key), present: top.keys, typed, start };
  }

  function resolve(node) {
    for (let n = 0; node && node.$ref && n < 16; n++) {
      node = node.$ref.replace(/^#\//, "").split("/").reduce((at, part) => (at ? at[part] : undefined), schema);
    }
    return node;
  }

  // The schema of a member (or "*" item) of a node, looking through oneOf, anyOf and allOf.
  function child(node, key) {
    node = resolve(node);
    if (!node) return null;
    if (key === "*") { if (node.items) return resolve(node.items); }
    else if (node.properties && node.properties[key]) return resolve(node.properties[key]);
    else if (node.patternProperties) return resolve(Object.values(node.patternProperties)[0]);
    else if (node.additionalProperties && typeof node.additionalProperties === "object") return resolve(node.additionalProperties);
    for (const alternative of [...(node.oneOf || []), ...(node.anyOf || []), ...(node.allOf || [])]) {
      const found = child(alternative, key);
      if (found) return found;
    }
    return null;
  }

  function members(node, out) {
    node = resolve(node);
    if (!node) return out;
    for (const [name, value] of Object.entries(node.properties || {})) {
      if (!out.has(name)) out.set(name, resolve(value).description || "");
    }
    for (const alternative of [...(node.oneOf || []), ...(node.anyOf || []), ...(node.allOf || [])]) members(alternative, out);
    return out;
  }

  function close() {
    choices = [];
    $("completions").hidden = true;
    $("source").removeAttribute("aria-activedescendant");
  }

  function render() {
    const list = $("completions");
    list.replaceChildren(...choices.map(([name, description], i) => el("li", {
      id: "completion-" + i, role: "option", "aria-selected": i === active ? "true" : "false",
      onmousedown: (event) => { event.preventDefault(); active = i; accept(); },
    }, el("strong", {}, name), description ? el("span", { class: "muted" }, " " + description.slice(0, 120)) : null)));
    list.hidden = choices.length === 0;
    if (choices.length) {
      $("source").setAttribute("aria-activedescendant", "completion-" + active);
      $("completion-" + active).scrollIntoView({ block: "nearest" });
    }
  }

  function open() {
    const source = $("source");
    const at = scan(source.value, source.selectionStart);
    if (at) keysAfter(source.value, at.typed ? source.value.indexOf('"', source.selectionStart) + 1 || source.value.length : source.selectionStart, at.present);
    if (!schema || !at) { WB.status("No completion here: put the caret where a member name goes"); return; }
    const node = at.path.reduce((n, key) => (n ? child(n, key) : null), schema);
    choices = [...members(node, new Map())].filter(([name]) => !at.present.has(name) && name.startsWith(at.typed));
    replaceFrom = at.typed || source.value[at.start] === '"' ? at.start : source.selectionStart;
    active = 0;
    if (!choices.length) WB.status("The schema allows no other member here");
    render();
  }

  function accept() {
    const source = $("source");
    const [name] = choices[active];
    source.setRangeText(`"${name}": `, replaceFrom, source.selectionStart, "end");
    close();
    source.focus();
    source.dispatchEvent(new Event("input", { bubbles: true }));
  }

  WB.onReady.push(async () => {
    schema = await fetch("/complaint-rules.schema.json").then((r) => r.json()).catch(() => null);
    const source = $("source");
    source.addEventListener("keydown", (event) => {
      if (event.key === " " && event.ctrlKey) { event.preventDefault(); open(); return; }
      if (!choices.length) return;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        active = (active + (event.key === "ArrowDown" ? 1 : choices.length - 1)) % choices.length;
        render();
      } else if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        event.stopImmediatePropagation();
        accept();
      } else if (event.key === "Escape") {
        close();
      }
    }, true);
    source.addEventListener("input", () => { if (choices.length) open(); });
    source.addEventListener("blur", close);
    source.addEventListener("click", close);
  });
})();
