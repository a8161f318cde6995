// "Reload and reapply": this page's own edits (from what it loaded, the base, to what it holds, mine) laid onto
// what someone else saved meanwhile (theirs), value by value. A value only one side changed takes that side's;
// where both changed one value differently it is a conflict, listed by JSON path for the person to choose.
import { pathText } from "./schema-hints.js";

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/** `{ merged, conflicts }`; a conflict is `{ path, segments, mine, theirs }` and `merged` holds mine there. */
export function threeWay(base, mine, theirs) {
  const conflicts = [];
  const merge = (b, m, t, segments) => {
    if (same(m, b) || same(m, t)) return t;
    if (same(t, b)) return m;
    if (isObject(b) && isObject(m) && isObject(t)) {
      // Their key order first, so the saved JSON reads like theirs and the diff stays small.
      const keys = [...new Set([...Object.keys(t), ...Object.keys(m)])];
      const entries = keys.map((k) => [k, merge(b[k], m[k], t[k], [...segments, k])]);
      return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
    }
    // Lists of one length merge item by item; a list one side lengthened or shortened is decided whole.
    if ([b, m, t].every(Array.isArray) && b.length === m.length && m.length === t.length) {
      return t.map((item, i) => merge(b[i], m[i], item, [...segments, i]));
    }
    conflicts.push({ path: pathText(segments), segments, mine: m, theirs: t });
    return m;
  };
  return { merged: merge(base, mine, theirs, []), conflicts };
}

/** Writes `value` at `segments` in `document` (undefined removes the property). */
export function writeAt(document, segments, value) {
  if (segments.length === 0) return value;
  const parent = segments.slice(0, -1).reduce((node, key) => node[key], document);
  const last = segments.at(-1);
  if (value === undefined) delete parent[last]; else parent[last] = value;
  return document;
}

/** The JSON paths where `after` differs from `before`, as deep as both are objects or same-length lists. */
export function changedPaths(before, after, segments = []) {
  if (same(before, after)) return [];
  const both = (isObject(before) && isObject(after))
    || (Array.isArray(before) && Array.isArray(after) && before.length === after.length);
  if (!both) return [pathText(segments)];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.flatMap((k) => changedPaths(before[k], after[k], [...segments, Array.isArray(after) ? Number(k) : k]));
}
