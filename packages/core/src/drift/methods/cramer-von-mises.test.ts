import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeLimitingCramerVonMisesCdf, cramerVonMisesTest } from "./cramer-von-mises.js";
// lcg: the Python twin of every sample below (see generateLcgSample).
import { generateLcgSample as lcg } from "../../../test/support/deterministic-samples.js";
import { expectOk } from "../../../test/support/result-assertions.js";

describe("cramerVonMisesTest against SciPy 1.10 on every branch", () => {
  // cramervonmises_2samp(x, y, method="auto")
  const cases: [string, Float64Array, Float64Array, number, number, "exact" | "asymptotic"][] = [
    [
      "exact 5/7",
      lcg(5, 37, 11, 1009),
      lcg(7, 53, 3, 1009, 1, 0.5),
      0.2384920634920633,
      0.2297979797979798,
      "exact",
    ],
    [
      "exact 20/20",
      lcg(20, 37, 11, 1009),
      lcg(20, 53, 3, 1009, 1, 300.5),
      1.3425000000000011,
      0.0002626284340266059,
      "exact",
    ],
    [
      "exact 3/20",
      lcg(3, 37, 11, 1009, 1, 600),
      lcg(20, 53, 3, 1009, 1, 0.5),
      0.2847826086956522,
      0.15584415584415584,
      "exact",
    ],
    ["exact 2/2", lcg(2, 37, 11, 1009), lcg(2, 53, 3, 1009, 1, 0.5), 0.125, 1, "exact"],
    [
      "exact with ties 12/9",
      lcg(12, 7, 0, 4),
      lcg(9, 5, 1, 5),
      0.47585978835978837,
      0.04742625795257374,
      "exact",
    ],
    [
      "exact separated 20/19",
      lcg(20, 37, 11, 1009),
      lcg(19, 53, 3, 1009, 1, 2000.5),
      3.2521367521367512,
      2.9017778207699375e-11,
      "exact",
    ],
    [
      "asymptotic 21/25",
      lcg(21, 37, 11, 1009),
      lcg(25, 53, 3, 1009, 1, 200.5),
      0.5000621118012427,
      0.039756274863680496,
      "asymptotic",
    ],
    [
      "asymptotic ties 300/250",
      lcg(300, 7, 0, 4),
      lcg(250, 5, 1, 5),
      13.88572727272728,
      5.034103134349266e-10,
      "asymptotic",
    ],
    [
      "asymptotic small p 2000/1500",
      lcg(2000, 37, 11, 1009),
      lcg(1500, 53, 3, 1009, 1, 150.5),
      17.356520357142927,
      1.1850097569876539e-9,
      "asymptotic",
    ],
    // SciPy's series stops at terms < 1e-7, so 1 - cdf bottoms out near 1e-7 for huge statistics.
    [
      "asymptotic huge statistic 3000/3000",
      lcg(3000, 37, 11, 1009),
      lcg(3000, 53, 3, 1009, 1, 500.5),
      246.5953301666667,
      8.557776809414719e-8,
      "asymptotic",
    ],
  ];
  it.each(cases)("%s", (_name, x, y, statistic, pValue, method) => {
    const result = expectOk(cramerVonMisesTest(x, y));
    expect(Math.abs(result.statistic - statistic)).toBeLessThanOrEqual(1e-12 * statistic);
    // SciPy's own kv is accurate to ~1e-13, which bounds the agreement of 1 - cdf.
    expect(Math.abs(result.pValue - pValue)).toBeLessThanOrEqual(1e-12 * pValue + 1e-14);
    expect(result.pValueMethod).toBe(method);
  });
});

describe("computeLimitingCramerVonMisesCdf", () => {
  it("matches SciPy's _cdf_cvm_inf", () => {
    // scipy.stats._hypotests._cdf_cvm_inf(x) for x = 0.01, 0.1, 0.5, 1.0
    const expected: [number, number][] = [
      [0.01, 5.864432809868958e-6],
      [0.1, 0.4151265615932028],
      [0.5, 0.9601667824343907],
      [1, 0.9975395478198642],
    ];
    for (const [x, value] of expected) {
      expect(Math.abs(computeLimitingCramerVonMisesCdf(x) - value)).toBeLessThanOrEqual(1e-13);
    }
  });
});

describe("cramerVonMisesTest edge cases and invariants", () => {
  it("needs two values on each side (SciPy raises)", () => {
    expect(cramerVonMisesTest(Float64Array.of(1), Float64Array.of(1, 2)).status).toBe("insufficient_data");
    expect(cramerVonMisesTest(new Float64Array(0), Float64Array.of(1, 2)).status).toBe("insufficient_data");
  });

  it("gives p = 1 when every value is tied", () => {
    // cramervonmises_2samp([1,1,1], [1,1]) -> statistic 0.06666666666666665, pvalue 1.0
    const result = expectOk(cramerVonMisesTest(Float64Array.of(1, 1, 1), Float64Array.of(1, 1)));
    expect(result.pValue).toBe(1);
    expect(result.statistic).toBeCloseTo(1 / 15, 14);
  });

  const sample = fc.array(fc.integer({ min: -10, max: 10 }), { minLength: 2, maxLength: 12 });
  it("is symmetric in its two samples and keeps p in [0, 1]", () => {
    fc.assert(
      fc.property(sample, sample, (left, right) => {
        const forward = expectOk(cramerVonMisesTest(Float64Array.from(left), Float64Array.from(right)));
        const backward = expectOk(cramerVonMisesTest(Float64Array.from(right), Float64Array.from(left)));
        expect(backward.statistic).toBeCloseTo(forward.statistic, 12);
        expect(backward.pValue).toBeCloseTo(forward.pValue, 12);
        expect(forward.pValue).toBeGreaterThanOrEqual(0);
        expect(forward.pValue).toBeLessThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });

  it("gives a smaller p-value as the current sample moves away", () => {
    const reference = lcg(15, 37, 11, 1009);
    let previous = 1.0000001;
    // SciPy p-values for these shifts: 0.985, 0.191, 3.51e-4, 1.15e-7
    for (const shift of [0.5, 100.5, 300.5, 700.5]) {
      const result = expectOk(cramerVonMisesTest(reference, lcg(12, 53, 3, 1009, 1, shift)));
      expect(result.pValue).toBeLessThan(previous);
      previous = result.pValue;
    }
  });
});
