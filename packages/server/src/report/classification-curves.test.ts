import { deriveClassSortedScores, listDescendingThresholds } from "@sextant/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeClassificationCurves, maxCurvePoints, selectCurveIndices } from "./classification-curves.js";

/** The curves the straightforward way: every point, then evenly thinned by index. */
function computeFullCurves(labels: Float64Array, scores: Float64Array) {
  const sorted = deriveClassSortedScores(labels, scores);
  const [positives, negatives] = [sorted.positives.length, sorted.negatives.length];
  const roc = { x: [0], y: [0] };
  const pr = { x: [] as number[], y: [] as number[] };
  let [tp, fp] = [0, 0];
  const thresholds = listDescendingThresholds(sorted);
  thresholds.positives.forEach((p, k) => {
    tp += p;
    fp += thresholds.negatives[k]!;
    roc.x.push(fp / negatives);
    roc.y.push(tp / positives);
    pr.x.push(tp / positives);
    pr.y.push(tp + fp === 0 ? 1 : tp / (tp + fp));
  });
  const thin = (c: { x: number[]; y: number[] }) => {
    const keep = selectCurveIndices(c.x.length);
    return { x: keep.map((i) => c.x[i]!), y: keep.map((i) => c.y[i]!) };
  };
  return { roc: thin(roc), pr: thin(pr) };
}

describe("computeClassificationCurves", () => {
  it("keeps at most maxCurvePoints points, both ends included, on a long curve with ties", () => {
    const n = 5000;
    const labels = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const scores = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 1201) / 1200);
    const curves = computeClassificationCurves(deriveClassSortedScores(labels, scores))!;
    expect(curves.roc.x).toHaveLength(maxCurvePoints);
    expect([curves.roc.x[0], curves.roc.y[0]]).toEqual([0, 0]);
    expect([curves.roc.x.at(-1), curves.roc.y.at(-1)]).toEqual([1, 1]);
    expect(curves).toEqual(computeFullCurves(labels, scores));
  });

  it("equals the full curves thinned afterwards on random data", () => {
    const row = fc.tuple(fc.constantFrom(0, 1), fc.integer({ min: 0, max: 400 }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 600 }), (rows) => {
        const labels = Float64Array.from(rows, (r) => r[0]);
        const scores = Float64Array.from(rows, (r) => r[1] / 400);
        const curves = computeClassificationCurves(deriveClassSortedScores(labels, scores));
        if (!labels.includes(0) || !labels.includes(1)) expect(curves).toBeUndefined();
        else expect(curves).toEqual(computeFullCurves(labels, scores));
      }),
    );
  });
});

describe("selectCurveIndices", () => {
  it("keeps every index of a short curve and evenly spaced, strictly increasing ones of a long one", () => {
    expect(selectCurveIndices(3)).toEqual([0, 1, 2]);
    const keep = selectCurveIndices(1001);
    expect(keep).toHaveLength(maxCurvePoints);
    expect([keep[0], keep.at(-1)]).toEqual([0, 1000]);
    expect(keep.every((v, i) => i === 0 || v > keep[i - 1]!)).toBe(true);
  });
});
