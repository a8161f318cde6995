// The condition of one rule as clauses a product team picks (field, operator that fits its type, value),
// combined with all/any, and an expression mode for what the clauses cannot say. It writes the rule's `when`
// only when the person changes something, so an untouched rule keeps its text byte for byte.
import { h } from "./core.js";
import { conditionText, fieldsOf, operatorsFor, parseCondition } from "./condition-text.js";

const blank = (fields) => {
  const [field, type] = [...fields][0] ?? ["customer.customerId", "string"];
  const [kind, op] = operatorsFor(type)[0];
  return { kind, field, op, value: "", low: "", high: "" };
};

/** Builder for `rule.when`; `changed()` is called after every edit. `id` prefixes the controls' ids. */
export function conditionBuilder(content, section, rule, id, changed) {
  const fields = fieldsOf(content, section);
  let condition = parseCondition(rule.when ?? "true");
  const root = h("fieldset", { class: "condition", "data-testid": `condition-${id}` });
  const write = () => { rule.when = conditionText(condition); changed(); };

  const valueInput = (clause, key, label, n) => h("input", {
    id: `${id}-c${n}-${key}`, class: "value", value: clause[key] ?? "", "aria-label": label, list: "param-names",
    "data-testid": `clause-${key}`, oninput: (e) => { clause[key] = e.target.value.trim(); write(); } });

  const clauseRow = (clause, n) => {
    if (clause.kind === "always") return h("li", {}, "always (every customer)");
    if (clause.kind === "expression" || !fields.has(clause.field)) {
      return h("li", {}, h("input", { id: `${id}-c${n}-text`, class: "expression", value: clause.text ?? "",
        "aria-label": `Condition ${n + 1} (expression)`, "data-testid": "clause-expression",
        oninput: (e) => { clause.text = e.target.value; write(); } }), remove(n));
    }
    const operators = operatorsFor(fields.get(clause.field));
    const current = operators.findIndex(([kind, op]) => kind === clause.kind && (op === "" || op === clause.op));
    const fieldSelect = h("select", { id: `${id}-c${n}-field`, "aria-label": `Condition ${n + 1}: field`,
      "data-testid": "clause-field",
      onchange: (e) => { Object.assign(clause, blank([[e.target.value, fields.get(e.target.value)]]),
        { field: e.target.value }); write(); render(); } },
    [...fields.keys()].map((name) => h("option", { value: name, selected: name === clause.field }, name)));
    const opSelect = h("select", { id: `${id}-c${n}-op`, "aria-label": `Condition ${n + 1}: operator`,
      "data-testid": "clause-op",
      onchange: (e) => { [clause.kind, clause.op] = operators[Number(e.target.value)]; write(); render(); } },
    operators.map(([, , words], i) => h("option", { value: i, selected: i === current }, words)));
    const values = clause.kind === "between"
      ? [valueInput(clause, "low", `Condition ${n + 1}: from (included)`, n), "and below", valueInput(clause, "high",
        `Condition ${n + 1}: below`, n)]
      : clause.kind === "isTrue" || clause.kind === "isFalse" ? []
        : [valueInput(clause, "value", `Condition ${n + 1}: value`, n)];
    return h("li", { class: "clause" }, fieldSelect, opSelect, ...values, remove(n));
  };

  const remove = (n) => h("button", { type: "button", class: "small", "aria-label": `Remove condition ${n + 1}`,
    onclick: () => { condition.clauses.splice(n, 1); write(); render(); } }, "×");

  const render = () => {
    const expressionMode = condition.mode === "expression";
    const join = h("select", { id: `${id}-join`, "data-testid": "condition-join",
      onchange: (e) => { condition.join = e.target.value; write(); } },
    h("option", { value: "&&", selected: condition.join === "&&" }, "all of"),
    h("option", { value: "||", selected: condition.join === "||" }, "any of"));
    const modeToggle = h("button", { type: "button", class: "small", "data-testid": "condition-mode",
      onclick: () => { condition = expressionMode ? parseCondition(rule.when) : { ...condition,
        mode: "expression" }; render(); } },
    expressionMode ? "Back to the builder" : "Edit as an expression");
    if (expressionMode) {
      root.replaceChildren(h("legend", {}, "Condition (expression)"),
        h("textarea", { id: `${id}-expression`, rows: 3, spellcheck: "false",
          "aria-label": "Condition as an expression",
          "data-testid": "condition-expression", oninput: (e) => { rule.when = e.target.value; changed(); } },
            rule.when),
        modeToggle);
      return;
    }
    root.replaceChildren(h("legend", {}, "Condition"),
      h("label", { for: `${id}-join` }, "Matches when"), join,
      h("ol", { class: "clauses" }, condition.clauses.map(clauseRow)),
      h("button", { type: "button", class: "small", "data-testid": "add-clause",
        onclick: () => {
          condition.clauses = condition.clauses.filter((c) => c.kind !== "always");
          condition.clauses.push(blank(fields));
          write();
          render();
        } },
      "Add a condition"), modeToggle);
  };
  render();
  return root;
}

/** The datalist of `params.*` names that value inputs offer. */
export const parameterNames = (content) =>
  h("datalist", { id: "param-names" }, Object.keys(content.parameters ?? {}).map((name) => h("option",
    { value: `params.${name}` })));
