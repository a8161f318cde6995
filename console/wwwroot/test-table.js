// The embedded tests as rows a product team edits: customer fields, as-of, and what is expected. After a
// deliberate change, "accept the current result" decides the test's customer with the saved draft, shows
// what differs from the expectation, and writes the new result into the test (only what the test expected).
import { api, h } from "./core.js";

const list = (text) => text.split(",").map((s) => s.trim()).filter(Boolean);
const shown = (value) => (Array.isArray(value) ? value.join(", ") : value === undefined ? "" : String(value));

function typedValue(type, text) {
  if (type === "number" || type === "integer") return text.trim() === "" ? null : Number(text);
  if (type === "boolean") return text.trim() === "true";
  if (type === "string[]") return list(text);
  return text;
}

/** What `decision` gives, in the shape of the test's `expect`, for the keys that test expects. */
function actual(expect, decision) {
  const now = {
    tier: decision.tier.code,
    privileges: decision.privileges.map((p) => p.code),
    nextAction: decision.nextAction?.code ?? null,
    alternatives: decision.alternatives.map((a) => a.code),
    scores: decision.scores,
  };
  return Object.fromEntries(Object.keys(expect).filter((key) => key in now).map((key) => [key, key === "scores"
    ? Object.fromEntries(Object.keys(expect.scores).map((s) => [s, now.scores[s]])) : now[key]]));
}

function differences(expect, result) {
  return Object.entries(result).flatMap(([key, value]) => {
    const before = expect[key];
    if (JSON.stringify(before) === JSON.stringify(value)) return [];
    if (Array.isArray(value)) {
      const gone = before.filter((x) => !value.includes(x)).map((x) => `−${x}`);
      const added = value.filter((x) => !before.includes(x)).map((x) => `+${x}`);
      return [`${key}: ${[...gone, ...added].join(" ") || `${shown(before)} → ${shown(value)} (order)`}`];
    }
    return [`${key}: ${JSON.stringify(before)} → ${JSON.stringify(value)}`];
  });
}

export function testTable(content, base, changed) {
  const tests = content.tests ?? [];
  const input = content.input ?? {};
  const root = h("section", { "aria-labelledby": "tests-title", "data-testid": "test-table" });
  const outcomes = new Map();

  // A number that does not read as one is refused at the field, never saved as null.
  const field = (label, value, write, testid, numeric = false) => h("input", { value: value ?? "",
    "aria-label": label, "data-testid": testid,
    oninput: (e) => {
      const refused = numeric && e.target.value.trim() !== "" && !Number.isFinite(Number(e.target.value));
      e.target.setCustomValidity(refused ? "A number, without grouping commas: 800000" : "");
      if (!refused) write(e.target.value);
      changed();
    } });

  const row = (test, i) => {
    const n = `Test ${i + 1}`;
    const expect = test.expect;
    const outcome = outcomes.get(test.name);
    const customer = Object.entries(test.customer ?? {}).map(([key, value]) => h("label", { class: "pair" }, `${key} `,
      field(`${n}: customer ${key}`, shown(value), (text) => { test.customer[key] = typedValue(input[key]?.type,
        text); }, `customer-${key}`,
      input[key]?.type === "number" || input[key]?.type === "integer")));
    const expected = expect.inputErrors ? [h("td", { colspan: 4, "data-label": "Expected" },
      `input errors: ${expect.inputErrors.join(", ")}`)]
      : [["tier", "tier"], ["privileges", "privileges"], ["nextAction", "next action"]].map(([key, words]) => h("td",
        { "data-label": words },
        field(`${n}: expected ${words}`, shown(expect[key]), (text) => {
          expect[key] = key === "privileges" ? list(text) : text.trim() || null;
        }, `expect-${key}`))).concat(h("td", { "data-label": "scores" },
          shown(Object.entries(expect.scores ?? {}).map(([k, v]) => `${k} ${v}`))));
    const accept = outcome && !outcome.passed && !expect.inputErrors ? h("button", { type: "button", class: "small",
      "data-testid": "accept",
      onclick: async (e) => {
        e.target.disabled = true;
        const simulated = await api(`${base}/simulate`, { method: "POST", body: { customer: test.customer,
          asOf: test.asOf } });
        if (!simulated.decision) { e.target.after(` ${simulated.failure?.message ?? "No decision."}`); return; }
        const result = actual(expect, simulated.decision);
        outcomes.set(test.name, { passed: true, accepted: differences(expect, result) });
        Object.assign(expect, result);
        changed();
        render();
      } }, "Accept the current result as expected") : null;
    const verdict = !outcome ? "" : outcome.accepted ? h("div", { class: "ok", "data-testid": "accepted" },
      "Accepted: ", outcome.accepted.join("; "))
      : outcome.passed ? h("span", { class: "ok" }, "passes") : h("div", { class: "error" },
        outcome.failures.join("; "));
    return h("tr", { "data-testid": `test-${i}`, class: outcome && !outcome.passed ? "failing" : undefined },
      h("td", { "data-label": "name" }, field(`${n}: name`, test.name, (text) => { test.name = text; }, "test-name")),
      h("td", { "data-label": "as of" }, field(`${n}: as of`, test.asOf,
        (text) => { test.asOf = text.trim() || undefined; }, "test-asof")),
      h("td", { "data-label": "customer", class: "customer" }, customer),
      expected,
      h("td", { "data-label": "result", "data-testid": "test-result" }, verdict, accept));
  };

  // Closed until a run has a failure, so dozens of tests do not push the rest of the page down.
  const render = () => root.replaceChildren(h("details",
    { open: [...outcomes.values()].some((o) => !o.passed || o.accepted) },
    h("summary", {}, h("h3", { id: "tests-title" }, `Tests (${tests.length}) `,
      h("small", {}, "(each row: a customer at a time, and what the rules must decide)"))),
    h("div", { class: "table-wrap" }, h("table", { class: "test-table" },
      h("caption", {}, "Embedded tests; save to run them"),
      h("thead", {}, h("tr", {}, ["Name", "As of", "Customer", "Tier", "Privileges", "Next action", "Scores", "Result"]
        .map((header) => h("th", { scope: "col" }, header)))),
      h("tbody", {}, tests.map(row))))));
  render();
  return {
    root,
    show(report) {
      outcomes.clear();
      for (const t of report.tests) outcomes.set(t.name, t);
      render();
    },
  };
}
