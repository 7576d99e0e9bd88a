import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveSortedFloat64 } from "./float64-radix-sort.js";

function nativeSorted(values: ArrayLike<number>): number[] {
  return Array.from(Float64Array.from(values).sort());
}

describe("deriveSortedFloat64", () => {
  it("sorts special and mixed-sign values like the built-in sort, on the radix path", () => {
    const specials = [0, -0, 1, -1, Infinity, -Infinity, 5e-324, -5e-324, 1.7976931348623157e308, -2.5, 2.5];
    const values = Array.from({ length: 5000 }, (_, i) => specials[i % specials.length]! * (1 + (i % 7)));
    const sorted = deriveSortedFloat64(values);
    expect(Array.from(sorted)).toEqual(nativeSorted(values));
    expect(Object.is(sorted[sorted.indexOf(0)], -0)).toBe(true); // -0 sorts before +0
  });

  it("leaves the input untouched and handles empty and short arrays", () => {
    const input = Float64Array.of(3, -1, 2);
    expect(Array.from(deriveSortedFloat64(input))).toEqual([-1, 2, 3]);
    expect(Array.from(input)).toEqual([3, -1, 2]);
    expect(deriveSortedFloat64([]).length).toBe(0);
  });

  it("matches the built-in sort on arbitrary large arrays", () => {
    const doubles = fc.array(fc.double({ noNaN: true }), { minLength: 2049, maxLength: 4000 });
    fc.assert(
      fc.property(doubles, (values) => {
        expect(Array.from(deriveSortedFloat64(values))).toEqual(nativeSorted(values));
      }),
      { numRuns: 20 },
    );
  });

  it("matches the built-in sort on scores in [0, 1] with many ties", () => {
    let state = 9;
    const values = Array.from({ length: 100000 }, () => {
      state = (state * 48271) % 2147483647;
      return Math.floor((state / 2147483647) * 1000) / 1000;
    });
    expect(Array.from(deriveSortedFloat64(values))).toEqual(nativeSorted(values));
  });
});
