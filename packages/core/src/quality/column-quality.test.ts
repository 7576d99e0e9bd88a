import { describe, expect, it } from "vitest";
import { computeCategoricalColumnQuality, computeNumericColumnQuality } from "./column-quality.js";

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
