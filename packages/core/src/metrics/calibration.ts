/**
 * Reliability curve as scikit-learn 1.2.1 `calibration_curve(strategy="uniform")`: edges
 * linspace(0, 1, binCount + 1); a score's bin is the number of inner edges strictly below it, so bins
 * are right-closed ((0.2, 0.3]) with [0, 1/binCount] first; empty bins are omitted. Expected calibration
 * error ECE = Σ_b (n_b / N)·|mean(y_b) − mean(score_b)|. Scores must lie in [0, 1] (sklearn raises).
 */
import type { StatResult } from "../result.js";
import { toInsufficientData, toOk } from "../result.js";
import { computeLinspace } from "../descriptive/histogram.js";

/** Per non-empty bin: observed positive rate, mean score and row count; plus ECE. */
export interface CalibrationCurve {
  readonly probTrue: number[];
  readonly probPred: number[];
  readonly binCounts: number[];
  readonly ece: number;
}

/**
 * sklearn `np.searchsorted(innerEdges, score, side="left")` (the number of inner edges below `score`) for
 * a score in [0, 1]: the uniform grid gives the bin directly, and a step or two against the edges
 * themselves settles scores that rounding puts next to an edge, so the answer is the search's exactly.
 */
function selectUniformBin(innerEdges: Float64Array, score: number): number {
  const last = innerEdges.length;
  let bin = Math.min(Math.max(Math.ceil(score * (last + 1)) - 1, 0), last);
  while (bin > 0 && (innerEdges[bin - 1] as number) >= score) bin -= 1;
  while (bin < last && (innerEdges[bin] as number) < score) bin += 1;
  return bin;
}

/** Calibration curve and ECE of 0/1 labels against probabilities; empty input → insufficient_data. */
export function computeCalibrationCurve(input: {
  readonly yTrue: ArrayLike<number>;
  readonly yScore: ArrayLike<number>;
  readonly binCount?: number;
}): StatResult<CalibrationCurve> {
  const { yTrue, yScore } = input;
  const binCount = input.binCount ?? 10;
  if (!Number.isInteger(binCount) || binCount < 1) throw new RangeError("binCount must be >= 1");
  if (yTrue.length !== yScore.length) throw new RangeError("yTrue and yScore lengths differ");
  const n = yTrue.length;
  if (n === 0) return toInsufficientData("no rows");
  const innerEdges = computeLinspace(0, 1, binCount + 1).subarray(1, binCount);
  const scoreSums = new Float64Array(binCount);
  const positiveSums = new Float64Array(binCount);
  const counts = new Float64Array(binCount);
  for (let i = 0; i < n; i++) {
    const label = yTrue[i] as number;
    const score = yScore[i] as number;
    if (label !== 0 && label !== 1) throw new RangeError(`yTrue[${i}] = ${label} is not 0 or 1`);
    if (!(score >= 0 && score <= 1)) {
      return toInsufficientData("calibration needs scores in [0, 1]");
    }
    const bin = selectUniformBin(innerEdges, score);
    scoreSums[bin]! += score;
    positiveSums[bin]! += label;
    counts[bin]! += 1;
  }
  const curve: CalibrationCurve = { probTrue: [], probPred: [], binCounts: [], ece: 0 };
  let ece = 0;
  for (let b = 0; b < binCount; b++) {
    const count = counts[b]!;
    if (count === 0) continue;
    const observed = positiveSums[b]! / count;
    const predicted = scoreSums[b]! / count;
    curve.probTrue.push(observed);
    curve.probPred.push(predicted);
    curve.binCounts.push(count);
    ece += (count / n) * Math.abs(observed - predicted);
  }
  return toOk({ ...curve, ece });
}
