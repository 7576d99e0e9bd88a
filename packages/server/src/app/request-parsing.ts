/** Parses a request's params, query and body with the contract's zod schemas; failures are VALIDATION_FAILED. */
import type { Operation } from "@sextant/sdk";
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import { AppError } from "./app-error.js";
import { fieldErrorsFromZod } from "./error-handler.js";

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The parsed parts of a request. */
export interface ParsedRequest<O extends Operation> {
  readonly params: Parsed<O["params"]>;
  readonly query: Parsed<O["query"]>;
  readonly body: Parsed<O["body"]>;
}

function parsePart(schema: z.ZodType | undefined, value: unknown, location: string): unknown {
  if (schema === undefined) return undefined;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const errors = fieldErrorsFromZod(result.error, location);
  throw new AppError(
    "VALIDATION_FAILED",
    `invalid ${location}: ${errors.map((error) => `${error.path} ${error.message}`).join("; ")}`,
    { errors },
  );
}

/** Parses params, query and (unless `skipBody`) the JSON body of a request against an operation. */
export function parseRequest<O extends Operation>(
  operation: O,
  request: FastifyRequest,
  skipBody = false,
): ParsedRequest<O> {
  return {
    params: parsePart(operation.params, request.params, "params"),
    query: parsePart(operation.query, request.query, "query"),
    body: skipBody ? undefined : parsePart(operation.body, request.body, "body"),
  } as ParsedRequest<O>;
}
