// Trying a version out before it goes live: simulate one customer, and re-decide recent customers to see the impact.
import { act, api, h, problemList, table } from "./core.js";
import { explanation } from "./explanation.js";

export function tryoutTools(me, content, base, status, results, check) {
  const tools = h("div", { class: "tools" },
    h("button", { type: "button", id: "validate", onclick: check }, "Validate and run tests"));
  if (me.capabilities.includes("edit")) {
    const samples = (content.tests ?? []).filter((t) => !t.expect.inputErrors);
    const sample = h("select", { id: "sample" }, samples.map((t, i) => h("option", { value: i }, t.name)));
    const customer = h("textarea", { id: "customer", rows: 6, spellcheck: "false" }, samples[0] ? JSON.stringify(samples[0].customer, null, 2) : "{}");
    sample.addEventListener("change", () => { customer.value = JSON.stringify(samples[Number(sample.value)].customer, null, 2); });
    const last = h("input", { id: "impact-last", type: "number", min: 1, max: 100000, value: 1000 });
    tools.append(
      h("section", { "aria-labelledby": "simulate-title" }, h("h2", { id: "simulate-title" }, "Simulate a customer"),
        h("label", { for: "sample" }, "Sample"), sample, h("label", { for: "customer" }, "Customer (JSON)"), customer,
        h("button", { type: "button", id: "simulate", onclick: async () => {
          // What it would take is worth its re-decisions here: an editor checks where a rule's lines fall.
          const body = { customer: JSON.parse(customer.value), explain: "counterfactual" };
          const outcome = await act(status, "Simulating", () => api(`${base}/simulate`, { method: "POST", body }));
          results.replaceChildren(...simulation(outcome));
        } }, "Simulate")),
      h("section", { "aria-labelledby": "impact-title" }, h("h2", { id: "impact-title" }, "Impact on recent customers"),
        h("label", { for: "impact-last" }, "Customers to re-decide (most recent, last 90 days)"), last,
        h("button", { type: "button", id: "impact", onclick: async () => {
          const report = await act(status, "Re-deciding recent customers", () => api(`${base}/impact`, { method: "POST", body: { last: Number(last.value) } }));
          results.replaceChildren(...impact(report));
        } }, "Show impact")));
  }

  return tools;
}

function simulation(outcome) {
  if (!outcome.decision) return [h("h2", {}, "No decision"), problemList(outcome.problems)];
  const d = outcome.decision;
  return [
    h("h2", {}, "Decision"),
    h("dl", { id: "decision" },
      h("dt", {}, "Tier"), h("dd", { id: "decision-tier" }, `${d.tier.code} · ${d.tier.label}`),
      h("dt", {}, "Privileges"), h("dd", {}, d.privileges.map((p) => p.label).join("、") || "none"),
      h("dt", {}, "Next action"), h("dd", {}, d.nextAction ? `${d.nextAction.code} · ${d.nextAction.title}` : "none"),
      h("dt", {}, "Message"), h("dd", { id: "decision-message" }, d.nextAction?.message ?? "")),
    explanation(d, "simulated-explanation"),
    table("Every rule evaluated", ["Section", "Rule", "Matched", "Value", "Error"],
      d.trace.map((t) => ({ cells: [t.section, t.rule, t.matched ? "yes" : "no", t.value ?? "", t.error ?? ""] })), "trace"),
  ];
}

export function impact(report) {
  // Counts under the privacy minimum come as null for roles that may not read decisions.
  const count = (n) => n === null ? `<${report.suppressedBelow}` : String(n);
  const samples = (ids) => ids.map((id) => h("a", { href: `#/decisions/${id}` }, id.slice(0, 8)));
  const cells = (list, title, id) => list.length === 0 ? h("p", {}, `${title}: none.`)
    : table(title, ["From", "To", "Decisions", "Samples"], list.map((c) => ({ cells: [c.from, c.to, count(c.count), samples(c.samples)] })), id);
  return [
    h("h2", {}, "Impact"),
    h("p", { id: "impact-summary" }, `${count(report.changed)} of ${report.customers} customers (by their latest of ${report.decisions} decisions) would change; ${count(report.failed)} could not be re-decided.`),
    cells(report.tierMigrations, "Tier migration matrix", "tier-matrix"),
    cells(report.privilegesGained, "Privileges gained", "gained"),
    cells(report.privilegesLost, "Privileges lost", "lost"),
    // For a role that sees no small counts, the answer lists every pair of actions; the table keeps those shown.
    cells(report.actionChanges.filter((c) => !c.suppressed), "Changed next actions", "actions"),
  ];
}
