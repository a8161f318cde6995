// Instants as a person reads and types them: in the browser's time zone, named beside every field and time; an
// activation time means nothing to a reviewer unless it says whose clock it is.
const two = (n) => String(n).padStart(2, "0");

/** An instant (ISO 8601, any offset) as the value of a datetime-local field, to the second. */
export function localField(iso) {
  const d = new Date(iso);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`
    + `:${two(d.getSeconds())}`;
}

/** A datetime-local field's value as an instant (ISO 8601, UTC); undefined when empty. */
export const instant = (field) => (field.value ? new Date(field.value).toISOString() : undefined);

/** An instant to read: date and time in the browser's zone. */
export const when = (iso) => new Date(iso).toLocaleString();

/** The browser's time zone, IANA name, e.g. "Asia/Shanghai". */
export const zoneName = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The browser zone's offset from UTC at a moment, e.g. "UTC+08:00". */
export function utcOffset(at = new Date()) {
  const minutes = -at.getTimezoneOffset();
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** The browser's zone as a label names it: "Asia/Shanghai, UTC+08:00". */
export const zoneLabel = (at = new Date()) => `${zoneName()}, ${utcOffset(at)}`;

/**
 * A moment in the browser's zone, named, and in UTC:
 * "2026年6月18日 10:00 (Asia/Shanghai, UTC+08:00) · 2026-06-18 02:00 UTC".
 */
export function zoned(iso) {
  const at = new Date(iso);
  const local = at.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  return `${local} (${zoneLabel(at)}) · ${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
