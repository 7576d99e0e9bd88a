import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { erfc, normalCdf, normalPdf, normalPpf, normalSf } from "./normal.js";
import { expectRelativelyClose } from "../../test/support/result-assertions.js";

// [x, scipy.stats.norm.sf(x)] from /usr/bin/python3 (SciPy 1.10.1)
const NORMAL_SF: ReadonlyArray<readonly [number, number]> = [
  [-30.0, 1.0],
  [-5.0, 0.9999997133484281],
  [-1.0, 0.8413447460685429],
  [-0.3, 0.6179114221889526],
  [0.0, 0.5],
  [1e-9, 0.49999999960105773],
  [0.3, 0.3820885778110474],
  [0.5, 0.3085375387259869],
  [1.0, 0.15865525393145707],
  [1.96, 0.024997895148220435],
  [3.0, 0.0013498980316300933],
  [5.0, 2.866515718791933e-7],
  [8.0, 6.22096057427174e-16],
  [10.0, 7.61985302416047e-24],
  [20.0, 2.7536241186061556e-89],
  [30.0, 4.906713927147908e-198],
  [37.0, 5.7255712225239266e-300],
  [37.5, 4.605353009581954e-308],
];

// [p, scipy.stats.norm.ppf(p)]
const NORMAL_PPF: ReadonlyArray<readonly [number, number]> = [
  [1e-300, -37.0470962993612],
  [1e-100, -21.273453560965322],
  [1e-20, -9.262340089798409],
  [1e-8, -5.612001244174789],
  [0.001, -3.090232306167813],
  [0.02, -2.053748910631823],
  [0.0243, -1.9720841590292884],
  [0.025, -1.9599639845400545],
  [0.2, -0.8416212335729142],
  [0.5, 0.0],
  [0.7, 0.5244005127080407],
  [0.975, 1.959963984540054],
  [0.999, 3.090232306167813],
  [0.9999999999, 6.361340889697422],
];

describe("normalSf", () => {
  it.each(NORMAL_SF)("matches scipy norm.sf at x = %s", (x, expected) => {
    expectRelativelyClose(normalSf(x), expected, 1e-12);
  });

  it("stays positive and relatively accurate in the subnormal tail", () => {
    // mpmath.ncdf(-38) = 2.88542836006878e-316, written as the nearest subnormal (SciPy 1.10's cephes ndtr already gives 0 past x ≈ 37.7)
    expectRelativelyClose(normalSf(38), 2.88542835e-316, 1e-7);
    expect(normalSf(40)).toBe(0);
    expect(normalSf(Number.POSITIVE_INFINITY)).toBe(0);
    expect(normalSf(Number.NEGATIVE_INFINITY)).toBe(1);
    expect(normalSf(Number.NaN)).toBeNaN();
  });

  it("is symmetric: sf(x) = cdf(-x) and sf + cdf = 1", () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => {
        expect(normalSf(x)).toBe(normalCdf(-x));
        expect(Math.abs(normalSf(x) + normalCdf(x) - 1)).toBeLessThan(1e-15);
      }),
    );
  });

  it("is non-increasing", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -40, max: 40, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (x, step) => {
          expect(normalSf(x + step)).toBeLessThanOrEqual(normalSf(x));
        },
      ),
    );
  });
});

describe("erfc and normalPdf", () => {
  it("match scipy", () => {
    // scipy.special.erfc(0.3), erfc(-1.2), erfc(5.5); scipy.stats.norm.pdf(1.5), norm.pdf(30)
    expectRelativelyClose(erfc(0.3), 0.6713732405408726, 1e-14);
    expectRelativelyClose(erfc(-1.2), 1.9103139782296354, 1e-14);
    expectRelativelyClose(erfc(5.5), 7.357847917974398e-15, 1e-13);
    expectRelativelyClose(normalPdf(1.5), 0.12951759566589174, 1e-14);
    expectRelativelyClose(normalPdf(30), 1.4736461348785476e-196, 1e-12);
  });
});

describe("normalPpf", () => {
  it.each(NORMAL_PPF)("matches scipy norm.ppf at p = %s", (p, expected) => {
    expect(Math.abs(normalPpf(p) - expected)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(expected)));
  });

  it("handles the boundaries", () => {
    expect(normalPpf(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalPpf(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalPpf(-0.1)).toBeNaN();
    expect(normalPpf(1.1)).toBeNaN();
  });

  it("inverts the cdf", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 0.5, noNaN: true }), (p) => {
        expectRelativelyClose(normalCdf(normalPpf(p)), p, 1e-12);
        // 1 - p is only distinct from 1 while p >= 2^-53.
        if (p > 1e-15) expect(normalPpf(1 - p)).toBeCloseTo(-normalPpf(1 - (1 - p)), 12);
      }),
    );
  });
});
