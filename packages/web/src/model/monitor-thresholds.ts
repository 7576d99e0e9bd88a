/** Threshold lines of a monitor's condition, for charts and the editor preview; and a window's verdict against them. */
import type { MonitorCondition } from "@sextant/sdk";

/** A labelled horizontal line. */
export interface ThresholdLine {
  readonly label: string;
  readonly value: number;
}

/** The fixed threshold lines of a condition (relative and learned conditions have none to draw). */
export function deriveThresholdLines(condition: MonitorCondition): ThresholdLine[] {
  const lines: ThresholdLine[] = [];
  const add = (label: string, value: number | undefined): void => {
    if (value !== undefined) lines.push({ label, value });
  };
  if (condition.kind === "fixed") {
    add("warning", condition.warning);
    add("critical", condition.critical);
  } else if (condition.kind === "fixed_range") {
    add("lower warning", condition.lowerWarning);
    add("lower critical", condition.lowerCritical);
    add("upper warning", condition.upperWarning);
    add("upper critical", condition.upperCritical);
  }
  return lines;
}

/** The severity a value would get under a fixed condition; null when the condition is not fixed. */
export function deriveFixedSeverity(
  condition: MonitorCondition,
  value: number,
): "none" | "warning" | "critical" | null {
  const beyond = (limit: number | undefined, above: boolean): boolean =>
    limit !== undefined && (above ? value > limit : value < limit);
  if (condition.kind === "fixed") {
    const above = condition.direction === "lower_is_better";
    if (beyond(condition.critical, above)) return "critical";
    if (beyond(condition.warning, above)) return "warning";
    return "none";
  }
  if (condition.kind === "fixed_range") {
    if (beyond(condition.upperCritical, true) || beyond(condition.lowerCritical, false)) return "critical";
    if (beyond(condition.upperWarning, true) || beyond(condition.lowerWarning, false)) return "warning";
    return "none";
  }
  return null;
}
