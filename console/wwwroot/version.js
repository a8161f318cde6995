// A version's page: a draft is edited (forms and tables, parameters, JSON), checked, tried out and reviewed.
import { act, api, everyItem, h, problemList, statusLabel } from "./core.js";
import { schemaHints } from "./schema-hints.js";
import { jsonEditor } from "./json-editor.js";
import { ruleEditor } from "./rule-editor.js";
import { reviewSection } from "./review.js";
import { reviewPackage } from "./review-package.js";
import { zoned } from "./times.js";
import { hints, rulesPanel, showProblems } from "./rules-panel.js";
import { tryoutTools } from "./tryout.js";

export async function versionPage(me, name, version, target) {
  const [detail, all] = await Promise.all([api(`/v1/rulesets/${name}/versions/${version}`), me.capabilities.includes("read") ? everyItem("/v1/rulesets") : []]);
  const ruleSet = all.find((r) => r.name === name);
  const scheduled = ruleSet?.scheduled.find((a) => a.version === version);
  const activation = ruleSet?.activeVersion === version ? "Active now."
    : scheduled ? `Scheduled to become active at ${zoned(scheduled.effectiveAt)}.` : "Not active.";
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

  const tools = tryoutTools(me, () => JSON.parse(json.value), base, status, results, check);

  const review = reviewSection(me, detail, base, status, reload);
  const reviewed = me.capabilities.includes("read") ? await reviewPackage(me, detail, ruleSet?.activeVersion, status) : null;

  return [
    h("h1", {}, `${name} v${version} `, h("span", { class: `badge ${summary.status}` }, statusLabel(summary.status))),
    h("p", {}, h("a", { href: `#/rulesets/${name}` }, "History"), ` · hash ${summary.hash.slice(0, 19)}… · `, h("span", { id: "activation" }, activation)),
    status, reviewed, review, rules, editorSlot, ...form, tools, results,
  ];
}

// A number is refused at the field, before anything is saved: "800,000" would otherwise become null in the draft.
function numberField(type) {
  if (type !== "number" && type !== "integer") return {};
  const pattern = type === "integer" ? "-?[0-9]+" : "-?[0-9]+([.][0-9]+)?";
  return { required: true, inputmode: type === "integer" ? "numeric" : "decimal", pattern, title: "Digits only, without separators, e.g. 800000" };
}
