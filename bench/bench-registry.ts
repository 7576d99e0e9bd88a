/** Registers the benchmark models straight in a store: a production binary model, one version, its schema. */
import type { ColumnSpec } from "@sextant/sdk";
import { deriveEventLayout } from "../packages/server/src/registry/schema-layout.js";
import type { Store } from "../packages/server/src/storage/store.js";

/** Inserts a model, its version and the version's schema (event tables included). */
export async function insertBenchModelVersion(
  store: Store,
  ids: { workspaceId: string; modelId: string; versionId: string; name: string },
  columns: ColumnSpec[],
  now: Date,
): Promise<void> {
  await store.insertModel({
    id: ids.modelId,
    workspaceId: ids.workspaceId,
    name: ids.name,
    description: "",
    task: "binary",
    owner: { kind: "team", name: "bench" },
    businessOwner: null,
    stakeholders: [],
    tags: [],
    riskTier: "medium",
    costPer1kPredictions: null,
    costCurrency: "EUR",
    createdAt: now,
    updatedAt: now,
  });
  await store.insertVersion({
    id: ids.versionId,
    modelId: ids.modelId,
    name: "1.0.0",
    description: "",
    stage: "production",
    source: "api",
    trigger: null,
    trainingRunRef: null,
    datasetRef: null,
    schema: null,
    createdAt: now,
    updatedAt: now,
  });
  await store.saveVersionSchema(
    ids.versionId,
    { revision: 1, columns, updatedAt: now },
    deriveEventLayout(columns),
  );
}
