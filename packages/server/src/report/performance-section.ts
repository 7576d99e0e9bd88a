/**
 * Model performance on both sides: binary classification (metrics, ROC/PR/calibration curves, confusion
 * matrix), multiclass (metrics and confusion matrix from probabilities or one-hot labels) or regression
 * (metrics and error distribution), chosen from the target's kind and class count. Rows missing the
 * target or the prediction are left out and counted in the notes.
 */
import {
  compareCategories,
  computeBinaryClassificationMetrics,
  computeCalibrationCurve,
  computeMulticlassClassificationMetrics,
  deriveClassSortedScores,
  mergeSortedValues,
  type Category,
  type ClassSortedScores,
} from "@sextant/core";
import type { LoadedCategoricalColumn, LoadedColumn } from "../files/loaded-datasets.js";
import { computeClassificationCurves } from "./classification-curves.js";
import { computeBinaryDummyTable, toBinaryMetricTable, toMulticlassMetricTable } from "./metric-tables.js";
import { computeRegressionPerformance } from "./regression-performance.js";
import type { MetricTable, PerformanceEntry, SidePair } from "./report-model.js";

/** The columns performance is computed from. */
export interface PerformanceColumns {
  readonly targetName: string;
  readonly target: LoadedColumn;
  readonly predictionName?: string;
  readonly prediction?: LoadedColumn;
  readonly probaNames: readonly string[];
  readonly proba: readonly LoadedColumn[];
}

type Side = "reference" | "current";
const sides: readonly Side[] = ["reference", "current"];

/** Class labels present in the target on either side, in sorted order. */
export function listClasses(target: LoadedCategoricalColumn): Category[] {
  const seen = new Uint8Array(target.categories.length);
  for (const codes of [target.reference, target.current]) {
    for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) seen[codes[i]!] = 1;
  }
  return target.categories.filter((_, k) => seen[k] === 1).sort(compareCategories);
}

/** Class index per row (−1 when missing) for a categorical column against the class labels. */
function toClassIndex(column: LoadedCategoricalColumn, side: Side, classes: readonly Category[]): Int32Array {
  const index = new Map(classes.map((c, i) => [String(c), i]));
  const byCode = Int32Array.from(column.categories, (c) => index.get(String(c)) ?? -1);
  const codes = column[side];
  const out = new Int32Array(codes.length);
  // A plain loop: a callback per row (`codes.map`) is slow until V8 optimises it, and a report runs once.
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    out[i] = code >= 0 ? byCode[code]! : -1;
  }
  return out;
}

function numericValues(column: LoadedColumn | undefined, side: Side): Float64Array | undefined {
  return column?.kind === "numeric" ? column[side] : undefined;
}

/** Per-row positive-class score: probability column, else the predicted label as 0/1, else a numeric prediction. */
function binaryScores(
  columns: PerformanceColumns,
  side: Side,
  classes: readonly Category[],
): Float64Array | undefined {
  const proba = numericValues(columns.proba[columns.proba.length - 1], side);
  if (proba !== undefined) return proba;
  const prediction = columns.prediction;
  if (prediction?.kind === "categorical") {
    const index = toClassIndex(prediction, side, classes);
    return Float64Array.from(index, (i) => (i < 0 ? Number.NaN : i === classes.length - 1 ? 1 : 0));
  }
  return numericValues(prediction, side);
}

function computeBinarySide(target: Int32Array, scores: Float64Array) {
  // 0/1 labels: bytes hold them exactly and touch an eighth of the fresh memory doubles would.
  const yTrue = new Uint8Array(target.length);
  const yScore = new Float64Array(target.length);
  let kept = 0;
  let finite = 0;
  let positives = 0;
  for (let i = 0; i < target.length; i++) {
    const score = scores[i]!;
    if (!Number.isFinite(score)) continue;
    finite++;
    if (target[i]! < 0) continue;
    yTrue[kept] = target[i] === 1 ? 1 : 0;
    positives += yTrue[kept]!;
    yScore[kept++] = score;
  }
  const labels = yTrue.subarray(0, kept);
  const scoresKept = yScore.subarray(0, kept);
  // One class-split sort serves ROC AUC, average precision and both curves.
  const classScores = deriveClassSortedScores(labels, scoresKept);
  const metrics = computeBinaryClassificationMetrics({ yTrue: labels, yScore: scoresKept, classScores });
  if (metrics.status !== "ok") return { dropped: target.length - kept };
  const calibration = computeCalibrationCurve({ yTrue: labels, yScore: scoresKept });
  const curves = computeClassificationCurves(classScores);
  const ece = calibration.status === "ok" ? calibration.ece : null;
  return {
    dropped: target.length - kept,
    // Every finite score has a target: the class-split sorted scores are the whole sorted score column.
    classScores: kept === finite ? classScores : undefined,
    table: toBinaryMetricTable(metrics, ece),
    dummy: computeBinaryDummyTable(positives / kept, kept),
    confusion: metrics.confusionMatrix.map((row) => [...row]),
    roc: curves?.roc ?? null,
    pr: curves?.pr ?? null,
    calibration:
      calibration.status === "ok"
        ? { x: calibration.probPred, y: calibration.probTrue, counts: calibration.binCounts }
        : null,
  };
}

/** The numeric column binary scores come from (a probability column, else a numeric prediction). */
function scoreColumnName(columns: PerformanceColumns): string | undefined {
  const last = columns.proba.length - 1;
  if (columns.proba[last]?.kind === "numeric") return columns.probaNames[last];
  return columns.prediction?.kind === "numeric" ? columns.predictionName : undefined;
}

/** Receives a score column's sides sorted (finite values), when performance sorted them on the way. */
export type SortedScoresSink = (column: string, sorted: SidePair<Float64Array>) => void;

function computeBinary(
  columns: PerformanceColumns,
  target: LoadedCategoricalColumn,
  classes: Category[],
  onSortedScores?: SortedScoresSink,
): PerformanceEntry {
  const notes: string[] = [];
  const results = sides.map((side) => {
    const scores = binaryScores(columns, side, classes);
    if (scores === undefined) return undefined;
    const r = computeBinarySide(toClassIndex(target, side, classes), scores);
    if (r.dropped > 0) notes.push(`${side}: ${r.dropped} row(s) without target or prediction left out`);
    return r;
  });
  const scoreColumn = scoreColumnName(columns);
  const [referenceScores, currentScores] = results.map((r) => r?.classScores);
  if (onSortedScores !== undefined && scoreColumn !== undefined && referenceScores && currentScores) {
    const merge = (s: ClassSortedScores) => mergeSortedValues(s.negatives, s.positives);
    onSortedScores(scoreColumn, { reference: merge(referenceScores), current: merge(currentScores) });
  }
  const pick = <T>(f: (r: NonNullable<(typeof results)[number]>) => T | undefined): SidePair<T | null> => ({
    reference: results[0] === undefined ? null : (f(results[0]) ?? null),
    current: results[1] === undefined ? null : (f(results[1]) ?? null),
  });
  return {
    task: "binary",
    target: columns.targetName,
    prediction: columns.predictionName ?? null,
    prediction_proba: [...columns.probaNames],
    positive_label: String(classes[classes.length - 1]),
    labels: classes.map(String),
    metrics: pick((r) => r.table),
    dummy_metrics: pick((r) => r.dummy),
    confusion_matrix: pick((r) => r.confusion),
    roc_curve: pick((r) => r.roc),
    pr_curve: pick((r) => r.pr),
    calibration_curve: pick((r) => r.calibration),
    notes,
  };
}

/** Row-major probabilities: given columns, else one-hot of the predicted class. */
function multiclassProbabilities(
  columns: PerformanceColumns,
  side: Side,
  classes: readonly Category[],
  rows: number,
): Float64Array | undefined {
  const k = classes.length;
  const out = new Float64Array(rows * k);
  if (columns.proba.length === k) {
    columns.proba.forEach((column, c) => {
      const values = numericValues(column, side);
      for (let i = 0; i < rows; i++) out[i * k + c] = values?.[i] ?? Number.NaN;
    });
    return out;
  }
  if (columns.prediction?.kind !== "categorical") return undefined;
  const predicted = toClassIndex(columns.prediction, side, classes);
  for (let i = 0; i < rows; i++) {
    if (predicted[i]! < 0) out[i * k] = Number.NaN;
    else out[i * k + predicted[i]!] = 1;
  }
  return out;
}

function computeMulticlassSide(truth: Int32Array, probabilities: Float64Array, k: number) {
  const keep: number[] = [];
  for (let i = 0; i < truth.length; i++) {
    const row = probabilities.subarray(i * k, (i + 1) * k);
    if (truth[i]! >= 0 && row.every(Number.isFinite)) keep.push(i);
  }
  const yTrue = Float64Array.from(keep, (i) => truth[i]!);
  const yProba = new Float64Array(keep.length * k);
  keep.forEach((i, r) => {
    yProba.set(probabilities.subarray(i * k, (i + 1) * k), r * k);
  });
  const labels = Array.from({ length: k }, (_, i) => i);
  const metrics = computeMulticlassClassificationMetrics({ yTrue, yProba, labels });
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let r = 0; r < keep.length; r++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (yProba[r * k + c]! > yProba[r * k + best]!) best = c;
    confusion[yTrue[r]!]![best]!++;
  }
  const counts = labels.map((l) => yTrue.filter((v) => v === l).length);
  const majority = keep.length === 0 ? 0 : Math.max(...counts) / keep.length;
  return {
    table: metrics.status === "ok" ? toMulticlassMetricTable(metrics) : null,
    dummy: { rows: keep.length, accuracy: majority, roc_auc: 0.5 } as MetricTable,
    confusion,
    dropped: truth.length - keep.length,
  };
}

function computeMulticlass(
  columns: PerformanceColumns,
  target: LoadedCategoricalColumn,
  classes: Category[],
): PerformanceEntry {
  const notes: string[] = [];
  if (columns.proba.length !== classes.length)
    notes.push("no per-class probabilities: metrics use one-hot predicted labels");
  const results = sides.map((side) => {
    const truth = toClassIndex(target, side, classes);
    const probabilities = multiclassProbabilities(columns, side, classes, truth.length);
    if (probabilities === undefined) return undefined;
    const r = computeMulticlassSide(truth, probabilities, classes.length);
    if (r.dropped > 0) notes.push(`${side}: ${r.dropped} row(s) without target or prediction left out`);
    return r;
  });
  const pick = <T>(f: (r: NonNullable<(typeof results)[number]>) => T | null): SidePair<T | null> => ({
    reference: results[0] === undefined ? null : f(results[0]),
    current: results[1] === undefined ? null : f(results[1]),
  });
  return {
    task: "multiclass",
    target: columns.targetName,
    prediction: columns.predictionName ?? null,
    prediction_proba: [...columns.probaNames],
    labels: classes.map(String),
    metrics: pick((r) => r.table),
    dummy_metrics: pick((r) => r.dummy),
    confusion_matrix: pick((r) => r.confusion),
    notes,
  };
}

/**
 * Performance of both sides, or undefined when there is no prediction to judge. `onSortedScores`
 * receives the binary score column sorted, when its class-split sort covered every finite score, so the
 * column's drift need not sort it again.
 */
export function computePerformanceSection(
  columns: PerformanceColumns,
  onSortedScores?: SortedScoresSink,
): PerformanceEntry | undefined {
  if (columns.prediction === undefined && columns.proba.length === 0) return undefined;
  const target = columns.target;
  if (target.kind === "categorical") {
    const classes = listClasses(target);
    return classes.length <= 2
      ? computeBinary(columns, target, classes, onSortedScores)
      : computeMulticlass(columns, target, classes);
  }
  if (target.kind === "numeric") return computeRegressionPerformance(columns);
  return undefined;
}
