import { describe, expect, it } from "vitest";
import { UsageError } from "../exit-codes.js";
import { applyAdjustment, compareValues, parseFailIf } from "./fail-if.js";

describe("parseFailIf", () => {
  it.each([
    ["drift_share>=0.5", { name: "drift_share" }, ">=", { type: "number", value: 0.5 }],
    ["f1 < 0.8", { name: "f1" }, "<", { type: "number", value: 0.8 }],
    [
      "missing_share(income)>5%",
      { name: "missing_share", column: "income" },
      ">",
      { type: "number", value: 0.05 },
    ],
    [
      "missing_share( annual income ) != 0",
      { name: "missing_share", column: "annual income" },
      "!=",
      { type: "number", value: 0 },
    ],
    [
      "f1 < reference-5%",
      { name: "f1" },
      "<",
      { type: "baseline", baseline: "reference", adjust: { op: "-", amount: 0.05, percent: true } },
    ],
    ["rmse >= dummy", { name: "rmse" }, ">=", { type: "baseline", baseline: "dummy", adjust: undefined }],
  ])("%s", (text, metric, operator, value) => {
    const e = parseFailIf(text);
    expect(e.metric).toEqual(metric);
    expect(e.operator).toBe(operator);
    expect(e.value).toEqual(value);
  });

  it.each(["f1", "f1 < ", "f1 ~ 3", "f1 < abc", "(x) < 1"])("rejects %j as a usage error", (text) => {
    expect(() => parseFailIf(text)).toThrow(UsageError);
  });
});

describe("applyAdjustment and compareValues", () => {
  it("adjusts baselines by percentage, absolute amount or factor", () => {
    expect(applyAdjustment(0.8, { op: "-", amount: 0.05, percent: true })).toBeCloseTo(0.76, 15);
    expect(applyAdjustment(0.8, { op: "+", amount: 0.05, percent: false })).toBeCloseTo(0.85, 15);
    expect(applyAdjustment(0.8, { op: "*", amount: 0.5, percent: false })).toBe(0.4);
    expect(applyAdjustment(-2, { op: "-", amount: 0.1, percent: true })).toBeCloseTo(-2.2, 15);
  });

  it.each([
    [1, "<", 2, true],
    [2, "<", 2, false],
    [2, "<=", 2, true],
    [3, ">", 2, true],
    [2, ">=", 3, false],
    [2, "==", 2, true],
    [2, "!=", 2, false],
  ] as const)("%d %s %d is %s", (a, op, b, expected) => {
    expect(compareValues(a, op, b)).toBe(expected);
  });
});
