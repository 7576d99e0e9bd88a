import {
  computeCategoricalColumnQuality,
  computeNumericColumnQuality,
  createSeededRandom,
  prepareDriftColumn,
  type DriftColumn,
} from "@sextant/core";
import { describe, expect, it } from "vitest";
import { computeDriftSection, defaultDriftSettings, type DriftSettings } from "./drift-section.js";
import {
  estimateSortingWork,
  orderSharedColumns,
  scoreFeature,
  summariseFeatureDrift,
} from "./feature-drift.js";

const settings: DriftSettings = defaultDriftSettings;

function numeric(name: string, size: number, shift: number, seed: number): DriftColumn {
  const random = createSeededRandom(seed);
  const side = (offset: number) =>
    Float64Array.from({ length: size }, (_, i) => (i % 97 === 0 ? Number.NaN : random.nextFloat() + offset));
  return { name, kind: "numeric", reference: side(0), current: side(shift) };
}

const categorical: DriftColumn = {
  name: "c",
  kind: "categorical",
  categories: ["a", "b", "c"],
  reference: Int32Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? -1 : i % 3)),
  current: Int32Array.from({ length: 300 }, (_, i) => (i % 5 === 0 ? 2 : i % 2)),
};

// Codes out of label order (10 sorts after 9 as a number, "b" before "a" by code), categories new in
// the current side (9, "a") and gone from it (10, 3): the lists keep code order.
const scrambled: DriftColumn = {
  name: "s",
  kind: "categorical",
  categories: [10, 9, "b", "a", 3, "unused"],
  reference: Int32Array.from({ length: 400 }, (_, i) => [0, 2, 4, -1][i % 4]!),
  current: Int32Array.from({ length: 400 }, (_, i) => [1, 2, 3, -1, 1][i % 5]!),
};

describe("scoreFeature and summariseFeatureDrift", () => {
  it.each([
    ["auto", "none"],
    ["sensitive", "bonferroni"],
  ] as const)(
    "equal the drift section of the same prepared columns and take quality from the sorted sides and counts (%s, %s)",
    (policy, correction) => {
      const s = { ...settings, policy, correction };
      const columns = [numeric("x", 2000, 0.2, 1), categorical, numeric("y", 1500, 0, 2), scrambled];
      const section = summariseFeatureDrift(
        columns.map((c) => scoreFeature(c, s).scored),
        s,
      );
      expect({ columns: section.columns, dataset: section.dataset }).toEqual(
        computeDriftSection({
          prepared: columns.map((c) => prepareDriftColumn(c)),
          settings: s,
          withCharts: true,
        }),
      );
      // Each column's quality from its sorted sides or counts equals the quality counted from the data.
      for (const c of columns) {
        if (c.kind === "numeric")
          expect(section.columnQuality[c.name]).toEqual(computeNumericColumnQuality(c.reference, c.current));
        if (c.kind === "categorical")
          expect(section.columnQuality[c.name]).toEqual(computeCategoricalColumnQuality(c));
      }
      expect(Object.keys(section.columnQuality).sort()).toEqual(
        columns
          .filter((c) => c.kind !== "embedding")
          .map((c) => c.name)
          .sort(),
      );
    },
  );
});

describe("orderSharedColumns", () => {
  it("orders the numeric columns largest first and leaves the others out", () => {
    const columns = [numeric("a", 500, 0, 1), categorical, numeric("b", 2000, 0, 2), numeric("c", 500, 0, 3)];
    expect(orderSharedColumns(columns)).toEqual([2, 0, 3]);
    expect(estimateSortingWork(columns[2]!)).toBe(4000);
  });
});
