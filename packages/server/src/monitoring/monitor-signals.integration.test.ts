/**
 * The monitor kinds that read beyond binned counts, end to end in both stores: embedding drift (MMD p-value
 * on a capped seeded sample, centroid distance), dataset drift under the `auto` policy (raw values for
 * numeric columns), text drift through descriptors, and the data-quality metrics `type_error_share`
 * (partial ingests) and `schema_change` (schema edits and unknown fields). Four hourly windows; the
 * last two drift.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { createSeededRandom } from "@sextant/core";
import { createModelSchema, createMonitorSchema, createVersionSchema, type ColumnSpec } from "@sextant/sdk";
import { afterAll, describe, expect, it } from "vitest";
import { createServices } from "../app/services.js";
import { configSchema } from "../config/config-schema.js";
import { createRandomIdGenerator } from "../registry/ids.js";
import { openDuckDbStore } from "../storage/duckdb/duckdb-store.js";
import { openPostgresStore } from "../storage/postgres/postgres-store.js";
import {
  startPostgresTestServer,
  type PostgresTestServer,
} from "../storage/postgres/testing/postgres-server.js";
import type { Store } from "../storage/store.js";
import { createMonitoringServices } from "./monitoring-services.js";

const hour = 3_600_000;
const startMs = Date.UTC(2026, 10, 2);
const col = (name: string, role: ColumnSpec["role"], type: ColumnSpec["type"], extra = {}): ColumnSpec => ({
  name,
  role,
  type,
  nullable: role !== "id" && role !== "timestamp",
  description: "",
  ...extra,
});
const columns: ColumnSpec[] = [
  col("id", "id", "string"),
  col("ts", "timestamp", "timestamp"),
  col("x", "feature", "numeric"),
  col("color", "feature", "categorical"),
  col("note", "feature", "text"),
  col("emb", "feature", "embedding", { dimension: 4 }),
  col("score", "prediction_score", "numeric"),
];
const words = ["fine", "good", "okay", "great", "slow", "fast"];

function buildRow(random: ReturnType<typeof createSeededRandom>, id: string, ms: number, drifted: boolean) {
  const normal = () =>
    Math.sqrt(-2 * Math.log(1 - random.nextFloat())) * Math.cos(2 * Math.PI * random.nextFloat());
  const shift = drifted ? 1.5 : 0;
  const note = drifted
    ? `${"unheard-of ".repeat(1 + random.nextInt(4))}!!! ${random.nextInt(1000)}`
    : Array.from({ length: 2 + random.nextInt(3) }, () => words[random.nextInt(words.length)]).join(" ");
  return {
    id,
    ts: new Date(ms).toISOString(),
    x: normal() + shift,
    color: ["red", "green", "blue"][drifted ? 0 : random.nextInt(3)],
    note,
    emb: [0, 1, 2, 3].map(() => normal() + shift),
    score: random.nextFloat(),
  };
}

async function runScenario(store: Store) {
  let now = new Date(startMs - 2 * hour);
  const clock = () => now;
  const logger = pino({ level: "silent" });
  const dataDir = await mkdtemp(join(tmpdir(), "sextant-signals-"));
  const services = createServices({
    store,
    logger,
    config: configSchema.parse({ dataDir, demo: { enabled: false } }),
    clock,
    ids: createRandomIdGenerator(),
  });
  const monitoring = createMonitoringServices({ store, clock, logger, outboundAllowList: [] });
  const workspace = await services.registry.createWorkspace({
    slug: "sig",
    name: "Signals",
    description: "",
  });
  const model = await services.registry.createModel(
    workspace.id,
    createModelSchema.parse({
      name: "signals",
      task: "binary",
      owner: { kind: "team", name: "t" },
    }),
  );
  const version = await services.registry.createVersion(model.id, createVersionSchema.parse({ name: "1" }));
  await services.registry.saveSchema(version.id, columns);
  const random = createSeededRandom(11);
  const reference = await services.baselines.createFileReference(version.id, {
    name: "training",
    segmentId: null,
    rows: Array.from({ length: 300 }, (_, n) => buildRow(random, `r${n}`, startMs - hour, false)),
  });
  const base = {
    description: "",
    versionId: version.id,
    columns: [] as string[],
    params: {},
    window: { kind: "hourly" as const },
    baseline: { kind: "reference" as const, referenceId: reference.id },
    scope: { kind: "all" as const },
    forWindows: 1,
    minSampleSize: 30,
    delayMs: 0,
    evaluateFrom: new Date(startMs).toISOString(),
    channelIds: [],
    enabled: true,
    labels: {},
  };
  const specs: Record<string, Record<string, unknown>> = {
    mmd: {
      name: "mmd",
      kind: "embedding_drift",
      metric: "mmd",
      params: { maxRowsPerSide: 100 },
      condition: { kind: "fixed", direction: "higher_is_better", warning: 0.05 },
    },
    centroid: {
      name: "centroid",
      kind: "embedding_drift",
      metric: "centroid_distance",
      columns: ["emb"],
      condition: { kind: "fixed", direction: "lower_is_better", warning: 1 },
    },
    auto: {
      name: "auto",
      kind: "dataset_drift",
      metric: "drift_share",
      columns: ["x", "color"],
      condition: { kind: "fixed", direction: "lower_is_better", warning: 0.5 },
    },
    text: {
      name: "text",
      kind: "text_drift",
      metric: "auto",
      condition: { kind: "fixed", direction: "lower_is_better", warning: 0.5 },
    },
    typeErrors: {
      name: "type errors",
      kind: "data_quality",
      metric: "type_error_share",
      condition: { kind: "fixed", direction: "lower_is_better", warning: 0.05 },
    },
    schema: {
      name: "schema",
      kind: "data_quality",
      metric: "schema_change",
      minSampleSize: 0,
      baseline: { kind: "trailing", windows: 1 },
      condition: { kind: "fixed", direction: "lower_is_better", warning: 0 },
    },
  };
  const monitors = Object.fromEntries(
    await Promise.all(
      Object.entries(specs).map(
        async ([key, spec]) =>
          [
            key,
            await monitoring.monitors.create(model.id, createMonitorSchema.parse({ ...base, ...spec })),
          ] as const,
      ),
    ),
  );
  const refused = (spec: Record<string, unknown>) =>
    expect(
      monitoring.monitors.create(model.id, createMonitorSchema.parse({ ...base, ...specs.schema, ...spec })),
    ).rejects.toMatchObject({ code: "MONITOR_INVALID" });
  await refused({ name: "typo", metric: "type_errors" });
  await refused({ name: "not embedding", kind: "embedding_drift", metric: "mmd", columns: ["x"] });
  for (let w = 0; w < 4; w++) {
    now = new Date(startMs + w * hour + 30 * 60_000);
    const rows: Record<string, unknown>[] = Array.from({ length: 200 }, (_, n) =>
      buildRow(random, `w${w}-${n}`, startMs + w * hour + n * 10_000, w >= 2),
    );
    if (w === 2) {
      await services.registry.saveSchema(version.id, [...columns, col("channel", "segment", "categorical")]);
    }
    if (w === 3) {
      rows.push(...Array.from({ length: 20 }, (_, n) => ({ ...rows[n], id: `bad${n}`, x: "oops" })));
      rows.push(...Array.from({ length: 10 }, (_, n) => ({ ...rows[n], id: `zip${n}`, zip: "75001" })));
    }
    const result = await services.ingest.ingest({
      versionId: version.id,
      kind: "predictions",
      rows,
      partial: true,
    });
    expect(result.rejected).toBe(w === 3 ? 30 : 0);
  }
  const at = new Date(startMs + 4 * hour);
  const results: Record<
    string,
    { value: number | null; status: string; evidence: Record<string, unknown> }[]
  > = {};
  for (const [key, monitor] of Object.entries(monitors)) {
    const outcome = await monitoring.runner.run(monitor, at, { catchUp: true });
    expect(outcome.error, key).toBeNull();
    const page = await store.listMonitorResults({ monitorId: monitor.id, limit: 10, offset: 0 });
    results[key] = [...page.items]
      .sort((a, b) => a.windowStart.getTime() - b.windowStart.getTime())
      .map((r) => ({ value: r.value, status: r.status, evidence: r.evidence }));
  }
  await rm(dataDir, { recursive: true, force: true });
  return results;
}

function checkResults(results: Awaited<ReturnType<typeof runScenario>>): void {
  const values = (key: string) => results[key]!.map((r) => r.value);
  const statuses = (key: string) => results[key]!.map((r) => r.status);
  // MMD p-values: high before the shift, at the permutation floor 1/101 after it.
  expect(
    values("mmd")
      .slice(0, 2)
      .every((p) => p! > 0.05),
  ).toBe(true);
  expect(values("mmd").slice(2)).toEqual([1 / 101, 1 / 101]);
  expect(statuses("mmd")).toEqual(["ok", "ok", "firing", "firing"]);
  expect(results.mmd![3]!.evidence).toMatchObject({
    method: "mmd",
    maxRowsPerSide: 100,
    embeddings: [
      {
        column: "emb",
        referenceRows: 300,
        currentRows: 200,
        sampledReferenceRows: 100,
        sampledCurrentRows: 100,
      },
    ],
  });
  expect(
    values("centroid")
      .slice(0, 2)
      .every((d) => d! < 0.5),
  ).toBe(true);
  expect(
    values("centroid")
      .slice(2)
      .every((d) => d! > 2.5),
  ).toBe(true);
  // auto: KS for the numeric column (300 reference rows), chi-square for the categorical one.
  expect(statuses("auto")).toEqual(["ok", "ok", "firing", "firing"]);
  expect((results.auto![0]!.evidence.columns as { method: string }[]).map((c) => c.method)).toEqual([
    "ks",
    "chisquare",
  ]);
  expect(values("text").slice(2)).toEqual([1, 1]);
  expect(statuses("text").slice(0, 2)).toEqual(["ok", "ok"]);
  expect(values("typeErrors")).toEqual([0, 0, 0, 20 / 230]);
  expect(results.typeErrors![3]!.evidence).toMatchObject({ received: 230, rejected: 30, byField: { x: 20 } });
  expect(values("schema")).toEqual([0, 0, 1, 1]);
  expect(statuses("schema")).toEqual(["ok", "ok", "firing", "firing"]);
  expect(results.schema![2]!.evidence).toMatchObject({ added: ["channel"], unknownFields: [] });
  expect(results.schema![3]!.evidence).toMatchObject({ added: [], unknownFields: ["zip"] });
}

describe("monitor signals beyond binned counts", () => {
  let server: PostgresTestServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it("DuckDB: embedding, auto and text drift, type errors and schema change", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sextant-signals-db-"));
    const store = await openDuckDbStore({ path: join(dir, "db.duckdb"), memoryLimit: "256MB", threads: 1 });
    try {
      checkResults(await runScenario(store));
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("PostgreSQL: the same results", async () => {
    server = await startPostgresTestServer();
    const store = await openPostgresStore({ url: server.url, schema: "sx_signals", maxConnections: 2 });
    try {
      checkResults(await runScenario(store));
    } finally {
      await store.close();
    }
  }, 120_000);
});
