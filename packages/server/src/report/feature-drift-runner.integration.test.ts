import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { createSeededRandom, type DriftColumn } from "@sextant/core";
import { describe, expect, it } from "vitest";
import { openDuckDbSession } from "../files/duckdb-session.js";
import { readParquetSideAlone, toSideSelectSql, type SideReadRequest } from "../files/side-read.js";
import { defaultDriftSettings, type DriftSettings } from "./drift-section.js";
import {
  runFeatureDrift,
  startFeatureDriftWorker,
  type FeatureDriftRequest,
} from "./feature-drift-runner.js";

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
  ...defaultDriftSettings,
  policy: "sensitive",
  correction: "bonferroni",
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

  it("gives the same section as computing it all in this thread, however the threads share the columns", async () => {
    const local = await runFeatureDrift({ columns, settings: settings() });
    for (let run = 0; run < 3; run++) {
      const worker = startTsxWorker();
      // One run with a worker told to prime first (large inputs): priming changes no result.
      if (run === 1) worker.prime();
      const result = await runFeatureDrift({ columns, settings: settings(), worker });
      expect(result.embeddings.map((p) => p.name)).toEqual(["e"]);
      expect(result).toEqual(local);
    }
    // The shared inputs are read, never moved or changed.
    expect(columns[0]!.kind === "numeric" && columns[0]!.reference.length).toBe(30_000);
  }, 60_000);

  it("splits the columns between both threads, this thread joining after its other work", async () => {
    const many = Array.from({ length: 10 }, (_, i) => sharedNumeric(`n${i}`, 40_000, i % 2, i));
    const local = await runFeatureDrift({ columns: many, settings: settings() });
    const worker = startTsxWorker();
    let claims: Int32Array | undefined;
    let scoredThere = -1;
    const spied = {
      ...worker,
      post: (request: FeatureDriftRequest) => {
        if (request.type === "start") claims = request.claims;
        worker.post(request);
      },
      reply: worker.reply.then((r) => ((scoredThere = r.features.length), r)),
    };
    const run = runFeatureDrift({ columns: many, settings: settings(), worker: spied });
    // This thread's "other work": it blocks until the worker (still starting up) has claimed a column.
    const pause = new Int32Array(new SharedArrayBuffer(4));
    const deadline = Date.now() + 30_000;
    while (Atomics.load(claims!, 0) === 0 && Date.now() < deadline) Atomics.wait(pause, 0, 0, 5);
    expect(await run).toEqual(local);
    expect(scoredThere).toBeGreaterThan(0);
    expect(scoredThere).toBeLessThan(10);
  }, 60_000);

  it("reads a Parquet side in the worker as on a DuckDB here, opened ahead or not", async () => {
    const directory = mkdtempSync(join(tmpdir(), "sextant-worker-read-"));
    const path = join(directory, "cur.parquet");
    const session = await openDuckDbSession();
    await session.run(
      `COPY (SELECT i * 0.5 AS x, CASE WHEN i % 3 = 0 THEN NULL ELSE 'v' || (i % 7) END AS t FROM range(5000) r(i)) TO '${path}' (FORMAT parquet)`,
    );
    session.close();
    const request: SideReadRequest = {
      path,
      sql: toSideSelectSql("cur", ["coalesce(CAST(x AS DOUBLE), 'NaN'::DOUBLE)", "CAST(t AS VARCHAR)"]),
      selectCount: 2,
      columns: [
        { kind: "numeric", source: 0 },
        { kind: "text", source: 1 },
      ],
      rowCount: 5000,
    };
    const worker = startTsxWorker();
    try {
      const read = await worker.readSide(request);
      expect(read).toEqual(await readParquetSideAlone(request));
      expect((read.buffers[0] as Float64Array)[4999]).toBe(2499.5);
      // Opened ahead (as the CLI does while profiling), and primed meanwhile: the same read.
      worker.prepareSideRead(path);
      worker.prime();
      expect(await worker.readSide(request)).toEqual(read);
      // Prepared for another file: that session is dropped and this one read as before.
      worker.prepareSideRead(join(directory, "other.parquet"));
      expect(await worker.readSide(request)).toEqual(read);
      // A file that cannot be read rejects (the caller then reads it itself), prepared or not.
      const missing = join(directory, "missing.parquet");
      await expect(worker.readSide({ ...request, path: missing })).rejects.toThrow();
      worker.prepareSideRead(missing);
      await expect(worker.readSide({ ...request, path: missing })).rejects.toThrow();
    } finally {
      worker.terminate();
      rmSync(directory, { recursive: true, force: true });
    }
  }, 60_000);

  it("rejects with the worker's error when scoring fails there", async () => {
    const worker = startTsxWorker();
    const run = runFeatureDrift({
      columns,
      // A method for embeddings on numeric columns, which the worker scores too.
      settings: settings({ methodByColumn: { a: "mmd", b: "mmd", d: "mmd" } }),
      worker,
    });
    await expect(run).rejects.toThrow(/mmd/);
  }, 60_000);
});
