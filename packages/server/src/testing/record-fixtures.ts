/** Builders of domain records and event batches for tests (fixed dates, valid ids). */
import type { ColumnSpec } from "@sextant/sdk";
import type { ModelRecord, VersionRecord, WorkspaceRecord } from "../registry/records.js";
import { createBatchBuilder } from "../ingest/batch-builder.js";
import type { BatchTarget, EventBatch } from "../storage/event-batch.js";

/** A fixed instant tests use as "now". */
export const fixedNow = new Date("2026-11-30T12:00:00.000Z");

/** A valid id with the prefix and a numeric suffix. */
export function toTestId(prefix: string, n: number): string {
  return `${prefix}_test${String(n).padStart(12, "0")}`;
}

/** A workspace record. */
export function buildWorkspace(n: number, overrides: Partial<WorkspaceRecord> = {}): WorkspaceRecord {
  return {
    id: toTestId("ws", n),
    slug: `team-${n}`,
    name: `Team ${n}`,
    description: "",
    createdAt: fixedNow,
    updatedAt: fixedNow,
    ...overrides,
  };
}

/** A model record. */
export function buildModel(
  n: number,
  workspaceId: string,
  overrides: Partial<ModelRecord> = {},
): ModelRecord {
  return {
    id: toTestId("mdl", n),
    workspaceId,
    name: `model-${n}`,
    description: "",
    task: "binary",
    owner: { kind: "team", name: "owners" },
    businessOwner: null,
    stakeholders: [],
    tags: ["credit"],
    riskTier: "medium",
    costPer1kPredictions: 0.5,
    costCurrency: "EUR",
    createdAt: fixedNow,
    updatedAt: fixedNow,
    ...overrides,
  };
}

/** A version record without schema. */
export function buildVersion(
  n: number,
  modelId: string,
  overrides: Partial<VersionRecord> = {},
): VersionRecord {
  return {
    id: toTestId("ver", n),
    modelId,
    name: `1.${n}.0`,
    description: "",
    stage: "staging",
    source: "api",
    trigger: null,
    trainingRunRef: null,
    datasetRef: null,
    schema: null,
    createdAt: fixedNow,
    updatedAt: fixedNow,
    ...overrides,
  };
}

/** A small schema: id, timestamp, a numeric, a categorical, an embedding, a score, a target, an outcome. */
export const testColumns: ColumnSpec[] = [
  { name: "id", role: "id", type: "string", nullable: false, description: "" },
  { name: "ts", role: "timestamp", type: "timestamp", nullable: false, description: "" },
  { name: "income", role: "feature", type: "numeric", nullable: true, description: "" },
  { name: "city", role: "feature", type: "categorical", nullable: true, description: "" },
  { name: "vec", role: "feature", type: "embedding", nullable: true, dimension: 2, description: "" },
  { name: "owns_car", role: "feature", type: "boolean", nullable: true, description: "" },
  { name: "score", role: "prediction_score", type: "numeric", nullable: false, description: "" },
  { name: "label", role: "target", type: "categorical", nullable: false, description: "" },
  { name: "revenue", role: "business_outcome", type: "numeric", nullable: false, description: "" },
];

/** A prediction row of `testColumns`. */
export function buildPredictionRow(n: number): Record<string, unknown> {
  return {
    id: `e${n}`,
    ts: new Date(fixedNow.getTime() + n * 60_000).toISOString(),
    income: n % 5 === 0 ? null : 1000 + n,
    city: ["paris", "lyon", "nice"][n % 3],
    vec: [n, -n],
    owns_car: n % 2 === 0,
    score: (n % 10) / 10,
  };
}

/** A validated batch of rows for a target (throws when a row is invalid). */
export function buildBatch(
  target: BatchTarget,
  rows: readonly Record<string, unknown>[],
  columns = testColumns,
): EventBatch {
  const builder = createBatchBuilder({ columns, target, receivedAtMs: fixedNow.getTime() });
  rows.forEach((row, index) => {
    const errors = builder.addRow(row, index);
    if (errors.length > 0) throw new Error(JSON.stringify(errors));
  });
  return builder.build();
}
