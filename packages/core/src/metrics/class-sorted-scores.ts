/**
 * Splits scores by binary label and radix-sorts each side once, the shared input of ROC AUC and average
 * precision: a descending merge of the two sides walks sklearn's `_binary_clf_curve` thresholds
 * (distinct scores, ties grouped) in O(n), once; the tied counts it finds are kept for every later visit.
 */
import { sortFloat64 } from "../sorting/sort-float64.js";

/** Scores of positive and negative rows, each sorted ascending. */
export interface ClassSortedScores {
  readonly positives: Float64Array;
  readonly negatives: Float64Array;
  /**
   * The tied positive and negative counts of each distinct score, highest first, when already walked
   * (`deriveClassSortedScores` walks once, so ROC AUC, average precision and curves need no walk).
   */
  readonly thresholds?: DescendingThresholds;
}

/** Tied positive and negative counts of each distinct score, highest score first. */
export interface DescendingThresholds {
  readonly positives: Int32Array;
  readonly negatives: Int32Array;
}

/** Splits `scores` by `isPositive[i]` (non-zero = positive) and sorts both sides ascending. */
export function deriveClassSortedScores(
  isPositive: ArrayLike<number>,
  scores: ArrayLike<number>,
): ClassSortedScores {
  if (isPositive.length !== scores.length) {
    throw new RangeError("labels and scores must have the same length");
  }
  let positiveCount = 0;
  for (let i = 0; i < isPositive.length; i++) if (isPositive[i] !== 0) positiveCount++;
  const positives = new Float64Array(positiveCount);
  const negatives = new Float64Array(scores.length - positiveCount);
  let p = 0;
  let q = 0;
  for (let i = 0; i < scores.length; i++) {
    if (isPositive[i] !== 0) positives[p++] = scores[i] as number;
    else negatives[q++] = scores[i] as number;
  }
  const sorted = { positives: sortFloat64(positives), negatives: sortFloat64(negatives) };
  return { ...sorted, thresholds: walkDescendingThresholds(sorted) };
}

/**
 * The tied counts per distinct score, highest first: the ones `deriveClassSortedScores` walked, or a
 * walk now. Metrics loop over these arrays directly (a callback per threshold costs far more than the
 * loop's work while the code is not yet optimised, as in a one-shot report).
 */
export function listDescendingThresholds(scores: ClassSortedScores): DescendingThresholds {
  return scores.thresholds ?? walkDescendingThresholds(scores);
}

/** The descending merge of both classes: tied counts per distinct score (`===` groups -0 with +0). */
function walkDescendingThresholds(scores: ClassSortedScores): DescendingThresholds {
  const { positives, negatives } = scores;
  const tiedPositives = new Int32Array(positives.length + negatives.length);
  const tiedNegatives = new Int32Array(positives.length + negatives.length);
  let count = 0;
  let i = positives.length - 1;
  let j = negatives.length - 1;
  while (i >= 0 || j >= 0) {
    const top =
      i < 0
        ? (negatives[j] as number)
        : j < 0
          ? (positives[i] as number)
          : Math.max(positives[i] as number, negatives[j] as number);
    let p = 0;
    let n = 0;
    // `===` treats -0 and +0 as one threshold, as NumPy's comparisons do.
    while (i >= 0 && positives[i] === top) {
      p++;
      i--;
    }
    while (j >= 0 && negatives[j] === top) {
      n++;
      j--;
    }
    tiedPositives[count] = p;
    tiedNegatives[count++] = n;
  }
  return { positives: tiedPositives.subarray(0, count), negatives: tiedNegatives.subarray(0, count) };
}
