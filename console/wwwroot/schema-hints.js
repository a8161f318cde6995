// Schema-aware hints for the JSON editor, from the same rulesets/ruleset.schema.json editors validate against:
// where the caret is (as the JSON path validation problems use), what belongs there, and the property names
// or values that may go there, each a button that inserts it at the caret. A tokenizer of a few lines does
// this without a code-editor bundle.
import { h } from "./core.js";

let schema;
const loadSchema = () => (schema ??= fetch("ruleset.schema.json").then((response) => response.json()));

/** The keys and indexes from the root to the caret, and whether a property name goes at the caret. */
export function locate(text, offset) {
  const frames = [];
  let lastString = null;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      if (j >= offset) break;
      try { lastString = JSON.parse(text.slice(i, j + 1)); } catch { lastString = null; }
      i = j;
    } else if (c === "{") frames.push({ object: true, key: null });
    else if (c === "[") frames.push({ object: false, index: 0 });
    else if (c === "}" || c === "]") frames.pop();
    else if (c === ":" && frames.at(-1)?.object) frames.at(-1).key = lastString;
    else if (c === ",") {
      const top = frames.at(-1);
      if (top?.object) top.key = null; else if (top) top.index++;
    }
  }
  const atName = frames.at(-1)?.object === true && frames.at(-1).key === null;
  const segments = frames.filter((f) => !f.object || f.key !== null).map((f) => (f.object ? f.key : f.index));
  return { segments, atName };
}

export const pathText = (segments) =>
  segments.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("") || "(the rule set)";

// A node with its $ref followed; the referring node's own keywords (a section's typed rules) win.
function resolve(root, node) {
  if (!node?.$ref) return node ?? {};
  const target = resolve(root, node.$ref.replace("#/", "").split("/").reduce((n, key) => n?.[key], root));
  const { $ref, ...own } = node;
  return { ...target, ...own, properties: { ...target.properties, ...own.properties } };
}

function child(root, node, segment) {
  node = resolve(root, node);
  if (typeof segment === "number") return resolve(root, node.items);
  return resolve(root,
    node.properties?.[segment]
      ?? (typeof node.additionalProperties === "object" ? node.additionalProperties : undefined));
}

/** The hint panel, kept up to date as the caret moves in the editor. */
export function schemaHints(editor) {
  const panel = h("div", { id: "schema-hints", class: "schema-hints", role: "status", "aria-live": "polite" });
  const insert = (text) => {
    editor.setRangeText(text, editor.selectionStart, editor.selectionEnd, "end");
    editor.focus();
    editor.dispatchEvent(new Event("input"));
  };
  const update = async () => {
    const root = await loadSchema();
    const { segments, atName } = locate(editor.value, editor.selectionStart);
    const node = segments.reduce((n, s) => child(root, n, s), resolve(root, root));
    const items = [h("p", {}, "At ", h("code", { id: "schema-path" }, pathText(segments)),
      node.description ? ` — ${node.description}` : "", node.type ? ` (${[node.type].flat().join(" or ")})` : "")];
    if (atName && node.properties) {
      const required = new Set(node.required ?? []);
      items.push(h("p", {}, "Properties here (required ones marked *):"),
        h("ul", { class: "hints", id: "schema-properties" }, Object.keys(node.properties).map((name) =>
          h("li", {}, h("button", {
            type: "button",
            class: "link",
            title: resolve(root, node.properties[name]).description ?? "",
            onclick: () => insert(`"${name}": `),
          }, required.has(name) ? `${name}*` : name)))));
    }
    if (!atName && node.enum) {
      items.push(h("p", {}, "Allowed values:"),
        h("ul", { class: "hints", id: "schema-values" }, node.enum.map((value) =>
          h("li", {},
            h("button", { type: "button", class: "link", onclick: () => insert(JSON.stringify(value)) },
              String(value))))));
    }
    panel.replaceChildren(...items);
  };
  // Reading the caret's place scans the text up to it: in a large text, once typing pauses, not per key.
  let timer = 0;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(update, editor.value.length > 100000 ? 250 : 0);
  };
  for (const event of ["click", "keyup", "focus"]) editor.addEventListener(event, soon);
  return panel;
}
