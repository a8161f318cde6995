// What a version would change for recent customers: tier migrations, privileges gained and lost, next actions.
import { h, table } from "./core.js";
import { when } from "./times.js";

/** The impact report as a summary and tables, each sample a customer and the time of their decision. */
export function impact(report) {
  // Counts under the privacy minimum come as null for roles that may not read decisions, and without samples.
  const count = (n) => (n === null ? `<${report.suppressedBelow}` : String(n));
  const withSamples = report.suppressedBelow === null || report.suppressedBelow === undefined;
  // A time-ordered id's first characters repeat within a second: a sample reads as its customer and decision time.
  const samples = (cell) => h("ul", { class: "samples" }, cell.examples.map((s) => h("li", {},
    h("a", { href: `#/decisions/${s.decisionId}`, "data-testid": "impact-sample" },
      `${s.customerId ?? "no customer id"} · ${when(s.decidedAt)}`))));
  const pairs = (list, title, id) => (list.length === 0 ? h("p", { id }, `${title}: none.`)
    : table(title, ["From", "To", "Customers", ...(withSamples ? ["Samples"] : [])],
      list.map((c) => ({ cells: [c.from, c.to, count(c.count), ...(withSamples ? [samples(c)] : [])] })), id));
  return [
    h("h2", {}, "Impact"),
    h("p", { id: "impact-summary" }, `${count(report.changed)} of ${report.customers} customers (by their latest of `
      + `${report.decisions} decisions) would change; ${count(report.failed)} could not be re-decided.`),
    comparison(report, count),
    pairs(report.tierMigrations, "Tier migration matrix", "tier-matrix"),
    privileges(report.privilegesGained, "Privileges gained", "gained", report, count, withSamples && samples),
    privileges(report.privilegesLost, "Privileges lost", "lost", report, count, withSamples && samples),
    // For a role that sees no small counts, the answer lists every pair of actions; the table keeps those shown.
    pairs(report.actionChanges.filter((c) => !c.suppressed), "Changed next actions", "actions"),
  ];
}

// What "before" means: the active version's answer today, not an answer an older version logged.
function comparison(report, count) {
  if (report.activeVersion === null || report.activeVersion === undefined) {
    return h("p", { "data-testid": "impact-baseline" }, "No version is active: compared with the logged answers.");
  }
  const older = report.comparedWithActive;
  return h("p", { "data-testid": "impact-baseline" },
    `Compared with what the active version v${report.activeVersion} decides for the same input and time.`,
    older === 0 ? "" : ` ${count(older)} of these customers were last decided by another version: their "before" `
      + `is v${report.activeVersion}'s answer, not the logged one, so a change it made is not counted as this one's.`);
}

// A privilege's cell is the privilege itself: one row per privilege, each customer counted once.
function privileges(list, title, id, report, count, samples) {
  const shown = list.filter((c) => !c.suppressed);
  const hidden = list.length - shown.length;
  return h("div", { "data-testid": `${id}-privileges` },
    shown.length === 0
      ? h("p", { id }, `${title}: none${hidden ? ` with ${report.suppressedBelow} customers or more` : ""}.`)
      : table(title, ["Privilege", "Customers", ...(samples ? ["Samples"] : [])],
        shown.map((c) => ({ cells: [c.from, count(c.count), ...(samples ? [samples(c)] : [])] })), id),
    hidden && shown.length
      ? h("p", {}, `The other ${hidden} privileges: fewer than ${report.suppressedBelow} customers each.`) : null);
}
