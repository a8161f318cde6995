// Scores as a product team sees them: a points table is a grid (a text that equals, or a number in
// [min, max), and its points; the first matching row wins, else the default), an expression score a line of
// text. Cells write back to the same properties, so the saved JSON changes only where a cell changed; rows (and
// bands) are added at the end and removed where they are, as plain objects the JSON reads like the others.
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

// A new row: a text to fill in, or the band that starts where the last one ends.
function freshRow(rows, text) {
  if (text) return { equals: "", points: 0 };
  const last = rows.at(-1);
  return last?.max !== undefined ? { min: last.max, points: 0 } : { points: 0 };
}

function pointsGrid(score, changed) {
  const table = score.table;
  const text = table.rows.some((row) => row.equals !== undefined);
  const keys = text ? ["equals", "points"] : ["min", "max", "points"];
  const root = h("div", { class: "table-wrap" });
  const edit = (change) => () => { change(); changed(); render(); };
  const render = () => root.replaceChildren(h("table", { class: "decision-table",
    "data-testid": `points-${score.name}` },
    h("caption", {},
      `${score.name}: points by ${table.of}${text ? "" : " (min included, max excluded)"}; `
        + "the first matching row wins"),
    h("thead", {}, h("tr", {}, keys.map((key) => h("th", { scope: "col" }, key)), h("th", { scope: "col" }, "Row"))),
    h("tbody", {}, table.rows.map((row, i) => h("tr", { "data-testid": "points-row" },
      keys.map((key) => cell(row, key, `${score.name} row ${i + 1}: ${key}`, changed,
        key === "equals" ? (t) => t : number)),
      h("td", { "data-label": "Row" }, h("button", { type: "button", class: "small", "data-testid": "remove-points-row",
        "aria-label": `Remove ${score.name} row ${i + 1}`, onclick: edit(() => table.rows.splice(i, 1)) },
      "Remove"))))),
    h("tfoot", {}, h("tr", {}, h("th", { scope: "row", colspan: keys.length - 1 }, "Default (no row matches)"),
      cell(table, "default", `${score.name}: default points`, changed, number),
      h("td", {}, h("button", { type: "button", class: "small", "data-testid": "add-points-row",
        "aria-label": `Add a row to ${score.name}`, onclick: edit(() => table.rows.push(freshRow(table.rows, text))) },
      "Add a row"))))));
  render();
  return root;
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
