// A section whose rules test the same fields (tiers, points-like ladders) as a decision table: rows are the
// rules in deciding order, columns the fields they test, cells the conditions. A cell whose value is a
// parameter edits the parameter's value (the threshold a product team moves); any other cell edits the
// literal in the rule's expression. Clauses the table cannot show stay in the last column as text.
import { h } from "./core.js";
import { conditionText, operatorsFor, fieldsOf, parseCondition } from "./condition-text.js";

// Codes and conditions break after "_" and "." (LARGE_OUTFLOW_ RETENTION), not mid-word, so the table fits the page.
const breakable = (text) => text.split(/(?<=[_.])/).flatMap((part, i) => (i ? [h("wbr"), part] : [part]));

const typed = (clause) => clause.field !== undefined && clause.kind !== "expression";

/**
 * Every field the section's rules test, in the order they first appear, when at least two rules test one of
 * them (a ladder of thresholds); otherwise none, and the section is edited rule by rule.
 */
export function tableColumns(rules) {
  const counts = new Map();
  for (const rule of rules) {
    const seen = new Set(parseCondition(rule.when ?? "").clauses.filter(typed).map((c) => c.field));
    for (const field of seen) counts.set(field, (counts.get(field) ?? 0) + 1);
  }
  return [...counts.values()].some((n) => n >= 2) ? [...counts.keys()] : [];
}

const words = (clause, type) =>
  operatorsFor(type).find(([kind, op]) => kind === clause.kind && (op === "" || op === clause.op))?.[2] ?? clause.kind;

function valueCell(content, rule, condition, clause, key, label, changed) {
  const parameter = clause[key]?.match(/^params\.(\w+)$/)?.[1];
  const spec = parameter && content.parameters?.[parameter];
  if (spec && (spec.type === "number" || spec.type === "integer")) {
    return h("span", { class: "cell-value" },
      h("input", { type: "text", inputmode: "decimal", value: spec.value, "aria-label": label,
        "data-testid": `cell-${rule.code}-${clause.field}`,
        oninput: (e) => {
          const value = Number(e.target.value);
          const valid = e.target.value.trim() !== "" && Number.isFinite(value);
          e.target.setCustomValidity(valid ? "" : "A number, without grouping commas: 800000");
          if (valid) spec.value = value;
          changed();
        } }),
      h("small", {}, `params.${parameter}`));
  }
  return h("input", { value: clause[key] ?? "", "aria-label": label, "data-testid": `cell-${rule.code}-${clause.field}`,
    oninput: (e) => { clause[key] = e.target.value.trim(); rule.when = conditionText(condition); changed(); } });
}

/** The table for `section`, or null when its rules share no field. */
export function decisionTable(content, section, changed) {
  const rules = content[section]?.rules ?? [];
  const columns = tableColumns(rules);
  if (columns.length === 0) return null;
  const types = fieldsOf(content, section);
  const rows = rules.map((rule) => {
    const condition = parseCondition(rule.when ?? "true");
    const cells = columns.map((field) => {
      const clauses = condition.clauses.filter((c) => typed(c) && c.field === field);
      return h("td", { "data-label": field.replace(/^customer\./, "") }, clauses.map((clause) => {
        const label = `${rule.code}: ${field.replace(/^customer\./, "")} ${words(clause, types.get(field))}`;
        if (clause.kind === "between") {
          return h("span", { class: "cell" }, "from ", valueCell(content, rule, condition, clause, "low",
            `${label} from`, changed),
            " below ", valueCell(content, rule, condition, clause, "high", `${label} below`, changed));
        }
        if (clause.kind === "isTrue" || clause.kind === "isFalse") return h("span", { class: "cell" }, words(clause,
          types.get(field)));
        return h("span", { class: "cell" }, `${words(clause, types.get(field))} `,
          valueCell(content, rule, condition, clause, "value", label, changed));
      }));
    });
    const rest = condition.clauses.filter((c) => !typed(c) || !columns.includes(c.field))
      .map((c) => conditionText({ join: "", clauses: [c] }));
    return h("tr", { "data-testid": `row-${section}-${rule.code}` },
      h("th", { scope: "row" }, breakable(rule.code)),
      h("td", { "data-label": "Match" }, condition.clauses.length < 2 ? "" : condition.join === "||" ? "any" : "all"),
      cells,
      h("td", { "data-label": "Other conditions" }, rest.map((text) => h("code", {}, breakable(text)))));
  });
  return h("div", { class: "table-wrap" }, h("table", { class: "decision-table", "data-testid": `table-${section}` },
    h("caption", {}, `${section}: one row per rule, in the order that decides; a blank cell does not test the field`),
    h("thead", {}, h("tr", {}, ["Rule", "Match", ...columns.map((field) => field.replace(/^customer\./, "")),
      "Other conditions"]
      .map((header) => h("th", { scope: "col" }, header)))),
    h("tbody", {}, rows)));
}
