// "Reload and reapply": this page's own edits (from what it loaded, the base, to what it holds, mine) laid onto
// what someone else saved meanwhile (theirs), value by value. A value only one side changed takes that side's;
// where both changed one value differently it is a conflict, listed by JSON path for the person to choose.
import { pathText } from "./schema-hints.js";

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
// Rules are known by their code, tests and scores by their name: such lists merge item by item whatever moved.
const id = (item) => (isObject(item) ? item.code ?? item.name : undefined);
const ids = (list) => list.map(id);
const keyed = (list) => list.every((item) => typeof id(item) === "string") && new Set(ids(list)).size === list.length;

/** The merged list's order: mine if only I added, removed or moved items; else theirs, less what I removed, plus
 * what I added (each after the item it follows in mine). */
function order(b, m, t) {
  if (same(ids(t), ids(b))) return ids(m);
  const [base, mine, theirs] = [b, m, t].map((list) => new Set(ids(list)));
  const merged = ids(t).filter((key) => mine.has(key) || !base.has(key));
  ids(m).forEach((key, i) => {
    if (!base.has(key) && !theirs.has(key)) merged.splice(i === 0 ? 0 : merged.indexOf(ids(m)[i - 1]) + 1, 0, key);
  });
  return merged;
}

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
    if ([b, m, t].every(Array.isArray) && [b, m, t].every(keyed)) {
      const [base, mine, theirs] = [b, m, t].map((list) => new Map(list.map((item) => [id(item), item])));
      return order(b, m, t).map((key, i) => merge(base.get(key), mine.get(key), theirs.get(key), [...segments, i]));
    }
    // Other lists of one length merge item by item; one that a side lengthened or shortened is decided whole.
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
