/**
 * Ingest payloads and results: predictions, labels and outcomes are flat rows keyed by the version's
 * column names, sent as a JSON array, NDJSON, CSV or Parquet.
 */
import { z } from "zod";
import { isoDateTimeSchema, pageQuerySchema } from "./common.js";
import { fieldErrorSchema } from "../problem.js";

/** The three event streams of a version. */
export const eventKindSchema = z.enum(["predictions", "labels", "outcomes"]);

/** One of the three event streams. */
export type EventKind = z.infer<typeof eventKindSchema>;

/** Media types the ingest routes accept. */
export const ingestMediaTypes = {
  json: "application/json",
  ndjson: "application/x-ndjson",
  csv: "text/csv",
  parquet: "application/vnd.apache.parquet",
} as const;

/** One ingested row: column name to value. */
export const ingestRowSchema = z.record(z.string(), z.unknown());

/** Body of a JSON ingest request: an array of rows. */
export const ingestJsonBodySchema = z.array(ingestRowSchema);

/** Query of the ingest routes. */
export const ingestQuerySchema = z.object({
  partial: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true")
    .describe("store the valid rows and return the rejected ones instead of refusing the batch"),
});

/** A row refused by validation, with every problem found in it. */
export const rejectedRowSchema = z.object({
  row: z.number().int().describe("0-based index in the batch"),
  errors: z.array(fieldErrorSchema),
});

/** Response of a successful ingest request: sent only once the rows are committed to disk. */
export const ingestResultSchema = z
  .object({
    received: z.number().int().describe("rows in the request"),
    accepted: z.number().int().describe("new rows now durably stored"),
    duplicates: z.number().int().describe("rows whose event id was already stored (ignored)"),
    rejected: z.number().int().describe("invalid rows (only with partial=true)"),
    rejectedRows: z.array(rejectedRowSchema).describe("the first rejected rows and why"),
  })
  .meta({ id: "IngestResult" });

/** Response of a successful ingest request. */
export type IngestResult = z.infer<typeof ingestResultSchema>;

/** Query of `GET /versions/:versionId/events`. */
export const listEventsQuerySchema = pageQuerySchema.extend({
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
});

/** One stored prediction joined with its label and outcome, as the API returns it. */
export const storedEventSchema = z.object({
  eventId: z.string(),
  timestamp: isoDateTimeSchema,
  values: z.record(z.string(), z.unknown()).describe("prediction columns"),
  label: z.record(z.string(), z.unknown()).nullable(),
  outcome: z.record(z.string(), z.unknown()).nullable(),
});

/** Response of `GET /versions/:versionId/events`. */
export const eventPageSchema = z.object({
  items: z.array(storedEventSchema),
  page: z.object({ limit: z.number().int(), offset: z.number().int(), total: z.number().int() }),
});

/** Response of `GET /versions/:versionId/stats`: stored row counts per stream. */
export const eventCountsSchema = z.object({
  predictions: z.number().int(),
  labels: z.number().int(),
  outcomes: z.number().int(),
  labelledPredictions: z.number().int().describe("predictions with a label joined by id"),
});

/** Stored row counts per stream. */
export type EventCounts = z.infer<typeof eventCountsSchema>;
