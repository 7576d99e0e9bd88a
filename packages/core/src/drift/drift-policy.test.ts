import { describe, expect, it } from "vitest";
import { selectAutoDriftMethod, type ColumnProfile } from "./drift-policy.js";
import type { DriftMethodId } from "./method-registry.js";

// One row per case of the STATISTICS.md table (Evidently's defaults), including both size boundaries.
const rows: readonly [ColumnProfile["kind"], number, number, DriftMethodId][] = [
  ["numeric", 1000, 6, "ks"],
  ["numeric", 10, 100, "ks"],
  ["numeric", 1001, 6, "wasserstein_norm"],
  ["numeric", 1000, 5, "chisquare"],
  ["numeric", 1000, 3, "chisquare"],
  ["numeric", 1000, 2, "ztest"],
  ["numeric", 1000, 1, "ztest"],
  ["numeric", 1001, 5, "jensenshannon"],
  ["numeric", 1001, 2, "jensenshannon"],
  ["categorical", 1000, 3, "chisquare"],
  ["categorical", 1000, 50, "chisquare"],
  ["categorical", 1000, 2, "ztest"],
  ["categorical", 1001, 2, "jensenshannon"],
  ["categorical", 5000, 50, "jensenshannon"],
  ["embedding", 10, 0, "mmd"],
  ["embedding", 50000, 0, "mmd"],
];

describe("auto drift policy", () => {
  it.each(rows)(
    "%s column, %i reference rows, %i unique values → %s",
    (kind, referenceSize, uniqueCount, method) => {
      expect(selectAutoDriftMethod({ kind, referenceSize, uniqueCount })).toBe(method);
    },
  );
});
