/**
 * Issue 9's acceptance check across backends: the same demo (same seed, 30 days, drift from day 20, late
 * labels) seeded and evaluated on DuckDB and on a real PostgreSQL opens the same incidents, from the same
 * monitor windows with the same verdicts. Ids are random per store, so monitors are compared by name.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { seedDemoIfEmpty } from "./seed-demo.js";

const now = new Date("2026-11-30T12:34:00.000Z");
const demo = { enabled: true, seed: 7, days: 30, predictionsPerHour: 20 };
const page = { limit: 500, offset: 0 };

/** What a store's demo evaluation produced, with monitors named instead of by id. */
async function summarise(store: Store) {
  const monitors = (await store.listMonitors(page)).items;
  const nameOf = new Map(monitors.map((monitor) => [monitor.id, monitor.name]));
  const incidents = (await store.listIncidents(page)).items.map(({ title, incident }) => ({
    title,
    segment: incident.segment,
    status: incident.status,
    severity: incident.severity,
    openedAtMs: incident.openedAtMs,
    causes: incident.causes
      .map((cause) => `${nameOf.get(cause.monitorId)}@${cause.windowStartMs}:${cause.severity}`)
      .sort(),
  }));
  const verdicts: string[] = [];
  for (const monitor of monitors) {
    const results = (await store.listMonitorResults({ monitorId: monitor.id, ...page })).items;
    for (const result of results) {
      verdicts.push(`${monitor.name}|${result.segment}|${result.windowStart.toISOString()}|${result.status}`);
    }
  }
  return { incidents: incidents.sort((a, b) => a.openedAtMs - b.openedAtMs), verdicts: verdicts.sort() };
}

async function seed(store: Store, dataDir: string): Promise<void> {
  const services = createServices({
    store,
    logger: pino({ level: "silent" }),
    config: configSchema.parse({ dataDir }),
    clock: () => now,
    ids: createRandomIdGenerator(),
  });
  const seeded = await seedDemoIfEmpty({
    store,
    services,
    clock: () => now,
    logger: pino({ level: "silent" }),
    demo,
  });
  expect(seeded).toBe(true);
}

describe("the demo on both backends", () => {
  let server: PostgresTestServer;
  let dir: string;
  let duck: Store;
  let pg: Store;
  beforeAll(async () => {
    server = await startPostgresTestServer();
    dir = await mkdtemp(join(tmpdir(), "sextant-demo-both-"));
    duck = await openDuckDbStore({ path: join(dir, "demo.duckdb"), memoryLimit: "512MB", threads: 1 });
    pg = await openPostgresStore({ url: server.url, schema: "sx_demo", maxConnections: 4 });
    await seed(duck, dir);
    await seed(pg, dir);
  }, 240_000);
  afterAll(async () => {
    await Promise.all([duck.close(), pg.close()]);
    await Promise.all([server.stop(), rm(dir, { recursive: true, force: true })]);
  });

  it("opens the same incidents from the same monitor windows", async () => {
    const [onDuckDb, onPostgres] = [await summarise(duck), await summarise(pg)];
    expect(onDuckDb.incidents.length).toBeGreaterThan(0);
    expect(onDuckDb.verdicts.some((verdict) => verdict.endsWith("|firing"))).toBe(true);
    expect(onPostgres.incidents).toEqual(onDuckDb.incidents);
    expect(onPostgres.verdicts).toEqual(onDuckDb.verdicts);
  });
});
