/**
 * ROC and precision-recall curve points for the report charts, walked over sklearn's distinct-score
 * thresholds with core's class-sorted scores and thinned to at most `maxCurvePoints` points (evenly by
 * threshold index, keeping both ends). Thinning happens during the walk: the thresholds are counted first
 * (distinct scores), then the walk keeps only the chosen points, so a million rows never build
 * million-point arrays.
 */
import { countDescendingThresholds, visitDescendingThresholds, type ClassSortedScores } from "@sextant/core";
import type { CurveEntry } from "./report-model.js";

/** Largest number of points a curve keeps. */
export const maxCurvePoints = 200;

/** Indices kept of a curve with `length` points: all, or `maxCurvePoints` evenly spaced ones. */
export function selectCurveIndices(length: number): number[] {
  if (length <= maxCurvePoints) return Array.from({ length }, (_, i) => i);
  const step = (length - 1) / (maxCurvePoints - 1);
  return Array.from({ length: maxCurvePoints }, (_, i) => Math.round(i * step));
}

/** Collects the points of a curve at the chosen (ascending) indices as they are visited in order. */
function createCurveCollector(length: number) {
  const keep = selectCurveIndices(length);
  const curve: CurveEntry = { x: [], y: [] };
  let next = 0;
  return {
    curve,
    visit: (index: number, x: number, y: number) => {
      if (keep[next] !== index) return;
      curve.x.push(x);
      curve.y.push(y);
      next++;
    },
  };
}

/** ROC (x = FPR, y = TPR) and PR (x = recall, y = precision) curves; undefined without both classes. */
export function computeClassificationCurves(
  sorted: ClassSortedScores,
): { roc: CurveEntry; pr: CurveEntry } | undefined {
  const positives = sorted.positives.length;
  const negatives = sorted.negatives.length;
  if (positives === 0 || negatives === 0) return undefined;
  // One threshold per distinct score of either class (ties grouped by ===, as the walk does).
  const thresholds = countDescendingThresholds(sorted);
  // The ROC curve starts at (0, 0) before the first threshold; the PR curve has one point per threshold.
  const roc = createCurveCollector(thresholds + 1);
  const pr = createCurveCollector(thresholds);
  roc.visit(0, 0, 0);
  let tp = 0;
  let fp = 0;
  let k = 0;
  visitDescendingThresholds(sorted, (p, n) => {
    tp += p;
    fp += n;
    k++;
    roc.visit(k, fp / negatives, tp / positives);
    pr.visit(k - 1, tp / positives, tp + fp === 0 ? 1 : tp / (tp + fp));
  });
  return { roc: roc.curve, pr: pr.curve };
}
