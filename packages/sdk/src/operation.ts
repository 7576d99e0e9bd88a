/** The shape of one REST operation, shared by every part of the contract (api-contract*.ts). */
import type { z } from "zod";
import type { ErrorCode } from "./error-codes.js";

/** One REST operation of the contract. */
export interface Operation {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Fastify-style path under /api/v1, e.g. `/models/:id`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** Media types of a raw body (ingest and uploads); the JSON form is `body`. */
  readonly rawBodyMediaTypes?: readonly string[];
  readonly successStatus: 200 | 201 | 204;
  readonly response?: z.ZodType;
  /** Media types of a document response without a JSON schema (exports such as CSV or Markdown). */
  readonly responseMediaTypes?: readonly string[];
  readonly errors: readonly ErrorCode[];
}
