/**
 * Binary classification metrics for the report from scores split and sorted by class once, so the ROC
 * and PR curves reuse the same sort instead of sorting a million scores again. Composes core's public
 * pieces exactly as `computeBinaryClassificationMetrics` does (threshold 0.5); a test holds the two equal.
 * If core grows a "class-sorted scores given" entry point, this file reduces to a call.
 */
import {
  computeAveragePrecisionFromClassScores,
  computeBinaryLogLoss,
  computeRocAucFromClassScores,
  computeThresholdMetrics,
  toInsufficientData,
  toMetricValue,
  toOk,
  type BinaryClassificationMetrics,
  type ClassSortedScores,
  type StatResult,
} from "@sextant/core";

const threshold = 0.5;

/** Metrics of 0/1 labels against scores, given the same scores split and sorted by class. */
export function computeBinaryMetricsFromSorted(input: {
  readonly yTrue: ArrayLike<number>;
  readonly yScore: ArrayLike<number>;
  readonly classScores: ClassSortedScores;
}): StatResult<BinaryClassificationMetrics> {
  const { yTrue, yScore } = input;
  const count = yTrue.length;
  if (count === 0) return toInsufficientData("no rows");
  let [tp, fp, fn, squaredErrorSum] = [0, 0, 0, 0];
  let scoresAreProbabilities = true;
  for (let i = 0; i < count; i++) {
    const label = yTrue[i]!;
    const score = yScore[i]!;
    if (label !== 0 && label !== 1) throw new RangeError(`yTrue[${i}] = ${label} is not 0 or 1`);
    if (score < 0 || score > 1) scoresAreProbabilities = false;
    squaredErrorSum += (label - score) * (label - score);
    if (score >= threshold) {
      if (label === 1) tp++;
      else fp++;
    } else if (label === 1) fn++;
  }
  const tn = count - tp - fp - fn;
  const notProbabilities = toInsufficientData("scores outside [0, 1] are not probabilities");
  return toOk({
    count,
    threshold,
    ...computeThresholdMetrics({ tn, fp, fn, tp }),
    rocAuc: computeRocAucFromClassScores(input.classScores),
    averagePrecision: computeAveragePrecisionFromClassScores(input.classScores),
    logLoss: scoresAreProbabilities ? toMetricValue(computeBinaryLogLoss(yTrue, yScore)) : notProbabilities,
    brier: scoresAreProbabilities ? toMetricValue(squaredErrorSum / count) : notProbabilities,
    confusionMatrix: [
      [tn, fp],
      [fn, tp],
    ] as const,
  });
}
