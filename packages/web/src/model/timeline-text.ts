/**
 * Display form of incident timeline entries: server details carry raw ISO instants and full-precision
 * values, which read badly in a list; long runs of violations are folded behind the latest few.
 */

const isoInstant = /(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):\d{2}(?:\.\d+)?Z/g;
const longDecimal = /-?\d+\.\d{4,}/g;

/** Rewrites ISO instants as "YYYY-MM-DD HH:MM" and long decimals to 3 significant digits. */
export function toReadableDetail(detail: string | null): string {
  if (detail === null) return "";
  return detail
    .replace(isoInstant, "$1 $2")
    .replace(longDecimal, (text) => String(Number(Number(text).toPrecision(3))));
}

/** Entries to show: every non-violation entry plus the latest `keepViolations` violations, in order. */
export function selectVisibleTimeline<T extends { readonly kind: string }>(
  entries: readonly T[],
  keepViolations: number,
): { visible: T[]; hidden: number } {
  const violationIndexes = entries.flatMap((entry, index) => (entry.kind === "violation" ? [index] : []));
  const hiddenIndexes = new Set(
    violationIndexes.slice(0, Math.max(0, violationIndexes.length - keepViolations)),
  );
  return {
    visible: entries.filter((_, index) => !hiddenIndexes.has(index)),
    hidden: hiddenIndexes.size,
  };
}
