// A rule's condition read as the clauses a person writes (`customer.x >= params.y`, `customer.flag`,
// `Days.Since(customer.d, today) > 30` ...), joined by one `||` or `&&`, and written back as the same text.
// Whatever is not one of these shapes stays an expression clause, kept verbatim, so nothing is lost.

const field = String.raw`(?:customer|scores)\.\w+|tier`;
const shapes = [
  ["always", /^true$/, () => ({})],
  ["between", new RegExp(String.raw`^\((${field}) >= (.+) && \1 < (.+)\)$`), (m) => ({ field: m[1], low: m[2],
    high: m[3] })],
  ["oneOf", new RegExp(String.raw`^(${field}) in \((.+)\)$`), (m) => ({ field: m[1], value: m[2] })],
  ["daysSince", new RegExp(String.raw`^Days\.Since\((${field}), today\) (>=|>|<=|<) (.+)$`),
    (m) => ({ field: m[1], op: m[2], value: m[3] })],
  ["birthday", new RegExp(String.raw`^Days\.UntilBirthday\((${field}), today\) <= (.+)$`),
    (m) => ({ field: m[1], value: m[2] })],
  ["compare", new RegExp(String.raw`^(${field}) (>=|>|<=|<|==|!=) ([^|&?]+)$`),
    (m) => ({ field: m[1], op: m[2], value: m[3] })],
  ["isTrue", new RegExp(String.raw`^(${field})$`), (m) => ({ field: m[1] })],
  ["isFalse", new RegExp(String.raw`^!(${field})$`), (m) => ({ field: m[1] })],
];

/** Splits `text` on `separator` where it stands outside brackets and string literals. */
function splitTop(text, separator) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i).trim());
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

export function parseClause(text) {
  for (const [kind, pattern, read] of shapes) {
    const match = text.match(pattern);
    if (match) return { kind, ...read(match) };
  }
  return { kind: "expression", text };
}

/** `{ join: "||" | "&&", clauses }` for a condition's text. */
export function parseCondition(text) {
  const any = splitTop(text.trim(), "||");
  if (any.length > 1) return { join: "||", clauses: any.map(parseClause) };
  return { join: "&&", clauses: splitTop(text.trim(), "&&").map(parseClause) };
}

export function clauseText(clause) {
  switch (clause.kind) {
    case "always": return "true";
    case "between": return `(${clause.field} >= ${clause.low} && ${clause.field} < ${clause.high})`;
    case "oneOf": return `${clause.field} in (${clause.value})`;
    case "daysSince": return `Days.Since(${clause.field}, today) ${clause.op} ${clause.value}`;
    case "birthday": return `Days.UntilBirthday(${clause.field}, today) <= ${clause.value}`;
    case "compare": return `${clause.field} ${clause.op} ${clause.value}`;
    case "isTrue": return clause.field;
    case "isFalse": return `!${clause.field}`;
    default: {
      // A typed clause keeps its meaning beside the others: `a || b` inside an all-of, or `c ? a : b`, needs brackets.
      const loose = splitTop(clause.text, "||").length > 1
        || /\?/.test(clause.text);
      return loose ? `(${clause.text})` : clause.text;
    }
  }
}

export const conditionText = (condition) =>
  condition.clauses.map((clause) => clauseText(clause)).join(` ${condition.join} `) || "true";

/** The operators that fit a field's type, as [kind, op, words]. */
export function operatorsFor(type) {
  const compare = (ops) => ops.map((op) => ["compare", op, { ">=": "≥", "<=": "≤", "==": "=", "!=": "≠" }[op] ?? op]);
  switch (type) {
    case "number": case "integer": return [...compare([">=", ">", "<=", "<", "==", "!="]), ["between", "", "between"]];
    case "boolean": return [["isTrue", "", "is true"], ["isFalse", "", "is false"]];
    case "date": return [["daysSince", ">", "days since >"], ["daysSince", ">=", "days since ≥"],
      ["daysSince", "<", "days since <"], ["daysSince", "<=", "days since ≤"], ["birthday", "",
        "birthday within (days)"]];
    default: return [...compare(["==", "!="]), ["oneOf", "", "one of"]];
  }
}

/** The fields a condition may test, with their types: the input schema, the scores, and the decided tier. */
export function fieldsOf(content, section) {
  const fields = Object.entries(content.input ?? {}).map(([name, spec]) => [`customer.${name}`, spec.type ?? "string"]);
  for (const score of content.scores?.rules ?? []) fields.push([`scores.${score.name}`, "number"]);
  if (section !== "tiers") fields.push(["tier", "string"]);
  return new Map(fields);
}
