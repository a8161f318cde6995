// An approver's inbox: the versions submitted for review, across every rule set, whose content they did not
// write (four eyes: those are for another approver).
import { api, everyItem, h, table } from "./core.js";
import { zoned } from "./times.js";

/** The submitted versions `me` may review, oldest submission first, each with its version detail. */
async function waiting(me) {
  const ruleSets = await everyItem("/v1/rulesets");
  const submitted = ruleSets.flatMap((r) =>
    r.versions.filter((v) => v.status === "submitted").map((v) => [r.name, v.version]));
  const details = await Promise.all(submitted.map(([name, version]) => api(
    `/v1/rulesets/${name}/versions/${version}`)));
  return details.filter((d) => !d.contributors.includes(me.name))
    .sort((a, b) => a.summary.submittedAt.localeCompare(b.summary.submittedAt));
}

export async function inboxPage(me) {
  if (!me.capabilities.includes("approve")) {
    throw Object.assign(new Error("The inbox lists versions for approvers."), { status: 403 });
  }
  const versions = await waiting(me);
  showCount(versions.length);
  const rows = versions.map((d) => ({
    attributes: { "data-testid": `inbox-${d.name}-${d.summary.version}` },
    cells: [
      d.name,
      h("a", { href: `#/rulesets/${d.name}/versions/${d.summary.version}` }, `Review v${d.summary.version}`),
      d.summary.submittedBy,
      zoned(d.summary.submittedAt),
      d.submitComment ?? "",
    ],
  }));
  return [
    h("h1", {}, "Inbox"),
    versions.length === 0 ? h("p", { "data-testid": "inbox-empty" }, "Nothing waits for your review.")
      : table("Versions waiting for your review: submitted, and written by someone else",
        ["Rule set", "Version", "Submitted by", "When", "Comment"], rows, "inbox"),
  ];
}

/** Shows the nav link to approvers with how many versions wait for them; hides it from other roles. */
export async function refreshInbox(me) {
  const link = document.querySelector("#nav-inbox");
  link.hidden = !me.capabilities.includes("approve");
  if (!link.hidden) showCount((await waiting(me)).length);
}

function showCount(count) {
  document.querySelector("#nav-inbox").textContent = `Inbox (${count})`;
}
