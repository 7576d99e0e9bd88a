/** Incidents, alert channels, notification deliveries and organisation policies on the wire. */
import { z } from "zod";
import {
  idSchema,
  isoDateTimeSchema,
  nameSchema,
  pageQuerySchema,
  tagSchema,
  toPageSchema,
} from "./common.js";
import { createMonitorSchema } from "./monitoring.js";

const severity = z.enum(["warning", "critical"]);

/** One entry of an incident timeline. */
export const incidentTimelineEntrySchema = z.object({
  at: isoDateTimeSchema,
  kind: z.enum([
    "opened",
    "violation",
    "escalated",
    "notified",
    "acknowledged",
    "resolved",
    "snoozed",
    "reopened",
  ]),
  monitorId: idSchema.nullable(),
  detail: z.string(),
});

/** An incident as the API returns it. */
export const incidentSchema = z
  .object({
    id: idSchema,
    modelId: idSchema,
    segment: z.string().nullable(),
    status: z.enum(["open", "acknowledged", "resolved"]),
    severity,
    title: z.string(),
    openedAt: isoDateTimeSchema,
    acknowledgedAt: isoDateTimeSchema.nullable(),
    resolvedAt: isoDateTimeSchema.nullable(),
    snoozedUntil: isoDateTimeSchema.nullable(),
    monitorIds: z.array(idSchema),
    causeCount: z.number().int(),
    timeline: z.array(incidentTimelineEntrySchema),
  })
  .meta({ id: "Incident" });

/** An incident as the API returns it. */
export type IncidentResponse = z.infer<typeof incidentSchema>;

/** Query of `GET /incidents`. */
export const listIncidentsQuerySchema = pageQuerySchema.extend({
  modelId: idSchema.optional(),
  status: z.enum(["open", "acknowledged", "resolved"]).optional(),
});

/** Response of `GET /incidents`. */
export const incidentPageSchema = toPageSchema(incidentSchema);

/** Body of `POST /incidents/:id/snooze`. */
export const snoozeIncidentSchema = z.object({ until: isoDateTimeSchema }).strict();

/** Channel settings per kind. */
export const channelConfigSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("webhook"),
      url: z.url(),
      secret: z.string().min(8).describe("HMAC-SHA256 key"),
    })
    .strict(),
  z.object({ kind: z.literal("slack"), url: z.url() }).strict(),
  z
    .object({
      kind: z.literal("email"),
      to: z.array(z.email()).min(1).max(50),
      from: z.email(),
      host: z.string().min(1),
      port: z.number().int().min(1).max(65_535).default(25),
    })
    .strict(),
  z
    .object({ kind: z.literal("pagerduty"), url: z.url(), routingKey: z.string().min(1) })
    .strict()
    .describe("PagerDuty Events v2 payloads POSTed to url"),
]);

/** Body of `POST /channels`. */
export const createChannelSchema = z
  .object({
    name: nameSchema,
    workspaceId: idSchema.nullable().default(null),
    minSeverity: severity.default("warning").describe("incidents below this severity are not sent here"),
    config: channelConfigSchema,
  })
  .strict();

/** A channel as the API returns it (secrets are never returned). */
export const channelSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    workspaceId: idSchema.nullable(),
    kind: z.enum(["webhook", "slack", "email", "pagerduty"]),
    minSeverity: severity,
    target: z.string().describe("URL host or recipients, for display"),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "Channel" });

/** Response of `GET /channels`. */
export const channelPageSchema = toPageSchema(channelSchema);

/** A notification delivery (pending, delivered, or dead-lettered after its retries). */
export const deliverySchema = z
  .object({
    id: idSchema,
    channelId: idSchema,
    incidentId: idSchema.nullable(),
    event: z.enum(["fire", "escalate", "resolve", "test"]),
    status: z.enum(["pending", "delivered", "dead"]),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    nextAttemptAt: isoDateTimeSchema.nullable(),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "Delivery" });

/** Query of `GET /deliveries`. */
export const listDeliveriesQuerySchema = pageQuerySchema.extend({
  status: z.enum(["pending", "delivered", "dead"]).optional(),
});

/** Response of `GET /deliveries`. */
export const deliveryPageSchema = toPageSchema(deliverySchema);

/** A monitor template of a policy (a monitor body without version; the version is the model's production one). */
export const monitorTemplateSchema = createMonitorSchema.omit({ versionId: true });

/** Body of `POST /policies`. */
export const createPolicySchema = z
  .object({
    name: nameSchema,
    selector: z
      .object({
        workspaceId: idSchema.optional(),
        stage: z.enum(["staging", "production", "archived"]).optional(),
        tags: z.array(tagSchema).max(20).optional().describe("every tag must be on the model"),
      })
      .strict(),
    requireOwner: z.boolean().default(true),
    templates: z.array(monitorTemplateSchema).max(50).default([]),
  })
  .strict();

/** A policy as the API returns it. */
export const policySchema = z
  .object({
    id: idSchema,
    name: z.string(),
    selector: createPolicySchema.shape.selector,
    requireOwner: z.boolean(),
    templates: z.array(monitorTemplateSchema),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "Policy" });

/** Response of `GET /policies`. */
export const policyPageSchema = toPageSchema(policySchema);

/** One finding of a policy compliance check. */
export const policyFindingSchema = z.object({
  policyId: idSchema,
  modelId: idSchema,
  modelName: z.string(),
  problem: z.enum(["missing_monitor", "missing_owner", "no_production_version"]),
  detail: z.string(),
});

/** Response of `GET /policies/compliance` and `POST /policies/:id/apply`. */
export const policyReportSchema = z.object({
  findings: z.array(policyFindingSchema),
  createdMonitorIds: z.array(idSchema),
});
