import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { welchTTest } from "./welch-t-test.js";
// lcg: the Python twin of every sample below (see generateLcgSample).
import { generateLcgSample as lcg } from "../../../test/support/deterministic-samples.js";
import { expectOk, expectRelativelyClose } from "../../../test/support/result-assertions.js";

describe("welchTTest against SciPy 1.10", () => {
  // r = ttest_ind(x, y, equal_var=False); df = (v1+v2)**2/(v1**2/(n1-1)+v2**2/(n2-1)), vi = var(xi, ddof=1)/ni
  const cases: [string, Float64Array, Float64Array, number, number, number][] = [
    [
      "2/2",
      lcg(2, 37, 11, 1009),
      lcg(2, 53, 3, 1009, 1, 0.5),
      -0.015470907239054392,
      0.9892065350020894,
      1.7876419842120173,
    ],
    [
      "5/3000",
      lcg(5, 37, 11, 1009),
      lcg(3000, 53, 3, 1009, 1, 100.5),
      -19.43644520202922,
      2.1986081590236062e-5,
      4.337412825385654,
    ],
    [
      "p ~ 1e-201",
      lcg(3000, 37, 11, 1009, 0.001),
      lcg(2500, 53, 3, 1009, 0.001, 0.25),
      -31.60406022298594,
      4.736461907633265e-201,
      5319.176503635297,
    ],
    [
      "p ~ 1e-216",
      lcg(3000, 37, 11, 1009, 0.001),
      lcg(2500, 53, 3, 1009, 0.001, 0.26),
      -32.87100585807654,
      6.655130505765256e-216,
      5319.176503635297,
    ],
    [
      "one side constant",
      lcg(40, 37, 11, 1009),
      new Float64Array(25).fill(300),
      2.3359182395972318,
      0.0247297976036742,
      39,
    ],
  ];
  it.each(cases)("%s", (_name, x, y, statistic, pValue, degreesOfFreedom) => {
    const result = expectOk(welchTTest(x, y));
    expectRelativelyClose(result.statistic, statistic, 1e-12);
    expectRelativelyClose(result.degreesOfFreedom, degreesOfFreedom, 1e-12);
    expectRelativelyClose(result.pValue, pValue, 1e-9);
  });

  it("underflows to p = 0 for an enormous t, as SciPy does", () => {
    // ttest_ind(lcg(3000,37,11,1009,0.001), lcg(2500,53,3,1009,0.001,0.9), equal_var=False) -> (-113.955..., 0.0)
    const result = expectOk(welchTTest(lcg(3000, 37, 11, 1009, 0.001), lcg(2500, 53, 3, 1009, 0.001, 0.9)));
    expectRelativelyClose(result.statistic, -113.95552650387523, 1e-12);
    expect(result.pValue).toBe(0);
  });
});

describe("welchTTest edge cases and invariants", () => {
  it("needs two values on each side", () => {
    expect(welchTTest(Float64Array.of(1), Float64Array.of(1, 2, 3)).status).toBe("insufficient_data");
    expect(welchTTest(Float64Array.of(1, 2), new Float64Array(0)).status).toBe("insufficient_data");
  });

  it("is insufficient when both sides are constant (SciPy gives NaN or ±inf)", () => {
    expect(welchTTest(Float64Array.of(1, 1, 1), Float64Array.of(2, 2)).status).toBe("insufficient_data");
    expect(welchTTest(Float64Array.of(1, 1, 1), Float64Array.of(1, 1)).status).toBe("insufficient_data");
  });

  it("keeps the difference of means exact for data far from zero", () => {
    // Exact t (rational arithmetic) for x = 1e9 + [0, 1, 2, 3], y = 1e9 + [0.5, 1.5, 2.5, 3.5, 4.5]
    const offset = 1e9;
    const x = Float64Array.from([0, 1, 2, 3], (v) => v + offset);
    const y = Float64Array.from([0.5, 1.5, 2.5, 3.5, 4.5], (v) => v + offset);
    // mean diff = -1, var_x = 5/3, var_y = 2.5: t = -1 / sqrt(5/12 + 1/2)
    expectRelativelyClose(expectOk(welchTTest(x, y)).statistic, -1 / Math.sqrt(5 / 12 + 0.5), 1e-14);
  });

  const sample = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 30 });
  it("is antisymmetric in its samples, with p in [0, 1] and df between min(n)-1 and n1+n2-2", () => {
    fc.assert(
      fc.property(sample, sample, (left, right) => {
        const forward = welchTTest(Float64Array.from(left), Float64Array.from(right));
        const backward = welchTTest(Float64Array.from(right), Float64Array.from(left));
        expect(backward.status).toBe(forward.status);
        if (forward.status !== "ok" || backward.status !== "ok") return;
        expect(backward.statistic).toBeCloseTo(-forward.statistic, 9);
        expect(backward.pValue).toBeCloseTo(forward.pValue, 12);
        expect(forward.pValue).toBeGreaterThanOrEqual(0);
        expect(forward.pValue).toBeLessThanOrEqual(1);
        const smallest = Math.min(left.length, right.length) - 1;
        expect(forward.degreesOfFreedom).toBeGreaterThanOrEqual(smallest * (1 - 1e-12));
        expect(forward.degreesOfFreedom).toBeLessThanOrEqual((left.length + right.length - 2) * (1 + 1e-12));
      }),
    );
  });
});
