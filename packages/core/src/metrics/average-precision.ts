/**
 * Average precision as scikit-learn `average_precision_score`: the step-wise sum
 * AP = Σ_k (R_k − R_{k−1})·P_k over distinct score thresholds (no interpolation), tied scores forming
 * one threshold. No positive row → insufficient_data (sklearn warns and returns 0 there).
 */
import { toInsufficientData } from "../result.js";
import type { ClassSortedScores } from "./class-sorted-scores.js";
import { deriveClassSortedScores, listDescendingThresholds } from "./class-sorted-scores.js";
import type { MetricValue } from "./metric-value.js";
import { toMetricValue } from "./metric-value.js";

/** Average precision from scores already split and sorted by class. */
export function computeAveragePrecisionFromClassScores(scores: ClassSortedScores): MetricValue {
  const positiveCount = scores.positives.length;
  if (positiveCount === 0) {
    return toInsufficientData("average precision needs at least one positive in y_true");
  }
  let truePositives = 0;
  let falsePositives = 0;
  let weightedPrecision = 0;
  const thresholds = listDescendingThresholds(scores);
  for (let k = 0; k < thresholds.positives.length; k++) {
    const tiedPositives = thresholds.positives[k]!;
    truePositives += tiedPositives;
    falsePositives += thresholds.negatives[k]!;
    if (tiedPositives > 0) {
      weightedPrecision += tiedPositives * (truePositives / (truePositives + falsePositives));
    }
  }
  return toMetricValue(weightedPrecision / positiveCount);
}

/** Average precision (sklearn `average_precision_score`, step-wise); `yTrue` holds 0/1 labels. */
export function computeAveragePrecision(input: {
  readonly yTrue: ArrayLike<number>;
  readonly yScore: ArrayLike<number>;
}): MetricValue {
  return computeAveragePrecisionFromClassScores(deriveClassSortedScores(input.yTrue, input.yScore));
}
