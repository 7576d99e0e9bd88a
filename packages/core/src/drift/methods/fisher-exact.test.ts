import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TwoByTwoTable } from "./fisher-exact.js";
import { fisherExactTest } from "./fisher-exact.js";
import { expectOk } from "../../../test/support/result-assertions.js";

const testOf = (table: TwoByTwoTable) => {
  return expectOk(fisherExactTest(table));
};

describe("fisherExactTest", () => {
  it.each<[TwoByTwoTable, number, number]>([
    // scipy.stats.fisher_exact(table) -> (odds ratio, p-value), SciPy 1.10.1
    [
      [
        [25000, 25000],
        [24000, 26000],
      ],
      1.0833333333333333,
      2.6207123876113775e-10,
    ], // equal rows: symmetric law
    [
      [
        [500, 400],
        [400, 500],
      ],
      1.5625,
      2.99134055499768e-6,
    ],
    [
      [
        [38, 32],
        [32, 38],
      ],
      1.41015625,
      0.3981198241657139,
    ], // the mirror cell has exactly the observed mass
    [
      [
        [2, 4],
        [5, 1],
      ],
      0.1,
      0.24242424242424246,
    ],
    [
      [
        [1, 9],
        [11, 3],
      ],
      0.030303030303030304,
      0.0027594561852200836,
    ],
    [
      [
        [12000, 38000],
        [11800, 38200],
      ],
      1.0223015165031222,
      0.13948634891119627,
    ],
    [
      [
        [43780, 28744],
        [50094, 22430],
      ],
      0.6819807484445246,
      3.6146634210485526e-264,
    ],
    [
      [
        [0, 10],
        [100000, 5],
      ],
      0,
      1.0885850899242401e-40,
    ],
    [
      [
        [0, 5],
        [5, 0],
      ],
      0,
      0.007936507936507938,
    ],
    [
      [
        [100, 0],
        [0, 100],
      ],
      Number.POSITIVE_INFINITY,
      2.208760693199503e-59,
    ],
  ])("matches SciPy on %j", (table, oddsRatio, pValue) => {
    const result = testOf(table);
    expect(result.oddsRatio).toBe(oddsRatio);
    expect(Math.abs(result.pValue - pValue)).toBeLessThanOrEqual(1e-9 * pValue);
  });

  it.each<[TwoByTwoTable, number]>([
    // scipy.stats.fisher_exact: observed mass equal to the mode's within 1e-14 -> p = 1
    [
      [
        [10, 10],
        [10, 11],
      ],
      1.1,
    ],
    [
      [
        [1, 49999],
        [0, 50000],
      ],
      Number.POSITIVE_INFINITY,
    ],
    [
      [
        [3, 3],
        [3, 3],
      ],
      1,
    ],
  ])("returns p = 1 at the mode for %j", (table, oddsRatio) => {
    expect(testOf(table)).toEqual({ status: "ok", oddsRatio, pValue: 1 });
  });

  it("underflows with SciPy for a p-value below the double range", () => {
    // scipy.stats.fisher_exact([[623, 2264], [1463, 468]]) -> p = 3.09683663e-315 (subnormal)
    expect(
      testOf([
        [623, 2264],
        [1463, 468],
      ]).pValue,
    ).toBeLessThan(1e-300);
  });

  it("reports a zero row or column total (SciPy: odds ratio NaN, p = 1) as insufficient data", () => {
    expect(
      fisherExactTest([
        [0, 0],
        [3, 4],
      ]).status,
    ).toBe("insufficient_data");
    expect(
      fisherExactTest([
        [0, 2],
        [0, 4],
      ]).status,
    ).toBe("insufficient_data");
  });

  it("rejects non-integer or negative cells", () => {
    expect(() =>
      fisherExactTest([
        [1.5, 2],
        [3, 4],
      ]),
    ).toThrow(RangeError);
    expect(() =>
      fisherExactTest([
        [-1, 2],
        [3, 4],
      ]),
    ).toThrow(RangeError);
  });

  it("stays fast for a table of 200,000", () => {
    const result = testOf([
      [50200, 49800],
      [49800, 50200],
    ]);
    expect(result.pValue).toBeGreaterThan(0);
    expect(result.pValue).toBeLessThan(0.5);
  });

  it("gives the same p-value for the transposed and the row-swapped table", () => {
    const cell = fc.integer({ min: 0, max: 60 });
    fc.assert(
      fc.property(cell, cell, cell, cell, (a, b, c, d) => {
        fc.pre(a + b > 0 && c + d > 0 && a + c > 0 && b + d > 0);
        const p = testOf([
          [a, b],
          [c, d],
        ]).pValue;
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(
          testOf([
            [a, c],
            [b, d],
          ]).pValue,
        ).toBeCloseTo(p, 12);
        expect(
          testOf([
            [c, d],
            [a, b],
          ]).pValue,
        ).toBeCloseTo(p, 12);
      }),
    );
  });
});
