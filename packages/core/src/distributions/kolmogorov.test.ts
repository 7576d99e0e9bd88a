import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kolmogorovLimitSf, kolmogorovTwoSidedSf, smirnovSf } from "./kolmogorov.js";

/** |actual - expected| <= abs + rel·|expected|, the reference-vector rule. */
function expectClose(actual: number, expected: number, rel = 1e-9, abs = 1e-300): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(abs + rel * Math.abs(expected));
}

// Expected values: /usr/bin/python3 -c "from scipy.stats import kstwo; print(repr(kstwo.sf(d, n)))" (SciPy 1.10.1).
const KSTWO_CASES: readonly (readonly [number, number, number, string])[] = [
  [5, 0.05, 1.0, "t <= 0.5: sf = 1"],
  [5, 0.15, 0.9988, "Ruben-Gambino lower, n <= 140"],
  [1000, 0.0008, 1.0, "Ruben-Gambino lower, n > 140"],
  [10, 0.95, 1.9531250000000172e-13, "Ruben-Gambino upper, t >= n - 1"],
  [20, 0.6, 2.0483011649719853e-7, "d >= 0.5: 2 smirnov"],
  [50, 0.1, 0.6623112704658186, "n <= 140, Durbin matrix"],
  [100, 0.15, 0.019839242125643017, "n <= 140, Pomeranz"],
  [17, 0.3, 0.0747594901851486, "n <= 140, Pomeranz with fractional n·d"],
  [100, 0.3, 1.7719869892662917e-8, "n <= 140, 2 smirnov"],
  [1000, 0.01, 0.9999496745370611, "n > 140, Durbin matrix"],
  [5000, 0.02, 0.03613941395325637, "n > 140, Pelz-Good"],
  [200000, 0.002, 0.39995085369038097, "n > 100000, Pelz-Good"],
  [5000, 0.03, 0.00024159234422666817, "n > 140, n·d² >= 2.2: 2 smirnov"],
  [500000, 0.0035, 9.547663773768555e-6, "n = 500000, 2 smirnov"],
  [500000, 0.02, 3.6481966551764204e-174, "n = 500000, tiny p"],
  [6667, 0.2256333333333333, 9.984052309309354e-299, "p near 1e-299"],
  [6667, 0.2356, 0.0, "n·d² >= 370: 0"],
];

// Expected values: /usr/bin/python3 -c "from scipy.special import smirnov; print(repr(smirnov(n, d)))".
const SMIRNOV_CASES: readonly (readonly [number, number, number])[] = [
  [1, 0.3, 0.7],
  [7, 0.0, 1.0],
  [7, 1.0, 0.0],
  [10, 0.05, 0.9224335892010742],
  [10, 0.1, 0.7642052309],
  [10, 0.55, 0.0011402551607421862],
  [10, 0.95, 9.765625000000086e-14],
  [100, 0.01, 0.9732196650552324],
  [100, 0.02, 0.9109784815556481],
  [1000, 0.0005, 0.9991761542918122],
  [1000, 0.05, 0.006506037390545166],
  [2000000, 0.001, 0.018303432023617325],
  [100000, 0.02, 1.7686355965739799e-35],
  [3000, 0.5, 0.0],
  [50, 0.5, 2.196426749559874e-12],
];

// Expected values: /usr/bin/python3 -c "from scipy.stats import kstwobign; print(repr(kstwobign.sf(x)))".
const LIMIT_CASES: readonly (readonly [number, number])[] = [
  [0.0, 1.0],
  [0.03, 1.0],
  [0.05, 1.0],
  [0.3, 0.9999906941986655],
  [0.82, 0.5119717052984973],
  [0.83, 0.4961909953505036],
  [1.0, 0.26999967167735456],
  [1.36, 0.049485876755377876],
  [2.0, 0.0006709252557796953],
  [5.0, 3.8574996959278356e-22],
  [27.0, 0.0],
];

describe("kolmogorovTwoSidedSf", () => {
  it.each(KSTWO_CASES)("n = %d, d = %d matches kstwo.sf (%s)", (n, d, expected) => {
    expectClose(kolmogorovTwoSidedSf(d, n), expected);
  });

  it("returns the trivial tails outside (0, 1) and NaN for invalid n", () => {
    expect(kolmogorovTwoSidedSf(0, 10)).toBe(1);
    expect(kolmogorovTwoSidedSf(1, 10)).toBe(0);
    expect(kolmogorovTwoSidedSf(0.3, 0)).toBeNaN();
    expect(kolmogorovTwoSidedSf(0.3, 2.5)).toBeNaN();
    expect(kolmogorovTwoSidedSf(Number.NaN, 3)).toBeNaN();
  });

  it("is a probability that decreases in d", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const sfLow = kolmogorovTwoSidedSf(low, n);
          const sfHigh = kolmogorovTwoSidedSf(high, n);
          expect(sfLow).toBeGreaterThanOrEqual(0);
          expect(sfLow).toBeLessThanOrEqual(1);
          // Different algorithms meet at the branch thresholds, so allow rounding-level disagreement.
          expect(sfHigh).toBeLessThanOrEqual(sfLow + 1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("smirnovSf", () => {
  it.each(SMIRNOV_CASES)("n = %d, d = %d matches scipy.special.smirnov", (n, d, expected) => {
    expectClose(smirnovSf(n, d), expected);
  });

  it("gives NaN outside its domain", () => {
    expect(smirnovSf(0, 0.5)).toBeNaN();
    expect(smirnovSf(5, 1.5)).toBeNaN();
    expect(smirnovSf(5, -0.1)).toBeNaN();
  });

  it("is at most the two-sided tail and at least half of it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 400 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (n, d) => {
          const oneSided = smirnovSf(n, d);
          const twoSided = kolmogorovTwoSidedSf(d, n);
          // Exactly, sf ≤ 2·smirnov. SciPy's kstwo uses the Pelz-Good approximation for n > 140, which
          // overshoots that bound by up to ~2e-5 relative (e.g. n = 141, d = 0.124: 1.0000216·2·smirnov,
          // reproduced here to 1e-15), so the lower bound carries that approximation's tolerance.
          expect(oneSided).toBeLessThanOrEqual(twoSided * (1 + 1e-9) + 1e-300);
          expect(2 * oneSided).toBeGreaterThanOrEqual(twoSided * (1 - 1e-4));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("kolmogorovLimitSf", () => {
  it.each(LIMIT_CASES)("x = %d matches kstwobign.sf", (x, expected) => {
    expectClose(kolmogorovLimitSf(x), expected);
  });

  it("keeps subnormal tails and is the n → ∞ limit of kstwo", () => {
    // kstwobign.sf(19.0) = 5.500650625e-314 is subnormal, so only a few digits are meaningful.
    expectClose(kolmogorovLimitSf(19), 5.500650625e-314, 1e-6);
    expectClose(kolmogorovTwoSidedSf(1.2 / Math.sqrt(200000), 200000), kolmogorovLimitSf(1.2), 2e-3);
    expect(kolmogorovLimitSf(Number.NaN)).toBeNaN();
  });
});
