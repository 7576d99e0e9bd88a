import { describe, expect, it } from "vitest";
import type { LoadedCategoricalColumn, LoadedNumericColumn } from "../files/loaded-datasets.js";
import { computePerformanceSection, type PerformanceColumns } from "./performance-section.js";

const target = (reference: number[], current: number[]): LoadedCategoricalColumn => ({
  kind: "categorical",
  categories: [0, 1],
  reference: Int32Array.from(reference),
  current: Int32Array.from(current),
});
const proba = (reference: number[], current: number[]): LoadedNumericColumn => ({
  kind: "numeric",
  reference: Float64Array.from(reference),
  current: Float64Array.from(current),
  typeErrors: { reference: 0, current: 0 },
});
const columns = (t: LoadedCategoricalColumn, p: LoadedNumericColumn): PerformanceColumns => ({
  targetName: "y",
  target: t,
  probaNames: ["p"],
  proba: [p],
});

describe("computePerformanceSection: sorted scores for the score column's drift", () => {
  it("hands over each side's finite scores sorted when every one of them has a target", () => {
    const seen: unknown[] = [];
    const entry = computePerformanceSection(
      columns(target([1, 0, 1, 0], [0, 0, 1]), proba([0.9, 0.2, Number.NaN, 0.4], [0.3, 0.1, 0.8])),
      (column, sorted) => seen.push({ column, sorted }),
    );
    expect(entry?.task).toBe("binary");
    expect(seen).toEqual([
      {
        column: "p",
        sorted: { reference: Float64Array.of(0.2, 0.4, 0.9), current: Float64Array.of(0.1, 0.3, 0.8) },
      },
    ]);
  });

  it("hands over nothing when a scored row lacks its target (the sort did not cover the column)", () => {
    const seen: unknown[] = [];
    computePerformanceSection(
      columns(target([1, -1, 0], [0, 1, 1]), proba([0.9, 0.2, 0.4], [0.3, 0.1, 0.8])),
      (column) => seen.push(column),
    );
    expect(seen).toEqual([]);
  });
});
