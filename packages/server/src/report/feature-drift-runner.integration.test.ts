import { Worker } from "node:worker_threads";
import { createSeededRandom, type DriftColumn } from "@sextant/core";
import { describe, expect, it } from "vitest";
import type { DriftSettings } from "./drift-section.js";
import { runFeatureDrift, startFeatureDriftWorker } from "./feature-drift-runner.js";
import { selectWorkerColumns } from "./feature-drift.js";

// The worker's TypeScript source, started through tsx (the build ships it compiled next to the runner).
const workerSource = new URL("./feature-drift-worker.ts", import.meta.url).href;
function startTsxWorker() {
  const worker = startFeatureDriftWorker(
    () =>
      new Worker(
        `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(workerSource)}); });`,
        { eval: true, execArgv: ["--conditions=source"] },
      ),
  );
  if (worker === undefined) throw new Error("a worker factory always starts a worker");
  return worker;
}

const settings = (overrides: Partial<DriftSettings> = {}): DriftSettings => ({
  policy: "sensitive",
  correction: "bonferroni",
  methodByColumn: {},
  thresholds: {},
  driftShareThreshold: 0.5,
  ...overrides,
});

/** A numeric column in shared memory (as the file readers load it), with a few missing values. */
function sharedNumeric(name: string, size: number, shift: number, seed: number): DriftColumn {
  const random = createSeededRandom(seed);
  const side = (offset: number) => {
    const values = new Float64Array(new SharedArrayBuffer(8 * size));
    for (let i = 0; i < size; i++) values[i] = i % 101 === 0 ? Number.NaN : random.nextFloat() * 10 + offset;
    return values;
  };
  return { name, kind: "numeric", reference: side(0), current: side(shift) };
}

const columns: DriftColumn[] = [
  sharedNumeric("a", 30_000, 0.3, 1),
  {
    name: "c",
    kind: "categorical",
    categories: ["x", "y", 3],
    reference: Int32Array.from({ length: 900 }, (_, i) => (i % 11 === 0 ? -1 : i % 3)),
    current: Int32Array.from({ length: 900 }, (_, i) => (i % 4 === 0 ? 2 : i % 3)),
  },
  sharedNumeric("b", 20_000, 0, 2),
  {
    name: "e",
    kind: "embedding",
    reference: { rowCount: 40, dimension: 3, values: Float64Array.from({ length: 120 }, (_, i) => i % 7) },
    current: { rowCount: 30, dimension: 3, values: Float64Array.from({ length: 90 }, (_, i) => (i % 5) + 1) },
  },
  sharedNumeric("d", 25_000, 0.05, 3),
];

describe("feature drift in a worker thread", () => {
  it("is not started from TypeScript sources without a compiled worker script", () => {
    expect(startFeatureDriftWorker()).toBeUndefined();
  });

  it("gives the same section as computing it all in this thread, for every split", async () => {
    const local = await runFeatureDrift({ columns, settings: settings() }).section;
    const splits: [number, number[]][] = [
      [0, [0]],
      [120_000, [0, 4]],
      [1e9, [0, 2, 4]],
    ];
    for (const [otherWork, prepared] of splits) {
      expect([...selectWorkerColumns(columns, otherWork)].sort()).toEqual(prepared);
      const worker = startTsxWorker();
      const run = runFeatureDrift({ columns, settings: settings(), worker, otherWork });
      expect(run.embeddings.map((p) => p.name)).toEqual(["e"]);
      expect(await run.section).toEqual(local);
    }
    // The shared inputs are read, never moved or changed.
    expect(columns[0]!.kind === "numeric" && columns[0]!.reference.length).toBe(30_000);
  }, 60_000);

  it("rejects with the worker's error when scoring fails there", async () => {
    const worker = startTsxWorker();
    const run = runFeatureDrift({
      columns,
      settings: settings({ methodByColumn: { e: "chisquare" } }),
      worker,
      otherWork: 1e9,
    });
    await expect(run.section).rejects.toThrow(/feature drift worker failed: .*chisquare/);
  }, 60_000);
});
