// A draft's rules as forms and decision tables, and its tests as a table, for product teams who should not
// have to write JSON. It edits a copy of the draft's document in place, property by property, so the saved
// JSON keeps its order and its diff shows only what changed; it saves through the page's draft (If-Match), and
// a save that someone else's came before offers to reload their draft and reapply these edits onto it.
import { api, h, showFailure } from "./core.js";
import { conflictPanel } from "./draft.js";
import { conditionBuilder, parameterNames } from "./condition-builder.js";
import { decisionTable, tableColumns } from "./decision-table.js";
import { scoresEditor } from "./points-table.js";
import { testTable } from "./test-table.js";

const sections = [
  ["tiers", "Tiers", "first match wins, so order decides"],
  ["privileges", "Privileges", "every match is granted"],
  ["nextActions", "Next actions", "lowest priority number wins; ties go to the one listed first"],
];
const ordered = new Set(["tiers", "nextActions"]);
const textKey = (section) => (section === "nextActions" ? "title" : "label");

function ruleForm(content, section, rules, i, changed, rerender) {
  const rule = rules[i];
  const id = `edit-${section}-${i}`;
  const key = textKey(section);
  const text = (label, name, value, write, attributes = {}) => h("div", { class: "field" },
    h("label", { for: `${id}-${name}` }, label),
    h("input", { id: `${id}-${name}`, value: value ?? "", "data-testid": `rule-${name}`, ...attributes,
      oninput: (e) => { write(e.target.value); changed(); } }));
  const localized = (language) => text(`${key === "title" ? "Title" : "Label"} (${language})`, `${key}-${language}`,
    rule[key]?.[language], (value) => { rule[key] = { ...rule[key], [language]: value }; });
  const move = (by, words) => h("button", { type: "button", class: "small", disabled: !rules[i + by],
    onclick: () => { [rules[i], rules[i + by]] = [rules[i + by], rules[i]]; changed(); rerender(); } }, words);
  return h("li", { class: "rule-form", "data-testid": `edit-${section}-${rule.code}` },
    h("div", { class: "rule-fields" },
      text("Code", "code", rule.code, (value) => { rule.code = value.trim(); }),
      localized("zh-CN"), localized("en"),
      section === "nextActions" ? text("Priority", "priority", rule.priority,
        (value) => { rule.priority = Number(value); },
        { type: "number", min: 0, step: 1 }) : null),
    section === "nextActions" ? h("div", { class: "field" }, h("label", { for: `${id}-message` }, "Message"),
      h("textarea", { id: `${id}-message`, rows: 2, "data-testid": "rule-message",
        oninput: (e) => { rule.message = e.target.value; changed(); } }, rule.message ?? "")) : null,
    conditionBuilder(content, section, rule, id, changed),
    h("div", { class: "inline" },
      ordered.has(section) ? [move(-1, "Move up"), move(1, "Move down")] : null,
      h("button", { type: "button", class: "small", onclick: () => { rules.splice(i, 1); changed(); rerender(); } },
        `Remove ${rule.code}`)));
}

function sectionEditor(content, section, title, note, changed) {
  const root = h("section", { class: "rule-section", "aria-labelledby": `edit-${section}-title`,
    "data-testid": `edit-${section}` });
  let view = "table";
  const render = () => {
    const rules = content[section]?.rules ?? [];
    const grid = view === "table" ? decisionTable(content, section, changed) : null;
    const switcher = h("button", { type: "button", class: "small", "data-testid": `view-${section}`,
      onclick: () => { view = grid ? "forms" : "table"; render(); } }, grid ? "Edit rule by rule" : "Show as a table");
    const add = h("button", { type: "button", class: "small", "data-testid": `add-${section}`, onclick: () => {
      const fresh = { code: `NEW_${rules.length + 1}`, [textKey(section)]: { "zh-CN": "", en: "" }, when: "true" };
      if (section === "nextActions") Object.assign(fresh, { priority: 99, message: "" });
      // A new tier goes before the catch-all, which must stay last.
      rules.splice(section === "tiers" ? Math.max(rules.length - 1, 0) : rules.length, 0, fresh);
      view = "forms";
      changed();
      render();
    } }, "Add a rule");
    root.replaceChildren(h("h3", { id: `edit-${section}-title` }, `${title} `, h("small", {}, `(${note})`)),
      h("div", { class: "inline" }, tableColumns(rules).length > 0 ? switcher : null, add),
      grid ?? h("ol", { class: "rule-forms" }, rules.map((_, i) => ruleForm(content, section, rules, i, changed,
        render))));
  };
  render();
  return root;
}

/**
 * The editor for the page's `draft` (draft.js), changing `content`, a copy of it, in place;
 * `onSaved(file)` lets the page's other forms follow a save, and
 * `showTests(report)` shows a validation run from elsewhere on the page in the tests table;
 * `pending()` answers the unsaved edits (`{ base, mine }`, or null) for a new editor to carry over, and
 * `carried(file, conflicts)` says that this editor holds edits carried onto `file`, saved elsewhere on the page.
 */
export function ruleEditor(draft, content, onSaved) {
  // What this editor's edits are edits of: the content it was made from, then what it saved.
  let origin = structuredClone(content);
  let dirty = false;
  const status = h("div", { class: "status-line", role: "status", "data-testid": "editor-status" });
  const conflict = h("div");
  const save = h("button", { type: "button", "data-testid": "save-rules", disabled: true }, "Save changes");
  const changed = () => {
    dirty = true;
    draft.unsaved = true;
    save.disabled = false;
    status.textContent = "Unsaved changes.";
    status.className = "status-line";
  };
  const body = h("div");
  let tests;
  const build = () => {
    tests = testTable(content, draft.path, changed);
    body.replaceChildren(...[parameterNames(content), scoresEditor(content, changed),
      ...sections.map(([section, title, note]) => sectionEditor(content, section, title, note, changed)), tests.root]
      .filter(Boolean));
  };
  build();
  const persist = async () => {
    const refused = editor.querySelector("input:invalid");
    if (refused) {
      status.textContent = `${refused.getAttribute("aria-label") ?? "A field"}: ${refused.validationMessage}`;
      status.className = "status-line error";
      refused.focus();
      return;
    }
    save.disabled = true;
    conflict.replaceChildren();
    status.textContent = "Saving…";
    status.className = "status-line busy";
    try {
      await draft.save(content);
      origin = structuredClone(content);
      dirty = false;
      onSaved(structuredClone(content));
      const report = await api(`${draft.path}/validate`, { method: "POST" });
      tests.show(report);
      status.textContent = report.valid ? "Saved. Valid: every test passes."
        : `Saved. ${report.testsFailed} tests fail, ${report.problems.length} problems.`;
      status.className = `status-line ${report.valid ? "ok" : "error"}`;
    } catch (error) {
      showFailure(status, error);
      save.disabled = false;
      if (error.status === 412) {
        conflict.replaceChildren(await conflictPanel(draft, error, () => content, (merged) => {
          content = merged;
          origin = structuredClone(draft.base);
          build();
          changed();
        }));
      }
    }
  };
  save.addEventListener("click", persist);
  const editor = h("section", { id: "rule-editor", "aria-labelledby": "rule-editor-title" },
    h("h2", { id: "rule-editor-title" }, "Edit the rules"),
    h("p", {}, "Change thresholds in the tables, or rule by rule; the expression text is written for you."),
    body,
    h("div", { class: "inline save-bar" }, save, status), conflict);
  const carried = (file, conflicts) => {
    origin = structuredClone(file);
    changed();
    status.replaceChildren("Unsaved changes, kept over the other save on this page: save them here.",
      conflicts.length === 0
      ? "" : h("span", {}, ` ${conflicts.length} value(s) that save also changed hold yours here: `,
        ...conflicts.flatMap((c, i) => [i ? ", " : "", h("code", {}, c.path)])));
  };
  return {
    root: editor,
    showTests: (report) => tests.show(report),
    pending: () => (dirty ? { base: origin, mine: content } : null),
    carried,
  };
}
