/**
 * UTC offsets of IANA time zones from the standard `Intl.DateTimeFormat` (no I/O, no clock): the offset at
 * an instant is the zone's wall-clock reading minus the instant, at one-second resolution as tzdb is.
 * Formatters are memoised per zone because constructing one costs far more than formatting.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function selectFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // Throws RangeError for an unknown zone: a configuration error the caller validates with isValidTimeZone.
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is "UTC" or an IANA zone name this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    selectFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** True for the zones whose offset is always zero, so callers can skip Intl entirely. */
export function isUtcTimeZone(timeZone: string | undefined): boolean {
  return timeZone === undefined || timeZone === "UTC" || timeZone === "Etc/UTC" || timeZone === "GMT";
}

/** Offset in ms of `timeZone` at instant `atMs` (local wall clock = atMs + offset); Berlin in summer → 7_200_000. */
export function computeTimeZoneOffsetMs(atMs: number, timeZone: string): number {
  if (isUtcTimeZone(timeZone)) return 0;
  const wholeSecondMs = Math.floor(atMs / 1000) * 1000;
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of selectFormatter(timeZone).formatToParts(wholeSecondMs)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  // setUTCFullYear keeps years 0-99 literal, which Date.UTC would map to 1900-1999.
  const local = new Date(0);
  local.setUTCFullYear(fields.year, fields.month - 1, fields.day);
  local.setUTCHours(fields.hour, fields.minute, fields.second, 0);
  return local.getTime() - wholeSecondMs;
}
