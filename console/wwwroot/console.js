// The console is a thin client of the HTTP API: every call carries the signed-in key, so it can do
// exactly what the key's role may do, and every change it makes is in the audit trail.
import { api, everyItem, h, keyStorage, statusLabel, table } from "./core.js";
import { diffPage, ruleSetPage } from "./history.js";
import { versionPage } from "./version.js";
import { auditPage, decisionPage } from "./audit.js";
import "./focus-keeper.js";
import { inboxPage, refreshInbox } from "./inbox.js";
import { zoned } from "./times.js";

const $ = (selector) => document.querySelector(selector);
let me = null;

// A new page moves focus to its heading, so a keyboard or screen-reader user starts there and hears where they are;
// the tab title names the page too.
function showView(...content) {
  $("#sign-in").hidden = true;
  const view = $("#view");
  view.hidden = false;
  view.replaceChildren(...content);
  const heading = view.querySelector("h1");
  document.title = heading ? `${heading.textContent} · Decisions console` : "Decisions console";
  heading?.setAttribute("tabindex", "-1");
  (heading ?? $("#main")).focus();
}

async function overview() {
  if (!me.capabilities.includes("read")) {
    return [h("h1", {}, "Rule sets"),
      h("p", { id: "overview-note" },
        "Tellers use the HTTP API for decisions; the console has nothing for this role.")];
  }
  const ruleSets = await everyItem("/v1/rulesets");
  const rows = ruleSets.map((r) => ({
    attributes: { "data-rule-set": r.name },
    cells: [
      h("a", { href: `#/rulesets/${r.name}` }, r.name),
      r.activeVersion ? `v${r.activeVersion}` : "none",
      r.scheduled.map((a) => `v${a.version} at ${zoned(a.effectiveAt)}`).join(", ") || "none",
      r.versions.filter((v) => v.status === "draft" || v.status === "submitted")
        .map((v) => `v${v.version} ${v.status}`)
        .join(", ") || "none",
      r.versions.map((v) => h("span", { class: `badge ${v.status}`, title: `by ${v.author}` },
        `v${v.version} ${statusLabel(v.status)}`)),
    ],
  }));
  return [h("h1", {}, "Rule sets"),
    table("Every rule set with its active version, scheduled activations and versions in progress",
      ["Rule set", "Active", "Scheduled", "In progress", "Versions"], rows, "rule-sets")];
}

const routes = [
  // A version, or a rule or parameter on it: explanations link there (…/rules/tiers/VIP,
  // …/parameters/vipAvgDailyBalance).
  [/^#\/rulesets\/([^/]+)\/versions\/(\d+)(?:\/(rules\/\w+|parameters)\/(\w+))?$/,
    (m) => versionPage(me, m[1], Number(m[2]), m[3] && { kind: m[3], key: m[4] })],
  [/^#\/rulesets\/([^/]+)\/diff\/(\d+)\/(\d+)$/, (m) => diffPage(m[1], Number(m[2]), Number(m[3]))],
  [/^#\/rulesets\/([^/]+)$/, (m) => ruleSetPage(me, m[1])],
  [/^#\/decisions\/([^/]+)$/, (m) => decisionPage(me, m[1])],
  [/^#\/audit(?:\?(.*))?$/, (m) => auditPage(me, new URLSearchParams(m[1] ?? ""))],
  [/^#\/inbox$/, () => inboxPage(me)],
  [/.*/, () => overview()],
];

// A page that finishes loading after the person has moved on must not replace the page they moved to.
let navigation = 0;

async function route() {
  if (!me) return;
  const current = ++navigation;
  const [pattern, page] = routes.find(([pattern]) => pattern.test(location.hash));
  let content;
  try {
    content = await page(location.hash.match(pattern));
  } catch (error) {
    content = [h("h1", {}, error.status === 403 ? "Not available to your role" : "Something went wrong"),
      h("p", { class: "error", role: "alert" }, error.message)];
  }
  if (current === navigation) {
    // The count is a convenience: failing to count leaves the page the person asked for as it is.
    refreshInbox(me).catch(() => {});
    showView(...content);
    $("#view .targeted")?.scrollIntoView({ block: "center" });
  }
}

async function start() {
  me = null;
  $("#nav").hidden = true;
  $("#sign-out").hidden = true;
  $("#who").textContent = "";
  if (!sessionStorage.getItem(keyStorage)) {
    $("#view").hidden = true;
    $("#sign-in").hidden = false;
    return;
  }
  try {
    me = await api("/v1/me");
    $("#who").textContent = `Signed in as ${me.name} (${me.role})`;
    $("#sign-out").hidden = false;
    $("#nav").hidden = false;
    $("#nav-audit").hidden = !me.capabilities.includes("audit");
    await route();
  } catch (error) {
    sessionStorage.removeItem(keyStorage);
    $("#view").hidden = true;
    $("#sign-in").hidden = false;
    $("#sign-in-error").textContent = error.message;
  }
}

$("#sign-in-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  $("#sign-in-error").textContent = "";
  sessionStorage.setItem(keyStorage, $("#api-key").value.trim());
  $("#api-key").value = "";
  await start();
});

$("#sign-out").addEventListener("click", () => {
  sessionStorage.removeItem(keyStorage);
  start();
});

window.addEventListener("hashchange", route);
start();
