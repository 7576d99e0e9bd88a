/**
 * The one error type services throw for expected failures: a catalogue code plus detail and, for
 * validation, field errors. Only the HTTP error handler turns it into problem+json.
 */
import { errorCatalogue, type ErrorCode, type FieldError } from "@sextant/sdk";

/** Options of an AppError beyond its code and detail. */
export interface AppErrorOptions {
  readonly errors?: readonly FieldError[];
  /** Total field errors when `errors` was truncated. */
  readonly errorCount?: number;
  readonly retryAfterSeconds?: number;
  readonly cause?: unknown;
}

/** An expected failure with a catalogue code. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string;
  readonly errors: readonly FieldError[] | undefined;
  readonly errorCount: number | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, detail: string, options: AppErrorOptions = {}) {
    super(`${code}: ${detail}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.detail = detail;
    this.errors = options.errors;
    this.errorCount = options.errorCount;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** A not-found error for a resource kind and id. */
export function toNotFoundError(
  code:
    | "WORKSPACE_NOT_FOUND"
    | "MODEL_NOT_FOUND"
    | "VERSION_NOT_FOUND"
    | "REFERENCE_NOT_FOUND"
    | "SEGMENT_NOT_FOUND",
  id: string,
): AppError {
  const kind = code.replace("_NOT_FOUND", "").toLowerCase();
  return new AppError(code, `no ${kind} with id ${id}`);
}
