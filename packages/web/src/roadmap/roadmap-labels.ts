/** Display helpers of the roadmap page: readable names of enum values and the colour band of a level. */

/** "model_registry_ownership" → "model registry ownership". */
export function toReadableName(value: string): string {
  return value.replaceAll("_", " ");
}

/** A maturity level (0–4, null = n/a) as a chip text. */
export function formatLevel(level: number | null): string {
  return level === null ? "n/a" : `L${level}`;
}

/** The colour band of a maturity level. */
export function toLevelTone(level: number | null): "good" | "partial" | "poor" | "neutral" {
  if (level === null) return "neutral";
  if (level >= 3) return "good";
  return level >= 1 ? "partial" : "poor";
}

/** The colour band of a blueprint status or checklist status. */
export function toStatusTone(status: string): "good" | "partial" | "poor" | "neutral" {
  if (status === "covered" || status === "pass") return "good";
  if (status === "partial") return "partial";
  if (status === "gap" || status === "fail") return "poor";
  return "neutral";
}

/** A ratio 0–1 as a percentage. */
export function formatPercent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? "n/a" : `${Math.round(ratio * 100)}%`;
}
