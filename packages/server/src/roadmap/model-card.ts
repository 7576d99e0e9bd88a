/**
 * A model card assembled from what the registry and monitoring know about one model (ROADMAP.md §5
 * model cards): details, owners, live version provenance, inputs, monitored metrics with their latest
 * production values, stakeholders and risk. Completeness counts the filled required fields.
 */
import type { MonitorRecord, MonitorResultRecord } from "../monitoring/monitoring-records.js";
import type { ModelRecord, VersionRecord } from "../registry/records.js";

/** A metric on the card: the latest production value of a monitored metric. */
export interface CardMetric {
  readonly type: string;
  readonly value: number;
  readonly slice: string | null;
  readonly monitorId: string;
  readonly windowEnd: string;
}

/** The card of one model. */
export interface ModelCard {
  readonly modelId: string;
  readonly name: string;
  readonly description: string;
  readonly task: ModelRecord["task"];
  readonly owners: readonly { readonly name: string; readonly contact: string; readonly role: string }[];
  readonly riskTier: string;
  readonly tags: readonly string[];
  readonly version: {
    readonly id: string;
    readonly name: string;
    readonly date: string;
    readonly description: string;
    readonly trainingRunRef: string | null;
    readonly datasetRef: string | null;
    readonly trigger: string | null;
  } | null;
  readonly inputs: readonly { readonly name: string; readonly type: string; readonly role: string }[];
  readonly sensitiveAttributes: readonly string[];
  readonly monitors: readonly { readonly id: string; readonly kind: string; readonly metric: string }[];
  readonly metrics: readonly CardMetric[];
  readonly stakeholders: readonly { readonly name: string; readonly role: string }[];
  readonly completeness: number;
  readonly missingFields: readonly string[];
  readonly generatedAt: string;
}

/** The fields a complete card needs (completeness = filled / all). */
export const requiredCardFields = [
  "description",
  "owner",
  "business_owner",
  "training_run",
  "training_dataset",
  "input_schema",
  "production_metric",
  "stakeholders",
] as const;

/** Builds the card of a model from its records. */
export function buildModelCard(input: {
  readonly model: ModelRecord;
  readonly versions: readonly VersionRecord[];
  readonly monitors: readonly MonitorRecord[];
  readonly latestResults: readonly MonitorResultRecord[];
  readonly at: Date;
}): ModelCard {
  const { model } = input;
  const live =
    [...input.versions]
      .filter((v) => v.stage === "production")
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0] ??
    [...input.versions].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  const monitors = input.monitors.filter((m) => m.modelId === model.id);
  const perfIds = new Set(
    monitors
      .filter((m) => m.kind === "performance" || m.kind === "fairness" || m.kind === "business_kpi")
      .map((m) => m.id),
  );
  const metrics: CardMetric[] = input.latestResults
    .filter((r) => perfIds.has(r.monitorId) && r.value !== null && Number.isFinite(r.value))
    .map((r) => ({
      type: monitors.find((m) => m.id === r.monitorId)?.metric ?? "metric",
      value: r.value!,
      slice: r.segment,
      monitorId: r.monitorId,
      windowEnd: r.windowEnd.toISOString(),
    }));
  const columns = live?.schema?.columns ?? [];
  const owners = [
    { name: model.owner.name, contact: model.owner.email ?? "", role: `owner (${model.owner.kind})` },
    ...(model.businessOwner === null
      ? []
      : [
          {
            name: model.businessOwner.name,
            contact: model.businessOwner.email ?? "",
            role: "business owner",
          },
        ]),
  ];
  const filled: Record<(typeof requiredCardFields)[number], boolean> = {
    description: model.description.trim() !== "",
    owner: model.owner.name.trim() !== "",
    business_owner: model.businessOwner !== null,
    training_run: live?.trainingRunRef != null,
    training_dataset: live?.datasetRef != null,
    input_schema: columns.length > 0,
    production_metric: metrics.length > 0,
    stakeholders: model.stakeholders.length > 0,
  };
  const missingFields = requiredCardFields.filter((f) => !filled[f]);
  return {
    modelId: model.id,
    name: model.name,
    description: model.description,
    task: model.task,
    owners,
    riskTier: model.riskTier,
    tags: [...model.tags],
    version:
      live === undefined
        ? null
        : {
            id: live.id,
            name: live.name,
            date: live.createdAt.toISOString().slice(0, 10),
            description: live.description,
            trainingRunRef: live.trainingRunRef,
            datasetRef: live.datasetRef,
            trigger: live.trigger,
          },
    inputs: columns.map((c) => ({ name: c.name, type: c.type, role: c.role })),
    sensitiveAttributes: columns.filter((c) => c.role === "protected_attribute").map((c) => c.name),
    monitors: monitors.map((m) => ({ id: m.id, kind: m.kind, metric: m.metric })),
    metrics,
    stakeholders: model.stakeholders.map((s) => ({ name: s.name, role: s.role })),
    completeness: (requiredCardFields.length - missingFields.length) / requiredCardFields.length,
    missingFields,
    generatedAt: input.at.toISOString(),
  };
}
