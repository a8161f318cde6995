// The audit page's search, kept in the page's address (#/audit?customerId=…&match=prefix&from=…): Back from a
// decision returns to the search with its results, and a search can be bookmarked or sent to a colleague.
import { act, api, h, table } from "./core.js";
import { instant, localField, when, zoneLabel } from "./times.js";

/** The address of the audit page with `changes` applied to its current parameters (empty values dropped). */
export function auditAddress(params, changes) {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === null || value === "") next.delete(key);
    else next.set(key, value);
  }
  return `#/audit?${next}`;
}

/** Goes to `address`; the same address again runs its page again (a repeated search gets fresh results). */
export function go(address) {
  if (location.hash === address) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = address;
}

/** The search form, filled from `params`, and its results when `params` holds a search. */
export async function searchSection(params, status) {
  const customer = h("input", { id: "customer-id", value: params.get("customerId") ?? "" });
  const match = h("select", { id: "match", "data-testid": "match", "aria-label": "Customer id is, or starts with" },
    h("option", { value: "" }, "is"), h("option", { value: "prefix" }, "starts with"));
  match.value = params.get("match") === "prefix" ? "prefix" : "";
  const from = h("input", { id: "from", type: "datetime-local", "aria-describedby": "search-zone" });
  const to = h("input", { id: "to", type: "datetime-local", "aria-describedby": "search-zone" });
  for (const [field, key] of [[from, "from"], [to, "to"]]) {
    if (params.get(key)) field.value = localField(params.get(key));
  }
  const found = h("div", { id: "found" });
  const search = (event) => {
    event.preventDefault();
    go(auditAddress(params, { search: "1", customerId: customer.value.trim(), match: match.value, from: instant(from),
      to: instant(to) }));
  };
  if (params.has("search")) found.replaceChildren(await results(params, status));
  return h("section", { "aria-labelledby": "search-title" }, h("h2", { id: "search-title" }, "Find decisions"),
    h("form", { class: "inline", onsubmit: search, "data-testid": "audit-search" },
      h("label", { for: "customer-id" }, "Customer id"), match, customer,
      h("label", { for: "from" }, "From"), from, h("label", { for: "to" }, "To"), to,
      h("small", { id: "search-zone" }, `Times in ${zoneLabel()}.`),
      h("button", { type: "submit" }, "Search")),
    found);
}

async function results(params, status) {
  const id = params.get("customerId");
  const prefix = params.get("match") === "prefix";
  const query = new URLSearchParams(Object.entries({
    [prefix ? "customerIdPrefix" : "customerId"]: id || undefined, from: params.get("from"), to: params.get("to"),
  }).filter(([, v]) => v));
  const { items: decisions, next } = await act(status, "Searching", () => api(`/v1/decisions?${query}`));
  if (decisions.length === 0) return h("p", { "data-testid": "no-match" }, "No decision matches.");
  return h("div", {},
    table(`Decisions${prefix && id ? ` of customers whose id starts with "${id}"` : ""}, newest first`,
      ["Decision", "Decided at", "Customer", "Rule set", "Tier"],
      decisions.map((d) => ({ cells: [h("a", { href: `#/decisions/${d.decisionId}` }, d.decisionId), when(d.decidedAt),
        d.customerId ?? "", `${d.ruleSet.name} v${d.ruleSet.version}`,
        d.output?.tier.code ?? "erased"] })), "decisions"),
    next ? h("p", { "data-testid": "more" },
      `The newest ${decisions.length} are shown: narrow the search to see others.`)
      : null);
}
