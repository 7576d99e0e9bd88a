import {
  computeNumericColumnQuality,
  createSeededRandom,
  prepareDriftColumn,
  type DriftColumn,
} from "@sextant/core";
import { describe, expect, it } from "vitest";
import { computeDriftSection, type DriftSettings } from "./drift-section.js";
import {
  estimateSortingWork,
  orderSharedColumns,
  scoreFeature,
  summariseFeatureDrift,
} from "./feature-drift.js";

const settings: DriftSettings = {
  policy: "auto",
  correction: "none",
  methodByColumn: {},
  thresholds: {},
  driftShareThreshold: 0.5,
};

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

describe("scoreFeature and summariseFeatureDrift", () => {
  it.each([
    ["auto", "none"],
    ["sensitive", "bonferroni"],
  ] as const)(
    "equal the drift section of the same prepared columns and take numeric quality from the sorted sides (%s, %s)",
    (policy, correction) => {
      const s = { ...settings, policy, correction };
      const columns = [numeric("x", 2000, 0.2, 1), categorical, numeric("y", 1500, 0, 2)];
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
      for (const c of columns) {
        if (c.kind !== "numeric") continue;
        expect(section.numericQuality[c.name]).toEqual(computeNumericColumnQuality(c.reference, c.current));
      }
      expect(Object.keys(section.numericQuality)).toEqual(["x", "y"]);
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
