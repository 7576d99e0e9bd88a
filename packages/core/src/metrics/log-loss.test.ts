import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeCompensatedSum } from "../descriptive/compensated-sum.js";
import { computeBinaryLogLoss } from "./log-loss.js";

/** The definition summed over an array of per-row losses, as the function did before it summed on the way. */
function logLossOverArray(yTrue: readonly number[], yScore: readonly number[]): number {
  const losses = yScore.map((score, i) => {
    const positive = Math.min(Math.max(score, Number.EPSILON), 1 - Number.EPSILON);
    return -Math.log((yTrue[i] === 1 ? positive : 1 - positive) / (1 - positive + positive));
  });
  return computeCompensatedSum(losses) / yTrue.length;
}

describe("computeBinaryLogLoss", () => {
  it("equals the compensated sum of the per-row losses to the last bit", () => {
    const row = fc.tuple(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 300 }), (rows) => {
        const yTrue = rows.map(([label]) => label);
        const yScore = rows.map(([, score]) => score);
        expect(computeBinaryLogLoss(yTrue, yScore)).toBe(logLossOverArray(yTrue, yScore));
      }),
    );
  });

  it("clips certain wrong answers to -ln(machine epsilon)", () => {
    expect(computeBinaryLogLoss([1, 0], [0, 1])).toBeCloseTo(-Math.log(Number.EPSILON), 12);
  });
});
