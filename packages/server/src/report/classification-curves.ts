/**
 * ROC and precision-recall curve points for the report charts, walked over sklearn's distinct-score
 * thresholds with core's class-sorted scores and thinned to at most `maxCurvePoints` points (evenly by
 * threshold index, keeping both ends). Thinning happens during the walk: the kept indices are chosen from
 * the number of thresholds (distinct scores) first, so a million rows never build million-point arrays.
 */
import { listDescendingThresholds, type ClassSortedScores } from "@sextant/core";
import type { CurveEntry } from "./report-model.js";

/** Largest number of points a curve keeps. */
export const maxCurvePoints = 200;

/** Indices kept of a curve with `length` points: all, or `maxCurvePoints` evenly spaced ones. */
export function selectCurveIndices(length: number): number[] {
  if (length <= maxCurvePoints) return Array.from({ length }, (_, i) => i);
  const step = (length - 1) / (maxCurvePoints - 1);
  return Array.from({ length: maxCurvePoints }, (_, i) => Math.round(i * step));
}

/** ROC (x = FPR, y = TPR) and PR (x = recall, y = precision) curves; undefined without both classes. */
export function computeClassificationCurves(
  sorted: ClassSortedScores,
): { roc: CurveEntry; pr: CurveEntry } | undefined {
  const positives = sorted.positives.length;
  const negatives = sorted.negatives.length;
  if (positives === 0 || negatives === 0) return undefined;
  // One threshold per distinct score of either class (ties grouped by ===), highest first.
  const thresholds = listDescendingThresholds(sorted);
  const tiedPositives = thresholds.positives;
  const tiedNegatives = thresholds.negatives;
  const count = tiedPositives.length;
  // A ROC point after k thresholds (k = 0 is the start, (0, 0)); a PR point after k ≥ 1 of them.
  const rocKeep = selectCurveIndices(count + 1);
  const prKeep = selectCurveIndices(count).map((i) => i + 1);
  const roc: CurveEntry = { x: [0], y: [0] };
  const pr: CurveEntry = { x: [], y: [] };
  let nextRoc = 1; // rocKeep[0] is always 0, the starting point
  let nextPr = 0;
  let tp = 0;
  let fp = 0;
  let taken = 0;
  // Counts are summed only up to each kept point, in a tight loop (the curves keep 200 of up to
  // millions of thresholds, and this runs once per side, mostly before V8 has optimised it).
  while (nextRoc < rocKeep.length || nextPr < prKeep.length) {
    const rocAt = nextRoc < rocKeep.length ? rocKeep[nextRoc]! : Infinity;
    const prAt = nextPr < prKeep.length ? prKeep[nextPr]! : Infinity;
    const at = Math.min(rocAt, prAt);
    for (; taken < at; taken++) {
      tp += tiedPositives[taken]!;
      fp += tiedNegatives[taken]!;
    }
    if (rocAt === at) {
      roc.x.push(fp / negatives);
      roc.y.push(tp / positives);
      nextRoc++;
    }
    if (prAt === at) {
      pr.x.push(tp / positives);
      pr.y.push(tp + fp === 0 ? 1 : tp / (tp + fp));
      nextPr++;
    }
  }
  return { roc, pr };
}
