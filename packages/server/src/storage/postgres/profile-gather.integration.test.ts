import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeSketchCut, toSketchKey } from "@sextant/core";
import { deriveDriftObservation, deriveQualityObservation } from "../../monitoring/bin-observations.js";
import { deriveEventLayout } from "../../registry/schema-layout.js";
import {
  buildBatch,
  buildModel,
  buildVersion,
  buildWorkspace,
  fixedNow,
  testColumns,
  toTestId,
} from "../../testing/record-fixtures.js";
import { openDuckDbStore } from "../duckdb/duckdb-store.js";
import type { BinnedColumn, GatherRequest, GroupBins } from "../monitoring-store.js";
import type { Store } from "../store.js";
import { openPostgresStore } from "./postgres-store.js";
import { createPgContext, createPgPool } from "./pg-session.js";
import { toEventTableName } from "./sql-text.js";
import { compactHourProfiles } from "./window-profiles.js";
import { startPostgresTestServer, type PostgresTestServer } from "./testing/postgres-server.js";

const versionId = toTestId("ver", 1);
const hour = 3_600_000;
const start = Math.floor(fixedNow.getTime() / hour) * hour;
const hours = [0, 1, 2, 3].map((i) => ({ startMs: start + i * hour, endMs: start + (i + 1) * hour }));
const schema = "sx_profiles";

/** Deterministic rows over four hours: skewed incomes with nulls, a drifting score, cities with nulls. */
function buildRow(n: number): Record<string, unknown> {
  const u = ((n * 7919) % 1000) / 1000;
  const hourIndex = n % 4;
  return {
    id: `e${n}`,
    ts: new Date(start + hourIndex * hour + ((n * 37) % hour)).toISOString(),
    income: n % 11 === 0 ? null : Math.round(1000 * Math.exp(3 * u) + hourIndex * 50) / 10 - 20,
    city: n % 13 === 0 ? null : ["paris", "lyon", "nice", "rome"][(n * n + hourIndex) % (hourIndex + 2)],
    owns_car: n % 3 === 0,
    score: Math.min(1, u * (1 + hourIndex / 4)),
  };
}

async function seed(store: Store): Promise<void> {
  await store.insertWorkspace(buildWorkspace(1));
  await store.insertModel(buildModel(1, toTestId("ws", 1)));
  await store.insertVersion(buildVersion(1, toTestId("mdl", 1)));
  await store.saveVersionSchema(
    versionId,
    { revision: 1, columns: testColumns, updatedAt: fixedNow },
    deriveEventLayout(testColumns),
  );
  const rows = Array.from({ length: 1200 }, (_, n) => buildRow(n));
  const batch = (from: number, to: number) =>
    buildBatch({ kind: "predictions", versionId }, rows.slice(from, to));
  await store.writeEventBatches([batch(0, 500), batch(500, 900)]);
  // A replay overlapping new rows takes the duplicate-skipping path; only the new rows count.
  await store.writeEventBatches([batch(800, 1000)]);
  // Late data for hours already written.
  await store.writeEventBatches([batch(1000, 1200)]);
}

/** Values of a column in a window, from the generator (what both stores hold). */
function valuesIn(window: { startMs: number; endMs: number }, column: "income" | "score"): number[] {
  return Array.from({ length: 1200 }, (_, n) => buildRow(n))
    .filter((row) => {
      const t = Date.parse(row.ts as string);
      return t >= window.startMs && t < window.endMs;
    })
    .flatMap((row) => (typeof row[column] === "number" ? [row[column]] : []));
}

describe("per-window profiles answer the PostgreSQL gather like DuckDB's raw reads", () => {
  let server: PostgresTestServer;
  let dir: string;
  let duck: Store;
  let postgres: Store;
  beforeAll(async () => {
    server = await startPostgresTestServer();
    dir = await mkdtemp(join(tmpdir(), "sextant-profiles-"));
    duck = await openDuckDbStore({ path: join(dir, "p.duckdb"), memoryLimit: "256MB", threads: 1 });
    postgres = await openPostgresStore({ url: server.url, schema, maxConnections: 2 });
    await Promise.all([seed(duck), seed(postgres)]);
    // Drop the raw predictions (as retention would): every read below must come from profiles.
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query(`DELETE FROM ${schema}.${toEventTableName("predictions", versionId)}`);
    await client.end();
  });
  afterAll(async () => {
    await Promise.all([duck.close(), postgres.close()]);
    await Promise.all([server.stop(), rm(dir, { recursive: true, force: true })]);
  });

  const sources: GatherRequest<BinnedColumn>["source"][] = [
    { kind: "windows", versionId, windows: hours },
    {
      kind: "windows",
      versionId,
      windows: [hours[0]!, { startMs: hours[2]!.startMs, endMs: hours[3]!.endMs }],
    },
    { kind: "range", versionId, fromMs: hours[1]!.startMs, toMs: hours[3]!.endMs },
  ];

  it("gives exactly DuckDB's volume, missing counts and category counts", async () => {
    const columns: BinnedColumn[] = [
      { name: "city", stream: "predictions", kind: "categorical" },
      { name: "owns_car", stream: "predictions", kind: "categorical" },
      { name: "income", stream: "predictions", kind: "numeric", edges: [] },
    ];
    for (const source of sources) {
      const request = { source, segment: null, columns };
      const [fromDuck, fromPg] = [await duck.readBins(request), await postgres.readBins(request)];
      expect(fromDuck.length).toBeGreaterThan(0);
      expect(fromPg).toEqual(fromDuck);
      for (const metric of ["volume", "missing_share", "new_category_share"]) {
        const observe = (bins: GroupBins[], index: number) =>
          deriveQualityObservation({ metric, column: "city", baseline: bins[0], window: bins[index] });
        fromDuck.forEach((_, index) => {
          expect(observe(fromPg, index)).toEqual(observe(fromDuck, index));
        });
      }
    }
  });

  it("bins numbers exactly at profile edges, and within the stated bound at the outer edges", async () => {
    const baseline = { kind: "windows" as const, versionId, windows: [hours[0]!] };
    const edgeRequest = { source: baseline, segment: null, quantiles: [0.1, 0.25, 0.5, 0.75, 0.9] };
    const numeric = [
      { name: "income", stream: "predictions" as const },
      { name: "score", stream: "predictions" as const },
    ];
    const edges = await postgres.readNumericEdges({ ...edgeRequest, columns: numeric });
    const duckEdges = await duck.readNumericEdges({ ...edgeRequest, columns: numeric });
    for (const name of ["income", "score"] as const) {
      const sorted = valuesIn(hours[0]!, name).sort((a, b) => a - b);
      expect(edges[name]![0]).toBe(duckEdges[name]![0]);
      expect(edges[name]!.at(-1)).toBe(duckEdges[name]!.at(-1));
      edgeRequest.quantiles.forEach((q, i) => {
        const exact = sorted[Math.floor(q * (sorted.length - 1))]!;
        expect(Math.abs(edges[name]![i + 1]! - exact)).toBeLessThanOrEqual(0.0203 * Math.abs(exact));
      });
    }
    const columns: BinnedColumn[] = numeric.map((c) => ({ ...c, kind: "numeric", edges: edges[c.name]! }));
    const request = { source: sources[0]!, segment: null, columns };
    const [fromDuck, fromPg] = [await duck.readBins(request), await postgres.readBins(request)];
    fromDuck.forEach((group, index) => {
      for (const column of columns) {
        if (column.kind !== "numeric") continue;
        const values = valuesIn(hours[group.windowIndex]!, column.name as "income" | "score");
        const sharing = (edge: number | undefined) =>
          edge === undefined ? 0 : values.filter((v) => toSketchKey(v) === toSketchKey(edge)).length;
        const duckCounts = group.columns[column.name]!.counts;
        const pgCounts = fromPg[index]!.columns[column.name]!.counts;
        const last = column.edges.length;
        for (let bin = 0; bin <= last; bin += 1) {
          const difference = Math.abs((pgCounts.get(String(bin)) ?? 0) - (duckCounts.get(String(bin)) ?? 0));
          // Interior edges are clean cuts (exact); only the min and max edges can misplace values.
          const outer =
            (bin <= 1 ? sharing(column.edges[0]) : 0) +
            (bin >= last - 1 ? sharing(column.edges[last - 1]) : 0);
          expect(difference).toBeLessThanOrEqual(outer);
        }
      }
    });
    // At the interior edges alone every bin is exact, so every drift method agrees exactly.
    const interior: BinnedColumn[] = columns.map((c) => ({
      ...c,
      kind: "numeric",
      edges: c.kind === "numeric" ? c.edges.slice(1, -1) : [],
    }));
    const exactRequest = { source: sources[0]!, segment: null, columns: interior };
    const [duckBins, pgBins] = [await duck.readBins(exactRequest), await postgres.readBins(exactRequest)];
    expect(pgBins).toEqual(duckBins);
    for (const metric of ["psi", "kl", "jensenshannon", "hellinger", "chisquare"]) {
      for (let index = 1; index < duckBins.length; index += 1) {
        const observe = (bins: GroupBins[]) =>
          deriveDriftObservation({
            metric,
            columns: [{ name: "score", kind: "numeric" }],
            baseline: bins[0],
            window: bins[index],
            dataset: false,
          });
        const fromDuckDb = observe(duckBins);
        expect(fromDuckDb.observation.kind).toBe("value");
        expect(observe(pgBins)).toEqual(fromDuckDb);
      }
    }
  });

  it("compacts an hour's rows into one, also when two compactions race, without changing any count", async () => {
    const request: GatherRequest<BinnedColumn> = {
      source: sources[0]!,
      segment: null,
      columns: [
        { name: "city", stream: "predictions", kind: "categorical" },
        // Clean cuts near 100, 200, 400: bins at them are exact, so DuckDB must agree too.
        {
          name: "income",
          stream: "predictions",
          kind: "numeric",
          edges: [100, 200, 400].map((edge) => computeSketchCut(toSketchKey(edge)!)),
        },
      ],
    };
    const before = await postgres.readBins(request);
    const pool = createPgPool({ url: server.url, schema, maxConnections: 4 });
    const db = createPgContext(pool);
    const rowsPerHour = async () =>
      (await db.query("SELECT count(*)::int AS n FROM window_profiles GROUP BY hour_start")).map((r) =>
        Number(r.n),
      );
    expect(Math.max(...(await rowsPerHour()))).toBeGreaterThan(1);
    const hoursMs = hours.map((h) => h.startMs);
    await Promise.all([
      compactHourProfiles(db, versionId, hoursMs),
      compactHourProfiles(db, versionId, hoursMs),
    ]);
    await compactHourProfiles(db, versionId, hoursMs);
    expect(await rowsPerHour()).toEqual([1, 1, 1, 1]);
    await pool.end();
    expect(await postgres.readBins(request)).toEqual(before);
    expect(before).toEqual(await duck.readBins(request));
  });

  it("reads segments from raw rows (deleted here), not from profiles", async () => {
    const request: GatherRequest<BinnedColumn> = {
      source: sources[0]!,
      segment: [{ column: "city", op: "eq", value: "paris" }],
      columns: [{ name: "city", stream: "predictions", kind: "categorical" }],
    };
    expect(await postgres.readBins(request)).toEqual([]);
    expect((await duck.readBins(request)).length).toBeGreaterThan(0);
  });
});
