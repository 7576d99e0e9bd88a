/** References: the baseline a version is compared with (an uploaded file or a production time range). */
import { z } from "zod";
import { idSchema, isoDateTimeSchema, nameSchema, pageQuerySchema, toPageSchema } from "./common.js";

/** A reference as the API returns it. */
export const referenceSchema = z
  .object({
    id: idSchema,
    versionId: idSchema,
    name: z.string(),
    kind: z.enum(["file", "time_range"]),
    rowCount: z.number().int().nullable().describe("stored rows (file references)"),
    from: isoDateTimeSchema.nullable().describe("start of the time range, inclusive"),
    to: isoDateTimeSchema.nullable().describe("end of the time range, exclusive"),
    segmentId: idSchema.nullable().describe("the segment this reference is for, if any"),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "Reference" });

/** A reference as the API returns it. */
export type Reference = z.infer<typeof referenceSchema>;

/** Body of `POST /versions/:versionId/references` (time-range references). */
export const createTimeRangeReferenceSchema = z
  .object({
    name: nameSchema,
    from: isoDateTimeSchema,
    to: isoDateTimeSchema,
    segmentId: idSchema.nullable().default(null),
  })
  .strict()
  .refine((value) => Date.parse(value.from) < Date.parse(value.to), {
    error: "from must be before to",
    path: ["to"],
  });

/** Query of `POST /versions/:versionId/references/upload` (the body is the file). */
export const uploadReferenceQuerySchema = z.object({
  name: nameSchema,
  format: z.enum(["csv", "parquet", "ndjson", "json"]).optional().describe("default: from Content-Type"),
  segmentId: idSchema.optional(),
});

/** Query of `GET /versions/:versionId/references`. */
export const listReferencesQuerySchema = pageQuerySchema;

/** Response of `GET /versions/:versionId/references`. */
export const referencePageSchema = toPageSchema(referenceSchema);
