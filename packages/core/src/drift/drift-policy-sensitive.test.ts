import { describe, expect, it } from "vitest";
import {
  isDriftPolicyId,
  selectPolicyCorrection,
  selectPolicyDriftMethod,
  type ColumnProfile,
} from "./drift-policy.js";
import type { DriftMethodId } from "./method-registry.js";

// The sensitive policy ignores sample size: p-value tests at 10 rows and at 10 million.
const rows: readonly [ColumnProfile["kind"], number, number, DriftMethodId][] = [
  ["numeric", 10, 6, "ks"],
  ["numeric", 10_000_000, 6, "ks"],
  ["numeric", 10_000_000, 5, "chi2_contingency"],
  ["numeric", 100, 2, "chi2_contingency"],
  ["categorical", 50, 3, "chi2_contingency"],
  ["categorical", 5_000_000, 50, "chi2_contingency"],
  ["categorical", 5_000_000, 2, "chi2_contingency"],
  ["embedding", 100_000, 0, "mmd"],
];

describe("sensitive drift policy", () => {
  it.each(rows)(
    "%s column, %i reference rows, %i unique values → %s",
    (kind, referenceSize, uniqueCount, method) => {
      expect(selectPolicyDriftMethod("sensitive", { kind, referenceSize, uniqueCount })).toBe(method);
    },
  );

  it("defaults to Bonferroni, while auto stays uncorrected", () => {
    expect(selectPolicyCorrection("sensitive")).toBe("bonferroni");
    expect(selectPolicyCorrection("auto")).toBe("none");
  });

  it("knows its policy ids", () => {
    expect(isDriftPolicyId("sensitive")).toBe(true);
    expect(isDriftPolicyId("strict")).toBe(false);
  });
});
