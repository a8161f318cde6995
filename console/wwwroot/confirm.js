// An in-page confirmation: a native confirm() would be dismissed unseen by test browsers and looks like a popup ad.
import { h } from "./core.js";

/** Asks `question` in a modal <dialog>; resolves true when `action` is chosen, false when cancelled. */
export function confirmStep(question, action) {
  return new Promise((resolve) => {
    const close = (answer) => { dialog.close(); dialog.remove(); resolve(answer); };
    const dialog = h("dialog", { "data-testid": "confirm-dialog", "aria-labelledby": "confirm-question" },
      h("p", { id: "confirm-question" }, question),
      h("div", { class: "dialog-buttons" },
        h("button", { type: "button", "data-testid": "confirm-yes", onclick: () => close(true) }, action),
        h("button", { type: "button", "data-testid": "confirm-no", onclick: () => close(false) }, "Cancel")));
    dialog.addEventListener("cancel", (event) => { event.preventDefault(); close(false); });
    document.body.append(dialog);
    dialog.showModal();
  });
}
