import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  hypergeometricCdf,
  hypergeometricLogPmf,
  hypergeometricPmf,
  hypergeometricSf,
} from "./hypergeometric.js";
import { expectRelativelyClose } from "../../test/support/result-assertions.js";

// [k, M, n, N, hypergeom.pmf, hypergeom.cdf, hypergeom.sf](k, M, n, N) from scipy.stats (Boost-backed)
const HYPERGEOMETRIC: ReadonlyArray<readonly [number, number, number, number, number, number, number]> = [
  [2.0, 10.0, 4.0, 5.0, 0.4761904761904762, 0.7380952380952381, 0.2619047619047619],
  [12.0, 50.0, 20.0, 30.0, 0.23118467367649148, 0.6141678799108206, 0.3858321200891794],
  [0.0, 200.0, 5.0, 150.0, 0.000835588494696216, 0.000835588494696216, 0.9991644115053038],
  [5.0, 200.0, 5.0, 150.0, 0.23331296538066426, 1.0, 0.0],
  [55.0, 1000.0, 300.0, 200.0, 0.04809669492690273, 0.2196216777155783, 0.7803783222844217],
  [1230.0, 5000.0, 2500.0, 2500.0, 0.011900651734471466, 0.13499392471152255, 0.8650060752884778],
  [15000.0, 100000.0, 30000.0, 50000.0, 0.005505874775725756, 0.5027529373878632, 0.49724706261213764],
  [14500.0, 100000.0, 30000.0, 50000.0, 2.507960616487124e-13, 2.7079427963038015e-12, 0.9999999999972937],
  [3.0, 100000.0, 20.0, 60000.0, 4.223817535662658e-5, 4.726950240498237e-5, 0.999952730497595],
  [500.0, 150000.0, 70000.0, 1000.0, 0.002688691203387903, 0.984217655733887, 0.01578234426611322],
  [380.0, 150000.0, 70000.0, 1000.0, 5.411516021630033e-9, 1.752784116561715e-8, 0.999999982472159],
];

describe("hypergeometric distribution", () => {
  it.each(HYPERGEOMETRIC)(
    "matches scipy at k = %s, M = %s, n = %s, N = %s",
    (k, total, successes, draws, pmf, cdf, sf) => {
      const params = { total, successes, draws };
      // Boost's pmf is itself only good to ~3e-11 at M = 150,000 (mpmath agrees with ours to 1e-14).
      expectRelativelyClose(hypergeometricPmf(k, params), pmf, 1e-10);
      expectRelativelyClose(hypergeometricCdf(k, params), cdf, 1e-10);
      expectRelativelyClose(hypergeometricSf(k, params), sf, 1e-10);
    },
  );

  it("matches an exact pmf far in the tail of a large table", () => {
    // mpmath: binomial(70000, 0) * binomial(80000, 1000) / binomial(150000, 1000)
    expectRelativelyClose(
      hypergeometricPmf(0, { total: 150000, successes: 70000, draws: 1000 }),
      5.310818209565979e-275,
      1e-12,
    );
    // mpmath: same with k = 500
    expectRelativelyClose(
      hypergeometricPmf(500, { total: 150000, successes: 70000, draws: 1000 }),
      0.002688691203305961,
      1e-12,
    );
  });

  it("handles the support edges, degenerate tables and invalid parameters", () => {
    const params = { total: 10, successes: 4, draws: 5 };
    expect(hypergeometricPmf(-1, params)).toBe(0);
    expect(hypergeometricPmf(5, params)).toBe(0);
    expect(hypergeometricPmf(1.5, params)).toBe(0);
    expect(hypergeometricLogPmf(7, params)).toBe(Number.NEGATIVE_INFINITY);
    expect(hypergeometricCdf(-1, params)).toBe(0);
    expect(hypergeometricCdf(4, params)).toBe(1);
    expect(hypergeometricCdf(2.7, params)).toBe(hypergeometricCdf(2, params));
    expect(hypergeometricSf(4, params)).toBe(0);
    expect(hypergeometricSf(-1, params)).toBe(1);
    expect(hypergeometricPmf(0, { total: 0, successes: 0, draws: 0 })).toBe(1);
    expect(hypergeometricPmf(3, { total: 30, successes: 10, draws: 30 })).toBe(0);
    expect(hypergeometricPmf(10, { total: 30, successes: 10, draws: 30 })).toBe(1);
    expect(hypergeometricPmf(1, { total: 5, successes: 6, draws: 2 })).toBeNaN();
    expect(hypergeometricPmf(1, { total: 5.5, successes: 2, draws: 2 })).toBeNaN();
  });

  it("sums to one and keeps cdf + sf = 1 on random small tables", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (total, u, v) => {
          const params = { total, successes: Math.round(u * total), draws: Math.round(v * total) };
          let sum = 0;
          for (let k = 0; k <= params.draws; k += 1) {
            sum += hypergeometricPmf(k, params);
            expect(Math.abs(hypergeometricCdf(k, params) + hypergeometricSf(k, params) - 1)).toBeLessThan(
              1e-13,
            );
            expect(Math.abs(hypergeometricCdf(k, params) - sum)).toBeLessThan(1e-12);
          }
          expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 60 },
    );
  });
});
