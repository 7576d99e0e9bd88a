import { describe, expect, it } from "vitest";
import {
  selectInferredColumnKind,
  type ColumnStorageFacts,
  type StorageType,
} from "./column-kind-inference.js";

function facts(
  storage: StorageType,
  nonMissing: number,
  distinct: number,
  numberLike = 0,
): ColumnStorageFacts {
  return {
    name: "c",
    storage,
    nonMissingCount: nonMissing,
    distinctCount: distinct,
    numberLikeCount: numberLike,
  };
}

// One row per rule of the issue, with both sides of every boundary.
const rows: readonly [string, ColumnStorageFacts, string | undefined][] = [
  ["boolean", facts("boolean", 100, 2), "categorical"],
  ["float with 2 values stays numeric", facts("float", 100, 2), "numeric"],
  ["integer with 10 values", facts("integer", 1000, 10), "categorical"],
  ["integer with 11 values", facts("integer", 1000, 11), "numeric"],
  ["string 50% distinct", facts("string", 100, 50), "categorical"],
  ["string 51% distinct", facts("string", 100, 51), "text"],
  ["strings all numbers", facts("string", 100, 90, 100), "numeric"],
  ["strings 90% numbers", facts("string", 100, 90, 90), "numeric"],
  ["strings 89% numbers, varied", facts("string", 100, 90, 89), "text"],
  ["all-missing string", facts("string", 0, 0), "categorical"],
  ["numeric list", facts("numeric_list", 10, 0), "embedding"],
  ["timestamp", facts("temporal", 10, 10), undefined],
  ["struct", facts("other", 10, 10), undefined],
];

describe("selectInferredColumnKind", () => {
  it.each(rows)("%s", (_label, input, kind) => {
    expect(selectInferredColumnKind(input).kind).toBe(kind);
  });

  it("says why", () => {
    expect(selectInferredColumnKind(facts("integer", 100, 3)).reason).toContain("3 distinct values");
  });
});
