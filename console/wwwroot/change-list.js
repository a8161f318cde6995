// What changed between two versions, value by value: a parameter's old and new value, a condition's old and new
// expression as one change, rules added or removed as such, rather than two blocks of JSON side by side.
import { h, table } from "./core.js";

const sections = {
  metadata: "Setting", parameters: "Parameter", input: "Input field", scores: "Score", tiers: "Tier",
  privileges: "Privilege", nextActions: "Next action", tests: "Test",
};

/** The changes of GET /v1/rulesets/{name}/diff as a table, one row per changed value; id names the table. */
export function changeList(changes, from, to, id = "diff") {
  if (changes.length === 0) return h("p", { "data-testid": `${id}-none` }, "No rule differs.");
  return table(`What changes from v${from} to v${to}, value by value`, ["Section", "Name", "What", "Change"],
    changes.flatMap((c) => rows(c))
      .map((row) => ({ attributes: { "data-testid": row.testid }, cells: row.cells })), id);
}

function rows(change) {
  const section = sections[change.section] ?? change.section;
  const testid = (field) => `change-${change.section}-${change.key}${field ? `-${field}` : ""}`;
  if (change.kind === "added") {
    return [{ testid: testid(), cells: [section, change.key, "added", h("ins", {}, summary(change.after))] }];
  }
  if (change.kind === "removed") {
    return [{ testid: testid(), cells: [section, change.key, "removed", h("del", {}, summary(change.before))] }];
  }
  // Down to the values that differ: a parameter's value, a rule's condition, a test customer's balance.
  return leaves(change.before, change.after, "").map(({ path, before, after }) => ({
    testid: testid(path), cells: [section, change.key, path || "whole entry", transition(before, after)],
  }));
}

const isRecord = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

function leaves(before, after, path) {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (!isRecord(before) || !isRecord(after)) return [{ path, before, after }];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.flatMap((key) => leaves(before[key], after[key], path ? `${path}.${key}` : key));
}

// Old and new as one change: struck-through before, inserted after; expressions keep their own lines.
function transition(before, after) {
  const long = [before, after].some((v) => typeof v === "string" && v.length > 40);
  return h("span", { class: long ? "change long" : "change" },
    h("del", {}, show(before)), h("span", { class: "arrow" }, " → "), h("ins", {}, show(after)));
}

function show(value) {
  if (value === undefined || value === null) return "(none)";
  if (typeof value === "number") return value.toLocaleString();
  if (Array.isArray(value) && value.every((v) => typeof v !== "object")) return value.join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

// An added or removed rule is summed up by what decides it, its condition, else by its value.
function summary(node) {
  if (node && typeof node === "object" && "when" in node) return `when ${node.when}`;
  if (node && typeof node === "object" && "value" in node) return show(node.value);
  return show(node);
}
