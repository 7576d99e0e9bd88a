import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { besselK } from "./bessel.js";
import { expectRelativelyClose } from "../../test/support/result-assertions.js";

describe("besselK", () => {
  // Expected values: mpmath.besselk(nu, x) at 30 digits, rounded to double (scipy.special.kv agrees to ~1e-13; it is
  // itself off by 7e-14 at nu = 0.25, x = 2 and underflows to 0 at x = 700).
  const cases: [number, number, number][] = [
    [0.25, 1e-6, 68.10722788973494],
    [0.25, 1e-3, 11.756476271934458],
    [0.25, 0.5, 0.960316324931886],
    [0.25, 2, 0.11537827684085676],
    [0.25, 20.8, 2.5339058244028707e-10],
    [0.25, 100, 4.6580764515098396e-45],
    [0.25, 700, 4.669984759813366e-306],
    [0, 1, 0.42102443824070834],
    [1.5, 3, 0.04803464684235279],
    [10, 5, 9.75856282917781],
  ];
  it.each(cases)("K_%s(%s) matches mpmath to 1e-14", (nu, x, expected) => {
    expectRelativelyClose(besselK(nu, x), expected, 1e-14);
  });

  it("is even in the order", () => {
    // mpmath.besselk(-0.25, 2) == mpmath.besselk(0.25, 2)
    expect(besselK(-0.25, 2)).toBe(besselK(0.25, 2));
  });

  it("has the closed form sqrt(pi/(2x)) e^-x at order 1/2", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 600, noNaN: true }), (x) => {
        expectRelativelyClose(besselK(0.5, x), Math.sqrt(Math.PI / (2 * x)) * Math.exp(-x), 1e-13);
      }),
    );
  });

  it("satisfies K_{v+1}(x) = K_{v-1}(x) + (2v/x) K_v(x)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 1e-3, max: 300, noNaN: true }),
        (nu, x) => {
          const left = besselK(nu + 1, x);
          const right = besselK(nu - 1, x) + ((2 * nu) / x) * besselK(nu, x);
          expectRelativelyClose(left, right, 1e-12);
        },
      ),
    );
  });

  it("decreases in x", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 500, noNaN: true }),
        fc.double({ min: 1e-3, max: 5, noNaN: true }),
        (x, step) => {
          expect(besselK(0.25, x + step)).toBeLessThan(besselK(0.25, x));
        },
      ),
    );
  });

  it("underflows to 0 for very large x", () => {
    expect(besselK(0.25, 800)).toBe(0);
    expect(besselK(0.25, Infinity)).toBe(0);
  });

  it("throws for x <= 0 or NaN (outside the function's domain)", () => {
    expect(() => besselK(0.25, 0)).toThrow(RangeError);
    expect(() => besselK(0.25, -1)).toThrow(RangeError);
    expect(() => besselK(Number.NaN, 1)).toThrow(RangeError);
    expect(() => besselK(0.25, Number.NaN)).toThrow(RangeError);
  });
});
