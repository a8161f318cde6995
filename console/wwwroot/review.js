// A version's review: who wrote, submitted and reviewed it, and the steps the signed-in role may take next.
// Approving and rejecting need a comment (refused beside the field) and a confirmation.
import { act, api, h } from "./core.js";
import { confirmStep } from "./confirm.js";
import { zoneLabel } from "./zone.js";

export function reviewSection(me, detail, base, status, reload) {
  const summary = detail.summary;
  const title = `${detail.name} v${summary.version}`;
  const comment = h("input", { id: "review-comment", "aria-describedby": "review-comment-error" });
  const missing = h("p", { id: "review-comment-error", class: "error", "data-testid": "comment-error" });
  const zone = zoneLabel();
  const when = h("input", { id: "activate-at", type: "datetime-local" });
  const step = (label, path, body, question) => h("button", { type: "button", id: label.toLowerCase().split(" ")[0], onclick: async () => {
    if (question && !comment.value.trim()) {
      missing.textContent = `${label} needs a comment: say why; it goes into the audit trail.`;
      comment.setAttribute("aria-invalid", "true");
      comment.focus();
      return;
    }
    missing.textContent = "";
    comment.removeAttribute("aria-invalid");
    if (question && !(await confirmStep(question, label))) return;
    await act(status, label, () => api(`${base}/${path}`, { method: "POST", body: body() }));
    reload();
  } }, label);
  const review = h("section", { "aria-labelledby": "review-title" }, h("h2", { id: "review-title" }, "Review"),
    h("p", { id: "four-eyes" }, `Written by ${summary.author}`, summary.submittedBy ? ` · submitted by ${summary.submittedBy}` : "",
      summary.reviewedBy ? ` · ${summary.status === "rejected" ? "rejected" : "approved"} by ${summary.reviewedBy}: “${summary.reviewComment ?? ""}”` : ""),
    h("label", { for: "review-comment" }, "Comment"), comment, missing);
  if (summary.status === "draft" && me.capabilities.includes("edit")) review.append(step("Submit for review", "submit", () => ({ comment: comment.value })));
  // Four eyes: whoever wrote any of the content gets no review control (the API would refuse them anyway).
  const wrote = detail.contributors.includes(me.name);
  if (summary.status === "submitted" && me.capabilities.includes("approve") && wrote) {
    review.append(h("p", { "data-testid": "own-version" }, "You wrote content of this version: another approver reviews it."));
  } else if (summary.status === "submitted" && me.capabilities.includes("approve")) {
    review.append(step("Approve", "approve", () => ({ comment: comment.value }), `Approve ${title}? It can then be activated.`),
      step("Reject", "reject", () => ({ comment: comment.value }), `Reject ${title}? It goes back to its author.`));
  }
  if (summary.status === "approved" && me.capabilities.includes("approve")) {
    // datetime-local has no zone: the browser reads it in its own, which the label names.
    review.append(h("label", { for: "activate-at", "data-testid": "activate-at-label" }, `Activate at, in your time zone ${zone} (empty: now)`), when,
      step("Activate", "activate", () => ({ comment: comment.value, effectiveAt: when.value ? new Date(when.value).toISOString() : undefined })));
  }

  return review;
}
