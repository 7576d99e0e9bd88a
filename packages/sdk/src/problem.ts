/**
 * The `application/problem+json` body (RFC 9457) every Sextant error uses, extended with the
 * catalogue `code` and `errors[]` naming the row and field of each validation failure.
 */
import { z } from "zod";

/** The media type of error bodies. */
export const problemMediaType = "application/problem+json";

/** One validation failure: a JSON-pointer path, and for ingest the row index and field name. */
export const fieldErrorSchema = z
  .object({
    path: z.string().describe("JSON pointer into the request, e.g. /rows/3/income or /body/name"),
    row: z.number().int().nonnegative().optional().describe("0-based row index in the batch"),
    field: z.string().optional().describe("column or field name"),
    code: z.string().describe("machine-readable reason, e.g. TYPE_MISMATCH, REQUIRED, UNKNOWN_FIELD"),
    message: z.string(),
  })
  .meta({ id: "FieldError" });

/** One validation failure. */
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** An error response body. */
export const problemSchema = z
  .object({
    type: z.string().describe("urn:sextant:error:<code in kebab case>"),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe("catalogue code, SCREAMING_SNAKE (see docs/errors.md)"),
    instance: z.string().optional().describe("the request path"),
    errors: z.array(fieldErrorSchema).optional(),
    errorCount: z
      .number()
      .int()
      .optional()
      .describe("total number of field errors when errors[] was truncated"),
    retryAfterSeconds: z.number().int().optional(),
  })
  .meta({ id: "Problem" });

/** An error response body. */
export type Problem = z.infer<typeof problemSchema>;
