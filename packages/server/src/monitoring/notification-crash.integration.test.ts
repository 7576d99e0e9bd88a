/**
 * The transactional outbox under a crash (decision 0015). A worker "dies" at the point the old design
 * lost notifications (right after the evaluation committed, before anything was sent) or just before
 * the commit: a store wrapper never settles `commitEvaluation` there, so nothing after it runs. The DuckDB
 * file is then closed and reopened and fresh services take over, as after a restart. A local webhook
 * receiver must get the "fire" notification exactly once in both cases.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMonitorSchema, createModelSchema, createVersionSchema } from "@sextant/sdk";
import { pino } from "pino";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createServices } from "../app/services.js";
import { configSchema } from "../config/config-schema.js";
import { loanDefaultColumns, loanDefaultModel } from "../demo/loan-default-model.js";
import { generateHour, generateReferenceRows } from "../demo/loan-traffic.js";
import { createRandomIdGenerator } from "../registry/ids.js";
import { openDuckDbStore } from "../storage/duckdb/duckdb-store.js";
import type { Store } from "../storage/store.js";
import { startWebhookReceiver } from "../testing/multi-worker-fixture.js";
import { createMonitoringServices } from "./monitoring-services.js";

const hourMs = 3_600_000;
const startMs = Date.UTC(2026, 10, 20);
const seed = 20_261_215;
const logger = pino({ level: "silent" });

let dir: string;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "sextant-outbox-crash-"));
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  await receiver.close();
  await rm(dir, { recursive: true, force: true });
});

const openStore = (): Promise<Store> =>
  openDuckDbStore({ path: join(dir, "db.duckdb"), memoryLimit: "256MB", threads: 1 });

/** One model with three drifted hours and a drift monitor notifying the receiver; returns the model id. */
async function seedDriftingModel(store: Store): Promise<string> {
  const config = configSchema.parse({ dataDir: dir, demo: { enabled: false } });
  const clock = (): Date => new Date(startMs);
  const services = createServices({ store, logger, config, clock, ids: createRandomIdGenerator() });
  const monitoring = createMonitoringServices({ store, clock, logger, outboundAllowList: ["127.0.0.1"] });
  const workspace = await services.registry.createWorkspace({
    slug: "crash",
    name: "Crash",
    description: "",
  });
  const model = await services.registry.createModel(workspace.id, createModelSchema.parse(loanDefaultModel));
  const version = await services.registry.createVersion(
    model.id,
    createVersionSchema.parse({ name: "1.0.0", stage: "production" }),
  );
  await services.registry.saveSchema(version.id, loanDefaultColumns);
  const reference = await services.baselines.createFileReference(version.id, {
    name: "training",
    segmentId: null,
    rows: generateReferenceRows(seed, 800),
  });
  const rows = [0, 1, 2].flatMap((hour) =>
    generateHour({
      seed,
      hourIndex: hour,
      hourStartMs: startMs + hour * hourMs,
      meanPerHour: 80,
      drifted: true,
    }),
  );
  const target = { kind: "predictions" as const, versionId: version.id };
  const predictions = rows.map((row) => row.prediction);
  const validated = await services.ingest.validateRows({
    columns: loanDefaultColumns,
    target,
    rows: predictions,
  });
  await store.writeEventBatches([validated.batch]);
  const channel = await monitoring.createChannel({
    name: "receiver",
    workspaceId: null,
    minSeverity: "warning",
    config: { kind: "webhook", url: receiver.url, secret: "outbox-crash-secret" },
  });
  await monitoring.monitors.create(
    model.id,
    createMonitorSchema.parse({
      name: "Drift credit_score",
      kind: "data_drift",
      metric: "psi",
      columns: ["credit_score"],
      condition: { kind: "fixed", direction: "lower_is_better", warning: 0.05, critical: 5 },
      versionId: version.id,
      window: { kind: "hourly" },
      baseline: { kind: "reference", referenceId: reference.id },
      minSampleSize: 10,
      evaluateFrom: new Date(startMs).toISOString(),
      channelIds: [channel.id],
    }),
  );
  return model.id;
}

/** The store as a process that dies at `point` of its first commit (`reached`): the call never settles. */
function crashingAt(store: Store, point: "before-commit" | "after-commit") {
  let signal: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => {
    signal = resolve;
  });
  const wrapped = new Proxy(store, {
    get(target, key, receiverObject) {
      if (key !== "commitEvaluation") return Reflect.get(target, key, receiverObject) as unknown;
      const commit: Store["commitEvaluation"] = async (input) => {
        if (point === "after-commit") await target.commitEvaluation(input);
        signal();
        return new Promise<never>(() => undefined);
      };
      return commit;
    },
  });
  return { store: wrapped, reached };
}

async function runCrashAndRestart(point: "before-commit" | "after-commit") {
  const crashAt = new Date(startMs + 3 * hourMs);
  let store = await openStore();
  const modelId = await seedDriftingModel(store);
  const crashing = crashingAt(store, point);
  const dying = createMonitoringServices({
    store: crashing.store,
    clock: () => crashAt,
    logger,
    outboundAllowList: ["127.0.0.1"],
  });
  // The tick hangs at the crash point for good, as a killed process would; nothing after it runs.
  void dying.scheduler.tick();
  await crashing.reached;
  const committedIncidents = (await store.listIncidents({ limit: 10, offset: 0, modelId })).total;
  expect(receiver.received).toHaveLength(0);

  // Restart: the file is closed and reopened, and a new process's services tick on.
  await store.close();
  store = await openStore();
  let now = crashAt;
  const restarted = createMonitoringServices({
    store,
    clock: () => now,
    logger,
    outboundAllowList: ["127.0.0.1"],
  });
  await restarted.scheduler.tick();
  // A committed delivery stays in flight (decision 0011) until its due time, then the outbox sends it.
  const sentAtCrashTime = receiver.received.length;
  now = new Date(crashAt.getTime() + 2 * 60_000);
  await restarted.scheduler.tick();
  await restarted.scheduler.tick();
  const incidents = (await store.listIncidents({ limit: 10, offset: 0, modelId })).items;
  const deliveries = (await store.listDeliveries({ limit: 10, offset: 0 })).items;
  await store.close();
  return { committedIncidents, sentAtCrashTime, incidents, deliveries };
}

it("delivers the notification of an evaluation committed just before the crash, exactly once", async () => {
  const result = await runCrashAndRestart("after-commit");
  const { committedIncidents, sentAtCrashTime, incidents, deliveries } = result;
  // The incident and its delivery committed with the evaluation; the old design lost them here.
  expect(committedIncidents).toBe(1);
  expect(sentAtCrashTime).toBe(0);
  expect(incidents).toHaveLength(1);
  expect(receiver.received.map((hook) => [hook.body.incidentId, hook.body.event])).toEqual([
    [incidents[0]!.id, "fire"],
  ]);
  expect(deliveries.map((delivery) => [delivery.status, delivery.attempts])).toEqual([["delivered", 1]]);
}, 60_000);

it("re-evaluates the windows of a crash before the commit and notifies exactly once", async () => {
  const result = await runCrashAndRestart("before-commit");
  const { committedIncidents, sentAtCrashTime, incidents, deliveries } = result;
  expect(committedIncidents).toBe(0);
  // The restarted process re-evaluates the windows (nothing advanced) and sends at once.
  expect(sentAtCrashTime).toBe(1);
  expect(incidents).toHaveLength(1);
  expect(receiver.received.map((hook) => [hook.body.incidentId, hook.body.event])).toEqual([
    [incidents[0]!.id, "fire"],
  ]);
  expect(deliveries.map((delivery) => [delivery.status, delivery.attempts])).toEqual([["delivered", 1]]);
}, 60_000);
