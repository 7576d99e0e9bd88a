/**
 * The demo's monitor set on the loan-default model (dataset and per-feature drift, data quality, realised
 * and CBPE-estimated F1, fairness on the age band, revenue KPI), backfilled from the start of the demo
 * traffic at seeding so a fresh server shows results, the drift and its incident. The backfill replays the
 * days in order (all monitors at every other day's end), as the scheduler would have, so violations of different
 * monitors on the same days group into one incident with a true timeline.
 */
import type { CreateMonitor } from "@sextant/sdk";
import { createMonitorSchema } from "@sextant/sdk";
import type { MonitoringServices } from "../monitoring/monitoring-services.js";

type MonitorInput = Omit<CreateMonitor, "versionId" | "baseline" | "window" | "evaluateFrom">;

const driftCondition = {
  kind: "fixed",
  direction: "lower_is_better",
  warning: 0.1,
  critical: 0.25,
} as const;

/** The key features watched one by one (the dataset drift monitor covers every feature). */
const keyFeatures = ["credit_score", "debt_to_income", "loan_purpose", "annual_income"] as const;

/** The demo monitor definitions (without version, baseline, window and start). */
export const demoMonitorInputs: readonly MonitorInput[] = [
  {
    name: "Feature drift share",
    description: "share of features whose distribution moved away from the training set",
    kind: "dataset_drift",
    metric: "drift_share",
    condition: { kind: "fixed", direction: "lower_is_better", warning: 0.3, critical: 0.5 },
  },
  ...keyFeatures.map((column): MonitorInput => ({
    name: `Drift ${column}`,
    description: `PSI of ${column} against the training set`,
    kind: "data_drift",
    metric: "psi",
    columns: [column],
    condition: driftCondition,
  })),
  {
    name: "Missing age band",
    description: "share of applications without an age band",
    kind: "data_quality",
    metric: "missing_share",
    columns: ["age_band"],
    condition: { kind: "fixed", direction: "lower_is_better", warning: 0.1, critical: 0.2 },
  },
  {
    name: "Realised F1",
    description: "F1 of the default class once labels arrive (3 days late)",
    kind: "performance",
    metric: "f1",
    params: { threshold: 0.35 },
    condition: { kind: "relative", direction: "higher_is_better", warningPercent: 25, criticalPercent: 50 },
  },
  {
    name: "Estimated F1 (CBPE)",
    description: "F1 estimated from the scores before labels arrive",
    kind: "estimated_performance",
    metric: "f1",
    params: { threshold: 0.35 },
    condition: { kind: "relative", direction: "higher_is_better", warningPercent: 25, criticalPercent: 50 },
  },
  {
    name: "Demographic parity by age band",
    description: "largest gap in approval-decline rate between age bands",
    kind: "fairness",
    metric: "demographic_parity_difference",
    params: { protectedAttribute: "age_band", threshold: 0.35 },
    condition: { kind: "fixed", direction: "lower_is_better", warning: 0.25, critical: 0.4 },
    // Small age bands make one day's gap noisy: fire on a sustained gap only.
    forWindows: 3,
  },
  {
    name: "Net revenue per loan",
    description: "mean net revenue of the labelled loans",
    kind: "business_kpi",
    metric: "mean",
    columns: ["net_revenue"],
    condition: { kind: "relative", direction: "higher_is_better", warningPercent: 50 },
  },
];

const dayMs = 86_400_000;
// Incidents group violations whose windows lie within a day of the incident's latest window, so a step
// may span two daily windows at most for every monitor's violations of those days to join one incident.
const stepMs = 2 * dayMs;

/** The instants at which every monitor runs: every two days from the start, then `endMs`. */
export function selectEvaluationSteps(fromMs: number, endMs: number): number[] {
  const steps: number[] = [];
  for (let ms = Math.floor(fromMs / dayMs) * dayMs + stepMs; ms < endMs; ms += stepMs) steps.push(ms);
  steps.push(endMs);
  return steps;
}

/**
 * Creates the demo monitors with daily windows from `fromMs` and evaluates them up to `at`, all monitors
 * step by step (see selectEvaluationSteps).
 */
export async function seedDemoMonitors(input: {
  readonly monitoring: MonitoringServices;
  readonly modelId: string;
  readonly versionId: string;
  readonly referenceId: string;
  readonly fromMs: number;
  readonly at: Date;
}): Promise<{ monitors: number; evaluatedWindows: number; failures: string[] }> {
  const { monitoring } = input;
  const monitors = [];
  for (const definition of demoMonitorInputs) {
    const monitor = await monitoring.monitors.create(
      input.modelId,
      createMonitorSchema.parse({
        ...definition,
        versionId: input.versionId,
        window: { kind: "daily" },
        baseline: { kind: "reference", referenceId: input.referenceId },
        minSampleSize: 100,
        evaluateFrom: new Date(input.fromMs).toISOString(),
        labels: { demo: "true" },
      }),
    );
    monitors.push(monitor);
  }
  let evaluatedWindows = 0;
  const failures = new Set<string>();
  const steps = selectEvaluationSteps(input.fromMs, input.at.getTime());
  for (const atMs of steps) {
    for (const monitor of monitors) {
      const outcome = await monitoring.runner.run(monitor, new Date(atMs), { catchUp: true });
      evaluatedWindows += outcome.evaluatedWindows;
      if (outcome.error !== null) failures.add(`${monitor.name}: ${outcome.error}`);
    }
  }
  return { monitors: monitors.length, evaluatedWindows, failures: [...failures] };
}
