/**
 * ROC and precision-recall curve points for the report charts, walked over sklearn's distinct-score
 * thresholds with core's class-sorted scores, then thinned to at most `maxCurvePoints` points (evenly
 * by threshold index, keeping both ends) so the HTML stays small at a million rows.
 */
import { deriveClassSortedScores, visitDescendingThresholds } from "@sextant/core";
import type { CurveEntry } from "./report-model.js";

/** Largest number of points a curve keeps. */
export const maxCurvePoints = 200;

function thin(x: number[], y: number[]): CurveEntry {
  if (x.length <= maxCurvePoints) return { x, y };
  const step = (x.length - 1) / (maxCurvePoints - 1);
  const keep = Array.from({ length: maxCurvePoints }, (_, i) => Math.round(i * step));
  return { x: keep.map((i) => x[i]!), y: keep.map((i) => y[i]!) };
}

/** ROC (x = FPR, y = TPR) and PR (x = recall, y = precision) curves; undefined without both classes. */
export function computeClassificationCurves(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
): { roc: CurveEntry; pr: CurveEntry } | undefined {
  const sorted = deriveClassSortedScores(labels, scores);
  const positives = sorted.positives.length;
  const negatives = sorted.negatives.length;
  if (positives === 0 || negatives === 0) return undefined;
  const fpr = [0];
  const tpr = [0];
  const recall: number[] = [];
  const precision: number[] = [];
  let tp = 0;
  let fp = 0;
  visitDescendingThresholds(sorted, (p, n) => {
    tp += p;
    fp += n;
    fpr.push(fp / negatives);
    tpr.push(tp / positives);
    recall.push(tp / positives);
    precision.push(tp + fp === 0 ? 1 : tp / (tp + fp));
  });
  return { roc: thin(fpr, tpr), pr: thin(recall, precision) };
}
