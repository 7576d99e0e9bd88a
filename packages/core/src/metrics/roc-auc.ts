/**
 * Binary ROC AUC as scikit-learn `roc_auc_score`: trapezoidal area under the ROC curve whose points are
 * the distinct score thresholds, so tied scores contribute half credit (ties averaged). Counts are
 * accumulated as exact integers and divided once. Only one class present → insufficient_data.
 */
import { toInsufficientData } from "../result.js";
import type { ClassSortedScores } from "./class-sorted-scores.js";
import { deriveClassSortedScores, listDescendingThresholds } from "./class-sorted-scores.js";
import type { MetricValue } from "./metric-value.js";
import { toMetricValue } from "./metric-value.js";

/** ROC AUC from scores already split and sorted by class. */
export function computeRocAucFromClassScores(scores: ClassSortedScores): MetricValue {
  const positiveCount = scores.positives.length;
  const negativeCount = scores.negatives.length;
  if (positiveCount === 0 || negativeCount === 0) {
    return toInsufficientData("ROC AUC needs both classes in y_true");
  }
  let truePositives = 0;
  // Twice the area in units of one (positive, negative) pair; exact while below 2^53.
  let doubleArea = 0;
  const thresholds = listDescendingThresholds(scores);
  for (let k = 0; k < thresholds.positives.length; k++) {
    const tiedPositives = thresholds.positives[k]!;
    doubleArea += thresholds.negatives[k]! * (2 * truePositives + tiedPositives);
    truePositives += tiedPositives;
  }
  return toMetricValue(doubleArea / (2 * positiveCount * negativeCount));
}

/** Binary ROC AUC (sklearn `roc_auc_score`, ties averaged); `yTrue` holds 0/1 labels. */
export function computeRocAuc(input: {
  readonly yTrue: ArrayLike<number>;
  readonly yScore: ArrayLike<number>;
}): MetricValue {
  return computeRocAucFromClassScores(deriveClassSortedScores(input.yTrue, input.yScore));
}
