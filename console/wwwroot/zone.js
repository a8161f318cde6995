// Times with their zone: an activation time means nothing to a reviewer unless it says whose clock it is.

/** The browser's time zone, IANA name, e.g. "Asia/Shanghai". */
export const zoneName = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The browser zone's offset from UTC at a moment, e.g. "UTC+08:00". */
export function utcOffset(at = new Date()) {
  const minutes = -at.getTimezoneOffset();
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** The browser's zone as a label names it: "Asia/Shanghai, UTC+08:00". */
export const zoneLabel = (at = new Date()) => `${zoneName()}, ${utcOffset(at)}`;

/** A moment in the browser's zone, named, and in UTC: "2026年6月18日 10:00 (Asia/Shanghai, UTC+08:00) · 2026-06-18 02:00 UTC". */
export function zoned(iso) {
  const at = new Date(iso);
  const local = at.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  return `${local} (${zoneLabel(at)}) · ${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
