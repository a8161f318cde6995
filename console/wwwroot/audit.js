// Audit pages: find decisions, open one, replay it; the change trail and whether it verifies.
import { act, api, ApiError, everyItem, h, table } from "./core.js";
import { auditAddress, go, searchSection } from "./audit-search.js";
import { explanation, versionLink } from "./explanation.js";
import { when, zoneLabel } from "./times.js";

// The page a decision was opened from: a search (with its address) gets a link back to its results.
let cameFrom = "";
window.addEventListener("hashchange", (event) => {
  if (event.oldURL) cameFrom = new URL(event.oldURL).hash;
});

export async function auditPage(me, params = new URLSearchParams()) {
  if (!me.capabilities.includes("audit")) throw new ApiError(403,
    { detail: "Only auditors see decisions and the change trail." });
  const ruleSet = params.get("trail") ?? "";
  const trailPath = ruleSet ? `/v1/audit?ruleSet=${encodeURIComponent(ruleSet)}` : "/v1/audit";
  const [trail, verification, ruleSets] = await Promise.all([
    everyItem(trailPath), api("/v1/audit/verify"), everyItem("/v1/rulesets")]);
  const status = h("p", { class: "status-line", role: "status" });
  const filter = h("select", { id: "trail-rule-set", "data-testid": "trail-rule-set",
    onchange: () => go(auditAddress(params, { trail: filter.value })) },
    h("option", { value: "" }, "every rule set"), ruleSets.map((r) => h("option", { value: r.name }, r.name)));
  filter.value = ruleSet;
  return [
    h("h1", {}, "Audit"),
    status,
    await searchSection(params, status),
    h("section", { "aria-labelledby": "trail-title" }, h("h2", { id: "trail-title" }, "Change trail"),
      h("p", { id: "verification", class: verification.intact ? "ok" : "error" }, verification.intact
        ? `Verified: ${verification.auditEntries} trail entries, ${verification.decisions} decisions `
          + `and ${verification.versions} versions are intact.`
        : `Broken at ${verification.firstBroken}: ${verification.reason}`),
      h("div", { class: "inline" }, h("label", { for: "trail-rule-set" }, "Rule set"), filter),
      table(`Every change${ruleSet ? ` of ${ruleSet}` : " of every rule set"}: who, when, what, why`,
        ["#", "When", "Who", "What", "Rule set", "Comment"],
        [...trail].reverse().map((e) => ({ cells: [String(e.sequence), when(e.at), e.actor, e.action,
          `${e.ruleSet}${e.version ? ` v${e.version}` : ""}`, e.comment ?? ""] })), "trail")),
  ];
}

export async function decisionPage(me, id) {
  const decision = await api(`/v1/decisions/${id}`);
  const output = decision.output;
  const status = h("p", { class: "status-line", role: "status" });
  const outcome = h("div", { id: "replay-result" });
  const back = cameFrom.startsWith("#/audit") ? cameFrom : null;
  return [
    back ? h("p", {}, h("a", { href: back, "data-testid": "back-to-search" }, "← Back to the search")) : "",
    h("h1", {}, "Decision"),
    h("p", { "data-testid": "decision-header" }, `${decision.decisionId} · `,
      h("a", { href: versionLink(output.ruleSet) }, `${output.ruleSet.name} v${output.ruleSet.version}`),
      ` · decided ${when(decision.decidedAt)} · as of ${when(decision.asOf)} (${zoneLabel(new Date(decision.asOf))})`),
    status,
    h("dl", {},
      h("dt", {}, "Tier"), h("dd", { id: "logged-tier" }, `${output.tier.code} · ${output.tier.label}`),
      h("dt", {}, "Privileges"), h("dd", {}, output.privileges.map((p) => p.label).join("、") || "none"),
      h("dt", {}, "Next action"),
      h("dd", {}, output.nextAction ? `${output.nextAction.title}: ${output.nextAction.message}` : "none")),
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
      output.trace.map((t) => ({ cells: [t.section, t.rule, t.matched ? "yes" : "no", t.value ?? "", t.error ?? ""] })),
      "logged-trace") : "",
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
