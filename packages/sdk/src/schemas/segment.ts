/** Segments: named AND-filters on a model's columns; every metric can run per segment. */
import { z } from "zod";
import { idSchema, isoDateTimeSchema, nameSchema, pageQuerySchema, toPageSchema } from "./common.js";

const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);

/** One condition of a segment filter. */
export const segmentConditionSchema = z.discriminatedUnion("op", [
  z.object({ column: z.string().min(1), op: z.enum(["eq", "neq"]), value: scalarSchema }).strict(),
  z.object({ column: z.string().min(1), op: z.enum(["gt", "gte", "lt", "lte"]), value: z.number() }).strict(),
  z
    .object({ column: z.string().min(1), op: z.enum(["in", "not_in"]), values: z.array(scalarSchema).min(1) })
    .strict(),
  z.object({ column: z.string().min(1), op: z.enum(["is_null", "is_not_null"]) }).strict(),
]);

/** One condition of a segment filter. */
export type SegmentCondition = z.infer<typeof segmentConditionSchema>;

/** A segment as the API returns it. */
export const segmentSchema = z
  .object({
    id: idSchema,
    modelId: idSchema,
    name: z.string(),
    description: z.string(),
    conditions: z.array(segmentConditionSchema).describe("all must hold (AND)"),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: "Segment" });

/** A segment as the API returns it. */
export type Segment = z.infer<typeof segmentSchema>;

/** Body of `POST /models/:modelId/segments`. */
export const createSegmentSchema = z
  .object({
    name: nameSchema,
    description: z.string().max(2000).default(""),
    conditions: z.array(segmentConditionSchema).min(1).max(20),
  })
  .strict();

/** Body of `POST /models/:modelId/segments`. */
export type CreateSegment = z.input<typeof createSegmentSchema>;

/** Body of `PATCH /segments/:id`. */
export const updateSegmentSchema = z
  .object({
    name: nameSchema.optional(),
    description: z.string().max(2000).optional(),
    conditions: z.array(segmentConditionSchema).min(1).max(20).optional(),
  })
  .strict();

/** Query of `GET /models/:modelId/segments`. */
export const listSegmentsQuerySchema = pageQuerySchema.extend({
  q: z.string().optional().describe("substring of the name"),
});

/** Response of `GET /models/:modelId/segments`. */
export const segmentPageSchema = toPageSchema(segmentSchema);
