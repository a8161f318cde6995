// What an approver reads before deciding, on the version's page: the submitter's comment, what changes against
// the active version value by value, the embedded tests' results and, on request, the impact on recent customers.
import { act, api, h, problemList } from "./core.js";
import { changeList } from "./change-list.js";
import { impact } from "./impact.js";

export async function reviewPackage(me, detail, activeVersion, status) {
  const { name, summary } = detail;
  const base = `/v1/rulesets/${name}/versions/${summary.version}`;
  const section = h("section", { "aria-labelledby": "package-title", "data-testid": "review-package" },
    h("h2", { id: "package-title" }, "Review package"));
  if (detail.submitComment) {
    section.append(h("p", {}, `${summary.submittedBy} said when submitting:`),
      h("blockquote", { "data-testid": "submit-comment" }, detail.submitComment));
  }
  section.append(h("h3", {}, "Changes against the active version"),
    await changes(name, summary.version, activeVersion));
  // A draft is checked by its editor as it is saved; the package runs the checks once it is out of their hands.
  if (summary.status === "draft" || !me.capabilities.includes("review")) return section;

  const tests = h("div", { "data-testid": "package-tests", "aria-live": "polite" }, h("p", {}, "Running the tests…"));
  const impactResult = h("div", { "data-testid": "package-impact-result" });
  section.append(h("h3", {}, "Tests"), tests, h("h3", {}, "Impact on recent customers"),
    h("button", { type: "button", "data-testid": "package-impact", onclick: async () => {
      const run = () => api(`${base}/impact`, { method: "POST", body: { last: 1000 } });
      const report = await act(status, "Re-deciding recent customers", run);
      impactResult.replaceChildren(...impact(report));
    } }, "Show the impact on the last 1,000 customers"), impactResult);
  api(`${base}/validate`, { method: "POST" }).then((report) => tests.replaceChildren(...testResults(report)),
    (error) => tests.replaceChildren(h("p", { class: "error" }, error.message)));
  return section;
}

async function changes(name, version, activeVersion) {
  if (!activeVersion) return h("p", {}, "No version is active: everything in this version is new.");
  if (activeVersion === version) return h("p", { "data-testid": "package-is-active" }, "This is the active version.");
  const diff = await api(`/v1/rulesets/${name}/diff?from=${activeVersion}&to=${version}`);
  return changeList(diff, activeVersion, version, "package-diff");
}

function testResults(report) {
  const failing = report.tests.filter((t) => !t.passed);
  return [
    h("p", { class: report.testsFailed === 0 && report.valid ? "ok" : "error" },
      `${report.testsPassed} tests passed, ${report.testsFailed} failed`
        + (report.valid ? "." : "; the version has problems.")),
    report.problems.length ? problemList(report.problems) : "",
    failing.length
      ? h("ul", { class: "tests" }, failing.map((t) => h("li", {}, `${t.name}: ${t.failures.join("; ")}`)))
      : "",
  ];
}
