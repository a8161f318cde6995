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
  const here = () =>
    pathText(frames.filter((f) => !f.object || f.key !== null).map((f) => (f.object ? f.key : f.index)));
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

// Chromium's editing pipeline (undo step, caret and layout bookkeeping) took 90 to 190 s to insert a 2 MB paste
// into the text area; written with setRangeText the same text takes about a second. Only large insertions take
// this path (they lose their undo step); typing keeps the browser's own editing.
const large = 20000;

function insertLargeText(event) {
  const text = event.data ?? event.dataTransfer?.getData("text/plain");
  if (!text || text.length < large || !event.inputType.startsWith("insert")) return;
  event.preventDefault();
  const area = event.target;
  area.setRangeText(text, area.selectionStart, area.selectionEnd, "end");
  area.dispatchEvent(new Event("input", { bubbles: true }));
}

/** Wraps the page's JSON text area with a label and line numbers; `linkProblems` adds the jumps. */
export function jsonEditor(textarea) {
  const gutter = h("pre", { class: "gutter", "aria-hidden": "true" });
  // The gutter holds only the numbers in view: 80,000 numbered lines cost the browser seconds of layout.
  let count = 1;
  const paint = () => {
    const height = parseFloat(getComputedStyle(textarea).lineHeight) || 18;
    const first = Math.floor(textarea.scrollTop / height);
    const shown = Math.max(Math.min(count - first, Math.ceil(textarea.clientHeight / height) + 2), 0);
    gutter.textContent = Array.from({ length: shown }, (_, i) => first + i + 1).join("\n");
    gutter.scrollTop = textarea.scrollTop - first * height;
  };
  const number = () => {
    const text = textarea.value;
    count = 1;
    for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
    gutter.dataset.count = count;
    gutter.style.minWidth = `${String(count).length}ch`;
    paint();
  };
  // One frame's worth of typing renumbers once: a 2 MB text has some 80,000 lines to count.
  let pending = 0;
  const renumber = () => { pending ||= requestAnimationFrame(() => { pending = 0; number(); }); };
  textarea.setAttribute("wrap", "off");
  textarea.addEventListener("beforeinput", insertLargeText);
  textarea.addEventListener("input", renumber);
  textarea.addEventListener("scroll", paint);
  new ResizeObserver(paint).observe(textarea);
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
