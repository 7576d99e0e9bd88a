/**
 * The schema of a model version: its columns, each with a role (id, timestamp, feature, prediction,
 * target, ...) and a value type. Ingested rows are flat objects keyed by these column names.
 */
import { z } from "zod";
import { isoDateTimeSchema } from "./common.js";

/** What a column is for. */
export const columnRoleSchema = z.enum([
  "id",
  "timestamp",
  "feature",
  "prediction_label",
  "prediction_score",
  "class_probabilities",
  "target",
  "segment",
  "protected_attribute",
  "business_outcome",
]);

/** What a column is for. */
export type ColumnRole = z.infer<typeof columnRoleSchema>;

/** How a column's values are typed. */
export const valueTypeSchema = z.enum([
  "string",
  "timestamp",
  "numeric",
  "categorical",
  "boolean",
  "text",
  "embedding",
  "probabilities",
]);

/** How a column's values are typed. */
export type ValueType = z.infer<typeof valueTypeSchema>;

/** The value types each role accepts. */
export const allowedValueTypes: Readonly<Record<ColumnRole, readonly ValueType[]>> = {
  id: ["string"],
  timestamp: ["timestamp"],
  feature: ["numeric", "categorical", "boolean", "text", "embedding"],
  prediction_label: ["categorical", "numeric", "boolean"],
  prediction_score: ["numeric"],
  class_probabilities: ["probabilities"],
  target: ["categorical", "numeric", "boolean"],
  segment: ["categorical", "boolean"],
  protected_attribute: ["categorical", "boolean"],
  business_outcome: ["numeric", "boolean", "categorical"],
};

/** One column of a version schema. */
export const columnSpecSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .max(128)
      .refine(
        (name) =>
          !name.includes('"') &&
          Array.from({ length: name.length }, (_, i) => name.charCodeAt(i)).every((code) => code >= 32),
        "no control characters or double quotes",
      ),
    role: columnRoleSchema,
    type: valueTypeSchema,
    nullable: z.boolean().default(true),
    dimension: z.number().int().min(1).max(4096).optional().describe("embedding length"),
    classes: z.array(z.string()).min(2).optional().describe("class names, in order, for class probabilities"),
    description: z.string().max(2000).default(""),
  })
  .strict()
  .meta({ id: "ColumnSpec" });

/** One column of a version schema. */
export type ColumnSpec = z.infer<typeof columnSpecSchema>;

/** A version schema as the API returns it. */
export const versionSchemaSchema = z
  .object({
    revision: z.number().int().describe("incremented by every edit"),
    columns: z.array(columnSpecSchema),
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: "VersionSchema" });

/** A version schema as the API returns it. */
export type VersionSchema = z.infer<typeof versionSchemaSchema>;

/** Body of `PUT /versions/:versionId/schema`. */
export const putVersionSchemaSchema = z
  .object({ columns: z.array(columnSpecSchema).min(1).max(2000) })
  .strict();

/** Body of `PUT /versions/:versionId/schema`. */
export type PutVersionSchema = z.input<typeof putVersionSchemaSchema>;

/** Body of `POST /versions/:versionId/schema/infer`: sample rows plus role hints. */
export const inferSchemaRequestSchema = z
  .object({
    rows: z.array(z.record(z.string(), z.unknown())).min(1).max(10_000),
    idColumn: z.string().optional(),
    timestampColumn: z.string().optional(),
    predictionColumns: z.array(z.string()).default([]),
    targetColumns: z.array(z.string()).default([]),
    segmentColumns: z.array(z.string()).default([]),
    protectedAttributes: z.array(z.string()).default([]),
    outcomeColumns: z.array(z.string()).default([]),
    apply: z.boolean().default(false).describe("save the inferred schema on the version"),
  })
  .strict();

/** Body of `POST /versions/:versionId/schema/infer`. */
export type InferSchemaRequest = z.input<typeof inferSchemaRequestSchema>;

/** Response of `POST /versions/:versionId/schema/infer`. */
export const inferSchemaResponseSchema = z.object({
  columns: z.array(columnSpecSchema),
  applied: z.boolean(),
  schema: versionSchemaSchema.nullable(),
});
