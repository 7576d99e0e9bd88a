/** Monitors on the wire: what is measured, over which windows, against which baseline and condition. */
import { z } from "zod";
import { idSchema, isoDateTimeSchema, nameSchema, pageQuerySchema, toPageSchema } from "./common.js";

/** What a monitor measures. */
export const monitorKindSchema = z
  .enum([
    "data_drift",
    "dataset_drift",
    "prediction_drift",
    "target_drift",
    "data_quality",
    "performance",
    "estimated_performance",
    "fairness",
    "business_kpi",
    "text_drift",
    "embedding_drift",
    "streaming_detector",
  ])
  .describe("what the monitor measures (docs/monitoring.md lists the metrics of each kind)");

/** Monitor kinds. */
export type MonitorKind = z.infer<typeof monitorKindSchema>;

/** Metrics of `data_quality` monitors (docs/monitoring.md; type errors and schema change: decision 0011). */
export const dataQualityMetricIds = [
  "missing_share",
  "new_category_share",
  "out_of_range_share",
  "volume",
  "freshness",
  "type_error_share",
  "schema_change",
] as const;

/** Metrics of `embedding_drift` monitors (`drift_share` and `auto` choose `mmd`). */
export const embeddingDriftMetricIds = ["mmd", "centroid_distance", "drift_share", "auto"] as const;

/** How time is cut into windows. */
export const windowSpecSchema = z
  .object({
    kind: z.enum(["hourly", "daily", "weekly", "duration"]),
    durationMs: z.number().int().positive().optional().describe("window length for kind duration"),
    timeZone: z.string().min(1).optional().describe("IANA time zone of the alignment (default UTC)"),
  })
  .strict()
  .refine((spec) => spec.kind !== "duration" || spec.durationMs !== undefined, {
    error: "durationMs is required for duration windows",
    path: ["durationMs"],
  });

/** What the window is compared with. */
export const monitorBaselineSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("reference"), referenceId: idSchema }).strict(),
  z
    .object({ kind: z.literal("trailing"), windows: z.number().int().min(1).max(1000) })
    .strict()
    .describe("the `windows` windows just before the evaluated one"),
  z.object({ kind: z.literal("range"), from: isoDateTimeSchema, to: isoDateTimeSchema }).strict(),
]);

/** Which traffic is measured. */
export const monitorScopeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all") }).strict(),
  z.object({ kind: z.literal("segment"), segmentId: idSchema }).strict(),
  z
    .object({ kind: z.literal("each_segment") })
    .strict()
    .describe("every segment of the model, each on its own"),
]);

const direction = z.enum(["higher_is_better", "lower_is_better"]);
const anyDirection = z.enum(["higher_is_better", "lower_is_better", "two_sided"]);

/** The condition a window's value must meet; baseline numbers are computed at evaluation. */
export const monitorConditionSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("fixed"),
      direction,
      warning: z.number().optional(),
      critical: z.number().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal("fixed_range"),
      lowerWarning: z.number().optional(),
      lowerCritical: z.number().optional(),
      upperWarning: z.number().optional(),
      upperCritical: z.number().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal("relative"),
      direction: anyDirection,
      warningPercent: z.number().min(0).optional(),
      criticalPercent: z.number().min(0).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal("learned"),
      direction: anyDirection,
      warningSigmas: z.number().positive().optional(),
      criticalSigmas: z.number().positive().optional(),
    })
    .strict(),
  z
    .object({ kind: z.literal("better_than_dummy"), direction, warningMargin: z.number().min(0).optional() })
    .strict(),
]);

/** Monitor condition. */
export type MonitorCondition = z.infer<typeof monitorConditionSchema>;

const monitorFields = {
  name: nameSchema,
  description: z.string().max(2000).default(""),
  versionId: idSchema.describe("the model version whose events are monitored"),
  kind: monitorKindSchema,
  metric: z
    .string()
    .min(1)
    .max(100)
    .describe(
      "metric id, e.g. psi, drift_share, missing_share, type_error_share, schema_change, mmd, f1, demographic_parity_difference, mean",
    ),
  columns: z.array(z.string().min(1)).max(500).default([]).describe("columns measured; empty = all features"),
  params: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .default({})
    .describe("kind-specific settings, e.g. method, protectedAttribute, aggregation, threshold, detector"),
  window: windowSpecSchema,
  baseline: monitorBaselineSchema,
  scope: monitorScopeSchema.default({ kind: "all" }),
  condition: monitorConditionSchema,
  forWindows: z.number().int().min(1).max(1000).default(1).describe("consecutive violating windows to fire"),
  minSampleSize: z.number().int().min(0).default(30).describe("below this the window is no_data"),
  delayMs: z.number().int().min(0).default(0).describe("wait after a window ends before evaluating it"),
  evaluateFrom: isoDateTimeSchema
    .optional()
    .describe("backfill: evaluate windows from this instant (default: the window containing the creation)"),
  channelIds: z.array(idSchema).max(50).default([]),
  enabled: z.boolean().default(true),
  labels: z
    .record(z.string(), z.string())
    .default({})
    .describe("free labels, e.g. the policy that created it"),
};

/** Body of `POST /models/:modelId/monitors`. */
export const createMonitorSchema = z.object(monitorFields).strict();

/** Body of `POST /models/:modelId/monitors`. */
export type CreateMonitor = z.input<typeof createMonitorSchema>;

/** Body of `PATCH /monitors/:id` (every field optional). */
export const updateMonitorSchema = z
  .object({
    name: nameSchema.optional(),
    description: z.string().max(2000).optional(),
    columns: z.array(z.string().min(1)).max(500).optional(),
    params: monitorFields.params.unwrap().optional(),
    window: windowSpecSchema.optional(),
    baseline: monitorBaselineSchema.optional(),
    scope: monitorScopeSchema.optional(),
    condition: monitorConditionSchema.optional(),
    forWindows: z.number().int().min(1).max(1000).optional(),
    minSampleSize: z.number().int().min(0).optional(),
    delayMs: z.number().int().min(0).optional(),
    evaluateFrom: isoDateTimeSchema
      .optional()
      .describe("re-evaluate from this instant: clears the run bookkeeping and alert states"),
    channelIds: z.array(idSchema).max(50).optional(),
    enabled: z.boolean().optional(),
    labels: z.record(z.string(), z.string()).optional(),
  })
  .strict();

/** A monitor's alert state for one scope (all traffic or one segment). */
export const monitorScopeStateSchema = z.object({
  segment: z.string().nullable(),
  status: z.enum(["ok", "pending", "firing", "resolved", "no_data", "error"]),
  severity: z.enum(["warning", "critical"]).nullable(),
  since: isoDateTimeSchema,
  detail: z.string().nullable(),
});

/** A monitor as the API returns it. */
export const monitorSchema = z
  .object({
    id: idSchema,
    modelId: idSchema,
    ...monitorFields,
    description: z.string(),
    health: z.enum(["healthy", "failing", "never_run"]),
    lastError: z.string().nullable(),
    lastRunAt: isoDateTimeSchema.nullable(),
    evaluatedUntil: isoDateTimeSchema.nullable().describe("end of the latest evaluated window"),
    evaluateFrom: isoDateTimeSchema.nullable().describe("backfill start, null = from the creation"),
    states: z.array(monitorScopeStateSchema),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: "Monitor" });

/** A monitor as the API returns it. */
export type Monitor = z.infer<typeof monitorSchema>;

/** Query of `GET /models/:modelId/monitors`. */
export const listMonitorsQuerySchema = pageQuerySchema;

/** Response of the monitor lists. */
export const monitorPageSchema = toPageSchema(monitorSchema);

/** One stored window result of a monitor. */
export const monitorResultSchema = z
  .object({
    monitorId: idSchema,
    segment: z.string().nullable(),
    windowStart: isoDateTimeSchema,
    windowEnd: isoDateTimeSchema,
    value: z.number().nullable(),
    sampleSize: z.number().int(),
    severity: z.enum(["none", "warning", "critical"]),
    status: z.enum(["ok", "pending", "firing", "resolved", "no_data", "error"]),
    detail: z.string().nullable(),
    evidence: z
      .record(z.string(), z.unknown())
      .describe("method, threshold, per-column scores, realised value"),
    evaluatedAt: isoDateTimeSchema,
  })
  .meta({ id: "MonitorResult" });

/** Query of `GET /monitors/:id/results`. */
export const listMonitorResultsQuerySchema = pageQuerySchema.extend({
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
  segment: z.string().optional(),
});

/** Response of `GET /monitors/:id/results`. */
export const monitorResultPageSchema = toPageSchema(monitorResultSchema);

/** Body of `POST /monitors/:id/run`: evaluate now (closed windows up to `at`, default now). */
export const runMonitorSchema = z.object({ at: isoDateTimeSchema.optional() }).strict();

/** Response of `POST /monitors/:id/run`. */
export const runMonitorResultSchema = z.object({
  evaluatedWindows: z.number().int(),
  notifications: z.number().int(),
  error: z.string().nullable(),
});
