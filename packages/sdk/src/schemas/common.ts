/** Wire building blocks shared by every resource: ids, timestamps, pagination. */
import { z } from "zod";

/** An opaque resource id, e.g. `mdl_0a1b2c...`. */
export const idSchema = z
  .string()
  .regex(/^[a-z]{2,4}_[0-9a-z]{8,40}$/, "not a Sextant id")
  .describe("opaque id: prefix, underscore, lowercase alphanumerics");

/** An ISO-8601 timestamp in UTC on the wire. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true }).describe("ISO-8601 timestamp");

/** Pagination query parameters shared by every list. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50).describe("page size (1-500)"),
  offset: z.coerce.number().int().min(0).default(0).describe("rows to skip"),
});

/** Pagination metadata of every list response. */
export const pageInfoSchema = z
  .object({
    limit: z.number().int(),
    offset: z.number().int(),
    total: z.number().int().describe("number of items matching the filter"),
  })
  .meta({ id: "PageInfo" });

/** A page of items and its pagination metadata. */
export function toPageSchema<T extends z.ZodType>(
  item: T,
): z.ZodObject<{
  items: z.ZodArray<T>;
  page: typeof pageInfoSchema;
}> {
  return z.object({ items: z.array(item), page: pageInfoSchema });
}

/** A free-text, trimmed, non-empty name. */
export const nameSchema = z.string().trim().min(1).max(200);

/** A tag: lowercase word characters, dashes, dots, colons. */
export const tagSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.:-]{0,63}$/, "tags are lowercase, 1-64 chars of a-z 0-9 _ . : -");

/** Path parameter of routes addressing one resource. */
export const idParamsSchema = z.object({ id: idSchema });
