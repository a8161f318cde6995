// Leaving a page with unsaved changes asks first: an in-page dialog for the console's own links and for Back and
// Forward (stay, or leave and lose them), the browser's own prompt for closing or reloading the tab. The page
// says what is unsaved. Imported before console.js runs, so its hashchange listener comes before the router's.
import { h } from "./core.js";

let unsaved = () => false;

/** `isUnsaved()` is asked before the page is left; the page that registers last is the one shown. */
export function guardLeaving(isUnsaved) {
  unsaved = isUnsaved;
}

window.addEventListener("beforeunload", (event) => {
  if (unsaved()) event.preventDefault();
});

function ask(href) {
  const dialog = h("dialog", { "aria-labelledby": "leave-title", "data-testid": "leave-dialog" },
    h("h2", { id: "leave-title" }, "Leave without saving?"),
    h("p", {}, "This draft has changes that are not saved. Leaving loses them."),
    h("div", { class: "inline" },
      h("button", { type: "button", "data-testid": "leave-stay", onclick: () => dialog.close() }, "Stay"),
      h("button", { type: "button", "data-testid": "leave-confirm", onclick: () => {
        unsaved = () => false;
        dialog.close();
        location.hash = href;
      } }, "Leave without saving")));
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

document.addEventListener("click", (event) => {
  const link = event.target.closest?.("a[href^='#']");
  if (!link || link.getAttribute("href") === location.hash || !unsaved()) return;
  event.preventDefault();
  ask(link.getAttribute("href"));
}, true);

// Back or Forward has already changed the address: the router is held, the address put back, and the person asked.
window.addEventListener("hashchange", (event) => {
  if (!event.oldURL || event.oldURL === event.newURL || !unsaved()) return;
  event.stopImmediatePropagation();
  const target = new URL(event.newURL).hash;
  history.replaceState(null, "", event.oldURL);
  ask(target);
});
