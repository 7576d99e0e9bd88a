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
  readonly thresholds?: { readonly positives: Int32Array; readonly negatives: Int32Array };
}

/** One distinct score threshold with the rows tied at it, visited from the highest score down. */
export type ThresholdVisitor = (positivesAtScore: number, negativesAtScore: number) => void;

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
  const tiedPositives = new Int32Array(scores.length);
  const tiedNegatives = new Int32Array(scores.length);
  let count = 0;
  walkDescendingThresholds(sorted, (p, n) => {
    tiedPositives[count] = p;
    tiedNegatives[count++] = n;
  });
  return {
    ...sorted,
    thresholds: { positives: tiedPositives.subarray(0, count), negatives: tiedNegatives.subarray(0, count) },
  };
}

/** Calls `visit` once per distinct score, highest first, with the tied positive and negative counts. */
export function visitDescendingThresholds(scores: ClassSortedScores, visit: ThresholdVisitor): void {
  const thresholds = scores.thresholds;
  if (thresholds === undefined) {
    walkDescendingThresholds(scores, visit);
    return;
  }
  for (let k = 0; k < thresholds.positives.length; k++)
    visit(thresholds.positives[k]!, thresholds.negatives[k]!);
}

/** The number of distinct scores (thresholds) over both classes. */
export function countDescendingThresholds(scores: ClassSortedScores): number {
  if (scores.thresholds !== undefined) return scores.thresholds.positives.length;
  let count = 0;
  walkDescendingThresholds(scores, () => count++);
  return count;
}

/** The descending merge of both classes behind `visitDescendingThresholds`. */
function walkDescendingThresholds(scores: ClassSortedScores, visit: ThresholdVisitor): void {
  const { positives, negatives } = scores;
  let i = positives.length - 1;
  let j = negatives.length - 1;
  while (i >= 0 || j >= 0) {
    const top =
      i < 0
        ? (negatives[j] as number)
        : j < 0
          ? (positives[i] as number)
          : Math.max(positives[i] as number, negatives[j] as number);
    let tiedPositives = 0;
    let tiedNegatives = 0;
    // `===` treats -0 and +0 as one threshold, as NumPy's comparisons do.
    while (i >= 0 && positives[i] === top) {
      tiedPositives++;
      i--;
    }
    while (j >= 0 && negatives[j] === top) {
      tiedNegatives++;
      j--;
    }
    visit(tiedPositives, tiedNegatives);
  }
}
