import { describe, expect, it } from "vitest";
import { createSeededRandom } from "../random/seeded-random.js";
import type { CategoricalDriftColumn, NumericDriftColumn } from "./column-data.js";
import { computeColumnDrift } from "./column-drift.js";
import { computeDatasetDrift } from "./dataset-drift.js";

function normalSample(size: number, mean: number, seed: number): Float64Array {
  const random = createSeededRandom(seed);
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    // Box-Muller; 1 - u keeps the logarithm finite.
    const u = 1 - random.nextFloat();
    const v = random.nextFloat();
    out[i] = mean + Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  return out;
}

const numeric = (name: string, size: number, shift: number, seed: number): NumericDriftColumn => ({
  name,
  kind: "numeric",
  reference: normalSample(size, 0, seed),
  current: normalSample(size, shift, seed + 1),
});

describe("column drift", () => {
  it("uses KS on a small numeric reference and flags a clear shift", () => {
    const r = computeColumnDrift({ column: numeric("x", 500, 1, 1) });
    expect(r).toMatchObject({
      method: "ks",
      methodSource: "policy",
      status: "ok",
      drifted: true,
      threshold: 0.05,
    });
    expect(r.status === "ok" && r.score).toBeLessThan(1e-10);
  });

  it("uses normed Wasserstein above 1000 reference rows and stays quiet without a shift", () => {
    const r = computeColumnDrift({ column: numeric("x", 3000, 0, 7) });
    expect(r).toMatchObject({
      method: "wasserstein_norm",
      status: "ok",
      drifted: false,
      thresholdSource: "method_default",
    });
  });

  it("removes NaN and ±Infinity before testing and counts them as missing", () => {
    const column: NumericDriftColumn = {
      name: "x",
      kind: "numeric",
      reference: [1, 2, Number.NaN, 3, 4, 5, 6, Number.POSITIVE_INFINITY],
      current: [Number.NEGATIVE_INFINITY, 1, 2, 3, 4, 5, 6],
    };
    const r = computeColumnDrift({ column });
    expect(r).toMatchObject({
      referenceSize: 6,
      referenceMissing: 2,
      currentSize: 6,
      currentMissing: 1,
      uniqueCount: 6,
    });
    expect(r.status === "ok" && r.score).toBe(1);
  });

  it("reports insufficient data, never a number, when a side is empty after cleaning", () => {
    const column: NumericDriftColumn = {
      name: "x",
      kind: "numeric",
      reference: [1, 2, 3],
      current: [Number.NaN],
    };
    const r = computeColumnDrift({ column });
    expect(r).toMatchObject({ status: "insufficient_data", drifted: false, currentMissing: 1 });
    expect("score" in r).toBe(false);
  });

  it("counts categorical codes, treating -1 as missing, and picks chi-square for > 2 categories", () => {
    const column: CategoricalDriftColumn = {
      name: "city",
      kind: "categorical",
      categories: ["b", "a", "c", "unused"],
      reference: Int32Array.from([0, 1, 2, 0, 1, 2, -1]),
      current: Int32Array.from([0, 0, 0, 0, 0, 1, 2]),
    };
    const r = computeColumnDrift({ column });
    expect(r).toMatchObject({ method: "chisquare", referenceMissing: 1, uniqueCount: 3, status: "ok" });
  });

  it("refuses an explicit method that does not apply to the column kind", () => {
    const column: CategoricalDriftColumn = {
      name: "city",
      kind: "categorical",
      categories: ["a"],
      reference: Int32Array.from([0]),
      current: Int32Array.from([0]),
    };
    expect(() => computeColumnDrift({ column, method: "ks" })).toThrow(/does not apply/);
  });

  it("honours an explicit method and a column threshold", () => {
    const r = computeColumnDrift({
      column: numeric("x", 400, 0.3, 3),
      method: "psi",
      thresholds: { byColumn: { x: 0.5 } },
    });
    expect(r).toMatchObject({
      method: "psi",
      methodSource: "column",
      threshold: 0.5,
      thresholdSource: "column",
    });
  });
});

describe("dataset drift", () => {
  const columns = [
    numeric("a", 300, 1, 10),
    numeric("b", 300, 0, 20),
    numeric("c", 300, 0.8, 30),
    numeric("d", 300, 0, 40),
  ];

  it("computes the drift share and the verdict at the share threshold", () => {
    const r = computeDatasetDrift({ columns });
    expect(r.columns.map((c) => c.drifted)).toEqual([true, false, true, false]);
    expect(r).toMatchObject({ columnCount: 4, driftedCount: 2, driftShare: 0.5, drifted: true });
    expect(computeDatasetDrift({ columns, driftShareThreshold: 0.6 }).drifted).toBe(false);
  });

  it("leaves insufficient-data columns out of the share", () => {
    const empty: NumericDriftColumn = { name: "e", kind: "numeric", reference: [], current: [1] };
    const r = computeDatasetDrift({ columns: [...columns, empty] });
    expect(r).toMatchObject({ columnCount: 4, driftedCount: 2 });
  });

  it("keeps the uncorrected verdict beside a Bonferroni-corrected one", () => {
    const weak = numeric("w", 300, 0.2, 50);
    const plain = computeDatasetDrift({ columns: [weak] }).columns[0]!;
    const corrected = computeDatasetDrift({ columns: [...columns, weak], correction: "bonferroni" })
      .columns[4]!;
    expect(corrected.uncorrectedDrifted).toBe(plain.drifted);
    if (corrected.status === "ok") {
      expect(corrected.drifted).toBe(corrected.score < corrected.threshold / 5);
    }
  });

  it("weights the share by feature importance", () => {
    const r = computeDatasetDrift({ columns, importances: { a: 3, b: 1 } });
    expect(r.weightedDriftShare).toBeCloseTo(0.75, 12);
  });
});
