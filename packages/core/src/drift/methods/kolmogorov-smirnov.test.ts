import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortFloat64 } from "../../sorting/sort-float64.js";
import type { KolmogorovSmirnovMode } from "./kolmogorov-smirnov.js";
import {
  kolmogorovSmirnovStatisticSorted,
  kolmogorovSmirnovTest,
  kolmogorovSmirnovTestSorted,
} from "./kolmogorov-smirnov.js";
// sample / tied: the Python twins quoted on generateTriangularSample.
import { generateTriangularSample } from "../../../test/support/deterministic-samples.js";

/** |actual - expected| <= abs + rel·|expected|. */
function expectClose(actual: number, expected: number, rel = 1e-9, abs = 1e-300): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(abs + rel * Math.abs(expected));
}

interface ScipyCase {
  readonly name: string;
  readonly sizes: readonly [number, number];
  readonly shift: number;
  readonly tied?: boolean;
  readonly mode?: KolmogorovSmirnovMode;
  readonly statistic: number;
  readonly pValue: number;
  readonly method: "exact" | "asymp";
}

// Expected: ks_2samp(sample(n1, 1), sample(n2, 5000, shift), method=mode) with the Python twin above.
const SCIPY_CASES: readonly ScipyCase[] = [
  {
    name: "n1 = n2 exact",
    sizes: [5000, 5000],
    shift: 0.05,
    statistic: 0.0496,
    pValue: 9.061553977540016e-6,
    method: "exact",
  },
  {
    name: "n1 = n2 exact, tiny p",
    sizes: [5000, 5000],
    shift: 0.4,
    statistic: 0.3598,
    pValue: 6.575033525949172e-288,
    method: "exact",
  },
  {
    name: "n1 = n2 = 200 exact",
    sizes: [200, 200],
    shift: 0.05,
    statistic: 0.05,
    pValue: 0.9646522162314058,
    method: "exact",
  },
  {
    name: "n1 = n2 = 200 asymp",
    sizes: [200, 200],
    shift: 0.05,
    mode: "asymp",
    statistic: 0.050000000000000044,
    pValue: 0.9532159710635721,
    method: "asymp",
  },
  {
    name: "inside method",
    sizes: [3000, 2500],
    shift: 0.2,
    statistic: 0.1904,
    pValue: 1.1178452683037506e-43,
    method: "exact",
  },
  {
    name: "inside method, tiny p",
    sizes: [3000, 2500],
    shift: 0.4,
    statistic: 0.36086666666666667,
    pValue: 2.6875856615581893e-158,
    method: "exact",
  },
  {
    name: "small exact",
    sizes: [30, 40],
    shift: 0.3,
    statistic: 0.3416666666666667,
    pValue: 0.029137611434829822,
    method: "exact",
  },
  {
    name: "small asymp",
    sizes: [30, 40],
    shift: 0.3,
    mode: "asymp",
    statistic: 0.3416666666666667,
    pValue: 0.028296697446565267,
    method: "asymp",
  },
  {
    name: "auto asymp, small D",
    sizes: [12000, 15000],
    shift: 0.01,
    statistic: 0.010183333333333322,
    pValue: 0.49069002108180215,
    method: "asymp",
  },
  {
    name: "auto asymp, p near 1e-299",
    sizes: [12000, 15000],
    shift: 0.24,
    statistic: 0.2256333333333333,
    pValue: 9.984052309309354e-299,
    method: "asymp",
  },
  {
    name: "auto asymp, p underflows",
    sizes: [12000, 15000],
    shift: 0.42,
    statistic: 0.37598333333333334,
    pValue: 0,
    method: "asymp",
  },
  {
    name: "forced exact above 10000",
    sizes: [11000, 10500],
    shift: 0.02,
    mode: "exact",
    statistic: 0.020173160173160173,
    pValue: 0.0247975550112993,
    method: "exact",
  },
  {
    name: "forced exact falls back to asymp when lcm(n1, n2) overflows int32",
    sizes: [50000, 49999],
    shift: 0.01,
    mode: "exact",
    statistic: 0.010010183003660023,
    pValue: 0.013249682647064224,
    method: "asymp",
  },
  {
    name: "ties, exact",
    sizes: [700, 900],
    shift: 0.1,
    tied: true,
    statistic: 0.0980952380952381,
    pValue: 0.0009440322300206688,
    method: "exact",
  },
  {
    name: "ties, asymp",
    sizes: [11000, 400],
    shift: 0.1,
    tied: true,
    statistic: 0.10259090909090912,
    pValue: 0.0005448072614730247,
    method: "asymp",
  },
  { name: "one value against many", sizes: [1, 20000], shift: 5, statistic: 1, pValue: 0, method: "asymp" },
];

describe("kolmogorovSmirnovTest", () => {
  it.each(SCIPY_CASES.map((c) => [c.name, c] as const))("matches SciPy: %s", (_name, c) => {
    const tied = c.tied === true;
    const reference = generateTriangularSample(c.sizes[0], 1, 0, tied);
    const current = generateTriangularSample(c.sizes[1], 5000, c.shift, tied);
    const result = kolmogorovSmirnovTest(reference, current, c.mode === undefined ? {} : { mode: c.mode });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expectClose(result.statistic, c.statistic, 1e-12);
    expectClose(result.pValue, c.pValue, 1e-8);
    expect(result.pValueMethod).toBe(c.method);
  });

  it("handles D = 1, identical samples and one value per side", () => {
    // ks_2samp([1, 2, 3], [4, 5]) -> (1.0, 0.2); ks_2samp([1]*5, [1]*7) -> (0.0, 1.0); ks_2samp([0], [1]) -> (1.0, 1.0)
    const separated = kolmogorovSmirnovTest(Float64Array.of(1, 2, 3), Float64Array.of(4, 5));
    expect(separated).toMatchObject({ status: "ok", statistic: 1, pValueMethod: "exact" });
    if (separated.status === "ok") expectClose(separated.pValue, 0.2);
    const same = kolmogorovSmirnovTest(new Float64Array(5).fill(1), new Float64Array(7).fill(1));
    expect(same).toMatchObject({ status: "ok", statistic: 0, pValue: 1 });
    expect(kolmogorovSmirnovTest(Float64Array.of(0), Float64Array.of(1))).toMatchObject({
      statistic: 1,
      pValue: 1,
    });
  });

  it("uses n = 1 where SciPy's asymptotic n1 = n2 = 1 case rounds to n = 0 and returns NaN", () => {
    const result = kolmogorovSmirnovTest(Float64Array.of(0), Float64Array.of(1), { mode: "asymp" });
    expect(result).toMatchObject({ status: "ok", statistic: 1, pValue: 0, pValueMethod: "asymp" });
  });

  it("treats -0 and +0 as the same value", () => {
    const result = kolmogorovSmirnovTest(Float64Array.of(-0, 1), Float64Array.of(0, 1));
    expect(result).toMatchObject({ status: "ok", statistic: 0, pValue: 1 });
  });

  it("reports insufficient data for an empty side", () => {
    expect(kolmogorovSmirnovTest(new Float64Array(0), Float64Array.of(1)).status).toBe("insufficient_data");
    expect(kolmogorovSmirnovTestSorted(Float64Array.of(1), new Float64Array(0)).status).toBe(
      "insufficient_data",
    );
  });

  it("is symmetric, bounded, and agrees with the sorted-input variants (property)", () => {
    const sampleArbitrary = fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(sampleArbitrary, sampleArbitrary, (a, b) => {
        const reference = Float64Array.from(a);
        const current = Float64Array.from(b);
        const forward = kolmogorovSmirnovTest(reference, current);
        const backward = kolmogorovSmirnovTest(current, reference);
        const sorted = kolmogorovSmirnovTestSorted(sortFloat64(reference), sortFloat64(current));
        if (forward.status !== "ok" || backward.status !== "ok" || sorted.status !== "ok")
          throw new Error("not ok");
        expect(backward.statistic).toBe(forward.statistic);
        expectClose(backward.pValue, forward.pValue, 1e-12, 1e-15);
        expect(sorted).toEqual(forward);
        expect(forward.statistic).toBeGreaterThanOrEqual(0);
        expect(forward.statistic).toBeLessThanOrEqual(1);
        expect(forward.pValue).toBeGreaterThanOrEqual(0);
        expect(forward.pValue).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it("merges to the same D as SciPy's searchsorted formulation (property)", () => {
    // cdf1 = searchsorted(data1, data_all, 'right') / n1, likewise cdf2; D = max(max(cdf1 - cdf2), -min(cdf1 - cdf2)).
    const countAtMost = (values: number[], x: number): number => values.filter((v) => v <= x).length;
    const sampleArbitrary = fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(sampleArbitrary, sampleArbitrary, (a, b) => {
        let [largest, smallest] = [-Infinity, Infinity];
        for (const x of [...a, ...b]) {
          const difference = countAtMost(a, x) / a.length - countAtMost(b, x) / b.length;
          [largest, smallest] = [Math.max(largest, difference), Math.min(smallest, difference)];
        }
        const expected = Math.max(largest, Math.min(Math.max(-smallest, 0), 1));
        expect(kolmogorovSmirnovStatisticSorted(sortFloat64(a), sortFloat64(b))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("computes the statistic by merging sorted inputs", () => {
    // ks_2samp([1, 2, 2, 3], [2, 4]).statistic == 0.5
    expect(kolmogorovSmirnovStatisticSorted(Float64Array.of(1, 2, 2, 3), Float64Array.of(2, 4))).toBe(0.5);
  });
});
