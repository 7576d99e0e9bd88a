/**
 * Regression performance on both sides: core's regression metrics, the error (prediction − target)
 * distribution on shared bins, and the dummy that predicts the reference target mean.
 */
import { computeRegressionMetrics } from "@sextant/core";
import type { LoadedColumn } from "../files/loaded-datasets.js";
import { toRegressionMetricTable } from "./metric-tables.js";
import type { MetricTable, PerformanceEntry } from "./report-model.js";

/** Bins of the error distribution chart. */
export const errorBinCount = 24;

interface RegressionColumns {
  readonly targetName: string;
  readonly target: LoadedColumn;
  readonly predictionName?: string;
  readonly prediction?: LoadedColumn;
  readonly probaNames: readonly string[];
  readonly proba: readonly LoadedColumn[];
}

function pairs(truth: Float64Array, predicted: Float64Array) {
  const keep: number[] = [];
  for (let i = 0; i < truth.length; i++)
    if (Number.isFinite(truth[i]!) && Number.isFinite(predicted[i]!)) keep.push(i);
  return {
    yTrue: Float64Array.from(keep, (i) => truth[i]!),
    yPred: Float64Array.from(keep, (i) => predicted[i]!),
    dropped: truth.length - keep.length,
  };
}

function histogram(errors: Float64Array, low: number, high: number): { edges: number[]; counts: number[] } {
  const [a, b] = low === high ? [low - 0.5, high + 0.5] : [low, high];
  const edges = Array.from({ length: errorBinCount + 1 }, (_, i) =>
    i === errorBinCount ? b : a + ((b - a) * i) / errorBinCount,
  );
  const counts = new Array<number>(errorBinCount).fill(0);
  const width = (b - a) / errorBinCount;
  for (const e of errors) counts[Math.min(errorBinCount - 1, Math.max(0, Math.floor((e - a) / width)))]!++;
  return { edges, counts };
}

function mean(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return values.length === 0 ? 0 : s / values.length;
}

/** Regression performance of both sides, or undefined without a numeric prediction. */
export function computeRegressionPerformance(columns: RegressionColumns): PerformanceEntry | undefined {
  const prediction = columns.prediction?.kind === "numeric" ? columns.prediction : columns.proba[0];
  if (columns.target.kind !== "numeric" || prediction?.kind !== "numeric") return undefined;
  const target = columns.target;
  const ref = pairs(target.reference, prediction.reference);
  const cur = pairs(target.current, prediction.current);
  const errors = [ref, cur].map((p) => p.yPred.map((v, i) => v - p.yTrue[i]!));
  let low = Infinity;
  let high = -Infinity;
  for (const side of errors) {
    for (const e of side) {
      if (e < low) low = e;
      if (e > high) high = e;
    }
  }
  const referenceMean = mean(ref.yTrue);
  const table = (p: typeof ref) => {
    const m = computeRegressionMetrics({ yTrue: p.yTrue, yPred: p.yPred });
    return m.status === "ok" ? toRegressionMetricTable(m) : null;
  };
  const dummy = (p: typeof ref): MetricTable | null => {
    const m = computeRegressionMetrics({
      yTrue: p.yTrue,
      yPred: new Float64Array(p.yTrue.length).fill(referenceMean),
    });
    return m.status === "ok" ? toRegressionMetricTable(m) : null;
  };
  const notes = [ref, cur].flatMap((p, i) =>
    p.dropped > 0
      ? [`${i === 0 ? "reference" : "current"}: ${p.dropped} row(s) without target or prediction left out`]
      : [],
  );
  const hist = (e: Float64Array) => (low > high ? null : histogram(e, low, high));
  return {
    task: "regression",
    target: columns.targetName,
    prediction: columns.predictionName ?? columns.probaNames[0] ?? null,
    prediction_proba: [...columns.probaNames],
    metrics: { reference: table(ref), current: table(cur) },
    dummy_metrics: { reference: dummy(ref), current: dummy(cur) },
    error_distribution: { reference: hist(errors[0]!), current: hist(errors[1]!) },
    notes,
  };
}
