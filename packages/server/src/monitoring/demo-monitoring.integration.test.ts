/**
 * Acceptance test of issue 6 on the demo: 30 days of loan-default traffic (drift from day 20, labels 3 days
 * late) are ingested day by day under a fake clock and the scheduler ticks after each day.
 */
import { createServer, type Server } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { createModelSchema, createVersionSchema } from "@sextant/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServices } from "../app/services.js";
import { computeSignature, signatureHeader } from "../alerting/channel-senders.js";
import { configSchema } from "../config/config-schema.js";
import { loanDefaultColumns, loanDefaultModel } from "../demo/loan-default-model.js";
import { generateHour, generateReferenceRows, type LoanApplication } from "../demo/loan-traffic.js";
import { createRandomIdGenerator } from "../registry/ids.js";
import { openDuckDbStore } from "../storage/duckdb/duckdb-store.js";
import type { Store } from "../storage/store.js";
import { createMonitoringServices } from "./monitoring-services.js";
import type { MonitorRecord, MonitorResultRecord } from "./monitoring-records.js";

const dayMs = 86_400_000;
const startMs = Date.UTC(2026, 9, 1);
const seed = 20_261_130;
const secret = "webhook-secret-123";

describe("monitoring on the demo (fake clock, 30 days)", () => {
  let dataDir: string;
  let store: Store;
  let receiver: Server;
  const received: { body: string; signature: string | undefined }[] = [];
  const monitors: Record<string, MonitorRecord> = {};
  let modelId = "";
  const snapshot: {
    estimated?: MonitorResultRecord | undefined;
    realised?: MonitorResultRecord | undefined;
    before?: number[];
  } = {};

  const results = async (monitor: MonitorRecord) =>
    (await store.listMonitorResults({ monitorId: monitor.id, limit: 500, offset: 0 })).items;
  const dayOf = (date: Date): number => Math.round((date.getTime() - startMs) / dayMs);

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        received.push({ body, signature: request.headers[signatureHeader] as string | undefined });
        response.end("ok");
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const port = (receiver.address() as { port: number }).port;

    dataDir = await mkdtemp(join(tmpdir(), "sextant-monitoring-"));
    store = await openDuckDbStore({ path: join(dataDir, "db.duckdb"), memoryLimit: "512MB", threads: 2 });
    let now = new Date(startMs);
    const clock = (): Date => now;
    const logger = pino({ level: "silent" });
    const config = configSchema.parse({ dataDir, demo: { enabled: false } });
    const services = createServices({ store, logger, config, clock, ids: createRandomIdGenerator() });
    const monitoring = createMonitoringServices({ store, clock, logger, outboundAllowList: ["127.0.0.1"] });

    const workspace = await services.registry.createWorkspace({
      slug: "demo",
      name: "Demo",
      description: "",
    });
    const model = await services.registry.createModel(
      workspace.id,
      createModelSchema.parse(loanDefaultModel),
    );
    modelId = model.id;
    const version = await services.registry.createVersion(
      model.id,
      createVersionSchema.parse({ name: "1.0.0", stage: "production" }),
    );
    await services.registry.saveSchema(version.id, loanDefaultColumns);
    const reference = await services.baselines.createFileReference(version.id, {
      name: "training",
      segmentId: null,
      rows: generateReferenceRows(seed, 4000),
    });
    const channel = await monitoring.createChannel({
      name: "hook",
      workspaceId: null,
      minSeverity: "warning",
      config: { kind: "webhook", url: `http://127.0.0.1:${port}/hook`, secret },
    });
    const common = {
      description: "",
      versionId: version.id,
      params: {},
      window: { kind: "daily" as const },
      baseline: { kind: "reference" as const, referenceId: reference.id },
      scope: { kind: "all" as const },
      forWindows: 1,
      minSampleSize: 100,
      delayMs: 0,
      enabled: true,
      labels: {},
    };
    for (const column of [
      "credit_score",
      "debt_to_income",
      "loan_purpose",
      "employment_years",
      "home_ownership",
    ]) {
      monitors[column] = await monitoring.monitors.create(model.id, {
        ...common,
        name: `drift ${column}`,
        kind: "data_drift",
        metric: "psi",
        columns: [column],
        condition: { kind: "fixed", direction: "lower_is_better", warning: 0.1, critical: 0.25 },
        channelIds: [channel.id],
      });
    }
    monitors.estimated = await monitoring.monitors.create(model.id, {
      ...common,
      name: "estimated F1",
      kind: "estimated_performance",
      metric: "f1",
      columns: [],
      params: { threshold: 0.35 },
      condition: { kind: "relative", direction: "higher_is_better", warningPercent: 50 },
      channelIds: [],
    });
    monitors.realised = await monitoring.monitors.create(model.id, {
      ...common,
      name: "realised F1",
      kind: "performance",
      metric: "f1",
      columns: [],
      params: { threshold: 0.35 },
      condition: { kind: "relative", direction: "higher_is_better", warningPercent: 50 },
      channelIds: [],
    });

    const validate = async (kind: "predictions" | "labels", rows: Record<string, unknown>[]) =>
      (
        await services.ingest.validateRows({
          columns: loanDefaultColumns,
          target: { kind, versionId: version.id },
          rows,
        })
      ).batch;
    const days: LoanApplication[][] = [];
    for (let day = 0; day < 30; day++) {
      const applications: LoanApplication[] = [];
      for (let hour = 0; hour < 24; hour++) {
        const hourIndex = day * 24 + hour;
        applications.push(
          ...generateHour({
            seed,
            hourIndex,
            hourStartMs: startMs + hourIndex * 3_600_000,
            meanPerHour: 60,
            drifted: hourIndex >= 20 * 24,
          }),
        );
      }
      days.push(applications);
      now = new Date(startMs + (day + 1) * dayMs);
      const batches = [
        await validate(
          "predictions",
          applications.map((a) => a.prediction),
        ),
      ];
      const labelled = days[day - 3];
      if (labelled !== undefined) {
        batches.push(
          await validate(
            "labels",
            labelled.map((a) => ({ application_id: a.prediction.application_id, defaulted: a.defaulted })),
          ),
        );
      }
      await store.writeEventBatches(batches);
      const tick = await monitoring.scheduler.tick();
      if (day === 20) {
        snapshot.estimated = (await results(monitors.estimated)).find((r) => dayOf(r.windowStart) === 20);
        snapshot.realised = (await results(monitors.realised)).find((r) => dayOf(r.windowStart) === 20);
        snapshot.before = (await results(monitors.estimated))
          .filter((r) => dayOf(r.windowStart) < 20)
          .map((r) => r.value!);
      }
      if (tick.failedMonitors > 0) {
        const failing = await Promise.all(Object.values(monitors).map((m) => store.loadMonitorRun(m.id)));
        throw new Error(JSON.stringify(failing.map((run) => run?.lastError)));
      }
    }
  }, 240_000);

  afterAll(async () => {
    await store.close();
    await new Promise((resolve) => receiver.close(resolve));
    await rm(dataDir, { recursive: true, force: true });
  });

  it("fires the drift monitors of the drifted features within one window of day 20 and not before", async () => {
    for (const column of ["credit_score", "debt_to_income", "loan_purpose"]) {
      const series = await results(monitors[column]!);
      const firing = series.filter((r) => r.status === "firing").map((r) => dayOf(r.windowStart));
      expect(firing.length, column).toBeGreaterThan(0);
      expect(Math.min(...firing), column).toBeGreaterThanOrEqual(20);
      expect(Math.min(...firing), column).toBeLessThanOrEqual(21);
    }
    for (const column of ["employment_years", "home_ownership"]) {
      const series = await results(monitors[column]!);
      expect(
        series.filter((r) => r.status === "firing"),
        column,
      ).toEqual([]);
    }
  });

  it("estimates F1 for the drifted days before realised F1 exists, and realised F1 follows once labels arrive", async () => {
    // At the tick that closed day 20 (day 21), no label of day 20 existed yet.
    const day20 = snapshot.estimated!;
    const before = snapshot.before!;
    const meanBefore = before.reduce((a, b) => a + b, 0) / before.length;
    expect(day20.value).not.toBeNull();
    // Inflated credit scores push the model's scores down, so CBPE's F1 falls before any label exists.
    expect(day20.value!).toBeLessThan(meanBefore - 0.05);
    expect(snapshot.realised?.value ?? null).toBeNull();
    const realised = await results(monitors.realised!);
    const realisedDay20 = realised.find((r) => dayOf(r.windowStart) === 20)!;
    // Labels of day 20 arrived with day 23's traffic; the late data re-evaluated the window at day 24.
    expect(dayOf(realisedDay20.evaluatedAt)).toBe(24);
    expect(realisedDay20.value).not.toBeNull();
    // The concept shift (riskier than the features say) makes the realised F1 fall further than estimated.
    expect(realisedDay20.value!).toBeLessThan(day20.value!);
    const realisedLast = realised.find((r) => dayOf(r.windowStart) === 28)!;
    expect(realisedLast.value).toBeNull();
  });

  it("opens one incident, not one per feature, and sends exactly one signed notification", async () => {
    const incidents = (await store.listIncidents({ limit: 50, offset: 0, modelId })).items;
    expect(incidents).toHaveLength(1);
    expect(new Set(incidents[0]!.incident.causes.map((c) => c.monitorId)).size).toBeGreaterThanOrEqual(3);
    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(delivery!.signature).toBe(computeSignature(secret, delivery!.body));
    expect(JSON.parse(delivery!.body)).toMatchObject({ event: "fire", modelId });
  });
});
