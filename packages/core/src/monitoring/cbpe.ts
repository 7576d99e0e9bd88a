/**
 * Confidence-Based Performance Estimation (CBPE) for binary classifiers without labels. On the reference an
 * isotonic calibrator of label on score is kept only if it lowers the expected calibration error (ECE over
 * 10 equal-count bins) averaged over seeded held-out folds; on a window, calibrated p̂ and ŷ = [score ≥
 * threshold] give the expected confusion matrix TP = Σ p̂·ŷ, FP = Σ (1−p̂)·ŷ, FN = Σ p̂·(1−ŷ), TN = Σ (1−p̂)(1−ŷ)
 * and the metrics from it (zero_division = 0, as the realised metrics). Standard errors are those of the
 * realised metric when labels are drawn independently from p̂: exact for accuracy and precision, delta method
 * for recall and F1 (see `computeCbpeEstimate`).
 */
import type { StatResult } from "../result.js";
import { toInsufficientData, toOk } from "../result.js";
import { createSeededRandom, shuffleInPlace } from "../random/seeded-random.js";
import type { MetricValue } from "../metrics/metric-value.js";
import { computeExpectedRocAuc } from "./cbpe-roc-auc.js";
import type { IsotonicFit } from "./isotonic-regression.js";
import { deriveAscendingOrder, fitIsotonicRegression, predictIsotonic } from "./isotonic-regression.js";

/** The reference-side fit: the calibrator (null when raw scores are kept) and the fold ECEs that decided. */
export interface CbpeCalibration {
  readonly calibrator: IsotonicFit | null;
  /** Mean held-out ECE of the raw scores; null when scores leave [0, 1] and calibration is mandatory. */
  readonly uncalibratedEce: number | null;
  readonly calibratedEce: number;
  readonly foldCount: number;
  readonly referenceSize: number;
}

/** Expected confusion counts and the estimated metrics of one window. */
export interface CbpeEstimate {
  readonly count: number;
  readonly threshold: number;
  readonly expected: { readonly tp: number; readonly fp: number; readonly fn: number; readonly tn: number };
  readonly accuracy: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly rocAuc: MetricValue;
  /** Standard error of each realised metric under labels ~ Bernoulli(p̂), given the window's scores. */
  readonly standardErrors: {
    readonly accuracy: number;
    readonly precision: number;
    readonly recall: number;
    readonly f1: number;
  };
}

/** ECE over `binCount` equal-count bins of rows sorted by probability (bin sizes as NumPy array_split). */
export function computeEqualCountEce(input: {
  readonly labels: ArrayLike<number>;
  readonly probabilities: ArrayLike<number>;
  readonly binCount?: number;
}): StatResult<{ ece: number }> {
  const { labels, probabilities } = input;
  const binCount = input.binCount ?? 10;
  if (!Number.isInteger(binCount) || binCount < 1) throw new RangeError("binCount must be >= 1");
  if (labels.length !== probabilities.length) throw new RangeError("labels and probabilities lengths differ");
  const n = labels.length;
  if (n === 0) return toInsufficientData("no rows");
  const order = deriveAscendingOrder(probabilities);
  let ece = 0;
  let position = 0;
  for (let b = 0; b < binCount; b++) {
    const size = Math.floor(n / binCount) + (b < n % binCount ? 1 : 0);
    let labelSum = 0;
    let probabilitySum = 0;
    for (let r = 0; r < size; r++, position++) {
      labelSum += labels[order[position]!] as number;
      probabilitySum += probabilities[order[position]!] as number;
    }
    if (size > 0) ece += Math.abs(labelSum - probabilitySum) / n;
  }
  return toOk({ ece });
}

function computeFoldEces(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  foldCount: number,
  seed: number,
) {
  const n = scores.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  shuffleInPlace(order, createSeededRandom(seed));
  let rawSum = 0;
  let calibratedSum = 0;
  for (let fold = 0; fold < foldCount; fold++) {
    const train: number[] = [];
    const heldOut: number[] = [];
    order.forEach((row, position) => (position % foldCount === fold ? heldOut : train).push(row));
    const fit = fitIsotonicRegression(
      train.map((row) => scores[row] as number),
      train.map((row) => labels[row] as number),
    );
    if (fit.status !== "ok") throw new Error("unreachable: every training split is non-empty");
    const heldOutLabels = heldOut.map((row) => labels[row] as number);
    const raw = computeEqualCountEce({
      labels: heldOutLabels,
      probabilities: heldOut.map((row) => scores[row] as number),
    });
    const calibrated = computeEqualCountEce({
      labels: heldOutLabels,
      probabilities: heldOut.map((row) => predictIsotonic(fit, scores[row] as number)),
    });
    if (raw.status === "ok" && calibrated.status === "ok") {
      rawSum += raw.ece;
      calibratedSum += calibrated.ece;
    }
  }
  return { uncalibratedEce: rawSum / foldCount, calibratedEce: calibratedSum / foldCount };
}

/** Fits CBPE's calibrator on reference scores and 0/1 labels; needs both classes and >= 2 rows per fold. */
export function fitCbpeCalibration(input: {
  readonly scores: ArrayLike<number>;
  readonly labels: ArrayLike<number>;
  readonly seed: number;
  readonly foldCount?: number;
}): StatResult<CbpeCalibration> {
  const { scores, labels, seed } = input;
  const foldCount = input.foldCount ?? 5;
  if (!Number.isInteger(foldCount) || foldCount < 2) throw new RangeError("foldCount must be >= 2");
  if (scores.length !== labels.length) throw new RangeError("scores and labels lengths differ");
  let positives = 0;
  let isProbability = true;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label !== 0 && label !== 1) throw new RangeError(`labels[${i}] = ${label} is not 0 or 1`);
    positives += label;
    const score = scores[i] as number;
    if (!(score >= 0 && score <= 1)) isProbability = false;
  }
  const n = labels.length;
  if (n < 2 * foldCount) return toInsufficientData(`CBPE needs at least ${2 * foldCount} reference rows`);
  if (positives === 0 || positives === n)
    return toInsufficientData("CBPE needs both classes in the reference");
  const eces = computeFoldEces(scores, labels, foldCount, seed);
  const keep = !isProbability || eces.calibratedEce < eces.uncalibratedEce;
  const fit = fitIsotonicRegression(scores, labels);
  if (fit.status !== "ok") return fit;
  return toOk({
    calibrator: keep ? { knots: fit.knots, values: fit.values } : null,
    uncalibratedEce: isProbability ? eces.uncalibratedEce : null,
    calibratedEce: eces.calibratedEce,
    foldCount,
    referenceSize: n,
  });
}

/** Calibrated probabilities p̂ of window scores (raw scores clipped to [0, 1] when no calibrator was kept). */
export function computeCbpeProbabilities(
  calibration: CbpeCalibration,
  scores: ArrayLike<number>,
): Float64Array {
  const probabilities = new Float64Array(scores.length);
  const { calibrator } = calibration;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i] as number;
    probabilities[i] =
      calibrator === null ? Math.min(1, Math.max(0, score)) : predictIsotonic(calibrator, score);
  }
  return probabilities;
}

function divideOrZero(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : 0;
}

/** Expected confusion counts and the label variances Σ p̂(1−p̂) among predicted positives (A) and negatives (B). */
function accumulateExpectedConfusion(
  scores: ArrayLike<number>,
  probabilities: Float64Array,
  threshold: number,
) {
  const sums = { tp: 0, fp: 0, fn: 0, tn: 0, predictedPositives: 0, varianceA: 0, varianceB: 0 };
  for (let i = 0; i < scores.length; i++) {
    const p = probabilities[i]!;
    if ((scores[i] as number) >= threshold) {
      sums.tp += p;
      sums.fp += 1 - p;
      sums.predictedPositives += 1;
      sums.varianceA += p * (1 - p);
    } else {
      sums.fn += p;
      sums.tn += 1 - p;
      sums.varianceB += p * (1 - p);
    }
  }
  return sums;
}

/**
 * Estimated accuracy, precision, recall, F1 and ROC AUC of a window without labels. With A = Σ_{ŷ=1} y,
 * B = Σ_{ŷ=0} y, a = E[A], b = E[B], v_a = Σ_{ŷ=1} p̂(1−p̂), v_b = Σ_{ŷ=0} p̂(1−p̂), n₊ = Σ ŷ:
 * SE(accuracy) = √(Σ p̂(1−p̂))/n, SE(precision) = √v_a/n₊, SE(recall)² = (b²v_a + a²v_b)/(a+b)⁴,
 * SE(F1)² = 4((n₊+b)²v_a + a²v_b)/(n₊+a+b)⁴ (F1 = 2A/(n₊+A+B)). Empty window → insufficient_data.
 */
export function computeCbpeEstimate(input: {
  readonly calibration: CbpeCalibration;
  readonly scores: ArrayLike<number>;
  readonly threshold?: number;
}): StatResult<CbpeEstimate> {
  const { scores } = input;
  const threshold = input.threshold ?? 0.5;
  const n = scores.length;
  if (n === 0) return toInsufficientData("no rows in the window");
  const probabilities = computeCbpeProbabilities(input.calibration, scores);
  const { tp, fp, fn, tn, predictedPositives, varianceA, varianceB } = accumulateExpectedConfusion(
    scores,
    probabilities,
    threshold,
  );
  const positives = tp + fn;
  const f1Denominator = predictedPositives + positives;
  return toOk({
    count: n,
    threshold,
    expected: { tp, fp, fn, tn },
    accuracy: (tp + tn) / n,
    precision: divideOrZero(tp, predictedPositives),
    recall: divideOrZero(tp, positives),
    f1: divideOrZero(2 * tp, f1Denominator),
    rocAuc: computeExpectedRocAuc(scores, probabilities),
    standardErrors: {
      accuracy: Math.sqrt(varianceA + varianceB) / n,
      precision: divideOrZero(Math.sqrt(varianceA), predictedPositives),
      recall: divideOrZero(Math.sqrt(fn * fn * varianceA + tp * tp * varianceB), positives * positives),
      f1: divideOrZero(
        2 * Math.sqrt((predictedPositives + fn) ** 2 * varianceA + tp * tp * varianceB),
        f1Denominator * f1Denominator,
      ),
    },
  });
}
