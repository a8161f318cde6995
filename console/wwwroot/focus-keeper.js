// A button that re-renders its part of the page (move a rule up, add a condition, show a section rule by rule)
// replaces itself; focus would fall back to the start of the page and a keyboard user Tab from the top again. After
// such a click, focus goes to the same control in its new rendering, found by its id, or inside the nearest part of
// the page that is still there (by data-testid) by its data-testid or words; failing that, to that part's first
// control.
const controls = "button, input, select, textarea, a[href], summary";

function describe(button) {
  const scopes = [];
  const outer = (element) => element.parentElement?.closest("[data-testid]");
  for (let part = outer(button); part; part = outer(part)) scopes.push(part.dataset.testid);
  const { id, dataset: { testid }, textContent: text } = button;
  return { id, testid, label: button.getAttribute("aria-label"), text, scopes };
}

const same = (control, button) => (button.testid ? control.dataset.testid === button.testid
  : control.getAttribute("aria-label") === button.label && control.textContent === button.text);

function candidates(button) {
  const byId = button.id ? [document.getElementById(button.id)].filter(Boolean) : [];
  for (const testid of button.scopes) {
    const part = document.querySelector(`[data-testid="${CSS.escape(testid)}"]`);
    if (!part) continue;
    const inside = [...part.querySelectorAll(controls)].filter((control) => !control.disabled);
    return [...byId, ...inside.filter((control) => same(control, button)), ...inside];
  }
  return byId;
}

document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("button") : null;
  if (!button) return;
  const described = describe(button);
  setTimeout(() => {
    if (button.isConnected || (document.activeElement && document.activeElement !== document.body)) return;
    for (const control of candidates(described)) {
      control.focus();
      if (document.activeElement === control) return;
    }
  }, 0);
}, true);
