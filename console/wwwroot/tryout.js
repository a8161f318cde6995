// Trying a version out before it goes live: simulate one customer, and re-decide recent customers to see the impact.
import { act, api, h, problemList, table } from "./core.js";
import { explanation } from "./explanation.js";
import { impact } from "./impact.js";
import { instant, localField, when, zoneLabel } from "./times.js";

/** A section's status line, placed beside the control whose request it reports on. */
export const statusLine = (id) => h("div", { class: "status-line", role: "status", id, "data-testid": id });

/**
 * The try-out tools; `current()` answers the version's content as it now stands, so the samples follow the tests;
 * `check(status)` validates and reports in `status`. Validate, Simulate and Impact each report beside their button
 * (`validate-status`, `simulate-status`, `impact-status`), not after the whole block.
 */
export function tryoutTools(me, current, base, results, check) {
  const validated = statusLine("validate-status");
  const tools = h("div", { class: "tools" },
    h("button", { type: "button", id: "validate", onclick: () => check(validated) }, "Validate and run tests"),
    validated);
  if (me.capabilities.includes("edit")) {
    const last = h("input", { id: "impact-last", type: "number", min: 1, max: 100000, value: 1000 });
    const status = statusLine("impact-status");
    tools.append(simulateSection(current, base, results),
      h("section", { "aria-labelledby": "impact-title" },
        h("h2", { id: "impact-title" }, "Impact on recent customers"),
        h("label", { for: "impact-last" }, "Customers to re-decide (most recent, last 90 days)"), last,
        h("button", { type: "button", id: "impact", onclick: async () => {
          const report = await act(status, "Re-deciding recent customers",
            () => api(`${base}/impact`, { method: "POST", body: { last: Number(last.value) } }));
          results.replaceChildren(...impact(report));
        } }, "Show impact"), status));
  }

  return tools;
}

function simulateSection(current, base, results) {
  const status = statusLine("simulate-status");
  const sample = h("select", { id: "sample", "data-testid": "sample" });
  const customer = h("textarea", { id: "customer", rows: 6, spellcheck: "false" }, "{}");
  const asOf = h("input", { id: "as-of", type: "datetime-local", step: 1, "aria-describedby": "as-of-zone" });
  const zone = h("small", { id: "as-of-zone", "data-testid": "as-of-zone" });
  const showZone = () => {
    zone.textContent = ` In ${zoneLabel(asOf.value ? new Date(asOf.value) : new Date())}; empty is now.`;
  };
  asOf.addEventListener("input", showZone);
  let samples = [];
  let shown = { customer: null, asOf: null };
  // A field the person has not changed since it was filled follows its sample; one they typed in is theirs.
  const show = (test) => {
    const next = {
      customer: JSON.stringify(test?.customer ?? {}, null, 2),
      asOf: test?.asOf ? localField(test.asOf) : "",
    };
    if (customer.value === shown.customer || shown.customer === null) customer.value = next.customer;
    if (asOf.value === shown.asOf || shown.asOf === null) asOf.value = next.asOf;
    shown = next;
    showZone();
  };
  // The tests as last saved, read when the list is opened or used: after a save the list is the draft's tests.
  const refresh = () => {
    let content;
    try { content = current(); } catch { return; }
    const chosen = samples[Number(sample.value)]?.name;
    samples = (content.tests ?? []).filter((t) => !t.expect?.inputErrors);
    sample.replaceChildren(...samples.map((t, i) => h("option", { value: i }, t.name)));
    sample.value = String(Math.max(0, samples.findIndex((t) => t.name === chosen)));
    show(samples[Number(sample.value)]);
  };
  sample.addEventListener("focus", refresh);
  sample.addEventListener("pointerdown", refresh);
  sample.addEventListener("change", () => {
    shown = { customer: null, asOf: null };
    show(samples[Number(sample.value)]);
  });
  new MutationObserver(refresh).observe(results, { childList: true });
  refresh();
  return h("section", { "aria-labelledby": "simulate-title" },
    h("h2", { id: "simulate-title" }, "Simulate a customer"),
    h("label", { for: "sample" }, "Sample (from the tests)"), sample,
    h("label", { for: "customer" }, "Customer (JSON)"), customer,
    h("label", { for: "as-of" }, "As of"), asOf, zone,
    h("button", { type: "button", id: "simulate", onclick: async () => {
      refresh();
      // What it would take is worth its re-decisions here: an editor checks where a rule's lines fall.
      let person;
      try {
        person = JSON.parse(customer.value);
      } catch (error) {
        status.textContent = `The customer is not valid JSON: ${error.message}`;
        status.className = "status-line error";
        return;
      }
      const body = { customer: person, asOf: instant(asOf), explain: "counterfactual" };
      const outcome = await act(status, "Simulating", () => api(`${base}/simulate`, { method: "POST", body }));
      results.replaceChildren(...simulation(outcome));
    } }, "Simulate"), status);
}

function simulation(outcome) {
  if (!outcome.decision) return [h("h2", {}, "No decision"), problemList(outcome.problems)];
  const d = outcome.decision;
  return [
    h("h2", {}, "Decision"),
    h("dl", { id: "decision" },
      h("dt", {}, "As of"),
      h("dd", { "data-testid": "decision-as-of" }, `${when(d.asOf)} · ${zoneLabel(new Date(d.asOf))}`),
      h("dt", {}, "Tier"), h("dd", { id: "decision-tier" }, `${d.tier.code} · ${d.tier.label}`),
      h("dt", {}, "Privileges"), h("dd", {}, d.privileges.map((p) => p.label).join("、") || "none"),
      h("dt", {}, "Next action"),
      h("dd", {}, d.nextAction ? `${d.nextAction.code} · ${d.nextAction.title}` : "none"),
      h("dt", {}, "Message"), h("dd", { id: "decision-message" }, d.nextAction?.message ?? "")),
    explanation(d, "simulated-explanation"),
    table("Every rule evaluated", ["Section", "Rule", "Matched", "Value", "Error"],
      d.trace.map((t) => ({ cells: [t.section, t.rule, t.matched ? "yes" : "no", t.value ?? "", t.error ?? ""] })),
      "trace"),
  ];
}
