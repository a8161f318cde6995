// A decision's explanation as a teller reads it: the reasons of what was decided, why not each higher tier and what
// it would take, each rule linked to the version that decided it and each parameter to its field on that version.
import { h } from "./core.js";

const amount = new Intl.NumberFormat("en-US", { maximumFractionDigits: 10 });
const sections = { tiers: "Tier", privileges: "Privilege", nextActions: "Next action" };

/** Where a version, a rule or a parameter of it is shown in the console. */
export function versionLink(ruleSet, target = "") {
  return `#/rulesets/${ruleSet.name}/versions/${ruleSet.version}${target}`;
}

/** A value as the answer's readable texts write it: amounts grouped, absent values named. */
export function shown(value) {
  if (value === null || value === undefined) return "not given";
  if (typeof value === "number") return amount.format(value);
  return Array.isArray(value) ? `[${value.map(shown).join(", ")}]` : String(value);
}

/** Reasons, why-not and what it would take of <decision> (an answer or a simulation), those it carries. */
export function explanation(decision, testId) {
  const ruleSet = decision.ruleSet;
  return h("div", { class: "explanation", "data-testid": testId },
    decision.reasons?.length ? reasons("Why: the conditions that decided", decision.reasons, ruleSet, "reasons") : null,
    decision.whyNot ? reasons("Why not a higher tier: what failed", decision.whyNot, ruleSet, "why-not") : null,
    decision.whatItWouldTake ? whatItWouldTake(decision, ruleSet) : null);
}

function reasons(title, list, ruleSet, testId) {
  return h("section", { "data-testid": testId }, h("h3", {}, title),
    list.length === 0 ? h("p", {}, "None: no tier ranks above the decided one.") : h("ul", { class: "reasons" },
      list.map((reason) => h("li", { "data-testid": `${testId}-${reason.section}-${reason.rule}` },
        `${sections[reason.section] ?? reason.section} `,
        h("a", { href: versionLink(ruleSet, `/rules/${reason.section}/${reason.rule}`) }, reason.rule),
        " in ", h("a", { href: versionLink(ruleSet) }, `${ruleSet.name} v${ruleSet.version}`),
        condition(reason.condition, ruleSet)))));
}

// An all/any/not node as a nested list; a comparison or test as its readable text with its parameters linked.
function condition(node, ruleSet) {
  if (!node.parts) {
    return h("div", { class: `atom ${node.holds ? "holds" : "fails"}`, "data-testid": "atom" },
      h("span", { class: "verdict" }, node.holds ? "✓ " : "✗ "), node.readable ?? node.text ?? "",
      parameterLinks(named("params", node.operands), ruleSet));
  }
  const heading = { all: "all of", any: "any of", not: "not" }[node.kind] ?? node.kind;
  return h("div", { class: "junction" }, h("span", {}, `${heading}:`),
    h("ul", {}, node.parts.map((part) => h("li", {}, condition(part, ruleSet)))));
}

function whatItWouldTake(decision, ruleSet) {
  const tiers = decision.whatItWouldTake;
  return h("section", { "data-testid": "what-it-would-take" },
    h("h3", {}, "What it would take: one input changed, the rest equal"),
    tiers.length === 0 ? h("p", {}, "Nothing: no tier ranks above the decided one.") : tiers.map((tier) => {
      const thresholds = parametersByField(decision.whyNot?.find((r) => r.rule === tier.tier)?.condition);
      return h("div", { "data-testid": `take-${tier.tier}` },
        h("h4", {}, h("a", { href: versionLink(ruleSet, `/rules/tiers/${tier.tier}`) }, tier.tier)),
        tier.changes.length === 0 ? h("p", {}, "No change of one input alone gives this tier.") : h("ul", {},
          tier.changes.map((c) => h("li", { "data-testid": `take-${tier.tier}-${c.field}` },
            h("strong", {}, c.label ?? c.field), `: ${shown(c.from)} → ${shown(c.to)}`,
            c.difference === undefined ? "" : ` (${c.difference < 0 ? "" : "+"}${shown(c.difference)})`,
            parameterLinks(thresholds.get(c.field) ?? [], ruleSet)))));
    }));
}

// The parameters each customer field is compared with in a tier's failed condition: the lines a change crosses.
function parametersByField(node, found = new Map()) {
  if (!node) return found;
  if (node.parts) {
    node.parts.forEach((part) => parametersByField(part, found));
    return found;
  }
  const parameters = named("params", node.operands);
  for (const field of named("customer", node.operands)) {
    found.set(field, [...new Set([...(found.get(field) ?? []), ...parameters])]);
  }
  return found;
}

// The names the operands' expressions read after `prefix.`, once each (a computed operand may read several).
function named(prefix, operands) {
  const pattern = new RegExp(`\\b${prefix}\\.(\\w+)`, "g");
  return [...new Set((operands ?? []).flatMap((o) => [...(o.name ?? "").matchAll(pattern)].map((m) => m[1])))];
}

function parameterLinks(parameters, ruleSet) {
  return parameters.flatMap((p) =>
    [" ", h("a", { class: "parameter", href: versionLink(ruleSet, `/parameters/${p}`) }, `parameter ${p}`)]);
}
