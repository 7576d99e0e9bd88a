import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServices, type Services } from "../app/services.js";
import { configSchema } from "../config/config-schema.js";
import { createRandomIdGenerator } from "../registry/ids.js";
import { openDuckDbStore } from "../storage/duckdb/duckdb-store.js";
import type { Store } from "../storage/store.js";
import { seedDemoIfEmpty } from "./seed-demo.js";

const now = new Date("2026-11-30T12:34:00.000Z");
const demo = { enabled: true, seed: 7, days: 30, predictionsPerHour: 20 };
let dir = "";
let store: Store;
let services: Services;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sextant-demo-"));
  store = await openDuckDbStore({ path: join(dir, "demo.duckdb"), memoryLimit: "256MB", threads: 1 });
  const config = configSchema.parse({ dataDir: dir });
  services = createServices({
    store,
    logger: pino({ level: "silent" }),
    config,
    clock: () => now,
    ids: createRandomIdGenerator(),
  });
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe("seedDemoIfEmpty", () => {
  it("seeds the loan-default model once, with 30 days of traffic, late labels and drift from day 20", async () => {
    const logger = pino({ level: "silent" });
    expect(await seedDemoIfEmpty({ store, services, clock: () => now, logger, demo })).toBe(true);
    expect(await seedDemoIfEmpty({ store, services, clock: () => now, logger, demo })).toBe(false);
    const models = await store.listModels({ limit: 10, offset: 0 });
    expect(models.items.map((model) => model.name)).toEqual(["loan-default"]);
    const version = (await store.listVersions({ modelId: models.items[0]!.id, limit: 10, offset: 0 }))
      .items[0]!;
    expect(version.schema?.columns.map((column) => column.role)).toEqual(
      expect.arrayContaining([
        "id",
        "timestamp",
        "feature",
        "protected_attribute",
        "business_outcome",
        "target",
        "segment",
        "prediction_score",
      ]),
    );
    expect(
      (await store.listReferences({ versionId: version.id, limit: 10, offset: 0 })).items
        .map((r) => r.kind)
        .sort(),
    ).toEqual(["file", "time_range"]);
    expect((await store.listSegments({ modelId: version.modelId, limit: 10, offset: 0 })).total).toBe(2);
    const counts = await store.countEvents(version.id);
    expect(counts.predictions).toBeGreaterThan(30 * 24 * 10);
    expect(counts.labels).toBe(counts.labelledPredictions);
    expect(counts.labels / counts.predictions).toBeGreaterThan(0.85);
    expect(counts.labels / counts.predictions).toBeLessThan(0.92);

    const endMs = Date.parse("2026-11-30T12:00:00.000Z");
    const startMs = endMs - 30 * 86_400_000;
    const window = (fromDay: number, toDay: number) =>
      store.listEvents(version.id, {
        limit: 10_000,
        offset: 0,
        from: new Date(startMs + fromDay * 86_400_000),
        to: new Date(startMs + toDay * 86_400_000),
      });
    const meanScore = (events: Awaited<ReturnType<typeof window>>) =>
      events.items.reduce((sum, event) => sum + Number(event.values.credit_score), 0) / events.items.length;
    const before = await window(10, 20);
    const after = await window(20, 30);
    expect(meanScore(after) - meanScore(before)).toBeGreaterThan(25);
    const lastDays = await window(27.5, 30);
    expect(
      lastDays.items.filter(
        (event) => event.label !== null && event.timestamp.getTime() >= endMs - 3 * 86_400_000,
      ),
    ).toEqual([]);
    expect(before.items.every((event) => event.label !== null && event.outcome !== null)).toBe(true);
  });

  it("backfills the demo monitors at seeding: the drifted features fire from day 20, one incident opens", async () => {
    const model = (await store.listModels({ limit: 10, offset: 0 })).items[0]!;
    const monitors = (await store.listMonitors({ modelId: model.id, limit: 50, offset: 0 })).items;
    expect(monitors.map((m) => m.kind).sort()).toEqual(
      [
        "business_kpi",
        "data_drift",
        "data_drift",
        "data_drift",
        "data_drift",
        "data_quality",
        "dataset_drift",
        "estimated_performance",
        "fairness",
        "performance",
      ].sort(),
    );
    const startDay = Date.parse("2026-10-31T00:00:00.000Z");
    const summary: Record<string, { days: number; firingFrom: number | null; errors: number }> = {};
    for (const monitor of monitors) {
      const run = await store.loadMonitorRun(monitor.id);
      expect(run?.lastError ?? null, monitor.name).toBeNull();
      const results = (await store.listMonitorResults({ monitorId: monitor.id, limit: 500, offset: 0 }))
        .items;
      const firing = results
        .filter((r) => r.status === "firing")
        .map((r) => Math.round((r.windowStart.getTime() - startDay) / 86_400_000));
      summary[monitor.name] = {
        days: results.length,
        firingFrom: firing.length === 0 ? null : Math.min(...firing),
        errors: results.filter((r) => r.status === "error").length,
      };
    }
    console.log(JSON.stringify(summary));
    // The demo traffic starts at noon of day 0 and drifts from noon of day 20 (daily windows, UTC).
    for (const name of ["Drift credit_score", "Drift debt_to_income", "Feature drift share"]) {
      // Day 0 (half a day of traffic) to day 29; today's window is still open.
      expect(summary[name], name).toMatchObject({ days: 30, errors: 0 });
      expect(summary[name]!.firingFrom, name).toBeGreaterThanOrEqual(20);
      expect(summary[name]!.firingFrom, name).toBeLessThanOrEqual(21);
    }
    expect(summary["Missing age band"]).toMatchObject({ firingFrom: null, errors: 0 });
    const incidents = (await store.listIncidents({ modelId: model.id, limit: 50, offset: 0 })).items;
    expect(incidents.map((i) => i.incident.status)).toEqual(["open"]);
    const causes = new Set(incidents[0]!.incident.causes.map((c) => c.monitorId));
    const driftIds = monitors.filter((m) => m.kind.endsWith("drift")).map((m) => m.id);
    expect(driftIds.filter((id) => causes.has(id)).length).toBeGreaterThanOrEqual(3);
  });
});
