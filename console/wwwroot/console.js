// The console is a thin client of the HTTP API: every call carries the signed-in key, so it can do
// exactly what the key's role may do, and every change it makes is in the audit trail.
const keyStorage = "decisions.apiKey";
const $ = (selector) => document.querySelector(selector);

async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { "X-Api-Key": sessionStorage.getItem(keyStorage) ?? "", "Content-Type": "application/json", ...(options.headers ?? {}) },
  });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error(explain(response.status, body));
    error.status = response.status;
    throw error;
  }
  return body;
}

// Problems in words a product manager understands; the details stay available in the API.
function explain(status, problem) {
  switch (status) {
    case 401: return "That key was not recognised. Check it and try again.";
    case 403: return problem?.detail ?? "Your role does not allow this.";
    case 404: return problem?.detail ?? "That was not found.";
    case 409: return problem?.detail ?? "Someone changed this in the meantime. Reload and try again.";
    case 422: return problem?.title ?? "Some values are not valid.";
    case 429: return "Too many requests. Wait a moment and try again.";
    default: return problem?.title ?? `The service answered ${status}.`;
  }
}

function show(section) {
  for (const id of ["sign-in", "overview"]) {
    $(`#${id}`).hidden = id !== section;
  }
  $("#main").focus();
}

function text(value) {
  const span = document.createElement("span");
  span.textContent = value;
  return span;
}

function cell(label, ...children) {
  const td = document.createElement("td");
  td.dataset.label = label;
  td.append(...children);
  return td;
}

async function renderOverview(me) {
  show("overview");
  const tbody = $("#rule-sets tbody");
  tbody.replaceChildren();
  if (!me.capabilities.includes("read")) {
    $("#overview-note").textContent = "Tellers use the HTTP API for decisions; the console has nothing for this role.";
    $("#rule-sets").hidden = true;
    return;
  }
  $("#rule-sets").hidden = false;
  $("#overview-note").textContent = "";
  for (const ruleSet of await api("/v1/rulesets")) {
    const row = document.createElement("tr");
    row.dataset.ruleSet = ruleSet.name;
    const inProgress = ruleSet.versions.filter((v) => v.status === "Draft" || v.status === "Submitted");
    const versions = ruleSet.versions.map((v) => {
      const badge = text(`v${v.version} ${v.status}`);
      badge.className = `status ${v.status}`;
      badge.title = `by ${v.author}${v.reviewedBy ? `, reviewed by ${v.reviewedBy}` : ""}`;
      return badge;
    });
    row.append(
      cell("Rule set", text(ruleSet.name)),
      cell("Active", text(ruleSet.activeVersion ? `v${ruleSet.activeVersion}` : "none")),
      cell("Scheduled", text(ruleSet.scheduled.map((a) => `v${a.version} at ${new Date(a.effectiveAt).toLocaleString()}`).join(", ") || "none")),
      cell("In progress", text(inProgress.map((v) => `v${v.version} ${v.status.toLowerCase()}`).join(", ") || "none")),
      cell("Versions", ...versions),
    );
    tbody.append(row);
  }
}

async function start() {
  if (!sessionStorage.getItem(keyStorage)) {
    $("#who").textContent = "";
    $("#sign-out").hidden = true;
    show("sign-in");
    return;
  }
  try {
    const me = await api("/v1/me");
    $("#who").textContent = `Signed in as ${me.name} (${me.role})`;
    $("#sign-out").hidden = false;
    await renderOverview(me);
  } catch (error) {
    sessionStorage.removeItem(keyStorage);
    show("sign-in");
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

start();
