import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mannWhitneyUTest } from "./mann-whitney.js";
// lcg: the Python twin of every sample below (see generateLcgSample).
import { generateLcgSample as lcg } from "../../../test/support/deterministic-samples.js";
import { expectOk } from "../../../test/support/result-assertions.js";

const sample = fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 25 });

describe("mannWhitneyUTest against SciPy 1.10 on every branch", () => {
  // mannwhitneyu(x, y, alternative="two-sided", method="auto", use_continuity=True)
  const cases: [string, Float64Array, Float64Array, number, number, "exact" | "asymptotic"][] = [
    ["exact 5/7", lcg(5, 37, 11, 1009), lcg(7, 53, 3, 1009, 1, 0.5), 10, 0.26767676767676774, "exact"],
    ["exact 8/30", lcg(8, 37, 11, 1009), lcg(30, 53, 3, 1009, 1, 200.5), 6, 1.22690625037574e-6, "exact"],
    [
      "exact 3/200",
      lcg(3, 37, 11, 1009, 1, 600),
      lcg(200, 53, 3, 1009, 1, 0.5),
      389,
      0.3988655464325933,
      "exact",
    ],
    ["exact 1/9", lcg(1, 37, 11, 1009), lcg(9, 53, 3, 1009, 1, 0.5), 1, 0.4, "exact"],
    [
      "exact 8/8 separated",
      lcg(8, 37, 11, 101),
      lcg(8, 53, 3, 101, 1, 1000.5),
      0,
      0.0001554001554001554,
      "exact",
    ],
    [
      "exact 8/1000",
      lcg(8, 37, 11, 1009, 1, 3),
      lcg(1000, 53, 3, 1009, 1, 0.5),
      1148,
      0.0001639999720596912,
      "exact",
    ],
    ["heavy ties 300/250", lcg(300, 7, 0, 4), lcg(250, 5, 1, 5), 46875, 1.2140365388707557e-8, "asymptotic"],
    ["ties at small n 6/7", lcg(6, 7, 0, 3), lcg(7, 5, 1, 3), 21, 1, "asymptotic"],
    [
      "tiny p 2000/2000",
      lcg(2000, 37, 11, 1009),
      lcg(2000, 53, 3, 1009, 1, 400.5),
      724581,
      3.1681375258692087e-267,
      "asymptotic",
    ],
    [
      "both above 8: 9/12",
      lcg(9, 37, 11, 1009),
      lcg(12, 53, 3, 1009, 1, 0.5),
      31,
      0.10981940881523716,
      "asymptotic",
    ],
  ];
  it.each(cases)("%s", (_name, x, y, statistic, pValue, method) => {
    const result = expectOk(mannWhitneyUTest(x, y));
    expect(result.statistic).toBe(statistic);
    expect(Math.abs(result.pValue - pValue)).toBeLessThanOrEqual(1e-12 * pValue);
    expect(result.pValueMethod).toBe(method);
  });

  it("ranks a million values per side with 1009 tied levels", () => {
    // x = np.arange(1e6)*37 % 1009 + 0.0; y = (np.arange(1e6)*53 + 3) % 1009 + 0.25; mannwhitneyu(x, y)
    const result = expectOk(mannWhitneyUTest(lcg(1e6, 37, 0, 1009), lcg(1e6, 53, 3, 1009, 1, 0.25)));
    expect(result.statistic).toBe(499504841430);
    expect(result.pValue).toBeCloseTo(0.22517353025738351, 10);
  });
});

describe("mannWhitneyUTest edge cases and invariants", () => {
  it("needs a value on each side", () => {
    expect(mannWhitneyUTest(new Float64Array(0), Float64Array.of(1)).status).toBe("insufficient_data");
    expect(mannWhitneyUTest(Float64Array.of(1), new Float64Array(0)).status).toBe("insufficient_data");
  });

  it("gives p = 1 when every value is tied (SciPy: z = -inf)", () => {
    // mannwhitneyu([1,1,1], [1,1]) -> statistic 3.0, pvalue 1.0
    const result = expectOk(mannWhitneyUTest(Float64Array.of(1, 1, 1), Float64Array.of(1, 1)));
    expect(result).toMatchObject({ statistic: 3, pValue: 1, pValueMethod: "asymptotic" });
  });

  it("caps the exact p-value at 1 when U sits at the centre", () => {
    // mannwhitneyu([1], [2]) -> statistic 0.0, pvalue 1.0
    expect(expectOk(mannWhitneyUTest(Float64Array.of(1), Float64Array.of(2))).pValue).toBe(1);
  });

  it("is symmetric: swapping sides gives U' = n1·n2 - U and the same p-value", () => {
    fc.assert(
      fc.property(sample, sample, (left, right) => {
        const x = Float64Array.from(left);
        const y = Float64Array.from(right);
        const forward = expectOk(mannWhitneyUTest(x, y));
        const backward = expectOk(mannWhitneyUTest(y, x));
        expect(backward.statistic).toBe(x.length * y.length - forward.statistic);
        expect(backward.pValue).toBeCloseTo(forward.pValue, 12);
        expect(forward.pValue).toBeGreaterThanOrEqual(0);
        expect(forward.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("depends only on ranks: a strictly increasing transform changes nothing", () => {
    fc.assert(
      fc.property(sample, sample, (left, right) => {
        const transform = (v: number): number => Math.exp(v / 10) * 3 - 1;
        const plain = mannWhitneyUTest(Float64Array.from(left), Float64Array.from(right));
        const mapped = mannWhitneyUTest(
          Float64Array.from(left, transform),
          Float64Array.from(right, transform),
        );
        expect(mapped).toEqual(plain);
      }),
    );
  });
});
