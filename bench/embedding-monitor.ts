/**
 * Embedding drift monitor benchmark: one 64-dimension embedding column, 24 hourly windows of `--rows`
 * vectors each plus a reference of the same size, in DuckDB. Times the runner evaluating the 24 windows
 * (capped seeded sample of 1,000 vectors per side, MMD with 100 permutations). Data is generated inside
 * DuckDB (INSERT … SELECT), not through ingest. Prints figures; never fails on time.
 *
 *   npx tsx --conditions=source bench/embedding-monitor.ts [--rows 20000] [--dimension 64]
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { ColumnSpec } from "@sextant/sdk";
import { pino } from "pino";
import { createMonitoringServices } from "../packages/server/src/monitoring/monitoring-services.js";
import { deriveEventLayout } from "../packages/server/src/registry/schema-layout.js";
import { openDuckDbStore } from "../packages/server/src/storage/duckdb/duckdb-store.js";
import { toEventTableName } from "../packages/server/src/storage/duckdb/sql-text.js";
import { insertBenchModelVersion } from "./bench-registry.js";

const hourMs = 3_600_000;
const startMs = Date.UTC(2026, 10, 1);

function readFlag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

const rows = readFlag("rows", 20_000);
const dimension = readFlag("dimension", 64);
const columns: ColumnSpec[] = [
  { name: "id", role: "id", type: "string", nullable: false, description: "" },
  { name: "ts", role: "timestamp", type: "timestamp", nullable: false, description: "" },
  { name: "emb", role: "feature", type: "embedding", nullable: true, dimension, description: "" },
];
const pad = (n: number): string => String(n).padStart(12, "0");

const dir = await mkdtemp(join(tmpdir(), "sextant-bench-emb-"));
const path = join(dir, "b.duckdb");
const now = new Date(startMs);
const modelId = `mdl_bench${pad(1)}`;
const versionId = `ver_bench${pad(1)}`;
const referenceId = `ref_bench${pad(1)}`;
try {
  let store = await openDuckDbStore({ path, memoryLimit: "1GB", threads: 2 });
  await store.insertWorkspace({
    id: `ws_bench${pad(1)}`,
    slug: "b",
    name: "b",
    description: "",
    createdAt: now,
    updatedAt: now,
  });
  await insertBenchModelVersion(
    store,
    { workspaceId: `ws_bench${pad(1)}`, modelId, versionId, name: "emb" },
    columns,
    now,
  );
  await store.insertReference(
    {
      id: referenceId,
      versionId,
      name: "ref",
      kind: "file",
      rowCount: rows,
      from: null,
      to: null,
      segmentId: null,
      createdAt: now,
    },
    deriveEventLayout(columns),
  );
  await store.close();

  // Uniform components in [-0.5, 0.5) from hash(); the last 12 hours shift every component by 0.3.
  const vector = (shift: string) =>
    `list_transform(range(${dimension}), d -> ((hash(i, d) % 1000) / 1000.0 - 0.5 + ${shift}))`;
  const instance = await DuckDBInstance.create(path, { memory_limit: "1GB", threads: "2" });
  const connection = await instance.connect();
  await connection.run(
    `INSERT INTO ${toEventTableName("reference", referenceId)} (__sx_event_id, emb)
     SELECT 'r' || i, ${vector("0")} FROM range(${rows}) t(i)`,
  );
  const total = rows * 24;
  await connection.run(
    `INSERT INTO ${toEventTableName("predictions", versionId)} (__sx_event_id, __sx_ts, __sx_received_at, emb)
     SELECT 'e' || i, make_timestamp(t_ms * 1000), make_timestamp(t_ms * 1000),
            ${vector(`CASE WHEN i >= ${total / 2} THEN 0.3 ELSE 0 END`)}
     FROM (SELECT i, ${startMs} + (i * ${24 * hourMs}) // ${total} AS t_ms FROM range(${total}) r(i))`,
  );
  await connection.run("CHECKPOINT");
  connection.closeSync();
  instance.closeSync();

  store = await openDuckDbStore({ path, memoryLimit: "1GB", threads: 2 });
  const monitoring = createMonitoringServices({
    store,
    clock: () => new Date(startMs + 25 * hourMs),
    logger: pino({ level: "silent" }),
    outboundAllowList: [],
  });
  const monitor = await monitoring.monitors.create(modelId, {
    name: "embedding drift",
    description: "",
    versionId,
    kind: "embedding_drift",
    metric: "mmd",
    columns: ["emb"],
    params: {},
    window: { kind: "hourly" },
    baseline: { kind: "reference", referenceId },
    scope: { kind: "all" },
    condition: { kind: "fixed", direction: "higher_is_better", warning: 0.05 },
    forWindows: 1,
    minSampleSize: 30,
    delayMs: 0,
    evaluateFrom: now.toISOString(),
    channelIds: [],
    enabled: true,
    labels: {},
  });
  const began = performance.now();
  const outcome = await monitoring.runner.run(monitor, new Date(startMs + 24 * hourMs), { catchUp: true });
  const seconds = (performance.now() - began) / 1000;
  const results = await store.listMonitorResults({ monitorId: monitor.id, limit: 50, offset: 0 });
  const firing = results.items.filter((r) => r.status === "firing").length;
  console.log(
    `embedding monitor: ${outcome.evaluatedWindows} hourly windows × ${rows} vectors (dimension ${dimension}), ` +
      `reference ${rows}: ${seconds.toFixed(2)} s (${((seconds / Math.max(1, outcome.evaluatedWindows)) * 1000).toFixed(0)} ms per window); ` +
      `firing windows ${firing} (drift in the last 12); error ${outcome.error ?? "none"}`,
  );
  await store.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
