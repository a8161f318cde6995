// Audit pages: find decisions, open one, replay it; the change trail and whether it verifies.
import { act, api, ApiError, everyItem, h, table } from "./core.js";
import { explanation } from "./explanation.js";

export async function auditPage(me) {
  if (!me.capabilities.includes("audit")) throw new ApiError(403, { detail: "Only auditors see decisions and the change trail." });
  const [trail, verification] = await Promise.all([everyItem("/v1/audit"), api("/v1/audit/verify")]);
  const status = h("p", { class: "status-line", role: "status" });
  const customer = h("input", { id: "customer-id" });
  const from = h("input", { id: "from", type: "datetime-local" });
  const to = h("input", { id: "to", type: "datetime-local" });
  const found = h("div", { id: "found" });
  const iso = (input) => (input.value ? new Date(input.value).toISOString() : undefined);
  const search = async (event) => {
    event.preventDefault();
    const query = new URLSearchParams(Object.entries({ customerId: customer.value || undefined, from: iso(from), to: iso(to) }).filter(([, v]) => v));
    const { items: decisions } = await act(status, "Searching", () => api(`/v1/decisions?${query}`));
    found.replaceChildren(decisions.length === 0 ? h("p", {}, "No decision matches.") : table("Decisions, newest first", ["Decision", "Decided at", "Customer", "Rule set", "Tier"],
      decisions.map((d) => ({ cells: [h("a", { href: `#/decisions/${d.decisionId}` }, d.decisionId), new Date(d.decidedAt).toLocaleString(), d.customerId ?? "", `${d.ruleSet.name} v${d.ruleSet.version}`, d.output.tier.code] })), "decisions"));
  };
  return [
    h("h1", {}, "Audit"),
    status,
    h("section", { "aria-labelledby": "search-title" }, h("h2", { id: "search-title" }, "Find decisions"),
      h("form", { class: "inline", onsubmit: search },
        h("label", { for: "customer-id" }, "Customer id"), customer, h("label", { for: "from" }, "From"), from, h("label", { for: "to" }, "To"), to,
        h("button", { type: "submit" }, "Search")),
      found),
    h("section", { "aria-labelledby": "trail-title" }, h("h2", { id: "trail-title" }, "Change trail"),
      h("p", { id: "verification", class: verification.intact ? "ok" : "error" }, verification.intact
        ? `Verified: ${verification.auditEntries} trail entries, ${verification.decisions} decisions and ${verification.versions} versions are intact.`
        : `Broken at ${verification.firstBroken}: ${verification.reason}`),
      table("Every rule-set change: who, when, what, why", ["#", "When", "Who", "What", "Rule set", "Comment"],
        [...trail].reverse().map((e) => ({ cells: [String(e.sequence), new Date(e.at).toLocaleString(), e.actor, e.action, `${e.ruleSet}${e.version ? ` v${e.version}` : ""}`, e.comment ?? ""] })), "trail")),
  ];
}

export async function decisionPage(me, id) {
  const decision = await api(`/v1/decisions/${id}`);
  const output = decision.output;
  const status = h("p", { class: "status-line", role: "status" });
  const outcome = h("div", { id: "replay-result" });
  return [
    h("h1", {}, "Decision"),
    h("p", {}, `${decision.decisionId} · ${output.ruleSet.name} v${output.ruleSet.version} · decided ${new Date(decision.decidedAt).toLocaleString()} · as of ${new Date(decision.asOf).toLocaleString()}`),
    status,
    h("dl", {},
      h("dt", {}, "Tier"), h("dd", { id: "logged-tier" }, `${output.tier.code} · ${output.tier.label}`),
      h("dt", {}, "Privileges"), h("dd", {}, output.privileges.map((p) => p.label).join("、") || "none"),
      h("dt", {}, "Next action"), h("dd", {}, output.nextAction ? `${output.nextAction.title}: ${output.nextAction.message}` : "none")),
    // The replay asks for what it would take: compared at the logged level, shown explained further.
    h("button", { type: "button", id: "replay", onclick: async () => {
      const replay = await act(status, "Replaying",
        () => api(`/v1/decisions/${id}/replay?explain=counterfactual`, { method: "POST" }));
      outcome.replaceChildren(replay.identical
        ? h("p", { class: "ok" }, "Identical: the recorded version, input and time give the same decision.")
        : h("div", {}, h("p", { class: "error" }, "Different:"),
          h("ul", {}, replay.differences.map((d) => h("li", {}, h("code", {}, d.path))))),
      replay.replayed ? replayedExplanation(replay.replayed, output) : "");
    } }, "Replay and explain further"),
    outcome,
    h("h2", {}, "Input"), h("pre", { id: "input" }, JSON.stringify(decision.input, null, 2)),
    // Answers give reasons by default and the rule-level trace at explain=full (and before explanations existed).
    h("h2", {}, "The logged answer's explanation"),
    output.reasons || output.whyNot ? explanation(output, "logged-explanation")
      : h("p", { "data-testid": "logged-explanation" },
        "This answer was given before decisions explained themselves: replay it to see why."),
    output.trace ? table("Every rule evaluated", ["Section", "Rule", "Matched", "Value", "Error"],
      output.trace.map((t) => ({ cells: [t.section, t.rule, t.matched ? "yes" : "no", t.value ?? "", t.error ?? ""] })), "logged-trace") : "",
  ];
}

// Why-not and what it would take from a replay, marked as such: they were not part of the logged answer. An answer
// logged before explanations gets the replay's reasons too.
function replayedExplanation(replayed, logged) {
  return h("section", { class: "replayed", "aria-labelledby": "replayed-title" },
    h("h2", { id: "replayed-title" }, "Explained further by replaying it (explain=counterfactual)"),
    h("p", {}, `Not part of the logged answer (given at explain=${logged.explain ?? "none"}): `
      + "the same version, input and time decided again."),
    explanation({ ...replayed, reasons: logged.reasons ? [] : replayed.reasons }, "replayed-explanation"));
}
