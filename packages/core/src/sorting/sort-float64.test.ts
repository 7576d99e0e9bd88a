import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortFloat64, sortFloat64InPlace } from "./sort-float64.js";

/** Reference order: the built-in typed-array sort. */
function sortWithBuiltIn(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** Index of the first position where two arrays hold different numbers (-0 equals +0), or -1. */
function findFirstMismatch(actual: Float64Array, expected: Float64Array): number {
  if (actual.length !== expected.length) return Math.min(actual.length, expected.length);
  for (let i = 0; i < actual.length; i += 1) if (actual[i] !== expected[i]) return i;
  return -1;
}

/** Deterministic pseudo-random doubles spanning many exponents and both signs. */
function generateMixedValues(count: number, seed: number): Float64Array {
  const values = new Float64Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i += 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const unit = state / 2 ** 32;
    const exponent = (state % 61) - 30;
    values[i] = (unit - 0.5) * 2 ** exponent;
  }
  return values;
}

describe("sortFloat64", () => {
  it("sorts small inputs and returns a copy", () => {
    const input = [3, -1, 2.5, 0, -7];
    const sorted = sortFloat64(input);
    expect(Array.from(sorted)).toEqual([-7, -1, 0, 2.5, 3]);
    expect(input).toEqual([3, -1, 2.5, 0, -7]);
    expect(sortFloat64([]).length).toBe(0);
  });

  it("radix-sorts large inputs with mixed signs and magnitudes like the built-in sort", () => {
    const values = generateMixedValues(50_000, 42);
    const sorted = sortFloat64(values);
    expect(findFirstMismatch(sorted, sortWithBuiltIn(values))).toBe(-1);
    expect(sorted).not.toBe(values);
  });

  it("handles extremes, subnormals, signed zeros and heavy ties", () => {
    const special = [Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE, 0, -0, 1, -1];
    const values = new Float64Array(40_000);
    for (let i = 0; i < values.length; i += 1)
      values[i] = special[i % special.length]! * (i % 3 === 0 ? 1 : 0.5);
    const sorted = sortFloat64(values);
    let ascending = true;
    for (let i = 1; i < sorted.length; i += 1) ascending &&= sorted[i - 1]! <= sorted[i]!;
    expect(ascending).toBe(true);
    expect(sorted[0]).toBe(-Number.MAX_VALUE);
    expect(sorted[sorted.length - 1]).toBe(Number.MAX_VALUE);
    expect(Array.from(sorted).filter((x) => x === 0).length).toBe(values.filter((x) => x === 0).length);
  });

  it("leaves a large input untouched and never returns it or its memory, even when no pass is needed", () => {
    const mixed = generateMixedValues(30_000, 7);
    const constant = new Float64Array(30_000).fill(2.5);
    // A view into the middle of a larger buffer, as shared-memory columns can be.
    const view = new Float64Array(generateMixedValues(40_000, 9).buffer, 8 * 5_000, 30_000);
    for (const input of [mixed, constant, view]) {
      const before = input.slice();
      const sorted = sortFloat64(input);
      expect(input).toEqual(before);
      expect(sorted.buffer).not.toBe(input.buffer);
      expect(findFirstMismatch(sorted, sortWithBuiltIn(before))).toBe(-1);
    }
  });

  it("skips passes shared by all keys (integers) and still sorts", () => {
    const values = Float64Array.from({ length: 30_000 }, (_, i) => (i * 7919) % 1000);
    expect(findFirstMismatch(sortFloat64(values), sortWithBuiltIn(values))).toBe(-1);
  });

  it("orders values that share the upper 32 key bits in pairs (two passes and the insertion pass)", () => {
    // Pairs 1 + k·2^-20 (+ 2^-40 for one of them), in a scrambled order.
    const pairs = Float64Array.from(
      { length: 20_000 },
      (_, i) => 1 + ((i * 7919) % 10_000) * 2 ** -20 + (i % 2) * 2 ** -40,
    );
    expect(findFirstMismatch(sortFloat64(pairs), sortWithBuiltIn(pairs))).toBe(-1);
  });

  it("orders values that differ only in the lowest 16 bits, in small runs and in one huge run", () => {
    // Runs of four values sharing the upper 48 key bits: fixed by the insertion pass.
    const smallRuns = Float64Array.from(
      { length: 20_000 },
      (_, i) => 1 + Math.floor(i / 4) * 2 ** -36 + ((i * 7) % 4) * 2 ** -52,
    );
    expect(findFirstMismatch(sortFloat64(smallRuns.reverse()), sortWithBuiltIn(smallRuns))).toBe(-1);
    // One run of 20000 values: the insertion budget runs out and the full four passes take over.
    const oneRun = Float64Array.from({ length: 20_000 }, (_, i) => 1 + ((i * 40_503) % 65_536) * 2 ** -52);
    expect(findFirstMismatch(sortFloat64(oneRun), sortWithBuiltIn(oneRun))).toBe(-1);
  });

  it("accepts any array-like and agrees with the built-in sort (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 200 }),
        (values) => {
          expect(findFirstMismatch(sortFloat64(values), sortWithBuiltIn(values))).toBe(-1);
        },
      ),
    );
  });

  it("radix path agrees with the built-in sort for random seeds (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const values = generateMixedValues(13_000, seed);
        expect(findFirstMismatch(sortFloat64(values), sortWithBuiltIn(values))).toBe(-1);
      }),
      { numRuns: 10 },
    );
  });
});

describe("sortFloat64InPlace", () => {
  it("sorts in place like the copying sort, for every number of radix passes and small inputs", () => {
    // Mixed exponents take all four passes (even), the pairs one pass first (odd: bits 48–63 are shared)
    // and insertion, integers skip passes, a constant array needs none, 500 values take the built-in sort.
    const pairs = Float64Array.from({ length: 30_000 }, (_, i) => {
      const k = (i * 7919) % 15_000;
      return 1 + k * 2 ** -20 + (i % 2 === 0 ? 2 ** -40 : 0);
    });
    const inputs = [
      generateMixedValues(50_000, 11),
      pairs,
      Float64Array.from({ length: 30_000 }, (_, i) => (i * 7919) % 1000),
      new Float64Array(30_000).fill(-3.25),
      generateMixedValues(500, 5),
      new Float64Array(generateMixedValues(40_000, 13).buffer, 8 * 4_000, 30_000),
    ];
    for (const input of inputs) {
      const expected = sortWithBuiltIn(input);
      const copy = sortFloat64(input);
      const sorted = sortFloat64InPlace(input);
      expect(sorted).toBe(input);
      expect(findFirstMismatch(sorted, expected)).toBe(-1);
      expect(findFirstMismatch(copy, expected)).toBe(-1);
    }
  });

  it("leaves another array alone while sorting one in place (the scratch array is shared)", () => {
    const first = generateMixedValues(40_000, 21);
    const second = generateMixedValues(40_000, 22);
    const secondBefore = second.slice();
    sortFloat64InPlace(first);
    expect(second).toEqual(secondBefore);
    expect(findFirstMismatch(sortFloat64InPlace(second), sortWithBuiltIn(secondBefore))).toBe(-1);
  });
});
