import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { selectBenjaminiHochbergRejections, selectBonferroniRejections } from "./multiple-testing.js";

const at = (alpha: number, ...pValues: number[]) => pValues.map((pValue) => ({ pValue, alpha }));

describe("Bonferroni", () => {
  it("rejects only below alpha/m", () => {
    expect(selectBonferroniRejections(at(0.05, 0.01, 0.0125, 0.02, 0.5))).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});

describe("Benjamini-Hochberg", () => {
  it("matches the textbook example (step-up keeps earlier larger p-values)", () => {
    // Sorted p: 0.001 (0.0125), 0.03 (0.025) no, 0.035 (0.0375) yes → the three smallest are rejected.
    expect(selectBenjaminiHochbergRejections(at(0.05, 0.035, 0.001, 0.03, 0.9))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it("rejects nothing when no p-value passes its step", () => {
    expect(selectBenjaminiHochbergRejections(at(0.05, 0.2, 0.3))).toEqual([false, false]);
  });

  it("rejects at least what Bonferroni rejects", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (ps) => {
          const tests = at(0.05, ...ps);
          const bh = selectBenjaminiHochbergRejections(tests);
          selectBonferroniRejections(tests).forEach((rejected, i) => {
            if (rejected) expect(bh[i]).toBe(true);
          });
        },
      ),
    );
  });
});
