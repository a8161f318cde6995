// The advanced mode: the whole rule set as JSON in a labelled text area with line numbers, and a button
// beside each validation problem that jumps to the line its JSON path names. One pass over the text maps
// every path to the line its value starts on, so a 47,000-character file costs one scan, not one per problem.
import { h } from "./core.js";
import { pathText } from "./schema-hints.js";

/** Every JSON path in `text` (as validation names them) with the 1-based line where its value starts. */
export function pathLines(text) {
  const lines = new Map();
  const frames = [];
  let line = 1;
  let expectValue = true;
  let lastString = null;
  const here = () => pathText(frames.filter((f) => !f.object || f.key !== null).map((f) => (f.object ? f.key : f.index)));
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") { line++; continue; }
    if (c === " " || c === "\t" || c === "\r") continue;
    if (expectValue && c !== "]" && c !== "}") {
      if (!lines.has(here())) lines.set(here(), line);
      expectValue = false;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      lastString = text.slice(i + 1, j);
      i = j;
    } else if (c === "{") frames.push({ object: true, key: null });
    else if (c === "[") { frames.push({ object: false, index: 0 }); expectValue = true; }
    else if (c === "}" || c === "]") frames.pop();
    else if (c === ":") { frames.at(-1).key = lastString; expectValue = true; }
    else if (c === ",") {
      const top = frames.at(-1);
      if (top?.object) top.key = null; else if (top) { top.index++; expectValue = true; }
    }
  }
  return lines;
}

/** The line for `path`, or for the nearest enclosing path the text has. */
export function lineOf(lines, path) {
  let current = path;
  while (!lines.has(current)) {
    const shorter = current.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
    if (shorter === current || shorter === "") return 1;
    current = shorter;
  }
  return lines.get(current);
}

/** Wraps the page's JSON text area with a label and line numbers; `linkProblems` adds the jumps. */
export function jsonEditor(textarea) {
  const gutter = h("pre", { class: "gutter", "aria-hidden": "true" });
  const number = () => {
    const count = textarea.value.split("\n").length;
    if (gutter.dataset.count !== String(count)) {
      gutter.dataset.count = count;
      gutter.textContent = Array.from({ length: count }, (_, i) => i + 1).join("\n");
    }
    gutter.scrollTop = textarea.scrollTop;
  };
  textarea.setAttribute("wrap", "off");
  textarea.addEventListener("input", number);
  textarea.addEventListener("scroll", () => { gutter.scrollTop = textarea.scrollTop; });
  number();
  const jump = (line) => {
    const starts = textarea.value.split("\n").slice(0, line - 1).reduce((at, text) => at + text.length + 1, 0);
    textarea.focus();
    textarea.setSelectionRange(starts, starts);
    textarea.scrollTop = (line - 3) * parseFloat(getComputedStyle(textarea).lineHeight || "18");
    number();
  };
  const root = h("div", { class: "json-editor" },
    h("label", { for: textarea.id }, "Rule set (JSON, advanced)"),
    h("div", { class: "json-lines" }, gutter, textarea));
  return {
    root,
    number,
    /** Adds "line N" beside every problem under `container` whose JSON path is in the text. */
    linkProblems(container) {
      const lines = pathLines(textarea.value);
      for (const code of container.querySelectorAll(".problems li > code:first-child")) {
        const line = lineOf(lines, code.textContent);
        code.after(" ", h("button", { type: "button", class: "link", "data-testid": "jump-to-line",
          onclick: () => jump(line) }, `line ${line}`));
      }
    },
  };
}
