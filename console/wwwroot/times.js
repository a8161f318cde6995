// Instants as a person reads and types them: in the browser's time zone, named beside every field and time.
const two = (n) => String(n).padStart(2, "0");

/** The zone a time is read in, with its offset on that date: "Asia/Shanghai (UTC+08:00)". */
export function zoneOf(date = new Date()) {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? "−" : "+";
  const name = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return `${name} (UTC${sign}${two(Math.floor(Math.abs(minutes) / 60))}:${two(Math.abs(minutes) % 60)})`;
}

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
