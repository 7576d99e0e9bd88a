import { computeBinaryClassificationMetrics, deriveClassSortedScores } from "@sextant/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeBinaryMetricsFromSorted } from "./binary-metrics.js";

const fromSorted = (yTrue: Float64Array, yScore: Float64Array) =>
  computeBinaryMetricsFromSorted({ yTrue, yScore, classScores: deriveClassSortedScores(yTrue, yScore) });

describe("computeBinaryMetricsFromSorted", () => {
  it("equals core's binary metrics, ties and the 0.5 threshold included", () => {
    const yTrue = Float64Array.of(0, 0, 1, 1, 1, 0, 1);
    const yScore = Float64Array.of(0.1, 0.5, 0.5, 0.9, 0.2, 0.7, 0.7);
    expect(fromSorted(yTrue, yScore)).toEqual(computeBinaryClassificationMetrics({ yTrue, yScore }));
  });

  it("equals core's binary metrics on random data, one-class and non-probability scores included", () => {
    const row = fc.tuple(
      fc.constantFrom(0, 1),
      fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 1, 1.5, -2)),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const yTrue = Float64Array.from(rows, (r) => r[0]);
        const yScore = Float64Array.from(rows, (r) => r[1]);
        expect(fromSorted(yTrue, yScore)).toEqual(computeBinaryClassificationMetrics({ yTrue, yScore }));
      }),
    );
  });

  it("rejects labels other than 0 and 1 as core does", () => {
    const yTrue = Float64Array.of(0, 2);
    const yScore = Float64Array.of(0.3, 0.6);
    expect(() => fromSorted(yTrue, yScore)).toThrow(RangeError);
  });
});
