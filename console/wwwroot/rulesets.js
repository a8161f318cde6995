// Rule-set pages: history and diff, and a version's page where a draft is edited, checked and reviewed.
import { act, api, everyItem, h, problemList, statusLabel, table } from "./core.js";
import { explanation } from "./explanation.js";
import { schemaHints } from "./schema-hints.js";
import { jsonEditor } from "./json-editor.js";
import { ruleEditor } from "./rule-editor.js";

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
    table("Version history: who wrote and who reviewed each version", ["Version", "Status", "Written by", "Reviewed by", ""], rows, "versions"),
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

export async function versionPage(me, name, version, target) {
  const [detail, all] = await Promise.all([api(`/v1/rulesets/${name}/versions/${version}`), me.capabilities.includes("read") ? everyItem("/v1/rulesets") : []]);
  const ruleSet = all.find((r) => r.name === name);
  const scheduled = ruleSet?.scheduled.find((a) => a.version === version);
  const activation = ruleSet?.activeVersion === version ? "Active now."
    : scheduled ? `Scheduled to become active at ${new Date(scheduled.effectiveAt).toLocaleString()}.` : "Not active.";
  const summary = detail.summary;
  const content = detail.content;
  const draft = summary.status === "draft" && me.capabilities.includes("edit");
  const status = h("p", { class: "status-line", role: "status", id: "status" });
  const results = h("div", { id: "results" });
  const base = `/v1/rulesets/${name}/versions/${version}`;
  const reload = () => window.dispatchEvent(new HashChangeEvent("hashchange"));

  const parameterInputs = Object.entries(content.parameters ?? {}).map(([key, p]) =>
    h("div", {
      class: `field${target?.kind === "parameters" && target.key === key ? " targeted" : ""}`, "data-testid": `parameter-${key}` },
      h("label", { for: `param-${key}` }, key, h("small", {}, ` ${p.description ?? ""}`)),
      h("input", { id: `param-${key}`, name: key, value: Array.isArray(p.value) ? p.value.join(", ") : p.value, disabled: !draft, "data-type": p.type,
        ...numberField(p.type) })));
  const json = h("textarea", { id: "content", rows: 18, spellcheck: "false", disabled: !draft, "aria-describedby": "content-help" }, JSON.stringify(content, null, 2));

  const advanced = jsonEditor(json);
  // The forms and tables edit the saved draft; the JSON and the parameters follow each of their saves.
  const editorSlot = h("div");
  let editor = null;
  const mountEditor = async (known) => {
    if (!draft) return;
    editor = await ruleEditor(name, version, known, (file) => {
      json.value = JSON.stringify(file, null, 2);
      advanced.number();
      for (const input of parameterInputs.map((field) => field.querySelector("input"))) input.value = [file.parameters[input.name].value].flat().join(", ");
    });
    editorSlot.replaceChildren(editor.root);
  };
  await mountEditor(detail);
  const save = async (file) => {
    await act(status, "Saving", () => api(base, { method: "PUT", body: file }));
    await mountEditor();
    await check();
  };
  const rules = rulesPanel(content, target);
  const check = async () => {
    const report = await act(status, "Validating and running the tests", () => api(`${base}/validate`, { method: "POST" }));
    showProblems(rules, report.problems);
    results.replaceChildren(
      h("h2", {}, report.valid ? "Valid: every test passes" : "Problems"),
      report.problems.length ? problemList(report.problems) : "",
      h("p", {}, `${report.testsPassed} tests passed, ${report.testsFailed} failed.`),
      h("ul", { class: "tests" }, report.tests.filter((t) => !t.passed).map((t) => h("li", {}, `${t.name}: ${t.failures.join("; ")}`))));
    advanced.linkProblems(results);
    editor?.showTests(report);
  };

  const form = [];
  form.push(h("section", { "aria-labelledby": "parameters-title" },
    h("h2", { id: "parameters-title" }, "Parameters"),
    h("form", { id: "parameters", onsubmit: async (e) => {
      e.preventDefault();
      const file = JSON.parse(json.value);
      for (const input of parameterInputs.map((field) => field.querySelector("input"))) {
        const type = input.dataset.type;
        file.parameters[input.name].value = type === "string[]" ? input.value.split(",").map((s) => s.trim()).filter(Boolean)
          : type === "number" || type === "integer" ? Number(input.value)
          : type === "boolean" ? input.value === "true" : input.value;
      }
      json.value = JSON.stringify(file, null, 2);
      await save(file);
    } }, parameterInputs, draft ? h("button", { type: "submit" }, "Save parameters") : null)));
  form.push(h("section", { "aria-labelledby": "json-title" },
    h("h2", { id: "json-title" }, "The whole rule set (JSON)"),
    h("p", { id: "content-help" }, "The format is in rulesets/ruleset.schema.json: below the editor, the hints say what belongs where the caret is. Problems are listed below with their JSON path, and next to their rule above."),
    hints(content),
    advanced.root,
    draft ? schemaHints(json) : null,
    draft ? h("button", { type: "button", id: "save-json", onclick: async () => {
      let file;
      try { file = JSON.parse(json.value); } catch (error) { status.textContent = `The JSON does not parse: ${error.message}`; status.className = "status-line error"; return; }
      await save(file);
    } }, "Save JSON") : null));

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

  const comment = h("input", { id: "review-comment", "aria-label": "Comment for the trail" });
  const when = h("input", { id: "activate-at", type: "datetime-local", "aria-label": "Activate at (empty: now)" });
  const step = (label, path, body) => h("button", { type: "button", id: label.toLowerCase().split(" ")[0], onclick: async () => {
    await act(status, label, () => api(`${base}/${path}`, { method: "POST", body: body() }));
    reload();
  } }, label);
  const review = h("section", { "aria-labelledby": "review-title" }, h("h2", { id: "review-title" }, "Review"),
    h("p", { id: "four-eyes" }, `Written by ${summary.author}`, summary.submittedBy ? ` · submitted by ${summary.submittedBy}` : "",
      summary.reviewedBy ? ` · ${summary.status === "rejected" ? "rejected" : "approved"} by ${summary.reviewedBy}: “${summary.reviewComment ?? ""}”` : ""),
    h("label", { for: "review-comment" }, "Comment"), comment);
  if (summary.status === "draft" && me.capabilities.includes("edit")) review.append(step("Submit for review", "submit", () => ({ comment: comment.value })));
  // Four eyes: whoever wrote any of the content gets no review control (the API would refuse them anyway).
  const wrote = detail.contributors.includes(me.name);
  if (summary.status === "submitted" && me.capabilities.includes("approve") && wrote) {
    review.append(h("p", { "data-testid": "own-version" }, "You wrote content of this version: another approver reviews it."));
  } else if (summary.status === "submitted" && me.capabilities.includes("approve")) {
    review.append(step("Approve", "approve", () => ({ comment: comment.value })), step("Reject", "reject", () => ({ comment: comment.value })));
  }
  if (summary.status === "approved" && me.capabilities.includes("approve")) {
    review.append(h("label", { for: "activate-at" }, "Activate at (empty: now)"), when,
      step("Activate", "activate", () => ({ comment: comment.value, effectiveAt: when.value ? new Date(when.value).toISOString() : undefined })));
  }

  return [
    h("h1", {}, `${name} v${version} `, h("span", { class: `badge ${summary.status}` }, statusLabel(summary.status))),
    h("p", {}, h("a", { href: `#/rulesets/${name}` }, "History"), ` · hash ${summary.hash.slice(0, 19)}… · `, h("span", { id: "activation" }, activation)),
    status, review, rules, editorSlot, ...form, tools, results,
  ];
}

// Every rule with its condition; a validation problem is shown under the rule whose path it names.
function rulesPanel(content, target) {
  const sections = [["tiers", "Tiers (first match wins)"], ["privileges", "Privileges (every match)"], ["nextActions", "Next actions (lowest priority number wins)"]];
  return h("section", { id: "rules", "aria-labelledby": "rules-title" }, h("h2", { id: "rules-title" }, "Rules"),
    sections.map(([section, title]) => h("div", {}, h("h3", {}, title), h("ol", {},
      (content[section]?.rules ?? []).map((rule, i) => h("li", {
        id: `rule-${section}-${i}`, "data-path": `${section}.rules[${i}]`, "data-testid": `rule-${section}-${rule.code}`,
        class: target?.kind === `rules/${section}` && target.key === rule.code ? "targeted" : undefined },
        h("strong", {}, rule.code), " ", rule.label?.["zh-CN"] ?? rule.title?.["zh-CN"] ?? "", h("br"), h("code", {}, rule.when), h("ul", { class: "problems" })))))));
}

function showProblems(rules, problems) {
  for (const item of rules.querySelectorAll("li[data-path]")) {
    const own = problems.filter((p) => p.path === item.dataset.path || p.path.startsWith(`${item.dataset.path}.`));
    item.querySelector(".problems").replaceChildren(...own.map((p) => h("li", {}, h("code", {}, p.path), " ", p.message)));
    item.classList.toggle("has-problems", own.length > 0);
  }
}

// The names an expression may use, from this rule set's own input schema, parameters and scores.
function hints(content) {
  const names = (prefix, object) => Object.entries(object ?? {}).map(([name, spec]) => h("li", {}, h("code", {}, `${prefix}.${name}`), ` ${spec.type ?? ""}`));
  return h("details", { id: "hints" }, h("summary", {}, "Names and helpers you can use in expressions"),
    h("ul", { class: "hints" },
      names("customer", content.input),
      names("params", content.parameters),
      (content.scores?.rules ?? []).map((score) => h("li", {}, h("code", {}, `scores.${score.name}`), " number")),
      h("li", {}, h("code", {}, "tier"), " the decided tier code (privileges and next actions only)"),
      h("li", {}, h("code", {}, "today"), ", ", h("code", {}, "asOf"), " the decision date and time"),
      h("li", {}, h("code", {}, "Days.Since(date, today)"), ", ", h("code", {}, "Days.UntilBirthday(date, today)"), ", ", h("code", {}, "Days.Age(date, today)")),
      h("li", {}, h("code", {}, 'x in ("A", "B")'), ", ", h("code", {}, "a ? b : c"), ", ", h("code", {}, "list.Contains(x)"), ", ", h("code", {}, "Math.Round(x, 2)"))));
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

// A number is refused at the field, before anything is saved: "800,000" would otherwise become null in the draft.
function numberField(type) {
  if (type !== "number" && type !== "integer") return {};
  const pattern = type === "integer" ? "-?[0-9]+" : "-?[0-9]+([.][0-9]+)?";
  return { required: true, inputmode: type === "integer" ? "numeric" : "decimal", pattern, title: "Digits only, without separators, e.g. 800000" };
}

function impact(report) {
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
