/**
 * Seeds an empty store with the demo: a workspace, the loan-default model and version with its
 * schema, segments, a training reference and `days` of hourly traffic ending at the current hour,
 * with drift from day 20 and labels/outcomes only for predictions older than three days.
 */
import type { Logger } from "pino";
import type { Services } from "../app/services.js";
import type { Config } from "../config/config-schema.js";
import type { Store } from "../storage/store.js";
import { seedDemoMonitors } from "./demo-monitors.js";
import { loanDefaultColumns, loanDefaultModel } from "./loan-default-model.js";
import { generateHour, generateReferenceRows, type LoanApplication } from "./loan-traffic.js";

const hourMs = 3_600_000;
const labelDelayMs = 3 * 24 * hourMs;
const driftStartDay = 20;

/** Traffic of the demo period, oldest hour first. */
function generateTraffic(demo: Config["demo"], endMs: number): LoanApplication[] {
  const hours = demo.days * 24;
  const startMs = endMs - hours * hourMs;
  const applications: LoanApplication[] = [];
  for (let hourIndex = 0; hourIndex < hours; hourIndex += 1) {
    const hour = generateHour({
      seed: demo.seed,
      hourIndex,
      hourStartMs: startMs + hourIndex * hourMs,
      meanPerHour: demo.predictionsPerHour,
      drifted: hourIndex >= driftStartDay * 24,
    });
    for (const application of hour) applications.push(application);
  }
  return applications;
}

/** Seeds the demo when the store holds no workspace; returns whether it did. */
export async function seedDemoIfEmpty(options: {
  readonly store: Store;
  readonly services: Services;
  readonly clock: () => Date;
  readonly logger: Logger;
  readonly demo: Config["demo"];
}): Promise<boolean> {
  const { store, services, demo, logger } = options;
  if ((await store.listWorkspaces({ limit: 1, offset: 0 })).total > 0) return false;
  const startedMs = Date.now();
  const { registry, baselines, ingest } = services;
  const workspace = await registry.createWorkspace({
    slug: "demo",
    name: "Demo",
    description:
      "Seeded on first start: a loan-default classifier with 30 days of traffic and drift from day 20.",
  });
  const model = await registry.createModel(workspace.id, loanDefaultModel);
  const version = await registry.createVersion(model.id, {
    name: "1.0.0",
    description: "Gradient-boosted trees trained on 2026-Q3 applications.",
    stage: "production",
    source: "ci",
    trigger: "quarterly retrain",
    trainingRunRef: "mlflow://runs/loan-default/1842",
    datasetRef: "s3://example-credit/loan-applications/2026-q3.parquet",
  });
  await registry.saveSchema(version.id, loanDefaultColumns);
  await baselines.createSegment(model.id, {
    name: "broker channel",
    description: "applications brought by brokers",
    conditions: [{ column: "channel", op: "eq", value: "broker" }],
  });
  await baselines.createSegment(model.id, {
    name: "young small-business applicants",
    description: "age 18-25 asking for a small-business loan",
    conditions: [
      { column: "age_band", op: "eq", value: "18-25" },
      { column: "loan_purpose", op: "eq", value: "small_business" },
    ],
  });
  const training = await baselines.createFileReference(version.id, {
    name: "training set 2026-Q3",
    segmentId: null,
    rows: generateReferenceRows(demo.seed, 5000),
  });

  const endMs = Math.floor(options.clock().getTime() / hourMs) * hourMs;
  const traffic = generateTraffic(demo, endMs);
  const labelled = traffic.filter(
    (application) => Date.parse(String(application.prediction.decision_time)) < endMs - labelDelayMs,
  );
  const idOf = (application: LoanApplication): unknown => application.prediction.application_id;
  const validate = async (kind: "predictions" | "labels" | "outcomes", rows: Record<string, unknown>[]) =>
    (
      await ingest.validateRows({
        columns: loanDefaultColumns,
        target: { kind, versionId: version.id },
        rows,
      })
    ).batch;
  const batches = [
    await validate(
      "predictions",
      traffic.map((application) => application.prediction),
    ),
    await validate(
      "labels",
      labelled.map((application) => ({
        application_id: idOf(application),
        defaulted: application.defaulted,
      })),
    ),
    await validate(
      "outcomes",
      labelled.map((application) => ({
        application_id: idOf(application),
        net_revenue: application.netRevenue,
      })),
    ),
  ];
  await store.writeEventBatches(batches);
  const fromMs = endMs - demo.days * 24 * hourMs;
  await baselines.createTimeRangeReference(version.id, {
    name: "first week of production",
    from: new Date(fromMs).toISOString(),
    to: new Date(fromMs + 7 * 24 * hourMs).toISOString(),
    segmentId: null,
  });
  const monitors = await seedDemoMonitors({
    monitoring: services.monitoring,
    modelId: model.id,
    versionId: version.id,
    referenceId: training.id,
    fromMs,
    at: options.clock(),
  });
  if (monitors.failures.length > 0) logger.warn({ failures: monitors.failures }, "demo monitor failed");
  logger.info(
    {
      predictions: traffic.length,
      labels: labelled.length,
      monitors: monitors.monitors,
      evaluatedWindows: monitors.evaluatedWindows,
      ms: Date.now() - startedMs,
      modelId: model.id,
    },
    "demo workspace seeded",
  );
  return true;
}
