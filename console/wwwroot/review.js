// A version's review: who wrote, submitted and reviewed it, and the steps the signed-in role may take next.
// Approving and rejecting need a comment (refused beside the field) and a confirmation.
import { act, api, h } from "./core.js";
import { confirmStep } from "./confirm.js";
import { zoneLabel } from "./times.js";

/** `seen()` answers the ETag of the content this page shows; a submit carries it as If-Match. */
export function reviewSection(me, detail, base, status, reload, seen) {
  const summary = detail.summary;
  const title = `${detail.name} v${summary.version}`;
  const can = (capability) => me.capabilities.includes(capability);
  const comment = h("input", { id: "review-comment", "aria-describedby": "review-comment-error" });
  const missing = h("p", { id: "review-comment-error", class: "error", "data-testid": "comment-error" });
  const when = h("input", { id: "activate-at", type: "datetime-local" });
  const refuse = (label) => {
    missing.textContent = label ? `${label} needs a comment: say why; it goes into the audit trail.` : "";
    if (label) comment.setAttribute("aria-invalid", "true");
    else comment.removeAttribute("aria-invalid");
  };
  const step = (label, path, body, question, headers = () => ({})) => h("button", {
    type: "button", id: label.toLowerCase().split(" ")[0], onclick: async () => {
      if (question && !comment.value.trim()) {
        refuse(label);
        comment.focus();
        return;
      }
      refuse(null);
      if (question && !(await confirmStep(question, label))) return;
      await act(status, label, () => api(`${base}/${path}`, { method: "POST", body: body(), headers: headers() }));
      reload();
    },
  }, label);
  const withComment = () => ({ comment: comment.value });
  const verdict = summary.status === "rejected" ? "rejected" : "approved";
  const reviewed = summary.reviewedBy ? ` · ${verdict} by ${summary.reviewedBy}: “${summary.reviewComment ?? ""}”` : "";
  const review = h("section", { "aria-labelledby": "review-title" }, h("h2", { id: "review-title" }, "Review"),
    h("p", { id: "four-eyes" }, `Written by ${summary.author}`,
      summary.submittedBy ? ` · submitted by ${summary.submittedBy}` : "", reviewed),
    h("label", { for: "review-comment" }, "Comment"), comment, missing);
  if (summary.status === "draft" && can("edit")) {
    // The version submitted is the one this page shows: if someone saved since, the API answers 412 and names them.
    review.append(step("Submit for review", "submit", withComment, null, () => ({ "If-Match": seen() })));
  }
  // Four eyes: whoever wrote any of the content gets no review control (the API would refuse them anyway).
  const wrote = detail.contributors.includes(me.name);
  if (summary.status === "submitted" && can("approve") && wrote) {
    review.append(h("p", { "data-testid": "own-version" },
      "You wrote content of this version: another approver reviews it."));
  } else if (summary.status === "submitted" && can("approve")) {
    review.append(step("Approve", "approve", withComment, `Approve ${title}? It can then be activated.`),
      step("Reject", "reject", withComment, `Reject ${title}? It goes back to its author.`));
  }
  if (summary.status === "approved" && can("approve")) {
    // datetime-local has no zone: the browser reads it in its own, which the label names.
    const at = () => when.value ? new Date(when.value).toISOString() : undefined;
    review.append(h("label", { for: "activate-at", "data-testid": "activate-at-label" },
      `Activate at, in your time zone ${zoneLabel()} (empty: now)`), when,
    step("Activate", "activate", () => ({ comment: comment.value, effectiveAt: at() })));
  }

  return review;
}
