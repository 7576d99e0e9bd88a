/**
 * Observations of the value-based monitor kinds (realised and estimated performance, fairness, business
 * KPIs, streaming detectors) from row-aligned values the store gathered; every number comes from core.
 */
import {
  computeAdwinStep,
  computeBinaryClassificationMetrics,
  computeBusinessKpi,
  computeCbpeEstimate,
  computeDdmStep,
  computeDetectorSignals,
  computeGroupFairness,
  computeInitialAdwinState,
  computeInitialDdmState,
  computeInitialPageHinkleyState,
  computePageHinkleyStep,
  type CbpeCalibration,
  type KpiAggregation,
  type MetricValue,
} from "@sextant/core";
import type { WindowObservation } from "./bin-observations.js";

/** Scores and 0/1 labels of some rows. */
export interface LabelledScores {
  readonly scores: readonly number[];
  readonly labels: readonly number[];
}

const noRows: WindowObservation = {
  observation: { kind: "insufficient_data", reason: "no rows" },
  evidence: {},
};

function toNumberOrNull(value: MetricValue | number): number | null {
  if (typeof value === "number") return value;
  return value.status === "ok" ? value.value : null;
}

/** Picks a binary metric by id from core's metrics (null when undefined for the data). */
export function selectBinaryMetric(
  metrics: Exclude<ReturnType<typeof computeBinaryClassificationMetrics>, { status: "insufficient_data" }>,
  metric: string,
): number | null {
  switch (metric) {
    case "accuracy":
      return metrics.accuracy;
    case "balanced_accuracy":
      return metrics.balancedAccuracy;
    case "precision":
      return metrics.precision;
    case "recall":
      return metrics.recall;
    case "f1":
      return metrics.f1;
    case "mcc":
      return metrics.mcc;
    case "roc_auc":
      return toNumberOrNull(metrics.rocAuc);
    case "pr_auc":
      return toNumberOrNull(metrics.averagePrecision);
    case "log_loss":
      return toNumberOrNull(metrics.logLoss);
    case "brier":
      return toNumberOrNull(metrics.brier);
    default:
      throw new RangeError(`unknown performance metric ${metric}`);
  }
}

/** Realised binary metric of labelled rows. */
export function computeRealisedMetric(
  data: LabelledScores,
  metric: string,
  threshold: number,
): number | null {
  const metrics = computeBinaryClassificationMetrics({ yTrue: data.labels, yScore: data.scores, threshold });
  return metrics.status === "ok" ? selectBinaryMetric(metrics, metric) : null;
}

/** A realised-performance window. */
export function derivePerformanceObservation(
  data: LabelledScores,
  metric: string,
  threshold: number,
): WindowObservation {
  if (data.labels.length === 0)
    return { observation: { kind: "insufficient_data", reason: "no labelled rows yet" }, evidence: {} };
  const value = computeRealisedMetric(data, metric, threshold);
  if (value === null)
    return {
      observation: { kind: "insufficient_data", reason: `${metric} is undefined here` },
      evidence: {},
    };
  return {
    observation: { kind: "value", value, sampleSize: data.labels.length },
    evidence: { labelled: data.labels.length },
  };
}

/** A CBPE window: estimated metric from scores alone, with the realised value beside it when labels exist. */
export function deriveEstimatedObservation(input: {
  readonly calibration: CbpeCalibration;
  readonly scores: readonly number[];
  readonly labelled: LabelledScores;
  readonly metric: string;
  readonly threshold: number;
}): WindowObservation {
  if (input.scores.length === 0) return noRows;
  const estimate = computeCbpeEstimate({
    calibration: input.calibration,
    scores: input.scores,
    threshold: input.threshold,
  });
  if (estimate.status !== "ok")
    return { observation: { kind: "insufficient_data", reason: estimate.reason }, evidence: {} };
  const pick: Record<string, number | null> = {
    accuracy: estimate.accuracy,
    precision: estimate.precision,
    recall: estimate.recall,
    f1: estimate.f1,
    roc_auc: toNumberOrNull(estimate.rocAuc),
  };
  const value = pick[input.metric];
  if (value === undefined)
    return {
      observation: { kind: "error", message: `CBPE does not estimate ${input.metric}` },
      evidence: {},
    };
  const realised =
    input.labelled.labels.length === 0
      ? null
      : computeRealisedMetric(input.labelled, input.metric, input.threshold);
  const standardErrors: Record<string, number> = estimate.standardErrors;
  const evidence = {
    estimated: value,
    standardError: standardErrors[input.metric] ?? null,
    realised,
    labelled: input.labelled.labels.length,
  };
  if (value === null)
    return { observation: { kind: "insufficient_data", reason: `${input.metric} is undefined` }, evidence };
  return { observation: { kind: "value", value, sampleSize: estimate.count }, evidence };
}

/** A fairness window over one protected attribute. */
export function deriveFairnessObservation(input: {
  readonly labels: readonly number[];
  readonly predictions: readonly number[];
  readonly groups: readonly string[];
  readonly metric: string;
}): WindowObservation {
  if (input.labels.length === 0) return noRows;
  const result = computeGroupFairness({ yTrue: input.labels, yPred: input.predictions, group: input.groups });
  if (result.status !== "ok")
    return { observation: { kind: "insufficient_data", reason: result.reason }, evidence: {} };
  const values: Record<string, MetricValue | number> = {
    demographic_parity_difference: result.demographicParityDifference,
    demographic_parity_ratio: result.demographicParityRatio,
    equal_opportunity_difference: result.equalOpportunityDifference,
    equalized_odds_difference: result.equalizedOddsDifference,
    equalized_odds_ratio: result.equalizedOddsRatio,
    disparate_impact: result.disparateImpact,
  };
  const chosen = values[input.metric];
  if (chosen === undefined)
    return {
      observation: { kind: "error", message: `unknown fairness metric ${input.metric}` },
      evidence: {},
    };
  const value = toNumberOrNull(chosen);
  const evidence = { selectionRate: result.selectionRate, groupCount: result.groupCount };
  if (value === null)
    return { observation: { kind: "insufficient_data", reason: `${input.metric} undefined` }, evidence };
  return { observation: { kind: "value", value, sampleSize: input.labels.length }, evidence };
}

/** A business-KPI window. */
export function deriveKpiObservation(
  records: readonly Record<string, number | boolean | null>[],
  aggregation: KpiAggregation,
): WindowObservation {
  const result = computeBusinessKpi({ records, aggregation });
  if (result.status !== "ok")
    return { observation: { kind: "insufficient_data", reason: result.reason }, evidence: {} };
  return {
    observation: { kind: "value", value: result.value, sampleSize: result.rowCount },
    evidence: { rows: result.rowCount, missing: result.missingCount },
  };
}

/** A streaming-detector window: the error stream continues the persisted detector state; value 1 = drift. */
export function deriveDetectorObservation(input: {
  readonly detector: string;
  readonly errors: readonly number[];
  readonly state: unknown;
}): WindowObservation & { readonly state: unknown } {
  const run = <S>(
    step: (state: S, value: number) => { state: S; warning: boolean; drift: boolean },
    initial: S,
  ) => computeDetectorSignals({ step, initial: (input.state as S | null) ?? initial, values: input.errors });
  let signals;
  if (input.detector === "adwin") signals = run(computeAdwinStep, computeInitialAdwinState());
  else if (input.detector === "ddm") signals = run(computeDdmStep, computeInitialDdmState());
  else signals = run(computePageHinkleyStep, computeInitialPageHinkleyState());
  if (input.errors.length === 0) return { ...noRows, state: signals.state };
  const drift = signals.driftIndices.length > 0;
  return {
    observation: {
      kind: "value",
      value: drift ? 1 : signals.warningIndices.length > 0 ? 0.5 : 0,
      sampleSize: input.errors.length,
    },
    evidence: {
      detector: input.detector,
      drifts: signals.driftIndices.length,
      warnings: signals.warningIndices.length,
    },
    state: signals.state,
  };
}
