// A version's page: a draft is edited (forms and tables, parameters, JSON), checked, tried out and reviewed.
// Each section reports beside its own controls; every save goes through one draft state (If-Match).
import { act, api, everyItem, h, problemList, statusLabel } from "./core.js";
import { schemaHints } from "./schema-hints.js";
import { jsonEditor } from "./json-editor.js";
import { ruleEditor } from "./rule-editor.js";
import { reviewSection } from "./review.js";
import { reviewPackage } from "./review-package.js";
import { zoned } from "./times.js";
import { hints, rulesPanel, showProblems } from "./rules-panel.js";
import { statusLine, tryoutTools } from "./tryout.js";
import { conflictPanel, draftState } from "./draft.js";
import { guardLeaving } from "./leave-guard.js";
import { threeWay } from "./merge.js";
import { parameterFields } from "./parameters-form.js";

export async function versionPage(me, name, version, target) {
  const [detail, all] = await Promise.all([api(`/v1/rulesets/${name}/versions/${version}`),
    me.capabilities.includes("read") ? everyItem("/v1/rulesets") : []]);
  const ruleSet = all.find((r) => r.name === name);
  const scheduled = ruleSet?.scheduled.find((a) => a.version === version);
  const activation = ruleSet?.activeVersion === version ? "Active now."
    : scheduled ? `Scheduled to become active at ${zoned(scheduled.effectiveAt)}.` : "Not active.";
  const summary = detail.summary;
  const content = detail.content;
  const draft = summary.status === "draft" && me.capabilities.includes("edit");
  const [parametersStatus, jsonStatus, reviewStatus] =
    ["parameters-status", "json-status", "review-status"].map(statusLine);
  const results = h("div", { id: "results" });
  const base = `/v1/rulesets/${name}/versions/${version}`;
  const state = draft ? draftState(base, detail) : null;
  const heading = h("h1", {}, `${name} v${version} `,
    h("span", { class: `badge ${summary.status}` }, statusLabel(summary.status)));
  guardLeaving(() => heading.isConnected && state?.unsaved === true);
  const touched = () => { if (state) state.unsaved = true; };
  const reload = () => window.dispatchEvent(new HashChangeEvent("hashchange"));

  const parameters = parameterFields(content, target, draft, touched);
  const json = h("textarea", { id: "content", rows: 18, spellcheck: "false", disabled: !draft,
    "aria-describedby": "content-help", oninput: touched }, JSON.stringify(content, null, 2));

  const advanced = jsonEditor(json);
  let rules = rulesPanel(content, target);
  // The forms and tables edit a copy of the draft; the JSON, the parameters and the rules list follow each save.
  const editorSlot = h("div");
  let editor = null;
  // Simulation's samples are the saved tests: text half typed in the JSON editor is not yet a rule set.
  let saved = content;
  // The parameters and the JSON show each save; what was typed there and not saved yet stays: a parameter as
  // typed, the JSON's edits laid onto the saved file three-way (text that does not parse is left as typed).
  const follow = (file) => {
    let text = json.value;
    try {
      text = JSON.stringify(threeWay(saved, JSON.parse(json.value), file).merged, null, 2);
    } catch {
      if (state) state.unsaved = true;
    }
    const typed = parameters.follow(saved, file);
    saved = file;
    json.value = text;
    advanced.number();
    if (state && (typed > 0 || text !== JSON.stringify(file, null, 2))) state.unsaved = true;
    const fresh = rulesPanel(file, target);
    rules.replaceWith(fresh);
    rules = fresh;
  };
  // A save from the parameters or the JSON remounts the editor on the saved file; edits the editor had not
  // saved yet are carried onto it (three-way: what the editor started from, its copy, the saved file).
  const mountEditor = (file) => {
    if (!draft) return;
    const pending = editor?.pending();
    const carried = pending ? threeWay(pending.base, pending.mine, file) : null;
    editor = ruleEditor(state, structuredClone(carried?.merged ?? file), follow);
    if (carried) editor.carried(file, carried.conflicts);
    editorSlot.replaceChildren(editor.root);
  };
  mountEditor(content);
  const check = async (status, done) => {
    const report = await act(status, "Validating and running the tests",
      () => api(`${base}/validate`, { method: "POST" }));
    showProblems(rules, report.problems);
    results.replaceChildren(
      h("h2", {}, report.valid ? "Valid: every test passes" : "Problems"),
      report.problems.length ? problemList(report.problems) : "",
      h("p", {}, `${report.testsPassed} tests passed, ${report.testsFailed} failed.`),
      h("ul", { class: "tests" }, report.tests.filter((t) => !t.passed)
        .map((t) => h("li", {}, `${t.name}: ${t.failures.join("; ")}`))));
    advanced.linkProblems(results);
    editor?.showTests(report);
    // Green only when everything passes: a save with failing tests says so beside the button that saved.
    status.textContent = report.valid ? `${done} Valid: every test passes.`
      : `${done} ${report.testsFailed} of ${report.tests.length} tests fail, `
        + `${report.problems.length} problems (listed below).`;
    status.className = `status-line ${report.valid ? "ok" : "error"}`;
  };
  const save = async (file, status, conflict) => {
    conflict.replaceChildren();
    try {
      await act(status, "Saving", () => state.save(file));
    } catch (error) {
      if (error.status === 412) {
        conflict.replaceChildren(await conflictPanel(state, error, () => file, (merged) => {
          follow(merged);
          mountEditor(merged);
        }));
      }
      return;
    }
    follow(file);
    mountEditor(file);
    await check(status, "Saved.");
  };

  const [parametersConflict, jsonConflict] = [h("div"), h("div")];
  const form = [];
  form.push(h("section", { "aria-labelledby": "parameters-title" },
    h("h2", { id: "parameters-title" }, "Parameters"),
    h("form", { id: "parameters", onsubmit: async (e) => {
      e.preventDefault();
      await save(parameters.fill(JSON.parse(json.value)), parametersStatus, parametersConflict);
    } }, parameters.fields, draft ? h("button", { type: "submit" }, "Save parameters") : null),
    parametersStatus, parametersConflict));
  form.push(h("section", { "aria-labelledby": "json-title" },
    h("h2", { id: "json-title" }, "The whole rule set (JSON)"),
    h("p", { id: "content-help" }, "The format is in rulesets/ruleset.schema.json: below the editor, the hints "
      + "say what belongs where the caret is. Problems are listed below with their JSON path, and next to their "
      + "rule above."),
    hints(content),
    advanced.root,
    draft ? schemaHints(json) : null,
    draft ? h("button", { type: "button", id: "save-json", onclick: async () => {
      let file;
      try {
        file = JSON.parse(json.value);
      } catch (error) {
        jsonStatus.textContent = `The JSON does not parse: ${error.message}`;
        jsonStatus.className = "status-line error";
        return;
      }
      await save(file, jsonStatus, jsonConflict);
    } }, "Save JSON") : null,
    jsonStatus, jsonConflict));

  const tools = tryoutTools(me, () => saved, base, results, (status) => check(status, "Checked."));

  const review = reviewSection(me, detail, base, reviewStatus, reload,
    () => state?.tag ?? `"${summary.hash}"`);
  const reviewed = me.capabilities.includes("read")
    ? await reviewPackage(me, detail, ruleSet?.activeVersion, reviewStatus) : null;

  return [
    heading,
    h("p", {}, h("a", { href: `#/rulesets/${name}` }, "History"), ` · hash ${summary.hash.slice(0, 19)}… · `,
      h("span", { id: "activation" }, activation)),
    reviewed, review, reviewStatus, rules, editorSlot, ...form, tools, results,
  ];
}
