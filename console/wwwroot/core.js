// Shared by every page: calls to the API with the signed-in key, problems in plain words, small DOM helpers.
export const keyStorage = "decisions.apiKey";

export class ApiError extends Error {
  constructor(status, problem) {
    super(explain(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

export async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { "X-Api-Key": sessionStorage.getItem(keyStorage) ?? "", "Content-Type": "application/json",
      ...(options.headers ?? {}) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return body;
}

/** Every item of a list, following its pages' `next` cursors (lists answer `{ items, limit, next }`). */
export async function everyItem(path) {
  const items = [];
  let next = null;
  do {
    const separator = path.includes("?") ? "&" : "?";
    const page = await api(next === null ? path : `${path}${separator}cursor=${encodeURIComponent(next)}`);
    items.push(...page.items);
    next = page.next;
  } while (next);
  return items;
}

/** A version's status as the console shows it: the API's kebab-case code, capitalised ("approved" reads "Approved"). */
export const statusLabel = (status) => status.charAt(0).toUpperCase() + status.slice(1);

// Problems in words a product manager understands; the paths and details stay visible beside them.
function explain(status, problem) {
  switch (status) {
    case 401: return "That key was not recognised. Check it and try again.";
    case 403: return problem?.detail ?? "Your role does not allow this.";
    case 404: return problem?.detail ?? "That was not found.";
    case 409: return problem?.detail ?? "Someone changed this in the meantime. Reload and try again.";
    case 422: return problem?.detail ?? "Some values are not valid.";
    case 429: return "Too many requests. Wait a moment and try again.";
    default: return problem?.detail ?? problem?.title ?? `The service answered ${status}.`;
  }
}

/** Creates an element: h("button", { type: "button", onclick }, "Save"). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "onclick" && tag === "button") element.addEventListener("click", whileBusy(element, value));
    else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

// A button stays disabled while the work it started runs: a double click sends one request, not two.
const whileBusy = (button, handler) => async (event) => {
  button.disabled = true;
  try {
    await handler(event);
  } finally {
    button.disabled = false;
  }
};

/** A table with a caption and a header row; each row is a list of [label, content] cells. */
export function table(caption, headers, rows, id) {
  return h("div", { class: "table-wrap" }, h("table", { id },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, headers.map((header) => h("th", { scope: "col" }, header)))),
    h("tbody", {},
      rows.map((row) => h("tr", row.attributes ?? {},
        row.cells.map((content, i) => h("td", { "data-label": headers[i] }, content)))))));
}

/** Runs an action, shows progress without blocking the page, and reports the outcome in the status line. */
export async function act(status, label, action) {
  status.textContent = `${label}…`;
  status.className = "status-line busy";
  status.setAttribute("aria-busy", "true");
  try {
    const result = await action();
    status.textContent = `${label}: done.`;
    status.className = "status-line ok";
    return result;
  } catch (error) {
    showFailure(status, error);
    throw error;
  } finally {
    status.removeAttribute("aria-busy");
  }
}

/** A failure in `status`: the problem's words, and under them each refused value with its JSON path. */
export function showFailure(status, error) {
  const errors = error.problem?.errors ?? [];
  status.replaceChildren(error.message, errors.length ? problemList(errors) : "");
  status.className = "status-line error";
}

export function problemList(problems) {
  return h("ul", { class: "problems" },
    problems.map((p) => h("li", {}, h("code", {}, p.path || "(file)"), " ", p.message)));
}
