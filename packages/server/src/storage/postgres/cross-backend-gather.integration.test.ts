import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deriveEventLayout } from "../../registry/schema-layout.js";
import {
  buildBatch,
  buildModel,
  buildPredictionRow,
  buildVersion,
  buildWorkspace,
  fixedNow,
  testColumns,
  toTestId,
} from "../../testing/record-fixtures.js";
import { openDuckDbStore } from "../duckdb/duckdb-store.js";
import type { BinnedColumn, GatherRequest } from "../monitoring-store.js";
import type { Store } from "../store.js";
import { openPostgresStore } from "./postgres-store.js";
import { startPostgresTestServer, type PostgresTestServer } from "./testing/postgres-server.js";

const versionId = toTestId("ver", 1);
const minute = 60_000;
const hourWindows = [0, 1, 2].map((i) => ({
  startMs: fixedNow.getTime() + i * 60 * minute,
  endMs: fixedNow.getTime() + (i + 1) * 60 * minute,
}));

async function seed(store: Store): Promise<void> {
  await store.insertWorkspace(buildWorkspace(1));
  await store.insertModel(buildModel(1, toTestId("ws", 1)));
  await store.insertVersion(buildVersion(1, toTestId("mdl", 1)));
  await store.saveVersionSchema(
    versionId,
    { revision: 1, columns: testColumns, updatedAt: fixedNow },
    deriveEventLayout(testColumns),
  );
  const rows = Array.from({ length: 170 }, (_, n) => buildPredictionRow(n));
  await store.writeEventBatches([buildBatch({ kind: "predictions", versionId }, rows)]);
  const labels = rows
    .filter((_, n) => n % 3 !== 0)
    .map((row, n) => ({ id: row.id, label: n % 2 === 0 ? "yes" : "no" }));
  await store.writeEventBatches([buildBatch({ kind: "labels", versionId }, labels)]);
}

describe("gather reads agree between DuckDB and PostgreSQL", () => {
  let server: PostgresTestServer;
  let dir: string;
  let duck: Store;
  let pg: Store;
  beforeAll(async () => {
    server = await startPostgresTestServer();
    dir = await mkdtemp(join(tmpdir(), "sextant-cross-"));
    duck = await openDuckDbStore({ path: join(dir, "x.duckdb"), memoryLimit: "256MB", threads: 1 });
    pg = await openPostgresStore({ url: server.url, schema: "sx_cross", maxConnections: 2 });
    await Promise.all([seed(duck), seed(pg)]);
  });
  afterAll(async () => {
    await Promise.all([duck.close(), pg.close()]);
    await Promise.all([server.stop(), rm(dir, { recursive: true, force: true })]);
  });

  const both = async <T>(read: (store: Store) => Promise<T>): Promise<[T, T]> => [
    await read(duck),
    await read(pg),
  ];

  it("bins numeric and categorical columns per window, with and without a segment", async () => {
    const columns: BinnedColumn[] = [
      { name: "income", stream: "predictions", kind: "numeric", edges: [1010, 1050, 1100] },
      { name: "score", stream: "predictions", kind: "numeric", edges: [] },
      { name: "city", stream: "predictions", kind: "categorical" },
      { name: "owns_car", stream: "predictions", kind: "categorical" },
      { name: "label", stream: "labels", kind: "categorical" },
    ];
    const requests: GatherRequest<BinnedColumn>[] = [
      { source: { kind: "windows", versionId, windows: hourWindows }, segment: null, columns },
      // A late window plus a new one, with a gap between them: rows in the gap belong to no window.
      {
        source: { kind: "windows", versionId, windows: [hourWindows[0]!, hourWindows[2]!] },
        segment: null,
        columns,
      },
      {
        source: {
          kind: "windows",
          versionId,
          windows: [hourWindows[0]!, { ...hourWindows[1]!, endMs: hourWindows[2]!.endMs }],
        },
        segment: [{ column: "city", op: "in", values: ["paris", "nice"] }],
        columns,
        labelledOnly: true,
      },
      {
        source: { kind: "range", versionId, fromMs: hourWindows[0]!.startMs, toMs: hourWindows[1]!.endMs },
        segment: [{ column: "income", op: "gt", value: 1020 }],
        columns,
      },
    ];
    for (const request of requests) {
      const [fromDuck, fromPg] = await both((store) => store.readBins(request));
      expect(fromDuck.length).toBeGreaterThan(0);
      expect(fromPg).toEqual(fromDuck);
    }
  });

  it("reads values, numeric extremes and late arrivals alike", async () => {
    const request = {
      source: { kind: "windows" as const, versionId, windows: hourWindows },
      segment: [{ column: "owns_car", op: "eq" as const, value: true }],
      columns: [
        { name: "score", stream: "predictions" as const },
        { name: "label", stream: "labels" as const },
        { name: "city", stream: "predictions" as const },
      ],
    };
    const [valuesDuck, valuesPg] = await both((store) => store.readValues(request));
    expect(valuesPg).toEqual(valuesDuck);
    const [edgesDuck, edgesPg] = await both((store) =>
      store.readNumericEdges({
        ...request,
        columns: [{ name: "score", stream: "predictions" }],
        quantiles: [0.5],
      }),
    );
    expect(edgesPg.score?.[0]).toBe(edgesDuck.score?.[0]);
    expect(edgesPg.score?.at(-1)).toBe(edgesDuck.score?.at(-1));
    const late = { versionId, receivedAfter: new Date(fixedNow.getTime() - 1), receivedUntil: fixedNow };
    const [lateDuck, latePg] = await both((store) => store.listLateEventTimes(late));
    expect(lateDuck.length).toBe(170);
    expect(latePg).toEqual(lateDuck);
    const [latestDuck, latestPg] = await both((store) => store.findLatestEventTime(versionId));
    expect(latestPg).toEqual(latestDuck);
  });
});
