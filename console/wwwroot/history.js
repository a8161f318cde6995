// A rule set's history: its versions with who wrote and reviewed them, scheduled activations, new drafts,
// rollbacks, and the differences between two versions. A rollback or a cancellation redraws the page in place.
import { act, api, everyItem, h, statusLabel, table } from "./core.js";
import { changeList } from "./change-list.js";
import { zoned } from "./times.js";

export async function ruleSetPage(me, name) {
  const root = h("div", { "data-testid": "rule-set-page" });
  const render = async (done) => {
    const all = await everyItem("/v1/rulesets");
    const ruleSet = all.find((r) => r.name === name);
    if (!ruleSet) throw new Error(`There is no rule set '${name}'.`);
    const status = h("p", { class: done ? "status-line ok" : "status-line", role: "status" }, done ?? "");
    root.replaceChildren(...content(me, ruleSet, status, render));
  };
  await render();
  return [root];
}

function content(me, ruleSet, status, render) {
  const name = ruleSet.name;
  const rows = [...ruleSet.versions].reverse().map((v) => {
    const scheduled = ruleSet.scheduled.filter((a) => a.version === v.version);
    return {
      attributes: { "data-version": v.version },
      cells: [
        h("a", { href: `#/rulesets/${name}/versions/${v.version}` }, `v${v.version}`),
        h("span", { class: `badge ${v.status}` }, statusLabel(v.status)),
        v.author,
        v.reviewedBy ?? "",
        h("span", { "data-testid": `state-${v.version}` }, v.version === ruleSet.activeVersion ? "active" : "",
          scheduled.map((a) => `scheduled at ${zoned(a.effectiveAt)}`).join("; ")),
      ],
    };
  });
  const page = [
    h("h1", {}, name),
    status,
    table("Version history: who wrote and who reviewed each version",
      ["Version", "Status", "Written by", "Reviewed by", "Active or scheduled"], rows, "versions"),
    compareForm(name, ruleSet.versions.map((v) => v.version)),
  ];
  if (ruleSet.scheduled.length > 0) {
    const cancelling = me.capabilities.includes("approve");
    page.push(h("h2", {}, "Scheduled activations"), h("ul", { "data-testid": "scheduled" },
      ruleSet.scheduled.map((a) => scheduledItem(name, a, cancelling, status, render))));
  }
  if (me.capabilities.includes("edit") && ruleSet.activeVersion) {
    const from = { from: ruleSet.activeVersion };
    page.push(h("button", {
      type: "button", id: "new-draft",
      onclick: async () => {
        const create = () => api(`/v1/rulesets/${name}/drafts`, { method: "POST", body: from });
        const draft = await act(status, "Creating a draft", create);
        location.hash = `#/rulesets/${name}/versions/${draft.version}`;
      },
    }, `New draft from the active version (v${ruleSet.activeVersion})`));
  }
  if (me.capabilities.includes("approve")) page.push(rollbackForm(ruleSet, status, render));
  return page;
}

function compareForm(name, versions) {
  const newest = Math.max(...versions);
  const from = h("select", { id: "diff-from" }, versions.map((v) => h("option", { value: v }, `v${v}`)));
  const to = h("select", { id: "diff-to" },
    versions.map((v) => h("option", { value: v, selected: v === newest }, `v${v}`)));
  const show = (e) => { e.preventDefault(); location.hash = `#/rulesets/${name}/diff/${from.value}/${to.value}`; };
  return h("form", { class: "inline", onsubmit: show },
    h("label", { for: "diff-from" }, "Compare"), from, h("label", { for: "diff-to" }, "with"), to,
    h("button", { type: "submit" }, "Show differences"));
}

function rollbackForm(ruleSet, status, render) {
  const approved = ruleSet.versions.filter((v) => v.status === "approved" && v.version !== ruleSet.activeVersion);
  const target = h("select", { id: "rollback-to" },
    approved.map((v) => h("option", { value: v.version }, `v${v.version}`)));
  const comment = h("input", { id: "rollback-comment", required: true });
  return h("form", { class: "inline", onsubmit: async (e) => {
    e.preventDefault();
    const body = { toVersion: Number(target.value), comment: comment.value };
    await act(status, "Rolling back", () => api(`/v1/rulesets/${ruleSet.name}/rollback`, { method: "POST", body }));
    await render(`Rolled back: v${body.toVersion} is active.`);
  } }, h("label", { for: "rollback-to" }, "Roll back to"), target,
  h("label", { for: "rollback-comment" }, "because"), comment,
  h("button", { type: "submit", disabled: approved.length === 0 }, "Roll back"));
}

// A scheduled activation, with a control to cancel it (approvers) until it takes effect; the API refuses it after.
function scheduledItem(name, activation, canCancel, status, render) {
  const item = h("li", { "data-testid": `scheduled-${activation.sequence}` },
    `v${activation.version} becomes active at ${zoned(activation.effectiveAt)} (scheduled by ${activation.by}) `);
  if (!canCancel) return item;
  const id = `cancel-comment-${activation.sequence}`;
  const comment = h("input", { id, required: true, "data-testid": "cancel-comment" });
  item.append(h("form", { class: "inline", onsubmit: async (e) => {
    e.preventDefault();
    const path = `/v1/rulesets/${name}/activations/${activation.sequence}/cancel`;
    const cancel = () => api(path, { method: "POST", body: { comment: comment.value } });
    await act(status, "Cancelling the scheduled activation", cancel);
    await render(`Cancelled: v${activation.version} will not become active at ${zoned(activation.effectiveAt)}.`);
  } }, h("label", { for: comment.id }, "Cancel, because"), comment,
  h("button", { type: "submit", "data-testid": "cancel-schedule" }, "Cancel activation")));
  return item;
}

export async function diffPage(name, from, to) {
  const changes = await api(`/v1/rulesets/${name}/diff?from=${from}&to=${to}`);
  return [
    h("h1", {}, `${name}: v${from} → v${to}`),
    h("p", {}, h("a", { href: `#/rulesets/${name}` }, "Back to the history")),
    changeList(changes, from, to),
  ];
}
