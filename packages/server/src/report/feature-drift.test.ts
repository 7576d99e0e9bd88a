import {
  computeNumericColumnQuality,
  createSeededRandom,
  prepareDriftColumn,
  type DriftColumn,
} from "@sextant/core";
import { describe, expect, it } from "vitest";
import { computeDriftSection, type DriftSettings } from "./drift-section.js";
import {
  computeFeatureDriftSection,
  estimateSortingWork,
  prepareFeature,
  selectWorkerColumns,
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

describe("computeFeatureDriftSection", () => {
  it("equals the drift section of the same prepared columns and takes numeric quality from the sorted sides", () => {
    const columns = [numeric("x", 2000, 0.2, 1), categorical, numeric("y", 1500, 0, 2)];
    const section = computeFeatureDriftSection(columns.map(prepareFeature), settings);
    expect({ columns: section.columns, dataset: section.dataset }).toEqual(
      computeDriftSection({
        prepared: columns.map((c) => prepareDriftColumn(c)),
        settings,
        withCharts: true,
      }),
    );
    for (const c of columns) {
      if (c.kind !== "numeric") continue;
      expect(section.numericQuality[c.name]).toEqual(computeNumericColumnQuality(c.reference, c.current));
    }
    expect(Object.keys(section.numericQuality)).toEqual(["x", "y"]);
  });
});

describe("selectWorkerColumns", () => {
  const columns = Array.from({ length: 10 }, (_, i) => numeric(`n${i}`, 1000, 0, i));
  const load = (chosen: Set<number>, otherWork: number) => {
    const work = columns.map(estimateSortingWork);
    const total = work.reduce((s, w) => s + w, 0);
    const assigned = [...chosen].reduce((s, i) => s + work[i]!, 0);
    return { worker: assigned + 0.42 * total, main: total - assigned + otherWork, column: work[0]! };
  };

  it.each([0, 5000, 20000])("balances the two threads within one column (other work %i)", (other) => {
    const chosen = selectWorkerColumns(columns, other);
    const { worker, main, column } = load(chosen, other);
    expect(Math.abs(worker - main)).toBeLessThanOrEqual(column);
  });

  it("gives the worker every column when this thread's other work outweighs them all", () => {
    expect(selectWorkerColumns(columns, 60000).size).toBe(10);
  });

  it("gives the worker more columns when this thread has more other work, and never a non-numeric one", () => {
    expect(selectWorkerColumns(columns, 20000).size).toBeGreaterThan(selectWorkerColumns(columns, 0).size);
    expect(selectWorkerColumns([categorical, categorical], 1e9).size).toBe(0);
  });
});
