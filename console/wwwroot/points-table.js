// Scores as a product team sees them: a points table is a grid (a text that equals, or a number in
// [min, max), and its points; the first matching row wins, else the default), an expression score a line of
// text. Cells write back to the same properties, so the saved JSON changes only where a cell changed.
import { h } from "./core.js";

const number = (text) => (text.trim() === "" ? undefined : Number(text));

function cell(row, key, label, changed, parse) {
  return h("td", { "data-label": key }, h("input", { value: row[key] ?? "", "aria-label": label,
    "data-testid": `points-${key}`,
    oninput: (e) => {
      const value = parse(e.target.value);
      const valid = value === undefined || typeof value === "string" || Number.isFinite(value);
      e.target.setCustomValidity(valid ? "" : "A number, without grouping commas");
      if (!valid) { changed(); return; }
      if (value === undefined) delete row[key]; else row[key] = value;
      changed();
    } }));
}

function pointsGrid(score, changed) {
  const table = score.table;
  const text = table.rows.some((row) => row.equals !== undefined);
  const keys = text ? ["equals", "points"] : ["min", "max", "points"];
  const rows = table.rows.map((row, i) => h("tr", {},
    keys.map((key) => cell(row, key, `${score.name} row ${i + 1}: ${key}`, changed,
      key === "equals" ? (t) => t : number))));
  return h("div", { class: "table-wrap" }, h("table", { class: "decision-table",
    "data-testid": `points-${score.name}` },
    h("caption", {},
      `${score.name}: points by ${table.of}${text ? "" : " (min included, max excluded)"}; the first matching row wins`),
    h("thead", {}, h("tr", {}, keys.map((key) => h("th", { scope: "col" }, key)))),
    h("tbody", {}, rows),
    h("tfoot", {}, h("tr", {}, h("th", { scope: "row", colspan: keys.length - 1 }, "Default (no row matches)"),
      cell(table, "default", `${score.name}: default points`, changed, number)))));
}

/** The scores section, or null for a rule set without scores. */
export function scoresEditor(content, changed) {
  const scores = content.scores?.rules ?? [];
  if (scores.length === 0) return null;
  return h("section", { class: "rule-section", "aria-labelledby": "edit-scores-title", "data-testid": "edit-scores" },
    h("h3", { id: "edit-scores-title" }, "Scores ", h("small", {},
      "(computed first, in order; a score may read those above it)")),
    scores.map((score) => score.table ? pointsGrid(score, changed)
      : h("div", { class: "field" }, h("label", { for: `score-${score.name}` }, `${score.name} (expression)`),
        h("input", { id: `score-${score.name}`, class: "expression", value: score.expression,
          "data-testid": `score-${score.name}`,
          oninput: (e) => { score.expression = e.target.value; changed(); } }))));
}
