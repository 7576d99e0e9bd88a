import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Severity, ThresholdCondition } from "./threshold-condition.js";
import { computeSeverity, deriveThresholdBounds, evaluateCondition } from "./threshold-condition.js";

function severityOf(
  value: number,
  condition: ThresholdCondition,
): { severity: Severity; bound: number | null } {
  const result = evaluateCondition({ value, condition });
  if (result.status !== "ok") throw new Error(result.reason);
  return { severity: result.severity, bound: result.crossedBound };
}

const accuracyFixed: ThresholdCondition = {
  kind: "fixed",
  direction: "higher_is_better",
  levels: { warning: 0.8, critical: 0.7 },
};
const psiFixed: ThresholdCondition = {
  kind: "fixed",
  direction: "lower_is_better",
  levels: { warning: 0.1, critical: 0.25 },
};
const kpiBand: ThresholdCondition = {
  kind: "fixed",
  direction: "two_sided",
  lower: { critical: 10 },
  upper: { warning: 50, critical: 60 },
};
const relative: ThresholdCondition = {
  kind: "relative",
  direction: "two_sided",
  baseline: 200,
  percent: { warning: 10, critical: 25 },
};
const relativeNegative: ThresholdCondition = {
  kind: "relative",
  direction: "lower_is_better",
  baseline: -4,
  percent: { critical: 50 },
};
// mean 0.9, sample sd 0.02 of [0.88, 0.9, 0.92]: warning below 0.86, critical below 0.84.
const learned: ThresholdCondition = {
  kind: "learned",
  direction: "higher_is_better",
  baselineValues: [0.88, 0.9, 0.92],
};
const dummyF1: ThresholdCondition = {
  kind: "better_than_dummy",
  direction: "higher_is_better",
  dummyValue: 0.5,
  warningMargin: 0.05,
};
const dummyLogLoss: ThresholdCondition = {
  kind: "better_than_dummy",
  direction: "lower_is_better",
  dummyValue: 0.69,
};

describe("evaluateCondition", () => {
  it.each<[string, ThresholdCondition, number, Severity, number | null]>([
    ["fixed higher-is-better: fine", accuracyFixed, 0.85, "none", null],
    ["fixed higher-is-better: at the warning level is not a violation", accuracyFixed, 0.8, "none", null],
    ["fixed higher-is-better: warning", accuracyFixed, 0.75, "warning", 0.8],
    ["fixed higher-is-better: critical", accuracyFixed, 0.6, "critical", 0.7],
    ["fixed lower-is-better: fine", psiFixed, 0.05, "none", null],
    ["fixed lower-is-better: warning", psiFixed, 0.2, "warning", 0.1],
    ["fixed lower-is-better: critical", psiFixed, 0.3, "critical", 0.25],
    ["fixed lower-is-better: a drop is fine", psiFixed, -5, "none", null],
    ["two-sided fixed: low critical", kpiBand, 9, "critical", 10],
    ["two-sided fixed: high warning", kpiBand, 55, "warning", 50],
    ["two-sided fixed: high critical", kpiBand, 61, "critical", 60],
    ["two-sided fixed: inside", kpiBand, 30, "none", null],
    ["relative: +5% is fine", relative, 210, "none", null],
    ["relative: -15% warns", relative, 170, "warning", 180],
    ["relative: +30% is critical", relative, 260, "critical", 250],
    ["relative on a negative baseline uses |baseline|", relativeNegative, -1.9, "critical", -2],
    ["relative on a negative baseline: fine", relativeNegative, -2.1, "none", null],
    ["learned: within 2σ", learned, 0.87, "none", null],
    ["learned: beyond 2σ", learned, 0.85, "warning", 0.86],
    ["learned: beyond 3σ", learned, 0.83, "critical", 0.84],
    ["learned: a rise is fine for higher-is-better", learned, 0.99, "none", null],
    ["dummy: clearly better", dummyF1, 0.7, "none", null],
    ["dummy: within the margin warns", dummyF1, 0.52, "warning", 0.55],
    ["dummy: equal to the dummy is critical", dummyF1, 0.5, "critical", 0.5],
    ["dummy lower-is-better: better", dummyLogLoss, 0.4, "none", null],
    ["dummy lower-is-better: equal is critical", dummyLogLoss, 0.69, "critical", 0.69],
  ])("%s", (_name, condition, value, severity, bound) => {
    const verdict = severityOf(value, condition);
    expect(verdict.severity).toBe(severity);
    if (bound === null) expect(verdict.bound).toBeNull();
    else expect(verdict.bound).toBeCloseTo(bound, 12);
  });

  it("reports the side crossed", () => {
    const result = evaluateCondition({ value: 9, condition: kpiBand });
    expect(result.status === "ok" && result.side).toBe("lower");
  });

  it("learned bounds with zero baseline variability flag any departure", () => {
    const flat: ThresholdCondition = { kind: "learned", direction: "two_sided", baselineValues: [3, 3, 3] };
    expect(severityOf(3, flat).severity).toBe("none");
    expect(severityOf(3.0001, flat).severity).toBe("critical");
  });

  it("learned bounds honour custom multipliers", () => {
    const condition: ThresholdCondition = {
      kind: "learned",
      direction: "lower_is_better",
      baselineValues: [1, 2, 3],
      sigmaMultipliers: { critical: 1 },
    };
    // mean 2, sd 1 → critical above 3.
    expect(severityOf(3.5, condition)).toEqual({ severity: "critical", bound: 3 });
    expect(severityOf(2.9, condition).severity).toBe("none");
  });

  it("returns insufficient_data when the baseline cannot define bounds", () => {
    expect(evaluateCondition({ value: 1, condition: { ...learned, baselineValues: [0.9] } }).status).toBe(
      "insufficient_data",
    );
    expect(evaluateCondition({ value: 1, condition: { ...relative, baseline: Number.NaN } }).status).toBe(
      "insufficient_data",
    );
    expect(evaluateCondition({ value: 1, condition: { ...dummyF1, dummyValue: Infinity } }).status).toBe(
      "insufficient_data",
    );
  });

  it("throws on programmer errors", () => {
    expect(() => evaluateCondition({ value: Number.NaN, condition: accuracyFixed })).toThrow(RangeError);
    expect(() =>
      evaluateCondition({ value: 1, condition: { kind: "fixed", direction: "lower_is_better", levels: {} } }),
    ).toThrow(RangeError);
    expect(() =>
      deriveThresholdBounds({
        kind: "fixed",
        direction: "higher_is_better",
        levels: { warning: 0.7, critical: 0.8 },
      }),
    ).toThrow(RangeError);
    expect(() => deriveThresholdBounds({ ...relative, percent: { warning: -1 } })).toThrow(RangeError);
  });

  it("severity never decreases as a lower-is-better value grows", () => {
    const rank = { none: 0, warning: 1, critical: 2 } as const;
    const resolved = deriveThresholdBounds(psiFixed);
    if (resolved.status !== "ok") throw new Error("bounds");
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (v, d) => {
          const before = computeSeverity(v, resolved.bounds).severity;
          const after = computeSeverity(v + d, resolved.bounds).severity;
          expect(rank[after]).toBeGreaterThanOrEqual(rank[before]);
        },
      ),
    );
  });
});
