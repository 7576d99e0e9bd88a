/**
 * Fixture of the multi-worker test: two loan-default models with drifted hourly traffic, two drift
 * monitors each (hourly windows against a training reference) sending to one webhook, seeded into a
 * PostgreSQL store with a fixed clock; and a webhook receiver that can hold a request unanswered.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createMonitorSchema } from "@sextant/sdk";
import { pino } from "pino";
import { createServices } from "../app/services.js";
import { configSchema } from "../config/config-schema.js";
import { loanDefaultColumns, loanDefaultModel } from "../demo/loan-default-model.js";
import { generateHour, generateReferenceRows } from "../demo/loan-traffic.js";
import { createRandomIdGenerator } from "../registry/ids.js";
import type { Store } from "../storage/store.js";

const hourMs = 3_600_000;
const seed = 20_261_201;

/** Seeds `models` models with `hours` hours of traffic from `startMs`; returns the monitor ids. */
export async function seedMultiWorkerModels(input: {
  readonly store: Store;
  readonly postgresUrl: string;
  readonly webhookUrl: string;
  readonly startMs: number;
  readonly hours: number;
  readonly models: number;
}): Promise<string[]> {
  const { store } = input;
  const config = configSchema.parse({
    store: "postgres",
    postgresUrl: input.postgresUrl,
    demo: { enabled: false },
    monitoring: { outboundAllowList: ["127.0.0.1"] },
  });
  const clock = (): Date => new Date(input.startMs);
  const logger = pino({ level: "silent" });
  const services = createServices({ store, logger, config, clock, ids: createRandomIdGenerator() });
  const { registry, baselines, ingest, monitoring } = services;
  const workspace = await registry.createWorkspace({ slug: "scale", name: "Scale", description: "" });
  const channel = await monitoring.createChannel({
    name: "receiver",
    workspaceId: null,
    minSeverity: "warning",
    config: { kind: "webhook", url: input.webhookUrl, secret: "multi-worker-secret" },
  });
  const monitorIds: string[] = [];
  for (let m = 0; m < input.models; m += 1) {
    const model = await registry.createModel(workspace.id, {
      ...loanDefaultModel,
      name: `loan-default-${m}`,
    });
    const version = await registry.createVersion(model.id, {
      name: "1.0.0",
      description: "",
      stage: "production",
      source: "api",
      trigger: null,
      trainingRunRef: null,
      datasetRef: null,
    });
    await registry.saveSchema(version.id, loanDefaultColumns);
    const reference = await baselines.createFileReference(version.id, {
      name: "training",
      segmentId: null,
      rows: generateReferenceRows(seed, 800),
    });
    const predictions = [];
    for (let hour = 0; hour < input.hours; hour += 1) {
      const rows = generateHour({
        seed: seed + m,
        hourIndex: hour,
        hourStartMs: input.startMs + hour * hourMs,
        meanPerHour: 80,
        drifted: true,
      });
      predictions.push(...rows.map((row) => row.prediction));
    }
    const target = { kind: "predictions" as const, versionId: version.id };
    const validated = await ingest.validateRows({ columns: loanDefaultColumns, target, rows: predictions });
    await store.writeEventBatches([validated.batch]);
    for (const column of ["credit_score", "loan_purpose"]) {
      const monitor = await monitoring.monitors.create(
        model.id,
        createMonitorSchema.parse({
          name: `Drift ${column}`,
          kind: "data_drift",
          metric: "psi",
          columns: [column],
          condition: { kind: "fixed", direction: "lower_is_better", warning: 0.05, critical: 5 },
          versionId: version.id,
          window: { kind: "hourly" },
          baseline: { kind: "reference", referenceId: reference.id },
          minSampleSize: 10,
          evaluateFrom: new Date(input.startMs).toISOString(),
          channelIds: [channel.id],
        }),
      );
      monitorIds.push(monitor.id);
    }
  }
  return monitorIds;
}

/** A webhook request as received: its body and whether it was answered. */
export interface ReceivedHook {
  readonly body: { incidentId: string | null; event: string; monitors: { id: string }[] };
  answered: boolean;
}

/** A local webhook receiver; `holdNext` leaves the next request unanswered (its sender hangs). */
export async function startWebhookReceiver(): Promise<{
  readonly url: string;
  readonly received: ReceivedHook[];
  holdNext(): Promise<ReceivedHook>;
  close(): Promise<void>;
}> {
  const received: ReceivedHook[] = [];
  const held: ServerResponse[] = [];
  let onHeld: ((hook: ReceivedHook) => void) | null = null;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const hook: ReceivedHook = {
        body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as ReceivedHook["body"],
        answered: false,
      };
      received.push(hook);
      if (onHeld !== null) {
        const resolve = onHeld;
        onHeld = null;
        held.push(response);
        resolve(hook);
        return;
      }
      hook.answered = true;
      response.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    holdNext: () =>
      new Promise((resolve) => {
        onHeld = resolve;
      }),
    close: () =>
      new Promise((resolve) => {
        for (const response of held) response.destroy();
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
