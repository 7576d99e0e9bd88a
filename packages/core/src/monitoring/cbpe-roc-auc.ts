/**
 * CBPE's ROC AUC without labels. Realised AUC is Σ_{i pos, j neg} h(s_i, s_j) / (#pos·#neg) with h = 1 when
 * s_i > s_j and ½ on ties; with independent labels y ~ Bernoulli(p̂) the estimate is the ratio of expectations
 * Σ_{i≠j} p̂_i(1−p̂_j)·h(s_i, s_j) / Σ_{i≠j} p̂_i(1−p̂_j), ranking by the uncalibrated scores s. It is the
 * trapezoidal area under the expected ROC curve with each row's own (i = i) pair removed, in O(n log n).
 */
import type { StatResult } from "../result.js";
import { toInsufficientData, toOk } from "../result.js";
import type { MetricValue } from "../metrics/metric-value.js";
import { toMetricValue } from "../metrics/metric-value.js";
import { createSeededRandom } from "../random/seeded-random.js";
import { deriveAscendingOrder } from "./isotonic-regression.js";

/** Rows sorted by descending score, with the end (exclusive) of each group of tied scores. */
function deriveDescendingGroups(scores: ArrayLike<number>): { order: Uint32Array; groupEnds: number[] } {
  const order = deriveAscendingOrder(scores).reverse();
  const groupEnds: number[] = [];
  for (let k = 1; k <= order.length; k++) {
    if (k === order.length || scores[order[k]!] !== scores[order[k - 1]!]) groupEnds.push(k);
  }
  return { order, groupEnds };
}

/** Expected ROC AUC from uncalibrated `scores` and calibrated probabilities (module header formula). */
export function computeExpectedRocAuc(
  scores: ArrayLike<number>,
  probabilities: ArrayLike<number>,
): MetricValue {
  if (scores.length !== probabilities.length) throw new RangeError("scores and probabilities lengths differ");
  const { order, groupEnds } = deriveDescendingGroups(scores);
  let positivesAbove = 0;
  let doubledPairSum = 0;
  let negatives = 0;
  let selfPairs = 0;
  let start = 0;
  for (const end of groupEnds) {
    let groupPositives = 0;
    let groupNegatives = 0;
    for (let k = start; k < end; k++) {
      const p = probabilities[order[k]!] as number;
      groupPositives += p;
      groupNegatives += 1 - p;
      selfPairs += p * (1 - p);
    }
    doubledPairSum += groupNegatives * (2 * positivesAbove + groupPositives);
    positivesAbove += groupPositives;
    negatives += groupNegatives;
    start = end;
  }
  const denominator = positivesAbove * negatives - selfPairs;
  if (!(denominator > 1e-12)) return toInsufficientData("expected positives or negatives are zero");
  const value = (doubledPairSum - selfPairs) / (2 * denominator);
  return toMetricValue(Math.min(1, Math.max(0, value)));
}

/**
 * Standard error of the realised ROC AUC when labels are drawn as y ~ Bernoulli(p̂) given the scores: the
 * sample standard deviation over `replicateCount` seeded parametric-bootstrap draws (one-class draws skipped).
 */
export function computeCbpeRocAucStandardError(input: {
  readonly scores: ArrayLike<number>;
  readonly probabilities: ArrayLike<number>;
  readonly seed: number;
  readonly replicateCount?: number;
}): StatResult<{ standardError: number; replicatesUsed: number }> {
  const { scores, probabilities } = input;
  const replicateCount = input.replicateCount ?? 200;
  if (!Number.isInteger(replicateCount) || replicateCount < 2)
    throw new RangeError("replicateCount must be >= 2");
  if (scores.length !== probabilities.length) throw new RangeError("scores and probabilities lengths differ");
  const { order, groupEnds } = deriveDescendingGroups(scores);
  const random = createSeededRandom(input.seed);
  const aucs: number[] = [];
  for (let r = 0; r < replicateCount; r++) {
    let positivesAbove = 0;
    let negatives = 0;
    let doubledPairs = 0;
    let start = 0;
    for (const end of groupEnds) {
      let groupPositives = 0;
      for (let k = start; k < end; k++)
        if (random.nextFloat() < (probabilities[order[k]!] as number)) groupPositives++;
      const groupNegatives = end - start - groupPositives;
      doubledPairs += groupNegatives * (2 * positivesAbove + groupPositives);
      positivesAbove += groupPositives;
      negatives += groupNegatives;
      start = end;
    }
    if (positivesAbove > 0 && negatives > 0) aucs.push(doubledPairs / (2 * positivesAbove * negatives));
  }
  if (aucs.length < 2) return toInsufficientData("too few bootstrap draws contained both classes");
  const mean = aucs.reduce((sum, auc) => sum + auc, 0) / aucs.length;
  const variance = aucs.reduce((sum, auc) => sum + (auc - mean) ** 2, 0) / (aucs.length - 1);
  return toOk({ standardError: Math.sqrt(variance), replicatesUsed: aucs.length });
}
