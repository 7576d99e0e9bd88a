import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addToSketch,
  computeSketchCutQuantiles,
  computeSketchQuantiles,
  countSketchAtOrBelow,
  describeSketchBucket,
  mergeSketches,
  sketchOverflowKey,
  sketchRelativeAccuracy,
  toSketchKey,
  type SketchSummary,
} from "./log-bucket-sketch.js";

const alpha = sketchRelativeAccuracy;
const gamma = (1 + alpha) / (1 - alpha);

/** Values spread over many decades and both signs, with repeats and zeros. */
const values = fc.array(
  fc.oneof(
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    fc.double({ min: 0.5, max: 2, noNaN: true }),
    fc.constantFrom(0, 1, -1, 1000, 1e-12, 5e13, -5e13),
  ),
  { minLength: 1, maxLength: 300 },
);

function summarise(data: readonly number[]): SketchSummary {
  const buckets = new Map<number, number>();
  for (const value of data) addToSketch(buckets, value);
  return { buckets, min: Math.min(...data), max: Math.max(...data) };
}

describe("log-bucket sketch", () => {
  it("puts every value inside its bucket's bounds, with keys monotone in the value", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        const key = toSketchKey(a)!;
        const { low, high } = describeSketchBucket(key);
        expect(a).toBeGreaterThanOrEqual(low);
        expect(a).toBeLessThanOrEqual(high);
        if (a < b) expect(key).toBeLessThanOrEqual(toSketchKey(b)!);
      }),
    );
    expect(toSketchKey(Number.NaN)).toBeNull();
    expect(toSketchKey(Number.POSITIVE_INFINITY)).toBe(sketchOverflowKey);
    expect(toSketchKey(-1e300)).toBe(-sketchOverflowKey);
  });

  it("merges exactly: the sketch of A ∪ B is the sum of the sketches", () => {
    fc.assert(
      fc.property(values, values, (a, b) => {
        const merged = mergeSketches(summarise(a).buckets, summarise(b).buckets);
        expect([...merged].sort(([x], [y]) => x - y)).toEqual(
          [...summarise([...a, ...b]).buckets].sort(([x], [y]) => x - y),
        );
      }),
    );
  });

  it("estimates quantiles within α·|x| of the order statistic of rank ⌊q(n−1)⌋", () => {
    fc.assert(
      fc.property(values, fc.double({ min: 0, max: 1, noNaN: true }), (data, q) => {
        const sorted = [...data].sort((x, y) => x - y);
        const exact = sorted[Math.floor(q * (sorted.length - 1))]!;
        const [estimate] = computeSketchQuantiles(summarise(data), [q]);
        const inOverflow = Math.abs(toSketchKey(exact)!) === sketchOverflowKey;
        const tolerance = inOverflow ? Number.POSITIVE_INFINITY : alpha * Math.abs(exact) + 1e-9;
        expect(Math.abs(estimate! - exact)).toBeLessThanOrEqual(tolerance);
        expect(estimate!).toBeGreaterThanOrEqual(sorted[0]!);
        expect(estimate!).toBeLessThanOrEqual(sorted[sorted.length - 1]!);
      }),
    );
    expect(computeSketchQuantiles(summarise([3, 1, 2]), [0, 1])).toEqual([1, 3]);
  });

  it("counts values at or below an edge, wrong only inside the edge's bucket, which lies within (e/γ, eγ]", () => {
    fc.assert(
      fc.property(values, fc.double({ min: -2e6, max: 2e6, noNaN: true }), (data, edge) => {
        const summary = summarise(data);
        const exact = data.filter((value) => value <= edge).length;
        const { estimate, bound } = countSketchAtOrBelow(summary, edge);
        expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(bound);
        const edgeKey = toSketchKey(edge);
        const sharing = data.filter((value) => toSketchKey(value) === edgeKey);
        expect(bound).toBeLessThanOrEqual(sharing.length);
        if (Math.abs(edgeKey!) !== sketchOverflowKey && edgeKey !== 0) {
          for (const value of sharing) {
            expect(Math.abs(value)).toBeGreaterThan(Math.abs(edge) / gamma / (1 + 1e-12));
            expect(Math.abs(value)).toBeLessThanOrEqual(Math.abs(edge) * gamma * (1 + 1e-12));
          }
        }
      }),
    );
  });

  it("snaps quantiles to clean cuts within (γ−1)·|x|, where bin counts are exact", () => {
    fc.assert(
      fc.property(
        values,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 9 }),
        (data, qs) => {
          const sorted = [...data].sort((x, y) => x - y);
          const summary = summarise(data);
          computeSketchCutQuantiles(summary, qs).forEach((cut, i) => {
            const exact = sorted[Math.floor(qs[i]! * (sorted.length - 1))]!;
            const inOverflow = Math.abs(toSketchKey(exact)!) === sketchOverflowKey;
            if (!inOverflow)
              expect(Math.abs(cut - exact)).toBeLessThanOrEqual((gamma - 1) * Math.abs(exact) + 2e-9);
            expect(cut).toBeGreaterThanOrEqual(exact);
            expect(cut).toBeLessThanOrEqual(sorted[sorted.length - 1]!);
            expect(countSketchAtOrBelow(summary, cut)).toEqual({
              estimate: data.filter((value) => value <= cut).length,
              bound: 0,
            });
          });
        },
      ),
    );
  });

  it("is exact at and beyond the extremes", () => {
    const summary = summarise([1, 2, 3, 1000]);
    expect(countSketchAtOrBelow(summary, 1000)).toEqual({ estimate: 4, bound: 0 });
    expect(countSketchAtOrBelow(summary, 0.5)).toEqual({ estimate: 0, bound: 0 });
    expect(countSketchAtOrBelow(summary, 2.5).estimate).toBe(2);
  });
});
