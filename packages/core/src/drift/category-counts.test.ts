import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Category } from "./category-counts.js";
import {
  alignCategoryCounts,
  compareCategories,
  compareCodePoints,
  countCategories,
} from "./category-counts.js";

describe("countCategories", () => {
  it("counts both sides over the sorted union", () => {
    const counts = countCategories(["b", "a", "b", "c"], ["d", "a", "a"]);
    expect(counts.categories).toEqual(["a", "b", "c", "d"]);
    expect(Array.from(counts.reference)).toEqual([1, 2, 1, 0]);
    expect(Array.from(counts.current)).toEqual([2, 0, 0, 1]);
  });

  it("sorts numbers numerically, not as strings", () => {
    const counts = countCategories([10, 9, 100, -1.5], [2]);
    expect(counts.categories).toEqual([-1.5, 2, 9, 10, 100]);
  });

  it("sorts strings by code point as Python does (an astral character after U+FFFD)", () => {
    // sorted(["\ufffd", "\U0001f600", "z", "Z"]) == ['Z', 'z', '\ufffd', '😀'] in Python
    const counts = countCategories(["\ufffd", "😀", "z", "Z"], []);
    expect(counts.categories).toEqual(["Z", "z", "\ufffd", "😀"]);
    expect(["\ufffd", "😀"].sort()).toEqual(["😀", "\ufffd"]); // the UTF-16 order this corrects
  });

  it("orders mixed types numbers and booleans first, then strings, keeping true distinct from 1", () => {
    const counts = countCategories(["x", 1, true, false, 0.5], [1, "x"]);
    expect(counts.categories).toEqual([false, 0.5, true, 1, "x"]);
    expect(Array.from(counts.current)).toEqual([0, 0, 0, 1, 1]);
  });

  it("handles empty sides", () => {
    const counts = countCategories([], []);
    expect(counts.categories).toEqual([]);
    expect(counts.reference.length).toBe(0);
  });

  it("preserves totals and yields strictly increasing unique categories", () => {
    const category = fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -5, max: 5 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(category), fc.array(category), (reference, current) => {
        const counts = countCategories(reference, current);
        expect(counts.reference.reduce((a, b) => a + b, 0)).toBe(reference.length);
        expect(counts.current.reduce((a, b) => a + b, 0)).toBe(current.length);
        for (let i = 1; i < counts.categories.length; i += 1) {
          const order = compareCategories(
            counts.categories[i - 1] as Category,
            counts.categories[i] as Category,
          );
          expect(order).toBeLessThan(0);
        }
      }),
    );
  });
});

describe("compareCodePoints", () => {
  it("agrees with code point order on arbitrary Unicode strings", () => {
    const toCodePoints = (s: string): number[] => Array.from(s, (ch) => ch.codePointAt(0) ?? 0);
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (a, b) => {
        const x = toCodePoints(a);
        const y = toCodePoints(b);
        let expected = x.length - y.length;
        for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
          if (x[i] !== y[i]) {
            expected = (x[i] ?? 0) - (y[i] ?? 0);
            break;
          }
        }
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(expected));
      }),
    );
  });
});

describe("alignCategoryCounts", () => {
  it("aligns two pre-counted maps over the sorted union", () => {
    const counts = alignCategoryCounts(
      new Map<Category, number>([
        ["b", 3],
        ["a", 1],
      ]),
      new Map<Category, number>([["c", 2]]),
    );
    expect(counts.categories).toEqual(["a", "b", "c"]);
    expect(Array.from(counts.reference)).toEqual([1, 3, 0]);
    expect(Array.from(counts.current)).toEqual([0, 0, 2]);
  });
});
