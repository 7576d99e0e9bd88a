import { describe, expect, it } from "vitest";
import { selectDriftMethod } from "./method-registry.js";
import { resolveThreshold, type ThresholdSettings } from "./thresholds.js";

const ks = selectDriftMethod("ks");
const rows: readonly [string, ThresholdSettings, number, string][] = [
  ["nothing set", {}, 0.05, "method_default"],
  ["global only", { global: 0.01 }, 0.01, "global"],
  ["kind beats global", { global: 0.01, byKind: { numeric: 0.02 } }, 0.02, "kind"],
  ["other kind ignored", { global: 0.01, byKind: { categorical: 0.02 } }, 0.01, "global"],
  ["column beats kind", { global: 0.01, byKind: { numeric: 0.02 }, byColumn: { age: 0.03 } }, 0.03, "column"],
  ["other column ignored", { byColumn: { income: 0.03 } }, 0.05, "method_default"],
  ["zero is a real threshold", { byColumn: { age: 0 } }, 0, "column"],
];

describe("threshold resolution", () => {
  it.each(rows)("%s", (_, settings, value, source) => {
    expect(resolveThreshold({ column: "age", kind: "numeric", method: ks, settings })).toEqual({
      value,
      source,
    });
  });

  it("does not read inherited properties as column thresholds", () => {
    const settings: ThresholdSettings = { byColumn: {} };
    expect(resolveThreshold({ column: "toString", kind: "numeric", method: ks, settings }).source).toBe(
      "method_default",
    );
  });
});
