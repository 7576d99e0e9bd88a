import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { loadReferenceCases } from "../../test/reference/vector-file.js";
import { normalSf } from "./normal.js";
import { studentTCdf, studentTSf } from "./student-t.js";
import { expectRelativelyClose } from "../../test/support/result-assertions.js";

// [t, df, scipy.stats.t.sf(t, df)]: continued-fraction branch (df < 1e4) and Hill's expansion (df >= 1e4)
const STUDENT_T_SF: ReadonlyArray<readonly [number, number, number]> = [
  [-3.0, 1.0, 0.8975836176504333],
  [0.5, 1.0, 0.3524163823495668],
  [3.0, 1.0, 0.10241638234956672],
  [10000000000.0, 1.0, 3.1830988618379065e-11],
  [2.0, 2.5, 0.078695747878983],
  [2.5, 4.7, 0.028796079673433634],
  [-2.0, 10.0, 0.9633059826146297],
  [2.0, 30.0, 0.02731252248149155],
  [12.0, 30.0, 2.7900927075996303e-13],
  [50.0, 100.0, 7.23608183988067e-73],
  [35.0, 5000.0, 1.5159076283807438e-240],
  [3.5, 5000.0, 0.00023465821536626633],
  [2.0, 100000.0, 0.022751481728753218],
  [38.0, 20000.0, 1.8963995342150123e-305],
  [2.0, 1000000.0, 0.0227502669256596],
  [8.0, 1000000000000.0, 6.220960580839757e-16],
];

/** Welch-Satterthwaite degrees of freedom, recomputed here only to check the t tail against the vectors. */
function deriveWelchDf(first: number[], second: number[]): number {
  const shares = [first, second].map((sample) => {
    const mean = sample.reduce((sum, value) => sum + value, 0) / sample.length;
    const variance = sample.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (sample.length - 1);
    return variance / sample.length;
  });
  const [a = 0, b = 0] = shares;
  return (a + b) ** 2 / (a ** 2 / (first.length - 1) + b ** 2 / (second.length - 1));
}

describe("studentTSf", () => {
  it.each(STUDENT_T_SF)("matches scipy t.sf(%s, %s)", (t, df, expected) => {
    expectRelativelyClose(studentTSf(t, df), expected, 1e-11);
  });

  it("agrees with the Welch t-test reference p-values", () => {
    const cases = loadReferenceCases("ttest_ind_welch").filter((c) => Number.isFinite(c.expected["pvalue"]));
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const df = deriveWelchDf(c.inputs["reference"] as number[], c.inputs["current"] as number[]);
      const statistic = c.expected["statistic"] as number;
      const expected = c.expected["pvalue"] as number;
      const pValue = 2 * studentTSf(Math.abs(statistic), df);
      expect(Math.abs(pValue - expected)).toBeLessThanOrEqual(1e-9 + 1e-7 * expected);
    }
  });

  it("handles boundaries", () => {
    expect(studentTSf(0, 3)).toBe(0.5);
    expect(studentTSf(Number.POSITIVE_INFINITY, 3)).toBe(0);
    expect(studentTSf(Number.NEGATIVE_INFINITY, 3e5)).toBe(1);
    expect(studentTSf(1e200, 1e6)).toBe(0);
    expect(studentTSf(1.5, Number.POSITIVE_INFINITY)).toBe(normalSf(1.5));
    expect(studentTSf(1, 0)).toBeNaN();
  });

  it("is continuous across the switch to Hill's expansion", () => {
    // A df step of 1e-8 moves the tail by < 1e-10 relative here, so the two branches must meet.
    for (const t of [0.5, 2, 6, 20]) {
      expectRelativelyClose(studentTSf(t, 1e4 - 1e-8), studentTSf(t, 1e4), 1e-10);
    }
  });

  it("is symmetric, sums to one with the cdf and is monotone in t", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: 0.5, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (t, df, step) => {
          expect(Math.abs(studentTSf(t, df) - studentTCdf(-t, df))).toBe(0);
          expect(Math.abs(studentTSf(t, df) + studentTCdf(t, df) - 1)).toBeLessThan(1e-14);
          expect(Math.abs(studentTSf(-t, df) - (1 - studentTSf(t, df)))).toBeLessThan(1e-14);
          expect(studentTSf(t + step, df)).toBeLessThanOrEqual(studentTSf(t, df) + 1e-15);
        },
      ),
    );
  });
});
