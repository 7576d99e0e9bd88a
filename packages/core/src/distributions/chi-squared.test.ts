import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { loadReferenceCases } from "../../test/reference/vector-file.js";
import { chiSquaredCdf, chiSquaredSf } from "./chi-squared.js";
import { expectRelativelyClose } from "../../test/support/result-assertions.js";

// [x, df, scipy.stats.chi2.sf(x, df)]
const CHI_SQUARED_SF: ReadonlyArray<readonly [number, number, number]> = [
  [0.001, 1.0, 0.9747728793699604],
  [3.84, 1.0, 0.05004352124870519],
  [50.0, 1.0, 1.537459794428033e-12],
  [700.0, 1.0, 2.990226975124623e-154],
  [1300.0, 1.0, 1.1303728441493301e-284],
  [5.99, 2.0, 0.05003662708658629],
  [7.81, 3.0, 0.05010605635000589],
  [30.0, 10.0, 0.000856641210775301],
  [200.0, 10.0, 1.6139305336977317e-37],
  [1100.0, 100.0, 4.70048237801951e-168],
  [900.0, 1000.0, 0.9892827619087102],
  [1400.0, 1000.0, 7.032145641828496e-16],
  [2500.0, 1000.0, 2.1059268048474495e-129],
  [3.3, 2.5, 0.2674503131257189],
];

interface ChiSquareExpected {
  statistic: number | string;
  pvalue: number;
  dof: number;
}

describe("chiSquaredSf", () => {
  it.each(CHI_SQUARED_SF)("matches scipy chi2.sf(%s, %s)", (x, df, expected) => {
    expectRelativelyClose(chiSquaredSf(x, df), expected, 1e-11);
  });

  it("reaches 1e-300 without underflowing early", () => {
    // scipy.stats.chi2.sf(1400, 2) = exp(-700) = 9.85967654375939e-305 (scipy)
    expectRelativelyClose(chiSquaredSf(1400, 2), 9.85967654375939e-305, 1e-11);
  });

  it("handles boundaries", () => {
    expect(chiSquaredSf(0, 3)).toBe(1);
    expect(chiSquaredSf(-1, 3)).toBe(1);
    expect(chiSquaredSf(Number.POSITIVE_INFINITY, 3)).toBe(0);
    expect(chiSquaredCdf(0, 3)).toBe(0);
    expect(chiSquaredCdf(Number.POSITIVE_INFINITY, 3)).toBe(1);
    expect(chiSquaredSf(1, 0)).toBeNaN();
  });

  it("agrees with the p-values of the chi-square reference vectors", () => {
    const cases = [...loadReferenceCases("chisquare_gof"), ...loadReferenceCases("chi2_contingency")];
    for (const c of cases) {
      const { statistic, pvalue, dof } = c.expected as unknown as ChiSquareExpected;
      if (typeof statistic !== "number" || !Number.isFinite(statistic)) continue;
      expectRelativelyClose(chiSquaredSf(statistic, dof), pvalue, 1e-9);
    }
  });

  it("cdf + sf = 1 and sf is non-increasing", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 3000, noNaN: true }),
        fc.double({ min: 0.5, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        (x, df, step) => {
          expect(Math.abs(chiSquaredSf(x, df) + chiSquaredCdf(x, df) - 1)).toBeLessThan(1e-13);
          expect(chiSquaredSf(x + step, df)).toBeLessThanOrEqual(chiSquaredSf(x, df) + 1e-15);
        },
      ),
    );
  });
});
