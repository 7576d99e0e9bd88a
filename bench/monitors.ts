/**
 * Monitor evaluation benchmark: 100 models × 20 numeric features, 100,000 predictions each (10 million in
 * the store: a baseline day and an evaluated day), one dataset-drift monitor per model over all 20
 * features with hourly windows. Times the runner evaluating 24 hourly windows of every monitor (gather in
 * DuckDB → decide in core → store results and incidents). Data is generated inside DuckDB with
 * hash()-based values (INSERT … SELECT), not through ingest. Prints figures; never fails on time.
 *
 *   npx tsx --conditions=source bench/monitors.ts [--models 100] [--rows-per-model 100000] [--threads 2]
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { ColumnSpec } from "@sextant/sdk";
import { pino } from "pino";
import { createMonitoringServices } from "../packages/server/src/monitoring/monitoring-services.js";
import type { MonitorRecord } from "../packages/server/src/monitoring/monitoring-records.js";
import { openDuckDbStore } from "../packages/server/src/storage/duckdb/duckdb-store.js";
import { toEventTableName } from "../packages/server/src/storage/duckdb/sql-text.js";
import type { Store } from "../packages/server/src/storage/store.js";
import { insertBenchModelVersion } from "./bench-registry.js";

const featureCount = 20;
const hourMs = 3_600_000;
const dayStartMs = Date.UTC(2026, 10, 1);
const evaluatedStartMs = dayStartMs + 24 * hourMs;

function readFlag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

const pad = (n: number): string => String(n).padStart(12, "0");
const features = Array.from({ length: featureCount }, (_, k) => `f${k}`);
const columns: ColumnSpec[] = [
  { name: "id", role: "id", type: "string", nullable: false, description: "" },
  { name: "ts", role: "timestamp", type: "timestamp", nullable: false, description: "" },
  ...features.map((name): ColumnSpec => ({
    name,
    role: "feature",
    type: "numeric",
    nullable: true,
    description: "",
  })),
  { name: "score", role: "prediction_score", type: "numeric", nullable: false, description: "" },
];

async function registerModels(store: Store, models: number): Promise<string[]> {
  const now = new Date(dayStartMs);
  await store.insertWorkspace({
    id: `ws_bench${pad(0)}`,
    slug: "bench",
    name: "Bench",
    description: "",
    createdAt: now,
    updatedAt: now,
  });
  const versionIds: string[] = [];
  for (let m = 0; m < models; m += 1) {
    const modelId = `mdl_bench${pad(m)}`;
    const versionId = `ver_bench${pad(m)}`;
    await insertBenchModelVersion(
      store,
      { workspaceId: `ws_bench${pad(0)}`, modelId, versionId, name: `model-${m}` },
      columns,
      now,
    );
    versionIds.push(versionId);
  }
  return versionIds;
}

/** Fills every version's prediction table in DuckDB: half the rows on the baseline day, half the next day. */
async function generatePredictions(path: string, versionIds: readonly string[], rowsPerModel: number) {
  const instance = await DuckDBInstance.create(path, { memory_limit: "4GB", threads: "2" });
  const connection = await instance.connect();
  const spanMs = 48 * hourMs;
  for (const [m, versionId] of versionIds.entries()) {
    // Uniform in [0,1) from hash(); the sum of three is a cheap bell shape. Half the models drift on the
    // evaluated day from hour 12 on (the first five features shift), so the bench also fires incidents.
    const value = (k: number) =>
      `(hash(i, ${k}, ${m}) % 1000000 + hash(i, ${k + 100}, ${m}) % 1000000 + hash(i, ${k + 200}, ${m}) % 1000000) / 1e6` +
      (m % 2 === 0 && k < 5
        ? ` + CASE WHEN t_ms >= ${evaluatedStartMs + 12 * hourMs} THEN 0.6 ELSE 0 END`
        : "");
    const userColumns = [...features, "score"].map((name) => `"${name}"`).join(", ");
    await connection.run(
      `INSERT INTO ${toEventTableName("predictions", versionId)}
         (__sx_event_id, __sx_ts, __sx_received_at, ${userColumns})
       SELECT 'e' || i, make_timestamp(t_ms * 1000), make_timestamp(t_ms * 1000),
              ${features.map((_, k) => value(k)).join(", ")}, (hash(i, 999, ${m}) % 1000) / 1000.0
       FROM (SELECT i, ${dayStartMs} + (i * ${spanMs}) // ${rowsPerModel} AS t_ms FROM range(${rowsPerModel}) r(i))`,
    );
  }
  await connection.run("CHECKPOINT");
  const count = await connection.runAndReadAll(
    `SELECT ${versionIds.map((id) => `(SELECT count(*) FROM ${toEventTableName("predictions", id)})`).join(" + ")}`,
  );
  connection.closeSync();
  instance.closeSync();
  return Number(count.getRowsJS()[0]?.[0] ?? 0);
}

function buildMonitor(m: number): MonitorRecord {
  return {
    id: `mon_bench${pad(m)}`,
    modelId: `mdl_bench${pad(m)}`,
    versionId: `ver_bench${pad(m)}`,
    name: "dataset drift",
    description: "",
    kind: "dataset_drift",
    metric: "psi",
    columns: [],
    params: {},
    window: { kind: "hourly" },
    baseline: { kind: "range", from: new Date(dayStartMs), to: new Date(evaluatedStartMs) },
    scope: { kind: "all" },
    condition: { kind: "fixed", direction: "lower_is_better", warning: 0.2, critical: 0.5 },
    forWindows: 1,
    minSampleSize: 30,
    delayMs: 0,
    channelIds: [],
    enabled: true,
    labels: {},
    createdAt: new Date(evaluatedStartMs),
    updatedAt: new Date(evaluatedStartMs),
  };
}

const callTimes = new Map<string, { calls: number; ms: number }>();

/** Wraps every async store method to sum its time (printed after the run, to show where time goes). */
function timeStoreCalls(store: Store): Store {
  return new Proxy(store, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== "function" || typeof name !== "string") return value;
      return async (...args: unknown[]) => {
        const start = performance.now();
        try {
          const method = value as (...a: unknown[]) => Promise<unknown>;
          return await method.apply(target, args);
        } finally {
          const entry = callTimes.get(name) ?? { calls: 0, ms: 0 };
          callTimes.set(name, { calls: entry.calls + 1, ms: entry.ms + performance.now() - start });
        }
      };
    },
  });
}

async function main(): Promise<void> {
  const models = readFlag("models", 100);
  const rowsPerModel = readFlag("rows-per-model", 100_000);
  const threads = readFlag("threads", 2);
  const dir = await mkdtemp(join(tmpdir(), "sextant-bench-monitors-"));
  const path = join(dir, "bench.duckdb");
  try {
    let store = await openDuckDbStore({ path, memoryLimit: "4GB", threads });
    const versionIds = await registerModels(store, models);
    await store.close();
    const generateStart = performance.now();
    const predictions = await generatePredictions(path, versionIds, rowsPerModel);
    const generateSeconds = (performance.now() - generateStart) / 1000;
    console.log(
      `generated ${predictions.toLocaleString("en")} predictions in ${generateSeconds.toFixed(1)} s`,
    );

    store = timeStoreCalls(await openDuckDbStore({ path, memoryLimit: "4GB", threads }));
    const at = new Date(evaluatedStartMs + 24 * hourMs);
    const monitoring = createMonitoringServices({
      store,
      clock: () => at,
      logger: pino({ level: "silent" }),
      outboundAllowList: [],
    });
    for (let m = 0; m < models; m += 1) await store.saveMonitor(buildMonitor(m));
    const start = performance.now();
    const outcome = await monitoring.scheduler.tick();
    const seconds = (performance.now() - start) / 1000;
    const incidents = await store.listIncidents({ limit: 1, offset: 0 });
    console.log(
      `evaluated ${models} models × ${featureCount} features × 24 hourly windows ` +
        `(${outcome.evaluatedWindows} monitor windows, ${outcome.failedMonitors} failed) in ${seconds.toFixed(2)} s ` +
        `(goal ≤ 30 s); ${incidents.total} incidents opened`,
    );
    const run = await store.loadMonitorRun(buildMonitor(0).id);
    if (run?.lastError != null) console.log(`model 0 error: ${run.lastError}`);
    const firing = await store.listMonitorResults({ monitorId: buildMonitor(0).id, limit: 24, offset: 0 });
    console.log(
      `model 0 drift share per hour: ${firing.items.map((r) => (r.value ?? Number.NaN).toFixed(2)).join(" ")}`,
    );
    const slowest = [...callTimes.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8);
    console.log(
      `store time: ${slowest.map(([name, t]) => `${name} ${(t.ms / 1000).toFixed(2)} s/${t.calls}`).join(", ")}`,
    );
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
