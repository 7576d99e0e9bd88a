import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { computeIncompleteBetaTails, logBeta, regularizedIncompleteBeta } from "./beta.js";
import { expectRelativelyClose } from "../../test/support/result-assertions.js";

// [a, b, log B(a, b)] from mpmath at 40 digits: loggamma(a) + loggamma(b) - loggamma(a + b)
// (scipy.special.betaln loses ~1e-10 relative for a or b near 1e7, so mpmath is the reference)
const LOG_BETA: ReadonlyArray<readonly [number, number, number]> = [
  [0.5, 0.5, 1.1447298858494002],
  [3.0, 4.0, -4.0943445622221],
  [2.5, 40.0, -8.983627339298152],
  [37.0, 10000000.0, -500.6499111432336],
  [10000.0, 30000.0, -22496.948166341113],
  [5000000.0, 5000000.0, -6931478.252561539],
];

// [x, a, b, I_x(a, b)] from the exact hypergeometric series in mpmath at 30 digits; these agree
// with scipy.special.betainc to its own accuracy (1e-13 for small a, b, only 1e-8 near a = b = 5e6)
const INCOMPLETE_BETA: ReadonlyArray<readonly [number, number, number, number]> = [
  [0.2, 0.5, 0.5, 0.2951672353008666],
  [0.3, 2.0, 3.0, 0.3483],
  [0.99, 2.0, 3.0, 0.99999603],
  [0.05, 50.0, 70.0, 2.973420395179655e-33],
  [0.45, 50.0, 70.0, 0.7717610017525625],
  [0.4166, 500.0, 700.0, 0.4994295168543256],
  [0.3, 500.0, 700.0, 5.954586199576587e-18],
  [0.49968377224979454, 5000000.0, 5000000.0, 0.02275012924862828],
  [0.9, 0.5, 100000.0, 1.0],
  [0.99999, 1000000.0, 0.5, 7.743831692618704e-6],
];

describe("logBeta", () => {
  it.each(LOG_BETA)("matches log B(%s, %s)", (a, b, expected) => {
    expectRelativelyClose(logBeta(a, b), expected, 1e-13);
  });

  it("matches scipy betaln on every branch", () => {
    // scipy.special.betaln(2.5, 3.5), betaln(0.5, 30), betaln(12, 30)
    expectRelativelyClose(logBeta(2.5, 3.5), -3.3018352699620523, 1e-14);
    expectRelativelyClose(logBeta(0.5, 30), -1.1240672740766993, 1e-13);
    expectRelativelyClose(logBeta(12, 30), -25.27486496841981, 1e-13);
  });

  it("is symmetric", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e7, noNaN: true }),
        fc.double({ min: 0.01, max: 1e7, noNaN: true }),
        (a, b) => {
          expect(logBeta(a, b)).toBe(logBeta(b, a));
        },
      ),
    );
  });
});

describe("regularizedIncompleteBeta", () => {
  it.each(INCOMPLETE_BETA)("matches I_%s(%s, %s)", (x, a, b, expected) => {
    // x^a with a = 1e6 turns each rounding inside the fraction into ~1e-12 relative, hence 1e-11.
    expectRelativelyClose(regularizedIncompleteBeta(x, a, b), expected, 1e-11);
  });

  it("matches scipy betainc on small parameters", () => {
    // scipy.special.betainc(0.5, 0.5, 0.7), betainc(3, 1, 0.25), betainc(1, 1, 0.3)
    expectRelativelyClose(regularizedIncompleteBeta(0.7, 0.5, 0.5), 0.6309898804344546, 1e-14);
    expectRelativelyClose(regularizedIncompleteBeta(0.25, 3, 1), 0.015625, 1e-14);
    expectRelativelyClose(regularizedIncompleteBeta(0.3, 1, 1), 0.3, 1e-14);
  });

  it("handles boundaries and invalid arguments", () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(regularizedIncompleteBeta(1.5, 2, 3)).toBeNaN();
    expect(regularizedIncompleteBeta(0.5, 0, 3)).toBeNaN();
  });

  it("keeps the small tail accurate when given 1 - x separately", () => {
    // mpmath: I_y(0.5, 1e6) with y = 1e-5 is 1 - 7.743831692618704e-06 at x = 0.99999 (table row)
    const tails = computeIncompleteBetaTails({ x: 1 - 1e-5, y: 1e-5, a: 1e6, b: 0.5 });
    expectRelativelyClose(tails.lower, 7.743831692618704e-6, 1e-9);
    expect(tails.lower + tails.upper).toBe(1);
  });

  it("satisfies I_x(a, b) = 1 - I_y(b, a) for y = 1 - x and is monotone in x", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.1, max: 5000, noNaN: true }),
        fc.double({ min: 0.1, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        (x, a, b, step) => {
          // Passing the same (x, y) pair both ways keeps 1 - x rounding out of the comparison.
          const y = 1 - x;
          const value = computeIncompleteBetaTails({ x, y, a, b }).lower;
          const mirrored = computeIncompleteBetaTails({ x: y, y: x, a: b, b: a }).upper;
          expect(Math.abs(value - mirrored)).toBeLessThan(1e-13);
          const next = Math.min(1, x + step);
          expect(regularizedIncompleteBeta(next, a, b)).toBeGreaterThanOrEqual(
            regularizedIncompleteBeta(x, a, b) - 1e-14,
          );
        },
      ),
    );
  });
});
