/**
 * ML Test Score monitoring section adapted to seven tests M1–M7 (ROADMAP.md §4.4): 1 per automated
 * test, 0.5 per manual one, 0 when absent; the portfolio takes min and median, read with the paper's bands.
 */

/** How one monitoring test is implemented for a model. */
export type MonitoringTestState = "automated" | "manual" | "absent";

/** The seven monitoring tests; M5 has no manual form. */
export type MonitoringTestId = "M1" | "M2" | "M3" | "M4" | "M5" | "M6" | "M7";

/** Score 0–7 of one model from its test states (M5 manual counts as absent). */
export function computeMonitoringTestScore(
  tests: Partial<Record<MonitoringTestId, MonitoringTestState>>,
): number {
  let score = 0;
  for (const [id, state] of Object.entries(tests)) {
    if (state === "automated") score += 1;
    else if (state === "manual" && id !== "M5") score += 0.5;
  }
  return score;
}

/** Min and median over the per-model scores; both null when there are no models. */
export function summariseMonitoringTestScores(perModel: Record<string, number>): {
  min: number | null;
  median: number | null;
} {
  const values = Object.values(perModel).sort((a, b) => a - b);
  if (values.length === 0) return { min: null, median: null };
  const mid = values.length >> 1;
  const median = values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
  return { min: values[0]!, median };
}

/** The ML Test Score interpretation band of a score. */
export function deriveMonitoringTestBand(score: number): string {
  if (score <= 0) return "More of a research project than a productionized system.";
  if (score <= 1) return "Not totally untested, but serious holes in reliability are possible.";
  if (score <= 2) return "A first pass at basic productionization; more investment may be needed.";
  if (score <= 3) return "Reasonably tested; more tests and procedures could be automated.";
  if (score <= 5) return "Strong automated testing and monitoring, appropriate for mission-critical systems.";
  return "Exceptional levels of automated testing and monitoring.";
}
