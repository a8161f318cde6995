// Every rule of a version with its condition, validation problems under the rule whose path they name, and the
// names an expression may use.
import { h } from "./core.js";

// Every rule with its condition; a validation problem is shown under the rule whose path it names.
export function rulesPanel(content, target) {
  const sections = [
    ["tiers", "Tiers (first match wins)"],
    ["privileges", "Privileges (every match)"],
    ["nextActions", "Next actions (lowest priority number wins)"],
  ];
  return h("section", { id: "rules", "aria-labelledby": "rules-title" }, h("h2", { id: "rules-title" }, "Rules"),
    sections.map(([section, title]) => h("div", {}, h("h3", {}, title), h("ol", {},
      (content[section]?.rules ?? []).map((rule, i) => h("li", {
        id: `rule-${section}-${i}`,
        "data-path": `${section}.rules[${i}]`,
        "data-testid": `rule-${section}-${rule.code}`,
        class: target?.kind === `rules/${section}` && target.key === rule.code ? "targeted" : undefined },
        h("strong", {}, rule.code), " ", rule.label?.["zh-CN"] ?? rule.title?.["zh-CN"] ?? "", h("br"),
        h("code", {}, rule.when), h("ul", { class: "problems" })))))));
}

export function showProblems(rules, problems) {
  for (const item of rules.querySelectorAll("li[data-path]")) {
    const own = problems.filter((p) => p.path === item.dataset.path || p.path.startsWith(`${item.dataset.path}.`));
    item.querySelector(".problems")
      .replaceChildren(...own.map((p) => h("li", {}, h("code", {}, p.path), " ", p.message)));
    item.classList.toggle("has-problems", own.length > 0);
  }
}

// The names an expression may use, from this rule set's own input schema, parameters and scores.
export function hints(content) {
  const names = (prefix, object) => Object.entries(object ?? {})
    .map(([name, spec]) => h("li", {}, h("code", {}, `${prefix}.${name}`), ` ${spec.type ?? ""}`));
  return h("details", { id: "hints" }, h("summary", {}, "Names and helpers you can use in expressions"),
    h("ul", { class: "hints" },
      names("customer", content.input),
      names("params", content.parameters),
      (content.scores?.rules ?? []).map((score) => h("li", {}, h("code", {}, `scores.${score.name}`), " number")),
      h("li", {}, h("code", {}, "tier"), " the decided tier code (privileges and next actions only)"),
      h("li", {}, h("code", {}, "today"), ", ", h("code", {}, "asOf"), " the decision date and time"),
      h("li", {},
        h("code", {}, "Days.Since(date, today)"), ", ",
        h("code", {}, "Days.UntilBirthday(date, today)"), ", ",
        h("code", {}, "Days.Age(date, today)")),
      h("li", {},
        h("code", {}, 'x in ("A", "B")'), ", ",
        h("code", {}, "a ? b : c"), ", ",
        h("code", {}, "list.Contains(x)"), ", ",
        h("code", {}, "Math.Round(x, 2)"))));
}
