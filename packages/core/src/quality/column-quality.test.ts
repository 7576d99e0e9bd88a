import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeCategoricalColumnQuality,
  computeNumericColumnQuality,
  computeNumericColumnQualityFromSorted,
} from "./column-quality.js";

describe("computeNumericColumnQuality", () => {
  it("counts missing values and values outside the reference range", () => {
    const q = computeNumericColumnQuality(
      [1, 2, Number.NaN, 3],
      [0, 2, 4, Number.POSITIVE_INFINITY, Number.NaN],
    );
    expect(q.missingReference).toEqual({ count: 1, share: 0.25 });
    expect(q.missingCurrent).toEqual({ count: 2, share: 0.4 });
    expect([q.referenceMin, q.referenceMax]).toEqual([1, 3]);
    expect(q.outOfRangeCount).toBe(2);
    expect(q.outOfRangeShare).toBeCloseTo(2 / 3, 15);
  });

  it("flags constant sides and handles an empty reference", () => {
    const q = computeNumericColumnQuality([], [5, 5]);
    expect(q.referenceMin).toBeUndefined();
    expect(q.outOfRangeCount).toBe(0);
    expect(q.constantReference).toBe(false);
    expect(q.constantCurrent).toBe(true);
    expect(q.missingReference.share).toBe(0);
  });
});

describe("computeCategoricalColumnQuality", () => {
  it("finds new and vanished categories", () => {
    const q = computeCategoricalColumnQuality({
      categories: ["a", "b", "c"],
      reference: Int32Array.from([0, 0, 1, -1]),
      current: Int32Array.from([0, 2, 2, -1]),
    });
    expect(q.newCategories).toEqual(["c"]);
    expect(q.newCategoryCount).toBe(2);
    expect(q.newCategoryShare).toBeCloseTo(2 / 3, 15);
    expect(q.missingCategories).toEqual(["b"]);
    expect(q.missingCurrent).toEqual({ count: 1, share: 0.25 });
    expect(q.constantReference).toBe(false);
  });

  it("calls a one-category side constant", () => {
    const q = computeCategoricalColumnQuality({
      categories: ["a"],
      reference: Int32Array.from([0, 0]),
      current: Int32Array.from([-1]),
    });
    expect(q.constantReference).toBe(true);
    expect(q.constantCurrent).toBe(false);
    expect(q.newCategoryShare).toBe(0);
  });
});

describe("computeNumericColumnQualityFromSorted", () => {
  const finiteSorted = (values: readonly number[]) =>
    Float64Array.from(values.filter(Number.isFinite)).sort();
  const missing = (values: readonly number[]) => values.filter((v) => !Number.isFinite(v)).length;
  const fromSorted = (reference: number[], current: number[]) =>
    computeNumericColumnQualityFromSorted({
      referenceSorted: finiteSorted(reference),
      currentSorted: finiteSorted(current),
      referenceMissing: missing(reference),
      currentMissing: missing(current),
    });

  it("counts values outside the reference range with ties at both ends inside it", () => {
    const q = fromSorted([1, 1, 2, 3, 3, Number.NaN], [0, 1, 1, 3, 3, 3.5, 4, Number.NEGATIVE_INFINITY]);
    expect(q.outOfRangeCount).toBe(3);
    expect(q.outOfRangeShare).toBeCloseTo(3 / 7, 15);
    expect([q.referenceMin, q.referenceMax]).toEqual([1, 3]);
    expect(q.missingReference).toEqual({ count: 1, share: 1 / 6 });
  });

  it("equals the raw-column quality on random columns with missing values and ties", () => {
    const value = fc.oneof(
      fc.integer({ min: -5, max: 5 }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), fc.array(value, { maxLength: 40 }), (r, c) => {
        expect(fromSorted(r, c)).toEqual(computeNumericColumnQuality(r, c));
      }),
    );
  });
});
