// A rule set's history: its versions with who wrote and reviewed them, scheduled activations, new drafts,
// rollbacks, and the differences between two versions.
import { act, api, everyItem, h, statusLabel, table } from "./core.js";

export async function ruleSetPage(me, name) {
  const all = await everyItem("/v1/rulesets");
  const ruleSet = all.find((r) => r.name === name);
  if (!ruleSet) throw new Error(`There is no rule set '${name}'.`);
  const status = h("p", { class: "status-line", role: "status" });
  const rows = [...ruleSet.versions].reverse().map((v) => ({
    attributes: { "data-version": v.version },
    cells: [
      h("a", { href: `#/rulesets/${name}/versions/${v.version}` }, `v${v.version}`),
      h("span", { class: `badge ${v.status}` }, statusLabel(v.status)),
      v.author,
      v.reviewedBy ?? "",
      v.version === ruleSet.activeVersion ? "active" : "",
    ],
  }));
  const versions = ruleSet.versions.map((v) => v.version);
  const from = h("select", { id: "diff-from" }, versions.map((v) => h("option", { value: v }, `v${v}`)));
  const to = h("select", { id: "diff-to" }, versions.map((v) => h("option", { value: v, selected: v === Math.max(...versions) }, `v${v}`)));
  const content = [
    h("h1", {}, name),
    status,
    table("Version history: who wrote and who reviewed each version", ["Version", "Status", "Written by", "Reviewed by", "Active"], rows, "versions"),
    h("form", { class: "inline", onsubmit: (e) => { e.preventDefault(); location.hash = `#/rulesets/${name}/diff/${from.value}/${to.value}`; } },
      h("label", { for: "diff-from" }, "Compare"), from, h("label", { for: "diff-to" }, "with"), to, h("button", { type: "submit" }, "Show differences")),
  ];
  if (ruleSet.scheduled.length > 0) {
    const canCancel = me.capabilities.includes("approve");
    content.push(h("h2", {}, "Scheduled activations"),
      h("ul", { "data-testid": "scheduled" }, ruleSet.scheduled.map((a) => scheduledItem(name, a, canCancel, status))));
  }
  if (me.capabilities.includes("edit") && ruleSet.activeVersion) {
    content.push(h("button", {
      type: "button", id: "new-draft",
      onclick: async () => {
        const draft = await act(status, "Creating a draft", () => api(`/v1/rulesets/${name}/drafts`, { method: "POST", body: { from: ruleSet.activeVersion } }));
        location.hash = `#/rulesets/${name}/versions/${draft.version}`;
      },
    }, `New draft from the active version (v${ruleSet.activeVersion})`));
  }
  if (me.capabilities.includes("approve")) {
    const approved = ruleSet.versions.filter((v) => v.status === "approved" && v.version !== ruleSet.activeVersion);
    const target = h("select", { id: "rollback-to" }, approved.map((v) => h("option", { value: v.version }, `v${v.version}`)));
    const comment = h("input", { id: "rollback-comment", required: true });
    content.push(h("form", { class: "inline", onsubmit: async (e) => {
      e.preventDefault();
      await act(status, "Rolling back", () => api(`/v1/rulesets/${name}/rollback`, { method: "POST", body: { toVersion: Number(target.value), comment: comment.value } }));
    } }, h("label", { for: "rollback-to" }, "Roll back to"), target, h("label", { for: "rollback-comment" }, "because"), comment, h("button", { type: "submit", disabled: approved.length === 0 }, "Roll back")));
  }
  return content;
}

// A scheduled activation, with a control to cancel it (approvers) until it takes effect; the API refuses it after.
function scheduledItem(name, activation, canCancel, status) {
  const item = h("li", { "data-testid": `scheduled-${activation.sequence}` },
    `v${activation.version} becomes active at ${new Date(activation.effectiveAt).toLocaleString()} (scheduled by ${activation.by}) `);
  if (!canCancel) return item;
  const comment = h("input", { id: `cancel-comment-${activation.sequence}`, required: true, "data-testid": "cancel-comment" });
  item.append(h("form", { class: "inline", onsubmit: async (e) => {
    e.preventDefault();
    const path = `/v1/rulesets/${name}/activations/${activation.sequence}/cancel`;
    await act(status, "Cancelling the scheduled activation", () => api(path, { method: "POST", body: { comment: comment.value } }));
    item.remove();
  } }, h("label", { for: comment.id }, "Cancel, because"), comment,
  h("button", { type: "submit", "data-testid": "cancel-schedule" }, "Cancel activation")));
  return item;
}

export async function diffPage(name, from, to) {
  const changes = await api(`/v1/rulesets/${name}/diff?from=${from}&to=${to}`);
  const show = (node) => node === null || node === undefined ? "" : h("pre", {}, JSON.stringify(node, null, 2));
  return [
    h("h1", {}, `${name}: v${from} → v${to}`),
    h("p", {}, h("a", { href: `#/rulesets/${name}` }, "Back to the history")),
    changes.length === 0 ? h("p", {}, "No rule differs.") : table("Rule-level differences, side by side", ["Section", "Rule", "Change", `v${from}`, `v${to}`],
      changes.map((c) => ({ cells: [c.section, c.key, `${c.kind}${c.fields.length ? ` (${c.fields.join(", ")})` : ""}`, show(c.before), show(c.after)] })), "diff"),
  ];
}
