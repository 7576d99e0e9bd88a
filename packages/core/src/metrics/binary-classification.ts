/**
 * Binary classification metrics with scikit-learn 1.2.1 definitions (positive label 1, y_pred = score >=
 * threshold, zero_division = 0). Result shape: metrics that any non-empty input defines are plain numbers;
 * metrics the data can leave undefined are each a `MetricValue` (ROC AUC and average precision need both
 * classes / a positive, log loss and Brier need scores in [0, 1], Cohen's kappa is 0/0 when truth and
 * prediction are the same constant). Deviations from sklearn: the confusion matrix is always 2×2
 * [[tn, fp], [fn, tp]] (labels = [0, 1]), and log loss with one class present is computed as with
 * labels=[0, 1] instead of raising. MCC follows sklearn's 0.0 when a marginal is constant.
 */
import type { StatResult } from "../result.js";
import { toInsufficientData, toOk } from "../result.js";
import { computeAveragePrecisionFromClassScores } from "./average-precision.js";
import { deriveClassSortedScores, type ClassSortedScores } from "./class-sorted-scores.js";
import { computeBinaryLogLoss } from "./log-loss.js";
import type { MetricValue } from "./metric-value.js";
import { toMetricValue } from "./metric-value.js";
import { computeRocAucFromClassScores } from "./roc-auc.js";

/** Counts of a binary confusion matrix. */
export interface BinaryConfusionCounts {
  readonly tn: number;
  readonly fp: number;
  readonly fn: number;
  readonly tp: number;
}

/** Every binary metric; see the module header for which ones can be unavailable. */
export interface BinaryClassificationMetrics {
  readonly count: number;
  readonly threshold: number;
  readonly accuracy: number;
  readonly balancedAccuracy: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly rocAuc: MetricValue;
  readonly averagePrecision: MetricValue;
  readonly logLoss: MetricValue;
  readonly brier: MetricValue;
  readonly mcc: number;
  readonly cohenKappa: MetricValue;
  /** [[tn, fp], [fn, tp]] as sklearn `confusion_matrix(labels=[0, 1])`. */
  readonly confusionMatrix: readonly [readonly [number, number], readonly [number, number]];
}

/**
 * Binary metrics of 0/1 labels against scores; empty input → insufficient_data. A caller that already
 * holds the scores split and sorted by class (`deriveClassSortedScores(yTrue, yScore)`, e.g. for curves)
 * passes them as `classScores`, so the ranking metrics reuse that sort instead of sorting again.
 */
export function computeBinaryClassificationMetrics(input: {
  readonly yTrue: ArrayLike<number>;
  readonly yScore: ArrayLike<number>;
  readonly threshold?: number;
  readonly classScores?: ClassSortedScores;
}): StatResult<BinaryClassificationMetrics> {
  const { yTrue, yScore } = input;
  const threshold = input.threshold ?? 0.5;
  if (yTrue.length !== yScore.length) throw new RangeError("yTrue and yScore lengths differ");
  const count = yTrue.length;
  if (count === 0) return toInsufficientData("no rows");
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let squaredErrorSum = 0;
  let scoresAreProbabilities = true;
  for (let i = 0; i < count; i++) {
    const label = yTrue[i] as number;
    const score = yScore[i] as number;
    if (label !== 0 && label !== 1) throw new RangeError(`yTrue[${i}] = ${label} is not 0 or 1`);
    if (score < 0 || score > 1) scoresAreProbabilities = false;
    squaredErrorSum += (label - score) * (label - score);
    if (score >= threshold) {
      if (label === 1) tp++;
      else fp++;
    } else if (label === 1) fn++;
  }
  const counts: BinaryConfusionCounts = { tn: count - tp - fp - fn, fp, fn, tp };
  const classScores = input.classScores ?? deriveClassSortedScores(yTrue, yScore);
  const notProbabilities = toInsufficientData("scores outside [0, 1] are not probabilities");
  return toOk({
    count,
    threshold,
    ...computeThresholdMetrics(counts),
    rocAuc: computeRocAucFromClassScores(classScores),
    averagePrecision: computeAveragePrecisionFromClassScores(classScores),
    logLoss: scoresAreProbabilities ? toMetricValue(computeBinaryLogLoss(yTrue, yScore)) : notProbabilities,
    brier: scoresAreProbabilities ? toMetricValue(squaredErrorSum / count) : notProbabilities,
    confusionMatrix: [
      [counts.tn, fp],
      [fn, tp],
    ] as const,
  });
}

/** The metrics that depend only on the confusion matrix, with sklearn's float arithmetic. */
export function computeThresholdMetrics(counts: BinaryConfusionCounts): {
  accuracy: number;
  balancedAccuracy: number;
  precision: number;
  recall: number;
  f1: number;
  mcc: number;
  cohenKappa: MetricValue;
} {
  const { tn, fp, fn, tp } = counts;
  const n = tn + fp + fn + tp;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1Denominator = precision + recall;
  const f1 = f1Denominator === 0 ? 0 : (2 * precision * recall) / f1Denominator;
  // Balanced accuracy averages recall over the classes present in y_true only (sklearn drops NaN rows).
  const classRecalls: number[] = [];
  if (tn + fp > 0) classRecalls.push(tn / (tn + fp));
  if (tp + fn > 0) classRecalls.push(recall);
  const balancedAccuracy = classRecalls.reduce((a, b) => a + b, 0) / classRecalls.length;
  const [true0, true1, pred0, pred1] = [tn + fp, fn + tp, tn + fn, fp + tp];
  const covTruePred = (tn + tp) * n - (true0 * pred0 + true1 * pred1);
  const covPredPred = n * n - (pred0 * pred0 + pred1 * pred1);
  const covTrueTrue = n * n - (true0 * true0 + true1 * true1);
  const mcc = covPredPred * covTrueTrue === 0 ? 0 : covTruePred / Math.sqrt(covTrueTrue * covPredPred);
  const expectedDisagreement = (pred0 * true1) / n + (pred1 * true0) / n;
  const cohenKappa =
    expectedDisagreement === 0
      ? toInsufficientData("Cohen's kappa is 0/0 when truth and prediction are one same class")
      : toMetricValue(1 - (fp + fn) / expectedDisagreement);
  return { accuracy: (tn + tp) / n, balancedAccuracy, precision, recall, f1, mcc, cohenKappa };
}
