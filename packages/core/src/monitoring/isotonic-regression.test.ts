import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitIsotonicRegression, predictIsotonic } from "./isotonic-regression.js";

describe("fitIsotonicRegression", () => {
  it("matches scikit-learn IsotonicRegression(out_of_bounds='clip') with ties and a trailing violator", () => {
    // /usr/bin/python3: IsotonicRegression(out_of_bounds="clip").fit(x, y).predict(grid).tolist()
    const x = [0.1, 0.2, 0.2, 0.3, 0.5, 0.5, 0.7, 0.9, 0.95, 0.4];
    const y = [0, 1, 0, 0, 1, 0, 1, 1, 0, 1];
    const grid = [0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0];
    const expected = [
      0.0, 0.0, 0.1666666666666666, 0.3333333333333333, 0.3333333333333333, 0.3333333333333333,
      0.4999999999999999, 0.6666666666666666, 0.6666666666666666, 0.6666666666666666, 0.6666666666666666,
      0.6666666666666666, 0.6666666666666666, 0.6666666666666666, 0.6666666666666666, 0.6666666666666666,
    ];
    const fit = fitIsotonicRegression(x, y);
    if (fit.status !== "ok") throw new Error(fit.reason);
    grid.forEach((point, i) => {
      expect(predictIsotonic(fit, point)).toBeCloseTo(expected[i]!, 12);
    });
  });

  it("handles one point, constant x and empty input", () => {
    const single = fitIsotonicRegression([0.3], [1]);
    expect(single.status === "ok" && predictIsotonic(single, 0.9)).toBe(1);
    const constant = fitIsotonicRegression([0.5, 0.5, 0.5, 0.5], [1, 0, 0, 1]);
    expect(constant.status === "ok" && predictIsotonic(constant, 0.1)).toBe(0.5);
    expect(fitIsotonicRegression([], []).status).toBe("insufficient_data");
    expect(() => fitIsotonicRegression([1], [])).toThrow(RangeError);
  });

  it("is non-decreasing, keeps the label mean and stays within the label range", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1)), {
          minLength: 1,
          maxLength: 60,
        }),
        (pairs) => {
          const fit = fitIsotonicRegression(
            pairs.map(([x]) => x),
            pairs.map(([, y]) => y),
          );
          if (fit.status !== "ok") throw new Error("fit");
          let total = 0;
          for (const [x] of pairs) total += predictIsotonic(fit, x);
          const labelMean = pairs.reduce((sum, [, y]) => sum + y, 0) / pairs.length;
          expect(total / pairs.length).toBeCloseTo(labelMean, 9);
          for (let k = 1; k < fit.values.length; k++)
            expect(fit.values[k]!).toBeGreaterThanOrEqual(fit.values[k - 1]!);
          expect(Math.min(...fit.values)).toBeGreaterThanOrEqual(0);
          expect(Math.max(...fit.values)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
