// One draft as this page holds it: the content it last read or saved (the base of "reload and reapply"), that
// content's ETag for If-Match, and whether the page holds changes not saved yet. Every save on the page goes
// through it, so two people saving one draft never overwrite each other unseen.
import { api, h } from "./core.js";
import { changedPaths, threeWay, writeAt } from "./merge.js";
import { zoned } from "./times.js";

export function draftState(path, detail) {
  let tag = `"${detail.summary.hash}"`;
  const draft = {
    path,
    base: structuredClone(detail.content),
    unsaved: false,
    /** The ETag of what this page last read or saved: submitting sends it, so nobody submits content unseen. */
    get tag() { return tag; },
    /** Saves `content` if nobody saved since this page read it; a 412 ApiError otherwise. */
    async save(content) {
      const summary = await api(path, { method: "PUT", body: content, headers: { "If-Match": tag } });
      tag = `"${summary.hash}"`;
      draft.base = structuredClone(content);
      draft.unsaved = false;
      return summary;
    },
    /** Takes `fresh` (a version read again) as the new base and tag. */
    adopt(fresh) {
      tag = `"${fresh.summary.hash}"`;
      draft.base = structuredClone(fresh.content);
    },
  };
  return draft;
}

const shown = (value) => (value === undefined ? "(none)" : JSON.stringify(value));

function choice(conflict, merged, i, redraw) {
  const option = (side, value) => h("label", { class: "pair" },
    h("input", { type: "radio", name: `conflict-${i}`, value: side, checked: side === "mine",
      "data-testid": `keep-${side}`, onchange: () => { writeAt(merged, conflict.segments, value); redraw(); } }),
    ` ${side === "mine" ? "Keep mine" : "Keep theirs"}: `, h("code", {}, shown(value)));
  return h("fieldset", { class: "merge-conflict", "data-testid": "merge-conflict" },
    h("legend", {}, h("code", {}, conflict.path), " was changed by both"),
    option("mine", conflict.mine), option("theirs", conflict.theirs));
}

// Who saved in the meantime, and when, as the 412 names them (the trail's last save of the draft).
function lastWriter(refused) {
  const { savedBy, savedAt } = refused.problem ?? {};
  if (!savedBy) return ["someone saved this draft after this page read it"];
  return [h("span", { "data-testid": "last-writer" }, `${savedBy} saved this draft at `,
    h("time", { datetime: savedAt }, zoned(savedAt)), " after this page read it")];
}

/**
 * What a 412 (`refused`) on saving `mine()` shows beside the save control: who saved this draft meanwhile and
 * when, who else writes it, what they changed, and "Reload and reapply my changes", which lays this page's edits
 * onto their saved draft and hands the merged content to `reapplied(merged)`; values both changed are offered as
 * a choice before saving again.
 */
export async function conflictPanel(draft, refused, mine, reapplied) {
  const fresh = await api(draft.path);
  const theirs = changedPaths(draft.base, fresh.content);
  const panel = h("div", { class: "conflict", role: "alert", "data-testid": "conflict" });
  const reapply = h("button", { type: "button", "data-testid": "reapply", onclick: () => {
    const { merged, conflicts } = threeWay(draft.base, mine(), fresh.content);
    draft.adopt(fresh);
    draft.unsaved = true;
    reapplied(merged);
    panel.replaceChildren(h("p", { "data-testid": "reapplied" }, conflicts.length === 0
      ? "Your changes are reapplied onto the saved draft: save to keep both."
      : `Your changes are reapplied; ${conflicts.length} value(s) were changed by both: choose, then save.`),
    ...conflicts.map((conflict, i) => choice(conflict, merged, i, () => reapplied(merged))));
  } }, "Reload and reapply my changes");
  panel.append(h("p", {}, "Not saved: ", ...lastWriter(refused),
    ` (written so far by ${fresh.contributors.join(", ")}). Their save changed ${theirs.length} value(s): `,
  ...theirs.slice(0, 5).flatMap((p, i) => [i ? ", " : "", h("code", {}, p)]), theirs.length > 5 ? "…" : "", "."),
  reapply);
  return panel;
}
