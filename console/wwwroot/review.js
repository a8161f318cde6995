// A version's review: who wrote, submitted and reviewed it, and the steps the signed-in role may take next.
import { act, api, h } from "./core.js";

export function reviewSection(me, detail, base, status, reload) {
  const summary = detail.summary;
  const comment = h("input", { id: "review-comment", "aria-label": "Comment for the trail" });
  const when = h("input", { id: "activate-at", type: "datetime-local", "aria-label": "Activate at (empty: now)" });
  const step = (label, path, body) => h("button", { type: "button", id: label.toLowerCase().split(" ")[0], onclick: async () => {
    await act(status, label, () => api(`${base}/${path}`, { method: "POST", body: body() }));
    reload();
  } }, label);
  const review = h("section", { "aria-labelledby": "review-title" }, h("h2", { id: "review-title" }, "Review"),
    h("p", { id: "four-eyes" }, `Written by ${summary.author}`, summary.submittedBy ? ` · submitted by ${summary.submittedBy}` : "",
      summary.reviewedBy ? ` · ${summary.status === "rejected" ? "rejected" : "approved"} by ${summary.reviewedBy}: “${summary.reviewComment ?? ""}”` : ""),
    h("label", { for: "review-comment" }, "Comment"), comment);
  if (summary.status === "draft" && me.capabilities.includes("edit")) review.append(step("Submit for review", "submit", () => ({ comment: comment.value })));
  // Four eyes: whoever wrote any of the content gets no review control (the API would refuse them anyway).
  const wrote = detail.contributors.includes(me.name);
  if (summary.status === "submitted" && me.capabilities.includes("approve") && wrote) {
    review.append(h("p", { "data-testid": "own-version" }, "You wrote content of this version: another approver reviews it."));
  } else if (summary.status === "submitted" && me.capabilities.includes("approve")) {
    review.append(step("Approve", "approve", () => ({ comment: comment.value })), step("Reject", "reject", () => ({ comment: comment.value })));
  }
  if (summary.status === "approved" && me.capabilities.includes("approve")) {
    review.append(h("label", { for: "activate-at" }, "Activate at (empty: now)"), when,
      step("Activate", "activate", () => ({ comment: comment.value, effectiveAt: when.value ? new Date(when.value).toISOString() : undefined })));
  }

  return review;
}
